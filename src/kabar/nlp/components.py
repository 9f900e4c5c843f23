"""Import every module that registers a kabar spaCy component, so the factories exist."""
from kabar.nlp import sentences, metadata  # noqa: F401
from kabar.nlp import dates, quotes  # noqa: F401
from kabar.nlp import entities, coref  # noqa: F401
from kabar import checks  # noqa: F401  (kabar_checks)
from kabar.nlp import linker  # noqa: F401
from kabar.events import component as events_component  # noqa: F401,E402  (kabar_events)
