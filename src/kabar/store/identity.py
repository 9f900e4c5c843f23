"""What makes two inputs "the same article" (its key) and "unchanged" (its fingerprint).

The key is the most stable name the input has: the id a corpus gives it, else its URL, else
the file it came from, else its text hash. The fingerprint covers the text and metadata, so a
changed article keeps its key (and its database id) but gets re-analysed.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

from kabar.read import Article


def _text_hash_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]  # Article's default id


MAX_KEY = 400  # unique keys stay short enough for any database index


def bounded(key: str) -> str:
    if len(key) <= MAX_KEY:
        return key
    return key[:MAX_KEY - 41] + "#" + hashlib.sha1(key.encode("utf-8")).hexdigest()


def article_key(article: Article) -> str:
    if article.id and article.id != _text_hash_id(article.text):
        return bounded(f"id:{article.id}")
    if article.url:
        return bounded(f"url:{article.url}")
    if article.origin and article.origin != "-" and Path(article.origin).exists():
        return bounded(f"file:{Path(article.origin).resolve()}")
    return bounded(f"id:{article.id}")


def fingerprint(article: Article) -> str:
    meta = [article.title, article.published and article.published.isoformat(), article.url,
            article.source, article.byline]
    payload = json.dumps([article.text, meta], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def fold(name: str) -> str:
    """Lowercase ASCII with single spaces: how entity names are compared and searched."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(ascii_name.lower().split())


def entity_key(name: str, type_: str, kb_id: str | None) -> str:
    """Corpus-wide identity of an entity: its KB id when linked, else type + folded name."""
    return bounded(f"kb:{kb_id}" if kb_id else f"{type_}:{fold(name)}")
