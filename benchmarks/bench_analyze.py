"""Speed and memory of `kabar.analyze_article` on real IndoSum articles.

    python benchmarks/bench_analyze.py [--articles 50] [--runs 3] [--data ../shared/data]

Prints the pipeline start-up time, articles/second (median over runs, the first article of the
first run included in start-up, not in speed), peak Python heap while analysing (tracemalloc,
a separate pass since tracing slows the code) and the process's peak resident memory.
"""
from __future__ import annotations

import argparse
import itertools
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import kabar
from kabar.read import Article, read_inputs

ROOT = Path(__file__).resolve().parents[1]


def load_articles(data: Path, n: int) -> list[Article]:
    corpus = data / "indosum" / "dev.01.jsonl"
    articles = [a for a in itertools.islice(read_inputs([str(corpus)]), n) if isinstance(a, Article)]
    if len(articles) < n:
        sys.exit(f"{corpus}: only {len(articles)} readable articles, wanted {n}")
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()

    articles = load_articles(args.data, args.articles)
    chars = sum(len(a.text) for a in articles)
    start = time.perf_counter()
    kabar.analyze_article(articles[0])  # builds the pipeline, loads models and lexicons
    startup = time.perf_counter() - start

    rates = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for article in articles:
            kabar.analyze_article(article)
        rates.append(len(articles) / (time.perf_counter() - start))

    tracemalloc.start()
    for article in articles:
        kabar.analyze_article(article)
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    print(f"articles: {len(articles)} IndoSum (dev.01), {chars / len(articles):.0f} characters on average")
    print(f"start-up (first article, pipeline build): {startup:.2f} s")
    print(f"speed: median {statistics.median(rates):.1f} articles/s over {args.runs} runs "
          f"(min {min(rates):.1f}, max {max(rates):.1f}); {statistics.median(rates) * chars / len(articles) / 1000:.0f} k characters/s")
    print(f"peak extra Python heap while analysing, pipeline loaded: {heap_peak / 2**20:.1f} MiB (tracemalloc)")
    print(f"peak resident memory of the process: {rss_peak:.0f} MiB")


if __name__ == "__main__":
    main()
