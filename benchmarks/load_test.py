"""Load test of the web UI and API: starts `kabar serve` on a free loopback port over a filled
database, requests each main page from a few concurrent clients, and prints requests/second
and p50/p99 latency per page (medians over several runs), then the server's peak memory.

    kabar ingest ../shared/data/indosum/dev.01.jsonl --db kabar.db
    python benchmarks/load_test.py --db kabar.db [--requests 200] [--clients 8] [--runs 3]

Bounded: at most --requests per page per run and --max-seconds per page per run; it only ever
talks to 127.0.0.1, to the server it started itself.
"""
from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(db: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kabar", "serve", "--db", db, "--host", HOST, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"error: kabar serve exited: {proc.stderr.read().strip()}")
        try:
            httpx.get(base + "/api/articles?limit=1", timeout=2).raise_for_status()
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("error: kabar serve did not answer within 60 s")


def main_pages(base: str) -> dict[str, str]:
    """The pages people use most, with real ids and names from the database."""
    with httpx.Client(base_url=base, timeout=30) as client:
        article = client.get("/api/articles", params={"limit": 1}).json()["items"]
        people = client.get("/api/entities", params={"type": "PERSON", "limit": 1}).json()["items"]
    if not article:
        sys.exit("error: the database has no articles; fill it with `kabar ingest`")
    pages = {"home": "/", "articles": "/articles", "article": f"/articles/{article[0]['article_id']}",
             "events": "/events", "network": "/network", "api articles": "/api/articles?limit=20"}
    if people:
        person = people[0]
        pages["search"] = "/search?q=" + person["name"].split()[0]
        pages["entity"] = f"/entities/{person['entity_id']}"
    return pages


def hammer(base: str, path: str, requests: int, clients: int, max_seconds: float) -> tuple[float, list[float]]:
    """Send up to `requests` GETs from `clients` threads; returns (requests/s, latencies in s)."""
    latencies: list[float] = []
    deadline = time.monotonic() + max_seconds

    def worker(n: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(n):
                if time.monotonic() > deadline:
                    return
                t0 = time.perf_counter()
                client.get(path).raise_for_status()
                latencies.append(time.perf_counter() - t0)

    share = [requests // clients + (i < requests % clients) for i in range(clients)]
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, share))
    return len(latencies) / (time.perf_counter() - start), latencies


def peak_memory_mib(pid: int) -> float | None:
    """The server's peak resident memory (Linux /proc), or None elsewhere."""
    try:
        with open(f"/proc/{pid}/status") as status:
            kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
        return kib / 1024
    except (OSError, StopIteration):
        return None


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) >= 2 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a database filled by `kabar ingest`")
    parser.add_argument("--requests", type=int, default=200, help="requests per page per run (default 200)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; medians are reported (default 3)")
    parser.add_argument("--max-seconds", type=float, default=30, help="time limit per page per run (default 30)")
    args = parser.parse_args()
    proc, base = start_server(args.db)
    try:
        pages = main_pages(base)
        print(f"{args.clients} clients, up to {args.requests} requests x {args.runs} runs per page, {base}")
        print(f"{'page':14} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}  path")
        for name, path in pages.items():
            hammer(base, path, args.clients, args.clients, args.max_seconds)  # warm caches
            runs = [hammer(base, path, args.requests, args.clients, args.max_seconds) for _ in range(args.runs)]
            rate = statistics.median(r for r, _ in runs)
            mid = statistics.median(statistics.median(lat) for _, lat in runs) * 1000
            tail = statistics.median(p99(lat) for _, lat in runs) * 1000
            print(f"{name:14} {rate:8.1f} {mid:8.1f} {tail:8.1f}  {path}")
        peak = peak_memory_mib(proc.pid)
        if peak is not None:
            print(f"server peak resident memory: {peak:.0f} MiB")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
