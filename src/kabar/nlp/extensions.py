"""The extension attributes kabar's components fill on spaCy objects.

Each component writes its results as report dataclasses (`kabar.report`), so the final Report
is a plain collection and users of the spaCy components get the same objects.
"""
from spacy.tokens import Doc, Span

DOC_ATTRS = {
    "language": None,        # "id", "en", ...
    "published": None,       # datetime.date used to resolve relative dates
    "published_from": None,  # "input" | "dateline" | "collected" | None
    "collected": None,       # datetime.date a corpus collected the article; last-resort anchor
    "source": None,          # outlet name found in the text ("Tribunnews", "Kompas.com")
    "byline": None,          # reporter found in the text
    "entities": None,        # list[report.Entity], one per real-world entity (mentions merged)
    "dates": None,           # list[report.DateMention]
    "quotes": None,          # list[report.Quote]
    "events": None,          # list[dict] in the events contract
    "flags": None,           # list[report.Flag]
}
LIST_ATTRS = {"entities", "dates", "quotes", "events", "flags"}


def register() -> None:
    for name, default in DOC_ATTRS.items():
        if name in LIST_ATTRS:
            if not Doc.has_extension(name):
                Doc.set_extension(name, getter=None, setter=None, default=None)
        elif not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    # Span-level: the entity a mention belongs to, and the titles written before it.
    for name in ("entity_id", "titles"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def init_doc(doc: Doc) -> Doc:
    """Give a Doc fresh (unshared) lists; mutable defaults would leak across docs."""
    for name in LIST_ATTRS:
        if doc._.get(name) is None:
            doc._.set(name, [])
    return doc


register()
