"""Named entities from a Hugging Face token-classification model, as a spaCy component.

The optional backend for users with a GPU and a model hub: `kabar_transformer_ner` takes the
place of the shipped `ner` (`build_nlp(config={"kabar_transformer_ner": {"model": ...}})`,
`kabar analyze --ner-model hf:PATH_OR_NAME`), so the rules merge, linker and events read its
`doc.ents` as they read the shipped model's. For each sentence it
1. runs the model on the sentence text (long ones in overlapping windows of `max_length` pieces,
   `stride` pieces shared; each piece keeps the prediction of the window where it sits
   furthest from an edge),
2. gives each spaCy token the tag of its first word piece, found by character offsets (a token
   inside a piece that began in the token before continues that piece's entity),
3. decodes the tags (BIO, IOB1, BIOES or BILOU: the corpus reader's decoder reads them all) and
   renames the labels to kabar's by `corpora.LABEL_MAP`; labels it lacks are dropped and logged.
torch and transformers are imported only when the component is built (`kabar[transformers]`).
"""
from __future__ import annotations

import logging
from bisect import bisect_left
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from kabar.nlp.model import ModelError
from kabar.training.corpora import LABEL_MAP, TaggedSentence

NAME = "kabar_transformer_ner"
INSTALL = "pip install 'kabar[transformers]'"
TAG_PREFIXES = {"B", "I", "L", "U", "E", "S"}
log = logging.getLogger(__name__)


def load_token_classifier(name: str, device: str = "auto"):
    """The fast tokenizer, the model (in eval mode, on its device) and the device name.

    `name` is a folder (read offline) or, when no such folder exists, a hub name."""
    try:
        import torch
        import transformers
    except ImportError as err:
        raise ModelError(f"the transformer NER backend needs torch and transformers "
                         f"({err.name} is not installed): {INSTALL}") from None
    transformers.logging.disable_progress_bar()  # a report on stdout/stderr, not loading bars
    offline = {"local_files_only": True} if Path(name).exists() else {}
    try:
        config = transformers.AutoConfig.from_pretrained(name, **offline)
    except (OSError, ValueError) as err:
        raise ModelError(f"{name}: not a Hugging Face model ({err})") from None
    architectures = config.architectures or []
    if architectures and not any(a.endswith("ForTokenClassification") for a in architectures):
        raise ModelError(f"{name}: not a token-classification model (it is {', '.join(architectures)})")
    if all(label.startswith("LABEL_") for label in config.id2label.values()):
        raise ModelError(f"{name}: not a token-classification model for NER (no entity labels in id2label)")
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(name, use_fast=True, **offline)
        model = transformers.AutoModelForTokenClassification.from_pretrained(name, **offline)
    except (OSError, ValueError) as err:
        raise ModelError(f"{name}: cannot load the token-classification model ({err})") from None
    if not tokenizer.is_fast:
        raise ModelError(f"{name}: has no fast tokenizer (tokenizer.json), which aligning to words needs")
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    try:
        model.to(device).eval()
    except (RuntimeError, AssertionError) as err:  # e.g. cuda asked for on a machine without it
        raise ModelError(f"{name}: cannot run on device {device!r} ({err})") from None
    return tokenizer, model, device


def kabar_tags(id2label: dict[int, str]) -> dict[int, str]:
    """Each class id's tag with kabar's label ("B-PER" → "B-PERSON"); "O" for labels kabar lacks.

    A label without a B/I/L/U/E/S prefix (IO tagging) reads as I-, which opens an entity."""
    tags, dropped = {}, set()
    for idx, label in id2label.items():
        prefix, sep, name = label.partition("-")
        if not sep or prefix.upper() not in TAG_PREFIXES:
            prefix, name = "I", label
        target = LABEL_MAP.get(name.upper()) if label.upper() != "O" else None
        if target is None and label.upper() != "O":
            dropped.add(name)
        tags[int(idx)] = f"{prefix.upper()}-{target}" if target else "O"
    if dropped:
        log.warning("model labels without a kabar counterpart (kabar.training.corpora.LABEL_MAP) are dropped: %s",
                    ", ".join(sorted(dropped)))
    return tags


