"""Loading a trained pipeline reads its saved tokenizer only when it is not the language's own."""
from __future__ import annotations

import spacy

from kabar.nlp.model import SHIPPED, load_model


def test_a_saved_tokenizer_with_its_own_special_case_is_read(tmp_path):
    nlp = spacy.blank("id")
    nlp.tokenizer.add_special_case("Jabodetabek", [{"ORTH": "Jabo"}, {"ORTH": "detabek"}])
    nlp.to_disk(tmp_path / "model")
    loaded = load_model(tmp_path / "model")
    assert [t.text for t in loaded("Banjir di Jabodetabek.")] == ["Banjir", "di", "Jabo", "detabek", "."]


def test_the_shipped_tokenizer_is_the_language_default():
    """What lets loading skip it: the shipped model saved the default Indonesian tokenizer unchanged."""
    nlp = load_model(SHIPPED)
    assert (SHIPPED / "tokenizer").read_bytes() == nlp.tokenizer.to_bytes(exclude=["vocab"])
    assert nlp.pipe_names == spacy.util.load_meta(SHIPPED / "meta.json")["pipeline"]
