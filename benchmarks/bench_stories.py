"""Incremental story clustering against re-clustering everything, on the IndoSum dev articles.

    python benchmarks/bench_stories.py [--batch 250] [--data ../shared/data]

The 3463 distinct articles go into a fresh SQLite store in date order, `--batch` at a time (as
repeated `kabar ingest` runs would bring them), with `update_stories()` after each batch: it
re-clusters only the days around the new articles. At the end the same store is re-clustered
from scratch (`full=True`). Prints the time of each kind of update and how far the incremental
stories are from the full ones: of the article pairs the full clustering puts in one story, the
share the incremental one also does (recall), and the other way round (precision).
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from itertools import combinations
from pathlib import Path

from eval_stories import crawl_day, load_articles

from kabar.report import Report
from kabar.store import Store

HERE = Path(__file__).resolve().parent


def same_story_pairs(store: Store) -> set[frozenset]:
    pairs = set()
    offset = 0
    while True:
        page = store.stories(limit=1000, offset=offset)
        for story in page["items"]:
            ids = [a["article_id"] for a in story["articles"]]
            pairs.update(frozenset(p) for p in combinations(ids, 2))
        offset += 1000
        if offset >= page["total"]:
            return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--batch", type=int, default=250)
    args = parser.parse_args()
    articles = sorted(load_articles(args.data), key=crawl_day)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "stories.db") as store:
        incremental = []
        for start in range(0, len(articles), args.batch):
            for a in articles[start:start + args.batch]:
                report = Report(id=a.id, source=a.source, title=a.title, text=a.text, published=crawl_day(a))
                store.save_report(report, a.id, key=f"id:{a.id}")
            started = time.perf_counter()
            store.update_stories()
            incremental.append(time.perf_counter() - started)
        kept = same_story_pairs(store)
        started = time.perf_counter()
        store.update_stories(full=True)
        full_s = time.perf_counter() - started
        full = same_story_pairs(store)
    both = len(kept & full)
    print(f"{len(articles)} articles in {len(incremental)} batches of {args.batch}")
    print(f"incremental update: median {statistics.median(incremental):.2f} s, last {incremental[-1]:.2f} s; "
          f"full re-clustering of the whole store: {full_s:.2f} s")
    print(f"same-story pairs: full {len(full)}, incremental {len(kept)}; incremental vs full: "
          f"precision {both / max(len(kept), 1):.3f}, recall {both / max(len(full), 1):.3f}")


if __name__ == "__main__":
    main()
