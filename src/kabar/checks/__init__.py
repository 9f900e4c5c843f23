"""Checks: each a function over the Doc that returns `report.Flag`s for a defect of the article.

Checks register by name (`@check("duplicate_passage")`) so a config can switch one off:
`build_nlp(config={"kabar_checks": {"disabled": ["broken_sentence"]}})`. One spaCy component,
`kabar_checks`, runs the enabled ones at the end of the pipeline.
"""
from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from kabar.nlp.extensions import init_doc
from kabar.report import Flag

CheckFn = Callable[[Doc], list[Flag]]
CHECKS: dict[str, CheckFn] = {}


def check(name: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check under `name` (the flag kind it reports)."""

    def register(fn: CheckFn) -> CheckFn:
        CHECKS[name] = fn
        return fn

    return register


# The modules register their checks on import.
from kabar.checks import dates, duplicates, names, quotes, sentences, visits  # noqa: E402,F401


class ChecksComponent:
    def __init__(self, disabled: list[str]):
        unknown = sorted(set(disabled) - set(CHECKS))
        if unknown:
            raise ValueError(f"kabar_checks: unknown check(s) {unknown}; known: {sorted(CHECKS)}")
        self.enabled = [fn for name, fn in CHECKS.items() if name not in disabled]

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        if len(doc) and not doc.has_annotation("SENT_START"):
            raise ValueError("kabar_checks needs sentence boundaries: add kabar_sentences before it")
        for fn in self.enabled:
            doc._.flags.extend(fn(doc))
        return doc


@Language.factory("kabar_checks", default_config={"disabled": []})
def make_checks(nlp: Language, name: str, disabled: list[str]) -> ChecksComponent:
    return ChecksComponent(disabled)
