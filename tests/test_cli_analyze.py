"""`kabar analyze` as a user runs it: a real subprocess on the seed article."""
import json
import subprocess
import sys

from conftest import SEED


def run_kabar(*args, input=None):
    return subprocess.run([sys.executable, "-m", "kabar", *args], capture_output=True, text=True, input=input)


def test_json_lines_contract():
    proc = run_kabar("analyze", str(SEED), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    for key in ("id", "source", "url", "language", "published", "title", "text", "entities", "dates", "quotes", "events", "flags"):
        assert key in doc
    assert doc["language"] == "id"
    assert doc["text"] == SEED.read_text(encoding="utf-8")


def test_missing_file_is_reported_and_others_still_processed(tmp_path):
    proc = run_kabar("analyze", str(tmp_path / "nope.txt"), str(SEED), "--format", "json")
    assert proc.returncode == 1
    assert "nope.txt" in proc.stderr
    assert len(proc.stdout.strip().splitlines()) == 1
