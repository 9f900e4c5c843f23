"""Building a KB: every importer on real rows of ../shared/data, merging, dates, bad input."""
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from conftest import DATA

from kabar.kb import KB, KBImportError, build
from kabar.kb.importers import detect, read_cia, read_id_politicians, read_kabar_csv, read_wikidata

CIA = DATA / "cia-world-leaders-2019" / "cia_world_leaders_flat.csv"
WL = DATA / "world-leaders-wikidata-2021" / "wikidata.csv"
IDP = DATA / "id-politicians-wikidata"
SUP = DATA / "kb-supplement-2024" / "people.csv"


def test_detect_source_types():
    assert detect(CIA) == "cia"
    assert detect(WL) == "wikidata"
    assert detect(IDP) == "id-politicians"
    assert detect(SUP) == "kabar"


def test_cia_rows_name_case_and_country():
    rows = [r for r in read_cia(CIA) if r.country == "RUS" and r.position == "Minister of Foreign Affairs"]
    assert [r.name for r in rows] == ["Sergey Viktorovich Lavrov"]


def test_wikidata_rows_have_qids_and_years():
    putin = [r for r in read_wikidata(WL) if r.name == "Vladimir Putin"]
    assert putin and putin[0].id == "wd:Q7747" and putin[0].start == "2012" and putin[0].country == "RUS"
    lourenco = [r for r in read_wikidata(WL) if r.id == "wd:Q28650390"]
    assert lourenco[0].name == "João Lourenço"  # "(politician)" dropped


def test_id_politicians_rows():
    rows = list(read_id_politicians(IDP))
    jokowi = [r for r in rows if r.id == "wd:Q3318231" and r.position == "President"]
    assert jokowi and jokowi[0].start == "2014-10-20" and jokowi[0].country == "IDN"


def test_kabar_csv_rows():
    rows = [r for r in read_kabar_csv(SUP) if r.id == "sup:belousov"]
    assert {r.position for r in rows} == {"Minister of Defence of Russia", "First Deputy Prime Minister of Russia"}
    assert rows[0].aliases[0] == "Andrei Belousov" and rows[0].country == "RUS"


def test_full_build_merges_sources(full_kb):
    kb = KB(full_kb)
    putin = kb.entity("wd:Q7747")
    # CIA 2019 ("Vladimir Vladimirovich PUTIN"), Wikidata 2021 and the supplement are one person
    assert putin["name"] == "Vladimir Putin"
    assert any(x.startswith("cia:") for x in putin["xrefs"]) and "sup:putin" in putin["xrefs"]
    titles = {p["title"] for p in putin["positions"]}
    assert {"President", "President of Russia", "Prime Minister of Russia"} <= titles
    stats = kb.stats()
    assert stats["entities"] > 10000 and stats["by_type"]["PERSON"] > 6000
    as_of = {s["kind"]: s["as_of"] for s in stats["sources"]}
    assert as_of["cia"] == "2019" and as_of["kabar"] == "2024"


def test_quoted_nickname_becomes_alias(full_kb):
    [cand] = KB(full_kb).candidates("Jokowi", limit=1)
    assert cand.entity_id == "wd:Q3318231" and cand.exact


def test_korean_names_are_not_shortened_or_merged(full_kb):
    kb = KB(full_kb)
    [kum] = [c for c in kb.candidates("Kim Kum-chol") if c.exact]
    assert kum.entity_id == "sup:kimkumchol"


def test_places_resolve_indonesian_names(full_kb):
    kb = KB(full_kb)
    assert kb.candidates("Rusia", type="LOC")[0].entity_id == "iso:RUS"
    assert kb.candidates("Korea Utara", type="LOC")[0].entity_id == "iso:PRK"
    assert kb.candidates("Moskow", type="LOC")[0].name == "Moscow"
    assert kb.countries_in("Presiden Rusia tiba di Korea Utara") == {"RUS", "PRK"}


