"""Search keys for names, so spelling variants of one name meet in the index.

Three strengths of sameness:
- `fold`: the same name in another transliteration (Sergei/Sergey, Kh/H, oe/u, dj/j ...).
  Two names with one fold are *the same written name*: never a spelling error.
- `skeleton`: consonants only (vowels, h, y, w dropped), so Belasov meets Belousov and
  Kozemako meets Kozhemyako. Used to find candidates, never to decide.
- `phonetic`: jellyfish metaphone of the folded token, a second blocking key.
- `loose`: the folded token with sound-alike spellings joined (Juri/Yuri, Cipras/Tsipras,
  Ivanow/Ivanov, Chairul/Hairul, Azis/Aziz, doubled letters): a *respelling* of a name, which
  a writer may print but the KB never lists as the same name. A key and a score, never a fold.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import jellyfish

# Letters NFKD does not split into base + accent.
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i"})
_NON_WORD = re.compile(r"[^a-z0-9]+")

# Whole-token equivalences for given names whose variants differ by more than letter rules.
_GIVEN = {"alexander": "aleksandr", "aleksander": "aleksandr", "alexandr": "aleksandr",
          "alexey": "aleksei", "alexei": "aleksei", "aleksey": "aleksei", "alexi": "aleksei"}

# Letter rules, applied in order to a lowercase ascii token. Russian transliteration systems, old
# Indonesian spelling (Ejaan Soewandi: oe, dj, tj) and common Indonesian name variants are folded
# to one form.
_RULES = [
    (re.compile(r"x"), "ks"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ch(?=[^aeiou]|$)"), "h"),     # achmad -> ahmad (not chol, charles)
    (re.compile(r"(?<=[^aeiou])yo(?=[^aeiou])"), "e"),  # belozyorov -> belozerov (not young, prasetyo)
    (re.compile(r"oe"), "u"),
    (re.compile(r"ae"), "ai"),                 # Indonesian variants: chaeruman / chairuman,
    (re.compile(r"q"), "k"),                   # taufiq / taufik,
    (re.compile(r"sy"), "s"),                  # syaiful / saiful,
    (re.compile(r"dh"), "d"),                  # ramadhan / ramadan
    (re.compile(r"dj"), "j"),
    (re.compile(r"tj"), "c"),
    (re.compile(r"(?<=[aeiou])y"), "i"),       # andrey -> andrei, shoygu -> shoigu
    (re.compile(r"(?<=[^aeiou])y$"), "i"),     # yury -> yuri, dmitry -> dmitri
    (re.compile(r"ii$"), "i"),                 # dmitrii / dmitriy -> dmitri
]
# Sound-alike spellings, applied in order to a folded token by `loose`.
_LOOSE = [
    (re.compile(r"(.)\1+"), r"\1"),           # saifuddin / saifudin
    (re.compile(r"ch"), "h"),                  # chairul / hairul (kh is folded to h already)
    (re.compile(r"t[sz]"), "c"),               # tsipras / cipras
    (re.compile(r"ph|p"), "f"),                # mustopa / mustofa (Sundanese p for f)
    (re.compile(r"th"), "t"),
    (re.compile(r"(?<=[sz])h"), ""),           # kozhemyako / kozemyako, shoigu / soigu
    (re.compile(r"ck"), "k"),
    (re.compile(r"c"), "k"),                   # nicolas / nikolas
    (re.compile(r"z"), "s"),                   # aziz / azis
    (re.compile(r"w"), "v"),                   # ivanow / ivanov
    (re.compile(r"dy|j"), "y"),                # juri / yuri; old spelling j for y; dyarot / djarot
    (re.compile(r"y(?![aeiou])"), "i"),        # yda / ida, saryf / sarif: a y not before a vowel is i
]
_SKELETON_DROP = re.compile(r"[aeiouyhw]")
_CONSONANTS = "bcdfgjklmnpqrstvz"  # what a skeleton is made of (x is folded to ks)


def ascii_fold(text: str) -> str:
    """Lowercase ASCII: accents stripped, punctuation turned into spaces."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("\u2019", "")
    return _NON_WORD.sub(" ", text).strip()


def fold_token(token: str) -> str:
    token = _GIVEN.get(token, token)
    for pattern, repl in _RULES:
        token = pattern.sub(repl, token)
    return _GIVEN.get(token, token)


def tokens(name: str) -> list[str]:
    """The folded tokens of a name: 'Andrey  BELOUSOV' -> ['andrei', 'belousov']."""
    return [fold_token(t) for t in ascii_fold(name).split()]


def fold(name: str) -> str:
    """The transliteration-folded form of a whole name; equal folds = same name."""
    return " ".join(tokens(name))


@lru_cache(maxsize=200_000)
def loose(token: str) -> str:
    """A folded token with sound-alike spellings joined: 'juri' and 'yuri' -> 'yuri',
    'tsipras' and 'cipras' -> 'sipras'... see `_LOOSE`."""
    for pattern, repl in _LOOSE:
        token = pattern.sub(repl, token)
    return token


def undouble(token: str) -> str:
    """Doubled letters made single: 'saifuddin' -> 'saifudin'."""
    return re.sub(r"(.)\1+", r"\1", token)


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """Consonant skeleton of a folded token, repeats collapsed: 'kozhemyako' -> 'kzmk'."""
    bare = _SKELETON_DROP.sub("", token)
    return re.sub(r"(.)\1+", r"\1", bare) or token[:1]


def phonetic(token: str) -> str:
    return jellyfish.metaphone(token) or token


def deletions(key: str, shortest: int = 3) -> set[str]:
    """The key with one letter removed: finds one-consonant slips. Keys shorter than
    `shortest` give none (their deletions would block half the index together)."""
    if len(key) < shortest:
        return set()
    return {key[:i] + key[i + 1:] for i in range(len(key))}


def insertions(key: str) -> set[str]:
    """The key with one consonant added anywhere: a short skeleton that lost a consonant
    (joowi: j) meets the name's (jokowi: jk), which its deletions cannot reach."""
    return {key[:i] + c + key[i:] for i in range(len(key) + 1) for c in _CONSONANTS}


def substitutions(key: str) -> set[str]:
    """The key with one consonant replaced by another."""
    return {key[:i] + c + key[i + 1:] for i in range(len(key)) for c in _CONSONANTS if c != key[i]}


def block_keys(token: str) -> set[str]:
    """Index keys of one folded token. Prefixes keep the kinds apart in one column."""
    sk = skeleton(token)
    keys = {"p:" + phonetic(token), "s:" + sk, "l:" + loose(token)}
    keys.update("d:" + d for d in deletions(sk, 4))
    return keys


def query_keys(token: str) -> set[str]:
    """Keys to look up for a query token: its own keys, its skeleton's deletions against indexed
    skeletons (one consonant too many) and its skeleton against indexed deletions (one missing),
    and deletions against deletions (one substituted); a skeleton too short for deletions
    (under 3) gets its insertions instead (one missing), and one under 4 its substitutions
    (heryawam: rm meets heryawan: rn). Its loose key finds respellings."""
    sk = skeleton(token)
    keys = block_keys(token)
    if len(sk) >= 3:
        keys.update("s:" + d for d in deletions(sk))
        keys.add("d:" + sk)
    else:
        keys.update("s:" + i for i in insertions(sk))
    if len(sk) < 4:  # indexed skeletons this short have no deletion keys to meet a substitution
        keys.update("s:" + c for c in substitutions(sk))
    return keys
