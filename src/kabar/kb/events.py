"""Dated events in the knowledge base: what a fact-checker knows happened, and when.

An article that says "awal bulan lalu" about a visit the record puts on 19 June can only be
caught against such a record. kabar reads events from a CSV in its own layout:
`start,end,type,mode,actor,target,location,description,source` — `start`/`end` ISO dates (end
optional), `type`/`mode` PLOVER (CONSULT, visit), `actor` an entity id or name of the KB (the one
who acted), `target` and `location` a country (name or ISO3) or another KB entity. Actors are
resolved to KB entities when the KB is built (after every source is read), so one events file
serves KBs built from different leader lists.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

EVENT_COLUMNS = ["start", "end", "type", "mode", "actor", "target", "location", "description", "source"]
SCHEMA = """
CREATE TABLE event(id INTEGER PRIMARY KEY, start TEXT NOT NULL, "end" TEXT, type TEXT NOT NULL, mode TEXT,
                   actor TEXT NOT NULL, actor_id TEXT, target TEXT, target_id TEXT, location TEXT,
                   location_id TEXT, description TEXT, source TEXT, file TEXT);
"""
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class EventRow:
    start: str
    type: str
    actor: str
    end: str | None = None
    mode: str | None = None
    target: str | None = None
    location: str | None = None
    description: str | None = None
    source: str | None = None

    def span(self) -> tuple[dt.date, dt.date]:
        return dt.date.fromisoformat(self.start), dt.date.fromisoformat(self.end or self.start)


def read_events_csv(path: Path) -> Iterator[EventRow]:
    from kabar.kb.importers import ImportError_

    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("start", "type", "actor") if c not in (reader.fieldnames or [])]
        if missing:
            raise ImportError_(f"{path}: not a kabar events CSV (missing columns {', '.join(missing)})")
        for line, r in enumerate(reader, start=2):
            row = EventRow(**{c: (r.get(c) or "").strip() or None for c in EVENT_COLUMNS})
            if not row.start or not row.type or not row.actor:
                raise ImportError_(f"{path}:{line}: start, type and actor are required")
            for name, value in (("start", row.start), ("end", row.end)):
                if value and not ISO_DATE.match(value):
                    raise ImportError_(f"{path}:{line}: {name} {value!r} is not a date (YYYY-MM-DD)")
            row.type, row.mode = row.type.upper(), row.mode and row.mode.lower()
            if not row.type.isalpha():
                raise ImportError_(f"{path}:{line}: type {row.type!r} is not a PLOVER event type (CONSULT, ASSAULT...)")
            if row.span()[1] < row.span()[0]:
                raise ImportError_(f"{path}:{line}: end {row.end} is before start {row.start}")
            yield row


def resolve(db: sqlite3.Connection) -> int:
    """Point each event's actor, target and location at KB entities (by id, former id or folded
    name; a country name becomes its `iso:` entity). Returns how many actors stay unresolved."""
    from kabar.kb import keys
    from kabar.kb.countries import iso3

    ids = {i for (i,) in db.execute("SELECT id FROM entity")}
    xrefs = {x: i for i, xs in db.execute("SELECT id, xrefs FROM entity WHERE xrefs IS NOT NULL")
             for x in xs.split("|")}

    def entity(value: str | None) -> str | None:
        if not value:
            return None
        if value in ids or value in xrefs:
            return xrefs.get(value, value)
        code = iso3(value)
        if code and f"iso:{code}" in ids:
            return f"iso:{code}"
        hits = {i for (i,) in db.execute("SELECT DISTINCT entity_id FROM name WHERE folded=?", (keys.fold(value),))}
        return hits.pop() if len(hits) == 1 else None

    rows = db.execute("SELECT id, actor, target, location FROM event").fetchall()
    for eid, actor, target, location in rows:
        db.execute("UPDATE event SET actor_id=?, target_id=?, location_id=? WHERE id=?",
                   (entity(actor), entity(target), entity(location), eid))
    return db.execute("SELECT count(*) FROM event WHERE actor_id IS NULL").fetchone()[0]


@dataclass
class KnownEvent:
    start: dt.date
    end: dt.date
    type: str
    mode: str | None
    actor_id: str
    target_id: str | None
    location_id: str | None
    description: str | None
    source: str | None


def events_of(db: sqlite3.Connection, actor_id: str, type_: str) -> list[KnownEvent]:
    """The KB's events of one type by one actor (none when the KB predates events)."""
    try:
        rows = db.execute('SELECT start, "end", type, mode, actor_id, target_id, location_id, description, source '
                          "FROM event WHERE actor_id=? AND type=? ORDER BY start", (actor_id, type_)).fetchall()
    except sqlite3.OperationalError:
        return []
    return [KnownEvent(dt.date.fromisoformat(s), dt.date.fromisoformat(e or s), *rest) for s, e, *rest in rows]
