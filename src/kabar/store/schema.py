"""The corpus tables. One Report becomes one `articles` row plus its entities, mentions, dates,
quotes, events and flags. `entities` holds corpus-wide entities (one row per KB id, or per
type + normalised name when unlinked) so that an entity page spans articles.

Strings are `Text` (no length to overflow on PostgreSQL; SQLite ignores lengths anyway).
Changing a table here needs a new migration in `migrations/versions/`: the store applies
migrations when it opens a database, never `metadata.create_all`.
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.Text, nullable=False, unique=True),  # identity: id, url or file path
    sa.Column("doc_id", sa.Text, nullable=False, index=True),  # Report.id
    sa.Column("fingerprint", sa.Text, nullable=False),  # sha256 of the text and metadata
    sa.Column("source", sa.Text, index=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Text, index=True),  # ISO date
    sa.Column("published_from", sa.Text),
    sa.Column("language", sa.Text),
    sa.Column("byline", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("report", sa.JSON, nullable=False),  # Report.to_dict(), the full contract
    sa.Column("story_id", sa.Integer, index=True),
    sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("kabar_version", sa.Text),
)

entities = sa.Table(
    "entities", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.Text, nullable=False, unique=True),  # "kb:Q123" or "PERSON:joko widodo"
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.Text, nullable=False, index=True),
    sa.Column("kb_id", sa.Text, index=True),
    sa.Column("norm", sa.Text, nullable=False, index=True),  # lowercase ascii name, for search
)

article_entities = sa.Table(
    "article_entities", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False, index=True),
    sa.Column("local_id", sa.Text, nullable=False),  # Entity.id inside the report
    sa.Column("name", sa.Text, nullable=False),  # as written in this article
    sa.Column("titles", sa.JSON, nullable=False),
    sa.Column("extra", sa.JSON, nullable=False),
    sa.Column("n_mentions", sa.Integer, nullable=False),
)

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

dates = sa.Table(
    "dates", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("value", sa.Text),
    sa.Column("granularity", sa.Text),
)

quotes = sa.Table(
    "quotes", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("speaker_entity_id", sa.Integer, sa.ForeignKey("entities.id"), index=True),
    sa.Column("speaker_local_id", sa.Text),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("type", sa.Text, index=True),  # PLOVER category
    sa.Column("mode", sa.Text),
    sa.Column("cameo", sa.Text),
    sa.Column("source_entity_id", sa.Integer, sa.ForeignKey("entities.id"), index=True),
    sa.Column("target_entity_id", sa.Integer, sa.ForeignKey("entities.id"), index=True),
    sa.Column("location_entity_id", sa.Integer, sa.ForeignKey("entities.id")),
    sa.Column("source_actor", sa.Text, index=True),  # actor code, e.g. "RUS GOV"
    sa.Column("target_actor", sa.Text, index=True),
    sa.Column("date", sa.Text, index=True),  # ISO date (or month/year) of the event
    sa.Column("negated", sa.Boolean, nullable=False, default=False),
    sa.Column("hypothetical", sa.Boolean, nullable=False, default=False),
    sa.Column("trigger_text", sa.Text),
    sa.Column("confidence", sa.Float),
    sa.Column("data", sa.JSON, nullable=False),  # the event dict as the pipeline gave it
)

flags = sa.Table(
    "flags", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("kind", sa.Text, nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("suggestion", sa.Text),
    sa.Column("evidence", sa.JSON, nullable=False),
    sa.Column("confidence", sa.Float),
)

stories = sa.Table(
    "stories", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("label", sa.Text),  # title of the earliest article
    sa.Column("first_published", sa.Text),
    sa.Column("last_published", sa.Text),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("n_sources", sa.Integer, nullable=False),
)

# Tables that hang off one article, deleted and rewritten when the article is re-analysed.
ARTICLE_CHILDREN = (article_entities, mentions, dates, quotes, events, flags)
