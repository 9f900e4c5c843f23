"""Score a trained pipeline on a gold test file, so anyone can check the README's figures.

Both scorers run the model on the file's own (gold) tokens, so scores measure tagging, parsing
and recognition, not tokenisation.
- NER: exact-span precision/recall/F1 per label and overall (micro). When the model does not
  know the file's labels (the shipped model on NERP's PPL/PLC/IND...), the file's labels are
  mapped to kabar's by `corpora.LABEL_MAP`; labels without a counterpart are left out and named.
- Parser: UPOS accuracy, UAS and LAS over all words, punctuation included; LAS compares the
  universal relation (the part before ':'), as the CoNLL 2018 shared-task scorer does. Beside
  them, the share of subordinate-clause subjects found ("sejak Kim dan Putin menandatangani":
  a gold nsubj between its verb's `mark` and the verb, found when the model gives it that head
  and relation), the construction the seed article's first signing is.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from kabar.nlp.transformer_ner import NAME as TRANSFORMER_NER
from kabar.training import corpora

NER_COMPONENTS = ("ner", TRANSFORMER_NER)  # the trained NER, or a Hugging Face model in its place


@dataclass
class NERScore:
    p: float
    r: float
    f: float
    n: int  # sentences
    per_label: dict[str, dict[str, float]] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)  # file labels the model has no counterpart for
    mapped: bool = False

    def summary(self) -> dict:
        return {"p": self.p, "r": self.r, "f": self.f, "n": self.n}


@dataclass
class ParserScore:
    upos: float
    uas: float
    las: float
    n: int  # sentences
    words: int = 0
    clause_subjects: float = 0.0  # percent of the gold subordinate-clause subjects found
    clause_subjects_n: int = 0

    def summary(self) -> dict:
        return {"upos": self.upos, "uas": self.uas, "las": self.las, "n": self.n,
                "clause_subjects": self.clause_subjects, "clause_subjects_n": self.clause_subjects_n}


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(100 * p, 2), round(100 * r, 2), round(100 * f, 2)


def _run(nlp: Language, docs: list[Doc], needed: set[str]) -> list[Doc]:
    names = [n for n in nlp.pipe_names if n in needed]
    with nlp.select_pipes(enable=names):
        return list(nlp.pipe(docs, batch_size=256))


def ner_labels(nlp: Language) -> set[str]:
    for name in NER_COMPONENTS:
        if name in nlp.pipe_names:
            return set(nlp.get_pipe(name).labels)
    raise ValueError("the model has no entity recogniser ('ner')")


def evaluate_ner(nlp: Language, sentences: list[corpora.TaggedSentence]) -> NERScore:
    """Exact-span P/R/F1 of the model's entities against the sentences' gold spans."""
    model_labels = ner_labels(nlp)
    file_labels = {label for s in sentences for _, _, label in s.spans()}
    mapped = not file_labels <= model_labels
    rename = {}
    for label in sorted(file_labels):
        target = corpora.LABEL_MAP.get(label) if mapped else label
        if target in model_labels:
            rename[label] = target
    scored = set(rename.values())
    gold = [{(a, b, rename[l]) for a, b, l in s.spans() if l in rename} for s in sentences]
    docs = _run(nlp, [Doc(nlp.vocab, words=s.words) for s in sentences], {"tok2vec", *NER_COMPONENTS})
    pred = [{(e.start, e.end, e.label_) for e in d.ents if e.label_ in scored} for d in docs]
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for span in g:
            n_gold[span[2]] += 1
        for span in p:
            n_pred[span[2]] += 1
            tp[span[2]] += span in g
    per_label = {}
    for label in sorted(scored):
        p, r, f = _prf(tp[label], n_pred[label], n_gold[label])
        per_label[label] = {"p": p, "r": r, "f": f, "gold": n_gold[label]}
    p, r, f = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return NERScore(p, r, f, len(sentences), per_label, sorted(file_labels - set(rename)), mapped)


def evaluate_parser(nlp: Language, sentences: list[corpora.UDSentence]) -> ParserScore:
    """UPOS accuracy, UAS and LAS of the model on the sentences' gold words."""
    for name in ("parser",):
        if name not in nlp.pipe_names:
            raise ValueError("the model has no dependency parser ('parser')")
    docs = [Doc(nlp.vocab, words=s.words, spaces=s.spaces) for s in sentences]
    docs = _run(nlp, docs, {"tok2vec", "morphologizer", "tagger", "parser"})
    words = pos_ok = head_ok = label_ok = 0
    for s, doc in zip(sentences, docs):
        for tok, upos, head, dep in zip(doc, s.upos, s.heads, s.deps):
            words += 1
            pos_ok += tok.pos_ == upos
            if tok.head.i == head:
                head_ok += 1
                label_ok += tok.dep_.split(":")[0].lower() == dep.split(":")[0].lower()
    pct = lambda k, n: round(100 * k / n, 2) if n else 0.0  # noqa: E731
    gold_subjects = [(doc, subj, verb) for s, doc in zip(sentences, docs) for subj, verb in clause_subjects(s)]
    found = sum(doc[subj].head.i == verb and doc[subj].dep_.split(":")[0] == "nsubj" for doc, subj, verb in gold_subjects)
    return ParserScore(pct(pos_ok, words), pct(head_ok, words), pct(label_ok, words), len(sentences), words,
                       pct(found, len(gold_subjects)), len(gold_subjects))


def clause_subjects(sentence: corpora.UDSentence) -> list[tuple[int, int]]:
    """(subject, verb) of each gold subject standing between its verb's `mark` and the verb."""
    relations = [(i, head, dep.split(":")[0].lower()) for i, (head, dep) in enumerate(zip(sentence.heads, sentence.deps))]
    first_mark: dict[int, int] = {}  # verb -> its first `mark` before it
    for i, head, rel in relations:
        if rel == "mark" and i < head:
            first_mark.setdefault(head, i)
    return [(i, head) for i, head, rel in relations if rel == "nsubj" and first_mark.get(head, head) < i < head]
