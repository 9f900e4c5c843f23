"""`visit_companions`: a visit credited to one country's leader while the officials with him are
all from another country.

Officials travel with their own head of state or government, so "Kim ... dalam kunjungannya, ia
mengundang Menteri Luar Negeri Sergei Lavrov, ... Alexander Novak" (all Russian) means the visit
was most likely someone else's: the leader of that country, whose own visit the article usually
reports too. Countries come from the knowledge base link or the title ("Presiden Rusia"), so the
check speaks only when at least two companions have a known country and they all agree.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from kabar.checks import check
from kabar.events.actors import code_from_entity
from kabar.report import Entity, Flag

# Words after which the people named travel with the visitor.
COMPANION_CUES = {"mengundang", "membawa", "memboyong", "didampingi", "disertai", "diiringi", "ditemani",
                  "mengajak", "rombongan", "bersama"}
MIN_COMPANIONS = 2


@check("visit_companions")
def visit_companions(doc: Doc) -> list[Flag]:
    entities = {e.id: e for e in doc._.entities or []}
    visits = [ev for ev in doc._.events or []
              if ev.get("type") == "CONSULT" and ev.get("mode") == "visit"
              and getattr(entities.get(ev.get("source")), "type", None) == "PERSON"]
    country = {eid: code_from_entity(e)[0] for eid, e in entities.items() if e.type == "PERSON"}
    flags = []
    for ev in visits:
        visitor = entities[ev["source"]]
        home = country.get(visitor.id)
        start, end = ev["sentence"]["start"], ev["sentence"]["end"]
        companions = _companions(doc, start, end, visitor, entities)
        known = {p.id: country[p.id] for p in companions if country.get(p.id)}
        abroad = set(known.values())
        if not home or len(known) < MIN_COMPANIONS or len(abroad) != 1 or home in abroad:
            continue
        other = abroad.pop()
        leader = _other_visitor(visits, entities, country, other)
        mention = next(m for m in visitor.mentions if start <= m.start < end)
        names = ", ".join(entities[eid].name for eid in known)
        message = (f"The visit here is credited to {visitor.name} ({home}), but the officials named with "
                   f"him ({names}) are all from {other}: officials travel with their own leader.")
        suggestion = (f"Check who made the visit: probably {leader.name} ({other}), whose visit the article "
                      f"reports elsewhere." if leader else f"Check who made the visit: the officials are from {other}.")
        flags.append(Flag(
            kind="visit_companions", start=mention.start, end=mention.end, text=mention.text,
            message=message, suggestion=suggestion, confidence=0.6 if leader else 0.4,
            evidence={"visitor": {"entity": visitor.id, "country": home},
                      "companions": [{"entity": eid, "name": entities[eid].name, "country": c} for eid, c in known.items()],
                      "trigger": ev.get("trigger"),
                      "other_visitor": leader.id if leader else None}))
    return flags


def _companions(doc: Doc, start: int, end: int, visitor: Entity, entities: dict[str, Entity]) -> list[Entity]:
    """People named after a companion cue ("mengundang", "didampingi") in the sentence start:end."""
    span = doc.char_span(start, end, alignment_mode="expand")
    cue = next((t.idx for t in span or [] if t.lower_ in COMPANION_CUES), None)
    if cue is None:
        return []
    return [e for e in entities.values()
            if e.type == "PERSON" and e.id != visitor.id and any(cue < m.start < end for m in e.mentions)]


def _other_visitor(visits: list[dict], entities: dict[str, Entity], country: dict[str, str | None],
                   other: str) -> Entity | None:
    """The person of country `other` the article most often credits with a visit."""
    counts = Counter(ev["source"] for ev in visits if country.get(ev["source"]) == other)
    return entities[counts.most_common(1)[0][0]] if counts else None
