"""`broken_sentence`: a sentence cut off, or two fragments glued together.

Three signs, each cheap and rare in clean news:
- a paragraph line that stops without final punctuation and the article goes on;
- a line ending in a word that cannot end a sentence ("yang", "dan", "untuk" ...);
- a modal or auxiliary followed straight by a name where a verb belongs, the seam of two
  fragments joined by an editor: "Itu bisa Kim Jong Un mendukung penuh Rusia".
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kabar.checks import check
from kabar.report import Flag

INVISIBLE = " \t\n\u200b\u200e\u200f\ufeff"
FINAL = tuple(".!?…:;\"”’')]»")
# Words after which an Indonesian sentence must go on.
NO_END = {"yang", "dan", "di", "ke", "dari", "untuk", "dengan", "atau", "serta", "bahwa", "oleh",
          "pada", "karena", "agar", "supaya", "namun", "tetapi", "tapi", "sebagai", "bagi", "para",
          "sang", "si", "kepada", "terhadap", "akan", "telah", "sudah", "belum", "sedang", "adalah",
          "ialah", "merupakan", "antara", "maupun", "hingga", "sampai", "jika", "apabila", "ketika"}
# Modals and auxiliaries that take a verb after them, never a bare proper name.
MODALS = {"bisa", "dapat", "akan", "harus", "ingin", "mau", "sedang", "telah", "sudah", "boleh",
          "mampu", "perlu", "hendak", "sempat", "pernah", "masih"}
CAPITALISED_NOT_NAMES = {"anda", "bapak", "ibu", "tuhan", "allah", "saudara", "beliau", "rp"}
MIN_WORDS = 6  # shorter lines are headlines, bylines, captions, datelines
HEADLINE_WORDS = 14
TAG_LINE = re.compile(r"^\W*(?:baca|lihat|simak|foto|video|sumber|editor|penulis|reporter)\b|^\s*[–—-]", re.I)
LABEL = re.compile(r"^\s*[\w .()-]{1,40}:\s")  # "Cadangan: 27 Dede Sulaiman, ...", "Pelatih: Hartono Ruslan"
MARKUP = re.compile(r"https?://|\w+=\"|<\w+")  # scraped HTML is another defect
LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]?|[•*·-])\s")  # "3. Sebastian Vettel", "21 Joice Sorongan; 4 ..."


def _flag(start, end, text, message, suggestion, evidence, confidence):
    return Flag("broken_sentence", start, end, text, message, suggestion, evidence, confidence)


def _not_prose(line: str) -> bool:
    """Headlines, captions, lists, line-ups, credits and "Baca juga" links skip final punctuation."""
    words = line.split()
    if len(words) < MIN_WORDS or any(p.match(line) for p in (TAG_LINE, LABEL, LIST_ITEM)):
        return True
    if sum(any(c.isdigit() for c in w) for w in words) >= 0.25 * len(words):
        return True  # scores and tables: "Real Madrid 4-2 Bayern Muenchen (Cristiano Ronaldo 76', ...)"
    content = [w for w in words if len(w) > 3 or w[:1].isupper()]  # headlines capitalise these
    return len(words) <= HEADLINE_WORDS and sum(not w[:1].islower() for w in content) >= 0.75 * len(content)


def _unfinished(doc: Doc) -> list[Flag]:
    """The last sentence of a line that has no final punctuation while the article goes on."""
    text = doc.text
    flags = []
    for sent in doc.sents:
        body = sent.text.rstrip(INVISIBLE).rstrip("“\"‘«(").rstrip(INVISIBLE)  # an opener at the end is dangling_quote's
        start, end = sent.start_char, sent.start_char + len(body)
        line_end = text.find("\n", end)
        if not body or line_end < 0 or text[end:line_end].strip() or not text[line_end:].strip():
            continue  # not at a line end, or the last line of the article
        line_start = text.rfind("\n", 0, start) + 1
        line = text[line_start:end]
        if (body.endswith(FINAL) or _not_prose(line) or _in_list(text, line_end) or MARKUP.search(line)
                or _after_link_label(text, line_start)):
            continue
        words = body.split()
        if len(words) <= 3 and all(w[:1].isupper() for w in words):
            continue  # a heading glued to the previous sentence: "... tercipta. Susunan Pemain"
        following = text[line_end:].strip()[:120]
        if re.sub(r"\W+$", "", words[-1]).lower() in NO_END:
            flags.append(_flag(
                start, end, body,
                f"This sentence stops after '{words[-1]}', a word that cannot end a sentence: text is missing.",
                "Restore the missing end of the sentence, or remove the fragment.",
                {"last_word": words[-1], "next": following}, 0.85))
        else:
            flags.append(_flag(
                start, end, body,
                "This sentence ends without a full stop and the article goes on: it may be cut off.",
                "End the sentence with a full stop, or join it with the line that continues it.",
                {"last_word": words[-1], "next": following}, 0.6))
    return flags


def _after_link_label(text: str, line_start: int) -> bool:
    """The headlines listed under "Baca juga:" are links, not sentences."""
    before = [line.strip() for line in text[:line_start].split("\n") if line.strip()][-3:]
    return any(TAG_LINE.match(line) and line.endswith(":") for line in before)


def _in_list(text: str, line_end: int) -> bool:
    """The next line is a numbered or bulleted item: this line is one too, or its heading."""
    return LIST_ITEM.match(text[line_end:].lstrip("\n")) is not None


def _glued_fragments(sent: Span, name_starts: set[int] | None) -> list[Flag]:
    """`name_starts`: where the NER's names begin (None without NER: trust capitals)."""
    if _not_prose(sent.text.strip()):
        return []
    flags = []
    tokens = list(sent)
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if tok.lower_ not in MODALS:
            continue
        if not (nxt.is_title and nxt.is_alpha) or nxt.lower_ in CAPITALISED_NOT_NAMES:
            continue
        if name_starts is not None and nxt.idx not in name_starts:
            continue
        flags.append(_flag(
            sent.start_char, sent.end_char, sent.text.strip(),
            f"'{tok.text}' is followed by the name '{nxt.text}' where a verb should come: "
            "two sentence fragments seem joined.",
            f"Rewrite the sentence; text is probably missing between '{tok.text}' and '{nxt.text}'.",
            {"seam": {"start": tok.idx, "end": nxt.idx + len(nxt.text),
                      "text": sent.doc.text[tok.idx:nxt.idx + len(nxt.text)]}}, 0.7))
        break
    return flags


@check("broken_sentence")
def broken_sentences(doc: Doc) -> list[Flag]:
    flags = _unfinished(doc)
    entities = doc._.entities or []
    name_starts = {m.start for e in entities for m in e.mentions} if entities else None
    for sent in doc.sents:
        for glued in _glued_fragments(sent, name_starts):
            same = next((f for f in flags if f.start == glued.start), None)
            if same is not None:  # one flag per sentence: the seam, and the missing full stop
                flags.remove(same)
                glued.message += " It also ends without a full stop."
                glued.evidence.update(same.evidence)
            flags.append(glued)
    return flags
