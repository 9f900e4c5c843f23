"""`kabar kb ...`: build, pull, search and describe the knowledge base."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from kabar.kb import KB, KBError, KBImportError, build, default_path

kb_app = typer.Typer(help="The knowledge base: build it, pull from Wikidata, search it.", no_args_is_help=True)
KB_OPTION = typer.Option(None, "--kb", help="Knowledge base file (default: the user's data dir).")


def _open(kb: Optional[Path]) -> KB:
    try:
        return KB(kb or default_path())
    except KBError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)


@kb_app.command("build")
def build_cmd(
    out: Path = typer.Argument(..., help="The KB file to write (replaced when the build succeeds)."),
    sources: list[str] = typer.Argument(..., help="PATH, TYPE=PATH (kabar, cia, wikidata, wikidata-dump, "
                                                  "id-politicians, events) or a built-in: countries, cities; "
                                                  "@YYYY[-MM[-DD]] at the end gives the date a source describes."),
) -> None:
    """Build a knowledge base from sources."""
    try:
        counts = build(out, sources)
    except KBImportError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)
    for name, n in counts.items():
        typer.echo(f"{n:>8} rows  {name}")
    base = KB(out)
    stats = base.stats()
    typer.echo(f"{stats['entities']} entities, {stats['names']} names, {stats['positions']} positions -> {out}")
    events, unresolved = base.db.execute("SELECT count(*), count(*) - count(actor_id) FROM event").fetchone()
    if events:
        typer.echo(f"{events} events" + (f"; warning: {unresolved} name an actor the KB does not have, "
                                         "so no article is checked against them" if unresolved else ""))


@kb_app.command("pull")
def pull_cmd(
    out: Path = typer.Option(None, help="Where to write the SPARQL JSON (default: data dir)."),
    kb: Optional[Path] = typer.Option(None, "--kb", help="Also build this KB from the pulled file, countries and cities."),
    since: int = typer.Option(2000, help="Skip offices that ended before this year."),
    endpoint: str = typer.Option(None, help="SPARQL endpoint (default: query.wikidata.org)."),
    cache: Path = typer.Option(None, help="Cache folder for answered queries (default: user cache dir)."),
    page_size: int = typer.Option(5000, help="Rows per request."),
) -> None:
    """Fetch the politics preset (heads of state and government, ministers, deputy ministers,
    governors, parties, state companies) from Wikidata."""
    import platformdirs

    from kabar.kb.pull import ENDPOINT, Puller, PullError, pull_politics

    out = out or default_path().with_name("wikidata-politics.json")
    puller = Puller(cache_dir=cache or Path(platformdirs.user_cache_dir("kabar")) / "wikidata",
                    endpoint=endpoint or ENDPOINT, page_size=page_size, log=lambda m: typer.echo(m, err=True))
    try:
        counts = pull_politics(puller, out, since=since)
    except PullError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)
    for name, n in counts.items():
        typer.echo(f"{n:>8} rows  {name}")
    typer.echo(f"wrote {out}")
    if kb:
        build(kb, [f"wikidata={out}", "countries", "cities"])
        typer.echo(f"built {kb}")


@kb_app.command("search")
def search_cmd(
    name: str = typer.Argument(..., help="A name as written, e.g. 'Andrei Belasov'."),
    kb: Optional[Path] = KB_OPTION,
    type: Optional[str] = typer.Option(None, help="PERSON, ORG or LOC."),
    limit: int = typer.Option(5, help="How many candidates."),
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
) -> None:
    """Candidates for a name, with scores and why."""
    base = _open(kb)
    cands = base.candidates(name, type=type.upper() if type else None, limit=limit)
    if as_json:
        typer.echo(json.dumps([c.__dict__ for c in cands], ensure_ascii=False, indent=1))
        return
    if not cands:
        typer.echo(f"no candidates for {name!r}")
    for c in cands:
        offices = "; ".join(p.title for p in base.positions(c.entity_id)[:3])
        typer.echo(f"{c.score:.3f}  {c.entity_id}  {c.name} [{c.type}, {c.country or '?'}]  {offices}")
        for why in c.why:
            typer.echo(f"       {why}")


@kb_app.command("stats")
def stats_cmd(kb: Optional[Path] = KB_OPTION, as_json: bool = typer.Option(False, "--json")) -> None:
    """What the KB holds and where it came from."""
    stats = _open(kb).stats()
    if as_json:
        typer.echo(json.dumps(stats, indent=1))
        return
    typer.echo(f"{stats['entities']} entities ({', '.join(f'{k} {v}' for k, v in sorted(stats['by_type'].items()))}), "
               f"{stats['names']} names, {stats['positions']} positions, {stats['file_bytes'] / 1e6:.1f} MB, built {stats['built']}")
    for s in stats["sources"]:
        typer.echo(f"{s['rows']:>8} rows  {s['kind']:<15} as of {s['as_of'] or '?':<10} {s['name']}")
