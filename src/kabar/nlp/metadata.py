"""Metadata the text itself carries: the outlet, the reporter and the dateline date.

Indonesian news signs its opening in a few fixed ways, which these rules read:
  "Namira Unia dari Tribune.com melaporkan"     reporter and outlet
  "Laporan Wartawan Tribunnews.com, Nama Orang"  outlet and reporter
  "Penulis: Anggun Pratama"                      reporter on a credit line
  "TRIBUNNEWS."                                  outlet alone on a line
  "Jakarta, Kompas.com -", "JUARA.NET, MISANO -", "Suara.com -",
  "Jakarta, CNN Indonesia --", "Wamena (ANTARA News) -"   dateline with outlet
and the dateline date "Senin (8/7/2024)". A full dateline date becomes the published date when
the input gave none (`published_from="dateline"`); a partial one ("Senin (27/3)") takes its
year from a known published date and is otherwise left alone, since the year cannot be known.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from kabar.nlp.extensions import init_doc
from kabar.report import DateMention

if not Doc.has_extension("dateline"):
    Doc.set_extension("dateline", default=None)  # report.DateMention of the dateline date

LEAD_CHARS = 400  # outlets and reporters are named at the very start
NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}"
DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|id|co\.id|co|tv|news)\b"
DASH = r"(?:\s+(?:--|-|–|—)\s*|\s*(?:--|-|–|—)\s+)"  # spaced on at least one side: "(Pos Kota) –Wakil"
PART = r"[^\n,()–—-]{2,40}?"

REPORTER_FROM = re.compile(rf"^\s*(?P<byline>{NAME})\s+dari\s+(?P<source>{DOMAIN}|{NAME})\s+melaporkan\b", re.M)
REPORT_BY = re.compile(rf"^\s*Laporan\s+(?:[Ww]artawan|[Rr]eporter|[Kk]oresponden)\s+(?P<source>[^,\n]{{2,40}}),\s*(?P<byline>{NAME})\s*$", re.M)
CREDIT = re.compile(rf"^\s*(?:Penulis|Reporter|Wartawan|Pewarta)\s*:\s*(?P<byline>{NAME})\s*\.?\s*$", re.M)
LONE_OUTLET = re.compile(r"^\s*(?P<source>[^\s.][^\n]{1,30}?)\.?\s*$", re.M)
PLACE_PAREN = re.compile(rf"^\s*(?P<a>[^\n()–—-]{{2,40}}?)\s*\((?P<source>[^()\n\d]{{2,40}})\){DASH}", re.M)
TWO_PARTS = re.compile(rf"^\s*(?P<a>{PART})\s*,\s*(?P<b>{PART}){DASH}", re.M)
ONE_PART = re.compile(rf"^\s*(?P<a>{PART}){DASH}", re.M)

DAYS = r"Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Jum’at|Sabtu|Minggu|Ahad"
DATELINE = re.compile(
    rf"\b(?:{DAYS})\s*,?\s*\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)",
    re.IGNORECASE,
)
WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4, "sabtu": 5, "minggu": 6, "ahad": 6}


@lru_cache(maxsize=1)
def outlets() -> frozenset[str]:
    text = resources.files("kabar.nlp").joinpath("data/outlets.yaml").read_text(encoding="utf-8")
    return frozenset(yaml.safe_load(text)["outlets"])


def is_outlet(name: str) -> bool:
    name = name.strip()
    return bool(re.fullmatch(DOMAIN, name, re.I)) or name.lower() in outlets()


def find_source_and_byline(text: str) -> tuple[str | None, str | None]:
    """(outlet, reporter) named in the opening of `text` or on a credit line."""
    lead = text[:LEAD_CHARS]
    found: list[tuple[int, str, str | None]] = []  # (position, source, byline)
    for pattern in (REPORTER_FROM, REPORT_BY):
        for m in pattern.finditer(lead):
            found.append((m.start(), m["source"].strip(), m["byline"].strip()))
    for m in PLACE_PAREN.finditer(lead):
        found.append((m.start(), m["source"].strip(), None))
    for m in TWO_PARTS.finditer(lead):
        outlet = next((p for p in (m["a"], m["b"]) if is_outlet(p)), None)
        if outlet:
            found.append((m.start(), outlet.strip(), None))
    for pattern in (ONE_PART, LONE_OUTLET):
        for m in pattern.finditer(lead):
            if is_outlet(m["a" if pattern is ONE_PART else "source"]):
                found.append((m.start(), m["a" if pattern is ONE_PART else "source"].strip(), None))
    found.sort(key=lambda f: f[0])
    source = found[0][1] if found else None
    byline = next((b for _, _, b in found if b), None)
    if byline is None and (m := CREDIT.search(text)):
        byline = m["byline"].strip()
    return source, byline


def find_dateline(text: str, published: dt.date | None) -> DateMention | None:
    """The first "Hari (d/m[/y])" date in the text, resolved to ISO where the year is known."""
    for m in DATELINE.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        if m["y"]:
            year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
        elif published:
            year = published.year
        else:
            return DateMention(m.start(), m.end(), m.group(0), None, "day", {"partial": True})
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue  # "(31/2)" is not a date; look for the next one
        if not m["y"] and date > published + dt.timedelta(days=7):
            date = _previous_year(date)  # "Kamis (28/12)" in an article published 2 January
        weekday = WEEKDAYS[m.group(0).split("(")[0].replace(",", " ").strip().lower()]
        return DateMention(m.start(), m.end(), m.group(0), date.isoformat() if date else None, "day",
                           {"partial": not m["y"], "weekday_matches": date is not None and date.weekday() == weekday})
    return None


def _previous_year(date: dt.date) -> dt.date | None:
    try:
        return date.replace(year=date.year - 1)
    except ValueError:
        return None  # 29 February


@Language.component("kabar_metadata")
def kabar_metadata(doc: Doc) -> Doc:
    """Fill doc._.source, byline, dateline, and published (from the dateline if none given,
    else from the date a corpus collected the article)."""
    init_doc(doc)
    if doc._.published is not None and doc._.published_from is None:
        doc._.published_from = "input"
    source, byline = find_source_and_byline(doc.text)
    doc._.source = doc._.source or source
    doc._.byline = doc._.byline or byline
    dateline = find_dateline(doc.text, doc._.published or doc._.collected)
    doc._.dateline = dateline
    if doc._.published is None and dateline and dateline.value:
        doc._.published = dt.date.fromisoformat(dateline.value)
        doc._.published_from = "dateline"
    elif doc._.published is None and doc._.collected is not None:
        doc._.published = doc._.collected
        doc._.published_from = "collected"
    return doc
