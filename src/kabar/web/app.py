"""The application factory: one FastAPI app serving the JSON API (/api, schema at /openapi.json)
and the HTML pages, over one corpus store."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

import kabar
from kabar.web import api, pages, problems

HERE = Path(__file__).parent
MAX_BODY_BYTES = 2_000_000  # a request body larger than this is refused before it is read
MAX_TEXT_CHARS = 200_000  # one article to analyse (the longest IndoSum article is ~30k)

SECURITY_HEADERS = {
    # Article text is escaped by the templates; this policy is the second wall: no inline or
    # foreign script can run, whatever ends up in a page.
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class BodyLimit:
    """ASGI middleware: answer 413 (problem details) to bodies over `max_bytes`, judged by the
    Content-Length header, or, for a streamed body without one, by reading it here first (at
    most `max_bytes` are held), so a huge upload never reaches the JSON parser."""

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        too_big = problems.problem_response(413, f"request body is larger than {self.max_bytes} bytes")
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            if not length.isdigit() or int(length) > self.max_bytes:
                return await too_big(scope, receive, send)
            return await self.app(scope, receive, send)
        if scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        messages, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                return await too_big(scope, receive, send)
            if message["type"] != "http.request" or not message.get("more_body"):
                break

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


def create_app(db: str | None = None, max_body_bytes: int = MAX_BODY_BYTES, max_text_chars: int = MAX_TEXT_CHARS,
               kb: str | None = None, ner_model: str | None = None) -> FastAPI:
    """`db`: a SQLite path or a postgresql:// URL, opened now; None serves only /api/analyse and
    the analyse page (store routes answer 503). `kb` and `ner_model` (a Hugging Face
    token-classification model in place of the trained NER) are what analysing uses."""
    app = FastAPI(
        title="kabar",
        version=kabar.__version__,
        description="Indonesian news as structured knowledge: analyse a text, ingest articles, and browse "
        "articles, entities, PLOVER events and flags. Errors are RFC 9457 problem details.",
        docs_url=None,  # FastAPI's Swagger and ReDoc pages load script from a CDN: /docs is ours
        redoc_url=None,
    )
    app.state.store = _open_store(db) if db else None
    app.state.max_text_chars = max_text_chars
    app.state.kb = kb
    app.state.ner_model = ner_model
    problems.install(app, html_error=pages.error_page)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    return app


def _open_store(db: str):
    from kabar.store import Store

    return Store.open(db)
