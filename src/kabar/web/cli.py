"""`kabar serve`: the API and web UI over a corpus database, on uvicorn."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kabar.nlp.ner_option import NER_MODEL_OPTION


def serve(
    db: str = typer.Option("kabar.db", envvar="KABAR_DB", help="SQLite file or postgresql:// URL (what `kabar ingest` filled; $KABAR_DB)."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on; 0.0.0.0 exposes it to the network."),
    port: int = typer.Option(8000, help="Port to listen on."),
    kb: Optional[Path] = typer.Option(None, help="Knowledge base file for the analyse endpoint."),
    ner_model: Optional[str] = NER_MODEL_OPTION,
) -> None:
    """Serve the REST API (/api, schema at /openapi.json) and the web UI."""
    import uvicorn

    import kabar
    from kabar.kb.search import KB, KBError
    from kabar.store.store import StoreError
    from kabar.web import create_app

    if "://" not in db and not Path(db).exists():
        typer.echo(f"error: {db}: no such database; fill one with `kabar ingest PATH --db {db}`", err=True)
        raise typer.Exit(2)
    try:
        if kb is not None:
            KB.check(kb)
        app = create_app(db=db, kb=str(kb) if kb else None, ner_model=ner_model)
    except (StoreError, KBError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from err
    if ner_model:  # load it now: a model that cannot load stops here, not on the first request
        from kabar.nlp.model import ModelError

        try:
            kabar.pipeline(kb, ner_model=ner_model)
        except ModelError as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(2) from None
    typer.echo(f"kabar: serving {db} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
