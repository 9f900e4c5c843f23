"""`kabar train pretrain` and `--init-tok2vec`: the NER's tok2vec starts from pretrained weights."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy
import spacy
from spacy.util import load_config, load_model_from_config

from conftest import DATA
from kabar.nlp.model import SHIPPED
from kabar.training import recipes


def kabar(*args):
    return subprocess.run([sys.executable, "-m", "kabar", *args], capture_output=True, text=True, timeout=300)


def ner_tok2vec(weights):
    """The NER config's `tok2vec` layer (the one pretrained), loaded with the weights in file `weights`."""
    config = load_config(recipes.TRAINING_DIR / "ner.cfg", overrides={"paths.vectors": str(SHIPPED)})
    nlp = load_model_from_config(config, auto_fill=True)
    with nlp.select_pipes(enable=[]):
        nlp.initialize()
    tok2vec = nlp.get_pipe("ner").model.get_ref("tok2vec")
    tok2vec.initialize(X=[nlp.make_doc("Jokowi ke Bandung")])
    return tok2vec.from_bytes(weights.read_bytes())


def test_pretrained_tok2vec_initialises_the_trained_ner(tmp_path):
    result = kabar("train", "pretrain", "--data", str(DATA), "--work", str(tmp_path), "--limit", "3",
                   "--pretrain-epochs", "1", "--vectors", str(SHIPPED))
    assert result.returncode == 0, result.stderr[-2000:]
    built = json.loads((tmp_path / "pretrain" / "build.json").read_text())
    weights = tmp_path / "pretrain" / "model-last.bin"
    assert built["weights_sha256"] == recipes.sha256(weights)
    texts = [json.loads(line)["text"] for line in (tmp_path / "pretrain" / "text.jsonl").read_text().splitlines()]
    assert len(texts) == built["text"]["paragraphs"] > 10 and built["words_seen"] > 300
    assert list(built["text"]["sources_sha256"]) and all(rel.startswith("indosum/") for rel in built["text"]["sources_sha256"])

    # Mark the weights (embedding rows all 0.5) so a model that started from them is unmistakable.
    tok2vec = ner_tok2vec(weights)
    for table in (layer for layer in tok2vec.walk() if layer.name.startswith("hashembed")):
        table.set_param("E", numpy.full_like(table.get_param("E"), 0.5))
    marked = tmp_path / "marked.bin"
    marked.write_bytes(tok2vec.to_bytes())

    result = kabar("train", "nergrit", "--data", str(DATA), "--work", str(tmp_path), "--limit", "30", "--max-steps", "2",
                   "--vectors", str(SHIPPED), "--init-tok2vec", str(marked))
    assert result.returncode == 0, result.stderr[-2000:]
    sources = json.loads((tmp_path / "nergrit" / "sources.json").read_text())
    assert sources["init_tok2vec"]["sha256"] == recipes.sha256(marked)
    trained = spacy.load(tmp_path / "nergrit" / "model" / "model-best").get_pipe("ner").model.get_ref("tok2vec")
    for layer in (layer for layer in trained.walk() if layer.name.startswith("hashembed")):
        # Three Adam steps of 0.001 move a weight by a few thousandths, so every row is still one
        # value; ner.cfg saves weight averages, which thinc starts at zero, so after these few steps
        # that value is 0.5 shrunk (about 0.41). A fresh table is random and near 0.
        table = layer.get_param("E")
        assert numpy.allclose(table, table.flat[0], atol=0.02) and 0.3 < table.flat[0] <= 0.5, layer.name


def test_init_tok2vec_refuses_a_missing_file_and_the_ud_recipe(tmp_path):
    from typer.testing import CliRunner

    from kabar.cli import app

    weights = tmp_path / "weights.bin"
    result = CliRunner().invoke(app, ["train", "nergrit", "--data", str(DATA), "--work", str(tmp_path),
                                      "--init-tok2vec", str(weights)])
    assert result.exit_code == 2 and "error: --init-tok2vec" in result.output
    weights.write_bytes(b"")
    result = CliRunner().invoke(app, ["train", "ud", "--data", str(DATA), "--work", str(tmp_path),
                                      "--init-tok2vec", str(weights)])
    assert result.exit_code == 2 and "recipes ner, nergrit, nerp" in result.output
    assert not (tmp_path / "ud").exists()  # refused before any corpus is written
