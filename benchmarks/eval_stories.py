"""Precision of story clustering (kabar.store.stories) on the real IndoSum dev articles.

    python benchmarks/eval_stories.py [--data ../shared/data]

The 3463 distinct dev articles are linked at several thresholds; each article's date is the
crawl timestamp that starts its IndoSum id (the corpus has no other date). Precision is
estimated from the judged pairs in benchmarks/data/story_pairs.tsv, sampled per similarity
band: each band's judged precision is weighted by how many linked pairs fall in it. Recall is
not measured (no gold clustering of IndoSum exists). Last, the same articles without dates:
how often links at cosine >= 0.5 are right when no window keeps weeks apart (judged sample in
benchmarks/data/story_pairs_undated.tsv), which is why undated articles only join near-copies.
"""
from __future__ import annotations

import argparse
import datetime as dt
import time
from collections import Counter, defaultdict
from pathlib import Path

from kabar.read import Article, read_inputs
from kabar.store.stories import THRESHOLD, UNDATED_THRESHOLD, WINDOW_DAYS, similar_pairs

HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "story_pairs.tsv"
GOLD_UNDATED = HERE / "data" / "story_pairs_undated.tsv"


def load_articles(data: Path) -> list[Article]:
    by_id: dict[str, Article] = {}
    for fold in sorted((data / "indosum").glob("dev.0*.jsonl")):
        for item in read_inputs([str(fold)]):
            if isinstance(item, Article):
                by_id.setdefault(item.id, item)
    return list(by_id.values())


def crawl_day(article: Article) -> str:
    return dt.datetime.fromtimestamp(int(article.id.split("-")[0]), dt.timezone.utc).date().isoformat()


def load_gold() -> dict[frozenset, tuple[bool, str]]:
    gold = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("id_a"):
            continue
        a, b, same, band = line.split("\t")
        gold[frozenset((a, b))] = (same == "1", band)
    return gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    args = parser.parse_args()
    articles = load_articles(args.data)
    docs = [(i, a.text, crawl_day(a)) for i, a in enumerate(articles)]
    started = time.perf_counter()
    pairs = similar_pairs(docs, threshold=0.25, window_days=WINDOW_DAYS)
    seconds = time.perf_counter() - started
    gold = load_gold()
    bands = sorted({band for _, band in gold.values()})
    print(f"{len(articles)} IndoSum dev articles; linking took {seconds:.1f} s; "
          f"{len(gold)} judged pairs in bands {', '.join(bands)}; window {WINDOW_DAYS} days")
    print("threshold  links  cross-outlet  stories(>1)  articles-in-them  judged  est.precision")
    for threshold in (0.25, 0.3, 0.35, 0.4, 0.5):
        linked = [(articles[a], articles[b], s) for a, b, s in pairs if s >= threshold]
        per_band: dict[str, list] = defaultdict(lambda: [0, 0, 0])  # links, judged, same
        for a, b, s in linked:
            judged = gold.get(frozenset((a.id, b.id)))
            band = judged[1] if judged else max(
                (x for x in bands if float(x.split("-")[0]) <= s), key=lambda x: float(x.split("-")[0]))
            per_band[band][0] += 1
            if judged:
                per_band[band][1] += 1
                per_band[band][2] += judged[0]
        estimate = sum(n * same / judged for n, judged, same in per_band.values() if judged)
        covered = sum(n for n, judged, _ in per_band.values() if judged)
        cross = sum(1 for a, b, _ in linked if a.source != b.source)
        sizes = _story_sizes(len(articles), [(a, b) for a, b, s in pairs if s >= threshold])
        mark = "  <- default" if threshold == THRESHOLD else ""
        print(f"{threshold:>9}  {len(linked):>5}  {cross:>12}  {len(sizes):>11}  {sum(sizes):>16}  "
              f"{sum(j for _, j, _ in per_band.values()):>6}  {estimate / covered if covered else float('nan'):>13.2f}{mark}")
    undated_figures(articles, pairs)


def undated_figures(articles: list[Article], dated_pairs: list) -> None:
    docs = [(i, a.text, None) for i, a in enumerate(articles)]
    windowed = {frozenset((a, b)) for a, b, _ in dated_pairs}
    loose = [(a, b) for a, b, _ in similar_pairs(docs, undated_threshold=0.5)]
    extra = {frozenset((articles[a].id, articles[b].id)) for a, b in loose if frozenset((a, b)) not in windowed}
    rows = [line.split("\t") for line in GOLD_UNDATED.read_text(encoding="utf-8").splitlines()
            if not line.startswith(("#", "id_a"))]
    judged = [same == "1" for a, b, same in rows if frozenset((a, b)) in extra]
    strict = similar_pairs(docs)
    print(f"without dates: {len(loose)} links at cosine >= 0.5, {len(extra)} of them outside the {WINDOW_DAYS}-day "
          f"window; judged {sum(judged)}/{len(judged)} right; at the undated threshold {UNDATED_THRESHOLD}: "
          f"{len(strict)} links")


def _story_sizes(n: int, links: list[tuple[int, int]]) -> list[int]:
    parent = list(range(n))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        parent[root(a)] = root(b)
    return [size for size in Counter(root(i) for i in range(n)).values() if size > 1]


if __name__ == "__main__":
    main()
