"""A readable report in the terminal (rich)."""
from __future__ import annotations

from typing import TextIO

from rich.console import Console

from kabar.report import Report


def render_text(report: Report, out: TextIO) -> None:
    console = Console(file=out, highlight=False)
    console.rule(f"[bold]{report.title or report.id}")
    console.print(f"language: {report.language}  published: {report.published}  source: {report.source}")
    for e in report.entities:
        console.print(f"  {e.type:7} {e.name}" + (f"  ({', '.join(e.titles)})" if e.titles else ""))
    for f in report.flags:
        console.print(f"  [red]{f.kind}[/red] {f.text!r}: {f.message}")
