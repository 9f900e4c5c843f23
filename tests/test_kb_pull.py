"""`kabar kb pull`: paging, retries, rate limit and cache against recorded endpoint answers."""
import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

import httpx

from kabar.kb import KB
from kabar.kb.pull import OFFICES, ORGANISATIONS, Puller, pull_politics


def binding(qid, label, position=None, country="Russia", start=None, type_=None):
    b = {"item": {"type": "uri", "value": f"http://www.wikidata.org/entity/{qid}"},
         "itemLabel": {"type": "literal", "value": label}, "countryLabel": {"type": "literal", "value": country}}
    if position:
        b["positionLabel"] = {"type": "literal", "value": position}
    if start:
        b["start"] = {"type": "literal", "value": start}
    if type_:
        b["type"] = {"type": "literal", "value": type_}
    return b


def answer(query: str) -> list[dict]:
    """What the endpoint answers: ministers come in two pages of 2, everything else is empty."""
    if "wd:Q83307" in query:
        page = [binding("Q1", "Andrey Belousov", "Minister of Defence of Russia", start="2024-05-14T00:00:00Z"),
                binding("Q2", "Mikhail Murashko", "Minister of Health of Russia"),
                binding("Q3", "Sergey Lavrov", "Minister of Foreign Affairs of Russia")]
        return page[:2] if "OFFSET 0" in query else page[2:]
    if "wd:Q7278" in query:
        return [binding("Q10", "United Russia", type_="ORG")]
    return []


def result(rows):
    return {"head": {"vars": []}, "results": {"bindings": rows}}


def test_paging_retries_and_cache(tmp_path):
    calls, sleeps = [], []

    def handler(request: httpx.Request):
        calls.append(request)
        assert request.headers["User-Agent"].startswith("kabar/")
        if len(calls) == 1:
            return httpx.Response(429, headers={"Retry-After": "7"})
        return httpx.Response(200, json=result(answer(request.url.params["query"])))

    client = httpx.Client(transport=httpx.MockTransport(handler))
    puller = Puller(cache_dir=tmp_path / "cache", page_size=2, client=client, sleep=sleeps.append, pause_s=1.0)
    out = tmp_path / "pulled.json"
    counts = pull_politics(puller, out)
    assert counts["minister"] == 3 and counts["political party"] == 1
    requests_needed = len(OFFICES) + len(ORGANISATIONS) + 1  # ministers take two pages
    assert len(calls) == requests_needed + 1  # one 429 retried
    assert 7 in sleeps and all(s >= 1.0 for s in sleeps)  # Retry-After honoured, never hammering
    # a second run is answered from the cache
    calls.clear()
    pull_politics(Puller(cache_dir=tmp_path / "cache", page_size=2, client=client, sleep=sleeps.append), out)
    assert calls == []
    rows = json.loads(out.read_text())["results"]["bindings"]
    assert {r["itemLabel"]["value"] for r in rows} >= {"Andrey Belousov", "Sergey Lavrov", "United Russia"}


def test_gives_up_with_a_clear_error(tmp_path):
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(503)))
    puller = Puller(cache_dir=tmp_path, client=client, sleep=lambda s: None, retries=2)
    try:
        puller.fetch("SELECT 1")
    except Exception as err:  # noqa: BLE001
        assert "gave up after 3 attempts (HTTP 503)" in str(err)
    else:
        raise AssertionError("no error")


class Recorded(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        query = parse_qs(urlparse(self.path).query)["query"][0]
        body = json.dumps(result(answer(query))).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_cli_pull_builds_a_kb(tmp_path):
    server = HTTPServer(("127.0.0.1", 0), Recorded)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        kb_path = tmp_path / "kb.sqlite"
        r = subprocess.run([sys.executable, "-m", "kabar", "kb", "pull", "--endpoint",
                            f"http://127.0.0.1:{server.server_port}/sparql", "--out", str(tmp_path / "p.json"),
                            "--cache", str(tmp_path / "cache"), "--page-size", "2", "--kb", str(kb_path)],
                           capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()
    assert r.returncode == 0, r.stderr
    kb = KB(kb_path)
    [bel] = kb.candidates("Andrei Belousov", limit=1)
    assert bel.entity_id == "wd:Q1" and kb.positions("wd:Q1")[0].start == "2024-05-14"
    assert kb.candidates("United Russia", type="ORG")[0].exact
