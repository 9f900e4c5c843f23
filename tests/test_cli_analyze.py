"""`kabar analyze` as a user runs it: a real subprocess on the seed article."""
import json
import os
import subprocess
import sys

from conftest import DATA, SEED
from kabar.nlp.model import SHIPPED


def run_kabar(*args, input=None):
    return subprocess.run([sys.executable, "-m", "kabar", *args], capture_output=True, text=True, input=input)


def test_json_lines_contract(seed_cli_json):
    proc = seed_cli_json
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    for key in ("id", "source", "url", "language", "published", "title", "text", "ner", "entities", "dates", "quotes",
                "events", "flags"):
        assert key in doc
    assert doc["language"] == "id"
    meta = json.loads((SHIPPED / "meta.json").read_text(encoding="utf-8"))
    assert doc["ner"] == f"{meta['name']}-{meta['version']}"  # the shipped model's NER ran
    assert doc["text"] == SEED.read_text(encoding="utf-8")


INDOSUM = DATA / "indosum" / "dev.01.jsonl"
GUARDIAN = DATA / "guardian-sample" / "Guardian_SDF_sample.csv"


def english_article(tmp_path):
    import csv

    with GUARDIAN.open(encoding="utf-8") as rows:
        text = next(csv.DictReader(rows))["text"]
    path = tmp_path / "english.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_text_format_is_a_readable_report():
    proc = run_kabar("analyze", str(SEED))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "published: 2024-07-08 (dateline)" in out and "source: Tribune.com" in out
    assert "Entities" in out and "Vladimir Putin" in out and "Quotes" in out
    assert "\x1b[" not in out  # no colour codes when piped


def test_html_format_is_one_self_contained_page(tmp_path):
    page = tmp_path / "berita.html"
    page.write_text(
        "<html><head><title>Banjir &lt;Bekasi&gt;</title></head><body><article><h1>Banjir</h1>"
        "<p>Bekasi, Kompas.com - Banjir merendam ratusan rumah warga di Bekasi, Jawa Barat, Minggu (1/1/2017). "
        "Badan Penanggulangan Bencana Daerah mencatat ketinggian air mencapai satu meter di beberapa titik.</p>"
        "<p>\"Warga sudah kami evakuasi ke masjid terdekat &lt;script&gt;alert(1)&lt;/script&gt;,\" kata Kepala BPBD Bekasi Ahmad Yani.</p>"
        "</article></body></html>", encoding="utf-8")
    proc = run_kabar("analyze", str(SEED), str(page), "--format", "html")
    assert proc.returncode == 0, proc.stderr
    html = proc.stdout
    assert html.lstrip().lower().startswith("<!doctype html>") and html.count("<html") == 1
    assert html.count("<article") == 2
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<link" not in html and "src=" not in html
    assert "published: 2017-01-01 (dateline)" in html and "source: Kompas.com" in html


def test_stdin_with_published_date(seed_text):
    proc = run_kabar("analyze", "-", "--published", "2024-07-09", "--format", "json", input=seed_text)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert (doc["published"], doc["published_from"]) == ("2024-07-09", "input")
    assert doc["text"] == seed_text


def test_bad_inputs_each_get_one_error_line_and_the_rest_are_processed(tmp_path):
    binary = tmp_path / "foto.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    empty = tmp_path / "kosong.txt"
    empty.write_text("\n", encoding="utf-8")
    english = english_article(tmp_path)
    missing = tmp_path / "nope.txt"
    proc = run_kabar("analyze", str(binary), str(SEED), str(empty), str(english), str(missing), "--format", "json")
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 4, proc.stderr
    assert errors[3].startswith(f"error: {missing}:")
    assert errors[0].startswith(f"error: {binary}:") and "binary" in errors[0]
    assert errors[1].startswith(f"error: {empty}:") and "empty" in errors[1]
    assert errors[2].startswith(f"error: {english}:") and "'en'" in errors[2] and "not supported" in errors[2]
    assert [json.loads(line)["language"] for line in proc.stdout.splitlines()] == ["id"]


