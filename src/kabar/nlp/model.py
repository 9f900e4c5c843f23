"""The trained Indonesian pipeline shipped inside kabar (tagger, morphology, parser, lemmatizer, NER).

It is rebuilt from ../shared/data by `kabar train` (see training/README.md); its meta.json
records the data checksums, library versions and test scores. `KABAR_MODEL` points kabar at
another trained pipeline folder, or at "blank" for a pipeline without trained components.
"""
from __future__ import annotations

import os
from pathlib import Path

import spacy
from spacy.language import Language

SHIPPED = Path(__file__).resolve().parents[1] / "models" / "id_kabar"


class ModelError(RuntimeError):
    """A model folder that cannot be loaded."""


def model_path(model: str | Path | None = None) -> Path | None:
    """The pipeline folder to load: `model`, else $KABAR_MODEL, else the shipped one.

    None means no trained model: "blank" was asked for, or none is shipped."""
    choice = model if model is not None else os.environ.get("KABAR_MODEL")
    if choice is None:
        return SHIPPED if (SHIPPED / "meta.json").exists() else None
    if str(choice) == "blank":
        return None
    path = Path(choice)
    if not (path / "meta.json").exists():
        raise ModelError(f"{path}: not a trained spaCy pipeline folder (no meta.json)")
    return path


def load_model(model: str | Path | None = None, lang: str = "id") -> Language:
    """The trained pipeline (tokenizer, tagger, parser, lemmatizer, NER), or a blank `lang` one."""
    path = model_path(model)
    if path is None:
        return spacy.blank(lang)
    try:
        nlp = spacy.load(path, exclude=["tokenizer"])
        _load_tokenizer(nlp, path / "tokenizer")
        return nlp
    except (OSError, ValueError) as err:
        raise ModelError(f"{path}: cannot load the pipeline ({err})") from None


def _load_tokenizer(nlp: Language, saved: Path) -> None:
    """Read the saved tokenizer only where it differs from the language's own.

    spaCy builds the ~16,000 Indonesian special cases once from the language defaults and again
    from the saved tokenizer; a model trained on the default tokenizer (the shipped one) saves
    exactly the defaults, and skipping the second build halves the model's loading time."""
    if saved.exists() and saved.read_bytes() != nlp.tokenizer.to_bytes(exclude=["vocab"]):
        nlp.tokenizer.from_disk(saved)
