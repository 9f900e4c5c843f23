"""kabar's web layer: a REST API and server-rendered pages over the corpus store.

    from kabar.web import create_app
    app = create_app(db="kabar.db")      # any ASGI server runs it; `kabar serve` uses uvicorn

Modules, one per feature: `app` (factory, limits, security headers), `problems` (RFC 9457 error
bodies), `paging` (limit/offset envelopes), `api` (JSON routes under /api), `pages` (HTML),
`highlight` (article text → escaped, annotated pieces), `charts` (timeline and network as SVG
geometry), `cli` (`kabar serve`). Web knows only the store and the report contract.
"""
from kabar.web.app import create_app

__all__ = ["create_app"]
