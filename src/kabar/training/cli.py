"""`kabar evaluate ner|parser` and `kabar train`: score and rebuild the trained models."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer


evaluate_app = typer.Typer(help="Score a trained model on a gold test file.", no_args_is_help=True)

_MODEL_HELP = "Trained pipeline folder (default: the shipped model)."
_NER_MODEL_HELP = ("Trained pipeline folder (default: the shipped model), or hf:PATH_OR_NAME for a Hugging Face "
                   "token-classification model (needs kabar[transformers]).")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _load(model: Optional[Path]):
    from kabar.nlp.model import ModelError, load_model, model_path
    from kabar.nlp.ner_option import hf_model_name

    try:
        if hf_model_name(model):
            from kabar.nlp.transformer_ner import transformer_pipeline

            return transformer_pipeline(hf_model_name(model))
        if model_path(model) is None:
            raise ModelError("no trained model is shipped or given (use --model PATH)")
        return load_model(model)
    except ModelError as err:
        _fail(str(err))


def _read(reader: str, path: Path, **kw):
    """Read a gold file with `kabar.training.corpora`'s `reader` (imported here: it loads spaCy)."""
    from kabar.training import corpora

    try:
        return getattr(corpora, reader)(path, **kw)
    except corpora.CorpusError as err:
        _fail(str(err))


@evaluate_app.command("ner")
def evaluate_ner_cmd(
    testfile: Path = typer.Argument(..., help="Token-per-line BIO/BILOU file (token first, tag last)."),
    model: Optional[Path] = typer.Option(None, help=_NER_MODEL_HELP),
    encoding: str = typer.Option("utf-8", help="The file's encoding, e.g. latin-1."),
    as_json: bool = typer.Option(False, "--json", help="End with one JSON line {p, r, f, n} in percent."),
) -> None:
    """Entity precision, recall and F1 (exact spans), per label and overall."""
    from kabar.training.evaluate import evaluate_ner

    sentences = _read("read_tagged", testfile, encoding=encoding)
    score = evaluate_ner(_load(model), sentences)
    if score.mapped:
        typer.echo("file labels mapped to the model's by kabar's label map (kabar.training.corpora.LABEL_MAP)")
    if score.left_out:
        typer.echo(f"left out (no counterpart in the model): {', '.join(score.left_out)}")
    typer.echo(f"{'label':<14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}")
    for label, s in score.per_label.items():
        typer.echo(f"{label:<14}{s['p']:>8.2f}{s['r']:>8.2f}{s['f']:>8.2f}{s['gold']:>7}")
    typer.echo(f"{'overall':<14}{score.p:>8.2f}{score.r:>8.2f}{score.f:>8.2f}   ({score.n} sentences)")
    if as_json:
        typer.echo(json.dumps(score.summary()))


@evaluate_app.command("parser")
def evaluate_parser_cmd(
    testfile: Path = typer.Argument(..., help="CoNLL-U file."),
    model: Optional[Path] = typer.Option(None, help=_MODEL_HELP),
    as_json: bool = typer.Option(False, "--json", help="End with one JSON line {upos, uas, las, n, clause_subjects, clause_subjects_n} in percent."),
) -> None:
    """UPOS accuracy, UAS and LAS on gold words."""
    from kabar.training.evaluate import evaluate_parser

    sentences = _read("read_conllu", testfile)
    score = evaluate_parser(_load(model), sentences)
    typer.echo(f"UPOS {score.upos:.2f}  UAS {score.uas:.2f}  LAS {score.las:.2f}  "
               f"({score.n} sentences, {score.words} words)")
    typer.echo(f"subordinate-clause subjects found: {score.clause_subjects:.2f}% of {score.clause_subjects_n}")
    if as_json:
        typer.echo(json.dumps(score.summary()))


