"""Corpus readers (each set in its own format) and the `kabar evaluate` scorers and command."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from spacy.vocab import Vocab

from conftest import DATA
from kabar.training import corpora
from kabar.nlp.model import SHIPPED


def _write(tmp_path, name, text, encoding="utf-8", newline="\n"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def test_bio_bilou_and_iob1_tags_give_the_same_spans():
    words = "Presiden Joko Widodo ke Solo".split()
    bio = corpora.TaggedSentence(words, ["O", "B-PER", "I-PER", "O", "B-LOC"])
    bilou = corpora.TaggedSentence(words, ["O", "B-PER", "L-PER", "O", "U-LOC"])
    iob1 = corpora.TaggedSentence(words, ["O", "I-PER", "I-PER", "O", "I-LOC"])
    assert bio.spans() == bilou.spans() == iob1.spans() == [(1, 3, "PER"), (4, 5, "LOC")]
    # Two adjacent entities of one label are kept apart by B-.
    assert corpora.TaggedSentence(["A", "B"], ["B-PER", "B-PER"]).spans() == [(0, 1, "PER"), (1, 2, "PER")]


def test_reads_crlf_space_separated_idner_news():
    sents = corpora.read_tagged(DATA / "idner-news-2k" / "test.txt")
    assert len(sents) == 509
    assert not any("\r" in w or "\r" in t for s in sents for w, t in zip(s.words, s.tags))
    assert {label for s in sents for *_, label in s.spans()} == {"PER", "ORG", "LOC"}


def test_reads_tab_separated_indonlu_with_its_own_labels():
    sents = corpora.read_tagged(DATA / "indonlu" / "nerp_ner-prosa" / "test_preprocess.txt")
    assert len(sents) == 840
    assert {label for s in sents for *_, label in s.spans()} == {"PPL", "PLC", "IND", "EVT", "FNB"}


def test_latin1_file_needs_its_encoding(tmp_path):
    path = _write(tmp_path, "gazet.txt", "Sukarno\tB-PER\nmenyapa\tO\nBogor\tB-LOC\n\nKönig\tB-PER\n", "latin-1", "\r\n")
    with pytest.raises(corpora.CorpusError, match="gazet.txt: not utf-8"):
        corpora.read_tagged(path)
    sents = corpora.read_tagged(path, encoding="latin-1")
    assert sents[1].words == ["König"] and sents[0].spans() == [(0, 1, "PER"), (2, 3, "LOC")]


@pytest.mark.parametrize("line, message", [
    ("Jakarta\tB_LOC", "bad entity tag 'B_LOC'"),
    ("Jakarta", "expected 'token<TAB>tag'"),
])
def test_malformed_tagged_line_is_rejected_with_its_place(tmp_path, line, message):
    path = _write(tmp_path, "bad.txt", f"Di\tO\n{line}\n")
    with pytest.raises(corpora.CorpusError, match=rf"bad.txt:2: {message}"):
        corpora.read_tagged(path)


def test_conllu_keeps_multiword_tokens_glued():
    sents = corpora.read_conllu(DATA / "ud-id-csui" / "id_csui-ud-train.conllu")
    vocab = Vocab()
    for s in sents:
        text = next(c.split("=", 1)[1].strip() for c in s.comments if c.startswith("# text ="))
        assert corpora.ud_doc(vocab, s).text.strip() == text
    first = corpora.ud_doc(vocab, sents[0])
    assert [t.text for t in first[5:7]] == ["menyetujui", "nya"] and first[6].dep_ == "obj"


@pytest.mark.parametrize("row, message", [
    ("1\tDia\tdia\tPRON\t_\t_\t0\troot\t_", "needs 10 TAB-separated columns, has 9"),
    ("1\tDia\tdia\tPRON\t_\t_\t7\troot\t_\t_", "HEAD 7 beyond the sentence's 1 words"),
    ("x\tDia\tdia\tPRON\t_\t_\t0\troot\t_\t_", "bad ID 'x'"),
])
def test_malformed_conllu_is_rejected_with_its_place(tmp_path, row, message):
    path = _write(tmp_path, "bad.conllu", f"# sent_id = 1\n{row}\n\n")
    with pytest.raises(corpora.CorpusError, match=rf"bad.conllu:2: .*{message}"):
        corpora.read_conllu(path)


def _kabar(*args):
    return subprocess.run([sys.executable, "-m", "kabar", *args], capture_output=True, text=True, timeout=300)


needs_model = pytest.mark.skipif(not (SHIPPED / "meta.json").exists(), reason="no shipped model")


@needs_model
def test_evaluate_ner_maps_labels_and_ends_with_json():
    result = _kabar("evaluate", "ner", str(DATA / "indonlu" / "nerp_ner-prosa" / "test_preprocess.txt"), "--json")
    assert result.returncode == 0, result.stderr
    assert "left out (no counterpart in the model): EVT, FNB" in result.stdout
    score = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(score) == {"p", "r", "f", "n"} and score["n"] == 840
    assert score["f"] > 60


@needs_model
def test_evaluate_parser_ends_with_json():
    result = _kabar("evaluate", "parser", str(DATA / "ud-id-gsd" / "id_gsd-ud-test.conllu"), "--json")
    assert result.returncode == 0, result.stderr
    score = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(score) == {"upos", "uas", "las", "n", "clause_subjects", "clause_subjects_n"} and score["n"] == 557
    assert score["upos"] > 85 and score["las"] > 60
    # gold subjects between a `mark` and its verb ("ketika daerah itu diterjang Badai Katrina")
    assert score["clause_subjects_n"] == 93 and 50 < score["clause_subjects"] <= 100
    assert "subordinate-clause subjects found" in result.stdout


def test_evaluate_rejects_bad_input_in_one_line(tmp_path):
    bad = _write(tmp_path, "bad.conllu", "1\tDia\n")
    result = _kabar("evaluate", "parser", str(bad))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "bad.conllu:1" in result.stderr
    result = _kabar("evaluate", "ner", str(tmp_path / "missing.txt"))
    assert result.returncode == 2 and "missing.txt: cannot read" in result.stderr
