"""The training recipe end to end on a small slice: it must learn, not just run."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy
import pytest
import spacy
from spacy.vectors import Vectors

from conftest import DATA
from kabar.training import corpora, recipes as train, vectors
from kabar.training.evaluate import evaluate_ner

# A narrow, shallow network and few steps: enough to learn the common names in a few minutes.
TINY = {
    "components.ner.model.tok2vec.encode.width": 64,
    "components.ner.model.tok2vec.encode.depth": 2,
    "training.max_steps": 600,
    "training.eval_frequency": 200,
}


def capitalised_runs_baseline(sentences, label):
    """Trivial baseline: every run of capitalised words is an entity of the most common label."""
    tp = n_pred = n_gold = 0
    for s in sentences:
        pred, start = set(), None
        for i, word in enumerate(s.words + ["x"]):
            if word[:1].isupper() and i > 0:
                start = i if start is None else start
            elif start is not None:
                pred.add((start, i))
                start = None
        gold = {(a, b) for a, b, l in s.spans() if l == label}
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += sum(1 for *_, l in s.spans())
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return 100 * 2 * p * r / (p + r) if p + r else 0.0


def test_tiny_ner_model_learns_from_a_slice(tmp_path):
    vectors.build(DATA, train.vectors_dir(tmp_path).parent, vectors.VectorSettings(dim=32, buckets=5000), limit=300)
    best, checksums = train.train_recipe("nergrit", DATA, tmp_path, limit=500, overrides=TINY)
    assert list(checksums["train"]) == ["indonlu/nergrit_ner-grit/train_preprocess.txt"]
    assert list(checksums["dev"]) == ["indonlu/nergrit_ner-grit/valid_preprocess.txt"]
    assert json.loads((tmp_path / "nergrit" / "sources.json").read_text()) == checksums
    held_out = corpora.read_tagged(DATA / "indonlu" / "nergrit_ner-grit" / "test_preprocess.txt")[:150]
    score = evaluate_ner(spacy.load(best), held_out)
    baseline = capitalised_runs_baseline(held_out, "PLACE")
    assert score.f > baseline + 15, (score, baseline)
    assert set(score.per_label) == {"PERSON", "PLACE", "ORGANISATION"}


def test_kabar_train_command_builds_a_model_that_kabar_evaluate_scores(tmp_path):
    def kabar(*args):
        return subprocess.run([sys.executable, "-m", "kabar", *args], capture_output=True, text=True, timeout=600)

    result = kabar("train", "nerp", "--data", str(DATA), "--work", str(tmp_path), "--limit", "100", "--max-steps", "40")
    assert result.returncode != 0 and "kabar train vectors" in result.stderr  # the NER reads the vectors
    result = kabar("train", "vectors", "--data", str(DATA), "--work", str(tmp_path), "--limit", "100")
    assert result.returncode == 0, result.stderr[-2000:]
    built = json.loads((tmp_path / "vectors" / "build.json").read_text())
    assert "indosum/dev.01.jsonl" in built["sources_sha256"] and built["settings"]["buckets"] == 50_000
    assert not set(built["sources_sha256"]) & set(train.SHIP_TESTS["parser"] + train.SHIP_TESTS["ner"])
    result = kabar("train", "nerp", "--data", str(DATA), "--work", str(tmp_path), "--limit", "100", "--max-steps", "40",
                   "--set", "system.seed=3")
    assert result.returncode == 0, result.stderr[-2000:]
    best = tmp_path / "nerp" / "model" / "model-best"
    assert f"nerp: best model in {best}" in result.stdout
    model = spacy.load(best)
    assert model.vocab.vectors.shape == (50_000, 64) and model.config["system"]["seed"] == 3
    test = DATA / "indonlu" / "nerp_ner-prosa" / "test_preprocess.txt"
    result = kabar("evaluate", "ner", str(test), "--model", str(best), "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "left out" not in result.stdout  # a benchmark model is scored on its own labels
    assert json.loads(result.stdout.splitlines()[-1])["n"] == 840
    result = kabar("train", "nerp", "--data", str(tmp_path / "nowhere"))
    assert result.returncode != 0 and "does not exist" in result.stderr
    result = kabar("train", "nerp", "--data", str(DATA), "--set", "seed")
    assert result.returncode == 2 and "write it as SECTION.KEY=VALUE" in result.stderr


def test_floret_vectors_give_related_words_close_vectors(tmp_path):
    """The table is learned, not noise: a word is nearer its inflection than an unrelated word."""
    vectors.build(DATA, tmp_path, vectors.VectorSettings(dim=32, buckets=5000, epochs=20), limit=400)
    nlp = spacy.load(tmp_path / "model")

    def cosine(a, b):
        u, v = nlp.vocab.get_vector(a), nlp.vocab.get_vector(b)
        return float(numpy.dot(u, v) / (numpy.linalg.norm(u) * numpy.linalg.norm(v)))

    assert nlp.vocab.vectors.mode == "floret"
    assert cosine("pemerintah", "pemerintahan") > cosine("pemerintah", "sepakbola") + 0.3
    assert cosine("Senin", "Selasa") > cosine("Senin", "makan") + 0.3


def test_vectors_command_without_floret_says_how_to_get_it(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from kabar.cli import app

    monkeypatch.setitem(sys.modules, "floret", None)  # import floret now raises ImportError
    result = CliRunner().invoke(app, ["train", "vectors", "--data", str(DATA), "--work", str(tmp_path)])
    assert result.exit_code == 2
    assert "pip install 'kabar[train]'" in result.output


def test_continued_ud_training_keeps_the_source_weights_and_ships_beside_its_ner(tmp_path, monkeypatch):
    """`--from-model` resumes the shipped UD part: two more steps score like it, not like a fresh model."""
    from kabar.nlp.model import SHIPPED
    from kabar.training.evaluate import evaluate_parser

    result = subprocess.run([sys.executable, "-m", "kabar", "train", "ud", "--data", str(DATA), "--work", str(tmp_path),
                             "--limit", "100", "--max-steps", "2", "--from-model", str(SHIPPED)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    started = json.loads((tmp_path / "ud" / "sources.json").read_text())["continued_from"]
    assert started["parser_sha256"] == train.sha256(SHIPPED / "parser" / "model")
    held_out = corpora.read_conllu(DATA / "ud-id-gsd" / "id_gsd-ud-test.conllu")[:150]
    before = evaluate_parser(spacy.load(SHIPPED), held_out)
    after = evaluate_parser(spacy.load(tmp_path / "ud" / "model" / "model-best"), held_out)
    assert after.las > 50 and abs(after.las - before.las) < 5, (before, after)  # two fresh steps give LAS near 0

    monkeypatch.setitem(train.SHIP_TESTS, "parser", ("ud-id-gsd/id_gsd-ud-test.conllu",))
    monkeypatch.setitem(train.SHIP_TESTS, "ner", ("idner-news-2k/test.txt",))
    target = train.ship(tmp_path, DATA, target=tmp_path / "shipped", ner_from=SHIPPED)
    shipped_meta = json.loads((SHIPPED / "meta.json").read_text())["kabar"]
    meta = json.loads((target / "meta.json").read_text())["kabar"]
    assert meta["sources_sha256"]["ner"] == shipped_meta["sources_sha256"]["ner"]
    assert meta["sources_sha256"]["ud"]["continued_from"] == started
    assert meta["sources_sha256"]["ud"]["harmonised"]["tokens_relabelled"] > 5000
    assert meta["test_scores"]["idner-news-2k/test.txt"] == shipped_meta["test_scores"]["idner-news-2k/test.txt"]
    assert train.sha256(target / "ner" / "model") == train.sha256(SHIPPED / "ner" / "model")


def test_assemble_joins_parts_only_when_they_read_one_vector_table(tmp_path):
    """A pipeline has one static vector table: a UD part and an NER trained on two are refused."""
    def saved(name, seed, ner=False):
        nlp = spacy.blank("id")
        table = numpy.random.default_rng(seed).random((20, 8), dtype="float32")
        nlp.vocab.vectors = Vectors(data=table, mode="floret", hash_count=1, minn=3, maxn=5)
        if ner:
            nlp.add_pipe("ner").add_label("PERSON")
            nlp.initialize()
        nlp.to_disk(tmp_path / name)
        return tmp_path / name

    ner = saved("ner", 1, ner=True)
    with pytest.raises(train.RecipeError, match="different static vector tables"):
        train.assemble(saved("ud-other", 0), ner, tmp_path / "refused", {})
    joined = spacy.load(train.assemble(saved("ud-same", 1), ner, tmp_path / "joined", {}))
    assert joined.pipe_names == ["ner"] and joined.vocab.vectors.shape == (20, 8)


def test_ud_recipe_reads_the_2017_gsd_split_with_todays_labels(tmp_path):
    """The 2017 file has no flat:name and no AUX aux; the recipe's corpus has both from it."""
    from spacy.tokens import DocBin

    record = train.prepare("ud", DATA, tmp_path, limit=300)
    docs = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(spacy.blank("id").vocab))[:300]
    labels = {(t.pos_, t.dep_) for d in docs for t in d}
    assert {("PROPN", "flat:name"), ("AUX", "aux")} <= labels
    assert record["harmonised"]["file"] in record["train"] and record["harmonised"]["tokens_relabelled"] > 5000


