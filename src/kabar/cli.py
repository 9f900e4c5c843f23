"""The `kabar` command. Thin: parses options, calls the stages, prints."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from kabar.events.cli import explain as explain_events
from kabar.kb import default_path as default_kb_path
from kabar.kb.cli import kb_app
from kabar.nlp.ner_option import NER_MODEL_OPTION
from kabar.store.cli import events_app, register as register_store
from kabar.training.cli import evaluate_app, train
from kabar.web.cli import serve

app = typer.Typer(help="kabar: read news, get entities, dates, quotes, events and flags.", no_args_is_help=True)


@app.callback()
def main() -> None:
    """kabar: read news, get entities, dates, quotes, events and flags."""


@app.command()
def analyze(
    inputs: list[str] = typer.Argument(..., help="Files, folders, URLs, JSONL or IndoSum corpora; '-' for stdin."),
    format: str = typer.Option("text", "--format", "-f", help="text, json (JSON Lines) or html."),
    published: Optional[str] = typer.Option(None, help="Published date (YYYY-MM-DD) when the input has none."),
    kb: Optional[Path] = typer.Option(None, help="Knowledge base file for linking and name checks "
                                      "[default: the KB in the user data dir, when one was built there]."),
    allow_private: bool = typer.Option(False, help="Allow URLs on private or loopback addresses."),
    skip_check: list[str] = typer.Option([], "--skip-check", help="Switch off one check (repeatable), e.g. broken_sentence."),
    limit: Optional[int] = typer.Option(None, min=1, help="Analyse at most N articles (e.g. the first 50 of a corpus)."),
    ner_model: Optional[str] = NER_MODEL_OPTION,
) -> None:
    """Analyse articles and print a report for each."""
    import kabar
    from kabar.output import render

    if format not in render.FORMATS:
        raise typer.BadParameter(f"unknown format {format!r}; choose one of {', '.join(render.FORMATS)}")
    try:
        published_date = kabar._as_date(published) if published else None
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--published") from None
    from kabar.checks import CHECKS

    unknown = sorted(set(skip_check) - set(CHECKS))
    if unknown:
        raise typer.BadParameter(f"unknown check(s) {', '.join(unknown)}; known: {', '.join(sorted(CHECKS))}",
                                 param_hint="--skip-check")
    from kabar.nlp.model import ModelError

    if kb is None and default_kb_path().exists():
        kb = default_kb_path()
    if kb is not None:  # a KB that cannot be opened stops here, before the model loads for each article
        from kabar.kb.search import KB, KBError

        try:
            KB.check(kb)
        except KBError as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(2) from None
    failures = 0
    reports = []
    analysed = 0
    for item in kabar.read.read_inputs(inputs, allow_private=allow_private):
        if limit is not None and analysed >= limit:
            break
        if isinstance(item, kabar.ReadError):
            failures += 1
            typer.echo(f"error: {item}", err=True)
            continue
        if published_date and not item.published:
            item.published = published_date
        try:
            analysed += 1
            report = kabar.analyze_article(item, kb=str(kb) if kb else None, skip_checks=skip_check,
                                           ner_model=ner_model)
        except ModelError as err:  # the pipeline cannot be built: no article can be analysed
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(2) from None
        except kabar.UnsupportedLanguage as err:
            failures += 1
            typer.echo(f"error: {err}", err=True)
            continue
        except Exception as err:  # a bug on one article must not lose the others' reports
            failures += 1
            typer.echo(f"error: {item.origin or item.id}: analysis failed ({type(err).__name__}: {err})", err=True)
            continue
        if format == "html":
            reports.append(report)
        else:
            render.write(report, format, sys.stdout)
    if format == "html" and reports:
        sys.stdout.write(render.html_page(reports))
    if failures:
        raise typer.Exit(1)


# The other commands live beside the stage they drive; each module keeps its heavy imports
# inside its commands, so `kabar --help` stays quick.
app.command()(serve)                                  # kabar serve: API and web UI
app.command("train")(train)                           # rebuild the shipped model
app.add_typer(evaluate_app, name="evaluate")          # score a model on a test set
register_store(app)                                   # ingest, events, export, counts, stories
events_app.command("explain")(explain_events)         # kabar events explain "..."
app.add_typer(kb_app, name="kb")                      # kabar kb build/pull/search/stats
