"""Print the IndoSum sentences of an events-gold batch, chosen by a fixed rule, for annotation.

    python benchmarks/sample_events_gold.py [--per-file 16] > batch.jsonl
    python benchmarks/sample_events_gold.py --fresh [--per-file 16] > fresh.jsonl
    python benchmarks/sample_events_gold.py --batch4 [--per-file 30] > batch4.jsonl

Batch 2 rule (tests/data/events_gold/guidelines.md): in each of indosum dev.01–dev.05, in file
order, the first `--per-file` articles of category "tajuk utama" that are not yet in the gold and
whose first two sentences hold a political actor word (POLITICAL below); their first two
sentences, with or without an event, go in.
`--fresh` (batch 3, the "fresh" split): from each file read backwards, so that it cannot meet the
articles batch 2 took from the front, half of `--per-file` go in as ledes by the same rule and the
other half as one random sentence holding a political actor word (seed 3) from the next articles.
`--batch4` (batch 4, the "fresh2" split): no ledes: each file's articles not in batches 1–3,
shuffled (seed 4), give one random sentence from their middle (neither of the first two sentences
nor the last). Half of `--per-file` come from the articles that have such a sentence with a
political actor word naming a foreign country or a body or word of diplomacy (`international`),
the sentence drawn among those; the other half from the next articles, any middle sentence, so
that plain news measures false alarms.
Each line is `{"id", "text", "events": []}`, the text the IndoSum tokens joined by spaces, as in
batch 1 (batch 4 adds `"split": "fresh2"`); events are filled in by hand.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from kabar.kb.countries import iso3

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "events_gold" / "annotations.jsonl"
INDOSUM = ROOT.parent / "shared" / "data" / "indosum"
POLITICAL = {
    "presiden", "wapres", "menteri", "menlu", "pemerintah", "gubernur", "bupati", "walikota", "wali",
    "dpr", "mpr", "dprd", "partai", "polisi", "polri", "polda", "polres", "kapolri", "tni", "militer",
    "tentara", "pasukan", "kpk", "jaksa", "kejaksaan", "hakim", "pengadilan", "pbb", "perdana", "raja",
    "diplomat", "dubes", "pemberontak", "militan", "demonstran", "massa",
}

# Foreign names pycountry lacks or that are too short to look up safely ("per" is Peru's code),
# and the bodies and words of diplomacy.
INTERNATIONAL = {
    "as", "pbb", "ue", "asean", "nato", "amerika", "eropa", "internasional", "diplomat", "diplomatik", "dubes",
    "kedutaan", "kbri", "menlu", "bilateral", "asing",
}


def political(sentence: list[str]) -> bool:
    return bool({w.lower() for w in sentence} & POLITICAL)


def international(sentence: list[str]) -> bool:
    """A word of INTERNATIONAL, or one to three capitalised words that kabar's country table
    (pycountry, Indonesian names included) reads as a country other than Indonesia."""
    if {w.lower() for w in sentence} & INTERNATIONAL:
        return True
    grams = (sentence[i:i + n] for n in (1, 2, 3) for i in range(len(sentence) - n + 1))
    return any(all(w[:1].isupper() for w in g) and len(" ".join(g)) > 3 and iso3(" ".join(g)) not in (None, "IDN")
               for g in grams)


def line(article: dict, par: int, k: int, sentence: list[str], split: str | None = None) -> str:
    text = re.sub(r"\s+", " ", " ".join(sentence)).strip()
    row = {"id": f"indosum:{article['id']}:{par}:{k}", "text": text, "events": []}
    return json.dumps(row | ({"split": split} if split else {}), ensure_ascii=False)


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


def middle_sentences(arts: list[dict], n: int, rng: random.Random, wanted) -> tuple[list[str], list[dict]]:
    """One random middle sentence for which `wanted` holds from each of the first `n` articles
    that have one (batch 4); the articles after the last one taken."""
    out = []
    for i, art in enumerate(arts):
        if len(out) == n:
            return out, arts[i:]
        pool = [(p, k, s) for p, k, s in sentences(art)[2:-1] if wanted(s)]
        if pool:
            out.append(line(art, *rng.choice(pool), split="fresh2"))
    return out, []


def batch4(arts: list[dict], n: int, rng: random.Random) -> list[str]:
    """Batch 4: half international political middle sentences, half any middle sentence."""
    rng.shuffle(arts)
    chosen, rest = middle_sentences(arts, n // 2, rng, lambda s: political(s) and international(s))
    return chosen + middle_sentences(rest, n - n // 2, rng, lambda s: True)[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-file", type=int, help="articles per file (16; 30 with --batch4)")
    ap.add_argument("--fresh", action="store_true", help="batch 3: ledes and random sentences from the files' ends")
    ap.add_argument("--batch4", action="store_true", help="batch 4: random middle sentences (seed 4), half international")
    args = ap.parse_args()
    per_file = args.per_file or (30 if args.batch4 else 16)
    gold = [json.loads(row) for row in GOLD.read_text(encoding="utf-8").splitlines() if row.strip()]
    # batch 4 leaves out batches 1–3 only, so that it stays the same once merged into the gold
    used = {g["id"].split(":")[1] for g in gold if not (args.batch4 and g.get("split") == "fresh2")}
    rng = random.Random(4 if args.batch4 else 3)
    for path in sorted(INDOSUM.glob("dev.*.jsonl")):
        arts = candidates(path, used, backwards=args.fresh)
        if args.batch4:
            lines = batch4(arts, per_file, rng)
        elif args.fresh:
            lede_lines, rest = ledes(arts, per_file // 2)
            lines = lede_lines + random_sentences(rest, per_file - per_file // 2, rng)
        else:
            lines = ledes(arts, per_file)[0]
        used |= {json.loads(row)["id"].split(":")[1] for row in lines}  # an article can be in two files
        print(*lines, sep="\n")


if __name__ == "__main__":
    main()
