"""`dangling_quote`: a quote mark that never closes, or a closing mark that never opened.

A quote that runs into the next paragraph and opens again there is news style, not a defect.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kabar.checks import check
from kabar.nlp.quotes import scan_quotes
from kabar.report import Flag


@check("dangling_quote")
def dangling_quotes(doc: Doc) -> list[Flag]:
    text = doc.text
    spans, stray = scan_quotes(text)
    flags = []
    for span in spans:
        if span.close_at is not None or span.continues:
            continue
        flags.append(Flag(
            kind="dangling_quote", start=span.open_at, end=span.open_at + 1, text=text[span.open_at],
            message="This quote mark opens a quotation that is never closed.",
            suggestion="Close the quotation where the speaker's words end, or remove the quote mark.",
            evidence={"quote": {"start": span.start, "end": span.end, "text": text[span.start:span.end][:200]}},
            confidence=0.9,
        ))
    for at in stray:
        flags.append(Flag(
            kind="dangling_quote", start=at, end=at + 1, text=text[at],
            message="This closing quote mark has no opening mark before it.",
            suggestion="Add the opening quote mark where the quotation starts, or remove this one.",
            evidence={"context": text[max(0, at - 80):at + 1]},
            confidence=0.8,
        ))
    return flags
