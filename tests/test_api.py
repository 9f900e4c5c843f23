"""The REST API through an HTTP client, over a real SQLite store filled by the real pipeline
(IndoSum articles posted to /api/ingest) plus the hand-made reports of `web_corpus`."""
from __future__ import annotations

import dataclasses
import re
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

import kabar
from kabar.store import Store
from kabar.web import create_app
from web_corpus import indosum_payload, meeting_reports, save_hand_made

N_REAL = 24
PROBLEM_KEYS = {"type", "title", "status", "detail"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    app = create_app(db=str(tmp_path_factory.mktemp("api") / "kabar.db"), max_body_bytes=300_000,
                     max_text_chars=50_000)
    client = TestClient(app)
    payload = indosum_payload(N_REAL)
    for i in range(0, N_REAL, 10):
        r = client.post("/api/ingest", json={"articles": payload[i:i + 10]})
        assert r.status_code == 200, r.text
    hand = save_hand_made(app.state.store)
    return client, payload, hand


def assert_problem(r, status: int, detail_has: str):
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert PROBLEM_KEYS <= body.keys() and body["status"] == status
    assert detail_has in body["detail"]


def test_openapi_schema_lists_the_routes(corpus):
    client, *_ = corpus
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/analyse", "/api/ingest", "/api/articles", "/api/articles/{article_id}", "/api/entities",
                 "/api/entities/{entity_id}", "/api/events", "/api/flags", "/api/counts", "/api/stories"):
        assert path in paths
    assert "/articles/{article_id}" not in paths  # HTML pages stay out of the API schema


def test_analyse_returns_the_report_contract(corpus, seed_text):
    client, *_ = corpus
    r = client.post("/api/analyse", json={"text": seed_text})
    assert r.status_code == 200, r.text
    expected = kabar.analyze(seed_text).to_dict()
    assert r.json().keys() == expected.keys()
    assert r.json()["text"] == seed_text
    assert [e["name"] for e in r.json()["entities"]] == [e["name"] for e in expected["entities"]]
    assert r.json()["dates"] == expected["dates"]


def test_analyse_uses_the_published_date_given(corpus):
    client, *_ = corpus
    r = client.post("/api/analyse", json={"text": "Presiden bertemu menteri di Jakarta kemarin.", "published": "2024-07-08"})
    assert r.status_code == 200 and r.json()["published"] == "2024-07-08"


def test_analyse_refuses_bad_input_with_problem_details(corpus):
    client, *_ = corpus
    assert_problem(client.post("/api/analyse", json={"text": "kata " * 12_000}), 413, "limit is 50000")
    assert_problem(client.post("/api/analyse", content=b'{"text": "' + b"a" * 400_000 + b'"}',
                               headers={"content-type": "application/json"}), 413, "larger than 300000 bytes")
    streamed = (chunk for chunk in [b'{"text": "', *[b"kata " * 2000] * 40, b'"}'])  # chunked: no Content-Length
    assert_problem(client.post("/api/analyse", content=streamed, headers={"content-type": "application/json"}),
                   413, "larger than 300000 bytes")
    small = (chunk for chunk in [b'{"text": "Presiden ', b'bertemu menteri di Jakarta."}'])
    assert client.post("/api/analyse", content=small, headers={"content-type": "application/json"}).status_code == 200
    assert_problem(client.post("/api/analyse", json={"text": "   \n "}), 422, "blank")
    assert_problem(client.post("/api/analyse", json={"title": "no text"}), 422, "text")
    assert_problem(client.post("/api/analyse", json={"text": "x", "published": "8 July"}), 422, "published")
    assert_problem(client.post("/api/analyse", content=b"{not json", headers={"content-type": "application/json"}),
                   422, "JSON")
    english = "The president met the foreign minister in London on Monday to discuss the new trade agreement."
    r = client.post("/api/analyse", json={"text": english})
    assert_problem(r, 422, "not supported")
    assert r.json()["type"] == "/problems/unsupported-language"


def test_ingest_is_idempotent(corpus):
    client, payload, _ = corpus
    before = client.get("/api/articles").json()["total"]
    r = client.post("/api/ingest", json={"articles": payload[:3]})
    assert [a["status"] for a in r.json()["articles"]] == ["unchanged"] * 3
    assert client.get("/api/articles").json()["total"] == before
    assert_problem(client.post("/api/ingest", json={"articles": payload[:1] * 51}), 422, "articles")


