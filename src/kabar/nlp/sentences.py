"""Sentence boundaries that survive Indonesian news text.

The default sentencizer merges lines without final punctuation and splits inside "(8/7/2024)"
or after abbreviations; news articles often lack the space after a period, too.
"""
from __future__ import annotations


from spacy.language import Language
from spacy.tokens import Doc

from kabar.nlp.extensions import init_doc

# Tokens after which a period does not end a sentence (lowercased, without the dot).
ABBREVIATIONS = {
    "dr", "drs", "ir", "prof", "h", "hj", "st", "sh", "se", "mt", "msi", "mm", "no", "hlm",
    "jl", "jln", "kol", "brigjen", "mayjen", "letjen", "jend", "kapt", "ltd", "inc", "co",
    "pt", "tbk", "dll", "dsb", "dkk", "sdr", "bpk", "ny", "nn", "a.n", "u.p", "vs", "kh",
    "rp", "kab", "kec", "kel", "prov", "tel", "telp", "hal", "gg", "aipda", "bripka",
}
ENDERS = {".", "!", "?", "…"}
CLOSERS = {"”", '"', "’", "'", ")", "»"}


@Language.component("kabar_sentences")
def kabar_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break and after sentence-final punctuation."""
    init_doc(doc)
    if not len(doc):
        return doc
    starts = [False] * len(doc)
    starts[0] = True
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            starts[i + 1] = True
            continue
        if tok.text in ENDERS:
            prev = doc[i - 1].text.lower().rstrip(".") if i else ""
            if tok.text == "." and prev in ABBREVIATIONS:
                continue
            if tok.text == "." and i and len(doc[i - 1].text) == 1 and doc[i - 1].is_upper:
                continue  # an initial: "A. Yani"
            j = i + 1
            while j < len(doc) and doc[j].text in CLOSERS and not doc[j - 1].whitespace_:
                j += 1
            if j < len(doc) and _ends_line(doc, j) and doc[j].text in {"“", '"'}:
                continue  # a stray quote mark left at the end of a line belongs to its line
            if j < len(doc) and (doc[j].is_title or doc[j].is_upper or doc[j].text in {"“", '"'} or doc[j].is_digit or not doc[j].is_alpha):
                starts[j] = True
    for i, tok in enumerate(doc):
        if tok.is_space:
            starts[i] = False if i else True
    for i, tok in enumerate(doc):
        tok.is_sent_start = starts[i]
    return doc


def _ends_line(doc: Doc, i: int) -> bool:
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return "\n" in doc[i].whitespace_ or nxt is None or (nxt.is_space and "\n" in nxt.text)
