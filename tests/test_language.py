"""Language detection on real articles, and the message for languages kabar does not read."""
import csv
import itertools

import pytest

import kabar
from conftest import DATA
from kabar.nlp.language import detect_language
from kabar.read import read_inputs


def guardian_texts(n):
    with (DATA / "guardian-sample" / "Guardian_SDF_sample.csv").open(encoding="utf-8") as rows:
        return [row["text"] for row in itertools.islice(csv.DictReader(rows), n)]


def test_real_english_and_indonesian_articles():
    indonesian = [a.text for a in itertools.islice(read_inputs([str(DATA / "indosum" / "dev.02.jsonl")]), 40)]
    assert [detect_language(t) for t in indonesian] == ["id"] * 40
    assert [detect_language(t) for t in guardian_texts(40)] == ["en"] * 40


def test_malay_is_read_as_indonesian_and_no_text_is_none():
    assert detect_language("Kerajaan Malaysia telah mengumumkan bahawa sekolah akan dibuka semula minggu hadapan.") == "id"
    assert detect_language("  \n ") is None


@pytest.mark.parametrize("text, words", [
    (None, "'en' (English)"),
    ("Die Bundesregierung hat heute beschlossen, die Hilfen für die Ukraine zu verlängern.", "'de' (German)"),
    ("12345 67890 (8/7/2024)", "unrecognised language"),
])
def test_unsupported_language_message(text, words):
    text = text or guardian_texts(1)[0]
    with pytest.raises(kabar.UnsupportedLanguage) as err:
        kabar.analyze(text, id="artikel-7")
    message = str(err.value)
    assert message.startswith("artikel-7: written in ") and words in message and "not supported" in message
