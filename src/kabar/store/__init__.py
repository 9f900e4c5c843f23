"""The corpus store: Reports in a database (SQLite file by default, PostgreSQL by URL), queries
and exports over them, and story clustering.

    from kabar.store import Store
    store = Store.open("kabar.db")            # or "postgresql://host/db"; migrates on open
    article_id = store.save_report(report, fingerprint, key)   # one transaction per article

Read interface (all return plain JSON-ready dicts/lists; paged calls return
{"total": int, "items": [...]}; `limit` is capped at 1000):

- `get_article(id)` → `Report.to_dict()` plus `article_id` (int, the database id used in URLs),
  `story_id`, and `entity_id` (corpus-wide int) on each entity; `id` may also be the report id.
- `list_articles(q=None, entity=None, source=None, story=None, limit=50, offset=0)` → items
  {article_id, doc_id, title, snippet (start of the text), source, url, published, story_id,
  n_entities, n_events, n_flags}, newest first; `q` is a case-insensitive substring of title
  or text; `story` keeps one story's articles.
- `search_entities(q="", type=None, limit=20, offset=0)` → items {entity_id, name, type, kb_id,
  n_articles}, most-mentioned first; accents and case ignored.
- `get_entity(id)` → {entity_id, name, type, kb_id, names, n_mentions, articles: [{article_id,
  title, published, source, name, titles, n_mentions}], titles_over_time: [{published,
  article_id, titles}], events: [event items]}.
- `list_events(actor=None, type=None, since=None, until=None, entity=None, article=None,
  include_negated=True, limit=100, offset=0)` → items {id, article_id, type, mode, cameo,
  source_entity_id, source_name, source_actor, target_entity_id, target_name, target_actor,
  location_entity_id, location_name, location, date, date_from, negated, hypothetical,
  trigger_text, trigger, sentence, context, confidence, article_title, published,
  article_source, url, story_id}, by date (event date, else published date).
  `actor` matches an actor code ("RUS" finds "RUS GOV"), an entity name or KB id.
- `list_flags(kind=None, article=None, limit=100, offset=0)` → items {id, article_id, kind,
  start, end, text, message, suggestion, evidence, confidence, article_title, published};
  `flag_kinds()` → {kind: count}.
- `counts_by_actor_pair_month(actor=None, type=None, since=None, until=None)` → [{month,
  source, target, n_events, n_articles, n_stories}] (negated/hypothetical events left out).
- `stories(min_articles=2, limit=50, offset=0)` → items {story_id, label (earliest title, else
  the start of its text), first_published, last_published, n_articles, n_sources, articles:
  [{article_id, title, source, published}]}, largest first. `update_stories()` clusters
  the articles not yet in a story (ingest does it at the end; `full=True` redoes all).
- `summary()` → row counts per table; `iter_events(**filters)` and `iter_reports()` stream
  everything (exports).

Dates are ISO strings; bad `since`/`until` raise ValueError naming the value. `StoreError`
means the database itself cannot be opened.
"""
__all__ = ["Store", "StoreError"]


def __getattr__(name: str):
    """`Store` and `StoreError` load SQLAlchemy on first use, so `kabar --help` does not."""
    if name in __all__:
        from kabar.store import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