def test_wikidata_sparql_json_and_dump(tmp_path):
    results = {"head": {"vars": ["item", "itemLabel"]}, "results": {"bindings": [{
        "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1"},
        "itemLabel": {"type": "literal", "value": "Andrey Belousov"},
        "aliases": {"type": "literal", "value": "Andrei Belousov|Андрей Белоусов"},
        "positionLabel": {"type": "literal", "value": "Minister of Defence of Russia"},
        "countryLabel": {"type": "literal", "value": "Russia"},
        "start": {"type": "literal", "value": "2024-05-14T00:00:00Z"}}]}}
    (tmp_path / "r.json").write_text(json.dumps(results))
    t = lambda v: {"datavalue": {"value": {"time": v}}}  # noqa: E731
    ref = lambda q: {"mainsnak": {"datavalue": {"value": {"id": q}}}}  # noqa: E731
    dump = [
        {"id": "Q159", "labels": {"en": {"value": "Russia"}}, "claims": {}},
        {"id": "Q99", "labels": {"en": {"value": "Governor of Primorsky Krai"}}, "claims": {}},
        {"id": "Q2", "labels": {"en": {"value": "Oleg Kozhemyako"}, "ru": {"value": "Олег Кожемяко"}},
         "aliases": {"en": [{"value": "Oleg Nikolayevich Kozhemyako"}]},
         "claims": {"P31": [ref("Q5")], "P27": [ref("Q159")],
                    "P39": [dict(ref("Q99"), qualifiers={"P580": [t("+2017-10-04T00:00:00Z")]})]}},
    ]
    (tmp_path / "dump.json").write_text("[\n" + ",\n".join(json.dumps(e) for e in dump) + "\n]\n")
    out = tmp_path / "kb.sqlite"
    build(out, [str(tmp_path / "r.json"), f"wikidata-dump={tmp_path / 'dump.json'}@2024"])
    kb = KB(out)
    [bel] = kb.candidates("Andrei Belousov", limit=1)
    assert bel.entity_id == "wd:Q1" and bel.exact
    [koz] = kb.positions("wd:Q2")
    assert (koz.title, koz.country, koz.start, koz.as_of) == ("Governor of Primorsky Krai", "RUS", "2017-10-04", "2024")


def test_bad_sources_fail_with_one_line_naming_them(tmp_path):
    bad = tmp_path / "notes.csv"
    bad.write_text("foo,bar\n1,2\n")
    with pytest.raises(KBImportError, match="notes.csv"):
        build(tmp_path / "kb.sqlite", [str(bad)])
    with pytest.raises(KBImportError, match="missing.csv: no such file"):
        build(tmp_path / "kb.sqlite", [str(tmp_path / "missing.csv")])
    typed = tmp_path / "people.csv"
    typed.write_text("id,name,aliases,type,country,position,start,end,source\nx:1,A B,,ROBOT,,,,,\n")
    with pytest.raises(KBImportError, match="people.csv.*ROBOT"):
        build(tmp_path / "kb.sqlite", [str(typed)])
    assert not (tmp_path / "kb.sqlite").exists()


def test_cli_build_stats_search(tmp_path):
    out = tmp_path / "kb.sqlite"
    run = lambda *a: subprocess.run([sys.executable, "-m", "kabar", "kb", *a], capture_output=True, text=True)  # noqa: E731
    r = run("build", str(out), str(SUP), f"cia={CIA}", "countries")
    assert r.returncode == 0, r.stderr
    assert "entities" in r.stdout and sqlite3.connect(out).execute("select count(*) from entity").fetchone()[0] > 5000
    r = run("stats", "--kb", str(out))
    assert r.returncode == 0 and "as of 2024" in r.stdout and "as of 2019" in r.stdout
    r = run("search", "Denis Monturov", "--kb", str(out), "--json")
    best = json.loads(r.stdout)[0]
    assert best["entity_id"] == "sup:manturov" and not best["exact"] and best["why"]
    r = run("search", "x", "--kb", str(tmp_path / "nope.sqlite"))
    assert r.returncode == 1 and "nope.sqlite: no knowledge base file" in r.stderr
    r = run("build", str(out), str(tmp_path / "missing.csv"))
    assert r.returncode == 1 and r.stderr.strip().count("\n") == 0 and "missing.csv" in r.stderr


def test_public_sources_names_the_data_sets_a_folder_holds(tmp_path):
    from kabar.kb import public_sources

    assert public_sources(DATA) == [str(CIA), str(WL), str(IDP), str(SUP), "countries", "cities"]
    (tmp_path / "kb-supplement-2024").mkdir()
    (tmp_path / "kb-supplement-2024" / "people.csv").write_text(SUP.read_text(encoding="utf-8"), encoding="utf-8")
    assert public_sources(tmp_path) == [str(tmp_path / "kb-supplement-2024" / "people.csv"), "countries", "cities"]


def test_of_two_forms_with_one_fold_the_label_is_kept(tmp_path):
    # 'Yuri Borisov' folds as 'Yury Borisov' does: the row's own label is the one stored, in
    # every run (a set's order changes with the hash seed)
    source = tmp_path / "people.csv"
    source.write_text("id,name,aliases,type,country,position,start,end,source\n"
                      "sup:borisov,Yury Borisov,Yuri Borisov|Yury Ivanovich Borisov,PERSON,RUS,,,,test\n", encoding="utf-8")
    for seed in ("1", "2", "3"):
        out = tmp_path / f"kb{seed}.sqlite"
        subprocess.run([sys.executable, "-c", f"from kabar.kb import build; build({str(out)!r}, [{str(source)!r}])"],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert KB(out).entity("sup:borisov")["names"] == ["Yury Borisov", "Yury Ivanovich Borisov"]
