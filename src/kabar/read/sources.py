"""Dispatch an input spec (path, folder, "-", URL) to the reader that knows its format."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from kabar.read.article import Article, ReadError
from kabar.read.corpus import read_json, read_jsonl
from kabar.read.html import article_from_html
from kabar.read.text import decode, drop_related_links
from kabar.read.web import is_url, read_url

MAX_BYTES = 5_000_000  # one article; corpora (JSONL, IndoSum) are read line by line
HTML_SUFFIXES = {".html", ".htm"}
FOLDER_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".json"}
# A corpus folder's own documentation is not news: skipped when walking a folder.
FOLDER_DOCS = {"readme", "changelog", "license", "licence", "notice", "authors", "copying"}


def read_inputs(specs: list[str], allow_private: bool = False, max_bytes: int = MAX_BYTES) -> Iterator[Article | ReadError]:
    """Yield one Article per document in the inputs, in order, or a ReadError for an input (or a
    corpus record) that fails; a bad input never stops the others."""
    for spec in specs:
        try:
            if spec == "-":
                yield article_from_bytes(sys.stdin.buffer.read(max_bytes + 1), "-", max_bytes)
            elif is_url(spec):
                yield read_url(spec, max_bytes, allow_private)
            else:
                yield from read_path(Path(spec), max_bytes)
        except ReadError as err:
            yield err
        except OSError as err:
            yield ReadError(f"{spec}: {err.strerror or err}")


def read_path(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Article | ReadError]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES
                       and p.stem.lower().split("_")[0] not in FOLDER_DOCS)
        if not files:
            yield ReadError(f"{path}: folder has no .txt, .html, .htm, .jsonl or .json files")
        for file in files:
            try:
                yield from read_path(file, max_bytes)
            except ReadError as err:
                yield err
            except OSError as err:
                yield ReadError(f"{file}: {err.strerror or err}")
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path)
        return
    if path.stat().st_size > max_bytes:
        hint = " (write large corpora as JSON Lines, one article per line)" if suffix == ".json" else ""
        raise ReadError(f"{path}: larger than the {max_bytes:,}-byte size cap{hint}")
    if suffix == ".json":
        yield from read_json(path)
    else:
        yield article_from_bytes(path.read_bytes(), str(path), max_bytes, html=suffix in HTML_SUFFIXES)


def article_from_bytes(data: bytes, origin: str, max_bytes: int = MAX_BYTES, html: bool | None = None) -> Article:
    """A plain-text or HTML document (HTML is recognised by its start when not told)."""
    if len(data) > max_bytes:
        raise ReadError(f"{origin}: larger than the {max_bytes:,}-byte size cap")
    text = decode(data, origin)
    if html is None:
        html = text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    if html:
        return article_from_html(text, origin)
    text = drop_related_links(text)
    if not text.strip():
        raise ReadError(f"{origin}: empty input")
    return Article(text=text, origin=origin)
