"""`event_date`: the article dates an event differently from the knowledge base's record of it.

"Putin tiba di bandara Korea Utara awal bulan lalu" in an article of 8 July 2024 says early June;
the record (a KB events file, `kabar.kb.events`) has the visit on 18–19 June. The check compares
events whose date comes from the sentence's own date expression with the KB's events of the same
type, actor and target. It speaks only about a near miss (the nearest recorded event lies within
`NEAR` of the article's date): an event far from every record may be one the KB does not know.
"""
from __future__ import annotations

import calendar
import datetime as dt

from spacy.tokens import Doc

from kabar.checks import check
from kabar.events.actors import code_from_entity
from kabar.kb.events import KnownEvent, events_of
from kabar.nlp.dates import MONTHS
from kabar.report import DateMention, Entity, Flag

NEAR = dt.timedelta(days=45)
SLACK = dt.timedelta(days=1)  # time zones and overnight arrivals
PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
PART_WORDS = {"early": "awal", "mid": "pertengahan", "late": "akhir"}
MONTH_NAMES: dict[int, str] = {}
for _name, _number in MONTHS.items():  # the full name of each month: the longest, first written
    if len(_name) > len(MONTH_NAMES.get(_number, "")):
        MONTH_NAMES[_number] = _name.capitalize()


@check("event_date", needs_kb=True)
def event_dates(doc: Doc, kb) -> list[Flag]:
    entities = {e.id: e for e in doc._.entities or []}
    flags, seen = [], set()
    for ev in doc._.events or []:
        actor = entities.get(ev.get("source"))
        if ev.get("date_from") != "text" or ev.get("hypothetical") or not actor or not actor.kb_id:
            continue
        mention = next((d for d in doc._.dates or [] if d.value == ev["date"]
                        and ev["sentence"]["start"] <= d.start < ev["sentence"]["end"]), None)
        said = interval(mention) if mention else None
        if not said or (mention.start, actor.kb_id) in seen:
            continue
        known = [k for k in events_of(kb.db, actor.kb_id, ev["type"]) if _same_event(k, ev, entities)]
        if not known or any(_overlap(said, k) for k in known):
            continue
        nearest = min(known, key=lambda k: _distance(said, k))
        if _distance(said, nearest) > NEAR:
            continue
        seen.add((mention.start, actor.kb_id))
        record = _span_text(nearest.start, nearest.end)
        flags.append(Flag(
            kind="event_date", start=mention.start, end=mention.end, text=mention.text,
            message=f"'{mention.text}' puts this event ({actor.name}, {ev['type']}"
                    f"{' ' + ev['mode'] if ev.get('mode') else ''}) on {_span_text(*said)}, but the knowledge base "
                    f"records it on {record}{': ' + nearest.description if nearest.description else ''}.",
            suggestion=f"Write '{_indonesian(nearest.start, doc._.published, mention)}' "
                       f"(or the date itself: {_indonesian_date(nearest.start, nearest.end)}).",
            evidence={"said": {"from": said[0].isoformat(), "to": said[1].isoformat(), "value": mention.value,
                               "relative_to": doc._.published.isoformat() if doc._.published else None},
                      "known": {"from": nearest.start.isoformat(), "to": nearest.end.isoformat(),
                                "actor": nearest.actor_id, "target": nearest.target_id, "source": nearest.source},
                      "trigger": ev.get("trigger")},
            confidence=0.7))
    return flags


def interval(date: DateMention) -> tuple[dt.date, dt.date] | None:
    """The days a resolved date mention covers: a day, a week, (part of) a month, a year."""
    value = date.value or ""
    try:
        if date.granularity == "day":
            day = dt.date.fromisoformat(value)
            return day, day
        if date.granularity == "week":
            monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return monday, monday + dt.timedelta(days=6)
        if date.granularity == "month":
            year, month = int(value[:4]), int(value[5:7])
            first, last = PART_DAYS.get(date.extra.get("part"), (1, 31))
            last = min(last, calendar.monthrange(year, month)[1])
            return dt.date(year, month, first), dt.date(year, month, last)
        if date.granularity == "year":
            return dt.date(int(value[:4]), 1, 1), dt.date(int(value[:4]), 12, 31)
    except ValueError:
        return None
    return None


def _same_event(known: KnownEvent, ev: dict, entities: dict[str, Entity]) -> bool:
    if known.mode and ev.get("mode") and known.mode != ev["mode"]:
        return False
    wanted = known.target_id or known.location_id
    if not wanted:
        return True
    places = [entities.get(ev.get(role)) for role in ("target", "location")]
    return any(p and (p.kb_id == wanted or f"iso:{code_from_entity(p)[0]}" == wanted) for p in places)


def _overlap(said: tuple[dt.date, dt.date], known: KnownEvent) -> bool:
    return said[0] - SLACK <= known.end and known.start <= said[1] + SLACK


def _distance(said: tuple[dt.date, dt.date], known: KnownEvent) -> dt.timedelta:
    return max(known.start - said[1], said[0] - known.end, dt.timedelta(0))


def _span_text(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def _indonesian_date(first: dt.date, last: dt.date) -> str:
    if first == last:
        return f"{first.day} {MONTH_NAMES[first.month]} {first.year}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTH_NAMES[first.month]} {first.year}"
    return f"{_indonesian_date(first, first)} – {_indonesian_date(last, last)}"


def _indonesian(day: dt.date, published: dt.date | None, mention: DateMention) -> str:
    """The record's date in the article's own style: 'pertengahan bulan lalu' for a relative
    expression, '19 Juni 2024' for a calendar date."""
    part = next(p for p, (a, b) in PART_DAYS.items() if a <= day.day <= b)
    if published and mention.extra.get("rule") == "unit_rel":
        months_back = (published.year - day.year) * 12 + published.month - day.month
        relative = {0: "bulan ini", 1: "bulan lalu"}.get(months_back)
        if relative:
            return f"{PART_WORDS[part]} {relative}"
    if mention.granularity == "month":
        return f"{PART_WORDS[part]} {MONTH_NAMES[day.month]} {day.year}"
    return _indonesian_date(day, day)
