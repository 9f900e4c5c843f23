"""Country names (English, official, Indonesian, everyday) to ISO 3166 alpha-3 codes: the one
country table of kabar, used by the KB, the entity rules' gazetteer and the events' actor codes."""
from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml

from kabar.kb.keys import ascii_fold

SHORT_NAMES_FILE = Path(__file__).parent / "data" / "countries.yaml"


@lru_cache(maxsize=1)
def short_names() -> dict[str, list[str]]:
    """ISO3 -> the everyday names news and leader lists use that pycountry lacks ('Rusia', 'Korut')."""
    return yaml.safe_load(SHORT_NAMES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _indonesian():
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    except OSError:
        return gettext.NullTranslations()


def country_names(country) -> set[str]:
    """Every name of one pycountry country: English, common, official, Indonesian, everyday."""
    names = {country.name}
    for attr in ("common_name", "official_name"):
        if getattr(country, attr, None):
            names.add(getattr(country, attr))
    names |= {_indonesian().gettext(n) for n in list(names)}
    return names | set(short_names().get(country.alpha_3, []))


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table = {}
    for country in pycountry.countries:
        for name in country_names(country):
            table[ascii_fold(name)] = country.alpha_3
        table[country.alpha_3.lower()] = country.alpha_3
    for code, names in short_names().items():  # Kosovo (XKX) is in no ISO list
        table.update({ascii_fold(name): code for name in names})
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
