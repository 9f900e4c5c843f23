"""`duplicate_passage`: the same sentence or quote printed twice in slightly different words.

Edited-together articles repeat a passage (the seed prints one Putin quote twice). Sentences and
quotes are compared pairwise with rapidfuzz: a plain ratio catches reworded repeats, a token-set
ratio catches a shortened repeat ("Kunjungan Putin ke Korea Utara dalam 24 tahun").
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from spacy.tokens import Doc

from kabar.checks import check
from kabar.report import Flag

MIN_WORDS = 6         # shorter passages repeat legitimately ("kata dia.")
RATIO = 85            # plain similarity of two passages of similar length
SUBSET_RATIO = 95     # token-set similarity when one passage is a cut-down copy of the other
SUBSET_MIN_SHARE = 0.5
LINK_LINE = re.compile(r"^\W*(?:baca|simak|lihat)\s+juga\b", re.I)  # related-story links look alike


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)*", text))


def _names(text: str) -> list[str]:
    """Capitalised words after the first: the names a passage is about."""
    return [w for w in re.findall(r"\b[A-Z][\w-]+", text)[1:]]


def same_facts(a: str, b: str) -> bool:
    """The same numbers, and every name of the shorter passage (near enough) in the longer one:
    "Tim Persikad Depok dikenakan sanksi" and "Tim PSCS Cilacap dikenakan sanksi" are two facts."""
    if _numbers(a) != _numbers(b):
        return False
    short, long = sorted((_names(a), _names(b)), key=len)
    return all(any(fuzz.ratio(x, y) >= 80 for y in long) for x in short)


def _passages(doc: Doc) -> list[tuple[int, int, str]]:
    units = {(s.start_char, s.end_char) for s in doc.sents}
    units |= {(q.start, q.end) for q in doc._.quotes or []}
    out = []
    for start, end in sorted(units):
        text = doc.text[start:end].strip()
        if len(text.split()) >= MIN_WORDS and not LINK_LINE.match(text) and not text[0].isdigit():
            out.append((start, end, text))
    return out


def similarity(a: str, b: str) -> float:
    """0-100: how much passage `b` repeats passage `a`."""
    a, b = a.lower(), b.lower()
    plain = fuzz.ratio(a, b)
    short, long = sorted((a.split(), b.split()), key=len)
    if len(short) / len(long) >= SUBSET_MIN_SHARE and fuzz.token_set_ratio(a, b) >= SUBSET_RATIO:
        return max(plain, fuzz.token_set_ratio(a, b))
    return plain


@check("duplicate_passage")
def duplicate_passages(doc: Doc) -> list[Flag]:
    passages = _passages(doc)
    flags: list[Flag] = []
    flagged: list[tuple[int, int]] = []
    for j, (s2, e2, t2) in enumerate(passages):
        best = None
        for s1, e1, t1 in passages[:j]:
            if s1 < e2 and s2 < e1:  # overlapping: a quote inside its sentence
                continue
            if not same_facts(t1, t2):
                continue  # "menit 84" and "menit 75": the same phrasing, another fact
            score = similarity(t1, t2)
            if score >= RATIO and (best is None or score > best[0]):
                best = (score, s1, e1, t1)
        if best is None or any(s < e2 and s2 < e for s, e in flagged):
            continue
        score, s1, e1, t1 = best
        flagged.append((s2, e2))
        flags.append(Flag(
            kind="duplicate_passage", start=s2, end=e2, text=t2,
            message=f"This passage repeats an earlier one almost word for word (similarity {score:.0f}/100).",
            suggestion="Remove one of the two passages, or keep the more complete wording.",
            evidence={"first": {"start": s1, "end": e1, "text": t1},
                      "second": {"start": s2, "end": e2, "text": t2}, "score": round(score, 1)},
            confidence=round(min(1.0, score / 100), 2),
        ))
    return flags
