"""Which language an article is in. lingua restricted to a few languages: accurate on
Indonesian vs Malay vs English, and small in memory (all-languages mode costs 1.3 GB)."""
from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

CODES = {
    Language.INDONESIAN: "id",
    Language.MALAY: "ms",
    Language.ENGLISH: "en",
    Language.DUTCH: "nl",
    Language.FRENCH: "fr",
    Language.GERMAN: "de",
    Language.SPANISH: "es",
    Language.RUSSIAN: "ru",
    Language.CHINESE: "zh",
    Language.ARABIC: "ar",
}


NAMES = {"id": "Indonesian", "ms": "Malay", "en": "English", "nl": "Dutch", "fr": "French", "de": "German",
         "es": "Spanish", "ru": "Russian", "zh": "Chinese", "ar": "Arabic"}


def describe(code: str | None) -> str:
    """"'en' (English)" for messages; "an unrecognised language" when there was none."""
    return f"{code!r} ({NAMES.get(code, code)})" if code else "an unrecognised language (too little text?)"


@lru_cache(maxsize=1)
def _detector():
    return LanguageDetectorBuilder.from_languages(*CODES).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is no text to judge.

    Malay is read as Indonesian: news in either is written in the same standard and kabar's
    rules apply to both."""
    sample = text[:5000]
    if not sample.strip():
        return None
    lang = _detector().detect_language_of(sample)
    code = CODES.get(lang) if lang else None
    return "id" if code == "ms" else code
