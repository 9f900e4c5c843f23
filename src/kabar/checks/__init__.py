"""Checks: each a function over the Doc that returns `report.Flag`s for a defect of the article.

Checks register by name (`@check("duplicate_passage")`) so a config can switch one off:
`build_nlp(config={"kabar_checks": {"disabled": ["broken_sentence"]}})`. One spaCy component,
`kabar_checks`, runs the enabled ones at the end of the pipeline. A check registered with
`needs_kb=True` is called as `fn(doc, kb)` and runs only when the component has a knowledge base
(`{"kabar_checks": {"kb_path": ...}}`; `kabar.analyze(..., kb=...)` sets it).
"""
from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from kabar.nlp.extensions import init_doc
from kabar.report import Flag

CheckFn = Callable[..., list[Flag]]
CHECKS: dict[str, CheckFn] = {}
NEEDS_KB: set[str] = set()


def check(name: str, needs_kb: bool = False) -> Callable[[CheckFn], CheckFn]:
    """Register a check under `name` (the flag kind it reports)."""

    def register(fn: CheckFn) -> CheckFn:
        CHECKS[name] = fn
        if needs_kb:
            NEEDS_KB.add(name)
        return fn

    return register


# The modules register their checks on import.
from kabar.checks import dates, duplicates, event_dates, names, quotes, sentences, visits  # noqa: E402,F401


class ChecksComponent:
    def __init__(self, disabled: list[str], kb_path: str | None = None):
        unknown = sorted(set(disabled) - set(CHECKS))
        if unknown:
            raise ValueError(f"kabar_checks: unknown check(s) {unknown}; known: {sorted(CHECKS)}")
        from kabar.kb import KB

        self.kb = KB(kb_path) if kb_path else None
        self.enabled = [(name, fn) for name, fn in CHECKS.items()
                        if name not in disabled and (self.kb or name not in NEEDS_KB)]

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        if len(doc) and not doc.has_annotation("SENT_START"):
            raise ValueError("kabar_checks needs sentence boundaries: add kabar_sentences before it")
        for name, fn in self.enabled:
            doc._.flags.extend(fn(doc, self.kb) if name in NEEDS_KB else fn(doc))
        return doc


@Language.factory("kabar_checks", default_config={"disabled": [], "kb_path": None})
def make_checks(nlp: Language, name: str, disabled: list[str], kb_path: str | None) -> ChecksComponent:
    return ChecksComponent(disabled, kb_path)