def _config_value(text: str):
    """A --set value as spaCy's CLI reads one: JSON where it parses (1, 0.5, true, "x"), else the text."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def train(
    recipe: str = typer.Argument(..., help="vectors (floret, read by the NER configs), ud, ner (the shipped pair), "
                                           "nergrit or nerp (benchmark models), all (vectors, ud, ner), or pretrain "
                                           "(the NER's tok2vec on IndoSum text, for --init-tok2vec)."),
    data: Path = typer.Option(Path("../shared/data"), help="The data folder (../shared/data)."),
    work: Path = typer.Option(Path("training/output"), help="Where corpora, logs and models are written."),
    ship: bool = typer.Option(False, help="Then assemble the shipped model from the ud and ner models under --work, and score it."),
    limit: int = typer.Option(0, help="Use only the first N sentences of each file (quick runs)."),
    max_steps: int = typer.Option(0, help="Stop training after this many steps (0: the config's)."),
    from_model: Optional[Path] = typer.Option(None, help="Continue training this pipeline's components (e.g. the "
                                                         "shipped model's UD part) instead of starting afresh."),
    ner_from: Optional[Path] = typer.Option(None, help="With --ship: take the entity recogniser from this pipeline "
                                                       "(e.g. the shipped model) instead of --work's ner model."),
    vectors_from: Optional[Path] = typer.Option(None, "--vectors", help="Read the static vectors of this pipeline "
                                                "(e.g. the shipped model) instead of --work's `kabar train vectors` table."),
    init_tok2vec: Optional[Path] = typer.Option(None, help="NER recipes: start the NER's tok2vec from these weights "
                                                "(WORK/pretrain/model-last.bin of `kabar train pretrain`)."),
    pretrain_epochs: int = typer.Option(3, help="pretrain: passes over the IndoSum text (1.2M words each)."),
    settings: list[str] = typer.Option([], "--set", help="Override a config setting, as spaCy's CLI does: "
                                       "--set system.seed=1 --set training.optimizer.use_averages=true"),
) -> None:
    """Rebuild a model from the data sets, with the configs in training/."""
    from kabar.training import corpora, pretrain, recipes, vectors

    names = ["vectors", "ud", "ner"] if recipe == "all" else [recipe]
    for name in names:
        if name not in recipes.RECIPES and name not in ("vectors", "pretrain"):
            _fail(f"unknown recipe {name!r}; choose one of vectors, {', '.join(recipes.RECIPES)}, all or pretrain")
    if not data.is_dir():
        _fail(f"data folder {data} does not exist")
    if pretrain_epochs < 1:
        _fail("--pretrain-epochs must be at least 1")
    overrides = {"training.max_steps": max_steps} if max_steps else {}
    for setting in settings:
        key, sep, value = setting.partition("=")
        if not sep or not key.strip():
            _fail(f"--set {setting!r}: write it as SECTION.KEY=VALUE")
        overrides[key.strip()] = _config_value(value)
    if vectors_from is not None:
        overrides["paths.vectors"] = str(vectors_from)
    for name in names:
        try:
            if name == "vectors":
                built = vectors.build(data, recipes.vectors_dir(work).parent, limit=limit)
                typer.echo(f"vectors: {built['tokens']} tokens, table in {recipes.vectors_dir(work)}")
                continue
            if name == "pretrain":
                built = pretrain.build(data, work / "pretrain", vectors_from or recipes.vectors_dir(work),
                                       recipes.TRAINING_DIR / recipes.RECIPES["ner"].config,
                                       pretrain.PretrainSettings(epochs=pretrain_epochs), limit=limit)
                typer.echo(f"pretrain: {built['words_seen']} words in {built['seconds']} s, weights in {built['weights']}")
                continue
            best, _ = recipes.train_recipe(name, data, work, limit=limit, overrides=overrides, from_model=from_model,
                                           init_tok2vec=init_tok2vec)
        except (RuntimeError, corpora.CorpusError) as err:
            _fail(str(err))
        typer.echo(f"{name}: best model in {best}")
    if ship:
        try:
            target = recipes.ship(work, data, ner_from=ner_from)
        except recipes.RecipeError as err:
            _fail(str(err))
        typer.echo(f"shipped model written to {target}")
