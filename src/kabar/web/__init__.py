"""kabar's web layer: a REST API and server-rendered pages over the corpus store.

    from kabar.web import create_app
    app = create_app(db="kabar.db")      # any ASGI server runs it; `kabar serve` uses uvicorn

Modules, one per feature: `app` (factory, limits, security headers), `problems` (RFC 9457 error
bodies), `paging` (limit/offset envelopes), `api` (JSON routes under /api), `pages` (HTML),
`highlight` (article text → escaped, annotated pieces), `charts` (timeline and network as SVG
geometry), `cli` (`kabar serve`). Web knows only the store and the report contract.

Pages: / (search, counts), /search, /articles, /articles/{id} (highlighted text, flags, quotes,
entities, events, same story), /entities/{id} (timeline, roles over time, articles), /events
(filters, timeline, table), /flags, /network (who acts on whom), /analyse (paste a text), /docs.
API: /api/analyse, /api/ingest, /api/articles, /api/entities, /api/events, /api/flags,
/api/counts, /api/stories; schema at /openapi.json.
"""
__all__ = ["create_app"]


def __getattr__(name):
    # Imported on first use, so `kabar --help` and the other commands don't pay for FastAPI.
    if name == "create_app":
        from kabar.web.app import create_app

        return create_app
    raise AttributeError(name)
