"""Bytes → text: detect the encoding, refuse what is not text, tidy what news sites add."""
from __future__ import annotations

import re

from charset_normalizer import from_bytes

from kabar.read.article import ReadError

# Lines that point to other articles ("Baca juga: ...") are not part of the story.
RELATED_LINK = re.compile(r"^\s*(baca|simak|lihat|tonton)\s+(juga|pula)\s*:", re.IGNORECASE)
# Control characters that never occur in text (tab, newline, carriage return, form feed do).
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode(data: bytes, origin: str) -> str:
    """The text of `data` in whatever encoding it was written; a ReadError for binary data."""
    if not data.strip():
        raise ReadError(f"{origin}: empty input")
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or not CONTROL.search(data[:4096].decode("latin-1")):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    legacy = _windows_1252(data)
    if legacy is not None:
        return legacy
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise ReadError(f"{origin}: binary data, not text")
    text = data.decode(best.encoding, errors="replace")
    if CONTROL.search(text[:4096]):
        raise ReadError(f"{origin}: binary data, not text")
    return text


def _windows_1252(data: bytes) -> str | None:
    """Latin-script news in a legacy encoding is nearly always Windows-1252, and a statistical
    guess on a few accented letters is unreliable (charset-normalizer picks cp775 for "Côte").
    Text that is mostly non-ASCII (Cyrillic, Greek, ...) is left to charset-normalizer."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    return text if non_ascii <= 0.05 * len(text) and not CONTROL.search(text) else None


def drop_related_links(text: str) -> str:
    """Remove "Baca juga: ..." lines and the blank lines they leave behind; other text is
    returned unchanged, so offsets into a plain file stay the file's own."""
    lines = text.split("\n")
    kept = [line for line in lines if not RELATED_LINK.match(line)]
    if len(kept) == len(lines):
        return text
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
