"""Training-time variants of the UD sentences (`[corpora.train.augmenter]` in training/ud.cfg).

Three kinds, each on a share of the sentences spaCy reads while training:

- line breaks: the seed article's paragraph breaks are tokens, the treebanks have none, so
  "\\n"/"\\n\\n" tokens are inserted (spaCy's own whitespace augmenter);
- temporal subordinators: "sejak, semenjak, setelah, sesudah, sebelum, selama, hingga" are
  both prepositions ("sejak 2009") and conjunctions ("sejak Kim dan Putin menandatangani
  perjanjian"), and one can stand for another in either use without changing the tree. The
  treebanks teach the clause use of "setelah" (dozens of clauses with a subject) but of "sejak"
  a handful, and a model read "sejak Putin menandatangani" with "Putin" as the object of a
  preposition. A sentence that has one of them gets, with probability `swap_level`, each of them
  replaced by another picked at random (same capitalisation, its own form as lemma); heads,
  relations and tags stay, so the annotation remains true of the new sentence. Measured
  (training/README.md, run S): short "sejak" clauses come out right, scores are level, and the
  treebanks' own subordinate-clause subjects are found no more often; the shipped model was
  trained with it, so it stays in the recipe that rebuilds that model;
- long clause subjects: news names its actors with titles and in pairs ("sejak pemimpin Korea
  Utara Kim Jong Un dan Presiden Rusia Vladimir Putin secara resmi menandatangani"), while a
  treebank clause subject is mostly a word or two, and models hung such a subject on the noun
  before the subordinator. With probability `subject_level`, a subordinate-clause subject (a
  subject between its verb's `mark` and the verb) is coordinated with a noun phrase taken from
  an earlier training sentence ("daerah itu dan Presiden Rusia Vladimir Putin"): the phrase's
  own tree is kept, its head becomes a `conj` of the subject with a "dan" (`cc`) before it. The
  sentence is still grammatical and its tree still true, only longer.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable, Iterator

import spacy
from spacy.tokens import Doc, Token
from spacy.training import Example
from spacy.training.augment import combined_augmenter

# Indonesian words that are both temporal prepositions and temporal conjunctions (KBBI: "kata
# depan" and "kata penghubung"); "sampai" is left out, it is also a verb ("arrive").
TEMPORAL_SUBORDINATORS = ("sejak", "semenjak", "setelah", "sesudah", "sebelum", "selama", "hingga")


def _same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word


def swap_subordinators(example: Example, rng: random.Random, words: tuple[str, ...] = TEMPORAL_SUBORDINATORS) -> Example:
    """`example` with each of `words` replaced by another of them; the tree and tags unchanged."""
    ref = example.reference
    if not any(tok.text.lower() in words for tok in ref):
        return example
    new_words, lemmas = [], []
    for tok in ref:
        low = tok.text.lower()
        if low in words:
            other = rng.choice([w for w in words if w != low])
            new_words.append(_same_case(other, tok.text))
            # a lemma the annotators gave is the word's own form (or a stem such as "belum"): the new word's is its form
            lemmas.append(other if tok.lemma_ else "")
        else:
            new_words.append(tok.text)
            lemmas.append(tok.lemma_)
    doc = Doc(ref.vocab, words=new_words, spaces=[bool(t.whitespace_) for t in ref],
              heads=[t.head.i for t in ref] if ref.has_annotation("DEP") else None,
              deps=[t.dep_ for t in ref] if ref.has_annotation("DEP") else None,
              pos=[t.pos_ for t in ref] if ref.has_annotation("POS") else None,
              tags=[t.tag_ for t in ref] if ref.has_annotation("TAG") else None,
              morphs=[str(t.morph) for t in ref] if ref.has_annotation("MORPH") else None,
              lemmas=lemmas if ref.has_annotation("LEMMA") else None)
    predicted = Doc(example.predicted.vocab, words=new_words, spaces=[bool(t.whitespace_) for t in ref])
    return Example(predicted, doc)


@dataclass(frozen=True)
class Phrase:
    """A noun phrase cut from a gold tree: its tokens' annotation, heads relative to its start."""

    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    heads: tuple[int, ...]  # index in the phrase; the phrase's head points at itself
    deps: tuple[str, ...]
    pos: tuple[str, ...]
    morphs: tuple[str, ...]
    lemmas: tuple[str, ...]


def _contiguous_subtree(tok: Token) -> tuple[int, int] | None:
    left, right = tok.left_edge.i, tok.right_edge.i
    return (left, right) if right - left + 1 == len(list(tok.subtree)) else None