class TransformerNER:
    """Sets `doc.ents` from a Hugging Face token-classification model (see the module docstring)."""

    def __init__(self, model: str, device: str, batch_size: int, max_length: int, stride: int):
        self.tokenizer, self.model, self.device = load_token_classifier(model, device)
        self.batch_size = batch_size
        positions = getattr(self.model.config, "max_position_embeddings", max_length)
        self.max_length = min(max_length, self.tokenizer.model_max_length, positions)
        self.stride = min(stride, self.max_length // 2)
        self.tags = kabar_tags(self.model.config.id2label)
        self.labels = sorted({tag[2:] for tag in self.tags.values() if tag != "O"})

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs, batch_size: int | None = None):
        for docs_batch in minibatch(docs, size=batch_size or self.batch_size):
            windows = [(doc, sent) for doc in docs_batch for sent in _sentences(doc)]
            pieces = self._predict([sent.text for _, sent in windows])
            spans = {id(doc): [] for doc in docs_batch}
            for (doc, sent), sent_pieces in zip(windows, pieces):
                spans[id(doc)].extend(self._spans(sent, sent_pieces))
            for doc in docs_batch:
                doc.ents = spans[id(doc)]
                yield doc

    def _predict(self, texts: list[str]) -> list[dict[int, tuple[int, int]]]:
        """For each text: piece start char → (piece end char, class id)."""
        import torch

        if not texts:
            return []
        enc = self.tokenizer(texts, truncation=True, max_length=self.max_length, stride=self.stride,
                             return_overflowing_tokens=True, return_offsets_mapping=True)
        inputs = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in enc]
        best: list[dict[int, tuple[int, int, int]]] = [{} for _ in texts]  # start → (edge distance, end, id)
        rows = sorted(range(len(enc["input_ids"])), key=lambda r: len(enc["input_ids"][r]))  # less padding
        for chunk in minibatch(rows, size=self.batch_size):
            batch = self.tokenizer.pad({k: [enc[k][r] for r in chunk] for k in inputs}, return_tensors="pt")
            with torch.no_grad():
                logits = self.model(**{k: v.to(self.device) for k, v in batch.items()}).logits
            predicted = logits.argmax(-1).tolist()
            for row, ids in zip(chunk, predicted):
                content = [j for j, s in enumerate(enc.sequence_ids(row)) if s == 0]
                text_best = best[enc["overflow_to_sample_mapping"][row]]
                for j in content:
                    start, end = enc["offset_mapping"][row][j]
                    edge = min(j - content[0], content[-1] - j)
                    if end > start and edge >= text_best.get(start, (-1,))[0]:
                        text_best[start] = (edge, end, ids[j])
        return [{start: (end, label) for start, (_, end, label) in b.items()} for b in best]

    def _spans(self, sent: Span, pieces: dict[int, tuple[int, int]]) -> list[Span]:
        """The sentence's entities from its pieces' predictions (chars relative to the sentence)."""
        starts = sorted(pieces)
        tags = []
        for token in sent:
            begin, end = token.idx - sent.start_char, token.idx - sent.start_char + len(token)
            i = bisect_left(starts, begin)
            if i < len(starts) and starts[i] < end:
                tags.append(self.tags[pieces[starts[i]][1]])  # the token's first piece
            elif i and pieces[starts[i - 1]][0] > begin:  # inside a piece that began in an earlier token
                tag = self.tags[pieces[starts[i - 1]][1]]
                tags.append("O" if tag == "O" else "I-" + tag[2:])
            else:
                tags.append("O")  # whitespace, or characters the tokenizer drops
        found = TaggedSentence([t.text for t in sent], tags).spans()
        return [Span(sent.doc, sent.start + a, sent.start + b, label=label) for a, b, label in found]


def _sentences(doc: Doc) -> list[Span]:
    """The doc's sentences when they are set (kabar_sentences runs first), else the whole doc."""
    if not len(doc):
        return []
    return list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]


@Language.factory(NAME, default_config={"device": "auto", "batch_size": 16, "max_length": 512, "stride": 128})
def make_transformer_ner(nlp: Language, name: str, model: str, device: str, batch_size: int,
                         max_length: int, stride: int) -> TransformerNER:
    """`model`: a folder or hub name; `device`: "cpu", "cuda", "cuda:1" or "auto" (cuda when there is one)."""
    return TransformerNER(model, device, batch_size, max_length, stride)


def use_transformer_ner(nlp: Language, config: dict) -> None:
    """Put the transformer NER where the trained `ner` was (or at the end of a pipeline without one)."""
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(NAME, config=config, after="ner")
        nlp.remove_pipe("ner")
    else:
        nlp.add_pipe(NAME, config=config)


def transformer_pipeline(name: str, lang: str = "id", **config) -> Language:
    """A blank pipeline with only the transformer NER, for scoring it (`kabar evaluate ner`)."""
    import spacy

    nlp = spacy.blank(lang)
    nlp.add_pipe(NAME, config={"model": name, **config})
    return nlp
