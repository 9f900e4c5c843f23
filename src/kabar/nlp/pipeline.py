"""Build the spaCy `Language` that reads an article.

kabar's steps are spaCy components registered by name (see `kabar.nlp.components`), so this is
only an ordered list; users can add the same names to their own pipelines with `nlp.add_pipe`.
"""
from __future__ import annotations

import spacy
from spacy.language import Language

from kabar.nlp import components  # noqa: F401  (registers the factories)

# Order matters: each step reads what the earlier ones left on the Doc.
DEFAULT_PIPELINE = [
    "kabar_sentences",
    "kabar_metadata",
    "kabar_entities",
    "kabar_coref",
    "kabar_dates",
    "kabar_quotes",
    "kabar_linker",
    "kabar_checks",
]


def build_nlp(lang: str = "id", pipeline: list[str] | None = None, config: dict | None = None) -> Language:
    """A blank spaCy pipeline for `lang` with kabar's components added in order.

    `config` maps a component name to its config dict (e.g. {"kabar_linker": {"kb_path": ...}}).
    """
    if lang != "id":
        raise ValueError(f"language {lang!r} is not supported yet (only Indonesian, 'id')")
    nlp = spacy.blank(lang)
    config = config or {}
    for name in pipeline or DEFAULT_PIPELINE:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp
