"""Relabel UD Indonesian-GSD's 2017 train split towards today's guidelines, learned from data.

The `ud` recipe trains on GSD's 2017 train split (4477 sentences) because the current train
split is not in ../shared/data, but it is scored on today's GSD test. Between the two, GSD
changed conventions: "akan/telah/dapat" went from ADV advmod to AUX aux, "namun/tetapi" from
SCONJ mark to CCONJ cc, a PROPN hanging on a NOUN ("kecamatan Kejajar") from flat to nmod, a
name's parts from flat to flat:name. A model trained on both teaches itself the old labels.

Nothing here is listed by hand. Today's treebanks (current GSD dev, CSUI train) are compared
with the 2017 split in two ways, and only labels are changed, never heads, so every tree keeps
its shape and no change can invent a structure the annotators did not give:

- words: a lower-cased word in one position (head before or after it, and the head's UPOS)
  whose analysis (UPOS, universal deprel) today is nearly always one thing, while the 2017
  token's analysis is almost never used there in any of today's treebanks, each of which must
  have the word there: CSUI writes every NOUN-NOUN pair as nmod where GSD keeps compound, a
  habit of one treebank rather than a change of guidelines. The position keeps out words whose
  structure changed: "sebesar" (2017: ADP case of the number after it; today: NOUN nmod of the
  noun before it) and "kata" (NOUN; today VERB parataxis of the clause) never match one.
- relations: a deprel between two UPOS in one direction (a slot) that the 2017 split uses and
  today's treebanks no longer do (flat from a NOUN to a PROPN) becomes the deprel whose share
  of the slot grew most (nmod); one that survives only with a subtype (flat between PROPN)
  takes it (flat:name). A flat chain ("negara Amerika Serikat", every part on the first word)
  keeps its labels: today's nmod would hang "Serikat" on "Amerika", a head change.

Deprels are compared on their universal part, the one the scores read, so CSUI's own subtypes
(obl:tmod, case:adv) do not count as convention changes.
"""
from __future__ import annotations

import copy
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kabar.training import corpora

OLD = "ud-id-gsd/id-ud-train.v2.0-2017-02.conllu"
REFERENCE = ("ud-id-gsd/id_gsd-ud-dev.conllu", "ud-id-csui/id_csui-ud-train.conllu")

# Words: today's treebanks must show the word in that position this often ...
MIN_WORD_SUPPORT = 5
# ... with one analysis covering this share of those occurrences ...
MIN_WORD_SHARE = 0.7
# ... and the 2017 analysis being replaced covering at most this share of the word's occurrences
# there in each of today's treebanks (else it is still in use).
MAX_OLD_SHARE = 0.1

# Relations: a slot (dependent UPOS, head UPOS, side) seen this often in both data sets ...
MIN_SLOT_SUPPORT = 100
# ... where the 2017 deprel labels this many tokens and this share of them ...
MIN_RELATION_SUPPORT = 20
MIN_RELATION_SHARE = 0.05
# ... but at most this share of each of today's treebanks' tokens: the relation left that slot.
MAX_VANISHED_SHARE = 0.01


def _universal(dep: str) -> str:
    """The universal part of a deprel (flat:name -> flat): what the scores compare."""
    return dep.split(":")[0]


def _side(s: corpora.UDSentence, i: int) -> str:
    return "root" if s.heads[i] == i else ("after" if s.heads[i] > i else "before")


def _head_upos(s: corpora.UDSentence, i: int) -> str:
    return s.upos[s.heads[i]] if s.heads[i] != i else ""


def _word_key(s: corpora.UDSentence, i: int) -> tuple[str, str, str]:
    """A word in its position: its lower-cased form, which side its head is on, the head's UPOS."""
    return s.words[i].lower(), _side(s, i), _head_upos(s, i)


def _slot(s: corpora.UDSentence, i: int) -> tuple[str, str, str]:
    """A relation's slot: dependent UPOS, head UPOS, side of the head."""
    return s.upos[i], _head_upos(s, i), _side(s, i)


