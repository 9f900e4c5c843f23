"""Print the IndoSum sentences of an events-gold batch, chosen by a fixed rule, for annotation.

    python benchmarks/sample_events_gold.py [--per-file 16] > batch.jsonl
    python benchmarks/sample_events_gold.py --fresh [--per-file 16] > fresh.jsonl

Batch 2 rule (tests/data/events_gold/guidelines.md): in each of indosum dev.01–dev.05, in file
order, the first `--per-file` articles of category "tajuk utama" that are not yet in the gold and
whose first two sentences hold a political actor word (POLITICAL below); their first two
sentences, with or without an event, go in.
`--fresh` (batch 3, the "fresh" split): from each file read backwards, so that it cannot meet the
articles batch 2 took from the front, half of `--per-file` go in as ledes by the same rule and the
other half as one random sentence holding a political actor word (seed 3) from the next articles.
Each line is `{"id", "text", "events": []}`, the text the IndoSum tokens joined by spaces, as in
batch 1; events are filled in by hand.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "events_gold" / "annotations.jsonl"
INDOSUM = ROOT.parent / "shared" / "data" / "indosum"
POLITICAL = {
    "presiden", "wapres", "menteri", "menlu", "pemerintah", "gubernur", "bupati", "walikota", "wali",
    "dpr", "mpr", "dprd", "partai", "polisi", "polri", "polda", "polres", "kapolri", "tni", "militer",
    "tentara", "pasukan", "kpk", "jaksa", "kejaksaan", "hakim", "pengadilan", "pbb", "perdana", "raja",
    "diplomat", "dubes", "pemberontak", "militan", "demonstran", "massa",
}


def political(sentence: list[str]) -> bool:
    return bool({w.lower() for w in sentence} & POLITICAL)


def line(article: dict, par: int, k: int, sentence: list[str]) -> str:
    text = re.sub(r"\s+", " ", " ".join(sentence)).strip()
    return json.dumps({"id": f"indosum:{article['id']}:{par}:{k}", "text": text, "events": []}, ensure_ascii=False)


def candidates(path: Path, used: set[str], backwards: bool) -> list[dict]:
    """The file's "tajuk utama" articles not yet in the gold, in file order or reversed."""
    arts = [json.loads(row) for row in path.read_text(encoding="utf-8").splitlines() if row.strip()]
    arts = [a for a in arts if a["category"] == "tajuk utama" and a["id"] not in used]
    return arts[::-1] if backwards else arts


def sentences(article: dict) -> list[tuple[int, int, list[str]]]:
    return [(p, k, s) for p, par in enumerate(article["paragraphs"]) for k, s in enumerate(par)]


def ledes(arts: list[dict], n: int) -> tuple[list[str], list[dict]]:
    """The first two sentences of the first `n` articles whose lede names a political actor; the rest."""
    out, taken = [], 0
    for i, art in enumerate(arts):
        if taken == n:
            return out, arts[i:]
        first = sentences(art)[:2]
        if political([w for _, _, s in first for w in s]):
            taken += 1
            out += [line(art, p, k, s) for p, k, s in first]
    return out, []


def random_sentences(arts: list[dict], n: int, rng: random.Random) -> list[str]:
    """One random sentence with a political actor word from each of the first `n` articles that have one."""
    out = []
    for art in arts:
        if len(out) == n:
            break
        pool = [(p, k, s) for p, k, s in sentences(art) if political(s)]
        if pool:
            out.append(line(art, *rng.choice(pool)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-file", type=int, default=16, help="articles per file")
    ap.add_argument("--fresh", action="store_true", help="batch 3: ledes and random sentences from the files' ends")
    args = ap.parse_args()
    used = {json.loads(row)["id"].split(":")[1] for row in GOLD.read_text(encoding="utf-8").splitlines() if row.strip()}
    rng = random.Random(3)
    for path in sorted(INDOSUM.glob("dev.*.jsonl")):
        arts = candidates(path, used, backwards=args.fresh)
        if args.fresh:
            lede_lines, rest = ledes(arts, args.per_file // 2)
            lines = lede_lines + random_sentences(rest, args.per_file - args.per_file // 2, rng)
        else:
            lines = ledes(arts, args.per_file)[0]
        used |= {json.loads(row)["id"].split(":")[1] for row in lines}  # an article can be in two files
        print(*lines, sep="\n")


if __name__ == "__main__":
    main()
