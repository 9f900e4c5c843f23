"""kabar reads news and turns it into verified, structured knowledge.

    >>> import kabar
    >>> report = kabar.analyze(text, published="2024-07-08")
    >>> report.to_dict()["entities"]
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from kabar.read import Article, ReadError
from kabar.report import Report

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_article", "Article", "Report", "ReadError", "UnsupportedLanguage"]


class UnsupportedLanguage(Exception):
    """The article is not in a language kabar analyses yet."""


@lru_cache(maxsize=4)
def _nlp(lang: str, kb: str | None, skip_checks: tuple[str, ...] = (), ner_model: str | None = None):
    from kabar.nlp.pipeline import build_nlp

    config = {"kabar_checks": {"disabled": list(skip_checks), "kb_path": kb}}
    if ner_model:
        config["kabar_transformer_ner"] = {"model": ner_model}
    if kb:
        config["kabar_linker"] = {"kb_path": kb}
    return build_nlp(lang, config=config)


def pipeline(kb: str | None = None, skip_checks=(), ner_model: str | None = None, lang: str = "id"):
    """The spaCy pipeline that `analyze_article` runs with these settings, built once and kept.

    Building it ahead (`kabar serve --ner-model`) reports a model that cannot load (`ModelError`)
    before any article, and spares the first article the loading time."""
    return _nlp(lang, str(kb) if kb else None, tuple(sorted(skip_checks)), ner_model)


def _ner_name(nlp) -> str | None:
    """Which NER the pipeline runs, as reports record it: "hf:NAME" for a Hugging Face model, the
    trained pipeline's "NAME-VERSION" (e.g. "kabar_id-0.1.0"), or None when only the rules find names."""
    from kabar.nlp.ner_option import PREFIX
    from kabar.nlp.transformer_ner import NAME as TRANSFORMER_NER

    if TRANSFORMER_NER in nlp.pipe_names:
        return PREFIX + nlp.get_pipe_config(TRANSFORMER_NER)["model"]
    if "ner" in nlp.pipe_names:
        return f"{nlp.meta['name']}-{nlp.meta['version']}"
    return None


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as err:
        raise ValueError(f"published date {value!r} is not an ISO date (YYYY-MM-DD)") from err


def analyze_article(article: Article, kb: str | None = None, skip_checks=(), ner_model: str | None = None) -> Report:
    """Run the whole pipeline on one Article and return its Report. `skip_checks` names checks
    of `kabar.checks` to switch off (e.g. "broken_sentence"); `ner_model`, a Hugging Face
    token-classification model (folder or hub name), replaces the trained NER."""
    from kabar.nlp.language import describe, detect_language

    lang = detect_language(article.text)
    if lang != "id":
        raise UnsupportedLanguage(
            f"{article.origin or article.id}: written in {describe(lang)}, which is not supported yet (kabar reads Indonesian)"
        )
    nlp = pipeline(kb, skip_checks, ner_model, lang)
    doc = nlp.make_doc(article.text)
    doc._.language = lang
    doc._.published = article.published
    doc._.collected = article.collected
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    report = Report.from_doc(doc, article)
    report.ner = _ner_name(nlp)
    return report


def analyze(text: str, published=None, kb: str | None = None, **meta) -> Report:
    """Analyse one article's text. `published` (date or ISO string) anchors relative dates;
    without it the dateline in the text is used."""
    article = Article(text=text, published=_as_date(published), **meta)
    return analyze_article(article, kb=kb)
