"""Import every module that registers a kabar spaCy component, so the factories exist.

Importing this module is all a user's own pipeline needs before `nlp.add_pipe("kabar_dates")`."""
from kabar import checks  # noqa: F401  (kabar_checks)
from kabar.events import component  # noqa: F401  (kabar_events)
from kabar.nlp import coref, dates, entities, linker, metadata, quotes, sentences  # noqa: F401
from kabar.nlp import transformer_ner  # noqa: F401  (kabar_transformer_ner; torch is imported only when used)
