"""The shipped trained pipeline: what it carries, how kabar loads it, what it finds in the seed."""
from __future__ import annotations

import json

import pytest

from kabar.nlp.model import SHIPPED, ModelError, load_model, model_path
from kabar.nlp.pipeline import build_nlp
from kabar.training.recipes import SHIP_TESTS

pytestmark = pytest.mark.skipif(not (SHIPPED / "meta.json").exists(), reason="no shipped model")


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.fixture(scope="module")
def seed_doc(nlp, seed_text):
    return nlp(seed_text)


def test_shipped_model_is_small_and_says_what_it_learned_from():
    size = sum(f.stat().st_size for f in SHIPPED.rglob("*") if f.is_file())
    assert size <= 40 * 2**20
    meta = json.loads((SHIPPED / "meta.json").read_text(encoding="utf-8"))["kabar"]
    trained_on = {path for recipe in meta["sources_sha256"].values() for path in recipe["train"]}
    assert "ud-id-gsd/id-ud-train.v2.0-2017-02.conllu" in trained_on
    assert "indonlu/nergrit_ner-grit/train_preprocess.txt" in trained_on
    assert not trained_on & set(SHIP_TESTS["parser"] + SHIP_TESTS["ner"]), "test data in training"
    assert not any(path.startswith("indolem/") for path in trained_on), "evaluation-only data in training"
    assert meta["test_scores"]["ud-id-gsd/id_gsd-ud-test.conllu"]["upos"] > 85


def test_analysis_pipeline_loads_the_trained_components(nlp):
    import kabar

    assert {"parser", "ner", "morphologizer", "trainable_lemmatizer"} <= set(kabar._nlp("id", None).pipe_names)
    names = nlp.pipe_names
    assert names.index("kabar_sentences") < names.index("parser")
    assert set(nlp.get_pipe("ner").labels) >= {"PERSON", "ORG", "LOC"}


def test_parser_keeps_the_sentence_starts_kabar_sets(nlp, seed_text, seed_doc):
    with nlp.select_pipes(enable=["kabar_sentences"]):
        ruled = nlp(seed_text)
    assert [s.start for s in seed_doc.sents] == [s.start for s in ruled.sents]


@pytest.mark.parametrize("name", [
    "Kim Kum-chol", "Kim Jong Un", "Vladimir Putin", "Sergei Lavrov", "Denis Monturov", "Alexander Novak",
    "Andrei Belasov", "Alexei Krivoruchko", "Mikhail Murashko", "Roman Starovoit", "Oleg Belozerov",
])
def test_seed_people_are_found_as_persons(seed_doc, name):
    persons = {e.text for e in seed_doc.ents if e.label_ == "PERSON"}
    assert any(name in p for p in persons), persons


def _signings(doc):
    return [t for t in doc if t.lower_ == "menandatangani" and t.nbor().lower_ == "perjanjian"]


def test_seed_parse_gives_who_signs_what(seed_doc):
    signings = _signings(seed_doc)
    assert len(signings) == 2
    assert all({c.dep_: c.lower_ for c in verb.children}.get("obj") == "perjanjian" for verb in signings)
    # "... menekankan bahwa kedua negara akan menandatangani perjanjian ..."
    deps = {c.dep_: c for c in signings[1].children}
    assert deps["nsubj"].text == "negara" and deps["obj"].text == "perjanjian"


def test_seed_parse_gives_the_leaders_as_signers(seed_doc):
    """A rare reading ("sejak" after a noun opens a clause): three of nine models trained on
    2026-11-26 got it, the shipped one among them (training/README.md); a retrained model that
    fails here is no worse by the test sets, so check them before reading this as a regression."""
    # "... sejak pemimpin Korea Utara Kim Jong Un dan Presiden Rusia Vladimir Putin secara resmi
    # menandatangani perjanjian kemitraan."
    subjects = [c for c in _signings(seed_doc)[0].children if c.dep_ == "nsubj"]
    assert subjects and subjects[0].text in {"pemimpin", "Kim"}


def test_model_choice_blank_and_bad_path(tmp_path, monkeypatch):
    monkeypatch.setenv("KABAR_MODEL", "blank")
    assert model_path() is None and load_model().pipe_names == []
    with pytest.raises(ModelError, match=f"{tmp_path}: not a trained spaCy pipeline"):
        load_model(tmp_path)
