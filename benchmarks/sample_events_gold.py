"""Print the IndoSum sentences of an events-gold batch, chosen by a fixed rule, for annotation.

    python benchmarks/sample_events_gold.py [--per-file 16] > batch.jsonl

Batch 2 rule (tests/data/events_gold/guidelines.md): in each of indosum dev.01–dev.05, in file
order, the first `--per-file` articles of category "tajuk utama" that are not yet in the gold and
whose first two sentences hold a political actor word (POLITICAL below); their first two
sentences, with or without an event, go in. Each line is `{"id", "text", "events": []}`, the text
the IndoSum tokens joined by spaces, as in batch 1; events are filled in by hand.
"""
from __future__ import annotations

import argparse
import json
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-file", type=int, default=16)
    args = ap.parse_args()
    used = {json.loads(line)["id"].split(":")[1] for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()}
    for path in sorted(INDOSUM.glob("dev.*.jsonl")):
        taken = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            art = json.loads(line)
            if taken == args.per_file:
                break
            if art["category"] != "tajuk utama" or art["id"] in used:
                continue
            sents = [(p, k, s) for p, par in enumerate(art["paragraphs"]) for k, s in enumerate(par)][:2]
            words = {w.lower() for _, _, s in sents for w in s}
            if not words & POLITICAL:
                continue
            used.add(art["id"])
            taken += 1
            for p, k, s in sents:
                text = re.sub(r"\s+", " ", " ".join(s)).strip()
                print(json.dumps({"id": f"indosum:{art['id']}:{p}:{k}", "text": text, "events": []}, ensure_ascii=False))


if __name__ == "__main__":
    main()
