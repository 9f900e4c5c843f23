"""Metadata the text itself carries: outlet, byline and dateline date.

Filled in later by the reading/metadata work; for now records the published date given.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kabar.nlp.extensions import init_doc


@Language.component("kabar_metadata")
def kabar_metadata(doc: Doc) -> Doc:
    init_doc(doc)
    if doc._.published is not None and doc._.published_from is None:
        doc._.published_from = "input"
    return doc
