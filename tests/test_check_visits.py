"""`visit_companions` on real articles: the seed credits Putin's visit to Kim; a Vietnamese visit with
Vietnamese officials is left alone."""
import json
import subprocess
import sys

from conftest import SEED, indosum_article

import kabar


def test_seed_visit_credited_to_the_wrong_leader(full_kb):
    report = kabar.analyze(SEED.read_text(encoding="utf-8"), kb=str(full_kb))
    flags = [f for f in report.flags if f.kind == "visit_companions"]
    assert len(flags) == 1
    flag = flags[0]
    assert flag.text == "Kim"
    assert report.text[flag.start:].startswith("Kim tidak sendirian dalam kunjungannya")
    assert "Vladimir Putin" in flag.suggestion
    companions = {c["name"]: c["country"] for c in flag.evidence["companions"]}
    assert companions.get("Sergei Lavrov") == "RUS" and set(companions.values()) == {"RUS"}
    assert flag.evidence["visitor"]["country"] == "PRK"


def test_seed_without_kb_stays_silent_when_countries_are_unknown():
    # Without a KB only titles give countries, and the seed's companions have none ("Menteri Luar Negeri").
    report = kabar.analyze(SEED.read_text(encoding="utf-8"))
    assert not [f for f in report.flags if f.kind == "visit_companions"]


def test_officials_of_the_visitors_own_country_are_not_flagged(full_kb):
    # dev.05: Nguyen Phu Trong's visit, "didampingi" by Vietnamese officials.
    report = kabar.analyze_article(indosum_article("1503477297-sekjen"), kb=str(full_kb))
    assert not [f for f in report.flags if f.kind == "visit_companions"]


def test_the_check_can_be_switched_off(full_kb):
    result = subprocess.run([sys.executable, "-m", "kabar", "analyze", str(SEED), "--kb", str(full_kb),
                             "--format", "json", "--skip-check", "visit_companions"],
                            capture_output=True, text=True, check=True)
    kinds = {f["kind"] for f in json.loads(result.stdout.splitlines()[0])["flags"]}
    assert "visit_companions" not in kinds and "name_spelling" in kinds
