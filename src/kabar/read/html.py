"""HTML page → Article: the story's main text and the page's metadata, via trafilatura
(it drops navigation, sidebars and comments and reads title, author, date and site name)."""
from __future__ import annotations

import datetime as dt

from kabar.read.article import Article, ReadError
from kabar.read.text import drop_related_links


def article_from_html(html: str, origin: str, url: str | None = None) -> Article:
    import trafilatura  # here, not at import: loading it takes half a second

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_recall=True,
        # the page's own date markup only: a date guessed from the body text is the dateline's
        # job (kabar_metadata), which says where it came from
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        raise ReadError(f"{origin}: no article text found in the HTML")
    lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
    if lines and doc.title and lines[0] == doc.title.strip():
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    text = drop_related_links("\n\n".join(lines))
    if not text:
        raise ReadError(f"{origin}: no article text found in the HTML")
    return Article(
        text=text,
        title=doc.title or None,
        published=_date(doc.date),
        url=url or doc.url or None,
        source=doc.sitename or None,
        byline=doc.author or None,
        origin=origin,
    )


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