def test_ingest_reports_a_failed_article_and_keeps_the_others(corpus):
    client, payload, _ = corpus
    english = {"text": "The minister said on Monday that the new budget would be approved by parliament next week.",
               "id": "english-1"}
    r = client.post("/api/ingest", json={"articles": [english, payload[2]]}).json()["articles"]
    assert r[0]["status"] == "failed" and "not supported" in r[0]["detail"]
    assert r[1]["status"] == "unchanged" and r[1]["article_id"]
    assert client.get("/api/articles/english-1").status_code == 404


def test_ingest_reanalyses_a_changed_article(corpus):
    client, payload, _ = corpus
    changed = {**payload[1], "text": payload[1]["text"] + "\n\nPembaruan: Presiden Joko Widodo ikut berkomentar."}
    r = client.post("/api/ingest", json={"articles": [changed]})
    assert r.json()["articles"][0]["status"] == "stored"
    stored = client.get(f"/api/articles/{r.json()['articles'][0]['article_id']}").json()
    assert stored["text"].endswith("ikut berkomentar.")
    client.post("/api/ingest", json={"articles": [payload[1]]})  # put it back for the other tests


def test_articles_are_paged_with_totals_and_links(corpus):
    client, payload, hand = corpus
    first = client.get("/api/articles", params={"limit": 10}).json()
    assert first["total"] == N_REAL + len(hand) and first["previous"] is None
    seen, page = [], first
    while True:
        seen += [a["article_id"] for a in page["items"]]
        if not page["next"]:
            break
        page = client.get(page["next"]).json()
        assert page["previous"]
    assert len(seen) == len(set(seen)) == first["total"]
    assert_problem(client.get("/api/articles", params={"limit": 0}), 422, "limit")
    assert_problem(client.get("/api/articles", params={"limit": 5000}), 422, "limit")


def test_search_finds_the_articles_naming_a_politician(corpus):
    client, payload, hand = corpus
    expected = {p["id"] for p in payload if "zulkifli" in p["text"].lower()} | {f"web-test-{i}" for i in range(3)}
    found = client.get("/api/articles", params={"q": "Zulkifli", "limit": 200}).json()
    assert {a["doc_id"] for a in found["items"]} == expected
    assert found["total"] == len(expected)


def test_entity_search_and_page(corpus):
    client, *_ = corpus
    page = client.get("/api/entities", params={"q": "zulkifli hasan", "limit": 1}).json()
    assert page["total"] >= 1 and len(page["items"]) == 1
    hits = client.get("/api/entities", params={"q": "zulkifli hasan"}).json()["items"]
    person = next(e for e in hits if e["kb_id"] == "Q8063994")
    entity = client.get(f"/api/entities/{person['entity_id']}").json()
    assert entity["name"] == "Zulkifli Hasan" and len(entity["articles"]) == 3
    assert sorted(e["type"] for e in entity["events"]) == ["ACCUSE", "CONSULT", "SUPPORT"]
    assert all(t["titles"] == ["Ketua MPR"] for t in entity["titles_over_time"])
    mine = client.get("/api/articles", params={"entity": person["entity_id"]}).json()
    assert mine["total"] == 3
    assert_problem(client.get("/api/entities/999999"), 404, "no entity 999999")


def test_events_filters(corpus):
    client, *_ = corpus
    support = client.get("/api/events", params={"type": "SUPPORT", "actor": "Zulkifli Hasan"}).json()
    assert support["total"] >= 1 and {e["type"] for e in support["items"]} == {"SUPPORT"}
    window = client.get("/api/events", params={"since": "2017-06-01", "until": "2017-06-30", "actor": "Q8063994"}).json()
    assert [e["date"] for e in window["items"]] == ["2017-06-12"]
    assert_problem(client.get("/api/events", params={"since": "June"}), 422, "since")


def test_event_page_table_pages_like_the_api(corpus):
    client, *_ = corpus
    api = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    html = client.get("/events", params={"limit": 2, "offset": 2}).text
    assert f"3–4 of {api['total']}" in html
    rows = re.findall(r'<span class="tag etype">(\w+)</span>', html)
    assert rows == [e["type"] for e in api["items"]]


def test_flags_and_article_report(corpus):
    client, _, hand = corpus
    flags = client.get("/api/flags", params={"kind": "date_mismatch"}).json()
    assert flags["total"] >= 1 and all(f["kind"] == "date_mismatch" for f in flags["items"])
    article = client.get(f"/api/articles/{hand[0]}").json()
    assert article["flags"][0]["suggestion"] == "Senin (27/3/2017)"
    assert all(e["entity_id"] for e in article["entities"])
    assert client.get(f"/api/articles/{article['id']}").json()["article_id"] == hand[0]  # the report's own id works too
    assert_problem(client.get("/api/articles/999999"), 404, "no article 999999")


