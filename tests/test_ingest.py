"""`kabar ingest` as a user runs it: real IndoSum articles, real databases, real subprocesses
(including one killed with SIGKILL halfway)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from conftest import DATA
from kabar.store import Store
from store_fixtures import db_url  # noqa: F401  (fixture)

INDOSUM = DATA / "indosum" / "dev.01.jsonl"


def indosum_records(n: int) -> list[dict]:
    with INDOSUM.open(encoding="utf-8") as lines:
        return [json.loads(next(lines)) for _ in range(n)]


def write_jsonl(path, records) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


def kabar(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kabar", *args], capture_output=True, text=True,
                          timeout=600, **kw)


def consistent(url: str) -> tuple[int, int]:
    """(articles, keys); fails if any article's rows disagree with its stored report (a
    duplicated or half-written article would)."""
    with Store.open(url) as store, store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, key, report FROM articles")).all()
        for article_id, _, report in rows:
            report = json.loads(report) if isinstance(report, str) else report
            n = conn.scalar(sa.text("SELECT count(*) FROM mentions WHERE article_id = :a"), {"a": article_id})
            assert n == sum(len(e["mentions"]) for e in report["entities"])
            n = conn.scalar(sa.text("SELECT count(*) FROM quotes WHERE article_id = :a"), {"a": article_id})
            assert n == len(report["quotes"])
        return len(rows), len({key for _, key, _ in rows})


def test_ingest_is_idempotent_and_reanalyses_changed_articles(tmp_path):
    # SQLite only: the same replace-by-key path is tested on PostgreSQL in test_store.py and by
    # the SIGKILL test below.
    db_path = str(tmp_path / "kabar.db")
    records = indosum_records(4)
    corpus = write_jsonl(tmp_path / "dev.jsonl", records + records[:1])  # one repeated
    run = kabar("ingest", corpus, "--db", db_path, "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert "4 stored (4 new, 0 changed), 0 unchanged, 1 repeated, 0 failed" in run.stderr
    assert consistent(db_path) == (4, 4)

    again = kabar("ingest", corpus, "--db", db_path, "--jobs", "1")
    assert "0 stored (0 new, 0 changed), 4 unchanged" in again.stderr

    records[2]["paragraphs"][0][0] = ["Berita", "ini", "diperbarui", "."] + records[2]["paragraphs"][0][0]
    changed = kabar("ingest", write_jsonl(tmp_path / "dev.jsonl", records), "--db", db_path, "--jobs", "1")
    assert "1 stored (0 new, 1 changed), 3 unchanged" in changed.stderr
    assert consistent(db_path) == (4, 4)
    with Store.open(db_path) as store:
        assert "Berita ini diperbarui" in store.get_article(records[2]["id"])["text"]


def test_kill_9_during_ingest_then_rerun_loses_and_duplicates_nothing(tmp_path, db_url):  # noqa: F811
    n = 30  # enough that the ingest is still running when the test sees two articles stored
    corpus = write_jsonl(tmp_path / "dev.jsonl", indosum_records(n))
    log = (tmp_path / "ingest.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "kabar", "ingest", corpus, "--db", db_url, "--jobs", "1",
                             "--no-stories"], stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 300
    stored = 0
    while stored < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if "://" in db_url or os.path.exists(db_url):
            with Store.open(db_url) as store:
                stored = store.summary()["articles"]
    assert proc.poll() is None, (tmp_path / "ingest.log").read_text()  # it must not stop on its own
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    killed_at, _ = consistent(db_url)
    assert 2 <= killed_at < n  # killed halfway, and what is there is whole

    rerun = kabar("ingest", corpus, "--db", db_url, "--jobs", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert f"{n - killed_at} stored ({n - killed_at} new, 0 changed), {killed_at} unchanged" in rerun.stderr
    assert consistent(db_url) == (n, n)


def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path):
    db = str(tmp_path / "kabar.db")
    corpus = write_jsonl(tmp_path / "dev.jsonl", indosum_records(1))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "Presiden berpidato di Jakarta."}\nthis is not json\n', encoding="utf-8")
    run = kabar("ingest", str(tmp_path / "missing.txt"), str(broken), corpus, "--db", db, "--jobs", "1")
    assert run.returncode == 1
    assert "missing.txt" in run.stderr and "broken.jsonl:2: invalid JSON" in run.stderr
    assert "2 stored (2 new, 0 changed), 0 unchanged, 0 repeated, 2 failed" in run.stderr


def test_a_missing_knowledge_base_stops_ingest_before_any_article(tmp_path):
    db = tmp_path / "kabar.db"
    corpus = write_jsonl(tmp_path / "dev.jsonl", indosum_records(2))
    run = kabar("ingest", corpus, "--db", str(db), "--kb", str(tmp_path / "kb.sqlite"))
    assert run.returncode == 2
    assert run.stderr.strip() == f"error: {tmp_path / 'kb.sqlite'}: no knowledge base file (build one with `kabar kb build`)"
    assert not db.exists()  # nothing was opened, let alone stored


def test_unusable_database_is_a_one_line_error(tmp_path):
    run = kabar("ingest", str(tmp_path / "x.txt"), "--db", str(tmp_path / "no" / "such" / "kabar.db"))
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [f"error: {tmp_path / 'no' / 'such' / 'kabar.db'}: folder "
                                               f"{tmp_path / 'no' / 'such'} does not exist"]


@pytest.mark.parametrize("command", [["events"], ["counts"], ["export"]])
def test_querying_a_missing_database_says_how_to_fill_it(tmp_path, command):
    run = kabar(*command, "--db", str(tmp_path / "none.db"))
    assert run.returncode == 2 and "kabar ingest" in run.stderr
