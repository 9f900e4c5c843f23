"""The ingest progress line on stderr (rich): articles read, stored, unchanged, failed, rate.
The total is unknown up front (inputs are streamed), so it counts rather than fills a bar."""
from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn


class IngestProgress:
    def __init__(self):
        self.console = Console(stderr=True)
        self.progress = Progress(TextColumn("ingest"), BarColumn(), TextColumn("{task.description}"),
                                 TimeElapsedColumn(), console=self.console, transient=True)
        self.task = self.progress.add_task("", total=None)
        self.started = time.perf_counter()

    def __enter__(self):
        self.progress.start()
        return self

    def __exit__(self, *exc):
        self.progress.stop()

    def update(self, summary) -> None:
        elapsed = time.perf_counter() - self.started
        rate = summary.stored / elapsed if elapsed else 0.0
        self.progress.update(self.task, description=(
            f"{summary.stored} stored, {summary.unchanged} unchanged, {summary.failed} failed "
            f"({rate:.1f}/s)"))

    def error(self, message: str) -> None:
        self.console.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
