"""Dispatch an input spec (path, "-", URL) to the reader that knows its format."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from kabar.read.article import Article, ReadError

MAX_BYTES = 5_000_000  # one article; corpora (JSONL, IndoSum) are read line by line


def read_text_file(path: Path) -> Article:
    data = path.read_bytes()
    return Article(text=data.decode("utf-8"), origin=str(path))


def read_inputs(specs: list[str], **options) -> Iterator[Article | ReadError]:
    """Yield one Article per document in the inputs, or a ReadError for an input that fails;
    a bad input never stops the others."""
    for spec in specs:
        try:
            if spec == "-":
                yield Article(text=sys.stdin.read(), origin="-")
            else:
                yield read_text_file(Path(spec))
        except ReadError as err:
            yield err
        except OSError as err:
            yield ReadError(f"{spec}: {err.strerror or err}")
