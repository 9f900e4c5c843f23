"""Pretrain the NER's own tok2vec on raw shippable news text (`kabar train pretrain`).

spaCy's `pretrain` teaches a tok2vec to predict something about each word from its context
before it ever sees an entity; here the "characters" objective (`spacy.PretrainCharacters.v1`:
the first and last 4 characters of every word). The text is IndoSum's paragraphs (CC BY-SA 4.0),
the very ones `kabar train vectors` feeds floret (read by `vectors.indosum_paragraphs`), never an
NER dev or test split. The network is the one `training/ner.cfg` builds for the NER (its inner
`tok2vec`, reading the same static vector table), so `kabar train ner|nergrit|nerp
--init-tok2vec WORK/pretrain/model-last.bin` starts from these weights instead of random ones;
the weights add nothing to the model's size. training/README.md has what it gave.
"""
from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

import spacy
import srsly

from kabar.training import vectors as floret_text

PRETRAIN_DEFAULTS = "default_config_pretraining.cfg"  # spaCy's own pretraining block


@spacy.registry.architectures("kabar.PretrainCharacters.v1")
def pretrain_characters(maxout_pieces: int, hidden_size: int, n_characters: int):
    """spaCy's characters objective (`spacy.PretrainCharacters.v1`) for the NER's `tok2vec` layer.

    The NER's `tok2vec` ref is the CNN followed by its projection to the parser's hidden width,
    and returns one array for the whole batch; spaCy's objective expects one array per doc and
    fails on it ("'x' array should be 2-dimensional"). Same network and loss otherwise: 15% of
    the words masked, the first and last `n_characters` bytes of every word predicted. The saved
    weights are the whole ref, so `[initialize] init_tok2vec` loads them back into it."""
    from thinc.api import LayerNorm, Maxout, MultiSoftmax, chain
    from spacy.ml.models.multi_task import build_masked_language_model, get_characters_loss

    def objective(vocab, tok2vec):
        output_layer = chain(Maxout(nO=hidden_size, nP=maxout_pieces), LayerNorm(nI=hidden_size),
                             MultiSoftmax([256] * n_characters, nI=hidden_size))
        model = build_masked_language_model(vocab, chain(tok2vec, output_layer))
        model.set_ref("tok2vec", tok2vec)
        model.set_ref("output_layer", output_layer)
        model.attrs["loss"] = partial(get_characters_loss, nr_char=n_characters)
        return model

    return objective


@dataclass(frozen=True)
class PretrainSettings:
    """spaCy pretraining knobs (the rest are spaCy's defaults: dropout 0.2, Adam 0.001, averaged)."""

    epochs: int = 3  # about 8 minutes each on one core of the shared machine
    n_characters: int = 4  # PretrainCharacters: predict the first and last N characters of each word
    hidden_size: int = 300
    batch_words: int = 3000
    min_length: int = 5  # paragraphs outside [min_length, max_length] tokens are skipped by spaCy's reader
    max_length: int = 500


def write_text(data: Path, target: Path, limit: int = 0) -> dict:
    """IndoSum paragraphs as JSONL {"text": ...} (spaCy's pretraining reader), with counts and checksum."""
    from kabar.training.recipes import sha256

    paragraphs = floret_text.indosum_paragraphs(data, limit)
    target.parent.mkdir(parents=True, exist_ok=True)
    srsly.write_jsonl(target, ({"text": p} for p in paragraphs))
    sources = sorted(p.relative_to(data).as_posix() for p in Path(data).glob(floret_text.INDOSUM_GLOB))
    return {"paragraphs": len(paragraphs), "words": sum(len(p.split()) for p in paragraphs),
            "text_sha256": sha256(target), "sources_sha256": {rel: sha256(Path(data) / rel) for rel in sources}}


