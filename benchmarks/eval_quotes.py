"""Speaker attribution on real IndoSum quotes, end to end (NER, coreference, quotes).

    python benchmarks/eval_quotes.py [--errors]

The gold set (benchmarks/data/quotes_gold.tsv) names each quote by article id and its opening
words, and the speaker by one word of the name. A quote counts as right when kabar finds it and
its speaker entity's name has that word ("-": no speaker and kabar gives none, or no quote).
"Speaker not among the entities" counts the misses that the NER, not the quote rules, owes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import kabar
from indosum_gold import load_articles

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "quotes_gold.tsv"


def load_gold() -> list[tuple[str, str, str]]:
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            ident, opening, speaker = line.split("\t")
            rows.append((ident, opening, speaker))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the quotes kabar gets wrong")
    args = parser.parse_args()
    gold = load_gold()
    texts = load_articles({ident for ident, _, _ in gold})
    started = time.perf_counter()
    reports = {i: kabar.analyze(t, published=dt.datetime.fromtimestamp(int(i), dt.timezone.utc).date())
               for i, t in texts.items()}
    seconds = time.perf_counter() - started

    right = found = ner_missed = 0
    for ident, opening, speaker in gold:
        report = reports[ident]
        quote = next((q for q in report.quotes if q.text.startswith(opening)), None)
        found += quote is not None
        entity = report.entity(quote.speaker) if quote and quote.speaker else None
        got = entity.name if entity else None
        if speaker == "-":
            ok = got is None
        else:
            ok = got is not None and speaker.lower() in got.lower().split()
            if not any(speaker.lower() in e.name.lower().split() for e in report.entities):
                ner_missed += 1
        right += ok
        if args.errors and not ok:
            print(f"  {ident} {opening!r:34} gold={speaker} kabar={got} ({quote.extra if quote else 'quote not found'})")
    n = len(gold)
    print(f"{n} quotes in {len(texts)} IndoSum articles ({GOLD.name}); {seconds / len(texts) * 1000:.0f} ms per article")
    print(f"quotes found: {found / n:.1%}; speaker right: {right / n:.1%} ({right}/{n})")
    print(f"speaker not among the entities (NER misses): {ner_missed}")


if __name__ == "__main__":
    main()
