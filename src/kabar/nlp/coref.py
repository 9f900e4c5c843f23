"""Short forms of names within one article: "Putin" → "Vladimir Putin", "Jong Un" → "Kim Jong Un".

The `kabar_coref` component groups the mentions in `doc.ents` into `report.Entity` objects
(`doc._.entities`) and sets `span._.entity_id` on every mention.

People: a mention joins the person whose name contains its words in the same order; when
several do ("Kim": Kim Jong Un or Kim Kum-chol), the most salient one wins: the most mentions
so far, then the most recent. A later fuller form ("Vladimir Putin" after "Putin") joins and
renames the entity. Places and organisations join by their normalised name, and places also
by the country they denote ("Rusia", "Federasi Rusia"); an acronym defined in parentheses joins
its organisation ("Komisi Pemberantasan Korupsi (KPK)").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from kabar.nlp import places
from kabar.nlp.entities import INFO
from kabar.nlp.extensions import init_doc
from kabar.report import Entity, Mention


def name_words(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("-", " ").split())


def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Do the words of `shorter` appear in `longer` as a contiguous run?"""
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


@dataclass
class Group:
    type: str
    name: str
    spans: list[Span] = field(default_factory=list)
    last: int = 0  # token index of the latest mention


def group_people(spans: list[Span]) -> list[Group]:
    """One group per full name (a name no longer name contains); each mention, in reading
    order, joins the most salient full name that contains its words."""
    full: list[tuple[str, ...]] = []
    for words in sorted({name_words(s.text) for s in spans}, key=len, reverse=True):
        if not any(contains(f, words) for f in full):
            full.append(words)
    groups = {f: Group("PERSON", " ".join(f)) for f in full}
    for span in sorted(spans, key=lambda s: s.start):
        candidates = [groups[f] for f in full if contains(f, name_words(span.text))]
        best = max(candidates, key=lambda g: (len(g.spans), g.last, -full.index(name_words(g.name))))
        best.spans.append(span)
        best.last = span.start
    return [g for g in groups.values() if g.spans]


def abbreviates(acronym: str, name: str) -> bool:
    """Are the acronym's letters the initials of the name's words, in order? "KPK" and
    "Komisi Pemberantasan Korupsi", "PANRB" and "Pendayagunaan Aparatur Negara dan Reformasi
    Birokrasi"."""
    initials = iter(w[0] for w in name.replace("-", " ").split() if w[0].isupper())
    return len(acronym) >= 2 and all(letter in initials for letter in acronym)


def acronym_names(spans: list[Span]) -> dict[str, str]:
    """Acronym → the name it stands for, from "Komisi Pemberantasan Korupsi (KPK)"."""
    doc = spans[0].doc if spans else None
    out = {}
    for span in spans:
        if span.label_ != "ORG" or span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
            continue
        short = doc[span.end + 1].text
        if short.isupper() and abbreviates(short, span.text):
            out[" ".join(name_words(short))] = " ".join(name_words(span.text))
    return out


def group_others(spans: list[Span]) -> list[Group]:
    groups: dict[tuple[str, str], Group] = {}
    long_names = acronym_names(spans)
    for span in spans:
        key = (span.label_, " ".join(name_words(span.text)))
        if span.label_ == "GPE" and places.english_country(span.text):
            key = ("GPE", places.english_country(span.text))  # the same country under two names
        elif span.label_ == "ORG" and key[1] in long_names:
            key = ("ORG", long_names[key[1]])  # "KPK" is the "Komisi Pemberantasan Korupsi"
        group = groups.setdefault(key, Group(span.label_, span.text))
        group.spans.append(span)
        if len(span.text) > len(group.name):
            group.name = span.text
    return list(groups.values())


def most_specific(positions: list[str]) -> list[str]:
    """Drop "Leader" when "Leader of North Korea" came from the same article."""
    return [p for p in positions if not any(q.startswith(p + " of ") for q in positions)]


@Language.component("kabar_coref")
def kabar_coref(doc: Doc) -> Doc:
    """Merge the mentions in doc.ents into entities and number them e1, e2, ... by first mention."""
    init_doc(doc)
    info = doc.user_data.get(INFO, {})
    ents = list(doc.ents)
    groups = group_people([s for s in ents if s.label_ == "PERSON"]) + group_others(
        [s for s in ents if s.label_ != "PERSON"])
    groups.sort(key=lambda g: min(s.start for s in g.spans))
    entities = []
    for n, group in enumerate(groups, start=1):
        spans = sorted(group.spans, key=lambda s: s.start)
        titles, positions, former, country = [], [], [], None
        for span in spans:
            span._.entity_id = f"e{n}"
            extra = info.get((span.start, span.end), {})
            titles += [t for t in (span._.titles or []) if t not in titles]
            positions += [p for p in extra.get("positions", []) if p not in positions]
            former += [p for p in extra.get("former_positions", []) if p not in former]
            country = country or extra.get("country")
        name = max((s.text for s in spans), key=lambda t: (len(name_words(t)), len(t)))
        extra = {"positions": most_specific(positions)}
        if former:
            extra["former_positions"] = most_specific(former)
        if country:
            extra["country"] = country
        entities.append(Entity(
            id=f"e{n}", name=name, type=group.type, titles=titles,
            mentions=[Mention(s.start_char, s.end_char, s.text) for s in spans], extra=extra))
    doc._.entities = entities
    return doc
