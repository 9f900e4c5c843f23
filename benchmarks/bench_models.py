"""Speed and memory of the shipped trained pipeline on real news (IndoSum articles).

Prints tokens/second on one core (median of several runs), peak resident memory and the size
of the model files. Usage:  python benchmarks/bench_models.py [--articles 200] [--runs 5] [--model PATH]
(`--model` scores another pipeline folder, e.g. the previous model, for a same-machine comparison)
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: figures are per core
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("KABAR_SHARED", ROOT.parent / "shared")) / "data"


def indosum_texts(limit: int) -> list[str]:
    """Article texts rebuilt from IndoSum's tokenized paragraphs (first `limit` articles)."""
    texts = []
    with open(DATA / "indosum" / "dev.01.jsonl", encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            texts.append("\n".join(" ".join(" ".join(s) for s in para) for para in article["paragraphs"]))
            if len(texts) == limit:
                break
    return texts


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", type=Path, help="a pipeline folder (default: the shipped model)")
    args = parser.parse_args()

    import spacy

    from kabar.nlp.model import SHIPPED

    SHIPPED = args.model or SHIPPED

    size_mb = sum(f.stat().st_size for f in SHIPPED.rglob("*") if f.is_file()) / 2**20
    before = peak_rss_mb()
    t0 = time.perf_counter()
    nlp = spacy.load(SHIPPED)
    load_s = time.perf_counter() - t0
    texts = indosum_texts(args.articles)
    n_tokens = sum(len(d) for d in nlp.tokenizer.pipe(texts))
    print(f"model: {SHIPPED.name}, components {nlp.pipe_names}, files {size_mb:.1f} MB, load {load_s:.2f} s")
    print(f"input: {len(texts)} IndoSum articles, {n_tokens} tokens; {args.runs} runs, 1 thread")
    rates = {}
    for label, enabled in (("all components", nlp.pipe_names), ("ner only", ["ner"]),
                           ("tagger+parser", [n for n in nlp.pipe_names if n in {"tok2vec", "morphologizer", "parser"}])):
        times = []
        with nlp.select_pipes(enable=enabled):
            for _ in range(args.runs):
                t0 = time.perf_counter()
                for _doc in nlp.pipe(texts, batch_size=64):
                    pass
                times.append(time.perf_counter() - t0)
        rates[label] = n_tokens / statistics.median(times)
        print(f"{label:<16} {rates[label]:>9.0f} tokens/s per core (median; min {min(times):.2f} s, max {max(times):.2f} s)")
    print(f"peak RSS {peak_rss_mb():.0f} MB (Python + spaCy before loading: {before:.0f} MB)")


if __name__ == "__main__":
    main()