def _counts(sents, key, value) -> dict[tuple, Counter]:
    table: dict[tuple, Counter] = defaultdict(Counter)
    for s in sents:
        for i in range(len(s.words)):
            table[key(s, i)][value(s, i)] += 1
    return table


def _analysis(s: corpora.UDSentence, i: int) -> tuple[str, str]:
    return s.upos[i], _universal(s.deps[i])


def _label(s: corpora.UDSentence, i: int) -> str:
    return s.deps[i]


def _share(counts: Counter, value) -> float:
    return counts[value] / (sum(counts.values()) or 1)


def _rare_in_each(counts: list[Counter], value, limit: float) -> bool:
    """Whether every one of today's treebanks gives `value` at most `limit` of its tokens: CSUI
    writes every NOUN-NOUN pair as nmod where GSD keeps compound, a treebank's habit, not a
    change of guidelines, and GSD's own dev split vetoes it."""
    return all(_share(c, value) <= limit for c in counts)


@dataclass
class Table:
    """The relabelling learned from the data, with the counts that justify each entry."""

    # word key -> today's (UPOS, deprel) there, and each treebank's (UPOS, universal deprel) counts
    words: dict[tuple, tuple[tuple[str, str], list[Counter]]] = field(default_factory=dict)
    # (slot, 2017 deprel) -> today's deprel, with the slot's 2017 and today's (pooled) deprel counts
    relations: dict[tuple, tuple[str, Counter, Counter]] = field(default_factory=dict)


def _most_common_label(labels: Counter, universal: str) -> str:
    """Today's commonest full deprel (subtype included) of a universal relation."""
    return max((d for d in labels if _universal(d) == universal), key=labels.__getitem__)


def _universals(labels: Counter) -> Counter:
    out: Counter = Counter()
    for dep, n in labels.items():
        out[_universal(dep)] += n
    return out


def derive(old: list[corpora.UDSentence], references: list[list[corpora.UDSentence]]) -> Table:
    """Learn the relabel table from the 2017 split and today's treebanks (see the module doc)."""
    table = Table()
    pooled = [s for sents in references for s in sents]
    labels = _counts(pooled, _word_key, lambda s, i: (s.upos[i], s.deps[i]))
    each = [_counts(sents, _word_key, _analysis) for sents in references]
    for key, today in _counts(pooled, _word_key, _analysis).items():
        (upos, universal), n = today.most_common(1)[0]
        total = sum(today.values())
        seen = [c.get(key, Counter()) for c in each]
        # a change of guidelines shows in every treebank; a word only one of them has shows its habits
        if total >= MIN_WORD_SUPPORT and n / total >= MIN_WORD_SHARE and all(seen):
            full = Counter({d: k for (u, d), k in labels[key].items() if u == upos})
            table.words[key] = ((upos, _most_common_label(full, universal)), seen)
    then_slots, today_slots = _counts(old, _slot, _label), _counts(pooled, _slot, _label)
    each = [_counts(sents, _slot, _label) for sents in references]
    for slot, then in then_slots.items():
        today = today_slots.get(slot, Counter())
        n_then, n_today = sum(then.values()), sum(today.values())
        if min(n_then, n_today) < MIN_SLOT_SUPPORT:
            continue
        then_u, today_u = _universals(then), _universals(today)
        each_slot = [c.get(slot, Counter()) for c in each]
        for dep, n in then.items():
            if n < MIN_RELATION_SUPPORT or n / n_then < MIN_RELATION_SHARE:
                continue
            if _rare_in_each([_universals(c) for c in each_slot], _universal(dep), MAX_VANISHED_SHARE):
                # the relation left this slot: it went where today's share grew most
                grown = max(today_u, key=lambda d: today_u[d] / n_today - then_u[d] / n_then)
            elif _rare_in_each(each_slot, dep, MAX_VANISHED_SHARE):
                grown = _universal(dep)  # only its subtype changed (flat -> flat:name)
            else:
                continue
            table.relations[(slot, dep)] = (_most_common_label(today, grown), then, today)
    return table


