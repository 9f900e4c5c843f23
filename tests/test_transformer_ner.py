"""The optional Hugging Face NER backend, offline, with tiny BERTs that the tests build and save.

A random model shows the plumbing (CLI, pipeline, `kabar evaluate`); a "keyed" model, whose
layers are switched off so that each word piece's class depends on that piece alone, shows
that alignment and decoding give exactly the spans its pieces spell."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import spacy
from typer.testing import CliRunner

from conftest import DATA, SEED

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def write_vocab(path, extra=()) -> list[str]:
    """A WordPiece vocabulary from the seed article: its short words whole, longer ones in pieces."""
    text = SEED.read_text(encoding="utf-8").lower()
    words = {w for w in re.findall(r"\w+", text) if len(w) <= 8}
    chars = {c for c in text if not c.isspace()}
    vocab = SPECIALS + sorted(words | chars | {"##" + c for c in chars} | set(extra))
    path.write_text("\n".join(vocab) + "\n", encoding="utf-8")
    return vocab


def save_tiny_bert(folder, labels=LABELS, keyed: dict[str, str] | None = None, default="O",
                   architecture="BertForTokenClassification", extra_pieces=()):
    """Save a 2-layer BERT (hidden size 32) and its fast tokenizer to `folder`.

    With `keyed` (piece → label, other pieces `default`), attention, feed-forward and position
    embeddings are zeroed, so every layer passes each piece's own embedding through: piece k gets
    the one-hot embedding of its label and the classifier reads the label back."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    folder.mkdir(parents=True, exist_ok=True)
    vocab = write_vocab(folder / "vocab.txt", extra_pieces)
    config = transformers.BertConfig(
        vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=128,
        id2label=dict(enumerate(labels)), label2id={label: i for i, label in enumerate(labels)})
    torch.manual_seed(0)
    model = getattr(transformers, architecture)(config)
    if keyed is not None:
        with torch.no_grad():
            bert = model.bert
            bert.embeddings.position_embeddings.weight.zero_()
            bert.embeddings.token_type_embeddings.weight.zero_()
            for layer in bert.encoder.layer:
                for dense in (layer.attention.output.dense, layer.output.dense):
                    dense.weight.zero_()
                    dense.bias.zero_()
            one_hot = torch.eye(32)[:len(labels)] * 10
            piece_label = [keyed.get(piece, default) for piece in vocab]
            bert.embeddings.word_embeddings.weight.copy_(torch.stack([one_hot[labels.index(lab)] for lab in piece_label]))
            model.classifier.weight.copy_(one_hot)
            model.classifier.bias.zero_()
    model.save_pretrained(folder)
    transformers.BertTokenizerFast(str(folder / "vocab.txt"), do_lower_case=True, model_max_length=128).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def random_bert(tmp_path_factory):
    return save_tiny_bert(tmp_path_factory.mktemp("hf") / "random-bert")


@pytest.fixture(scope="module")
def keyed_bert(tmp_path_factory):
    """Putin and Vladimir are a person (B then I), Rusia a place, "pyong|##yang" a place by its
    first piece only (the second piece says ORG), Yonhap an organisation, Kim a MISC (dropped),
    and, to be seen in reports, "tribun|##news" a place."""
    keyed = {"vladimir": "B-PER", "putin": "I-PER", "rusia": "B-LOC", "pyong": "B-LOC", "##yang": "B-ORG",
             "yonhap": "B-ORG", "kim": "B-MISC", "tribun": "B-LOC"}
    return save_tiny_bert(tmp_path_factory.mktemp("hf") / "keyed-bert", keyed=keyed,
                          extra_pieces=["pyong", "##yang", "tribun", "##news"])


def transformer_nlp(model_dir, **config):
    from kabar.nlp import components  # noqa: F401  (registers the factories)
    from kabar.nlp.transformer_ner import NAME

    nlp = spacy.blank("id")
    nlp.add_pipe("kabar_sentences")
    nlp.add_pipe(NAME, config={"model": str(model_dir), "device": "cpu", **config})
    return nlp


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_keyed_model_gives_exact_spans_from_first_pieces(keyed_bert):
    doc = transformer_nlp(keyed_bert)("Presiden Rusia Vladimir Putin tiba di Pyongyang, kata Yonhap. Kim dan Putin.")
    # "Putin" alone is I-PER, which opens an entity (IOB1 reading); Kim's MISC has no kabar label.
    assert ents(doc) == [("Rusia", "LOC"), ("Vladimir Putin", "PERSON"), ("Pyongyang", "LOC"),
                         ("Yonhap", "ORG"), ("Putin", "PERSON")]