def test_jsonl_corpus_with_a_bad_line(tmp_path):
    corpus = tmp_path / "korpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "satu", "title": "Tol baru", "published": "2024-07-08", "source": "Kompas", "url": "https://kompas.com/1",
                    "text": "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah, kemarin."}) + "\n"
        + "{rusak\n"
        + json.dumps({"id": "tiga", "text": "Gubernur Jawa Barat Ridwan Kamil meninjau banjir di Bekasi, Minggu (1/1/2017)."}) + "\n",
        encoding="utf-8")
    proc = run_kabar("analyze", str(corpus), "--format", "json")
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"error: {corpus}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)"
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(d["id"], d["published"], d["source"]) for d in docs] == [("satu", "2024-07-08", "Kompas"), ("tiga", "2017-01-01", None)]
    assert docs[0]["title"] == "Tol baru" and docs[0]["url"] == "https://kompas.com/1"


def test_fifty_indosum_articles_run_without_error():
    proc = run_kabar("analyze", str(INDOSUM), "--format", "json", "--limit", "50")
    assert proc.returncode == 0, proc.stderr
    docs = {d["id"]: d for d in map(json.loads, proc.stdout.splitlines())}
    assert len(docs) == 50
    assert all(d["language"] == "id" and d["text"] for d in docs.values())
    # facts checked by reading the articles
    zulkifli = docs["1490674536-mustahil-transportasi-tradisional-dan-online-bersa"]
    assert zulkifli["source"] == "kumparan"
    # "Senin (27/3)" has no year: the crawl time in the id (2017-03-28) supplies it
    assert (zulkifli["published"], zulkifli["published_from"]) == ("2017-03-27", "dateline")
    assert "Zulkifli Hasan" in {e["name"] for e in zulkifli["entities"]}
    clasico = docs["1514112565-hasil-real-madrid-vs-barcelona"]
    assert (clasico["published"], clasico["published_from"]) == ("2017-12-23", "dateline")
    assert {"Lionel Messi", "Luis Suarez"} <= {e["name"] for e in clasico["entities"]}
    mentan = docs["1489536002-mentan-lepas-ekspor-perdana-daging-ayam-olahan-ke-"]
    assert mentan["published"] == "2017-03-13"
    assert "Andi Amran Sulaiman" in {e["name"] for e in mentan["entities"]}


def test_knowledge_base_in_the_user_data_dir_is_used_by_default(tmp_path):
    """After `kabar kb build` into the default location, `kabar analyze` checks names with it."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    default_kb = tmp_path / "kabar" / "kb.sqlite"
    default_kb.parent.mkdir()
    build = subprocess.run([sys.executable, "-m", "kabar", "kb", "build", str(default_kb),
                            str(DATA / "kb-supplement-2024" / "people.csv"), "countries"],
                           capture_output=True, text=True, env=env)
    assert build.returncode == 0, build.stderr
    proc = subprocess.run([sys.executable, "-m", "kabar", "analyze", str(SEED), "--format", "json"],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    flags = json.loads(proc.stdout)["flags"]
    assert {"Denis Monturov": "Denis Manturov"}.items() <= {
        f["text"]: f["suggestion"] for f in flags if f["kind"] == "name_spelling"}.items()


def test_skip_check_switches_one_check_off():
    proc = run_kabar("analyze", str(SEED), "--format", "json", "--skip-check", "broken_sentence")
    assert proc.returncode == 0, proc.stderr
    kinds = {f["kind"] for f in json.loads(proc.stdout)["flags"]}
    assert "broken_sentence" not in kinds and "duplicate_passage" in kinds
    bad = run_kabar("analyze", str(SEED), "--skip-check", "spelling_police")
    assert bad.returncode != 0 and "spelling_police" in bad.stderr and "broken_sentence" in bad.stderr


def test_a_knowledge_base_that_cannot_be_opened_stops_before_any_analysis(tmp_path):
    missing = tmp_path / "kb.sqlite"
    proc = run_kabar("analyze", str(SEED), str(INDOSUM), "--kb", str(missing))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == f"error: {missing}: no knowledge base file (build one with `kabar kb build`)"
