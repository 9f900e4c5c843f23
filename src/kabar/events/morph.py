"""Indonesian verb and noun forms from a root, so the lexicon lists roots, not every form.

Trigger entries name a root ("kunjung") and the affix patterns it takes ("meN-i", "di-i",
"ber-", "-an"); `forms` expands them with the meN-/peN- nasal rules (kunjung -> mengunjungi,
puji -> memuji, tanda tangan -> menandatangani, serang -> menyerang). Generating forms is safer
than stripping affixes from text: stripping "mengecam" cannot tell kecam from ecam.
"""
from __future__ import annotations

# Pattern -> (prefix kind, suffix, voice). Voice tells the argument finder where the actor is.
PATTERNS = {
    "root": ("", "", "active"),
    "noun": ("", "", "nominal"),  # a bare noun used as an event word: sanksi, invasi, protes
    "meN-": ("meN", "", "active"),
    "meN-kan": ("meN", "kan", "active"),
    "meN-i": ("meN", "i", "active"),
    "memper-kan": ("memper", "kan", "active"),
    "di-": ("di", "", "passive"),
    "di-kan": ("di", "kan", "passive"),
    "di-i": ("di", "i", "passive"),
    "diper-kan": ("diper", "kan", "passive"),
    "ter-": ("ter", "", "passive"),
    "ber-": ("ber", "", "active"),
    "ber-an": ("ber", "an", "active"),
    "-an": ("", "an", "nominal"),
    "peN-an": ("peN", "an", "nominal"),
    "per-an": ("per", "an", "nominal"),
    "ke-an": ("ke", "an", "nominal"),
}
VOICES = {"active", "passive", "nominal"}


def nasal(prefix: str, root: str) -> str:
    """meN-/peN- + root with the standard assimilation (me/pe stands for either)."""
    head = prefix[:2]  # "me" or "pe"
    r = root
    if len(r.replace("-", "")) <= 4 and sum(ch in "aeiou" for ch in r) == 1:
        return head + "nge" + r  # monosyllables: mengebom, pengecat
    c = r[0]
    if c in "aeiouhgk":
        return head + "ng" + (r[1:] if c == "k" and r[1:2] in tuple("aeiou") else r)
    if c in "p":
        return head + "m" + (r[1:] if r[1:2] in tuple("aeiou") else r)
    if c in "bfv":
        return head + "m" + r
    if c == "t":
        return head + "n" + (r[1:] if r[1:2] in tuple("aeiou") else r)
    if c in "dcjz":
        return head + "n" + r
    if c == "s":
        return head + "ny" + (r[1:] if r[1:2] in tuple("aeiou") else r)
    return head + r  # l m n r w y


def form(root: str, pattern: str) -> str:
    """One surface form; a root written with a space ("tanda tangan") is joined when affixed on
    both sides (menandatangani) and kept apart otherwise (bekerja sama)."""
    if pattern not in PATTERNS:
        raise ValueError(f"unknown affix pattern {pattern!r}; known: {', '.join(PATTERNS)}")
    prefix, suffix, _ = PATTERNS[pattern]
    r = root.replace(" ", "") if (prefix and suffix) else root
    if prefix in ("meN", "peN"):
        stem = nasal(prefix, r)
    elif prefix == "memper":
        stem = "memper" + r
    elif prefix == "diper":
        stem = "diper" + r
    elif prefix == "ber" and r.startswith("r"):
        stem = "be" + r  # ber + renang -> berenang
    elif prefix == "ber" and r.startswith("ker"):
        stem = "be" + r  # ber + kerja -> bekerja
    elif prefix == "per" and r.startswith("r"):
        stem = "pe" + r
    else:
        stem = prefix + r
    if suffix == "i" and stem.endswith("i"):
        return stem  # no double i
    return stem + suffix


def voice(pattern: str) -> str:
    return PATTERNS[pattern][2]


def forms(root: str, patterns: list[str]) -> dict[str, str]:
    """surface form (lowercase) -> pattern."""
    return {form(root, p).lower(): p for p in patterns}


# Clitics that attach to any form: -nya (its/his), -lah, -kah; and ku-/kau- are too rare in news.
CLITICS = ("nya", "lah", "kah")


def strip_clitic(word: str) -> tuple[str, str | None]:
    for c in CLITICS:
        if word.endswith(c) and len(word) > len(c) + 3:
            return word[: -len(c)], c
    return word, None
