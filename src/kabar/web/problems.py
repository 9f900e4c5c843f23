"""Errors as RFC 9457 problem details: every failure the API or UI returns is a small JSON object
(`type`, `title`, `status`, `detail`) with media type `application/problem+json`, so clients
handle all errors one way."""
from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

MEDIA_TYPE = "application/problem+json"


class Problem(Exception):
    """Raise anywhere in a route to answer with a problem-details body."""

    def __init__(self, status: int, detail: str, type_: str = "about:blank", **extra):
        self.status, self.detail, self.type, self.extra = status, detail, type_, extra


def problem_response(status: int, detail: str, type_: str = "about:blank", **extra) -> JSONResponse:
    body = {"type": type_, "title": HTTPStatus(status).phrase, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE)


def _validation_detail(err: RequestValidationError) -> tuple[str, list[dict]]:
    errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in err.errors()]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(p) for p in first["loc"] if p not in ("body", "query", "path"))
    return (f"{where}: {first['msg']}" if where else first["msg"]), errors


def wants_html(request: Request) -> bool:
    """Browsers on the UI pages get an HTML error page; API clients always get JSON."""
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def install(app: FastAPI, html_error: Callable[[Request, int, str], Response] | None = None) -> None:
    """Route every error through problem details (or `html_error` for a browser on a page)."""

    def answer(request: Request, status: int, detail: str, type_: str = "about:blank", **extra):
        if html_error and wants_html(request):
            return html_error(request, status, detail)
        return problem_response(status, detail, type_, **extra)

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem):
        return answer(request, exc.status, exc.detail, exc.type, **exc.extra)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}"
        return answer(request, exc.status_code, detail)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception):  # still logged by the server
        return answer(request, 500, f"{request.method} {request.url.path} failed ({type(exc).__name__}); see the server log")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        detail, errors = _validation_detail(exc)
        return answer(request, 422, detail, errors=errors)
