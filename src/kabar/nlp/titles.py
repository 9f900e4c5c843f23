"""Titles written before names, and their normalised English positions.

Indonesian news puts a person's office before the name: "Menteri Luar Negeri Sergei Lavrov",
"Wakil Perdana Menteri Pertama Denis Monturov", "Menkominfo Rudiantara". A title is built from
parts in `data/titles.yaml`: optional prefixes (Wakil → Deputy), a base title (Menteri →
Minister) or a minister abbreviation, a ministry domain (Luar Negeri → Foreign Affairs) and
suffixes (Pertama → First). Several titles in a row ("Perdana Menteri Wakil Presiden", a
garbled one) are kept as written and each part is normalised.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
SERVICES = {"pol", "polri", "tni"}
BRANCHES = {"ad", "al", "au"}  # army, navy, air force, after "TNI"
CORPS = {"inf", "kav", "arm", "arh", "czi", "pnb", "cpm", "caj", "chb", "ckm", "cba", "cpl", "psk", "mar"}  # "Kolonel Inf"


@dataclass
class TitleMatch:
    start: int            # token index of the first title word
    end: int              # token index after the last title word
    positions: list[str] = field(default_factory=list)  # English, without complement
    honorific_only: bool = False
    rank: bool = False    # ends with a military or police rank: the name follows directly


@dataclass(frozen=True)
class Tables:
    base: dict[tuple[str, ...], str]
    ranks: dict[tuple[str, ...], str]
    ministers: dict[tuple[str, ...], tuple[str, ...]]
    domains: dict[tuple[str, ...], str]
    prefixes: dict[tuple[str, ...], str]
    suffixes: dict[str, str]
    honorifics: frozenset[str]
    longest: int  # words in the longest key


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace(",", " ,").split())


@lru_cache(maxsize=1)
def tables() -> Tables:
    raw = yaml.safe_load((DATA / "titles.yaml").read_text(encoding="utf-8"))
    keyed = {group: {_words(k): v for k, v in raw[group].items()}
             for group in ("base", "ranks", "ministers", "domains", "prefixes")}
    keyed["ministers"] = {k: _words(v) for k, v in keyed["ministers"].items()}
    return Tables(
        **keyed,
        suffixes=dict(raw["suffixes"]),
        honorifics=frozenset(raw["honorifics"]),
        longest=max(len(k) for table in keyed.values() for k in table),
    )


def _longest(words: list[str], i: int, table: dict) -> tuple[int, object] | None:
    """Longest key of `table` starting at words[i]: (length, value)."""
    t = tables()
    for n in range(min(t.longest, len(words) - i), 0, -1):
        value = table.get(tuple(words[i:i + n]))
        if value is not None:
            return n, value
    return None


def _one_title(words: list[str], i: int) -> tuple[int, str, bool] | None:
    """One title starting at words[i] (prefixes + base/minister + domain + suffixes):
    (number of words, English position, is it a rank)."""
    t = tables()
    rank = _longest(words, i, t.ranks)
    if rank:
        return rank[0], rank[1], True
    j, prefixes = i, []
    while (hit := _longest(words, j, t.prefixes)) is not None:
        n, value = hit
        prefixes.append(value)
        j += n
    position = None
    hit = _longest(words, j, t.base)
    minister = _longest(words, j, t.ministers)
    if minister and (not hit or minister[0] >= hit[0]):
        n, domain_words = minister
        domain = t.domains.get(domain_words)
        base = "Coordinating Minister" if words[j] == "menko" or "menko" in words[j:j + n] else "Minister"
        position = f"{base} of {domain}" if domain else base
        j += n
    elif hit:
        n, position = hit
        j += n
        if position in ("Minister", "Coordinating Minister", "Deputy Minister", "Head"):
            # Formal style names the field: "Menteri Koordinator Bidang Perekonomian".
            field = 1 if j < len(words) and words[j] == "bidang" else 0
            dom = _longest(words, j + field, t.domains)
            if dom and position != "Head":
                position = f"{position} of {dom[1]}"
                j += field + dom[0]
    if position is None:
        return None
    while j < len(words) and words[j] in t.suffixes:
        prefixes.insert(0, t.suffixes[words[j]])
        j += 1
    english = " ".join([*prefixes, position])
    english = english.replace("Deputy President", "Vice President").replace("Deputy Chair", "Vice Chair")
    english = english.replace("Former ", "")  # the entity keeps former offices apart
    return j - i, english, False


def match_title(words: list[str], i: int) -> TitleMatch | None:
    """The title (possibly several in a row, with honorifics) starting at words[i].

    `words` are the lowercased token texts of a sentence; periods after abbreviations
    ("Prof.", "Brigjen Pol.") are skipped as part of the title.
    """
    t = tables()
    j, positions, honorific, rank = i, [], False, False
    while j < len(words):
        one = _one_title(words, j)
        if one:
            n, english, rank = one
            positions.append(english)
            j += n
        elif words[j] in t.honorifics:
            honorific = True
            j += 1
            rank = rank or bool(positions)
        elif words[j] in SERVICES and positions:  # the service after a rank: "Brigjen Pol", "Marsda TNI"
            j += 1
        elif words[j] in BRANCHES and words[j - 1] == "tni":  # "Mayjen TNI AD"
            j += 1
        elif words[j] in CORPS and rank:  # the corps after an officer's rank
            j += 1
        else:
            break
        if j < len(words) and words[j] == "." and j > i and len(words[j - 1]) <= 4:
            j += 1
    if j == i or not (positions or honorific):
        return None
    return TitleMatch(i, j, positions, honorific_only=not positions, rank=rank or not positions)
