"""Checks on the seed (which has every defect) and on real IndoSum articles (which mostly have none)."""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from itertools import islice

import pytest
import spacy

import kabar.nlp.components  # noqa: F401  (registers kabar's components)
from conftest import DATA
from kabar.checks.names import variant_score
from kabar.read.detokenize import detokenize
from test_quotes import entities, indosum

STEPS = ["kabar_sentences", "kabar_dates", "kabar_quotes", "kabar_checks"]


@lru_cache(maxsize=None)
def pipeline(disabled: tuple[str, ...] = ()):
    nlp = spacy.blank("id")  # slow to build (the tokenizer's special cases): once per config
    for name in STEPS:
        nlp.add_pipe(name, config={"disabled": list(disabled)} if name == "kabar_checks" else {})
    return nlp


def run(text: str, people: dict[str, list[str]] | None = None, disabled: tuple[str, ...] = (), published=None):
    """The checks after sentences, dates and quotes; `people` stands in for the NER's entity list."""
    nlp = pipeline(disabled)
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        if people is not None and proc is nlp.get_pipe("kabar_quotes"):
            doc._.entities = entities(text, people)
        doc = proc(doc)
    return doc._.flags


def kinds(flags, kind):
    return [f for f in flags if f.kind == kind]


def test_seed_duplicate_putin_quote(seed_text):
    dups = kinds(run(seed_text), "duplicate_passage")
    putin = next(f for f in dups if "tulus menghargai" in f.text)
    first, second = putin.evidence["first"], putin.evidence["second"]
    assert "sangat menghargai" in first["text"] and first["end"] <= second["start"]
    assert seed_text[second["start"] : second["end"]].strip() == second["text"]
    assert 80 <= putin.evidence["score"] <= 95 and putin.suggestion
    # The article's last lines repeat "Kunjungan ... Putin ke Korea Utara dalam 24 tahun" too.
    assert any(f.text == "Kunjungan Putin ke Korea Utara dalam 24 tahun" for f in dups)


def test_seed_broken_sentences(seed_text):
    broken = kinds(run(seed_text), "broken_sentence")
    glued = [f for f in broken if "seam" in f.evidence]
    assert [f.evidence["seam"]["text"] for f in glued] == ["bisa Kim"]
    assert "full stop" in glued[0].message  # the same sentence also lacks its full stop: one flag
    assert len([f for f in broken if f.start == glued[0].start]) == 1
    unfinished = {f.text for f in broken if "seam" not in f.evidence}
    assert "Kunjungan ini merupakan kunjungan pertama Putin ke Korea Utara dalam 24 tahun terakhir" in unfinished
    assert not any(f.text.startswith(("Namira", "TRIBUNNEWS")) for f in broken)  # byline lines


def test_seed_dangling_quote(seed_text):
    dangling = kinds(run(seed_text), "dangling_quote")
    assert len(dangling) == 1
    assert dangling[0].text == "“" and seed_text[dangling[0].start] == "“"
    assert dangling[0].evidence["quote"]["text"].startswith("Isi perjanjian")


def test_quote_closed_paragraphs_later_is_not_dangling():
    """Bima's quote runs over two paragraphs without reopening; one closing mark ends it."""
    assert not kinds(run(indosum("1512378600")), "dangling_quote")


def test_closing_mark_used_as_opener_is_flagged():
    """A paragraph opens its quote with ” (IndoSum 1491604235)."""
    text = indosum("1491604235")
    stray = [f for f in kinds(run(text), "dangling_quote") if f.text == "”"]
    assert any(text[f.start + 1 : f.start + 6] == " Kami" for f in stray)


def test_name_variant_in_real_article():
    """"Chritina Titu Eki" and "Christina Titu Eki" are one Kupang official (IndoSum 1479636922)."""
    text = indosum("1479636922")
    people = {"Christina Titu Eki": ["Christina Titu Eki"], "Chritina Titu Eki": ["Chritina Titu Eki"]}
    variants = kinds(run(text, people), "name_variant")
    assert len(variants) == 1
    assert {variants[0].evidence["first"]["text"], variants[0].evidence["second"]["text"]} == set(people)


@pytest.mark.parametrize("a, b, same", [
    ("Oleg Kozemako", "Oleg Kozhemyako", True),
    ("Kozemako", "Oleg Kozhemyako", True),
    ("Marck Klok", "Marc Klok", True),
    ("Kim Jong Un", "Kim Jong Il", False),     # two people
    ("Sandi", "Sandiaga", False),              # a short form
    ("GO-PAY", "Go-Pay", False),               # capitals only
    ("Legion Y720", "Legion Y520", False),     # model numbers
    ("Indosat", "Bursa Efek Indonesia", False),
])
def test_variant_score(a, b, same):
    assert (variant_score(a, b) is not None) == same


def test_results_tables_and_repeated_phrasing_are_not_flagged():
    """A Formula 1 results list (1475967649) lacks full stops by design; a match report says
    "mendapat peluang emas pada menit 84" and "... menit 75" about two different chances."""
    assert not kinds(run(indosum("1475967649")), "broken_sentence")
    assert not kinds(run(indosum("1499112000")), "duplicate_passage")


def test_day_name_that_disagrees_with_the_date():
    """IndoSum 1491173115, published Sunday 2 April 2017, writes "Minggu (4/2)"."""
    text = indosum("1491173115")
    flags = kinds(run(text, published=dt.date(2017, 4, 2)), "date_weekday")
    assert [(f.text, f.evidence["value"]) for f in flags] == [("Minggu (4/2)", "2017-04-02")]
    assert "Minggu (2/4)" in flags[0].suggestion


def test_a_check_can_be_switched_off(seed_text):
    flags = run(seed_text, disabled=("broken_sentence",))
    assert not kinds(flags, "broken_sentence") and kinds(flags, "duplicate_passage")
    with pytest.raises(ValueError, match="unknown check"):
        run(seed_text, disabled=("no_such_check",))


def test_clean_articles_are_not_flooded():
    """50 IndoSum articles: most carry no flag at all (measured: 2 of 50 flagged, both real)."""
    with open(DATA / "indosum" / "dev.03.jsonl", encoding="utf-8") as lines:
        articles = [json.loads(x) for x in islice(lines, 50)]
    flagged = [a["id"] for a in articles if run(detokenize(a["paragraphs"]))]
    assert len(flagged) <= 5, flagged


def test_cli_json_carries_dates_quotes_and_flags(seed_cli_json):
    """As a user runs it: `kabar analyze seed --format json`."""
    done = seed_cli_json
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[0])
    assert {"text": "Senin (8/7/2024)", "value": "2024-07-08"}.items() <= report["dates"][0].items()
    flag_kinds = {f["kind"] for f in report["flags"]}
    assert {"duplicate_passage", "dangling_quote", "broken_sentence"} <= flag_kinds
    assert all({"kind", "start", "end", "text", "message", "suggestion", "evidence"} <= f.keys() for f in report["flags"])
    putin = [q for q in report["quotes"] if q["text"].startswith("Kami")]
    names = {e["id"]: e["name"] for e in report["entities"]}
    assert len(putin) == 2 and {names.get(q["speaker"]) for q in putin} == {"Vladimir Putin"}
