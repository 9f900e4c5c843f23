"""`build(out, sources)`: import sources into a new KB file.

A source is `PATH` (type detected), `TYPE=PATH`, or a built-in name (`countries`, `cities`);
`@DATE` at the end gives the date it describes (`cia=leaders.csv@2019-06`), else that date is
read from a year in the file name or the latest date in its rows. The as-of date lets the
checks tell "the KB is too old to know" from "the KB says otherwise".
"""
from __future__ import annotations

import re
from pathlib import Path

from kabar.kb.events import EventRow
from kabar.kb.importers import BUILTIN, READERS, ImportError_, as_of_from, detect
from kabar.kb.store import Builder

# Public data sets kabar can build a KB from, as they are laid out in a downloaded data folder.
PUBLIC_SOURCES = (
    "cia-world-leaders-2019/cia_world_leaders_flat.csv",
    "world-leaders-wikidata-2021/wikidata.csv",
    "id-politicians-wikidata",
    "kb-supplement-2024/people.csv",
)


def parse_source(spec: str) -> tuple[str, Path | None, str | None]:
    """'cia=x.csv@2019' -> ('cia', Path('x.csv'), '2019')."""
    as_of = None
    m = re.match(r"^(.*)@(\d{4}(?:-\d{2}){0,2})$", spec)
    if m:
        spec, as_of = m.groups()
    if spec in BUILTIN:
        return spec, None, as_of
    kind, sep, path = spec.partition("=")
    if sep and kind in READERS:
        p = Path(path)
    else:
        kind, p = None, Path(spec)
    if not p.exists():
        raise ImportError_(f"{p}: no such file or folder")
    return kind or detect(p), p, as_of


def public_sources(data_dir: str | Path) -> list[str]:
    """`build` sources for the public data sets found in `data_dir`, plus the built-in countries
    and cities: one list for everyone who builds the standard KB from a local copy of the data."""
    found = [Path(data_dir) / rel for rel in PUBLIC_SOURCES if (Path(data_dir) / rel).exists()]
    return [str(p) for p in found] + list(BUILTIN)


def build(out: str | Path, sources: list[str]) -> dict[str, int]:
    """Import every source into a new KB at `out` (replaced when the build succeeds).
    Returns the number of rows read per source."""
    if not sources:
        raise ImportError_("no sources given")
    parsed = [parse_source(s) for s in sources]  # fail on a bad name before any work
    builder = Builder(out)
    counts = {}
    try:
        for kind, path, as_of in parsed:
            label = str(path) if path else kind
            rows = list(READERS[kind](path))
            for row in rows:
                if isinstance(row, EventRow):
                    builder.add_event(row, source=label)
                else:
                    builder.add(row, source=label)
            facts = [r for r in rows if not isinstance(r, EventRow)]
            builder.add_source(label, kind, str(path or ""), as_of or (as_of_from(path, facts) if path else None), len(rows))
            counts[label] = len(rows)
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as err:
        builder.db.close()
        builder._tmp.unlink(missing_ok=True)
        if isinstance(err, ImportError_):
            raise
        raise ImportError_(f"{label}: cannot import ({err})") from err
    builder.finish(sources)
    return counts