def test_ud_augmenter_lets_temporal_subordinators_stand_for_one_another():
    """training/ud.cfg's augmenter swaps "sejak/setelah/..." in real GSD sentences and keeps their trees."""
    from spacy.training import Example
    from spacy.util import load_config

    from kabar.training.augment import TEMPORAL_SUBORDINATORS

    settings = dict(load_config(train.TRAINING_DIR / "ud.cfg")["corpora"]["train"]["augmenter"])
    assert settings["@augmenters"] == "kabar.ud_augmenter.v1" and 0 < settings["swap_level"] < 1
    settings.update(swap_level=1.0, whitespace_level=0.0)
    augment = spacy.registry.resolve({"augmenter": settings})["augmenter"]
    nlp = spacy.blank("id")
    gold = [s for s in corpora.read_conllu(DATA / "ud-id-gsd" / "id_gsd-ud-dev.conllu")
            if {"sejak", "setelah", "sebelum"} & {w.lower() for w in s.words}]
    assert len(gold) > 20
    for s in gold:
        reference = corpora.ud_doc(nlp.vocab, s)
        [variant] = augment(nlp, Example(nlp.make_doc(reference.text), reference))
        new = variant.reference
        assert variant.predicted.text == new.text and len(new) == len(reference)
        for old, tok in zip(reference, new):
            assert (tok.head.i, tok.dep_, tok.pos_, str(tok.morph)) == (old.head.i, old.dep_, old.pos_, str(old.morph))
            if old.text.lower() in TEMPORAL_SUBORDINATORS:
                assert tok.text.lower() in TEMPORAL_SUBORDINATORS and tok.text.lower() != old.text.lower()
                assert tok.text[0].isupper() == old.text[0].isupper()
                assert tok.lemma_ in ("", tok.text.lower())
            else:
                assert (tok.text, tok.lemma_) == (old.text, old.lemma_)
