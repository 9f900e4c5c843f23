"""The knowledge base file: one SQLite database, written once by `Builder`, then read by `KB`.

Tables: `entity` (one row per real-world thing), `name` (labels, aliases and short forms with
their transliteration-folded key), `position` (offices with start/end dates and their source),
`source` (every imported file with its as-of date), `event` (dated events, `kb.events`), and the search index: `token` (distinct
folded name tokens with how many names use them), `token_key` (skeleton, phonetic and
one-deletion keys of each token) and `name_token`.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kabar.kb import events, keys

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE source(name TEXT PRIMARY KEY, kind TEXT, path TEXT, as_of TEXT, rows INTEGER);
CREATE TABLE entity(id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT,
                    source TEXT, xrefs TEXT);
CREATE TABLE name(id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL, name TEXT NOT NULL,
                  folded TEXT NOT NULL, kind TEXT NOT NULL, source TEXT);
CREATE TABLE position(entity_id TEXT NOT NULL, title TEXT NOT NULL, country TEXT,
                      start TEXT, "end" TEXT, source TEXT);
CREATE TABLE token(id INTEGER PRIMARY KEY, text TEXT NOT NULL, df INTEGER NOT NULL, skeleton TEXT NOT NULL);
CREATE TABLE token_key(key TEXT NOT NULL, token_id INTEGER NOT NULL);
CREATE TABLE name_token(token_id INTEGER NOT NULL, name_id INTEGER NOT NULL, pos INTEGER NOT NULL);
""" + events.SCHEMA
INDEXES = """
CREATE INDEX name_folded ON name(folded);
CREATE INDEX name_entity ON name(entity_id);
CREATE INDEX position_entity ON position(entity_id);
CREATE INDEX position_title ON position(title);
CREATE INDEX token_key_key ON token_key(key, token_id);
CREATE INDEX name_token_token ON name_token(token_id);
CREATE UNIQUE INDEX token_text ON token(text);
CREATE INDEX event_actor ON event(actor_id, type);
"""
TYPES = {"PERSON", "ORG", "LOC"}
PATRONYMIC_ENDINGS = ("vich", "vna", "ovna", "evna", "ichna", "ogly", "kyzy")


@dataclass
class Row:
    """One fact row in kabar's CSV layout: an entity, its names, and (optionally) one position."""
    id: str
    name: str
    type: str = "PERSON"
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166 alpha-3
    position: str | None = None
    start: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None = None
    source: str | None = None


def nickname_forms(name: str) -> set[str]:
    """'Joko "Jokowi" Widodo' -> {'Jokowi', 'Joko Widodo'}: a quoted nickname is a name too."""
    m = re.search(r'\s*["\u201c]([^"\u201d]+)["\u201d]\s*', name)
    if not m:
        return set()
    return {m.group(1).strip(), (name[: m.start()] + " " + name[m.end():]).strip()}


def short_forms(name: str) -> set[str]:
    """'Sergey Viktorovich Lavrov' -> {'Sergey Lavrov'}: a name without its patronymic. Other
    three-part names (Kim Kwang Chol, Basuki Tjahaja Purnama) are not shortened."""
    parts = name.split()
    if len(parts) == 3 and parts[1].lower().endswith(PATRONYMIC_ENDINGS):
        return {f"{parts[0]} {parts[-1]}"}
    return set()


