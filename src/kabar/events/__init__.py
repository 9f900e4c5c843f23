"""Political events in PLOVER with CAMEO beside them: trigger lexicon (YAML), argument finder,
actor codes, ontology table, and the spaCy component `kabar_events`."""
