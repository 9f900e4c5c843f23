"""The HTML pages: server-rendered with Jinja2 (autoescaping on), charts as inline SVG, no
script. Each page asks the store for what it shows and shapes it for its template."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from kabar.web import charts
from kabar.web.api import ArticleIn, analyse_article, store, to_article
from kabar.web.highlight import pieces
from kabar.web.paging import Page, envelope
from kabar.web.problems import Problem

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def headline(article: dict[str, Any], size: int = 110) -> str:
    """What a list shows for an article: its title, else the start of its text (the store's
    `snippet`, cut to about `size` characters), else the words of a slug-like id
    ("1490674536-mustahil-transportasi-..." → "Mustahil transportasi …"), else its number."""
    if article.get("title"):
        return article["title"]
    snippet = " ".join((article.get("snippet") or "").split())
    if snippet:
        return snippet if len(snippet) <= size else snippet[:size].rsplit(" ", 1)[0] + " …"
    words = [w for w in str(article.get("doc_id") or "").split("-") if w.isalpha()]
    if len(words) >= 3:
        return " ".join(words).capitalize() + " …"
    source = article.get("source")
    return f"Untitled article #{article.get('article_id')}" + (f" ({source})" if source else "")


templates.env.filters["headline"] = headline
router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
TIMELINE_MAX = 500  # events drawn on one timeline
# The 16 PLOVER event types (PLOVER manual, sections 1-16), offered in the filters.
EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, detail: str) -> HTMLResponse:
    return render(request, "error.html", status=status, code=status, detail=detail)


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the site: a stored `javascript:` URL must not become a link."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def event_view(e: dict[str, Any], articles: dict[int, dict] | None = None) -> dict[str, Any]:
    """A store event row → what the event table and the timeline show; `articles` (article id →
    list item) lends untitled articles their snippet."""
    def side(entity_id, name):
        return {"id": entity_id, "name": name} if entity_id else None

    source, target = side(e.get("source_entity_id"), e.get("source_name")), side(e.get("target_entity_id"), e.get("target_name"))
    names = [x["name"] if x else code for x, code in ((source, e.get("source_actor")), (target, e.get("target_actor")))]
    return {
        **e, "source": source, "target": target, "date": e.get("date") or e.get("published"),
        "article": (articles or {}).get(e["article_id"]) or {
            "article_id": e["article_id"], "title": e.get("article_title"), "source": e.get("article_source")},
        "label": " → ".join(n or "?" for n in names) + (f": {e['trigger_text']}" if e.get("trigger_text") else ""),
        "href": f"/articles/{e['article_id']}",
    }


@router.get("/")
def home(request: Request, db=Depends(store)):
    return render(request, "home.html", nav="/", counts=db.summary(),
                  recent=db.list_articles(limit=10)["items"], kinds=db.flag_kinds(),
                  people=db.search_entities("", type="PERSON", limit=12)["items"])


@router.get("/search")
def search(request: Request, q: str = Query("", max_length=200), page: Page = Depends(), db=Depends(store)):
    q = q.strip()
    if not q:
        return render(request, "search.html", q=q, entities=[], found=None)
    found = envelope(request, page, db.list_articles(q=q, limit=page.limit, offset=page.offset))
    return render(request, "search.html", q=q, entities=db.search_entities(q, limit=24)["items"], found=found)


@router.get("/articles")
def articles(request: Request, entity: int | None = None, page: Page = Depends(), db=Depends(store)):
    found = envelope(request, page, db.list_articles(entity=entity, limit=page.limit, offset=page.offset))
    about = db.get_entity(entity) if entity is not None else None
    return render(request, "articles.html", nav="/articles", found=found, about=about)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, db=Depends(store)):
    r = db.get_article(article_id)
    if r is None:
        raise Problem(404, f"no article {article_id}")
    links = {e["id"]: f"/entities/{e['entity_id']}" for e in r["entities"] if e.get("entity_id")}
    same_story = []
    if r.get("story_id") is not None:
        same_story = [a for a in db.list_articles(story=r["story_id"], limit=20)["items"] if a["article_id"] != r["article_id"]]
    return render(request, "article.html", r=r, pieces=pieces(r), links=links, same_story=same_story,
                  names={e["id"]: e["name"] for e in r["entities"]}, safe_url=safe_url(r.get("url")),
                  api_href=f"/api/articles/{r['article_id']}")


@router.get("/entities/{entity_id}")
def entity(request: Request, entity_id: int, db=Depends(store)):
    e = db.get_entity(entity_id)
    if e is None:
        raise Problem(404, f"no entity {entity_id}")
    listed = {a["article_id"]: a for a in db.list_articles(entity=entity_id, limit=1000)["items"]}  # for snippets
    events = [event_view(x, listed) for x in e["events"]]
    articles = [{**listed.get(a["article_id"], {}), **a} for a in e["articles"]]
    articles.sort(key=lambda a: a.get("published") or "", reverse=True)  # newest first, undated last
    return render(request, "entity.html", e=e, events=events, timeline=charts.timeline(events), articles=articles,
                  roles=roles_over_time(e["titles_over_time"]))


def roles_over_time(seen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each title an entity was given, with the first and last date and how many articles."""
    rows: dict[str, dict[str, Any]] = {}
    for s in seen:
        for title in s.get("titles") or []:
            row = rows.setdefault(title, {"title": title, "first": None, "last": None, "n": 0})
            row["n"] += 1
            if s.get("published"):
                row["first"] = min(filter(None, [row["first"], s["published"]]))
                row["last"] = max(filter(None, [row["last"], s["published"]]))
    return sorted(rows.values(), key=lambda r: (r["first"] or "9999", r["title"]))