class Builder:
    """Writes a new KB file. Rows about one person from several sources (same type, country and
    folded name, ids not in conflict) are merged into one entity, keeping every source."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = self.path.with_name(self.path.name + ".building")
        if self._tmp.exists():
            self._tmp.unlink()
        self.db = sqlite3.connect(self._tmp)
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        self._ids: dict[str, str] = {}            # row id -> entity id
        self._merge: dict[tuple, str] = {}        # (type, country, folded name) -> entity id
        self._names: set[tuple[str, str]] = set()  # (entity id, folded)
        self._positions: set[tuple] = set()
        self._xrefs: dict[str, set[str]] = defaultdict(set)

    def add_source(self, name: str, kind: str, path: str, as_of: str | None, rows: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO source VALUES (?,?,?,?,?)", (name, kind, path, as_of, rows))

    def add(self, row: Row, source: str) -> str:
        if row.type not in TYPES:
            raise ValueError(f"{source}: entity {row.id!r} has type {row.type!r}; expected one of {sorted(TYPES)}")
        names = [row.name, *row.aliases]
        names += [n for name in names for n in nickname_forms(name)]
        forms = set(names)
        if row.type == "PERSON":
            for n in names:
                forms |= short_forms(n)
        eid = self._ids.get(row.id) or self._find_merge(row, forms)
        if eid is None:
            eid = row.id
            self.db.execute("INSERT INTO entity VALUES (?,?,?,?,?,NULL)", (eid, row.name, row.type, row.country, source))
        self._ids[row.id] = eid
        if row.id != eid:
            self._xrefs[eid].add(row.id)
            # The plainest label wins: 'Vladimir Putin' over 'Vladimir Vladimirovich Putin'.
            self.db.execute("UPDATE entity SET name=? WHERE id=? AND length(name) > ?", (row.name, eid, len(row.name)))
        # In a fixed order, the label first: of two forms with one fold the first is kept, and
        # a set's order changes from run to run (Yury Borisov / Yuri Borisov).
        for n in [*dict.fromkeys(names), *sorted(forms - set(names))]:
            folded = keys.fold(n)
            if folded:
                self._merge.setdefault((row.type, row.country, folded), eid)
            if folded and (eid, folded) not in self._names:
                self._names.add((eid, folded))
                kind = "label" if n == row.name else ("alias" if n in names else "short")
                self.db.execute("INSERT INTO name(entity_id,name,folded,kind,source) VALUES (?,?,?,?,?)",
                                (eid, n, folded, kind, source))
        if row.position:
            fact = (eid, row.position, row.country, row.start, row.end)
            if fact not in self._positions:
                self._positions.add(fact)
                self.db.execute("INSERT INTO position VALUES (?,?,?,?,?,?)", (*fact, source))
        return eid

    def add_event(self, row: events.EventRow, source: str) -> None:
        self.db.execute('INSERT INTO event(start, "end", type, mode, actor, target, location, description, source, file) '
                        "VALUES (?,?,?,?,?,?,?,?,?,?)", (row.start, row.end, row.type, row.mode, row.actor, row.target,
                                                         row.location, row.description, row.source, source))

    def _find_merge(self, row: Row, forms: set[str]) -> str | None:
        prefix = row.id.split(":", 1)[0]
        for n in sorted(forms):
            eid = self._merge.get((row.type, row.country, keys.fold(n)))
            # Two different ids of the same scheme (two Wikidata items) are two people.
            if eid and not (eid.split(":", 1)[0] == prefix and eid != row.id):
                return eid
        return None

    def finish(self, built_from: list[str]) -> Path:
        """Write the token index and metadata, then move the file into place."""
        db = self.db
        for eid, xrefs in self._xrefs.items():
            # A Wikidata id is the one other tools share: it becomes the entity's id.
            wikidata = sorted(x for x in xrefs if x.startswith("wd:"))
            if wikidata and not eid.startswith("wd:"):
                xrefs = (xrefs - {wikidata[0]}) | {eid}
                for table, column in (("entity", "id"), ("name", "entity_id"), ("position", "entity_id")):
                    db.execute(f"UPDATE {table} SET {column}=? WHERE {column}=?", (wikidata[0], eid))
                eid = wikidata[0]
            db.execute("UPDATE entity SET xrefs=? WHERE id=?", ("|".join(sorted(xrefs)), eid))
        self.unresolved_events = events.resolve(db)
        token_ids: dict[str, int] = {}
        df: dict[int, int] = defaultdict(int)
        links = []
        for name_id, folded in db.execute("SELECT id, folded FROM name").fetchall():
            for pos, tok in enumerate(folded.split()):
                tid = token_ids.setdefault(tok, len(token_ids) + 1)
                df[tid] += 1
                links.append((tid, name_id, pos))
        db.executemany("INSERT INTO name_token VALUES (?,?,?)", links)
        db.executemany("INSERT INTO token VALUES (?,?,?,?)",
                       ((tid, tok, df[tid], keys.skeleton(tok)) for tok, tid in token_ids.items()))
        db.executemany("INSERT INTO token_key VALUES (?,?)",
                       ((key, tid) for tok, tid in token_ids.items() for key in keys.block_keys(tok)))
        db.executescript(INDEXES)
        meta = {"built": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "built_from": " ".join(built_from), "schema": "1"}
        db.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        db.commit()
        db.execute("ANALYZE")
        db.close()
        os.replace(self._tmp, self.path)
        return self.path
