"""`kabar kb pull`: fetch office holders and organisations from the public Wikidata SPARQL
endpoint into one SPARQL-JSON file that `kabar kb build` imports (type `wikidata`).

Polite by design: a descriptive User-Agent, one request at a time with a pause between them,
retries with back-off that honour Retry-After, and a cache of every page (keyed by the query
text) so a re-run asks the endpoint nothing it has already answered.
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import httpx

ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = "kabar/0.1 (news knowledge base builder; https://github.com/kabar) httpx"
LANGS = '"id","en","ru","ko"'

# What the politics preset asks for: offices by class, organisations by class.
OFFICES = {
    "head of state": "Q48352", "head of government": "Q2285706", "minister": "Q83307",
    "deputy minister": "Q15644934", "governor": "Q132050",
}
ORGANISATIONS = {"political party": "Q7278", "state-owned enterprise": "Q270791"}

PEOPLE_QUERY = """SELECT ?item ?itemLabel (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases)
  ?positionLabel ?countryLabel ?start ?end WHERE {{
  ?item p:P39 ?held . ?held ps:P39 ?position .
  ?position wdt:P31/wdt:P279* wd:{cls} .
  OPTIONAL {{ ?held pq:P580 ?start }} OPTIONAL {{ ?held pq:P582 ?end }}
  OPTIONAL {{ ?position wdt:P1001|wdt:P17 ?country }}
  OPTIONAL {{ ?item skos:altLabel ?alias . FILTER(LANG(?alias) IN ({langs})) }}
  FILTER NOT EXISTS {{ ?held pq:P582 ?old . FILTER(YEAR(?old) < {since}) }}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "en,id,ru,ko". }}
}} GROUP BY ?item ?itemLabel ?positionLabel ?countryLabel ?start ?end
ORDER BY ?item ?start LIMIT {limit} OFFSET {offset}"""

ORG_QUERY = """SELECT ?item ?itemLabel (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases)
  ?countryLabel ("ORG" AS ?type) WHERE {{
  ?item wdt:P31/wdt:P279* wd:{cls} .
  OPTIONAL {{ ?item wdt:P17 ?country }}
  OPTIONAL {{ ?item skos:altLabel ?alias . FILTER(LANG(?alias) IN ({langs})) }}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "en,id,ru,ko". }}
}} GROUP BY ?item ?itemLabel ?countryLabel
ORDER BY ?item LIMIT {limit} OFFSET {offset}"""


class PullError(Exception):
    """The endpoint kept failing; the message says which query and why."""


@dataclass
class Puller:
    cache_dir: Path
    endpoint: str = ENDPOINT
    page_size: int = 5000
    pause_s: float = 1.0        # between requests: the endpoint asks for one client, gently
    retries: int = 4
    client: httpx.Client | None = None
    sleep: Callable[[float], None] = time.sleep
    log: Callable[[str], None] = lambda msg: None

    def __post_init__(self):
        self.cache_dir = Path(self.cache_dir)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.client = self.client or httpx.Client(timeout=120)
        self.requests = 0

    def fetch(self, query: str) -> dict:
        """One query's JSON result, from the cache or the endpoint."""
        cached = self.cache_dir / (hashlib.sha256(f"{self.endpoint}\n{query}".encode()).hexdigest() + ".json")
        if cached.exists():
            return json.loads(cached.read_text(encoding="utf-8"))
        wait, backoff = self.pause_s, max(self.pause_s, 1.0) * 2
        for attempt in range(self.retries + 1):
            if self.requests:
                self.sleep(wait)
            self.requests += 1
            try:
                resp = self.client.get(self.endpoint, params={"query": query, "format": "json"},
                                       headers={"Accept": "application/sparql-results+json", "User-Agent": USER_AGENT})
            except httpx.TransportError as err:
                problem, retry_after = f"network error: {err}", ""
            else:
                if resp.status_code == 200:
                    data = resp.json()
                    cached.write_text(json.dumps(data), encoding="utf-8")
                    return data
                problem, retry_after = f"HTTP {resp.status_code}", resp.headers.get("Retry-After", "")
                if resp.status_code not in (429, 500, 502, 503, 504):
                    raise PullError(f"{self.endpoint}: {problem} (not retried)")
            wait = max(backoff, float(retry_after) if retry_after.isdigit() else 0.0)
            backoff *= 2
            self.log(f"attempt {attempt + 1} failed ({problem}); waiting {wait:.0f}s")
        raise PullError(f"{self.endpoint}: gave up after {self.retries + 1} attempts ({problem})")

    def paged(self, template: str, **params) -> list[dict]:
        """Every row of a query, page by page, until a short page."""
        rows, offset = [], 0
        while True:
            query = template.format(limit=self.page_size, offset=offset, langs=LANGS, **params)
            page = self.fetch(query)["results"]["bindings"]
            rows.extend(page)
            self.log(f"{len(rows)} rows")
            if len(page) < self.page_size:
                return rows
            offset += self.page_size


def pull_politics(puller: Puller, out: Path, since: int = 2000) -> dict[str, int]:
    """Run the politics preset and write all rows as one SPARQL-JSON file. Returns rows per part."""
    bindings, counts = [], {}
    for name, cls in OFFICES.items():
        rows = puller.paged(PEOPLE_QUERY, cls=cls, since=since)
        counts[name] = len(rows)
        bindings.extend(rows)
    for name, cls in ORGANISATIONS.items():
        rows = puller.paged(ORG_QUERY, cls=cls)
        counts[name] = len(rows)
        bindings.extend(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    head = ["item", "itemLabel", "aliases", "positionLabel", "countryLabel", "start", "end", "type"]
    out.write_text(json.dumps({"head": {"vars": head}, "results": {"bindings": bindings}}), encoding="utf-8")
    return counts
