"""`Report`: what kabar says about one article. Built once from the Doc; its `to_dict()` is the
JSON contract that the CLI, the store, the API and the UI all consume."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    id: str
    name: str
    type: str  # PERSON, ORG, LOC, GPE, EVENT, OTHER
    kb_id: str | None = None
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. normalised positions, country


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # ISO: YYYY, YYYY-MM, YYYY-MM-DD, or a duration like P24Y
    granularity: str  # day, month, year, week, duration, ...
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None  # entity id or None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Flag:
    kind: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    confidence: float | None = None


@dataclass
class Report:
    id: str
    source: str | None = None
    url: str | None = None
    language: str | None = None
    published: str | None = None  # ISO date; from the input, else from the dateline
    title: str | None = None
    text: str = ""
    byline: str | None = None
    published_from: str | None = None  # "input", "dateline" or None
    ner: str | None = None  # the NER that ran: "hf:NAME", the trained pipeline's "NAME-VERSION", or None (rules only)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_doc(cls, doc, article) -> "Report":
        """Collect what the pipeline components left on the Doc's extensions."""
        x = doc._
        return cls(
            id=article.id,
            source=article.source or x.source,
            url=article.url,
            language=x.language,
            published=iso(x.published),
            title=article.title,
            text=doc.text,
            byline=article.byline or x.byline,
            published_from=x.published_from,
            entities=list(x.entities),
            dates=list(x.dates),
            quotes=list(x.quotes),
            events=list(x.events),
            flags=sorted(x.flags, key=lambda f: (f.start, f.kind)),
        )

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
