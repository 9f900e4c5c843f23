"""Reading files, stdin-like bytes, folders, JSONL and IndoSum corpora into Articles."""
import datetime as dt
import itertools
import json

import pytest

from conftest import DATA, SEED
from kabar.read import Article, ReadError, read_inputs
from kabar.read.detokenize import detokenize
from kabar.read.sources import article_from_bytes

INDOSUM = DATA / "indosum" / "dev.01.jsonl"
KALIMAT = "Presiden Joko Widodo meresmikan jalan tol Semarang–Demak di Jawa Tengah, Senin (8/7/2024)."


def read_all(*specs, **options):
    return list(read_inputs([str(s) for s in specs], **options))


def test_plain_text_keeps_the_file_text_exactly():
    [article] = read_all(SEED)
    assert isinstance(article, Article)
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.origin == str(SEED)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252", "latin-1", "cp1251"])
def test_any_encoding_is_detected(tmp_path, encoding):
    if encoding == "cp1251":
        text = "Министр иностранных дел России Сергей Лавров прибыл в Пхеньян в понедельник. " * 3
    else:
        text = "Menteri Luar Negeri Retno Marsudi bertemu mitranya dari Côte d'Ivoire di Jakarta pada Senin (8/7/2024). " * 3
    path = tmp_path / "berita.txt"
    path.write_bytes(text.encode(encoding))
    [article] = read_all(path)
    assert article.text == text


def test_binary_empty_missing_and_oversized_inputs_are_one_line_errors(tmp_path):
    binary = tmp_path / "gambar.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    empty = tmp_path / "kosong.txt"
    empty.write_text("  \n\n ", encoding="utf-8")
    big = tmp_path / "besar.txt"
    big.write_text(KALIMAT * 100, encoding="utf-8")
    results = read_all(binary, empty, tmp_path / "hilang.txt", big, SEED, max_bytes=4000)
    errors = [str(r) for r in results if isinstance(r, ReadError)]
    assert len(errors) == 4 and isinstance(results[-1], Article)
    assert errors[0].startswith(str(binary)) and "binary" in errors[0]
    assert errors[1].startswith(str(empty)) and "empty" in errors[1]
    assert errors[2].startswith(str(tmp_path / "hilang.txt"))
    assert errors[3].startswith(str(big)) and "size cap" in errors[3]
    assert all("\n" not in e for e in errors)


def test_stdin_bytes_and_related_links_dropped():
    data = f"{KALIMAT}\nBaca juga: Jokowi Resmikan Tol Lain\nPeresmian dihadiri gubernur.".encode()
    article = article_from_bytes(data, "-")
    assert article.text == f"{KALIMAT}\nPeresmian dihadiri gubernur."


def test_html_file_gives_main_text_and_metadata(tmp_path):
    page = tmp_path / "berita.html"
    page.write_text(
        "<html><head><title>Jokowi Resmikan Tol - Kompas.com</title>"
        "<meta name='author' content='Budi Santoso'>"
        "<meta property='article:published_time' content='2024-07-08T10:00:00+07:00'>"
        "<meta property='og:site_name' content='Kompas.com'></head><body>"
        "<nav><a href='/'>Beranda</a> | <a href='/nasional'>Nasional</a></nav>"
        "<article><h1>Jokowi Resmikan Tol</h1>"
        f"<p>Jakarta, Kompas.com - {KALIMAT} Peresmian itu dihadiri banyak menteri dan pejabat daerah.</p>"
        "<p>Baca juga: Berita lain yang menarik</p>"
        "<p>\"Jalan ini akan memperlancar arus barang,\" kata Jokowi kepada wartawan di lokasi.</p>"
        "</article><footer>Hak cipta dilindungi</footer></body></html>",
        encoding="utf-8",
    )
    [article] = read_all(page)
    assert article.title == "Jokowi Resmikan Tol"
    assert article.byline == "Budi Santoso"
    assert article.source == "Kompas.com"
    assert article.published == dt.date(2024, 7, 8)
    assert article.text.startswith("Jakarta, Kompas.com - Presiden Joko Widodo")
    assert "Baca juga" not in article.text and "Beranda" not in article.text
    assert article.text.endswith("kata Jokowi kepada wartawan di lokasi.")


