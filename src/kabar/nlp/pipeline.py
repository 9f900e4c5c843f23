"""Build the spaCy `Language` that reads an article.

kabar's steps are spaCy components registered by name (see `kabar.nlp.components`), so this is
only an ordered list; users can add the same names to their own pipelines with `nlp.add_pipe`.
"""
from __future__ import annotations

from spacy.language import Language

from kabar.nlp import components  # noqa: F401  (registers the factories)
from kabar.nlp.model import load_model
from kabar.nlp.transformer_ner import NAME as TRANSFORMER_NER, use_transformer_ner

# Order matters: each step reads what the earlier ones left on the Doc.
DEFAULT_PIPELINE = [
    "kabar_sentences",
    "kabar_metadata",
    "kabar_entities",
    "kabar_coref",
    "kabar_dates",
    "kabar_quotes",
    "kabar_linker",
    "kabar_events",
    "kabar_checks",
]


# kabar steps that run before the trained model's components: the parser keeps the sentence
# starts that kabar_sentences sets.
RUN_BEFORE_MODEL = {"kabar_sentences", "kabar_metadata"}


def build_nlp(lang: str = "id", pipeline: list[str] | None = None, config: dict | None = None,
              model: str | None = None) -> Language:
    """The trained Indonesian pipeline (see `kabar.nlp.model`) with kabar's components added in order.

    `config` maps a component name to its config dict (e.g. {"kabar_linker": {"kb_path": ...}}).
    `model` is a trained pipeline folder or "blank"; by default the shipped model (or $KABAR_MODEL).
    A "kabar_transformer_ner" entry ({"model": PATH_OR_HUB_NAME, "device": "cuda"}) puts a Hugging
    Face token-classification model in place of the trained NER (`kabar.nlp.transformer_ner`).
    """
    if lang != "id":
        raise ValueError(f"language {lang!r} is not supported yet (only Indonesian, 'id')")
    nlp = load_model(model, lang)
    config = config or {}
    if TRANSFORMER_NER in config:
        use_transformer_ner(nlp, config[TRANSFORMER_NER])
    first_trained = nlp.pipe_names[0] if nlp.pipe_names else None
    for name in pipeline or DEFAULT_PIPELINE:
        before = first_trained if name in RUN_BEFORE_MODEL else None
        nlp.add_pipe(name, config=config.get(name, {}), before=before)
    return nlp
