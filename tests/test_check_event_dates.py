"""`event_date` with a KB events file: the seed's "awal bulan lalu" against the record of Putin's
visit to North Korea (18–19 June 2024), through the CLI as a fact-checker runs it."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KB_SOURCES, SEED

import kabar
from kabar.kb import KBImportError, build

EVENTS = Path(__file__).parent / "data" / "kb_events.csv"


def kabar_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kabar", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def kb_with_events(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kbe") / "kb.sqlite"
    result = kabar_cli("kb", "build", str(path), *map(str, KB_SOURCES), str(EVENTS))
    assert result.returncode == 0, result.stderr
    assert "3 events" in result.stdout and "warning" not in result.stdout
    return path


def event_date_flags(report):
    return [f for f in (report.flags if hasattr(report, "flags") else report["flags"]) if f.kind == "event_date"]


def test_seed_relative_date_contradicts_the_record(kb_with_events):
    result = kabar_cli("analyze", str(SEED), "--kb", str(kb_with_events), "--format", "json")
    assert result.returncode == 0, result.stderr
    flags = [f for f in json.loads(result.stdout.splitlines()[0])["flags"] if f["kind"] == "event_date"]
    assert len(flags) == 1
    flag = flags[0]
    assert flag["text"] == "awal bulan lalu"
    assert flag["evidence"]["said"] == {"from": "2024-06-01", "to": "2024-06-10", "value": "2024-06",
                                        "relative_to": "2024-07-08"}
    assert flag["evidence"]["known"]["from"] == "2024-06-18" and flag["evidence"]["known"]["actor"] == "wd:Q7747"
    assert "pertengahan bulan lalu" in flag["suggestion"] and "18–19 Juni 2024" in flag["suggestion"]


@pytest.mark.parametrize("when", ["pertengahan bulan lalu", "pada 19 Juni 2024", "bulan lalu"])
def test_dates_that_fit_the_record_are_not_flagged(kb_with_events, when):
    text = SEED.read_text(encoding="utf-8").replace("awal bulan lalu", when)
    report = kabar.analyze(text, kb=str(kb_with_events))
    assert not event_date_flags(report)


def test_an_event_far_from_every_record_may_be_another_one(kb_with_events):
    # Published in October, "awal bulan lalu" is early September: no recorded visit is near, so silence.
    text = SEED.read_text(encoding="utf-8").replace("(8/7/2024)", "(8/10/2024)")
    report = kabar.analyze(text, kb=str(kb_with_events))
    assert report.published == "2024-10-08"
    assert not event_date_flags(report)


def test_without_events_in_the_kb_the_check_is_silent(full_kb):
    assert not event_date_flags(kabar.analyze(SEED.read_text(encoding="utf-8"), kb=str(full_kb)))


def test_bad_events_file_names_the_line(tmp_path):
    bad = tmp_path / "events.csv"
    bad.write_text("start,end,type,mode,actor,target,location,description,source\n"
                   "2024-06-18,,CONSULT,visit,Vladimir Putin,North Korea,,,\n"
                   "19 Juni 2024,,CONSULT,visit,Vladimir Putin,North Korea,,,\n", encoding="utf-8")
    with pytest.raises(KBImportError, match=r"events.csv:3: start '19 Juni 2024' is not a date"):
        build(tmp_path / "kb.sqlite", [str(bad)])
    assert not (tmp_path / "kb.sqlite").exists()


def test_unknown_actor_is_reported_at_build(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text("start,type,actor,target\n2024-06-18,CONSULT,Nobody Known,Russia\n", encoding="utf-8")
    result = kabar_cli("kb", "build", str(tmp_path / "kb.sqlite"), "countries", str(events))
    assert result.returncode == 0, result.stderr
    assert "1 events; warning: 1 name an actor the KB does not have" in result.stdout
