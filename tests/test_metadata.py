"""Outlet, reporter and dateline date read from the text itself (kabar_metadata)."""
import datetime as dt
import itertools

import pytest
import spacy

import kabar
from conftest import DATA
from kabar.nlp.metadata import find_dateline, find_source_and_byline
from kabar.read import read_inputs


@pytest.mark.parametrize("text, source, byline", [
    ("Namira Unia dari Tribune.com melaporkan\nTRIBUNNEWS.\nKabar tersebut muncul.", "Tribune.com", "Namira Unia"),
    ("TRIBUNNEWS.\nKabar tersebut muncul setelah delegasi berangkat.", "TRIBUNNEWS", None),
    ("Jakarta, Kompas.com - Presiden Joko Widodo meresmikan jalan tol.", "Kompas.com", None),
    ("JUARA.NET, MISANO - Pebalap Repsol Honda memimpin latihan bebas.", "JUARA.NET", None),
    ("GOLD COAST, JUARA.net - Pebulu tangkis tunggal putri Sung Ji-hyun menang.", "JUARA.net", None),
    ("Suara.com - Cerita sekuel terbaru James Bond bocor.", "Suara.com", None),
    ("Jakarta, CNN Indonesia -- PT Pertamina (Persero) menyatakan telah berunding.", "CNN Indonesia", None),
    ("Raqa, Suriah (ANTARA News) - Koalisi Arab-Kurdi merebut kota itu.", "ANTARA News", None),
    ("Rimanews - Komite Olimpiade Indonesia (KOI) menyatakan kepastian.", "Rimanews", None),
    ("JAKARTA (Pos Kota) –Ketua DPR Setya Novanto siap hadir.", "Pos Kota", None),
    ("Reporter: Edy Purnomo\n\nKalau sebutan \"Ndeso\" selama ini identik norak.", None, "Edy Purnomo"),
    ("Kabar tersebut muncul setelah delegasi yang dipimpin oleh Kim Kum-chol berangkat.", None, None),
    ("Laporan Wartawan Tribunnews.com, Fransiskus Adhiyuda\nTRIBUNNEWS.COM, JAKARTA - Polisi menangkap dua orang.", "Tribunnews.com", "Fransiskus Adhiyuda"),
    ("Gempa mengguncang Lampung Selatan.\nPenulis: Anggun Pratama", None, "Anggun Pratama"),
    ("SPANYOL – Barcelona menang 3-0 atas Real Madrid, Sabtu (23/12/2017).", None, None),
    ("Ketua MPR Zulkifli Hasan menyesalkan kisruh transportasi online.", None, None),
])
def test_source_and_byline_conventions(text, source, byline):
    assert find_source_and_byline(text) == (source, byline)


def test_full_dateline_date():
    text = "Delegasi berangkat ke Rusia pada Senin (8/7/2024). Lalu Jumat (12/7/2024) mereka tiba."
    mention = find_dateline(text, None)
    assert (mention.text, mention.value, mention.granularity) == ("Senin (8/7/2024)", "2024-07-08", "day")
    assert text[mention.start:mention.end] == "Senin (8/7/2024)"
    assert mention.extra["weekday_matches"] is True
    assert find_dateline("pada Jumat (8/9/2017) lalu", None).value == "2017-09-08"
    assert find_dateline("pada Kamis, (6/5/17) sore", None).value == "2017-05-06"


def test_partial_dateline_needs_a_published_year():
    text = "ucap Zulkifli di Gedung DPR, Senayan, Jakarta Pusat, Senin (27/3)."
    assert find_dateline(text, None).value is None
    assert find_dateline(text, dt.date(2017, 3, 28)).value == "2017-03-27"
    # late December read in an article published early January is last year's
    assert find_dateline("kata dia, Kamis (28/12).", dt.date(2018, 1, 2)).value == "2017-12-28"


def test_weekday_that_does_not_fit_is_noted():
    assert find_dateline("Selasa (8/7/2024)", None).extra["weekday_matches"] is False