def test_windows_over_long_sentences_give_the_same_spans(keyed_bert):
    text = SEED.read_text(encoding="utf-8")
    whole = transformer_nlp(keyed_bert)(text)
    windowed = transformer_nlp(keyed_bert, max_length=12, stride=4, batch_size=3)(text)
    assert len(whole.ents) > 20
    assert [(e.start, e.end, e.label_) for e in windowed.ents] == [(e.start, e.end, e.label_) for e in whole.ents]
    expected = {"vladimir putin": "PERSON", "putin": "PERSON", "rusia": "LOC", "pyongyang": "LOC", "yonhap": "ORG",
                "tribunnews": "LOC"}
    assert {e.text.lower(): e.label_ for e in whole.ents} == expected


@pytest.mark.parametrize("default, spans_per", [("B-PER", "token"), ("I-ORG", "sentence"), ("O", None)])
def test_uniform_predictions_decode_to_tokens_sentences_or_nothing(tmp_path, default, spans_per):
    model_dir = save_tiny_bert(tmp_path / default, keyed={}, default=default)
    doc = transformer_nlp(model_dir)(SEED.read_text(encoding="utf-8"))
    if spans_per == "token":  # every B- opens a one-token entity
        expected = [(t.i, t.i + 1) for t in doc if not t.is_space]
    elif spans_per == "sentence":  # I- continues to the end of the sentence, never across it
        expected = [(s.start, s.end) for s in doc.sents]
        expected = [(a + doc[a].is_space, b - doc[b - 1].is_space) for a, b in expected]
        assert not any(t.is_space for a, b in expected for t in doc[a:b])
    else:
        expected = []
    assert [(e.start, e.end) for e in doc.ents] == expected
    assert {e.label_ for e in doc.ents} <= {"PERSON", "ORG"}


def test_bilou_labels_are_decoded(tmp_path):
    labels = ["O", "B-PER", "I-PER", "L-PER", "U-PER", "U-LOC"]
    model_dir = save_tiny_bert(tmp_path / "bilou", labels=labels,
                               keyed={"vladimir": "B-PER", "putin": "L-PER", "kim": "U-PER", "rusia": "U-LOC"})
    doc = transformer_nlp(model_dir)("Kim bertemu Vladimir Putin di Rusia.")
    assert ents(doc) == [("Kim", "PERSON"), ("Vladimir Putin", "PERSON"), ("Rusia", "LOC")]


def test_unknown_labels_are_dropped_and_logged(tmp_path, caplog):
    model_dir = save_tiny_bert(tmp_path / "odd", labels=["O", "B-PER", "B-DISEASE"], keyed={"putin": "B-DISEASE"})
    with caplog.at_level("WARNING", logger="kabar.nlp.transformer_ner"):
        nlp = transformer_nlp(model_dir)
    assert "dropped: DISEASE" in caplog.text
    assert nlp.get_pipe("kabar_transformer_ner").labels == ["PERSON"]
    assert ents(nlp("Putin tiba.")) == []


def test_build_nlp_switch_replaces_the_shipped_ner(random_bert):
    from kabar.nlp.pipeline import build_nlp

    nlp = build_nlp(config={"kabar_transformer_ner": {"model": str(random_bert)}})
    assert "ner" not in nlp.pipe_names
    names = nlp.pipe_names
    assert names.index("kabar_sentences") < names.index("kabar_transformer_ner") < names.index("kabar_entities")
    doc = nlp(SEED.read_text(encoding="utf-8"))
    people = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert {"Vladimir Putin", "Kim Jong Un"} <= people  # the rules still run after the model
    assert {e.label_ for e in doc.ents} <= {"PERSON", "ORG", "LOC", "GPE", "EVENT"}


def test_a_device_the_machine_lacks_is_refused(random_bert):
    from kabar.nlp.model import ModelError

    if pytest.importorskip("torch").cuda.is_available():
        pytest.skip("this machine has a GPU")
    with pytest.raises(ModelError, match="cannot run on device 'cuda'"):
        transformer_nlp(random_bert, device="cuda")


def run_kabar(*args):
    return subprocess.run([sys.executable, "-m", "kabar", *args], capture_output=True, text=True)


def assert_from_keyed_model(report: dict, model_dir) -> None:
    """The keyed model calls TRIBUNNEWS a place; no rule and no other model says so."""
    types = {e["name"]: e["type"] for e in report["entities"]}
    assert types["TRIBUNNEWS"] == "LOC" and types["Vladimir Putin"] == "PERSON"
    assert report["ner"] == f"hf:{model_dir}"


def test_analyze_cli_reports_the_model_entities(keyed_bert):
    proc = run_kabar("analyze", str(SEED), "--format", "json", "--ner-model", f"hf:{keyed_bert}")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert_from_keyed_model(report, keyed_bert)
    text = SEED.read_text(encoding="utf-8")
    tokens = spacy.blank("id").tokenizer(text)
    starts, ends = {t.idx for t in tokens}, {t.idx + len(t) for t in tokens}
    mentions = [(m, e["type"]) for e in report["entities"] for m in e["mentions"]]
    assert len(mentions) > 20
    for mention, label in mentions:
        assert mention["start"] in starts and mention["end"] in ends
        assert text[mention["start"]:mention["end"]] == mention["text"]
        assert label in {"PERSON", "ORG", "LOC", "GPE", "EVENT", "OTHER"}