def form_date(name: str, value: str) -> str | None:
    """An optional date from a form field: an empty field means no filter."""
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError as err:
        raise Problem(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from err


@router.get("/events")
def events(request: Request, actor: str = Query("", max_length=200), type: str = Query("", max_length=32),
           since: str = Query("", max_length=32), until: str = Query("", max_length=32), page: Page = Depends(),
           db=Depends(store)):
    filters = {"actor": actor.strip() or None, "type": type.strip() or None,
               "since": form_date("since", since), "until": form_date("until", until)}
    first = db.list_events(**filters, limit=TIMELINE_MAX)  # drawn; also the table's early pages
    if page.offset + page.limit <= TIMELINE_MAX:
        table = {"total": first["total"], "items": first["items"][page.offset:page.offset + page.limit]}
    else:
        table = db.list_events(**filters, limit=page.limit, offset=page.offset)
    found = envelope(request, page, table)
    found["items"] = [event_view(e) for e in found["items"]]
    drawn = [event_view(e) for e in first["items"]]
    return render(request, "events.html", nav="/events", found=found, filters=filters, types=EVENT_TYPES,
                  timeline=charts.timeline(drawn), drawn=len(drawn), limit=TIMELINE_MAX)


@router.get("/flags")
def flags(request: Request, kind: str = Query("", max_length=64), page: Page = Depends(), db=Depends(store)):
    found = envelope(request, page, db.list_flags(kind=kind.strip() or None, limit=page.limit, offset=page.offset))
    return render(request, "flags.html", nav="/flags", found=found, kind=kind.strip(), kinds=db.flag_kinds())


@router.get("/network")
def network(request: Request, type: str = Query("", max_length=32), by: str = Query("actor", pattern="^(actor|entity)$"),
            db=Depends(store)):
    pairs = db.actor_network(type=type.strip() or None, by=by)
    for p in pairs:
        for side in (p["source"], p["target"]):
            side["href"] = f"/entities/{side['id']}" if by == "entity" else f"/events?actor={quote(str(side['id']))}"
    return render(request, "network.html", nav="/network", chart=charts.network(pairs), type=type, by=by,
                  types=EVENT_TYPES, pairs=sorted(pairs, key=lambda p: -p["count"])[:30])


@router.get("/docs")
def api_docs(request: Request):
    """The API reference, read from the app's own OpenAPI schema."""
    schema = request.app.openapi()
    routes = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
               "params": [(p["name"], p["in"], p.get("description", "")) for p in op.get("parameters", [])],
               "body": "requestBody" in op}
              for path, ops in schema["paths"].items() for method, op in ops.items()]
    return render(request, "docs.html", nav="/docs", routes=routes, version=schema["info"]["version"])


@router.get("/analyse")
def analyse_form(request: Request):
    return render(request, "analyse.html", nav="/analyse", text="", r=None)


@router.post("/analyse")
def analyse(request: Request, text: str = Form("", max_length=1_000_000), published: str = Form("")):
    if not text.strip():
        raise Problem(422, "text is blank: paste an article to analyse")
    published_date = form_date("published", published)
    article = to_article(request, ArticleIn(text=text, published=published_date), "text")
    r = analyse_article(request, article).to_dict()
    return render(request, "analyse.html", nav="/analyse", text=text, r=r, pieces=pieces(r), links={},
                  names={e["id"]: e["name"] for e in r["entities"]})
