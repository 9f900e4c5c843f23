"""Paging: every list answer is `{total, limit, offset, next, previous, items}`, where `next` and
`previous` are ready-to-follow URLs (same filters, moved offset) or null."""
from __future__ import annotations

from typing import Any

from fastapi import Query, Request

MAX_LIMIT = 200


class Page:
    """limit/offset taken from the query string, bounded so one request stays cheap."""

    def __init__(
        self,
        limit: int = Query(20, ge=1, le=MAX_LIMIT, description=f"items per page (1..{MAX_LIMIT})"),
        offset: int = Query(0, ge=0, le=10_000_000, description="items to skip"),
    ):
        self.limit, self.offset = limit, offset


def envelope(request: Request, page: Page, found: dict[str, Any] | list[Any]) -> dict[str, Any]:
    """`found` is the store's answer: {"total", "items"}, or a bare list when the store gives no
    total (then `total` is null and `next` appears while pages come back full)."""
    if isinstance(found, dict):
        items, total = found["items"], found["total"]
        more = page.offset + page.limit < total
    else:
        items, total = found, None
        more = len(items) == page.limit

    def link(offset: int) -> str:
        return str(request.url.include_query_params(limit=page.limit, offset=offset))

    nxt = link(page.offset + page.limit) if more else None
    prev = link(max(page.offset - page.limit, 0)) if page.offset > 0 else None
    return {"total": total, "limit": page.limit, "offset": page.offset, "next": nxt, "previous": prev, "items": items}
