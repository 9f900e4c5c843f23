"""The web UI as a person uses it: `kabar serve` started on a free loopback port, driven by
headless Chromium through Playwright. Screenshots go to $KABAR_SCREENSHOTS (default: pytest's
tmp dir); assertions are on what the page shows."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import sync_playwright

import kabar
from kabar.web import create_app
from web_corpus import HOSTILE, HOSTILE_ARTICLE, indosum_payload, save_hand_made

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
N_REAL = 12

if not shutil.which(CHROMIUM):
    pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium", pytrace=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A database filled like test_api's, served by `python -m kabar serve`; yields its base URL
    and the IndoSum payload."""
    db = tmp_path_factory.mktemp("ui") / "kabar.db"
    app = create_app(db=str(db))
    payload = indosum_payload(N_REAL)
    assert TestClient(app).post("/api/ingest", json={"articles": payload}).status_code == 200
    hand = save_hand_made(app.state.store)
    ingested = TestClient(app).post("/api/ingest", json={"articles": [HOSTILE_ARTICLE]}).json()["articles"][0]
    hand.append(ingested["article_id"])  # hostile reports last: hand-made, then through the pipeline
    app.state.store.close()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kabar", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(base + "/api/articles?limit=1", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None:
                pytest.fail(f"kabar serve exited: {proc.stdout.read()}")
            time.sleep(0.2)
        yield base, payload, hand
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # any alert/confirm a script opens is recorded and dismissed
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("KABAR_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def snap(page, shots: Path, name: str) -> None:
    path = shots / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000  # a real render, not a blank page


def open_politician(page, base):
    """Search from the home page and open the linked entity (KB id Q8063994)."""
    page.goto(base + "/")
    page.fill(".hero input[name=q]", "Zulkifli Hasan")
    page.press(".hero input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    page.locator("#entity-results li", has_text="Q8063994").locator("a").click()
    page.wait_for_url("**/entities/*")


def test_search_finds_a_politicians_articles(server, page, shots):
    base, payload, _ = server
    page.goto(base + "/")
    page.fill(".hero input[name=q]", "Zulkifli Hasan")
    page.press(".hero input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    snap(page, shots, "search")
    expected = sum("zulkifli hasan" in p["text"].lower() for p in payload) + 4  # + 3 hand-made, 1 hostile
    assert page.locator("#article-results li").count() == expected
    assert "Zulkifli Hasan" in page.locator("#entity-results").inner_text()


def test_timeline_shows_their_events(server, page, shots):
    base, *_ = server
    open_politician(page, base)
    snap(page, shots, "entity")
    dots = page.locator("svg.timeline circle.dot")
    assert dots.count() == 3
    tips = " ".join(dots.nth(i).locator("title").text_content() for i in range(3))
    assert all(t in tips for t in ("2017-03-27 · CONSULT", "2017-06-12 · SUPPORT", "2017-11-02 · ACCUSE"))
    assert "Ketua MPR" in page.locator("#roles").inner_text()


def test_article_page_shows_flags_with_evidence(server, page, shots):
    base, *_ = server
    open_politician(page, base)
    page.locator("svg.timeline a").first.click()  # the earliest event's article
    page.wait_for_url("**/articles/*")
    snap(page, shots, "article")
    flags = page.locator("#flags .flag-item")
    assert flags.count() == 1
    text = flags.inner_text()
    assert "27 March 2017 was a Monday" in text and "Suggestion: Senin (27/3/2017)" in text and "weekday_true" in text
    assert page.locator("#article-text .flagged").first.inner_text() == "Selasa (28/3/2017)"
    assert "Zulkifli Hasan" in page.locator("#quotes footer").inner_text()
    flags.locator("a.kind").click()
    assert page.url.endswith("#flag-0")


@pytest.mark.parametrize("which", [-2, -1], ids=["hand-made", "ingested"])
def test_hostile_article_runs_no_script(server, page, shots, which):
    base, _, hand = server
    page.goto(f"{base}/articles/{hand[which]}")
    snap(page, shots, f"hostile{which}")
    assert page.evaluate("typeof window.pwned") == "undefined" and page.dialogs == []
    assert page.evaluate("document.querySelectorAll('script, img, iframe').length") == 0
    assert "<script>window.pwned = 1</script>" in page.locator("h1").inner_text()  # title, or the text's start
    assert page.locator("#article-text").inner_text().count(HOSTILE) == 2
    assert page.locator("a[href^='javascript']").count() == 0
    page.goto(f"{base}/search?q=pwned")  # the search results carry the same text
    assert page.evaluate("typeof window.pwned") == "undefined" and page.dialogs == []


def test_event_table_filters_and_network(server, page, shots):
    base, *_ = server
    page.goto(base + "/events")
    page.select_option("select[name=type]", "SUPPORT")
    page.click("form.filters button")
    page.wait_for_url("**type=SUPPORT*")
    snap(page, shots, "events")
    types = page.locator("table.events tbody tr .etype").all_inner_texts()
    assert types and set(types) == {"SUPPORT"}
    assert page.locator("svg.timeline circle.dot").count() == len(types)
    page.goto(base + "/network")
    snap(page, shots, "network")
    labels = page.locator("svg.network text").all_text_contents()
    assert {"Zulkifli Hasan", "Joko Widodo", "Sri Mulyani"} <= set(labels)
    page.select_option("select[name=by]", "entity")
    page.click("form.filters button")
    page.wait_for_url("**by=entity*")
    hrefs = page.locator("svg.network a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith("/entities/") for h in hrefs)
    page.locator("svg.network a", has_text="Zulkifli Hasan").first.click()
    page.wait_for_url("**/entities/*")
    assert "Zulkifli Hasan" in page.locator("h1").inner_text()


def test_analyse_page_shows_the_report(server, page, shots, seed_text):
    base, *_ = server
    page.goto(base + "/analyse")
    page.fill("textarea[name=text]", seed_text)
    page.click("#analyse-form button[type=submit]")
    page.wait_for_selector("#article-text")
    snap(page, shots, "analyse")
    expected = kabar.analyze(seed_text)
    assert page.locator("#article-text").inner_text().strip() == seed_text.strip()
    shown = page.locator("#entities").inner_text()
    assert all(e.name in shown for e in expected.entities)
    assert page.locator("#quotes blockquote").count() == len(expected.quotes)
