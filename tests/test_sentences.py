"""Sentence boundaries on real Indonesian news text."""
import pytest

from kabar.nlp.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(pipeline=["kabar_sentences"])


def sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_seed_lines_without_final_punctuation_still_end_sentences(nlp, seed_text):
    found = sents(nlp, seed_text)
    assert "Itu bisa Kim Jong Un mendukung penuh Rusia" in found
    assert "Kunjungan Putin ke Korea Utara dalam 24 tahun" in found
    assert "Putin baru-baru ini mengunjungi Pyongyang." in found
    # the stray “ at the end of a line stays with its own line
    assert any(s.endswith("menandatangani perjanjian kemitraan. “") for s in found)
    assert "“" not in found
    assert len(found) == 21


@pytest.mark.parametrize("text, expected", [
    ("Rapat dipimpin Dr. Ahmad di Jl. Sudirman, Senin (8/7/2024). Hasilnya diumumkan.",
     ["Rapat dipimpin Dr. Ahmad di Jl. Sudirman, Senin (8/7/2024).", "Hasilnya diumumkan."]),
    ("Harganya Rp. 5 juta per unit. Ia membeli dua.", ["Harganya Rp. 5 juta per unit.", "Ia membeli dua."]),
    ("Kantor Kec. Cibinong buka.Warga antre sejak pagi.", ["Kantor Kec. Cibinong buka.", "Warga antre sejak pagi."]),
    ('"Kami siap," kata Jokowi. Ia lalu pergi.', ['"Kami siap," kata Jokowi.', "Ia lalu pergi."]),
    ("Jalan A. Yani ditutup. Polisi berjaga.", ["Jalan A. Yani ditutup.", "Polisi berjaga."]),
])
def test_news_conventions(nlp, text, expected):
    assert sents(nlp, text) == expected
