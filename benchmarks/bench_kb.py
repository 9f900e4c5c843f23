"""Knowledge-base speed with many names: build time, file size, and time per lookup.

Generates N person names (default 1,000,000) from syllables, writes them in kabar's KB CSV
layout, builds the KB, then times `KB.candidates` for names that are in it, misspelled
versions of them and transliteration variants. Prints medians (and 95th percentiles) over all
queries, each pass repeated --runs times.

    python benchmarks/bench_kb.py [--names 1000000] [--queries 300] [--runs 3] [--dir DIR]
"""
from __future__ import annotations

import argparse
import csv
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

ONSETS = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh", "kh", "zh", "y", ""]
VOWELS = ["a", "e", "i", "o", "u", "ya", "yo", "ei", "ai"]
CODAS = ["", "", "n", "r", "v", "k", "s", "m"]
FIRST = ["Sergei", "Andrei", "Alexei", "Yuri", "Aleksandr", "Dmitry", "Oleg", "Ivan", "Denis", "Roman",
         "Budi", "Joko", "Siti", "Agus", "Dewi", "Kim", "Lee", "Park", "Maria", "Anna"]


def surname(rng: random.Random) -> str:
    word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(rng.randint(2, 4)))
    return word.capitalize() + rng.choice(["", "ov", "ev", "in", "ko", "to", "wan"])


def slip(name: str, rng: random.Random) -> str:
    first, last = name.split(" ", 1)
    i = rng.randrange(1, len(last) - 1)
    return f"{first} {last[:i]}{last[i + 1]}{last[i]}{last[i + 2:]}"


def variant(name: str) -> str:
    return name.replace("Sergei", "Sergey").replace("Andrei", "Andrey").replace("Yuri", "Yury").replace("kh", "h")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--names", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", type=Path, help="work folder; a KB already built there is reused (lookups only)")
    args = ap.parse_args()

    from kabar.kb import KB, build

    rng = random.Random(7)
    tmp = args.dir or Path(tempfile.mkdtemp())
    tmp.mkdir(parents=True, exist_ok=True)
    source = tmp / "people.csv"
    names = []
    with source.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "name", "aliases", "type", "country", "position", "start", "end", "source"])
        for i in range(args.names):
            name = f"{rng.choice(FIRST)} {surname(rng)}"
            names.append(name)
            out.writerow([f"gen:{i}", name, "", "PERSON", rng.choice(["RUS", "IDN", "KOR"]),
                          "Minister of Something" if i % 10 == 0 else "", "2020" if i % 10 == 0 else "", "", "generated"])

    kb_path = tmp / "kb.sqlite"
    if not kb_path.exists():
        started = time.perf_counter()
        build(kb_path, [f"kabar={source}"])
        print(f"build: {time.perf_counter() - started:.1f} s")
    kb = KB(kb_path)
    stats = kb.stats()
    print(f"{args.names:,} generated names -> {stats['entities']:,} entities, {stats['names']:,} names, "
          f"{stats['tokens']:,} distinct tokens; file {stats['file_bytes'] / 1e6:.0f} MB")

    picked = rng.sample(names, args.queries)
    kinds = {"exact": picked, "misspelled": [slip(n, rng) for n in picked], "transliterated": [variant(n) for n in picked]}
    for kind, queries in kinds.items():
        timings, cpu = [], []
        for _ in range(args.runs):
            for q in queries:
                t0, c0 = time.perf_counter(), time.process_time()
                kb.candidates(q)
                timings.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
        timings.sort()
        # CPU time too: on a shared machine the wall clock also counts other processes' turns.
        print(f"lookup {kind:<15} median {statistics.median(timings):6.2f} ms   "
              f"p95 {timings[int(0.95 * len(timings))]:6.2f} ms   CPU median {statistics.median(cpu):5.2f} ms   "
              f"({len(timings)} lookups)")
    print(f"peak memory (RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
