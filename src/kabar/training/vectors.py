"""Static word vectors for the CPU models: floret trained on shippable Indonesian news text.

A small CNN tagger or NER sees each word only through hashed affixes and the few thousand
sentences it is trained on; vectors learned from a larger body of news text tell it which
unseen words behave alike. floret (fastText with the word and its character n-grams hashed
into one small table) keeps the table a few MB and gives every word a vector, misspelled or
new. Text: IndoSum's articles (CC BY-SA 4.0, every fold, each article once) plus the train
splits of the shipped recipes; test splits never go in.
"""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import spacy

from kabar.training import corpora

INDOSUM_GLOB = "indosum/*.jsonl"


@dataclass(frozen=True)
class VectorSettings:
    """floret's knobs; the table holds `buckets` × `dim` floats (50k × 64 is 12.8 MB)."""

    dim: int = 64
    buckets: int = 50_000
    hash_count: int = 2
    minn: int = 3
    maxn: int = 5
    epochs: int = 10
    min_count: int = 2


def _floret():
    try:
        import floret
    except ImportError:
        raise RuntimeError("training static vectors needs floret: pip install 'kabar[train]'") from None
    return floret


def indosum_paragraphs(data: Path, limit: int = 0) -> list[str]:
    """IndoSum paragraphs as space-separated spaCy tokens, each article once (folds share ids)."""
    from kabar.read.article import ReadError
    from kabar.read.corpus import read_jsonl

    tokenizer = spacy.blank("id").tokenizer
    seen: set[str] = set()
    lines: list[str] = []
    for path in sorted(Path(data).glob(INDOSUM_GLOB)):
        for article in read_jsonl(path):
            if isinstance(article, ReadError):
                raise corpora.CorpusError(str(article))
            if article.id in seen:
                continue
            seen.add(article.id)
            for paragraph in article.text.split("\n"):
                if paragraph.strip():
                    lines.append(" ".join(t.text for t in tokenizer(paragraph) if not t.is_space))
            if limit and len(seen) >= limit:
                return lines
    return lines


def train_files(recipe_names: tuple[str, ...] = ("ud", "ner")) -> list[tuple[str, str]]:
    """(kind, file) of every train split of the shipped recipes."""
    from kabar.training.recipes import RECIPES

    return [(RECIPES[name].kind, rel) for name in recipe_names for rel in RECIPES[name].train]


def train_split_sentences(data: Path, limit: int = 0) -> list[str]:
    """The train sentences of the shipped recipes, as space-separated words."""
    lines = []
    for kind, rel in train_files():
        read = corpora.read_conllu if kind == "ud" else corpora.read_tagged
        lines += [" ".join(s.words) for s in read(Path(data) / rel)[: limit or None]]
    return lines


def build(data: Path, out: Path, settings: VectorSettings = VectorSettings(), limit: int = 0) -> dict:
    """Write out/text.txt, out/vectors.floret, the spaCy vectors pipeline out/model and out/build.json.

    build.json (also returned) says what went in (sources, size, settings) for the shipped model's meta.
    `limit` keeps the first N articles and N sentences of each train file (quick runs)."""
    floret = _floret()
    out.mkdir(parents=True, exist_ok=True)
    news = indosum_paragraphs(data, limit)
    train_text = train_split_sentences(data, limit=limit)
    text = out / "text.txt"
    text.write_text("\n".join(news + train_text) + "\n", encoding="utf-8")
    # floret seeds each thread's generator with its thread number: one thread, same table every run.
    model = floret.train_unsupervised(
        str(text), model="cbow", mode="floret", dim=settings.dim, bucket=settings.buckets,
        hashCount=settings.hash_count, minn=settings.minn, maxn=settings.maxn, epoch=settings.epochs,
        minCount=settings.min_count, thread=1, verbose=0)
    table = out / "vectors.floret"
    model.save_floret_vectors(str(table))
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "id", str(table), str(out / "model"),
                    "--mode", "floret"], check=True, capture_output=True, text=True)
    from kabar.training.recipes import sha256

    sources = sorted(p.relative_to(data).as_posix() for p in Path(data).glob(INDOSUM_GLOB))
    sources += [rel for _, rel in train_files()]
    built = {"settings": asdict(settings), "sources_sha256": {rel: sha256(Path(data) / rel) for rel in sources},
             "tokens": sum(len(line.split()) for line in news + train_text),
             "indosum_paragraphs": len(news), "train_sentences": len(train_text),
             "text_sha256": sha256(text), "table_sha256": sha256(table), "floret_version": _version("floret")}
    (out / "build.json").write_text(json.dumps(built, indent=1), encoding="utf-8")
    return built


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)
