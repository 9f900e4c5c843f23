"""Word lists the entity rules read: common Indonesian words, organisation cues, person cues.

A capitalised word that is also a common word ("Kabar", "Markas") is a sentence start or part
of a name built from ordinary words ("Kereta Api"), never a person's name on its own.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import simplemma
import yaml
from spacy.lang.id.stop_words import STOP_WORDS

DATA = Path(__file__).parent / "data"

# Words next to a name that say it is a person: "kata Putin", "Zulkifli menilai".
PERSON_BEFORE = {"kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tegas", "imbuh", "tambah",
                 "sebut", "oleh", "bersama", "pak", "bu", "sosok", "nama", "menurut", "tanya", "terang",
                 "lanjut", "pinta", "tukas", "papar", "kilah"}
PERSON_AFTER = {"mengatakan", "menyatakan", "menjelaskan", "menegaskan", "mengungkapkan",
                "menyebutkan", "berkata", "menambahkan", "meminta", "mengaku", "menilai",
                "menuturkan", "menyampaikan", "menekankan", "memuji", "menyarankan",
                "menyesalkan", "mengimbau", "berharap", "mengungkap", "menyebut", "bertemu",
                "menandatangani", "mengunjungi", "tiba", "membantah", "menolak", "mengakui",
                "memastikan", "mengklaim", "menuding", "menanggapi", "melanjutkan", "menjabat"}
# Lowercase words before a capitalised name that say what it names: "di Hambalang", "daerah
# Semirom", "kantor berita ISNA", "maskapai Garuda".
PLACE_BEFORE = {"di": "LOC", "ke": "LOC", "daerah": "LOC", "kawasan": "LOC", "wilayah": "LOC",
                "pulau": "LOC", "kota": "GPE", "desa": "GPE", "provinsi": "GPE", "kabupaten": "GPE",
                "kecamatan": "GPE", "negara": "GPE", "negeri": "GPE"}
ORG_BEFORE = {"berita", "partai", "perusahaan", "maskapai", "klub", "harian", "majalah", "televisi",
              "organisasi", "lembaga", "bank", "produsen", "raksasa", "operator", "startup", "grup"}
# Words before a title that make it a predicate ("X merupakan Direktur Utama PT Y"): no name follows.
PREDICATE = {"merupakan", "adalah", "sebagai", "selaku", "menjadi", "menjabat", "jabatan", "sebagai"}
# Capitalised but never names: days, months, and words that head a sentence in news.
NOT_NAMES = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari",
             "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
             "desember", "no", "nomor", "ke", "wib", "wita", "wit", "baca", "juga", "simak", "lihat",
             "rp", "us", "usd", "idr"}
# Indonesian affixes: a capitalised word made of a known stem and these ("Kehadiran" = ke-hadir-an)
# is an ordinary word.
PREFIXES = ("memper", "diper", "meng", "meny", "mem", "men", "per", "pen", "pem", "peng", "peny", "ber",
            "ter", "ke", "se", "di", "me", "pe")
SUFFIXES = ("kannya", "annya", "nya", "kan", "an")
# Lowercase words allowed inside a name: "Abdullah bin Abdul Aziz", "Kementerian Hukum dan HAM".
NAME_LINKS = {"bin", "binti", "van", "von", "der", "al", "el"}
ORG_LINKS = {"dan", "&", "untuk", "bagi", "of", "the", "for", "and"}


@lru_cache(maxsize=1)
def organisations() -> dict[str, frozenset[tuple[str, ...]]]:
    raw = yaml.safe_load((DATA / "organisations.yaml").read_text(encoding="utf-8"))
    return {group: frozenset(tuple(w.split()) for w in words) for group, words in raw.items() if group != "events"}


@lru_cache(maxsize=1)
def event_cues() -> frozenset[tuple[str, ...]]:
    """Words that start a named event: "Piala Dunia", "Siklon Dahlia", "Hari Pahlawan"."""
    raw = yaml.safe_load((DATA / "organisations.yaml").read_text(encoding="utf-8"))["events"]
    return frozenset(tuple(w.split()) for w in raw)


@lru_cache(maxsize=1)
def place_cues() -> dict[tuple[str, ...], str]:
    """Words that start a place's name → its type: ("kabupaten",) → "GPE"."""
    raw = yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8"))["cues"]
    return {tuple(w.split()): type_ for type_, words in raw.items() for w in words}


@lru_cache(maxsize=65536)
def is_common(word: str) -> bool:
    """True for an ordinary Indonesian word (in spaCy's stop words or simplemma's lexicon)."""
    w = word.lower()
    if w in STOP_WORDS or w in NOT_NAMES:
        return True
    if len(w) <= 2 or not w.isalpha():
        return False
    if simplemma.is_known(w, lang="id"):
        return True
    lemma = simplemma.lemmatize(w, lang="id")  # derived forms: diberitakan → berita
    if lemma != w and len(lemma) > 3 and simplemma.is_known(lemma, lang="id"):
        return True
    return any(simplemma.is_known(stem, lang="id") for stem in stems(w))


@lru_cache(maxsize=65536)
def is_derived(word: str) -> bool:
    """A prefixed Indonesian word from a known stem ("Kehadiran", "Pertemuan"): never a name."""
    w = word.lower()
    if not w.startswith(PREFIXES):
        return False
    lemma = simplemma.lemmatize(w, lang="id")
    return (lemma != w and len(lemma) > 3 and simplemma.is_known(lemma, lang="id")) or any(
        simplemma.is_known(stem, lang="id") for stem in stems(w))


def stems(word: str) -> list[str]:
    """Stems of at least five letters left by stripping one Indonesian prefix and/or suffix."""
    out = []
    for p in ("", *PREFIXES):
        if not word.startswith(p):
            continue
        rest = word[len(p):]
        for s in ("", *SUFFIXES):
            if (p or s) and rest.endswith(s) and len(rest) - len(s) >= 5:
                out.append(rest[:len(rest) - len(s)])
    return out


@lru_cache(maxsize=65536)
def is_english(word: str) -> bool:
    return simplemma.is_known(word.lower(), lang="en")
