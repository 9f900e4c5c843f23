"""The `--ner-model hf:PATH_OR_NAME` option that `kabar analyze`, `kabar ingest` and `kabar serve` share.

Apart from `transformer_ner` (which imports spaCy) so that the commands' modules stay quick to
import; the model itself is loaded when the pipeline is built, and a model that cannot load
stops the command with `error: ...` and exit status 2 (a `ModelError`).
"""
from __future__ import annotations

from typing import Optional

import typer

PREFIX = "hf:"  # how the CLI options name a Hugging Face model: hf:PATH_OR_NAME


def hf_model_name(choice) -> str | None:
    """The path or hub name in "hf:PATH_OR_NAME"; None when `choice` is not written that way."""
    text = str(choice) if choice is not None else ""
    if not text.startswith(PREFIX):
        return None
    return text[len(PREFIX):] or None


def _model_name(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    name = hf_model_name(value)
    if name is None:
        raise typer.BadParameter("write the model as hf:PATH_OR_NAME")
    return name


# The commands receive the model's path or hub name (the "hf:" taken off), or None.
NER_MODEL_OPTION = typer.Option(None, "--ner-model", callback=_model_name,
                                help="hf:PATH_OR_NAME: a Hugging Face token-classification model in place of "
                                "the trained NER (needs kabar[transformers]).")
