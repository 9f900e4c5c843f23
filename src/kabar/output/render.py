"""Pick the renderer for a format."""
from __future__ import annotations

from typing import TextIO

from kabar.output.jsonl import render_json
from kabar.output.text import render_text
from kabar.output.html import render_html_page
from kabar.report import Report

FORMATS = ("text", "json", "html")


def write(report: Report, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(render_json(report) + "\n")
    elif fmt == "text":
        render_text(report, out)


def html_page(reports: list[Report]) -> str:
    return render_html_page(reports)
