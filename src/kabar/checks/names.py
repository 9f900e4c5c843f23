"""`name_variant`: one person's name spelled two ways in the same article.

"Kozemako" and "Kozhemyako", "Kim Kum-chol" and "Kim Kum Chol": names are folded (case, accents,
hyphens) and compared token by token with rapidfuzz; a single differing token that is close but
not equal makes a variant. Two different people rarely differ in one letter of one name.
"""
from __future__ import annotations

import unicodedata
from itertools import combinations

from rapidfuzz import fuzz
from spacy.tokens import Doc

from kabar.checks import check
from kabar.report import Entity, Flag

MIN_TOKEN = 4      # short tokens ("Un", "Il") differ meaningfully
TOKEN_RATIO = 75
TAIL_RATIO = 80    # a one-word mention against the end of a longer name needs more


def fold(name: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return plain.lower().replace("-", " ").replace("'", "").split()


def variant_score(a: str, b: str) -> float | None:
    """Similarity 0-100 when `a` and `b` look like one name spelled two ways, else None."""
    if a.lower() == b.lower():
        return None  # capitals only: "GO-PAY" is a style, not a spelling
    fa, fb = fold(a), fold(b)
    if "".join(fa) == "".join(fb):
        return 90.0  # hyphens, spaces or accents: "Kim Kum-chol" / "Kim Kum Chol"
    if len(fa) != len(fb):  # "Kozemako" vs "Oleg Kozhemyako": compare with the tail
        short, long = sorted((fa, fb), key=len)
        fa, fb = short, long[len(long) - len(short):]
        least = TAIL_RATIO
    else:
        least = TOKEN_RATIO
    differing = [(x, y) for x, y in zip(fa, fb) if x != y]
    if len(differing) != 1:
        return None
    x, y = differing[0]
    if min(len(x), len(y)) < MIN_TOKEN or x[0] != y[0] or not (x + y).isalpha():
        return None  # short tokens and model numbers ("Y520") differ meaningfully
    if (x.startswith(y) or y.startswith(x)) and abs(len(x) - len(y)) > 1:
        return None  # a short form: "Sandi" for "Sandiaga", "Sylvi" for "Sylviana"
    score = fuzz.ratio(x, y)
    return score if score >= least else None


def _forms(entity: Entity) -> list[tuple[str, int, int]]:
    """The entity's name and each distinct mention text, with the first offsets it has."""
    seen: dict[str, tuple[int, int]] = {}
    for m in sorted(entity.mentions, key=lambda m: m.start):
        seen.setdefault(m.text, (m.start, m.end))
    return [(text, s, e) for text, (s, e) in seen.items()]


@check("name_variant")
def name_variants(doc: Doc) -> list[Flag]:
    people = [e for e in doc._.entities or [] if e.type == "PERSON"]
    forms = [(e, text, s, e_) for e in people for text, s, e_ in _forms(e)]
    flags: dict[frozenset, Flag] = {}  # one flag per pair of entities (or of spellings in one entity)
    for (ent1, a, s1, e1), (ent2, b, s2, e2) in combinations(forms, 2):
        score = variant_score(a, b) if a != b else None
        if score is None:
            continue
        (fa, sa, ea), (fb, sb, eb) = sorted(((a, s1, e1), (b, s2, e2)), key=lambda x: x[1])
        key = frozenset({ent1.id, ent2.id}) if ent1.id != ent2.id else frozenset({a, b})
        if key in flags and flags[key].start <= sb:
            continue  # keep the earliest clash: "Mayer" then "Mayers" then "Mayer" is one defect
        flags[key] = Flag(
            kind="name_variant", start=sb, end=eb, text=fb,
            message=f"The name '{fb}' is spelled differently from '{fa}' earlier in the article; "
                    "they look like the same person.",
            suggestion=f"Use one spelling throughout (check which of '{fa}' and '{fb}' is right).",
            evidence={"first": {"start": sa, "end": ea, "text": fa}, "second": {"start": sb, "end": eb, "text": fb},
                      "score": round(score, 1), "entities": sorted({ent1.id, ent2.id})},
            confidence=round(score / 100 * 0.9, 2),
        )
    return list(flags.values())
