"""Geometry for the two charts, drawn as inline SVG by the templates (no script, no CDN).

- timeline: one lane per event type, one dot per event at its date, month ticks below.
- network: actors on a circle, an arrow from source to target whose width grows with the
  number of events between them.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from typing import Any

LANE_H, LEFT, RIGHT, TOP, AXIS = 28, 130, 20, 10, 34


def parse_date(value: Any) -> dt.date | None:
    """ISO day, month or year → the first day it covers; anything else → None."""
    if not isinstance(value, str):
        return None
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(value[:size], fmt).date()
        except ValueError:
            continue
    return None


def _ticks(first: dt.date, last: dt.date, max_ticks: int = 10) -> list[tuple[dt.date, str]]:
    """Tick dates and labels: months over short spans, years over long ones."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= 36:
        step, unit, fmt = max(1, math.ceil(months / max_ticks)), 1, "%b %Y"
    else:
        years = months / 12
        step, unit, fmt = 12 * next(s for s in (1, 2, 5, 10, 20, 50, 100) if years / s <= max_ticks), 12, "%Y"
    start = first.year * 12 + first.month - 1
    start = start + (-start % step if unit == 12 else 0)
    ticks = []
    for m in range(start, last.year * 12 + last.month, step):
        tick = dt.date(m // 12, m % 12 + 1, 1)
        if first <= tick <= last:
            ticks.append((tick, tick.strftime(fmt)))
    if not ticks:  # under a month: label the first and last days drawn
        ends = {first + dt.timedelta(days=1), last - dt.timedelta(days=1)}
        ticks = [(day, day.isoformat()) for day in sorted(ends)]
    return ticks


def timeline(events: list[dict[str, Any]], width: int = 900) -> dict[str, Any] | None:
    """Each event needs `date`, `type`; `label` and `href` are shown on the dot. Events without
    a date are counted in `undated`, not drawn."""
    dated = [(parse_date(e.get("date")), e) for e in events]
    dated = [(d, e) for d, e in dated if d]
    if not dated:
        return {"points": [], "undated": len(events)}
    lanes = sorted({e.get("type") or "?" for _, e in dated})
    first = min(d for d, _ in dated) - dt.timedelta(days=1)
    last = max(d for d, _ in dated) + dt.timedelta(days=1)
    span = (last - first).days
    plot_w = width - LEFT - RIGHT

    def x(day: dt.date) -> float:
        return round(LEFT + plot_w * (day - first).days / span, 1)

    stacked: Counter = Counter()  # events on the same day and lane are stacked sideways
    points = []
    for day, e in sorted(dated, key=lambda de: de[0]):
        lane = lanes.index(e.get("type") or "?")
        n = stacked[(day, lane)]
        stacked[(day, lane)] += 1
        points.append({
            "x": x(day) + 5 * n, "y": TOP + lane * LANE_H + LANE_H / 2, "date": day.isoformat(),
            "type": e.get("type") or "?", "label": e.get("label") or "", "href": e.get("href"),
            "mode": (e.get("mode") or "").lower(),
        })
    bottom = TOP + len(lanes) * LANE_H
    return {
        "width": width, "height": bottom + AXIS, "left": LEFT, "right": width - RIGHT, "bottom": bottom,
        "lanes": [{"name": name, "y": TOP + i * LANE_H + LANE_H / 2} for i, name in enumerate(lanes)],
        "ticks": [{"x": x(t), "label": label} for t, label in _ticks(first, last)],
        "points": points, "undated": len(events) - len(dated),
    }


def network(pairs: list[dict[str, Any]], size: int = 560, max_nodes: int = 30, label_room: int = 170) -> dict[str, Any] | None:
    """`pairs`: {"source": {"id","name"[,"href"]}, "target": {...}, "count"} (who acts on whom).
    The busiest `max_nodes` actors are drawn; None when there is nothing to draw."""
    degree: Counter = Counter()
    names: dict[str, str] = {}
    hrefs: dict[str, str | None] = {}
    for p in pairs:
        for side in ("source", "target"):
            degree[p[side]["id"]] += p["count"]
            names[p[side]["id"]] = p[side].get("name") or str(p[side]["id"])
            hrefs[p[side]["id"]] = p[side].get("href")
    keep = [node for node, _ in degree.most_common(max_nodes)]
    if not keep:
        return None
    width = size + 2 * label_room  # room left and right for the names
    radius = size / 2 - 30
    pos = {}
    for i, node in enumerate(keep):
        angle = 2 * math.pi * i / len(keep) - math.pi / 2
        pos[node] = (round(width / 2 + radius * math.cos(angle), 1), round(size / 2 + radius * math.sin(angle), 1), angle)
    heaviest = max(p["count"] for p in pairs)
    edges = []
    for p in sorted(pairs, key=lambda p: p["count"]):
        s, t = p["source"]["id"], p["target"]["id"]
        if s not in pos or t not in pos or s == t:
            continue
        (x1, y1, _), (x2, y2, _) = pos[s], pos[t]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1
        shrink = 10 / dist  # stop the arrow at the node's edge
        edges.append({
            "x1": x1, "y1": y1, "x2": round(x2 - dx * shrink, 1), "y2": round(y2 - dy * shrink, 1),
            "width": round(1 + 7 * p["count"] / heaviest, 1), "count": p["count"],
            "title": f"{names[s]} → {names[t]}: {p['count']} event(s)",
        })
    nodes = []
    for node in keep:
        x, y, angle = pos[node]
        right = math.cos(angle) >= 0
        nodes.append({
            "id": node, "name": names[node], "href": hrefs[node], "x": x, "y": y, "r": round(5 + 10 * math.sqrt(degree[node] / degree[keep[0]]), 1),
            "lx": round(x + (14 if right else -14), 1), "ly": round(y + 4, 1), "anchor": "start" if right else "end",
            "degree": degree[node],
        })
    return {"width": width, "height": size, "nodes": nodes, "edges": edges}
