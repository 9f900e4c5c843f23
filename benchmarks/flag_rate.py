"""How often the checks flag real, edited news: the whole pipeline over IndoSum articles.

    python benchmarks/flag_rate.py [--articles 50] [--part dev.03.jsonl] [--kb kb.sqlite] [--show]

IndoSum articles are published, edited text: every flag there is either a real defect or a
false alarm, so the rate bounds the noise a reader sees. `--show` prints each flag to judge it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time
from collections import Counter
from itertools import islice
from pathlib import Path

import kabar
from kabar.read.detokenize import detokenize

ROOT = Path(__file__).resolve().parents[1]
INDOSUM = Path(os.environ.get("KABAR_SHARED", ROOT.parent / "shared")) / "data" / "indosum"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--part", default="dev.03.jsonl")
    parser.add_argument("--kb", help="a knowledge base, so that the KB checks run too")
    parser.add_argument("--show", action="store_true", help="print every flag")
    args = parser.parse_args()
    with open(INDOSUM / args.part, encoding="utf-8") as lines:
        articles = [json.loads(line) for line in islice(lines, args.articles)]

    kinds, flagged = Counter(), Counter()
    started = time.perf_counter()
    for article in articles:
        stamp = int(article["id"].split("-")[0])
        published = dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date()
        report = kabar.analyze(detokenize(article["paragraphs"]), published=published, kb=args.kb)
        for flag in report.flags:
            kinds[flag.kind] += 1
            flagged[article["id"]] += 1
            if args.show:
                print(f"{article['id'][:40]:40} {flag.kind:18} {flag.text[:90]!r}")
    seconds = time.perf_counter() - started

    n = len(articles)
    print(f"{n} IndoSum articles ({args.part}), {seconds / n * 1000:.0f} ms per article (whole pipeline)")
    print(f"articles with any flag: {len(flagged)} ({len(flagged) / n:.0%}); flags: {sum(kinds.values())} "
          f"({sum(kinds.values()) / n:.2f} per article)")
    for kind, count in kinds.most_common():
        print(f"  {kind:18} {count}")


if __name__ == "__main__":
    main()
