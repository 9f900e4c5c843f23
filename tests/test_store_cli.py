"""`kabar events`, `kabar export` and `kabar counts` as a user runs them, on a database filled
with known reports."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from kabar.store import Store
from store_fixtures import make_report


def kabar(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kabar", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli") / "kabar.db")
    with Store.open(path) as store:
        for i, day in enumerate(["2024-05-02", "2024-06-19", "2024-06-20"]):
            report = make_report(f"a{i}", day, title=f"Putin dan Kim {i}")
            if i == 2:
                report.events[0]["type"] = "AGREE"
                report.events[0]["negated"] = True
            store.save_report(report, f"f{i}", key=f"id:a{i}")
    return path


def test_events_filtered_by_actor_date_and_type(db):
    run = kabar("events", "--db", db, "--actor", "RUS", "--since", "2024-06-01")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("2024-06-19  CONSULT")
    assert "Vladimir Putin [RUS GOV] → Kim Jong Un [PRK GOV]" in lines[0] and "«tiba»" in lines[0]
    assert "(negated)" in lines[1]
    agree = kabar("events", "--db", db, "--type", "AGREE", "--format", "json")
    items = [json.loads(line) for line in agree.stdout.splitlines()]
    assert [(e["type"], e["date"], e["negated"]) for e in items] == [("AGREE", "2024-06-20", True)]
    bad = kabar("events", "--db", db, "--since", "kemarin")
    assert bad.returncode == 2 and "since 'kemarin' is not an ISO date" in bad.stderr


def test_export_csv_jsonl_parquet(db, tmp_path):
    run = kabar("export", "--db", db, "--format", "csv", "--actor", "PRK")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [r["date"] for r in rows] == ["2024-05-02", "2024-06-19", "2024-06-20"]
    assert rows[0]["source_actor"] == "RUS GOV" and rows[0]["target_name"] == "Kim Jong Un"
    assert "3 events written" in run.stderr

    jsonl = kabar("export", "--db", db, "--format", "jsonl", "--until", "2024-05-31")
    assert [json.loads(line)["article_title"] for line in jsonl.stdout.splitlines()] == ["Putin dan Kim 0"]

    target = tmp_path / "events.parquet"
    assert kabar("export", "--db", db, "--format", "parquet", "-o", str(target)).returncode == 0
    table = pq.read_table(target)
    assert table.num_rows == 3 and table.column("type").to_pylist() == ["CONSULT", "CONSULT", "AGREE"]
    assert kabar("export", "--db", db, "--format", "parquet").returncode == 2

    reports = kabar("export", "--db", db, "--reports", "--format", "jsonl")
    docs = [json.loads(line) for line in reports.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["a0", "a1", "a2"] and docs[0]["entities"][0]["entity_id"]


def test_export_plover_uses_plover_field_names(db):
    run = kabar("export", "--db", db, "--format", "plover", "--since", "2024-06-19", "--until", "2024-06-19")
    (record,) = [json.loads(line) for line in run.stdout.splitlines()]
    assert record["event"] == "CONSULT" and record["mode"] == "visit" and record["cameo"] == "042"
    assert record["actor"] == [{"actorText": "Vladimir Putin", "code": "RUS", "sector": "GOV"}]
    assert record["recipient"] == [{"actorText": "Kim Jong Un", "code": "PRK", "sector": "GOV"}]
    assert record["eventText"] == "tiba" and record["eventLoc"] == {"name": "Pyongyang"}
    assert record["text"] == "Presiden Rusia Vladimir Putin tiba di Pyongyang."
    assert record["date"] == "2024-06-19" and record["language"] == "id"


def test_counts_per_actor_pair_and_month(db):
    run = kabar("counts", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    # the June AGREE is negated: left out of the counts
    assert [(r["month"], r["source"], r["target"], r["n_events"]) for r in rows] == [
        ("2024-05", "RUS GOV", "PRK GOV", "1"), ("2024-06", "RUS GOV", "PRK GOV", "1")]
    text = kabar("counts", "--db", db)
    assert text.stdout.splitlines()[1].split() == ["2024-05", "RUS", "GOV", "PRK", "GOV", "1", "1", "1"]


def test_stories_lists_grouped_articles(tmp_path):
    db = str(tmp_path / "stories.db")
    others = ["Harga cabai di pasar tradisional naik menjelang Lebaran menurut pedagang setempat.",
              "Tim nasional sepak bola berlatih di Bali untuk menghadapi turnamen bulan depan.",
              "Banjir merendam ratusan rumah warga di pinggiran sungai setelah hujan deras."]
    with Store.open(db) as store:
        for i, text in enumerate(others):
            report = make_report(f"x{i}", "2024-06-19", title=text.split()[0])
            report.text = text
            store.save_report(report, "f", key=f"id:x{i}")
        for i, (day, source) in enumerate([("2024-06-19", "antara"), ("2024-06-20", "kompas"), ("2024-05-02", "antara")]):
            store.save_report(make_report(f"a{i}", day, title=f"Putin dan Kim {i}", source=source), "f", key=f"id:a{i}")
        store.update_stories()
    run = kabar("stories", "--db", db)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    # the June reports are one story (same text, a day apart); the May one is weeks earlier
    assert lines[0] == "story 1: 2 articles from 2 outlets, 2024-06-19 to 2024-06-20: Putin dan Kim 0"
    assert [line.split()[:2] for line in lines[1:]] == [["2024-06-19", "antara"], ["2024-06-20", "kompas"]]
    assert "1 stories with at least 2 articles" in run.stderr
