"""Exports of the event table (CSV, Parquet, JSON Lines, PLOVER JSON) and of whole reports
(JSON Lines). Rows stream from the database, so an export never holds the corpus in memory
(except Parquet, written in row groups of `BATCH`)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

import kabar
from kabar.store.store import Store

FORMATS = ("csv", "parquet", "jsonl", "plover")
BATCH = 10_000

# One flat row per event: what a spreadsheet or a data frame wants.
COLUMNS = [
    ("id", "int64"), ("article_id", "int64"), ("story_id", "int64"), ("published", "string"),
    ("date", "string"), ("type", "string"), ("mode", "string"), ("cameo", "string"),
    ("source_entity_id", "int64"), ("source_name", "string"), ("source_actor", "string"),
    ("target_entity_id", "int64"), ("target_name", "string"), ("target_actor", "string"),
    ("location_entity_id", "int64"), ("negated", "bool_"), ("hypothetical", "bool_"),
    ("trigger_text", "string"), ("confidence", "float64"), ("article_title", "string"),
    ("article_source", "string"), ("url", "string"),
]


def flat(event: dict[str, Any]) -> dict[str, Any]:
    return {name: event.get(name) for name, _ in COLUMNS}


def write_csv(events: Iterable[dict], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=[name for name, _ in COLUMNS])
    writer.writeheader()
    n = 0
    for n, event in enumerate(events, start=1):
        writer.writerow(flat(event))
    return n


def write_parquet(events: Iterable[dict], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch = []
        for event in events:
            batch.append(flat(event))
            if len(batch) == BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n, batch = n + len(batch), []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return n + len(batch)


def write_jsonl(records: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for n, record in enumerate(records, start=1):
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    return n


def plover_records(store: Store, events: Iterable[dict]) -> Iterator[dict[str, Any]]:
    """Events as PLOVER JSON records: field names of the PLOVER manual and its gold records
    (`event`, `mode`, `context`, `actor`/`recipient` lists of {actorText, code, sector},
    `eventText`, `eventLoc`, `text`, `date`, `language`, `publication`, `coder`, `version`),
    with the CAMEO code kept alongside as `cameo` and kabar's ids as `kabar`."""
    texts: dict[int, str] = {}
    for ev in events:
        if ev["article_id"] not in texts:
            texts = {ev["article_id"]: store.article_text(ev["article_id"])}  # events come by article
        text = texts[ev["article_id"]]
        sentence = ev.get("sentence") or {}
        record = {
            "id": f"kabar-{ev['article_id']}-{ev['id']}",
            "date": ev.get("date") or ev.get("published"),
            "actor": _actors(ev.get("source_name"), ev.get("source_actor")),
            "recipient": _actors(ev.get("target_name"), ev.get("target_actor")),
            "event": ev.get("type"),
            "mode": ev.get("mode"),
            "context": ev.get("context"),
            "eventText": ev.get("trigger_text"),
            "text": text[sentence["start"]:sentence["end"]] if "start" in sentence else None,
            "language": "id",
            "publication": ev.get("article_source"),
            "coder": "kabar",
            "version": kabar.__version__,
            "cameo": ev.get("cameo"),
            "kabar": {"article_id": ev["article_id"], "event_id": ev["id"], "url": ev.get("url"),
                      "negated": ev.get("negated"), "hypothetical": ev.get("hypothetical"),
                      "confidence": ev.get("confidence")},
        }
        if ev.get("location_name"):
            record["eventLoc"] = {"name": ev["location_name"]}
        yield {k: v for k, v in record.items() if v not in (None, [])}


def _actors(name: str | None, code: str | None) -> list[dict[str, str]]:
    if not name and not code:
        return []
    actor: dict[str, str] = {"actorText": name or code}
    if code:
        country, _, sector = code.partition(" ")
        actor["code"] = country
        if sector:
            actor["sector"] = sector
    return [actor]
