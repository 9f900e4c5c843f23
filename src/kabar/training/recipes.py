"""Rebuild kabar's trained models from ../shared/data (the `kabar train` command).

Three steps, each a function: `prepare` turns a recipe's corpora into spaCy DocBin files,
`fit` runs `spacy train` on a config from `training/`, and `assemble` joins the UD pipeline and
the entity recogniser into the one shipped pipeline, with data checksums and scores in its meta.
Recipes name their sources and label mapping in one place, `RECIPES`, so the README's figures
can be traced to the exact files a model saw.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kabar.training import augment, corpora, harmonise  # noqa: F401  (augment registers the UD augmenter)

TRAINING_DIR = Path(__file__).resolve().parents[3] / "training"


@dataclass(frozen=True)
class Recipe:
    """What one model learns from: train/dev files (relative to the data folder) and config."""

    config: str
    kind: str  # "ud" or "ner"
    train: tuple[str, ...]
    dev: tuple[str, ...]
    # NER only: None keeps each set's own labels (benchmark models); else the map to kabar's.
    label_map: dict | None = None
    # The config reads static vectors (`kabar train vectors` builds them under the work folder).
    vectors: bool = False
    # UD only: GSD's 2017 train split is relabelled towards today's guidelines (kabar.training.harmonise).
    harmonise: bool = False


class RecipeError(RuntimeError):
    """A recipe that cannot run as asked (e.g. its vectors are not built yet)."""


_NER_SHIP_TRAIN = ("indonlu/nergrit_ner-grit/train_preprocess.txt",
                   "indonlu/nerp_ner-prosa/train_preprocess.txt", "idner-news-2k/train.txt")
_NER_SHIP_DEV = ("indonlu/nergrit_ner-grit/valid_preprocess.txt",
                 "indonlu/nerp_ner-prosa/valid_preprocess.txt", "idner-news-2k/dev.txt")

# Only sets marked "ship? yes" in ../shared/data/README.md feed the shipped models (ud, ner).
RECIPES: dict[str, Recipe] = {
    # GSD's 2017 train split follows older guidelines (compound where current GSD has nmod, no
    # features): its current dev split joins the training data to teach today's conventions, and
    # CSUI's test split picks the best model instead (training/README.md has the comparison).
    # The 2017 split itself is harmonised with today's labels first (AUX aux, flat:name, nmod).
    # Its tok2vec reads the same floret table as the NER: the assembled pipeline has one.
    "ud": Recipe("ud.cfg", "ud", ("ud-id-gsd/id-ud-train.v2.0-2017-02.conllu", "ud-id-csui/id_csui-ud-train.conllu",
                                  "ud-id-gsd/id_gsd-ud-dev.conllu"),
                 ("ud-id-csui/id_csui-ud-test.conllu",), vectors=True, harmonise=True),
    "ner": Recipe("ner.cfg", "ner", _NER_SHIP_TRAIN, _NER_SHIP_DEV, corpora.LABEL_MAP, vectors=True),
    "nergrit": Recipe("ner.cfg", "ner", (_NER_SHIP_TRAIN[0],), (_NER_SHIP_DEV[0],), vectors=True),
    "nerp": Recipe("ner.cfg", "ner", (_NER_SHIP_TRAIN[1],), (_NER_SHIP_DEV[1],), vectors=True),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_docs(recipe: Recipe, files: tuple[str, ...], data: Path, vocab: Vocab, limit: int = 0) -> list[Doc]:
    """Gold Docs from the recipe's files; `limit` keeps the first N sentences of each file."""
    docs: list[Doc] = []
    for rel in files:
        path = Path(data) / rel
        if recipe.kind == "ud":
            relabel = recipe.harmonise and rel == harmonise.OLD
            sents = harmonise.harmonised(Path(data))[0] if relabel else corpora.read_conllu(path)
            docs += [corpora.ud_doc(vocab, s) for s in sents[: limit or None]]
        else:
            sents = corpora.read_tagged(path)
            docs += [corpora.ner_doc(vocab, s, recipe.label_map) for s in sents[: limit or None]]
    return docs


def prepare(name: str, data: Path, out: Path, limit: int = 0, dev_limit: int = 0) -> dict:
    """Write out/train.spacy and out/dev.spacy for recipe `name`; return the files' checksums."""
    recipe = RECIPES[name]
    vocab = Vocab()
    out.mkdir(parents=True, exist_ok=True)
    corpora.save_docs(load_docs(recipe, recipe.train, data, vocab, limit), out / "train.spacy")
    corpora.save_docs(load_docs(recipe, recipe.dev, data, vocab, dev_limit or limit), out / "dev.spacy")
    record = {part: {rel: sha256(Path(data) / rel) for rel in files}
              for part, files in (("train", recipe.train), ("dev", recipe.dev))}
    if recipe.harmonise:
        record["harmonised"] = harmonise.record(Path(data))
    return record


