"""A readable report in the terminal (rich): the text with numbered lines and entity mentions
coloured by type, then entities, dates, quotes, events and flags (with their line numbers)."""
from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kabar.output.view import Lines, event_rows, segments, speaker_name
from kabar.report import Report

STYLES = {
    "PERSON": "bold cyan", "ORG": "bold magenta", "GPE": "bold green", "LOC": "green",
    "EVENT": "bold yellow", "OTHER": "bold", "DATE": "underline blue",
}


def render_text(report: Report, out: TextIO, width: int | None = None, color: bool | None = None) -> None:
    """`color` forces colours on (True) or off (False); None lets rich ask the terminal."""
    console = Console(file=out, highlight=False, width=width, force_terminal=color, no_color=True if color is False else None)
    console.rule(Text(report.title or report.id, style="bold"))
    meta = [f"{k}: {v}" for k, v in (
        ("source", report.source), ("byline", report.byline), ("url", report.url), ("language", report.language),
        ("published", f"{report.published} ({report.published_from})" if report.published_from else report.published),
    ) if v]
    console.print(Text("  ".join(meta), style="dim"), soft_wrap=True)
    console.print(_numbered_text(report))
    lines = Lines(report.text)

    if report.entities:
        table = Table(title="Entities", title_justify="left", show_edge=False)
        for column in ("type", "name", "titles", "kb id", "mentions"):
            table.add_column(column)
        for e in report.entities:
            table.add_row(Text(e.type, style=STYLES.get(e.type, "bold")), *_plain(e.name, "; ".join(e.titles), e.kb_id or "", str(len(e.mentions))))
        console.print(table)
    if report.dates:
        table = Table(title="Dates", title_justify="left", show_edge=False)
        for column in ("line", "text", "value", "granularity"):
            table.add_column(column)
        for d in report.dates:
            table.add_row(*_plain(str(lines.of(d.start)), d.text, d.value or "?", d.granularity))
        console.print(table)
    if report.quotes:
        console.print(Text("Quotes", style="italic"))
        rows = []
        for q in report.quotes:
            who = speaker_name(report, q)
            rows.append((lines.of(q.start), Text.assemble((who or "(unknown speaker)", "bold cyan" if who else "dim"), ": ", q.text)))
        console.print(_listing(rows))
    if report.events:
        console.print(Text("Events", style="italic"))
        rows = []
        for row in event_rows(report):
            line = row.pop("line", "")
            rows.append((line, Text("  ".join(f"{k}: {v}" for k, v in row.items() if v))))
        console.print(_listing(rows))
    if report.flags:
        console.print(Text(f"Flags ({len(report.flags)})", style="bold red"))
        rows = []
        for f in report.flags:
            entry = Text.assemble((f.kind, "bold red"), f" {f.text!r}: {f.message}")
            if f.suggestion:
                entry.append(f"\nsuggestion: {f.suggestion}", style="green")
            rows.append((lines.of(f.start), entry))
        console.print(_listing(rows))
    else:
        console.print(Text("No flags.", style="dim"))


def _listing(rows: list[tuple[int | str, Text]]) -> Table:
    """"L12  entry" rows; long entries wrap under themselves, not under the line number."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", justify="right")
    grid.add_column(overflow="fold")
    for line, entry in rows:
        grid.add_row(f"  L{line}" if line != "" else "", entry)
    return grid


def _plain(*values: str) -> list[Text]:
    """Table cells as Text, so brackets in article text are never read as rich markup."""
    return [Text(v) for v in values]


def _numbered_text(report: Report) -> Table:
    """The article with mentions coloured, each line beside its number (wrapped lines indent)."""
    body = Text()
    for seg in segments(report):
        body.append(seg.text, style=STYLES.get(seg.kind, "") if seg.kind else "")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", justify="right")
    grid.add_column(overflow="fold")
    for number, line in enumerate(body.split("\n", allow_blank=True), start=1):
        grid.add_row(str(number), line)
    return grid