def test_component_sets_published_from_dateline_only_without_input(seed_text):
    report = kabar.analyze(seed_text)
    assert (report.published, report.published_from) == ("2024-07-08", "dateline")
    assert (report.source, report.byline) == ("Tribune.com", "Namira Unia")
    given = kabar.analyze(seed_text, published="2024-07-10")
    assert (given.published, given.published_from) == ("2024-07-10", "input")
    assert kabar.analyze(seed_text, source="Tribunnews").source == "Tribunnews"  # the article's own wins


def test_component_works_in_a_users_own_pipeline():
    nlp = spacy.blank("id")
    nlp.add_pipe("kabar_metadata")
    doc = nlp("Jakarta, Kompas.com - Banjir merendam Bekasi, Minggu (1/1/2017).")
    assert (doc._.source, doc._.published, doc._.published_from) == ("Kompas.com", dt.date(2017, 1, 1), "dateline")


def test_on_real_indosum_articles():
    """Facts checked by reading the first 45 articles of IndoSum dev.01."""
    articles = {a.id: a for a in itertools.islice(read_inputs([str(DATA / "indosum" / "dev.01.jsonl")]), 45)}
    expected = {
        "1504900800-bocor-james-bond-nikah-di-sekuel-terbaru": ("Suara.com", None),
        "1489536002-mentan-lepas-ekspor-perdana-daging-ayam-olahan-ke-": (None, "2017-03-13"),
        "1514112565-hasil-real-madrid-vs-barcelona": (None, "2017-12-23"),
        "1508483400-jayawijaya-datangkan-arkeolog-untuk-konservasi-emp": ("ANTARA News", None),
        "1479083453-ronaldo-tak-kesulitan-main-hingga-usia-41": ("CNN Indonesia", None),
        "1499149800-menang-6-0-pada-laga-debut-ini-kata-pelatih-persip": ("Merdeka.com", None),
        "1506205057-untuk-kali-keenam-marcuskevin-ditantang-boemogense": ("JUARA.NET", "2017-09-22"),
        "1494219963-polisi-belum-periksa-sheila-marcia-dan-melodya": ("Pos Kota", "2017-05-06"),
        "1491530431-keikutsertaan-timnas-u-22-di-isg-2017-belum-jelas": ("Rimanews", None),
    }
    for article_id, (source, date) in expected.items():
        text = articles[article_id].text
        mention = find_dateline(text, None)
        assert find_source_and_byline(text)[0] == source, article_id
        assert (mention.value if mention else None) == date, article_id


def test_indosum_crawl_time_anchors_articles_without_a_full_dateline():
    """IndoSum ids start with the crawl time: it dates partial datelines and undated articles,
    while a full dateline still wins."""
    articles = {a.id: a for a in itertools.islice(read_inputs([str(DATA / "indosum" / "dev.01.jsonl")]), 12)}
    first = articles["1490674536-mustahil-transportasi-tradisional-dan-online-bersa"]
    assert first.collected == dt.date(2017, 3, 28)
    report = kabar.analyze_article(first)
    assert (report.published, report.published_from) == ("2017-03-27", "dateline")  # "Senin (27/3)"
    clasico = kabar.analyze_article(articles["1514112565-hasil-real-madrid-vs-barcelona"])
    assert (clasico.published, clasico.published_from) == ("2017-12-23", "dateline")
    undated = kabar.Article(text="Presiden Joko Widodo meresmikan jalan tol di Jawa Tengah kemarin.",
                            collected=dt.date(2017, 3, 28))
    report = kabar.analyze_article(undated)
    assert (report.published, report.published_from) == ("2017-03-28", "collected")


def test_dateline_with_a_non_breaking_space():
    """Real IndoSum text has "Minggu\\xa0(4/2/2018)"-style datelines."""
    date = find_dateline("Jakarta - Presiden hadir, Minggu \xa0(4/2/2018).", None)
    assert date.value == "2018-02-04" and date.extra["weekday_matches"]