@spacy.registry.callbacks("kabar.sourced_lemmatizer_labels.v1")
def sourced_lemmatizer_labels():
    """Rebuild a loaded edit-tree lemmatizer's tree→label map before it trains again.

    spaCy 3.8 fills that map only when it initialises the lemmatizer, not when it loads one, so a
    sourced lemmatizer would score every gold lemma as label 0 and unlearn what it knew (CSUI
    lemma accuracy 91 → 80 in 200 steps, dragging the shared tok2vec down with it).
    """
    from spacy.pipeline import EditTreeLemmatizer

    def restore(nlp):
        for _, pipe in nlp.components:
            if isinstance(pipe, EditTreeLemmatizer) and not pipe.tree2label:
                pipe.tree2label = {tree: label for label, tree in enumerate(pipe.labels)}
        return nlp

    return restore


def continued_config(config_path: Path, from_model: Path, target: Path) -> Path:
    """The recipe's config with every component sourced from `from_model`, written to `target`.

    spaCy then resumes training those components from their weights instead of initialising
    them, so the steps already paid for in `from_model` are kept. The run goes on with the
    largest batches the recipe's schedule compounds to and a learning rate that warms up and
    then falls linearly to zero at max_steps: restarting the small noisy batches at a constant
    rate only wobbled around the source's dev score (1200 steps, no gain; training/README.md).
    """
    from spacy.util import load_config

    config = load_config(config_path)
    for pipe in config["nlp"]["pipeline"]:
        config["components"][pipe] = {"source": str(Path(from_model).resolve())}
    config["initialize"]["before_init"] = {"@callbacks": "kabar.sourced_lemmatizer_labels.v1"}
    training = config["training"]
    training["batcher"]["size"] = training["batcher"]["size"]["stop"]
    training["optimizer"]["learn_rate"] = {"@schedules": "warmup_linear.v1", "warmup_steps": 50,
                                           "total_steps": "${training.max_steps}",
                                           "initial_rate": training["optimizer"]["learn_rate"]}
    target.parent.mkdir(parents=True, exist_ok=True)
    config.to_disk(target)
    return target


def fit(name: str, corpus: Path, out: Path, overrides: dict | None = None, from_model: Path | None = None,
        init_tok2vec: Path | None = None) -> Path:
    """Run `spacy train` with the recipe's config (continuing `from_model`'s components if given,
    or starting the NER's tok2vec from the pretrained weights `init_tok2vec`)."""
    from spacy.cli.train import train as spacy_train

    recipe = RECIPES[name]
    config = TRAINING_DIR / recipe.config
    if from_model is not None:
        config = continued_config(config, from_model, out.parent / f"continued-{recipe.config}")
    settings = {"paths.train": str(corpus / "train.spacy"), "paths.dev": str(corpus / "dev.spacy")}
    if init_tok2vec is not None:
        from kabar.training import pretrain

        config = pretrain.init_config(config, out.parent / f"init-{recipe.config}")
        settings["paths.init_tok2vec"] = str(init_tok2vec)
    settings.update(overrides or {})
    spacy_train(config, out, overrides=settings)
    return out / "model-best"


# Share-alike: the UD treebanks are CC BY-SA, so the trained pipeline is too.
LICENSE = "CC BY-SA 4.0"
CREDITS = [
    "UD Indonesian-GSD (CC BY-SA 4.0)", "UD Indonesian-CSUI (CC BY-SA 4.0)",
    "NERGrit via IndoNLU (Apache-2.0, NERGRIT contributors)", "NERP / PROSA via IndoNLU (Apache-2.0)",
    "IdNER-news-2k (MIT)",
]


def assemble(ud_model: Path, ner_model: Path, target: Path, meta: dict) -> Path:
    """Join the UD pipeline and the entity recogniser into one pipeline saved at `target`."""
    nlp = spacy.load(ud_model)
    ner_nlp = spacy.load(ner_model)
    ud_vectors, ner_vectors = nlp.vocab.vectors, ner_nlp.vocab.vectors
    if not ud_vectors.shape[0]:
        nlp.vocab.vectors = ner_vectors  # a UD part trained without static vectors
    elif ner_vectors.shape[0] and ud_vectors.to_bytes(exclude=["strings"]) != ner_vectors.to_bytes(exclude=["strings"]):
        raise RecipeError(f"{ud_model} and {ner_model} were trained on different static vector tables, and a "
                          "pipeline has one: train both on the same table (`kabar train vectors`, or --vectors)")
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.meta.update({"name": "kabar_id", "version": meta.pop("version", "0.1.0"), "license": LICENSE,
                     "sources": CREDITS, "description": "kabar's Indonesian tagger, morphology, parser, lemmatizer and NER"})
    nlp.meta.setdefault("kabar", {}).update(meta)
    target.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return target


