"""Quality, speed and memory of the entity rules (kabar_entities + kabar_coref).

    python benchmarks/eval_entities.py [--articles 50] [--runs 3] [--data ../shared/data] [--model PATH]

`--model` puts a trained spaCy pipeline (with NER) before the rules, as `kabar analyze` does
with a shipped model; by default the rules run alone.

Quality: the seed article against its 24 people, organisations and places; the IndoSum
articles whose facts were verified by reading (tests/test_indosum_facts.py): recall, precision
and title positions; and exact-span precision/recall/F1 on the test splits of two gold NER sets
(IdNER-news-2k, NERGRIT), one sentence at a time, so without the article's context.
Speed: milliseconds per IndoSum article that the two components add to sentence splitting
(median over runs, without a trained model). Memory: the gazetteer's load time and heap.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacy.tokens import Doc  # noqa: E402

from kabar.training.corpora import LABEL_MAP, read_tagged  # noqa: E402
from kabar.nlp import places  # noqa: E402
from kabar.nlp.pipeline import build_nlp  # noqa: E402
from kabar.read import Article, read_inputs  # noqa: E402
from tests.test_entities import SEED_ALSO_REAL, SEED_GOLD  # noqa: E402
from tests.test_indosum_facts import FACTS, KIND, load  # noqa: E402

STEPS = ["kabar_sentences", "kabar_metadata", "kabar_entities", "kabar_coref"]


def names_of(entity) -> set[str]:
    return {entity.name.lower(), *(m.text.lower() for m in entity.mentions)}


def seed_quality(nlp) -> str:
    doc = nlp((ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8"))
    found = {e.name: e.type for e in doc._.entities}
    hits = sum(found.get(n) == t for n, t in SEED_GOLD.items())
    real = sum(n in SEED_GOLD or n in SEED_ALSO_REAL for n in found)
    titled = sum(bool(e.titles) for e in doc._.entities if e.type == "PERSON")
    people = sum(e.type == "PERSON" for e in doc._.entities)
    return (f"seed: recall {hits}/{len(SEED_GOLD)}, precision {real}/{len(found)}, "
            f"people with a title {titled}/{people}")


def indosum_quality(nlp) -> str:
    hits = total = good = reported = pos_hits = pos_total = 0
    for key, facts in FACTS.items():
        doc = nlp(load(*key))
        names = {}
        for e in doc._.entities:
            for n in names_of(e):
                names.setdefault(n, KIND.get(e.type, e.type))
        hits += sum(names.get(n.lower()) == k for n, k in facts["entities"].items())
        total += len(facts["entities"])
        known = {n.lower() for n in facts["entities"]}
        reported += len(doc._.entities)
        good += sum(bool(names_of(e) & known) for e in doc._.entities)
        for name, position in facts["positions"].items():
            entity = next((e for e in doc._.entities if name.lower() in names_of(e)), None)
            pos_total += 1
            held = entity.extra["positions"] + entity.extra.get("former_positions", []) if entity else []
            pos_hits += any(p.startswith(position) for p in held)
    return (f"IndoSum ({len(FACTS)} verified articles): recall {hits}/{total} = {hits / total:.2f}, "
            f"precision {good}/{reported} = {good / reported:.2f}, positions {pos_hits}/{pos_total}")


GOLD_SETS = {"IdNER-news-2k": "idner-news-2k/test.txt", "NERGRIT": "indonlu/nergrit_ner-grit/test_preprocess.txt"}


def gold_scores(nlp, path: Path) -> str:
    """Exact-span scores per type; GPE counts as LOC (the gold sets do not tell them apart) and
    kabar's EVENT spans are left out (the gold sets have no events)."""
    counts = {t: [0, 0, 0] for t in ("PERSON", "ORG", "LOC")}  # true positives, predicted, gold
    for sentence in read_tagged(path):
        doc = Doc(nlp.vocab, words=sentence.words)
        for _, step in nlp.pipeline:
            doc = step(doc)
        gold = {(a, b, LABEL_MAP.get(label)) for a, b, label in sentence.spans()}
        pred = {(e.start, e.end, "LOC" if e.label_ == "GPE" else e.label_) for e in doc.ents if e.label_ != "EVENT"}
        for t in counts:
            g = {x for x in gold if x[2] == t}
            p = {x for x in pred if x[2] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += len(p)
            counts[t][2] += len(g)
    parts = []
    for t, (tp, npred, ngold) in [*counts.items(), ("all", [sum(c[i] for c in counts.values()) for i in range(3)])]:
        prec, rec = tp / max(npred, 1), tp / max(ngold, 1)
        f1 = 2 * prec * rec / max(prec + rec, 1e-9)
        parts.append(f"{t} P {prec:.2f} R {rec:.2f} F1 {f1:.2f}")
    return "; ".join(parts)


def speed(texts: list[str], runs: int) -> str:
    """Without a trained model: its time would swamp the difference on a shared machine."""
    base = build_nlp(pipeline=STEPS[:2], model="blank")
    full = build_nlp(pipeline=STEPS, model="blank")
    full(texts[0])  # load the gazetteer and tables outside the timing
    per_run = {}
    for name, nlp in (("base", base), ("full", full)):
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            for text in texts:
                nlp(text)
            times.append((time.perf_counter() - t) / len(texts) * 1000)
        per_run[name] = statistics.median(times)
    return (f"speed: {per_run['full'] - per_run['base']:.1f} ms/article for entities + coreference "
            f"({per_run['full']:.1f} with sentence splitting, median of {runs} runs over {len(texts)} articles)")


def gazetteer_cost() -> str:
    """Build time untraced, then heap in a separate traced build (tracing slows the code)."""
    t = time.perf_counter()
    size = len(places.gazetteer())
    seconds = time.perf_counter() - t
    places.gazetteer.cache_clear()
    tracemalloc.start()
    kept = places.gazetteer()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(kept) == size
    return (f"gazetteer: {size} names, {seconds:.2f} s to build, heap {current / 2**20:.0f} MiB kept, "
            f"{peak / 2**20:.0f} MiB peak while building")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--model", default="blank", help="trained pipeline folder run before the rules")
    args = parser.parse_args()
    corpus = args.data / "indosum" / "dev.01.jsonl"
    texts = [a.text for a in itertools.islice(read_inputs([str(corpus)]), args.articles) if isinstance(a, Article)]
    print(gazetteer_cost())
    nlp = build_nlp(pipeline=STEPS, model=args.model)
    print(f"model: {args.model}")
    print(seed_quality(nlp))
    print(indosum_quality(nlp))
    for name, rel in GOLD_SETS.items():
        print(f"{name} test: {gold_scores(nlp, args.data / rel)}")
        if args.model != "blank":
            alone = build_nlp(pipeline=STEPS[:2], model=args.model)
            print(f"{name} test, the model alone: {gold_scores(alone, args.data / rel)}")
    print(speed(texts, args.runs))


if __name__ == "__main__":
    main()
