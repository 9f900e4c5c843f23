"""The one shape every input takes before NLP: plain text plus what we know about it."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


class ReadError(Exception):
    """An input that cannot be turned into an Article; the message names the input."""


@dataclass
class Article:
    text: str
    id: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    byline: str | None = None
    collected: dt.date | None = None  # when a corpus collected it: an upper bound on `published`
    origin: str | None = None  # where it was read from (path, URL, "-"), for error messages
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        # One line-break convention, so character offsets mean the same for every input
        # (Windows files, browser forms and JSON corpora alike).
        self.text = self.text.replace("\r\n", "\n").replace("\r", "\n")
        if self.id is None:
            self.id = hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:16]
