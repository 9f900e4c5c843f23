"""Article text → a list of pieces for the article page, each with the annotations covering it.

The text is cut at every boundary of an entity mention, quote or flag, so overlapping spans
(a name inside a quote, a flag over a name) need no nesting. Pieces stay plain strings: the
template escapes them, so no article text is ever trusted as HTML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Piece:
    text: str
    entity: dict[str, Any] | None = None  # {"id", "name", "type", "titles"}
    quote: int | None = None  # index into report["quotes"]
    flags: list[int] = field(default_factory=list)  # indexes into report["flags"]
    anchors: list[str] = field(default_factory=list)  # ids of flags that start here ("flag-3")

    @property
    def classes(self) -> str:
        out = []
        if self.entity:
            out += ["ent", f"ent-{self.entity.get('type') or 'OTHER'}"]
        if self.quote is not None:
            out.append("quote")
        if self.flags:
            out.append("flagged")
        return " ".join(out)

    @property
    def tooltip(self) -> str:
        lines = []
        if self.entity:
            titles = ", ".join(self.entity.get("titles") or [])
            lines.append(f"{self.entity.get('type')}: {self.entity.get('name')}" + (f" ({titles})" if titles else ""))
        return "\n".join(lines)


def _valid(start: Any, end: Any, size: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size


def pieces(report: dict[str, Any]) -> list[Piece]:
    """Cut `report["text"]` into annotated pieces. Spans outside the text are ignored."""
    text = report.get("text") or ""
    size = len(text)
    covers: list[tuple[int, int, str, Any]] = []
    for ent in report.get("entities") or []:
        for m in ent.get("mentions") or []:
            if _valid(m.get("start"), m.get("end"), size):
                covers.append((m["start"], m["end"], "entity", ent))
    for i, q in enumerate(report.get("quotes") or []):
        if _valid(q.get("start"), q.get("end"), size):
            covers.append((q["start"], q["end"], "quote", i))
    for i, f in enumerate(report.get("flags") or []):
        if _valid(f.get("start"), f.get("end"), size):
            covers.append((f["start"], f["end"], "flag", i))
    cuts = sorted({0, size, *(c[0] for c in covers), *(c[1] for c in covers)})
    out, anchored = [], set()  # a flag's anchor goes on its first piece only
    for a, b in zip(cuts, cuts[1:]):
        piece = Piece(text[a:b])
        for start, end, kind, value in covers:
            if start <= a and b <= end:
                if kind == "entity" and piece.entity is None:
                    piece.entity = value
                elif kind == "quote" and piece.quote is None:
                    piece.quote = value
                elif kind == "flag":
                    piece.flags.append(value)
                    if value not in anchored:
                        anchored.add(value)
                        piece.anchors.append(f"flag-{value}")
        out.append(piece)
    return out
