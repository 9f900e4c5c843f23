"""Dates: real expressions from the seed and IndoSum, resolved against a published date."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import DATA
from kabar.nlp.dates import find_dates
from kabar.nlp.pipeline import build_nlp

SEED_PUBLISHED = dt.date(2024, 7, 8)


def only(text: str, published=SEED_PUBLISHED):
    dates = find_dates(text, published)
    assert len(dates) == 1, dates
    return dates[0]


@pytest.mark.parametrize(
    "text, expression, value, granularity",
    [
        ("berangkat ke Rusia pada Senin (8/7/2024).", "Senin (8/7/2024)", "2024-07-08", "day"),
        ("Perjanjian ditandatangani 19 Juni 2024 di Pyongyang.", "19 Juni 2024", "2024-06-19", "day"),
        ("Proses akuisisi akan beres pada bulan Agustus 2017.", "bulan Agustus 2017", "2017-08", "month"),
        ("Pada 2001, sebanyak 58 murid tewas.", "2001", "2001", "year"),
        ("Gempa terjadi sekitar pukul 04.28 WIB, Selasa (25/4).", "Selasa (25/4)", "2024-04-25", "day"),
        ("Ia tiba kemarin di Moskow.", "kemarin", "2024-07-07", "day"),
        ("Sidang digelar hari ini.", "hari ini", "2024-07-08", "day"),
        ("Ia bertemu Lavrov pekan lalu.", "pekan lalu", "2024-W27", "week"),
        ("Latihan dimulai bulan depan.", "bulan depan", "2024-08", "month"),
        ("Pemilu digelar tahun depan.", "tahun depan", "2025", "year"),
        ("Ia ditangkap dua hari lalu.", "dua hari lalu", "2024-07-06", "day"),
        ("rumah susun di Nairobi ambruk pada Mei silam", "Mei silam", "2024-05", "month"),
        ("taman bermain serupa dibuka pertengahan Juni lalu", "pertengahan Juni lalu", "2024-06", "month"),
        ("dilantik sebagai KSAU, Rabu (17/1) lalu di Istana", "Rabu (17/1)", "2024-01-17", "day"),
        ("Krisis moneter pada tahun 1990-an.", "tahun 1990-an", "199X", "decade"),
        ("Pasar saham turun sepekan terakhir.", "sepekan terakhir", "P1W", "duration"),
        ("Rakornas digelar di BSD, Tangerang, 16-17 Desember 2017.", "16-17 Desember 2017",
         "2017-12-16/2017-12-17", "range"),
        ("yang digelar satu hari sebelumnya, Lee kalah", "satu hari sebelumnya", None, "offset"),
        ("Juventus juara Serie A musim 2016/17.", "2016/17", "2016/2017", "range"),
        ("Kini, 27 tahun pasca perilisan filmnya", "27 tahun pasca", None, "offset"),
        ("dilengserkan dalam kudeta 2006 lalu.", "2006 lalu", "2006", "year"),
        ("menderita cedera pergelangan kaki pada Januari, dipaksa", "Januari", "2024-01", "month"),
        ("Mereka akan menjamu Watford di St Marys pada Sabtu, di mana", "Sabtu", "2024-07-13", "day"),
        ("Wall Street tadi malam bergerak bervariasi.", "tadi malam", "2024-07-07", "day"),
    ],
)
def test_expressions(text, expression, value, granularity):
    date = only(text)
    assert (date.text, date.value, date.granularity) == (expression, value, granularity)
    assert text[date.start : date.end] == expression


def test_early_last_month_keeps_the_part():
    date = only("Putin tiba di bandara Korea Utara awal bulan lalu untuk bertemu Kim.")
    assert (date.value, date.granularity, date.extra["part"]) == ("2024-06", "month", "early")


def test_durations_are_not_future_years():
    """dateparser's search_dates reads "dalam 24 tahun" as 2048."""
    assert only("Kunjungan pertama Putin ke Korea Utara dalam 24 tahun terakhir").value == "P24Y"
    assert only("Kunjungan Putin ke Korea Utara dalam 24 tahun").value == "P24Y"


def test_vague_and_unresolved_keep_a_reason():
    vague = only("Putin baru-baru ini mengunjungi Pyongyang.")
    assert vague.value is None and vague.extra["reason"]
    unresolved = only("Ia tiba kemarin.", published=None)
    assert unresolved.value is None and "published" in unresolved.extra["reason"]


def test_day_name_settles_a_swapped_date():
    """Published Sunday 2 April 2017, "Minggu (4/2)": 4 February was a Saturday, 2 April a Sunday."""
    date = only("ujar Andy saat dihubungi kumparan, Minggu (4/2).", dt.date(2017, 4, 2))
    assert date.value == "2017-04-02" and date.extra["swapped_day_month"]
    mismatch = only("mengumumkan bencana kekeringan pada Senin (21/5).", dt.date(2017, 5, 23))
    assert mismatch.value == "2017-05-21" and mismatch.extra["weekday_mismatch"] == "Senin"


def test_partial_date_takes_the_nearest_year():
    """Published early January: "(28/12)" is last December, "(3/1)" this January."""
    published = dt.date(2018, 1, 2)
    assert only("Kamis (28/12)", published).value == "2017-12-28"
    assert only("Rabu (3/1)", published).value == "2018-01-03"


@pytest.mark.parametrize(
    "text",
    [
        "Sebanyak 2016 orang mengungsi.",        # a count, not a year
        "Inflasi naik 3.5 persen dalam 2-3 hari",  # decimals and ranges are no dates
        "Pertemuan dimulai pukul 10.00 WIB.",      # a time alone
        "Ia berusia 24 tahun.",                    # an age, not a duration of the story
        "resolusi layar 3000 x 2000 pixel",        # a screen size
        "GPU Nvidia GeForce GTX 1050",             # a model number
    ],
)
def test_numbers_that_are_not_dates(text):
    assert [d for d in find_dates(text, SEED_PUBLISHED) if d.granularity != "duration"] == []


def test_pipeline_component_on_the_seed(seed_text):
    nlp = build_nlp("id", pipeline=["kabar_sentences", "kabar_dates"])
    doc = nlp.make_doc(seed_text)
    doc._.published = SEED_PUBLISHED
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    found = {d.text: d.value for d in doc._.dates}
    assert found["Senin (8/7/2024)"] == "2024-07-08"
    assert found["awal bulan lalu"] == "2024-06"
    assert found["dalam 24 tahun terakhir"] == "P24Y"
    assert found["dalam 24 tahun"] == "P24Y"
    assert "2048" not in json.dumps(found)


def test_indosum_article_dates():
    """Kenya school fire (IndoSum dev.01): dates read by hand from the article."""
    from kabar.read.detokenize import detokenize

    with open(DATA / "indosum" / "dev.01.jsonl", encoding="utf-8") as lines:
        article = next(json.loads(x) for x in lines if "1504476900-" in x)
    text = detokenize(article["paragraphs"])
    found = {(d.text, d.value) for d in find_dates(text, dt.date(2017, 9, 3))}
    assert {("Sabtu (2/9)", "2017-09-02"), ("selama dua pekan", "P2W"), ("2001", "2001"),
            ("2012", "2012"), ("Mei silam", "2017-05")} <= found
