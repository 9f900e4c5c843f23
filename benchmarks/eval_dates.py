"""Accuracy of date normalisation on real IndoSum expressions: dateparser alone vs kabar.

    python benchmarks/eval_dates.py

The gold set (benchmarks/data/dates_gold.tsv) names each expression by article id and occurrence;
the articles are read from ../shared/data/indosum. dateparser gets each expression on its own
(relative base = the article's published date, DMY order) and its answer is cut to the gold
granularity, so it is only judged on the value. kabar runs `find_dates` over the whole article
and must find a mention over the expression with the gold value (NOT_DATE rows: no mention).
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import time
from collections import Counter
from pathlib import Path

import dateparser

from kabar.nlp.dates import find_dates
from indosum_gold import load_articles

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "dates_gold.tsv"


def load_gold(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        ident, occurrence, expression, value, granularity, *_ = line.split("\t") + [""]
        rows.append({"id": ident, "occurrence": int(occurrence), "expression": expression,
                     "value": None if value == "None" else value, "granularity": granularity})
    return rows


def published(ident: str) -> dt.date:
    return dt.datetime.fromtimestamp(int(ident), dt.timezone.utc).date()


def category(row: dict) -> str:
    g = row["granularity"]
    if row["value"] == "NOT_DATE":
        return "not a date"
    if g in {"duration", "offset", "vague", "recurring"}:
        return g if g != "recurring" else "vague"
    if re.search(r"\b(?:19|20)\d\d\b", row["expression"]):
        return "absolute"
    if "/" in row["expression"]:
        return "partial (no year)"
    return "relative"


def dateparser_value(row: dict, base: dt.date):
    parsed = dateparser.parse(row["expression"], languages=["id"], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()), "DATE_ORDER": "DMY"})
    if parsed is None:
        return None
    g = row["granularity"]
    if g == "day":
        return parsed.date().isoformat()
    if g == "month":
        return f"{parsed.year:04d}-{parsed.month:02d}"
    if g == "year":
        return f"{parsed.year:04d}"
    if g == "week":
        year, week, _ = parsed.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return parsed.date().isoformat()  # ranges, durations, offsets: a single date is wrong


def kabar_value(row: dict, text: str, mentions) -> str | None:
    start = -1
    for _ in range(row["occurrence"] + 1):
        start = text.find(row["expression"], start + 1)
    if start < 0:
        raise SystemExit(f"{row['id']}: {row['expression']!r} not in the article")
    end = start + len(row["expression"])
    hits = [m for m in mentions if m.start < end and start < m.end]
    if not hits:
        return "NOT_DATE" if row["value"] == "NOT_DATE" else "(missed)"
    return hits[0].value if row["value"] != "NOT_DATE" else "(found)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the expressions each system gets wrong")
    args = parser.parse_args()
    rows = load_gold(GOLD)
    texts = load_articles({r["id"] for r in rows})
    started = time.perf_counter()
    mentions = {i: find_dates(t, published(i)) for i, t in texts.items()}
    kabar_ms = (time.perf_counter() - started) * 1000 / len(texts)

    right = {"dateparser": Counter(), "kabar": Counter()}
    total = Counter()
    for row in rows:
        base, cat = published(row["id"]), category(row)
        total[cat] += 1
        gold = row["value"]
        dp = dateparser_value(row, base)
        kb = kabar_value(row, texts[row["id"]], mentions[row["id"]])
        dp_ok = (dp is None) if gold in (None, "NOT_DATE") else dp == gold
        kb_ok = kb == gold
        right["dateparser"][cat] += dp_ok
        right["kabar"][cat] += kb_ok
        if args.errors and not (dp_ok and kb_ok):
            print(f"  {row['id']} {row['expression']!r:32} gold={gold} dateparser={dp} kabar={kb}")

    n = sum(total.values())
    print(f"{n} expressions from {len(texts)} IndoSum articles ({GOLD.name})")
    print(f"{'category':20} {'n':>4} {'dateparser':>11} {'kabar':>8}")
    for cat in sorted(total):
        t = total[cat]
        print(f"{cat:20} {t:>4} {right['dateparser'][cat] / t:>11.1%} {right['kabar'][cat] / t:>8.1%}")
    print(f"{'all':20} {n:>4} {sum(right['dateparser'].values()) / n:>11.1%} {sum(right['kabar'].values()) / n:>8.1%}")
    print(f"kabar find_dates: {kabar_ms:.1f} ms per article")


if __name__ == "__main__":
    main()