def noun_phrases(doc: Doc, min_len: int = 2, max_len: int = 8) -> Iterator[Phrase]:
    """The doc's subjects, objects and nominal modifiers whose subtree is a span of 2-8 words."""
    for tok in doc:
        if tok.dep_.split(":")[0] not in ("nsubj", "obj", "nmod") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        edges = _contiguous_subtree(tok)
        if not edges or not min_len <= edges[1] - edges[0] + 1 <= max_len:
            continue
        span = doc[edges[0]:edges[1] + 1]
        if any(t.pos_ in ("PUNCT", "ADP", "SCONJ") or not t.text.strip() for t in span):
            continue
        yield Phrase(tuple(t.text for t in span), tuple(bool(t.whitespace_) for t in span),
                     tuple(t.head.i - span.start if t.i != tok.i else tok.i - span.start for t in span),
                     tuple(t.dep_ for t in span), tuple(t.pos_ for t in span), tuple(str(t.morph) for t in span),
                     tuple(t.lemma_ for t in span))


def clause_subject_heads(doc: Doc) -> list[Token]:
    """Subjects standing between their verb's `mark` and the verb, whose subtree is a span."""
    subjects = []
    for tok in doc:
        if tok.dep_.split(":")[0] != "nsubj" or tok.i > tok.head.i or not _contiguous_subtree(tok):
            continue
        marks = [c.i for c in tok.head.children if c.dep_ == "mark" and c.i < tok.left_edge.i]
        if marks:
            subjects.append(tok)
    return subjects


def lengthen_clause_subject(example: Example, rng: random.Random, phrases: list[Phrase]) -> Example:
    """`example` with one subordinate-clause subject coordinated with one of `phrases`."""
    ref = example.reference
    subjects = clause_subject_heads(ref) if ref.has_annotation("DEP") else []
    if not subjects or not phrases:
        return example
    subject, phrase = rng.choice(subjects), rng.choice(phrases)
    at = subject.right_edge.i + 1  # "dan" and the phrase go right after the subject's last word
    moved = lambda i: i if i < at else i + 1 + len(phrase.words)  # noqa: E731
    old = list(ref)
    phrase_head = at + 1 + next(i for i, h in enumerate(phrase.heads) if h == i)
    words = [t.text for t in old[:at]] + ["dan", *phrase.words] + [t.text for t in old[at:]]
    spaces = ([bool(t.whitespace_) for t in old[:at - 1]] + [True, True, *phrase.spaces[:-1],
              bool(old[at - 1].whitespace_)] + [bool(t.whitespace_) for t in old[at:]])
    heads = ([moved(t.head.i) for t in old[:at]] + [phrase_head]
             + [at + 1 + h for h in phrase.heads] + [moved(t.head.i) for t in old[at:]])
    heads[phrase_head] = moved(subject.i)
    deps = [t.dep_ for t in old[:at]] + ["cc", *phrase.deps] + [t.dep_ for t in old[at:]]
    deps[phrase_head] = "conj"
    pos = [t.pos_ for t in old[:at]] + ["CCONJ", *phrase.pos] + [t.pos_ for t in old[at:]]
    morphs = [str(t.morph) for t in old[:at]] + ["", *phrase.morphs] + [str(t.morph) for t in old[at:]]
    lemmas = [t.lemma_ for t in old[:at]] + ["dan", *phrase.lemmas] + [t.lemma_ for t in old[at:]]
    doc = Doc(ref.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, morphs=morphs,
              lemmas=lemmas if ref.has_annotation("LEMMA") else None)
    return Example(Doc(example.predicted.vocab, words=words, spaces=spaces), doc)


@spacy.registry.augmenters("kabar.ud_augmenter.v1")
def create_ud_augmenter(swap_level: float, whitespace_level: float, whitespace_per_token: float,
                        whitespace_variants: list[str], subject_level: float = 0.0,
                        ) -> Callable[[spacy.Language, Example], Iterator[Example]]:
    """Swap temporal subordinators in `swap_level` of the sentences, lengthen a clause subject in
    `subject_level` of those that have one, then insert line breaks."""
    rng = random.Random(0)
    subject_rng = random.Random(1)  # its own stream, so that subject_level 0 draws as before it existed
    phrases: list[Phrase] = []  # noun phrases of the sentences read so far (a reservoir of 5000)
    seen = 0

    def augment(nlp: spacy.Language, example: Example) -> Iterator[Example]:
        nonlocal seen
        if rng.random() < swap_level:
            example = swap_subordinators(example, rng)
        if subject_level:
            for phrase in noun_phrases(example.reference):
                seen += 1
                if len(phrases) < 5000:
                    phrases.append(phrase)
                elif (slot := subject_rng.randrange(seen)) < 5000:
                    phrases[slot] = phrase
            if subject_rng.random() < subject_level:
                example = lengthen_clause_subject(example, subject_rng, phrases)
        yield from combined_augmenter(nlp, example, whitespace_level=whitespace_level,
                                      whitespace_per_token=whitespace_per_token,
                                      whitespace_variants=whitespace_variants)

    return augment
