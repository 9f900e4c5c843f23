"""Country names (English, official, Indonesian) to ISO 3166 alpha-3 codes, from pycountry."""
from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

from kabar.kb.keys import ascii_fold

# Short forms that news and the CIA list use but pycountry does not carry.
_EXTRA = {
    "russia": "RUS", "rusia": "RUS", "korea north": "PRK", "north korea": "PRK", "korut": "PRK",
    "korea south": "KOR", "south korea": "KOR", "korsel": "KOR", "burma": "MMR", "laos": "LAO",
    "iran": "IRN", "syria": "SYR", "vietnam": "VNM", "taiwan": "TWN", "kosovo": "XKX",
    "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "moldova": "MDA", "brunei": "BRN",
    "czechia": "CZE", "cabo verde": "CPV", "cote d ivoire": "CIV", "holy see vatican city": "VAT",
    "bahamas the": "BHS", "gambia the": "GMB", "micronesia federated states of": "FSM",
    "congo democratic republic of the": "COD", "congo republic of the": "COG", "turkey": "TUR",
    "amerika serikat": "USA", "inggris": "GBR", "tiongkok": "CHN", "cina": "CHN",
    "belanda": "NLD", "jepang": "JPN", "prancis": "FRA", "perancis": "FRA", "jerman": "DEU",
}


@lru_cache(maxsize=1)
def _indonesian():
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    except OSError:
        return gettext.NullTranslations()


def country_names(country) -> set[str]:
    """Every name of one pycountry country: English, common, official and Indonesian."""
    names = {country.name, _indonesian().gettext(country.name)}
    for attr in ("common_name", "official_name"):
        if getattr(country, attr, None):
            names.add(getattr(country, attr))
    return names


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table = {}
    for country in pycountry.countries:
        for name in country_names(country):
            table[ascii_fold(name)] = country.alpha_3
        table[country.alpha_3.lower()] = country.alpha_3
    table.update(_EXTRA)
    return table


def iso3(name: str | None) -> str | None:
    """'Russia', 'Federasi Rusia', 'Korea, North', 'RUS' -> 'RUS'; unknown -> None."""
    if not name:
        return None
    return _table().get(ascii_fold(name))


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Every word of every country name (folded): dropped when comparing office titles."""
    return frozenset(w for name in _table() for w in name.split() if len(w) > 2)


def indonesian_short_names() -> dict[str, list[str]]:
    """ISO3 -> the everyday names news uses that pycountry lacks ('Rusia', 'Korea Utara')."""
    out: dict[str, list[str]] = {}
    for name, code in _EXTRA.items():
        out.setdefault(code, []).append(name.title())
    return out