def continued_from(model: Path) -> dict:
    """What a continued run started from: the model's name, version and what it had read."""
    if not (model / "meta.json").is_file():
        raise RecipeError(f"--from-model {model} is not a trained pipeline folder (no meta.json)")
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    ud = meta.get("kabar", {}).get("sources_sha256", {}).get("ud")
    return {"name": meta.get("name"), "version": meta.get("version"), "path": str(model),
            "sources_sha256": ud, "parser_sha256": sha256(model / "parser" / "model")}


def vectors_dir(work: Path) -> Path:
    """Where `kabar train vectors` leaves the spaCy vectors pipeline that configs read."""
    return work / "vectors" / "model"


def train_recipe(name: str, data: Path, work: Path, limit: int = 0, overrides: dict | None = None,
                 from_model: Path | None = None, init_tok2vec: Path | None = None) -> tuple[Path, dict]:
    """prepare + fit: the best model of recipe `name` and the checksums of what it read.

    `init_tok2vec`: the NER's tok2vec starts from these pretrained weights (`kabar train pretrain`)."""
    overrides = dict(overrides or {})
    if init_tok2vec is not None:
        from kabar.training import pretrain

        if RECIPES[name].kind != "ner" or from_model is not None:
            raise RecipeError("--init-tok2vec starts a fresh NER's tok2vec (recipes ner, nergrit, nerp), "
                              "without --from-model")
        initialised = pretrain.init_record(Path(init_tok2vec))
    if RECIPES[name].vectors:
        # A continued run keeps the table its source was trained on.
        vectors = Path(overrides.setdefault("paths.vectors", str(from_model or vectors_dir(work))))
        if not (vectors / "vocab").is_dir():
            raise RecipeError(f"recipe {name!r} reads static vectors from {vectors}, which is not "
                              f"built: run `kabar train vectors --work {work}` first (or pass --vectors)")
    checksums = prepare(name, data, work / name / "corpus", limit=limit)
    if from_model is not None:
        checksums["continued_from"] = continued_from(Path(from_model))
    if init_tok2vec is not None:
        checksums["init_tok2vec"] = initialised
    # Written before training, so a run stopped early still says what its model-best read.
    (work / name / "sources.json").write_text(json.dumps(checksums, indent=1), encoding="utf-8")
    best = fit(name, work / name / "corpus", work / name / "model", overrides, from_model, init_tok2vec)
    return best, checksums


# Test files whose scores go into the shipped model's meta (and the README table).
SHIP_TESTS = {
    "parser": ("ud-id-gsd/id_gsd-ud-test.conllu", "ud-id-pud/id_pud-ud-test.conllu"),
    "ner": ("indonlu/nergrit_ner-grit/test_preprocess.txt", "indonlu/nerp_ner-prosa/test_preprocess.txt",
            "idner-news-2k/test.txt", "indolem/nerui/nergithub.txt", "indolem/nerugm/nerugm.txt"),
}


def ship(work: Path, data: Path, target: Path | None = None, ner_from: Path | None = None) -> Path:
    """Assemble work/ud + work/ner into the shipped model, scoring it on the test sets.

    `ner_from` takes the entity recogniser (and its sources and vectors records) from another
    pipeline, e.g. the shipped one, so a retrained UD part can ship beside an unchanged NER.
    """
    from kabar.training.evaluate import evaluate_ner, evaluate_parser
    from kabar.nlp.model import SHIPPED

    target = target or SHIPPED
    sources = {"ud": json.loads((work / "ud" / "sources.json").read_text(encoding="utf-8"))}
    if ner_from is None:
        ner_model = work / "ner" / "model" / "model-best"
        sources["ner"] = json.loads((work / "ner" / "sources.json").read_text(encoding="utf-8"))
        built = work / "vectors" / "build.json"
        vectors = json.loads(built.read_text(encoding="utf-8")) if built.exists() else None
    else:
        ner_model = Path(ner_from)
        ner_meta = json.loads((ner_model / "meta.json").read_text(encoding="utf-8"))["kabar"]
        sources["ner"], vectors = ner_meta["sources_sha256"]["ner"], ner_meta.get("vectors")
    meta = {"sources_sha256": sources, "vectors": vectors, "label_map": {k: v for k, v in corpora.LABEL_MAP.items()},
            "spacy_version": spacy.__version__}
    assemble(work / "ud" / "model" / "model-best", ner_model, target, meta)
    nlp = spacy.load(target)
    scores = {}
    for rel in SHIP_TESTS["parser"]:
        scores[rel] = evaluate_parser(nlp, corpora.read_conllu(Path(data) / rel)).summary()
    for rel in SHIP_TESTS["ner"]:
        scores[rel] = evaluate_ner(nlp, corpora.read_tagged(Path(data) / rel)).summary()
    nlp.meta["kabar"]["test_scores"] = scores
    nlp.meta["kabar"]["test_sha256"] = {rel: sha256(Path(data) / rel) for rel in scores}
    (target / "meta.json").write_text(json.dumps(nlp.meta, indent=2, ensure_ascii=False), encoding="utf-8")
    return target
