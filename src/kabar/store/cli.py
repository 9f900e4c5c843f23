"""`kabar ingest`, `kabar events`, `kabar export`, `kabar counts`, `kabar stories`: the corpus
from the command line."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from kabar.nlp.ner_option import NER_MODEL_OPTION

DB_OPTION = typer.Option("kabar.db", "--db", envvar="KABAR_DB",
                         help="SQLite file or postgresql:// URL ($KABAR_DB).")


def _open(db: str, must_exist: bool = True):
    from kabar.store import Store, StoreError

    if must_exist and "://" not in db and not Path(db).exists():
        _fail(f"{db}: no such database; fill one with `kabar ingest PATH --db {db}`")
    try:
        return Store.open(db)
    except StoreError as err:
        _fail(str(err))


def _fail(message: str):
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, folders, JSONL/IndoSum corpora, URLs, RSS/Atom feeds."),
    db: str = DB_OPTION,
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes for analysis (0: one per core, at most 8)."),
    kb: Optional[Path] = typer.Option(None, help="Knowledge base file for linking and name checks."),
    published: Optional[str] = typer.Option(None, help="Published date (YYYY-MM-DD) for inputs that have none."),
    allow_private: bool = typer.Option(False, help="Allow URLs on private or loopback addresses."),
    stories: bool = typer.Option(True, help="Re-cluster articles into stories at the end."),
    ner_model: Optional[str] = NER_MODEL_OPTION,
) -> None:
    """Analyse articles and store their reports (skips unchanged ones; safe to interrupt and rerun)."""
    import sqlalchemy as sa

    import kabar
    from kabar.kb.search import KB, KBError
    from kabar.nlp.model import ModelError
    from kabar.read.feeds import read_inputs_with_feeds
    from kabar.store.ingest import default_jobs, ingest as run_ingest
    from kabar.store.progress import IngestProgress

    try:
        published_date = kabar._as_date(published) if published else None
        if kb is not None:  # before the workers load the model, each for nothing
            KB.check(kb)
    except (ValueError, KBError) as err:
        _fail(str(err))
    store = _open(db, must_exist=False)
    inputs_iter = read_inputs_with_feeds(inputs, allow_private=allow_private)
    try:
        with IngestProgress() as progress:
            summary = run_ingest(inputs_iter, store, jobs=jobs or default_jobs(), kb=str(kb) if kb else None,
                                 published=published_date, cluster=stories, ner_model=ner_model,
                                 on_progress=progress.update, on_error=progress.error)
    except sa.exc.OperationalError as err:  # the database went away mid-run; a rerun resumes
        _fail(f"{db}: database error ({err.orig}); run the same command again to resume")
    except ModelError as err:  # the pipeline cannot be built: no article can be analysed
        _fail(str(err))
    typer.echo(f"kabar ingest: {summary.line()} → {db}", err=True)
    if summary.failed:
        raise typer.Exit(1)


events_app = typer.Typer(help="Query the stored events.", invoke_without_command=True, no_args_is_help=False)


@events_app.callback()
def events(
    ctx: typer.Context,
    db: str = DB_OPTION,
    actor: Optional[str] = typer.Option(None, help="Actor code (RUS, 'IDN GOV'), entity name or KB id, either side."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. AGREE."),
    since: Optional[str] = typer.Option(None, help="First day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Last day (YYYY-MM-DD)."),
    limit: int = typer.Option(50, help="At most this many events (1000 at most)."),
    offset: int = typer.Option(0, help="Skip this many first."),
    format: str = typer.Option("text", "--format", "-f", help="text or json (JSON Lines)."),
) -> None:
    """List stored events, filtered by actor, type and dates (oldest first)."""
    if ctx.invoked_subcommand:  # e.g. `kabar events explain ...`
        return
    store = _open(db)
    try:
        page = store.list_events(actor=actor, type=type, since=since, until=until, limit=limit, offset=offset)
    except ValueError as err:
        _fail(str(err))
    if format == "json":
        for item in page["items"]:
            sys.stdout.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
        return
    if format != "text":
        _fail(f"unknown format {format!r}; choose text or json")
    for e in page["items"]:
        side = lambda name, code: f"{name or '?'}" + (f" [{code}]" if code else "")  # noqa: E731
        marks = "".join((" (negated)" if e["negated"] else "", " (hypothetical)" if e["hypothetical"] else ""))
        typer.echo(f"{e['date'] or e['published'] or '?':<10}  {e['type'] or '?':<9} "
                   f"{side(e['source_name'], e['source_actor'])} → {side(e['target_name'], e['target_actor'])}"
                   f"{marks}  «{e['trigger_text'] or ''}»  article {e['article_id']}: {e['article_title'] or ''}")
    typer.echo(f"{page['total']} events match; showing {len(page['items'])} from {offset}.", err=True)


def export(
    db: str = DB_OPTION,
    format: str = typer.Option("csv", "--format", "-f", help="csv, parquet, jsonl or plover (PLOVER JSON Lines)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (stdout when left out; parquet needs one)."),
    reports: bool = typer.Option(False, help="Export whole reports (JSON Lines) instead of events."),
    actor: Optional[str] = typer.Option(None, help="Only events with this actor (code, name or KB id)."),
    type: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER event type."),
    since: Optional[str] = typer.Option(None, help="First day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Last day (YYYY-MM-DD)."),
) -> None:
    """Export the events (or, with --reports, whole reports) of the corpus."""
    from kabar.store import export as ex

    if format not in ex.FORMATS:
        _fail(f"unknown format {format!r}; choose one of {', '.join(ex.FORMATS)}")
    if reports and format != "jsonl":
        _fail("--reports exports JSON Lines only: add --format jsonl")
    if format == "parquet" and output is None:
        _fail("parquet is binary: give a file with --output")
    store = _open(db)
    try:
        rows = store.iter_events(actor=actor, type=type, since=since, until=until)
        if format == "parquet":
            n = ex.write_parquet(rows, str(output))
        else:
            out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                if reports:
                    n = ex.write_jsonl(store.iter_reports(), out)
                elif format == "csv":
                    n = ex.write_csv(rows, out)
                elif format == "plover":
                    n = ex.write_jsonl(ex.plover_records(store, rows), out)
                else:
                    n = ex.write_jsonl(rows, out)
            finally:
                if output:
                    out.close()
    except ValueError as err:
        _fail(str(err))
    except OSError as err:
        _fail(f"{output}: {err.strerror or err}")
    typer.echo(f"kabar export: {n} {'reports' if reports else 'events'} written"
               + (f" to {output}" if output else ""), err=True)


def counts(
    db: str = DB_OPTION,
    actor: Optional[str] = typer.Option(None, help="Only events with this actor (code, name or KB id)."),
    type: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER event type."),
    since: Optional[str] = typer.Option(None, help="First day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Last day (YYYY-MM-DD)."),
    format: str = typer.Option("text", "--format", "-f", help="text, csv or json (JSON Lines)."),
) -> None:
    """Events per actor pair and month (n_stories counts a story told by many articles once)."""
    store = _open(db)
    try:
        rows = store.counts_by_actor_pair_month(actor=actor, type=type, since=since, until=until)
    except ValueError as err:
        _fail(str(err))
    fields = ["month", "source", "target", "n_events", "n_articles", "n_stories"]
    if format == "json":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif format == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    elif format == "text":
        typer.echo(f"{'month':<8} {'source':<28} {'target':<28} {'events':>6} {'articles':>8} {'stories':>7}")
        for r in rows:
            typer.echo(f"{r['month'] or '?':<8} {(r['source'] or '?')[:28]:<28} {(r['target'] or '?')[:28]:<28} "
                       f"{r['n_events']:>6} {r['n_articles']:>8} {r['n_stories']:>7}")
    else:
        _fail(f"unknown format {format!r}; choose text, csv or json")


def stories(
    db: str = DB_OPTION,
    min_articles: int = typer.Option(2, help="Only stories told by at least this many articles."),
    limit: int = typer.Option(20, help="At most this many stories (1000 at most)."),
    format: str = typer.Option("text", "--format", "-f", help="text or json (JSON Lines)."),
) -> None:
    """Stories: articles about the same story grouped across outlets, largest first."""
    store = _open(db)
    page = store.stories(min_articles=min_articles, limit=limit)
    if format == "json":
        for item in page["items"]:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
        return
    if format != "text":
        _fail(f"unknown format {format!r}; choose text or json")
    for story in page["items"]:
        typer.echo(f"story {story['story_id']}: {story['n_articles']} articles from {story['n_sources']} outlets, "
                   f"{story['first_published'] or '?'} to {story['last_published'] or '?'}: {story['label'] or ''}")
        for a in story["articles"]:
            typer.echo(f"    {a['published'] or '?':<10}  {a['source'] or '?':<16}  article {a['article_id']}"
                       f"{': ' + a['title'] if a['title'] else ''}")
    typer.echo(f"{page['total']} stories with at least {min_articles} articles; showing {len(page['items'])}.", err=True)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the `kabar` app."""
    app.command()(ingest)
    app.add_typer(events_app, name="events")
    app.command()(export)
    app.command()(counts)
    app.command()(stories)
