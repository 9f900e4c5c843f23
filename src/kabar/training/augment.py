"""Training-time variants of the UD sentences (`[corpora.train.augmenter]` in training/ud.cfg).

Two kinds, each on a share of the sentences spaCy reads while training:

- line breaks: the seed article's paragraph breaks are tokens, the treebanks have none, so
  "\\n"/"\\n\\n" tokens are inserted (spaCy's own whitespace augmenter);
- temporal subordinators: "sejak, semenjak, setelah, sesudah, sebelum, selama, hingga" are
  both prepositions ("sejak 2009") and conjunctions ("sejak Kim dan Putin menandatangani
  perjanjian"), and one can stand for another in either use without changing the tree. The
  treebanks teach the clause use of "setelah" (dozens of clauses with a subject) but of "sejak"
  a handful, and a model read "sejak Putin menandatangani" with "Putin" as the object of a
  preposition. A sentence that has one of them gets, with probability `swap_level`, each of them
  replaced by another picked at random (same capitalisation, its own form as lemma); heads,
  relations and tags stay, so the annotation remains true of the new sentence. Measured
  (training/README.md, run S): short "sejak" clauses come out right, scores are level, and the
  treebanks' own subordinate-clause subjects are found no more often; the shipped model was
  trained with it, so it stays in the recipe that rebuilds that model.
"""
from __future__ import annotations

import random
from typing import Callable, Iterator

import spacy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.training.augment import combined_augmenter

# Indonesian words that are both temporal prepositions and temporal conjunctions (KBBI: "kata
# depan" and "kata penghubung"); "sampai" is left out, it is also a verb ("arrive").
TEMPORAL_SUBORDINATORS = ("sejak", "semenjak", "setelah", "sesudah", "sebelum", "selama", "hingga")


def _same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word


def swap_subordinators(example: Example, rng: random.Random, words: tuple[str, ...] = TEMPORAL_SUBORDINATORS) -> Example:
    """`example` with each of `words` replaced by another of them; the tree and tags unchanged."""
    ref = example.reference
    if not any(tok.text.lower() in words for tok in ref):
        return example
    new_words, lemmas = [], []
    for tok in ref:
        low = tok.text.lower()
        if low in words:
            other = rng.choice([w for w in words if w != low])
            new_words.append(_same_case(other, tok.text))
            # a lemma the annotators gave is the word's own form (or a stem such as "belum"): the new word's is its form
            lemmas.append(other if tok.lemma_ else "")
        else:
            new_words.append(tok.text)
            lemmas.append(tok.lemma_)
    doc = Doc(ref.vocab, words=new_words, spaces=[bool(t.whitespace_) for t in ref],
              heads=[t.head.i for t in ref] if ref.has_annotation("DEP") else None,
              deps=[t.dep_ for t in ref] if ref.has_annotation("DEP") else None,
              pos=[t.pos_ for t in ref] if ref.has_annotation("POS") else None,
              tags=[t.tag_ for t in ref] if ref.has_annotation("TAG") else None,
              morphs=[str(t.morph) for t in ref] if ref.has_annotation("MORPH") else None,
              lemmas=lemmas if ref.has_annotation("LEMMA") else None)
    predicted = Doc(example.predicted.vocab, words=new_words, spaces=[bool(t.whitespace_) for t in ref])
    return Example(predicted, doc)


@spacy.registry.augmenters("kabar.ud_augmenter.v1")
def create_ud_augmenter(swap_level: float, whitespace_level: float, whitespace_per_token: float,
                        whitespace_variants: list[str]) -> Callable[[spacy.Language, Example], Iterator[Example]]:
    """Swap temporal subordinators in `swap_level` of the sentences, then insert line breaks."""
    rng = random.Random(0)

    def augment(nlp: spacy.Language, example: Example) -> Iterator[Example]:
        if rng.random() < swap_level:
            example = swap_subordinators(example, rng)
        yield from combined_augmenter(nlp, example, whitespace_level=whitespace_level,
                                      whitespace_per_token=whitespace_per_token,
                                      whitespace_variants=whitespace_variants)

    return augment
