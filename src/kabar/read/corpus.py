"""Corpora: JSON Lines with one article per line (`text`, optional `title`, `published`, `url`,
`source`, `id`), the IndoSum layout (`paragraphs` of tokenized sentences), and .json files
holding one such object or a list of them. A bad record is an error naming file:line; the
other records still come."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

from kabar.read.article import Article, ReadError
from kabar.read.detokenize import detokenize
from kabar.read.text import drop_related_links

MAX_LINE_CHARS = 5_000_000


def read_jsonl(path: Path) -> Iterator[Article | ReadError]:
    seen = False
    with path.open(encoding="utf-8-sig", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            seen = True
            where = f"{path}:{number}"
            try:
                if len(line) > MAX_LINE_CHARS:
                    raise ReadError(f"{where}: record larger than the size cap")
                yield article_from_record(_parse(line, where), where)
            except ReadError as err:
                yield err
    if not seen:
        yield ReadError(f"{path}: empty input")


def read_json(path: Path) -> Iterator[Article | ReadError]:
    data = _parse(path.read_text(encoding="utf-8-sig", errors="replace"), str(path))
    records = data if isinstance(data, list) else [data]
    if not records:
        yield ReadError(f"{path}: empty input")
    for index, record in enumerate(records):
        where = f"{path}[{index}]" if isinstance(data, list) else str(path)
        try:
            yield article_from_record(record, where)
        except ReadError as err:
            yield err


def article_from_record(record, where: str) -> Article:
    """One JSON object (plain or IndoSum) → Article."""
    if not isinstance(record, dict):
        raise ReadError(f"{where}: expected a JSON object, got {type(record).__name__}")
    if isinstance(record.get("text"), str):
        text = record["text"]
    elif isinstance(record.get("paragraphs"), list):
        text = drop_related_links(detokenize(record["paragraphs"]))
    else:
        raise ReadError(f"{where}: no 'text' (or IndoSum 'paragraphs') field")
    if not text.strip():
        raise ReadError(f"{where}: empty text")
    extra = {k: record[k] for k in ("category", "source_url") if record.get(k) is not None}
    return Article(
        text=text,
        id=str(record["id"]) if record.get("id") is not None else None,
        title=record.get("title") or None,
        published=_published(record.get("published"), where),
        url=record.get("url") or record.get("source_url") or None,
        source=record.get("source") or None,
        byline=record.get("byline") or None,
        collected=_collected(record.get("id")),
        origin=where,
        extra=extra,
    )


def _parse(text: str, where: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ReadError(f"{where}: invalid JSON ({err.msg} at column {err.colno})") from None


def _collected(record_id) -> dt.date | None:
    """IndoSum ids start with the Unix time the article was crawled ("1490674536-mustahil-...")."""
    m = re.match(r"(1\d{9})-", str(record_id or ""))
    return dt.datetime.fromtimestamp(int(m[1]), dt.timezone.utc).date() if m else None


def _published(value, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ReadError(f"{where}: published {value!r} is not an ISO date (YYYY-MM-DD)") from None
