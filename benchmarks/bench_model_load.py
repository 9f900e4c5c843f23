"""Loading time of the shipped model: kabar's `load_model` against a plain `spacy.load`.

    python benchmarks/bench_model_load.py [--runs 5]

The two loads alternate in one process (so machine load hits both alike); prints the median
and the spread of each. `load_model` skips re-reading a saved tokenizer that is the language's
own (`kabar.nlp.model`), which `spacy.load` builds twice.
"""
from __future__ import annotations

import argparse
import statistics
import time

import spacy

from kabar.nlp.model import SHIPPED, load_model


def seconds(load) -> float:
    started = time.perf_counter()
    load()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    plain, kabar_ = [], []
    for _ in range(args.runs):
        plain.append(seconds(lambda: spacy.load(SHIPPED)))
        kabar_.append(seconds(lambda: load_model(SHIPPED)))
    for name, times in (("spacy.load", plain), ("kabar load_model", kabar_)):
        print(f"{name:<17} median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, "
              f"{args.runs} runs)")


if __name__ == "__main__":
    main()
