"""The spaCy component `kabar_events`: fills `doc._.events` in the report's events contract."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kabar.events import lexicon
from kabar.events.coder import Coder
from kabar.nlp.extensions import init_doc


class EventCoder:
    def __init__(self, lexicon_dir: str | None = None):
        lex = lexicon.load(lexicon_dir) if lexicon_dir else lexicon.default()
        self.coder = Coder(lex)

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        doc._.events = self.coder.code(doc)
        return doc


@Language.factory("kabar_events", default_config={"lexicon_dir": None})
def make_event_coder(nlp: Language, name: str, lexicon_dir: str | None) -> EventCoder:
    """`lexicon_dir`: a folder of trigger YAML files to use instead of the shipped ones."""
    return EventCoder(lexicon_dir)
