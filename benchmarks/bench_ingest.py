"""Ingest speed, store write/query latency and memory, on real IndoSum articles.

    python benchmarks/bench_ingest.py [--articles 60] [--runs 3] [--jobs 1 2]
    python benchmarks/bench_ingest.py --db kabar.db      # queries on a filled database only

1. `kabar ingest` end to end (read, analyse, store) into a fresh SQLite file, median
   articles/second over runs, per job count.
2. Store only: median milliseconds to write one already-analysed report, to re-write it, and
   to run the main read queries on the filled database.
3. Peak resident memory of this process (the writer; each worker adds one pipeline).
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from kabar.read import Article, read_inputs

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"


def corpus(path: Path, n: int) -> Path:
    """The first n IndoSum dev articles, as a JSONL file in a temp folder."""
    with (DATA / "indosum" / "dev.01.jsonl").open(encoding="utf-8") as lines:
        path.write_text("".join(islice(lines, n)), encoding="utf-8")
    return path


def ingest_rate(jsonl: Path, jobs: int, workdir: Path, run: int) -> float:
    db = workdir / f"bench-{jobs}-{run}.db"
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kabar", "ingest", str(jsonl), "--db", str(db), "--jobs", str(jobs)],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(done.stderr)
    stored = int(done.stderr.split("kabar ingest: ", 1)[1].split(" stored", 1)[0])
    return stored / seconds


def ms(fn, repeat: int = 20) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def store_figures(jsonl: Path, workdir: Path) -> None:
    import kabar
    from kabar.store import Store
    from kabar.store.identity import article_key, fingerprint

    articles = [a for a in read_inputs([str(jsonl)]) if isinstance(a, Article)]
    reports = [(kabar.analyze_article(a), a) for a in articles]
    store = Store.open(workdir / "store.db")
    writes = []
    for report, article in reports:
        started = time.perf_counter()
        store.save_report(report, fingerprint(article), key=article_key(article))
        writes.append((time.perf_counter() - started) * 1000)
    report, article = reports[0]
    rewrite = ms(lambda: store.save_report(report, "changed", key=article_key(article)))
    print(f"store (SQLite, {len(reports)} reports): write {statistics.median(writes):.1f} ms/report, "
          f"re-write {rewrite:.1f} ms")
    query_figures(store)


def query_figures(store) -> None:
    started = time.perf_counter()
    store.update_stories()
    print(f"story clustering of {store.summary()['articles']} articles: {time.perf_counter() - started:.1f} s")
    top = store.search_entities("", limit=1)["items"]
    entity = top[0]["entity_id"] if top else 1
    print(f"queries (median ms): list_articles {ms(lambda: store.list_articles()):.1f}, "
          f"list_articles q= {ms(lambda: store.list_articles(q='presiden')):.1f}, "
          f"search_entities {ms(lambda: store.search_entities('jo')):.1f}, "
          f"get_entity {ms(lambda: store.get_entity(entity)):.1f}, "
          f"get_article {ms(lambda: store.get_article(1)):.1f}, "
          f"list_events {ms(lambda: store.list_events(since='2017-01-01')):.1f}, "
          f"counts {ms(lambda: store.counts_by_actor_pair_month()):.1f}")
    print(f"rows: {json.dumps(store.summary())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--db", help="Only time the queries (and re-clustering) on this filled database.")
    args = parser.parse_args()
    if args.db:
        from kabar.store import Store

        query_figures(Store.open(args.db))
        return
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        jsonl = corpus(workdir / "dev.jsonl", args.articles)
        for jobs in args.jobs:
            rates = [ingest_rate(jsonl, jobs, workdir, run) for run in range(args.runs)]
            print(f"kabar ingest, {args.articles} articles, --jobs {jobs}: median {statistics.median(rates):.2f} "
                  f"articles/s over {args.runs} runs (min {min(rates):.2f}, max {max(rates):.2f}; "
                  f"includes start-up)")
        store_figures(jsonl, workdir)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the writer process (with one pipeline loaded): {peak:.0f} MB")


if __name__ == "__main__":
    main()