def test_counts_give_who_acts_on_whom(corpus):
    client, *_ = corpus
    rows = client.get("/api/counts", params={"actor": "Zulkifli Hasan"}).json()
    months = {r["month"]: r["n_events"] for r in rows if (r["source"], r["target"]) == ("Zulkifli Hasan", "Joko Widodo")}
    assert months == {"2017-03": 1, "2017-06": 1}


def test_unknown_route_is_a_problem(corpus):
    client, *_ = corpus
    assert_problem(client.get("/api/nothing-here"), 404, "/api/nothing-here")


def test_pages_escape_hostile_text(corpus):
    client, _, hand = corpus
    html = client.get(f"/articles/{hand[-1]}").text
    assert "<script>window.pwned" not in html and "onerror=\"window" not in html
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert "javascript:" not in html
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


def test_pages_load_nothing_from_other_hosts(corpus):
    """Every chart and style works offline: no page links a script, style or image elsewhere."""
    client, _, hand = corpus
    entity = client.get("/api/entities", params={"q": "zulkifli"}).json()["items"][0]["entity_id"]
    for path in ("/", "/search?q=zulkifli", "/articles", f"/articles/{hand[0]}", f"/entities/{entity}", "/events",
                 "/network", "/analyse", "/docs", "/flags", "/flags?kind=date_mismatch"):
        html = client.get(path).text
        assert client.get(path).status_code == 200, path
        assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//", html), path
    flags_page = client.get("/flags", params={"kind": "date_mismatch"}).text
    assert "27 March 2017 was a Monday" in flags_page and "title_mismatch" in flags_page  # the other kinds stay linked
    assert "Suggestion: Senin (27/3/2017)" in flags_page and "The title is right" not in flags_page
    docs = client.get("/docs").text
    assert "/api/analyse" in docs and "/openapi.json" in docs


def test_article_page_links_the_same_story_from_other_outlets(tmp_path):
    app = create_app(db=str(tmp_path / "stories.db"))
    store = app.state.store
    first, _, other = meeting_reports()
    again = dataclasses.replace(first, id="web-test-copy", source="another-outlet", title="Zulkifli bertemu Jokowi")
    ids = [store.save_report(r, fingerprint="hand-made", key=f"test:{r.id}") for r in (first, again, other)]
    store.update_stories()
    html = TestClient(app).get(f"/articles/{ids[0]}").text
    assert 'id="same-story"' in html and "Zulkifli bertemu Jokowi" in html and "another-outlet" in html
    assert 'id="same-story"' not in TestClient(app).get(f"/articles/{ids[2]}").text


def test_a_bug_in_the_pipeline_is_a_problem_too(monkeypatch):
    def broken(article, **settings):
        raise RuntimeError("component exploded")

    monkeypatch.setattr(kabar, "analyze_article", broken)
    client = TestClient(create_app(db=None), raise_server_exceptions=False)
    assert_problem(client.post("/api/analyse", json={"text": "Presiden bertemu menteri."}), 500,
                   "POST /api/analyse failed (RuntimeError)")


def test_serve_names_a_missing_database(tmp_path):
    missing = tmp_path / "nope.db"
    run = subprocess.run([sys.executable, "-m", "kabar", "serve", "--db", str(missing)], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 2
    assert run.stderr.strip() == f"error: {missing}: no such database; fill one with `kabar ingest PATH --db {missing}`"


def test_serve_names_a_knowledge_base_it_cannot_read(tmp_path):
    db = tmp_path / "kabar.db"
    Store.open(db).close()
    not_a_kb = tmp_path / "kb.sqlite"
    not_a_kb.write_text("id,name\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kabar", "serve", "--db", str(db), "--kb", str(not_a_kb)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.startswith(f"error: {not_a_kb}: not a kabar knowledge base")


def test_server_without_database_still_analyses(seed_text):
    client = TestClient(create_app(db=None))
    assert client.post("/api/analyse", json={"text": seed_text}).status_code == 200
    form = client.post("/analyse", data={"text": seed_text, "published": "2024-07-08"})
    assert form.status_code == 200 and 'id="article-text"' in form.text
    blank = client.post("/analyse", data={"text": "  "}, headers={"accept": "text/html"})
    assert blank.status_code == 422 and "text is blank" in blank.text and blank.headers["content-type"].startswith("text/html")
    bad_date = client.post("/analyse", data={"text": seed_text, "published": "kemarin"}, headers={"accept": "text/html"})
    assert bad_date.status_code == 422 and "published: &#39;kemarin&#39; is not a date" in bad_date.text
    assert_problem(client.get("/api/articles"), 503, "no database")
    page = client.get("/nothing", headers={"accept": "text/html"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