def test_jsonl_bad_line_is_named_and_the_rest_still_come(tmp_path):
    corpus = tmp_path / "korpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "a1", "text": KALIMAT, "title": "Tol", "published": "2024-07-08", "source": "Kompas", "url": "https://kompas.com/a1"}) + "\n"
        + "{tidak valid\n\n"
        + json.dumps({"id": "a3", "text": KALIMAT, "published": "8 Juli"}) + "\n"
        + json.dumps({"id": "a4", "judul": "tanpa teks"}) + "\n"
        + json.dumps({"id": 5, "text": "Gempa mengguncang Lampung Selatan."}) + "\n",
        encoding="utf-8",
    )
    a1, bad, a3, a4, a5 = read_all(corpus)
    assert (a1.id, a1.title, a1.published, a1.source, a1.url) == ("a1", "Tol", dt.date(2024, 7, 8), "Kompas", "https://kompas.com/a1")
    assert str(bad).startswith(f"{corpus}:2:") and "invalid JSON" in str(bad)
    assert str(a3).startswith(f"{corpus}:4:") and "published" in str(a3)
    assert str(a4).startswith(f"{corpus}:5:") and "'text'" in str(a4)
    assert a5.id == "5"


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(KALIMAT, encoding="utf-8")
    (tmp_path / "b" / "c.json").write_text(json.dumps([{"text": "Gempa di Lampung."}, {"text": "Banjir di Bekasi."}]), encoding="utf-8")
    (tmp_path / "b" / "gambar.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "README.txt").write_text("This corpus holds Indonesian news.", encoding="utf-8")
    texts = [a.text for a in read_all(tmp_path)]
    assert texts == [KALIMAT, "Gempa di Lampung.", "Banjir di Bekasi."]
    (tmp_path / "kosong").mkdir()
    [error] = read_all(tmp_path / "kosong")
    assert isinstance(error, ReadError) and str(error).startswith(str(tmp_path / "kosong"))


def test_detokenize_rebuilds_news_punctuation():
    paragraphs = [
        [["Jakarta", ",", "CNN", "Indonesia", "-", "-", "Menteri", "Keuangan", "Sri", "Mulyani", "hadir", ",", "Senin", "(", "8", "/", "7", "/", "2024", ")", "."]],
        [["\"", "Tidak", "hanya", "tarif", ",", "\"", "ucap", "Zulkifli", "soal", "bentrokan", "-", "bentrokan", "di", "laga", "ke", "-", "25", "(", "13", "/", "3/", "2017", ")", "."],
         ["Skor", "3", "-", "0", "diraih", "di", "akun", "Instagram", "-nya", "dengan", "‘", "gila", "’", "!"]],
    ]
    assert detokenize(paragraphs) == (
        "Jakarta, CNN Indonesia -- Menteri Keuangan Sri Mulyani hadir, Senin (8/7/2024).\n\n"
        "\"Tidak hanya tarif,\" ucap Zulkifli soal bentrokan-bentrokan di laga ke-25 (13/3/2017). "
        "Skor 3-0 diraih di akun Instagram-nya dengan ‘gila’!"
    )


def test_indosum_articles_read_as_natural_text():
    articles = list(itertools.islice(read_inputs([str(INDOSUM)]), 12))
    assert all(isinstance(a, Article) for a in articles)
    first = articles[0]
    assert first.id == "1490674536-mustahil-transportasi-tradisional-dan-online-bersa"
    assert first.source == "kumparan" and first.extra["category"] == "tajuk utama"
    assert first.url.startswith("https://kumparan.com/")
    assert first.text.startswith("Ketua MPR Zulkifli Hasan menyesalkan kisruh")
    assert '"Tidak hanya tarif tapi apa saja harus diatur.' in first.text
    assert 'negara lain bisa masa kita enggak bisa," ucap Zulkifli di Gedung DPR, Senayan, Jakarta Pusat, Senin (27/3).' in first.text
    assert "Baca juga" not in first.text and "\n\n" in first.text
    by_id = {a.id: a for a in articles}
    assert by_id["1514112565-hasil-real-madrid-vs-barcelona"].text.startswith(
        "SPANYOL – Barcelona berhasil memboyong kemenangan besar di laga Clasico 2017 dengan skor 3-0 atas Real Madrid, Sabtu (23/12/2017).")
    assert by_id["1479083453-ronaldo-tak-kesulitan-main-hingga-usia-41"].text.startswith("Jakarta, CNN Indonesia -- Pelatih fisik timnas Portugal, Joao Aroso")
    assert by_id["1508483400-jayawijaya-datangkan-arkeolog-untuk-konservasi-emp"].text.startswith("Wamena (ANTARA News) - Pemerintah Kabupaten Jayawijaya, Papua,")


@pytest.mark.parametrize("where", ["file", "jsonl"])
def test_windows_line_breaks_become_newlines(tmp_path, where):
    """Offsets must not depend on the platform that wrote the article."""
    text = "Presiden Joko Widodo tiba di Bandung.\r\n\r\nIa meresmikan jalan tol, Senin (27/3/2017)."
    if where == "file":
        path = tmp_path / "berita.txt"
        path.write_bytes(text.encode("utf-8"))
    else:
        path = tmp_path / "berita.jsonl"
        path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    [article] = read_all(path)
    assert article.text == text.replace("\r\n", "\n")
