"""RSS and Atom feeds: each entry's page is fetched and read as an article, with the feed's
title, date and link filling what the page lacks. A feed is a `.rss`, `.atom` or `.xml` file,
or a URL whose body turns out to be a feed (other URLs are read as pages, from the same fetch).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from kabar.read.article import Article, ReadError
from kabar.read.sources import MAX_BYTES, article_from_bytes, read_inputs
from kabar.read.web import fetch, is_url

FEED_SUFFIXES = {".rss", ".atom", ".xml"}


def read_inputs_with_feeds(specs: list[str], allow_private: bool = False,
                           max_bytes: int = MAX_BYTES) -> Iterator[Article | ReadError]:
    """Like `read_inputs`, and feeds become their entries' articles."""
    for spec in specs:
        try:
            if is_url(spec):
                body, content_type, final = fetch(spec, max_bytes, allow_private)
                if _is_feed(body, content_type):
                    yield from feed_articles(body, spec, allow_private, max_bytes)
                else:
                    article = article_from_bytes(body, spec, max_bytes)
                    article.url = article.url or final
                    yield article
            elif Path(spec).suffix.lower() in FEED_SUFFIXES and Path(spec).is_file():
                yield from feed_articles(Path(spec).read_bytes(), spec, allow_private, max_bytes)
            else:
                yield from read_inputs([spec], allow_private=allow_private, max_bytes=max_bytes)
        except ReadError as err:
            yield err
        except OSError as err:
            yield ReadError(f"{spec}: {err.strerror or err}")


def _is_feed(body: bytes, content_type: str) -> bool:
    if any(kind in content_type for kind in ("rss", "atom")):
        return True
    head = body[:500].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def feed_articles(body: bytes, origin: str, allow_private: bool = False,
                  max_bytes: int = MAX_BYTES) -> Iterator[Article | ReadError]:
    import feedparser

    feed = feedparser.parse(body)
    if not feed.version:
        raise ReadError(f"{origin}: not an RSS or Atom feed")
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        if not link:
            yield ReadError(f"{origin}: entry {number} has no link")
            continue
        try:
            page, _, final = fetch(link, max_bytes, allow_private)
            article = article_from_bytes(page, link, max_bytes)
        except ReadError as err:
            yield err
            continue
        article.url = article.url or final
        article.title = article.title or entry.get("title")
        article.source = article.source or outlet
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if article.published is None and stamp:
            article.published = dt.date(*stamp[:3])
        yield article
