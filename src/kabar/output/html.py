"""One self-contained HTML page for one or more reports."""
from __future__ import annotations

from html import escape

from kabar.report import Report


def render_html_page(reports: list[Report]) -> str:
    body = "".join(f"<article><h1>{escape(r.title or r.id)}</h1><pre>{escape(r.text)}</pre></article>" for r in reports)
    return f"<!doctype html><html lang=id><meta charset=utf-8><title>kabar report</title><body>{body}</body></html>"
