"""People, organisations, places and events found by rules that read Indonesian news conventions.

The `kabar_entities` component walks each sentence left to right and at each token tries, in
order:
1. a title ("Presiden", "Menteri Luar Negeri", "Menkominfo"), then its complement (a place or
   organisation: "Presiden *Rusia*", "Ketua *MPR*"), then the person's name ("Vladimir
   Putin", "Kim Kum-chol"). A title with no name after it describes a name next to it: "Kim
   Kum-chol, presiden Universitas Militer Kim Il Sung", "Kepala Humas BNPB, Sutopo";
2. a named event by its cue word ("Piala Dunia", "KTT G20");
3. an organisation by its cue word ("Universitas", "Kementerian", "PT") or a known name;
4. a place from the gazetteer (`places.py`) or by its cue word ("Kabupaten", "Jalan");
5. other capitalised words: a person when the words look like a name ("Oleg Kozemako") or a
   cue says so ("kata Zulkifli"); a place or organisation when the word before says so ("di
   Hambalang", "kantor berita ISNA"); otherwise kept aside and reported only if it repeats
   part of a person's name ("Putin", "Jong Un").

When a statistical NER ran earlier in the pipeline, its entities fill the gaps the rules leave
and the rules fix their boundaries (see `merge_with_model`). Each span
gets `span._.titles`; positions and countries go to `doc.user_data[INFO]` for the coreference
step (`coref.py`), which builds `doc._.entities`.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kabar.nlp import places
from kabar.nlp.entity_rules import Found, Reader
from kabar.nlp.extensions import init_doc
from kabar.nlp.lexicon import is_common, is_english
from kabar.nlp.titles import match_title

INFO = "kabar_entity_info"  # doc.user_data key: (start, end) → {"positions", "former_positions", "country"}
# Model labels (NERGRIT, NER-P, IDNer, UD-style) → kabar types.
MODEL_LABELS = {
    "PER": "PERSON", "PERSON": "PERSON", "PPL": "PERSON",
    "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG",
    "LOC": "LOC", "PLACE": "LOC", "PLC": "LOC", "GPE": "GPE",
    "EVT": "EVENT", "EVENT": "EVENT",
}


def merge_with_model(doc: Doc, found: list[Found]) -> list[Span]:
    """Rule entities, plus the model's entities where the rules found nothing.

    Where both found something, the rules decide: they know where Indonesian titles and their
    complements end ("Presiden Rusia Vladimir Putin" is a title, a country and a person; a model
    trained on sentence-level corpora often tags it as one span). The model fills the gaps the
    rules leave ("Nahdlatul Ulama"), once title words are cut from its spans and spans that
    cannot be names are dropped: all lowercase ("sekarung jengkol"; one training set is
    lowercased), or mostly common words ("Klaim", "Ojek Online Jadi Besar")."""
    words = [t.lower_ for t in doc]
    rules = [Span(doc, f.start, f.end, label=f.label) for f in found]
    taken = [False] * (len(doc) + 1)
    for r in rules:
        taken[r.start:r.end] = [True] * len(r)
    spans = list(rules)
    for ent in doc.ents:
        label = MODEL_LABELS.get(ent.label_, ent.label_)
        start = ent.start
        title = match_title(words[:ent.end], start)
        if title and label == "PERSON":
            start = title.end  # a span that is all title ("Marsda TNI") is no one's name
        if start >= ent.end or any(taken[start:ent.end]) or not doc[start].text[:1].isupper():
            continue
        alpha = [t.text for t in doc[start:ent.end] if t.is_alpha]
        ordinary = sum(is_common(w) or (len(alpha) >= 3 and is_english(w)) for w in alpha)
        if alpha and 2 * ordinary > len(alpha) and (len(alpha) == 1 or len(alpha) >= 3):
            continue  # "Klaim", "Ojek Online Jadi Besar"
        spans.append(Span(doc, start, ent.end, label=label))
    return sorted(spans, key=lambda s: s.start)


@Language.component("kabar_entities")
def kabar_entities(doc: Doc) -> Doc:
    """Set doc.ents to people, organisations and places, with the titles written before them."""
    init_doc(doc)
    found = Reader(doc).read()
    spans = merge_with_model(doc, found)
    by_span = {(f.start, f.end): f for f in found}
    doc.ents = spans
    info = {}
    for span in doc.ents:
        f = by_span.get((span.start, span.end))
        span._.titles = list(f.titles) if f else []
        country = f.country if f else None
        if country is None and span.label_ in ("GPE", "LOC"):
            place = places.lookup(span.text)
            country = place.country if place else None
        info[(span.start, span.end)] = {"positions": list(f.positions) if f else [],
                                        "former_positions": list(f.former_positions) if f else [], "country": country}
    doc.user_data[INFO] = info
    return doc