def _alone(s: corpora.UDSentence, i: int) -> bool:
    """Whether no sibling shares the word's deprel: a flat chain hangs every part on the first
    word ("negara Amerika Serikat"), and today's nmod would hang "Serikat" on "Amerika", a head
    change, so a chain keeps its 2017 labels when the relation itself changes."""
    return sum(1 for j, h in enumerate(s.heads) if h == s.heads[i] and j != h and s.deps[j] == s.deps[i]) == 1


def apply(sents: list[corpora.UDSentence], table: Table) -> tuple[list[corpora.UDSentence], Counter]:
    """Relabelled copies of `sents` (heads untouched) and how many tokens changed, per change."""
    changes: Counter = Counter()
    out = []
    for s in sents:
        new = copy.deepcopy(s)
        for i in range(len(s.words)):
            before = (s.upos[i], s.deps[i])
            word = table.words.get(_word_key(s, i))
            relation = table.relations.get((_slot(s, i), s.deps[i]))
            if word and _rare_in_each(word[1], _analysis(s, i), MAX_OLD_SHARE):
                upos, dep = word[0]
                # same universal relation: keep the 2017 label, only the UPOS changed
                new.upos[i], new.deps[i] = upos, s.deps[i] if _universal(dep) == _universal(s.deps[i]) else dep
            elif relation and (_universal(relation[0]) == _universal(s.deps[i]) or _alone(s, i)):
                new.deps[i] = relation[0]
            after = (new.upos[i], new.deps[i])
            if after != before:
                changes[(before, after)] += 1
        out.append(new)
    return out, changes


@lru_cache(maxsize=1)
def harmonised(data: Path) -> tuple[list[corpora.UDSentence], Table, Counter]:
    """The 2017 split relabelled by the table learned from today's treebanks under `data` (learned
    once per process: `prepare` reads the sentences and then records the counts)."""
    old = corpora.read_conllu(Path(data) / OLD)
    table = derive(old, [corpora.read_conllu(Path(data) / rel) for rel in REFERENCE])
    sents, changes = apply(old, table)
    return sents, table, changes


def record(data: Path) -> dict:
    """What a trained model's meta says of the relabelling: files, thresholds, tokens changed."""
    _, _, changes = harmonised(data)
    thresholds = {"MIN_WORD_SUPPORT": MIN_WORD_SUPPORT, "MIN_WORD_SHARE": MIN_WORD_SHARE, "MAX_OLD_SHARE": MAX_OLD_SHARE,
                  "MIN_SLOT_SUPPORT": MIN_SLOT_SUPPORT, "MIN_RELATION_SUPPORT": MIN_RELATION_SUPPORT,
                  "MIN_RELATION_SHARE": MIN_RELATION_SHARE, "MAX_VANISHED_SHARE": MAX_VANISHED_SHARE}
    return {"file": OLD, "reference": list(REFERENCE), "thresholds": thresholds,
            "tokens_relabelled": sum(changes.values())}


def summary(table: Table, changes: Counter) -> str:
    """The relation rules with their counts, and the tokens changed per (old → new) analysis."""
    lines = ["relations (slot: 2017 deprel -> today's; 2017 counts | today's counts):"]
    for (slot, dep), (new, then, today) in table.relations.items():
        lines.append(f"  {'<-'.join(slot[1::-1])} ({slot[2]}): {dep} -> {new}; "
                     f"{dict(then.most_common(4))} | {dict(today.most_common(4))}")
    lines.append(f"tokens changed: {sum(changes.values())}")
    for ((u0, d0), (u1, d1)), n in changes.most_common():
        lines.append(f"  {n:5d}  {u0} {d0} -> {u1} {d1}")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    _, learned, changed = harmonised(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
    print(summary(learned, changed))
