"""Indonesian titles → normalised English positions (kabar.nlp.titles)."""
from __future__ import annotations

import pytest

from kabar.nlp.titles import match_title


def title(text: str):
    return match_title(text.lower().split(), 0)


@pytest.mark.parametrize("text, positions, n_words", [
    ("Menteri Luar Negeri Sergei Lavrov", ["Minister of Foreign Affairs"], 3),
    ("Wakil Perdana Menteri Pertama Denis Monturov", ["First Deputy Prime Minister"], 4),
    ("Wakil Menteri Pertahanan Alexei Krivoruchko", ["Deputy Minister of Defence"], 3),
    ("Menkominfo Rudiantara", ["Minister of Communication and Information Technology"], 1),
    ("Mendikbud Muhadjir Effendy", ["Minister of Education and Culture"], 1),
    ("Menko Polhukam Wiranto", ["Coordinating Minister of Political, Legal and Security Affairs"], 2),
    ("Menteri Koordinator Bidang Politik , Hukum dan Keamanan Wiranto",
     ["Coordinating Minister of Political, Legal and Security Affairs"], 8),
    ("Menteri Koordinator bidang Perekonomian Darmin Nasution", ["Coordinating Minister of Economic Affairs"], 4),
    ("Menteri Bidang Kemaritiman", ["Minister of Maritime Affairs"], 3),
    ("Wakil Presiden Jusuf Kalla", ["Vice President"], 2),
    ("Wakil Ketua DPR Agus Hermanto", ["Vice Chair"], 2),
    ("Gubernur Primorye", ["Governor"], 1),
    ("Juru Bicara KPK Febri Diansyah", ["Spokesperson"], 2),
    ("Plt Sekretaris Jenderal DPR", ["Acting Secretary-General"], 3),
    ("pemimpin Korea Utara Kim Jong Un", ["Leader"], 1),
    ("Kapolda Metro Jaya", ["Chief of Regional Police"], 1),
    # garbled: two titles in a row are kept and each normalised
    ("Perdana Menteri Wakil Presiden Alexander Novak", ["Prime Minister", "Vice President"], 4),
    # a rank after an office: the name follows the rank directly
    ("Panglima TNI Jenderal Gatot Nurmantyo", ["Commander of the Armed Forces", "General"], 3),
])
def test_positions(text, positions, n_words):
    m = title(text)
    assert m.positions == positions
    assert m.end == n_words


def test_rank_with_police_suffix_and_period():
    m = match_title(["brigjen", "pol", ".", "rikwanto"], 0)
    assert m.positions == ["Brigadier General"] and m.end == 3 and m.rank


def test_honorifics_have_no_position():
    m = match_title(["prof", ".", "dr", ".", "emil", "salim"], 0)
    assert m.positions == [] and m.honorific_only and m.end == 4


def test_ordinary_words_are_not_titles():
    assert title("Kunjungan Putin ke Pyongyang") is None
    assert title("Rusia telah mengirimkan teknologi") is None


def test_service_and_corps_after_a_rank_belong_to_the_title():
    import kabar

    report = kabar.analyze("Sekretaris Militer Presiden Marsda TNI Trisno Hendradi dan Komandan Paspampres "
                           "Mayjen TNI Suhartono hadir. Kapendam Kolonel Inf Agus Setiawan menyatakan.",
                           published="2018-01-30")
    people = {e.name: e.extra["positions"] for e in report.entities if e.type == "PERSON"}
    assert set(people) == {"Trisno Hendradi", "Suhartono", "Agus Setiawan"}  # no "Marsda TNI", no "TNI Suhartono"
    assert "Air Vice Marshal" in people["Trisno Hendradi"] and "Major General" in people["Suhartono"]
    assert people["Agus Setiawan"] == ["Colonel"]