def test_ingest_workers_store_reports_from_the_model(keyed_bert, tmp_path):
    """`--jobs 2`: the articles are analysed in worker processes, which build their own pipeline."""
    from kabar.store import Store

    db = tmp_path / "kabar.db"
    proc = run_kabar("ingest", str(SEED), "--db", str(db), "--jobs", "2", "--ner-model", f"hf:{keyed_bert}")
    assert proc.returncode == 0, proc.stderr
    assert "1 stored (1 new" in proc.stderr
    with Store.open(str(db)) as store:
        [report] = list(store.iter_reports())
    assert_from_keyed_model(report, keyed_bert)


def test_served_app_analyses_and_ingests_with_the_model(keyed_bert, tmp_path):
    from fastapi.testclient import TestClient

    from kabar.web import create_app

    client = TestClient(create_app(db=str(tmp_path / "kabar.db"), ner_model=str(keyed_bert)))
    text = SEED.read_text(encoding="utf-8")
    analysed = client.post("/api/analyse", json={"text": text})
    assert analysed.status_code == 200, analysed.text
    assert_from_keyed_model(analysed.json(), keyed_bert)
    stored = client.post("/api/ingest", json={"articles": [{"text": text, "id": "seed"}]})
    assert stored.json()["articles"][0]["status"] == "stored", stored.text
    assert_from_keyed_model(client.get("/api/articles/seed").json(), keyed_bert)
    page = client.post("/analyse", data={"text": text})
    assert page.status_code == 200 and "TRIBUNNEWS" in page.text


def test_evaluate_ner_scores_a_hf_model(keyed_bert, tmp_path):
    gold = tmp_path / "gold.txt"
    gold.write_text("Vladimir B-PER\nPutin I-PER\ntiba O\ndi O\nRusia B-LOC\n. O\n\n"
                    "Yonhap B-ORG\nmelaporkan O\nKim B-PER\n. O\n", encoding="utf-8")
    proc = run_kabar("evaluate", "ner", str(gold), "--model", f"hf:{keyed_bert}", "--json")
    assert proc.returncode == 0, proc.stderr
    assert "file labels mapped" in proc.stdout
    # Right: Vladimir Putin, Rusia, Yonhap; missed: Kim (the model's MISC has no kabar label).
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {"p": 100.0, "r": 75.0, "f": 85.71, "n": 2}


def invoke(*args):
    from kabar.cli import app

    return CliRunner().invoke(app, list(args))


def commands_with_ner_model(model: str, tmp_path) -> list[list[str]]:
    """`kabar analyze`, `kabar ingest` (in worker processes) and `kabar serve`, each given `--ner-model model`."""
    from kabar.store import Store

    db = tmp_path / "kabar.db"
    Store.open(str(db)).close()  # serve needs a database to exist; the model is checked before it serves
    return [["analyze", str(SEED), "--ner-model", model],
            ["ingest", str(SEED), "--db", str(db), "--jobs", "2", "--ner-model", model],
            ["serve", "--db", str(db), "--port", "9", "--ner-model", model]]


def test_missing_packages_name_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "transformers", None)
    monkeypatch.setenv("KABAR_MODEL", "blank")
    for args in commands_with_ner_model(f"hf:{tmp_path}", tmp_path):
        if args[0] == "ingest":  # the workers are fresh processes: take transformers away in this one
            args[args.index("--jobs") + 1] = "1"
        result = invoke(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "pip install 'kabar[transformers]'" in result.output


@pytest.mark.parametrize("make, message", [
    (lambda d: save_tiny_bert(d, architecture="BertForSequenceClassification"),
     "not a token-classification model (it is BertForSequenceClassification)"),
    (lambda d: d, "not a Hugging Face model"),
])
def test_a_folder_that_is_not_a_token_classifier_is_refused(tmp_path, monkeypatch, make, message):
    pytest.importorskip("transformers")
    monkeypatch.setenv("KABAR_MODEL", "blank")
    folder = tmp_path / "model"
    folder.mkdir()
    make(folder)
    commands = commands_with_ner_model(f"hf:{folder}", tmp_path)
    evaluate = ["evaluate", "ner", str(DATA / "idner-news-2k" / "test.txt"), "--model", f"hf:{folder}"]
    for args in [*commands, evaluate]:
        result = invoke(*args)
        assert result.exit_code == 2 and f"error: {folder}: {message}" in result.output, (args, result.output)
    from kabar.store import Store

    with Store.open(str(tmp_path / "kabar.db")) as store:
        assert list(store.iter_reports()) == []  # the ingest stopped without storing anything


def test_ner_model_must_be_written_hf_colon(tmp_path):
    for args in commands_with_ner_model(str(tmp_path), tmp_path):
        result = invoke(*args)
        assert result.exit_code == 2 and "Invalid value for '--ner-model'" in result.output, (args, result.output)
        assert "write the model as hf:PATH_OR_NAME" in result.output
