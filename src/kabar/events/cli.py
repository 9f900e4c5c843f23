"""`kabar events explain "sentence"`: show how each event was coded (trigger, rule, parse).

Registered under the `kabar events` group, whose default action (querying stored events)
belongs to the store."""
from __future__ import annotations

import json
from typing import Optional

import typer


def explain(
    text: str = typer.Argument(..., help="An Indonesian sentence or short text; '-' reads stdin."),
    published: Optional[str] = typer.Option(None, help="Published date (YYYY-MM-DD) for events without their own date."),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Show the triggers, actors, rules and parse behind each event coded in TEXT."""
    import sys

    import kabar
    from kabar.events.coder import Coder
    from kabar.nlp.pipeline import DEFAULT_PIPELINE, build_nlp

    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        raise typer.BadParameter("the text to explain is empty")
    if format not in ("text", "json"):
        raise typer.BadParameter(f"unknown format {format!r}; choose text or json")
    try:
        day = kabar._as_date(published)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
    steps = [p for p in DEFAULT_PIPELINE if p != "kabar_events"]
    nlp = build_nlp("id", pipeline=steps)
    doc = nlp.make_doc(text)
    doc._.language, doc._.published = "id", day
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    explanations = Coder().code(doc, explain=True)
    if format == "json":
        typer.echo(json.dumps([e.__dict__ for e in explanations], ensure_ascii=False, indent=2))
        return
    for exp in explanations:
        typer.echo(f"sentence: {exp.sentence.strip()}")
        typer.echo("  actors: " + ("; ".join(exp.actors) or "(none)"))
        if exp.parse:
            typer.echo("  parse: " + " ".join(exp.parse))
        for trace in exp.traces:
            typer.echo("  " + trace[0])
            for line in trace[1:]:
                typer.echo("    - " + line)
        for ev in exp.events:
            flags = [f for f in ("negated", "hypothetical") if ev[f]]
            typer.echo(f"  => {ev['type']} (CAMEO {ev['cameo']}{', ' + ev['mode'] if ev['mode'] else ''}): "
                       f"{ev['source_text'] or '?'} [{ev['source_actor'] or '-'}] -> "
                       f"{ev['target_text'] or '?'} [{ev['target_actor'] or '-'}]"
                       f"{' at ' + ev['location_text'] if ev['location_text'] else ''}"
                       f", date {ev['date'] or '?'} ({ev['date_from'] or '-'})"
                       f"{', ' + ', '.join(flags) if flags else ''}, confidence {ev['confidence']}")
        if not exp.traces:
            typer.echo("  no trigger from the lexicon in this sentence")
