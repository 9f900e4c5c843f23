"""Cost of the Hugging Face NER backend: the whole pipeline with the shipped NER and with a HF model.

    python benchmarks/bench_transformer_ner.py MODEL [--articles 20] [--runs 3] [--device cpu] [--threads 1]

MODEL is a folder or hub name of a token-classification model (what `--ner-model hf:MODEL`
takes). On the seed article and on the first N IndoSum dev.01 articles, prints seconds per
article (median over runs) for the whole pipeline and for its NER step alone, with the shipped
`ner` and with MODEL in its place, and the time to build each pipeline.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections import defaultdict
from pathlib import Path

from kabar.nlp.pipeline import build_nlp
from kabar.read import Article, read_inputs

ROOT = Path(__file__).resolve().parents[1]
NER_STEPS = ("ner", "kabar_transformer_ner")


def timed_run(nlp, texts: list[str]) -> tuple[float, float]:
    """Seconds for the whole pipeline and for its NER step, over `texts`."""
    steps = defaultdict(float)
    for text in texts:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            steps[name] += time.perf_counter() - start
    return sum(steps.values()), sum(steps[n] for n in NER_STEPS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", help="folder or hub name of a token-classification model")
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--device", default="cpu", help="cpu, cuda or auto")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (0: torch's default)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    corpus = args.data / "indosum" / "dev.01.jsonl"
    indosum = [a.text for a in itertools.islice(read_inputs([str(corpus)]), args.articles) if isinstance(a, Article)]
    sets = {"seed article": [(ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8")],
            f"{len(indosum)} IndoSum articles": indosum}
    configs = {"shipped ner": {}, f"hf:{args.model}": {"kabar_transformer_ner": {"model": args.model, "device": args.device}}}
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), device {args.device}")
    for label, config in configs.items():
        start = time.perf_counter()
        nlp = build_nlp(config=config)
        built = time.perf_counter() - start
        timed_run(nlp, sets["seed article"])  # warm-up
        print(f"{label}: pipeline built in {built:.2f} s")
        for name, texts in sets.items():
            runs = [timed_run(nlp, texts) for _ in range(args.runs)]
            whole = statistics.median(r[0] for r in runs) / len(texts)
            ner = statistics.median(r[1] for r in runs) / len(texts)
            print(f"  {name}: {whole:.3f} s per article, NER step {ner:.4f} s")


if __name__ == "__main__":
    main()
