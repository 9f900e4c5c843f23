"""IndoSum articles that the hand-checked gold files in benchmarks/data/ refer to by id prefix."""
from __future__ import annotations

import json
import os
from pathlib import Path

from kabar.read.detokenize import detokenize

ROOT = Path(__file__).resolve().parents[1]
INDOSUM = Path(os.environ.get("KABAR_SHARED", ROOT.parent / "shared")) / "data" / "indosum"


def load_articles(ids: set[str]) -> dict[str, str]:
    """Detokenised text of the articles whose id starts with one of `ids` (the crawl time)."""
    texts = {}
    for part in sorted(INDOSUM.glob("dev.*.jsonl")):
        with open(part, encoding="utf-8") as lines:
            for line in lines:
                article = json.loads(line)
                key = article["id"].split("-")[0]
                if key in ids and key not in texts:
                    texts[key] = detokenize(article["paragraphs"])
    missing = ids - set(texts)
    if missing:
        raise SystemExit(f"{INDOSUM}: articles not found: {sorted(missing)}")
    return texts