def _with_pretraining(config_path: Path):
    """The recipe's config with spaCy's pretraining block aimed at the NER's inner tok2vec."""
    from spacy.util import load_config

    config = load_config(Path(spacy.__file__).parent / PRETRAIN_DEFAULTS).merge(load_config(config_path))
    config["pretraining"].update({"component": "ner", "layer": "tok2vec"})
    config["pretraining"]["objective"]["@architectures"] = "kabar.PretrainCharacters.v1"
    return config


def init_config(config_path: Path, target: Path) -> Path:
    """The recipe's config, written to `target`, that loads `paths.init_tok2vec` into the NER's tok2vec.

    spaCy loads those weights only when [pretraining] names the layer, and skips them silently
    when that block is empty, as it is in training/ner.cfg (left so, so that a run without
    weights builds the very model it always did)."""
    config = _with_pretraining(config_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    config.to_disk(target)
    return target


def pretrain_config(config_path: Path, vectors: Path, text: Path, settings: PretrainSettings):
    """The recipe's config set up for `spacy pretrain` on `text` with the characters objective."""
    config = _with_pretraining(config_path)
    config["paths"]["vectors"] = str(vectors)
    config["paths"]["raw_text"] = str(text)
    block = config["pretraining"]
    block["max_epochs"] = settings.epochs
    block["objective"].update({"hidden_size": settings.hidden_size, "n_characters": settings.n_characters})
    block["batcher"]["size"] = settings.batch_words
    config["corpora"]["pretrain"].update({"min_length": settings.min_length, "max_length": settings.max_length})
    return config


def build(data: Path, out: Path, vectors: Path, config_path: Path,
          settings: PretrainSettings = PretrainSettings(), limit: int = 0) -> dict:
    """Write out/text.jsonl, run spaCy's pretraining into out/ and return (and write) out/build.json.

    The weights of the last epoch are out/model-last.bin (each epoch's are out/modelN.bin);
    `limit` keeps the first N IndoSum articles (quick runs). The seed is the config's."""
    from spacy.training.pretrain import pretrain

    from kabar.training.recipes import RecipeError, sha256

    if not (Path(vectors) / "vocab").is_dir():
        raise RecipeError(f"pretraining reads the NER's static vectors from {vectors}, which is not built: "
                          "run `kabar train vectors` first (or pass --vectors)")
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob("model*.bin")) + [out / "log.jsonl"]:
        old.unlink(missing_ok=True)  # spaCy appends to its log and would leave stale epochs beside new ones
    text = write_text(data, out / "text.jsonl", limit)
    config = pretrain_config(config_path, vectors, out / "text.jsonl", settings)
    config.to_disk(out / "pretrain.cfg")
    started = time.time()
    pretrain(config.interpolate(), out, silent=False)
    log = [json.loads(line) for line in (out / "log.jsonl").read_text(encoding="utf-8").splitlines()]
    weights = out / "model-last.bin"
    built = {"settings": asdict(settings), "config": str(config_path.name), "vectors": str(vectors),
             "text": text, "words_seen": log[-1]["nr_word"] if log else 0,
             "epoch_loss": [round(entry["epoch_loss"], 1) for entry in log if entry["epoch"] < settings.epochs],
             "seconds": round(time.time() - started), "weights": str(weights), "weights_sha256": sha256(weights)}
    (out / "build.json").write_text(json.dumps(built, indent=1), encoding="utf-8")
    return built


def init_record(weights: Path) -> dict:
    """What a model's tok2vec was initialised from: the file, its SHA-256 and, if beside it, its build.json."""
    from kabar.training.recipes import RecipeError, sha256

    weights = Path(weights)
    if not weights.is_file():
        raise RecipeError(f"--init-tok2vec {weights} is not a file (pretrained weights, e.g. "
                          "WORK/pretrain/model-last.bin from `kabar train pretrain`)")
    record = {"path": str(weights), "sha256": sha256(weights)}
    built = weights.parent / "build.json"
    if built.is_file():
        info = json.loads(built.read_text(encoding="utf-8"))
        record["pretrain"] = {k: info[k] for k in ("settings", "text", "words_seen", "weights_sha256") if k in info}
    return record
