"""One self-contained HTML page (no external assets, no scripts) for one or more Reports.
Jinja autoescaping escapes every piece of article text, so an article can never inject markup;
a Content-Security-Policy forbids scripts as a second guard."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from jinja2 import Environment

from kabar.output.view import ENTITY_TYPES, Lines, cell, event_rows, segments, speaker_name
from kabar.report import Quote, Report


@dataclass
class ReportView:
    """A Report plus what the template needs computed (highlight segments, line numbers)."""
    report: Report

    def __post_init__(self):
        self.segments = segments(self.report)
        self.events = event_rows(self.report)
        self._lines = Lines(self.report.text)
        url = self.report.url or ""
        self.url = url if url.lower().startswith(("http://", "https://")) else "#"

    def line(self, offset: int) -> int:
        return self._lines.of(offset)

    def speaker(self, quote: Quote) -> str | None:
        return speaker_name(self.report, quote)

    cell = staticmethod(cell)


@lru_cache(maxsize=1)
def _template():
    source = resources.files("kabar.output").joinpath("templates/report.html").read_text(encoding="utf-8")
    return Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string(source)


def render_html_page(reports: list[Report]) -> str:
    return _template().render(reports=[ReportView(r) for r in reports], types=(*ENTITY_TYPES, "DATE"))
