"""Readers for the annotated corpora kabar's models learn from and are scored on.

Each set keeps its own format (token-per-line BIO or BILOU with TAB or space columns, CRLF line
ends, latin-1, CoNLL-U), so each is read as it is, and a malformed line stops the reader with
the file and line number instead of silently skewing a score.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab


class CorpusError(ValueError):
    """A corpus file that cannot be read as the format it claims."""


# How each data set's entity labels map to kabar's (PERSON/ORG/LOC). Labels mapped to None
# have no counterpart in kabar and are dropped: they become "O" in training and are left out
# of scoring. NERP's IND ("industry": companies, brands, institutions) is closest to ORG.
LABEL_MAP: dict[str, str | None] = {
    "PERSON": "PERSON", "PER": "PERSON", "PPL": "PERSON",
    "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "ORG": "ORG", "IND": "ORG",
    "PLACE": "LOC", "LOCATION": "LOC", "LOC": "LOC", "PLC": "LOC", "GPE": "GPE",
    "EVT": None, "FNB": None, "TIME": None, "QUANTITY": None, "MISC": None,
}

_TAG = re.compile(r"^(O|[BIESLU]-\S+)$")


@dataclass
class TaggedSentence:
    """One sentence of an entity-tagged corpus: words and their B/I/L/U/E/S-LABEL or O tags."""

    words: list[str]
    tags: list[str]

    def spans(self) -> list[tuple[int, int, str]]:
        """Entity spans (start, end, label) read from BIO, IOB1, BIOES or BILOU tags.

        An I- that does not continue an entity of the same label opens a new one (the usual
        CoNLL reading), so sets that omit B- on entity starts still read correctly."""
        spans, start, label = [], None, None
        for i, tag in enumerate(self.tags + ["O"]):
            prefix, _, name = tag.partition("-")
            continues = prefix in {"I", "L", "E"} and label == name and start is not None
            if start is not None and not continues:
                spans.append((start, i, label))
                start, label = None, None
            if prefix in {"B", "U", "S"} or (prefix in {"I", "L", "E"} and not continues):
                start, label = i, name
            if prefix in {"L", "E", "U", "S"} and start is not None:
                spans.append((start, i + 1, label))
                start, label = None, None
        return spans


def read_tagged(path: str | Path, encoding: str = "utf-8") -> list[TaggedSentence]:
    """Read a token-per-line entity corpus: token first, tag last, blank line between sentences.

    Columns may be separated by TAB or spaces (IdNER-news-2k has `token POS tag`); CRLF line
    ends are accepted; `-DOCSTART-` lines are skipped."""
    path = Path(path)
    try:
        text = path.read_text(encoding=encoding)
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not {encoding} text ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise CorpusError(f"{path}: cannot read ({err.strerror})") from None
    sentences, words, tags = [], [], []
    for lineno, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            if words:
                sentences.append(TaggedSentence(words, tags))
                words, tags = [], []
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        if len(cols) < 2:
            raise CorpusError(f"{path}:{lineno}: expected 'token<TAB>tag', got {line!r}")
        if cols[0].startswith("-DOCSTART-"):
            continue
        tag = cols[-1].strip()
        if not _TAG.match(tag):
            raise CorpusError(f"{path}:{lineno}: bad entity tag {tag!r} (want O or B-/I-/L-/U-/E-/S-LABEL)")
        words.append(cols[0].strip())
        tags.append(tag)
    if words:
        sentences.append(TaggedSentence(words, tags))
    if not sentences:
        raise CorpusError(f"{path}: no sentences")
    return sentences


@dataclass
class UDSentence:
    """One CoNLL-U sentence over its syntactic words (multiword-token ranges are dropped)."""

    words: list[str]
    spaces: list[bool]
    lemmas: list[str]
    upos: list[str]
    xpos: list[str]
    feats: list[str]
    heads: list[int]  # 0-based index of the head; the root points at itself
    deps: list[str]
    sent_id: str = ""
    comments: list[str] = field(default_factory=list)


def read_conllu(path: str | Path) -> list[UDSentence]:
    """Read a CoNLL-U file; reject lines without 10 columns, bad ids and heads out of range."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as err:
        raise CorpusError(f"{path}: cannot read as UTF-8 CoNLL-U ({err})") from None
    sentences: list[UDSentence] = []
    rows: list[tuple[int, list[str]]] = []
    comments: list[str] = []
    for lineno, line in enumerate(lines + [""], start=1):
        line = line.rstrip("\r")
        if line.startswith("#"):
            comments.append(line)
            continue
        if not line.strip():
            if rows:
                sentences.append(_ud_sentence(path, rows, comments))
            rows, comments = [], []
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise CorpusError(f"{path}:{lineno}: CoNLL-U line needs 10 TAB-separated columns, has {len(cols)}")
        if re.fullmatch(r"\d+-\d+|\d+\.\d+", cols[0]):
            if "-" in cols[0]:  # multiword token: keep its range for spacing, not as a word
                rows.append((lineno, ["MWT", cols[0], "SpaceAfter=No" in cols[9]]))
            continue
        if not cols[0].isdigit() or not cols[6].isdigit():
            raise CorpusError(f"{path}:{lineno}: bad ID {cols[0]!r} or HEAD {cols[6]!r}")
        rows.append((lineno, cols))
    if not sentences:
        raise CorpusError(f"{path}: no sentences")
    return sentences


