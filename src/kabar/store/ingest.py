"""Ingest: read inputs, analyse what is new or changed, store each report in its own transaction.

Idempotent: an article whose key and fingerprint are already stored is skipped before analysis;
one whose text or metadata changed is re-analysed and replaces the old rows. Resumable: a killed
run loses at most the articles in flight, and the next run picks them up. Analysis runs in
`jobs` worker processes; this process is the only writer. A pipeline that cannot be built (a
`ModelError`, e.g. a `ner_model` that does not load) stops the run: no article could be analysed.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from functools import partial

import kabar
from kabar.read import Article, ReadError
from kabar.report import Report
from kabar.store.identity import article_key, fingerprint
from kabar.store.store import Store


@dataclass
class IngestSummary:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    repeated: int = 0  # the same article twice in this run's inputs
    failed: int = 0
    seconds: float = 0.0
    stories: int | None = None  # stories with several articles, after re-clustering

    @property
    def stored(self) -> int:
        return self.new + self.changed

    def line(self) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        text = (f"{self.stored} stored ({self.new} new, {self.changed} changed), {self.unchanged} unchanged, "
                f"{self.repeated} repeated, {self.failed} failed in {self.seconds:.1f} s "
                f"({rate:.2f} articles/s analysed)")
        if self.stories is not None:
            text += f"; {self.stories} stories with several articles"
        return text


def ingest(inputs: Iterable[Article | ReadError], store: Store, jobs: int = 1, kb: str | None = None,
           published: dt.date | None = None, cluster: bool = True, ner_model: str | None = None,
           on_progress: Callable[[IngestSummary], None] | None = None,
           on_error: Callable[[str], None] | None = None) -> IngestSummary:
    """Store a report for every new or changed article in `inputs` (from `kabar.read.read_inputs`).
    `ner_model`: a Hugging Face token-classification model in place of the trained NER."""
    analyse = partial(kabar.analyze_article, kb=kb, ner_model=ner_model)  # picklable, for the workers
    summary = IngestSummary()
    started = time.perf_counter()
    known = store.known_fingerprints()
    seen: set[str] = set()

    def fail(message: str) -> None:
        summary.failed += 1
        if on_error:
            on_error(message)

    def todo() -> Iterable[tuple[Article, str, str]]:
        """The articles that need analysis, with their key and fingerprint."""
        for item in inputs:
            if isinstance(item, ReadError):
                fail(str(item))
            elif (key := article_key(item)) in seen:
                summary.repeated += 1
            else:
                seen.add(key)
                if published and not item.published:
                    item.published = published
                fp = fingerprint(item)
                if known.get(key) == fp:
                    summary.unchanged += 1
                else:
                    yield item, key, fp
            if on_progress:
                on_progress(summary)

    def save(article: Article, key: str, fp: str, result: Report | BaseException) -> None:
        if isinstance(result, BaseException):
            from kabar.nlp.model import ModelError  # spaCy is loaded by then

            if isinstance(result, ModelError):
                raise result
            where = article.origin or article.id
            fail(str(result) if str(result).startswith(where) else f"{where}: {result}")
        else:
            store.save_report(result, fp, key=key)
            if key in known:
                summary.changed += 1
            else:
                summary.new += 1
        if on_progress:
            on_progress(summary)

    if jobs <= 1:
        for article, key, fp in todo():
            try:
                result = analyse(article)
            except Exception as err:  # one bad article never stops the ingest
                result = err
            save(article, key, fp, result)
    else:
        _ingest_parallel(todo(), jobs, analyse, save)

    if cluster and (summary.stored or store.has_unclustered()):
        summary.stories = store.update_stories()
    summary.seconds = time.perf_counter() - started
    return summary


def _ingest_parallel(todo, jobs: int, analyse: Callable[[Article], Report], save) -> None:
    # "spawn": workers start clean, whatever threads (progress display) this process runs.
    pending: dict[Future, tuple[Article, str, str]] = {}
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        try:
            for article, key, fp in todo:
                pending[pool.submit(analyse, article)] = (article, key, fp)
                if len(pending) >= 4 * jobs:  # bounded: memory stays flat on huge corpora
                    _drain(pending, save, FIRST_COMPLETED)
            _drain(pending, save, ALL_COMPLETED)
        except BaseException:  # a stopped run (ModelError, Ctrl-C) leaves the queued articles unanalysed
            pool.shutdown(cancel_futures=True)
            raise


def _drain(pending: dict, save, return_when: str) -> None:
    done, _ = wait(list(pending), return_when=return_when)
    for future in done:
        article, key, fp = pending.pop(future)
        error = future.exception()
        save(article, key, fp, error if error else future.result())


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
