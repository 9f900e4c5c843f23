"""The JSON API under /api. Lists are paged (see `paging`); errors are problem details."""
from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

import kabar
from kabar.store.identity import article_key, fingerprint
from kabar.web.paging import Page, envelope
from kabar.web.problems import MEDIA_TYPE, Problem

PROBLEM = {"description": "problem details (RFC 9457)", "content": {MEDIA_TYPE: {}}}
router = APIRouter(prefix="/api", responses={code: PROBLEM for code in (400, 404, 413, 422, 500, 503)})
MAX_INGEST = 50  # articles per ingest request; bigger batches belong to `kabar ingest`


class ArticleIn(BaseModel):
    text: str = Field(..., min_length=1, description="the article's plain text")
    published: dt.date | None = Field(None, description="anchors relative dates; else the dateline is used")
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=255)
    url: str | None = Field(None, max_length=2000)
    id: str | None = Field(None, max_length=255, description="your id; default: a hash of the text")


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(..., min_length=1, max_length=MAX_INGEST)


def store(request: Request):
    """The corpus store, or 503 when the server was started without a database."""
    if request.app.state.store is None:
        raise Problem(503, "no database: start the server with `kabar serve --db PATH`")
    return request.app.state.store


def to_article(request: Request, article: ArticleIn, where: str) -> kabar.Article:
    """Check the size limits and build the Article; `where` names the input in errors."""
    limit = request.app.state.max_text_chars
    if len(article.text) > limit:
        raise Problem(413, f"{where}: text has {len(article.text)} characters; the limit is {limit}")
    if not article.text.strip():
        raise Problem(422, f"{where}: text is blank")
    return kabar.Article(**article.model_dump(exclude_none=True), origin=f"api:{where}")


_PIPELINE = threading.Lock()  # one shared spaCy pipeline; its components are not thread-safe


def analyse_article(request: Request, article: kabar.Article) -> kabar.Report:
    try:
        with _PIPELINE:  # CPU-bound under the GIL anyway, so the lock costs no throughput
            return kabar.analyze_article(article, kb=request.app.state.kb, ner_model=request.app.state.ner_model)
    except kabar.UnsupportedLanguage as err:
        raise Problem(422, str(err), type_="/problems/unsupported-language") from err


@router.post("/analyse", summary="Analyse one text and return its report (not stored)")
def analyse(article: ArticleIn, request: Request) -> dict[str, Any]:
    return analyse_article(request, to_article(request, article, "text")).to_dict()


@router.post("/ingest", summary=f"Analyse and store up to {MAX_INGEST} articles (unchanged ones are skipped)")
def ingest(batch: IngestIn, request: Request, db=Depends(store)) -> dict[str, Any]:
    """Each article gets a status: stored, unchanged (same key and fingerprint as stored) or
    failed (with a detail); one failure does not stop the others."""
    articles = [to_article(request, a, f"articles[{i}]") for i, a in enumerate(batch.articles)]
    results = []
    for article in articles:
        key, fp = article_key(article), fingerprint(article)
        result = {"id": article.id, "status": "unchanged"}
        if db.fingerprint_of(key) != fp:
            try:
                result["article_id"] = db.save_report(analyse_article(request, article), fp, key=key)
                result["status"] = "stored"
            except Problem as err:
                result.update(status="failed", detail=err.detail)
        if result["status"] == "unchanged":
            result["article_id"] = (db.get_article(article.id) or {}).get("article_id")
        results.append(result)
    return {"articles": results}


@router.get("/articles", summary="Articles, newest first; `q` searches title and text, `entity` keeps those naming it")
def articles(request: Request, q: str | None = Query(None, max_length=200), entity: int | None = None,
             page: Page = Depends(), db=Depends(store)) -> dict[str, Any]:
    return envelope(request, page, db.list_articles(q=q, entity=entity, limit=page.limit, offset=page.offset))


@router.get("/articles/{article_id}", summary="One article's full report (database id or the report's own id)")
def article(article_id: str, db=Depends(store)) -> dict[str, Any]:
    found = db.get_article(article_id)
    if found is None:
        raise Problem(404, f"no article {article_id}")
    return found


@router.get("/entities", summary="Entities whose name matches `q`, most mentioned first")
def entities(request: Request, q: str | None = Query(None, max_length=200), type: str | None = None,
             page: Page = Depends(), db=Depends(store)) -> dict[str, Any]:
    return envelope(request, page, db.search_entities(q=q or "", type=type, limit=page.limit, offset=page.offset))


@router.get("/entities/{entity_id}", summary="One entity: names, titles over time, articles, events")
def entity(entity_id: int, db=Depends(store)) -> dict[str, Any]:
    found = db.get_entity(entity_id)
    if found is None:
        raise Problem(404, f"no entity {entity_id}")
    return found


@router.get("/events", summary="PLOVER events, filtered by actor, type and date range")
def events(request: Request, actor: str | None = Query(None, max_length=200), type: str | None = None,
           since: dt.date | None = None, until: dt.date | None = None,
           page: Page = Depends(), db=Depends(store)) -> dict[str, Any]:
    found = db.list_events(actor=actor, type=type, since=since and since.isoformat(),
                           until=until and until.isoformat(), limit=page.limit, offset=page.offset)
    return envelope(request, page, found)


@router.get("/flags", summary="Flags (defects found in articles), filtered by kind or article")
def flags(request: Request, kind: str | None = None, article: int | None = None,
          page: Page = Depends(), db=Depends(store)) -> dict[str, Any]:
    return envelope(request, page, db.list_flags(kind=kind, article=article, limit=page.limit, offset=page.offset))


@router.get("/counts", summary="Events per month and actor pair (who acts on whom), negated and hypothetical left out")
def counts(actor: str | None = Query(None, max_length=200), type: str | None = None,
           since: dt.date | None = None, until: dt.date | None = None, db=Depends(store)) -> list[dict[str, Any]]:
    return db.counts_by_actor_pair_month(actor=actor, type=type, since=since and since.isoformat(),
                                         until=until and until.isoformat())


@router.get("/stories", summary="Stories: the same news from several articles, largest first")
def stories(request: Request, page: Page = Depends(), db=Depends(store)) -> dict[str, Any]:
    return envelope(request, page, db.stories(limit=page.limit, offset=page.offset))