def _ud_sentence(path: Path, rows: list[tuple[int, list[str]]], comments: list[str]) -> UDSentence:
    glued: set[int] = set()  # 1-based ids of words with no space after them inside a token
    words_rows = []
    for lineno, cols in rows:
        if cols[0] == "MWT":
            first, last = map(int, cols[1].split("-"))
            glued.update(range(first, last + (1 if cols[2] else 0)))
        else:
            words_rows.append((lineno, cols))
    n = len(words_rows)
    s = UDSentence([], [], [], [], [], [], [], [], comments=comments)
    for i, (lineno, cols) in enumerate(words_rows):
        if int(cols[0]) != i + 1:
            raise CorpusError(f"{path}:{lineno}: word ID {cols[0]} out of sequence (expected {i + 1})")
        head = int(cols[6])
        if head > n:
            raise CorpusError(f"{path}:{lineno}: HEAD {head} beyond the sentence's {n} words")
        s.words.append(cols[1])
        s.lemmas.append("" if cols[2] == "_" and cols[1] != "_" else cols[2])
        s.upos.append("" if cols[3] == "_" else cols[3])
        s.xpos.append("" if cols[4] == "_" else cols[4])
        s.feats.append("" if cols[5] == "_" else cols[5])
        s.heads.append(head - 1 if head else i)
        s.deps.append(cols[7])
        s.spaces.append("SpaceAfter=No" not in cols[9] and (i + 1) not in glued)
    for c in comments:
        if c.startswith("# sent_id"):
            s.sent_id = c.split("=", 1)[1].strip()
    return s


def ud_doc(vocab: Vocab, s: UDSentence, lemmas: bool = True, morph: bool = True) -> Doc:
    """A spaCy Doc carrying the sentence's gold annotation (missing fields stay missing)."""
    feats = [f or "" for f in s.feats] if morph else None
    lem = [l or "" for l in s.lemmas] if lemmas and any(s.lemmas) else None
    return Doc(vocab, words=s.words, spaces=s.spaces, pos=[p or "X" for p in s.upos],
               morphs=feats, lemmas=lem, heads=s.heads, deps=s.deps, sent_starts=[True] + [False] * (len(s.words) - 1))


def ner_doc(vocab: Vocab, s: TaggedSentence, label_map: dict[str, str | None] | None = None) -> Doc:
    """A spaCy Doc with gold entities; with `label_map`, labels are renamed and unmapped ones
    dropped (their tokens become O)."""
    doc = Doc(vocab, words=s.words)
    ents = []
    for start, end, label in s.spans():
        if label_map is not None:
            label = label_map.get(label)
            if label is None:
                continue
        ents.append(doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label=label))
    doc.ents = ents
    return doc


def save_docs(docs: list[Doc], path: str | Path) -> Path:
    """Write Docs as a spaCy DocBin file (the format `spacy train` reads)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return path
