"""The 2017 GSD split relabelled towards today's guidelines, on the real treebanks."""
from __future__ import annotations

import pytest

from conftest import DATA
from kabar.training import corpora, harmonise


@pytest.fixture(scope="module")
def harmonised():
    old = corpora.read_conllu(DATA / harmonise.OLD)
    new, table, changes = harmonise.harmonised(DATA)
    return {s.sent_id: s for s in old}, {s.sent_id: s for s in new}, table, changes


def _analyses(s, word):
    return [(s.upos[i], s.deps[i]) for i, w in enumerate(s.words) if w == word]


def test_old_conventions_take_todays_labels(harmonised):
    """'Namun' opening a sentence was SCONJ mark in 2017 and is CCONJ cc today, 'telah' went from
    ADV advmod to AUX aux; a place name on a common noun ('kecamatan Kejajar') was flat and is
    nmod today."""
    old, new, _, _ = harmonised
    assert _analyses(old["train-s1071"], "Namun") == [("SCONJ", "mark")]
    assert _analyses(new["train-s1071"], "Namun") == [("CCONJ", "cc")]
    assert _analyses(old["train-s1071"], "telah") == [("ADV", "advmod")] * 2
    assert _analyses(new["train-s1071"], "telah") == [("AUX", "aux")] * 2
    assert _analyses(old["train-s1"], "Kejajar") == [("PROPN", "flat")]
    assert _analyses(new["train-s1"], "Kejajar") == [("PROPN", "nmod")]


def test_the_table_is_learned_from_todays_treebanks(harmonised):
    """The modal and the flat → nmod change come out of the counts, not a list."""
    _, _, table, changes = harmonised
    assert table.words[("akan", "after", "VERB")][0] == ("AUX", "aux")
    assert table.relations[(("PROPN", "NOUN", "before"), "flat")][0] == "nmod"
    assert changes[(("ADV", "advmod"), ("AUX", "aux"))] > 500
    assert "PROPN flat -> PROPN nmod" in harmonise.summary(table, changes)


def test_only_labels_change(harmonised):
    """Words and heads are the 2017 ones in every sentence: no tree changes shape."""
    old, new, _, changes = harmonised
    assert old.keys() == new.keys() and sum(changes.values()) > 5000
    for key, s in old.items():
        assert (new[key].words, new[key].heads) == (s.words, s.heads)


def test_words_whose_structure_changed_keep_their_2017_labels(harmonised):
    """'sebesar' hangs on the number after it in 2017 and on the noun before it today: a head
    change, which a relabel cannot make, so it stays ADP case."""
    old, new, _, _ = harmonised
    found = [a for key, s in old.items() for a in zip(_analyses(s, "sebesar"), _analyses(new[key], "sebesar"))]
    assert found and all(before == after == ("ADP", "case") for before, after in found)


def test_a_flat_chain_keeps_its_labels(harmonised):
    """'Jalan Tol Semarang - Solo': both names hang flat on 'Tol'; today's nmod would hang 'Solo'
    on 'Semarang' (a head change), so the chain is left as it was."""
    old, new, _, _ = harmonised
    s = old["train-s3545"]
    chain = [i for i, h in enumerate(s.heads) if s.words[h] == "Tol" and s.deps[i] == "flat"]
    assert [s.words[i] for i in chain] == ["Semarang", "Solo"]
    assert [new["train-s3545"].deps[i] for i in chain] == ["flat", "flat"]


def test_one_treebanks_habit_is_no_change_of_guidelines(harmonised):
    """CSUI writes 'keuangan' after a noun as nmod, as it does every NOUN-NOUN pair; GSD's dev
    split never has the word there, so nothing says GSD changed, and the 2017 compounds stay."""
    old, new, _, _ = harmonised
    found = [a for key, s in old.items() for a in zip(_analyses(s, "keuangan"), _analyses(new[key], "keuangan"))
             if a[0] == ("NOUN", "compound")]
    assert len(found) > 5 and all(after == ("NOUN", "compound") for _, after in found)
