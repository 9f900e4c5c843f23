"""What the text and HTML renderers both show, computed once from a Report: line numbers,
speaker names, highlight segments and event table cells. Works with whatever fields the
pipeline filled; empty lists simply render as nothing."""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass

from kabar.report import Quote, Report

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "EVENT", "OTHER")


@dataclass
class Segment:
    """A run of the text; `kind` is an entity type, "DATE", or None for plain text."""
    text: str
    kind: str | None = None
    ref: str | None = None  # entity id or date value
    label: str | None = None  # tooltip: entity name, date value


class Lines:
    """Offset → 1-based line number, for "flag on line 12"."""

    def __init__(self, text: str):
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def speaker_name(report: Report, quote: Quote) -> str | None:
    entity = report.entity(quote.speaker) if quote.speaker else None
    return entity.name if entity else quote.extra.get("speaker_text") or quote.speaker


def segments(report: Report) -> list[Segment]:
    """The text cut into plain runs and marked runs (entity mentions, then dates where they do
    not overlap a mention). Overlapping or out-of-range spans are skipped, never re-ordered."""
    text = report.text
    spans = []
    for e in report.entities:
        kind = e.type if e.type in ENTITY_TYPES else "OTHER"
        label = e.name + (f" ({', '.join(e.titles)})" if e.titles else "")
        spans += [(m.start, m.end, kind, e.id, label) for m in e.mentions]
    spans += [(d.start, d.end, "DATE", d.value, d.value or "date") for d in report.dates]
    out, pos = [], 0
    for start, end, kind, ref, label in sorted(spans, key=lambda s: (s[0], s[2] == "DATE", -s[1])):
        if start < pos or end > len(text) or end <= start:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], kind, ref, label))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def event_rows(report: Report) -> list[dict[str, str]]:
    """One row per event with the columns people read: where, what (PLOVER type, CAMEO code),
    who did it to whom, when. Actors are shown by entity name. Columns no event has are dropped."""
    lines = Lines(report.text)
    rows = []
    for ev in report.events:
        anchor = ev.get("trigger") or ev.get("sentence") or {}
        kind = " / ".join(str(ev[k]) for k in ("type", "mode") if ev.get(k))
        notes = [k for k in ("negated", "hypothetical") if ev.get(k)] + ([ev["context"]] if ev.get("context") else [])
        rows.append({
            "line": str(lines.of(anchor["start"])) if isinstance(anchor, dict) and "start" in anchor else "",
            "event": kind, "cameo": cell(ev.get("cameo")),
            "source": _actor(report, ev, "source"), "trigger": cell(anchor.get("text")) if isinstance(anchor, dict) else "",
            "target": _actor(report, ev, "target"), "date": cell(ev.get("date")), "location": _actor(report, ev, "location"),
            "notes": ", ".join(notes),
        })
    used = [c for c in (rows[0] if rows else {}) if any(r[c] for r in rows)]
    return [{c: r[c] for c in used} for r in rows]


def _actor(report: Report, event: dict, role: str) -> str:
    value = event.get(role)
    entity = report.entity(value) if isinstance(value, str) else None
    return entity.name if entity else cell(event.get(f"{role}_text") or value)


def cell(value) -> str:
    """A table cell for any JSON value: names of actor-like dicts, lists joined."""
    if value is None:
        return ""
    if isinstance(value, dict):
        for key in ("name", "text", "code", "label"):
            if key in value:
                return str(value[key])
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    return str(value)
