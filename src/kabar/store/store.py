"""`Store`: write Reports to the corpus database and read them back (see the package docstring
for the read interface). One article is written in one transaction, so an interrupted ingest
leaves either the whole article or nothing."""
from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

import kabar
from kabar.report import Report
from kabar.store import migrate
from kabar.store.identity import bounded, entity_key, fold
from kabar.store.schema import (
    ARTICLE_CHILDREN, article_entities, articles, dates, entities, events, flags, mentions, quotes,
    stories,
)


class StoreError(Exception):
    """The database cannot be opened or used; the message names it."""


def engine_for(url_or_path: str | Path) -> sa.Engine:
    """A SQLAlchemy engine for a file path (SQLite) or a database URL (sqlite://, postgresql://)."""
    text = str(url_or_path)
    if text.startswith(("postgresql://", "postgres://")):
        text = "postgresql+psycopg://" + text.split("://", 1)[1]
        return sa.create_engine(text, pool_pre_ping=True)
    if "://" not in text:
        path = Path(text).expanduser()
        if not path.parent.is_dir():
            raise StoreError(f"{text}: folder {path.parent} does not exist")
        text = f"sqlite:///{path}"
    engine = sa.create_engine(text)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the web server read while ingest writes; the timeout waits out the writer. The
    # timeout comes first: switching to WAL needs the lock another process may be holding.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor, wait_s: float = 30.0) -> None:
    """SQLite answers "database is locked" at once, without waiting out the busy timeout, when
    another process holds the lock while this one sets the journal mode (as when ingest and a
    reader open a new database together); so wait for it here."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


SNIPPET_CHARS = 160  # the start of an article's text, for lists (IndoSum articles have no title)
BACKGROUND = 1000  # articles sampled for word weights when only part of the corpus is re-clustered


def _snippet(text: str) -> str:
    return " ".join(text[:SNIPPET_CHARS].split())


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(0, min(int(limit), 1000)), max(0, int(offset))


class Store:
    def __init__(self, engine: sa.Engine):
        self.engine = engine

    @classmethod
    def open(cls, url_or_path: str | Path) -> "Store":
        """Open (creating if needed) and migrate the database."""
        engine = engine_for(url_or_path)
        try:
            migrate.upgrade(engine)
        except sa.exc.OperationalError as err:
            raise StoreError(f"{url_or_path}: cannot open database ({err.orig})") from err
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- writing -------------------------------------------------------------------------

    def fingerprint_of(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(sa.select(articles.c.fingerprint).where(articles.c.key == key))

    def known_fingerprints(self) -> dict[str, str]:
        """key → fingerprint of every stored article (ingest checks this before analysing)."""
        with self.engine.connect() as conn:
            return dict(conn.execute(sa.select(articles.c.key, articles.c.fingerprint)).all())

    def save_report(self, report: Report, fingerprint: str, key: str | None = None) -> int:
        """Store one report (replacing what the same key had) and return its article id."""
        key = bounded(key or f"id:{report.id}")
        row = {
            "key": key, "doc_id": report.id, "fingerprint": fingerprint, "source": report.source,
            "url": report.url, "title": report.title, "published": report.published,
            "published_from": report.published_from, "language": report.language,
            "byline": report.byline, "text": report.text, "report": report.to_dict(),
            "analysed_at": dt.datetime.now(dt.timezone.utc), "kabar_version": kabar.__version__,
        }
        with self.engine.begin() as conn:
            article_id = conn.scalar(sa.select(articles.c.id).where(articles.c.key == key))
            if article_id is None:
                article_id = conn.execute(articles.insert().values(row)).inserted_primary_key[0]
            else:
                self._delete_children(conn, article_id)
                self._dissolve_story(conn, article_id)
                conn.execute(articles.update().where(articles.c.id == article_id).values(row))
            self._write_children(conn, article_id, report)
        return article_id

    def _dissolve_story(self, conn, article_id: int) -> None:
        """A rewritten article may leave its story: its story's articles wait to be re-clustered."""
        story_id = conn.scalar(sa.select(articles.c.story_id).where(articles.c.id == article_id))
        if story_id is not None:
            conn.execute(articles.update().where(articles.c.story_id == story_id).values(story_id=None))
            conn.execute(stories.delete().where(stories.c.id == story_id))

    def _delete_children(self, conn, article_id: int) -> None:
        old = set(conn.scalars(sa.select(article_entities.c.entity_id)
                               .where(article_entities.c.article_id == article_id)))
        for table in ARTICLE_CHILDREN:
            conn.execute(table.delete().where(table.c.article_id == article_id))
        if old:  # entities nobody mentions any more go too
            used = sa.select(article_entities.c.id).where(article_entities.c.entity_id == entities.c.id)
            conn.execute(entities.delete().where(entities.c.id.in_(old), ~sa.exists(used)))

    def _entity_ids(self, conn, report: Report) -> dict[str, int]:
        """Map each report entity id to its corpus-wide entity row, creating missing rows."""
        rows = {}
        for e in report.entities:
            key = entity_key(e.name, e.type, e.kb_id)
            rows.setdefault(key, {"key": key, "name": e.name, "type": e.type, "kb_id": e.kb_id,
                                  "norm": fold(e.name)})
        if not rows:
            return {}
        insert = (sa.dialects.postgresql.insert if conn.dialect.name == "postgresql"
                  else sa.dialects.sqlite.insert)
        conn.execute(insert(entities).on_conflict_do_nothing(index_elements=["key"]), list(rows.values()))
        ids = dict(conn.execute(sa.select(entities.c.key, entities.c.id)
                                .where(entities.c.key.in_(list(rows)))).all())
        return {e.id: ids[entity_key(e.name, e.type, e.kb_id)] for e in report.entities}

    def _write_children(self, conn, article_id: int, report: Report) -> None:
        ids = self._entity_ids(conn, report)
        a = {"article_id": article_id}

        def run(table, rows):
            if rows:
                conn.execute(table.insert(), rows)

        run(article_entities, [
            {**a, "entity_id": ids[e.id], "local_id": e.id, "name": e.name, "titles": list(e.titles),
             "extra": e.extra, "n_mentions": len(e.mentions)} for e in report.entities])
        run(mentions, [
            {**a, "entity_id": ids[e.id], "start": m.start, "end": m.end, "text": m.text}
            for e in report.entities for m in e.mentions])
        run(dates, [
            {**a, "start": d.start, "end": d.end, "text": d.text, "value": d.value,
             "granularity": d.granularity} for d in report.dates])
        run(quotes, [
            {**a, "start": q.start, "end": q.end, "text": q.text, "speaker_local_id": q.speaker,
             "speaker_entity_id": ids.get(q.speaker)} for q in report.quotes])
        run(events, [_event_row(article_id, ev, ids) for ev in report.events])
        run(flags, [
            {**a, "kind": f.kind, "start": f.start, "end": f.end, "text": f.text, "message": f.message,
             "suggestion": f.suggestion, "evidence": f.evidence, "confidence": f.confidence}
            for f in report.flags])

    # ---- reading -------------------------------------------------------------------------

    def get_article(self, article_id: int | str) -> dict[str, Any] | None:
        """The stored report dict, plus `article_id`, `story_id` and, on each entity, the
        corpus-wide `entity_id`. Accepts the database id or the report's own id."""
        with self.engine.connect() as conn:
            where = (articles.c.id == int(article_id)) if str(article_id).isdigit() else (
                articles.c.doc_id == str(article_id))
            row = conn.execute(sa.select(articles.c.id, articles.c.report, articles.c.story_id)
                               .where(where).limit(1)).first()
            if row is None:
                return None
            local = dict(conn.execute(sa.select(article_entities.c.local_id, article_entities.c.entity_id)
                                      .where(article_entities.c.article_id == row.id)).all())
        report = dict(row.report)
        report["article_id"], report["story_id"] = row.id, row.story_id
        report["entities"] = [{**e, "entity_id": local.get(e["id"])} for e in report.get("entities", [])]
        return report

    def article_text(self, article_id: int) -> str:
        with self.engine.connect() as conn:
            return conn.scalar(sa.select(articles.c.text).where(articles.c.id == int(article_id))) or ""

    def iter_reports(self):
        """Every stored report (as `get_article` gives it), oldest id first."""
        with self.engine.connect() as conn:
            ids = list(conn.scalars(sa.select(articles.c.id).order_by(articles.c.id)))
        for article_id in ids:
            report = self.get_article(article_id)
            if report is not None:
                yield report

    def list_articles(self, q: str | None = None, entity: int | None = None, source: str | None = None,
                      story: int | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Articles newest first. `q` matches title or text (case-insensitive); `entity` keeps
        articles mentioning that entity id. Returns {"total", "items"}."""
        limit, offset = _page(limit, offset)
        conds = []
        if q:
            conds.append(sa.or_(articles.c.title.ilike(f"%{q}%"), articles.c.text.ilike(f"%{q}%")))
        if entity is not None:
            conds.append(articles.c.id.in_(sa.select(article_entities.c.article_id)
                                           .where(article_entities.c.entity_id == int(entity))))
        if source:
            conds.append(articles.c.source == source)
        if story is not None:
            conds.append(articles.c.story_id == int(story))
        n_events = (sa.select(sa.func.count()).select_from(events)
                    .where(events.c.article_id == articles.c.id).scalar_subquery())
        n_flags = (sa.select(sa.func.count()).select_from(flags)
                   .where(flags.c.article_id == articles.c.id).scalar_subquery())
        n_entities = (sa.select(sa.func.count()).select_from(article_entities)
                      .where(article_entities.c.article_id == articles.c.id).scalar_subquery())
        query = (sa.select(articles.c.id.label("article_id"), articles.c.doc_id, articles.c.title,
                           sa.func.substr(articles.c.text, 1, SNIPPET_CHARS).label("snippet"),
                           articles.c.source, articles.c.url, articles.c.published, articles.c.story_id,
                           n_entities.label("n_entities"), n_events.label("n_events"),
                           n_flags.label("n_flags"))
                 .where(*conds)
                 .order_by(articles.c.published.desc().nulls_last(), articles.c.id.desc())
                 .limit(limit).offset(offset))
        with self.engine.connect() as conn:
            total = conn.scalar(sa.select(sa.func.count()).select_from(articles).where(*conds))
            items = [dict(r._mapping) for r in conn.execute(query)]
        return {"total": total, "items": items}

    def search_entities(self, q: str = "", type: str | None = None, limit: int = 20,
                        offset: int = 0) -> dict[str, Any]:
        """Entities whose name contains `q` (accents and case ignored), most-mentioned first."""
        limit, offset = _page(limit, offset)
        n_articles = sa.func.count(sa.distinct(article_entities.c.article_id)).label("n_articles")
        matching = entities.c.norm.contains(fold(q or ""), autoescape=True)
        if type:
            matching = matching & (entities.c.type == type)
        named = sa.exists().where(article_entities.c.entity_id == entities.c.id)
        query = (sa.select(entities.c.id.label("entity_id"), entities.c.name, entities.c.type,
                           entities.c.kb_id, n_articles)
                 .join(article_entities, article_entities.c.entity_id == entities.c.id)
                 .where(matching)
                 .group_by(entities.c.id, entities.c.name, entities.c.type, entities.c.kb_id)
                 .order_by(n_articles.desc(), entities.c.name).limit(limit).offset(offset))
        with self.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(entities).where(matching & named)).scalar_one()
            return {"total": total, "items": [dict(r._mapping) for r in conn.execute(query)]}

    def get_entity(self, entity_id: int) -> dict[str, Any] | None:
        """One entity across the corpus: the articles naming it (with the titles each gave it,
        by date: roles over time), its mention count and its events."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(entities).where(entities.c.id == int(entity_id))).first()
            if row is None:
                return None
            seen = conn.execute(
                sa.select(articles.c.id.label("article_id"), articles.c.title, articles.c.published,
                          articles.c.source, article_entities.c.name, article_entities.c.titles,
                          article_entities.c.n_mentions)
                .join(articles, articles.c.id == article_entities.c.article_id)
                .where(article_entities.c.entity_id == row.id)
                .order_by(articles.c.published.nulls_last(), articles.c.id)).all()
        names = sorted({r.name for r in seen})
        roles = [{"published": r.published, "article_id": r.article_id, "titles": r.titles}
                 for r in seen if r.titles]
        return {
            "entity_id": row.id, "name": row.name, "type": row.type, "kb_id": row.kb_id,
            "names": names, "n_mentions": sum(r.n_mentions for r in seen),
            "articles": [dict(r._mapping) for r in seen],
            "titles_over_time": roles,
            "events": self.list_events(entity=row.id, limit=1000)["items"],
        }

    def list_events(self, actor: str | None = None, type: str | None = None, since: str | None = None,
                    until: str | None = None, entity: int | None = None, article: int | None = None,
                    include_negated: bool = True, limit: int = 100, offset: int = 0) -> dict[str, Any]:
        """Events by date. `actor` matches an actor code prefix ("RUS" finds "RUS GOV"), an
        entity name or KB id, on either side; `entity` an entity id on either side; `since`
        and `until` are ISO dates (inclusive) on the event date, else the published date."""
        limit, offset = _page(limit, offset)
        conds = _event_filters(actor, type, since, until, entity, article, include_negated)
        query = (_events_select().where(*conds)
                 .order_by(_event_day().nulls_last(), events.c.id).limit(limit).offset(offset))
        with self.engine.connect() as conn:
            total = conn.scalar(sa.select(sa.func.count()).select_from(_events_from()).where(*conds))
            items = [_event_item(r) for r in conn.execute(query)]
        return {"total": total, "items": items}

    def iter_events(self, **filters):
        """Every event matching `list_events` filters, without paging (for exports)."""
        conds = _event_filters(**filters)
        with self.engine.connect() as conn:
            for r in conn.execution_options(stream_results=True).execute(
                    _events_select().where(*conds).order_by(events.c.id)):
                yield _event_item(r)

    def list_flags(self, kind: str | None = None, article: int | None = None, limit: int = 100,
                   offset: int = 0) -> dict[str, Any]:
        limit, offset = _page(limit, offset)
        conds = []
        if kind:
            conds.append(flags.c.kind == kind)
        if article is not None:
            conds.append(flags.c.article_id == int(article))
        query = (sa.select(flags, articles.c.title.label("article_title"), articles.c.published)
                 .join(articles, articles.c.id == flags.c.article_id).where(*conds)
                 .order_by(flags.c.article_id, flags.c.start).limit(limit).offset(offset))
        with self.engine.connect() as conn:
            total = conn.scalar(sa.select(sa.func.count()).select_from(flags).where(*conds))
            items = [dict(r._mapping) for r in conn.execute(query)]
        return {"total": total, "items": items}

    def flag_kinds(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return dict(conn.execute(sa.select(flags.c.kind, sa.func.count()).group_by(flags.c.kind)).all())

    def counts_by_actor_pair_month(self, actor: str | None = None, type: str | None = None,
                                   since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        """Events per (month, source, target): `n_events`, `n_articles` and `n_stories` (an
        event reported by many outlets in one story counts once there). Sides are labelled by
        actor code, else by entity name."""
        conds = _event_filters(actor, type, since, until, None, None, include_negated=False)
        month = sa.func.substr(_event_day(), 1, 7).label("month")
        source = sa.func.coalesce(events.c.source_actor, _SRC.c.name).label("source")
        target = sa.func.coalesce(events.c.target_actor, _TGT.c.name).label("target")
        story = sa.func.coalesce(articles.c.story_id, -articles.c.id)
        query = (sa.select(month, source, target,
                           sa.func.count().label("n_events"),
                           sa.func.count(sa.distinct(events.c.article_id)).label("n_articles"),
                           sa.func.count(sa.distinct(story)).label("n_stories"))
                 .select_from(_events_from())
                 .where(*conds).group_by(month, source, target).order_by(month, source, target))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def actor_network(self, type: str | None = None, by: str = "actor") -> list[dict[str, Any]]:
        """Who acts on whom: [{source: {id, name}, target: {id, name}, count}] over every event
        with both sides (negated and hypothetical left out). `by="actor"` joins sides by actor code
        ("RUS GOV"; the entity's name when it has none), `by="entity"` keeps each entity apart
        (its corpus id, so two people of one country are two nodes)."""
        if by not in ("actor", "entity"):
            raise ValueError(f"by must be 'actor' or 'entity', not {by!r}")
        conds = _event_filters(None, type, None, None, None, None, include_negated=False)
        if by == "entity":
            sides = (events.c.source_entity_id, _SRC.c.name, events.c.target_entity_id, _TGT.c.name)
        else:
            source = sa.func.coalesce(events.c.source_actor, _SRC.c.name)
            target = sa.func.coalesce(events.c.target_actor, _TGT.c.name)
            sides = (source, source, target, target)
        columns = [c.label(n) for c, n in zip(sides, ("sid", "sname", "tid", "tname"))]
        query = (sa.select(*columns, sa.func.count().label("n")).select_from(_events_from())
                 .where(*conds, sides[0].is_not(None), sides[2].is_not(None)).group_by(*sides))
        with self.engine.connect() as conn:
            return [{"source": {"id": r.sid, "name": r.sname}, "target": {"id": r.tid, "name": r.tname}, "count": r.n}
                    for r in conn.execute(query)]

    def stories(self, min_articles: int = 2, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Stories (articles grouped by `update_stories`), largest first, with their articles."""
        limit, offset = _page(limit, offset)
        cond = stories.c.n_articles >= min_articles
        with self.engine.connect() as conn:
            total = conn.scalar(sa.select(sa.func.count()).select_from(stories).where(cond))
            rows = conn.execute(sa.select(stories).where(cond)
                                .order_by(stories.c.n_articles.desc(), stories.c.first_published.desc(),
                                          stories.c.id)
                                .limit(limit).offset(offset)).all()
            members = conn.execute(
                sa.select(articles.c.story_id, articles.c.id.label("article_id"), articles.c.title,
                          articles.c.source, articles.c.published)
                .where(articles.c.story_id.in_([r.id for r in rows]))
                .order_by(articles.c.published, articles.c.id)).all()
        by_story: dict[int, list] = {}
        for m in members:
            by_story.setdefault(m.story_id, []).append(
                {k: v for k, v in m._mapping.items() if k != "story_id"})
        items = [{"story_id": r.id, "label": r.label, "first_published": r.first_published,
                  "last_published": r.last_published, "n_articles": r.n_articles,
                  "n_sources": r.n_sources, "articles": by_story.get(r.id, [])} for r in rows]
        return {"total": total, "items": items}

    def update_stories(self, full: bool = False, **options) -> int:
        """Group articles into stories (see `kabar.store.stories`); returns the number of stories
        with more than one article. Only what the articles not yet in a story can change is
        re-clustered: the articles published within the window around their dates and the
        stories those belong to, with word weights from a sample of the rest (`BACKGROUND`), so
        an ingest into a big corpus does not re-read all of it. `full=True`, or a new undated
        article (it may match any date), re-clusters the whole corpus."""
        from kabar.store.stories import WINDOW_DAYS, cluster, published_day

        window = dt.timedelta(days=options.get("window_days", WINDOW_DAYS))
        columns = (articles.c.id, articles.c.title, articles.c.text, articles.c.published, articles.c.source,
                   articles.c.story_id)
        with self.engine.connect() as conn:
            new_dates = conn.scalars(sa.select(articles.c.published).where(articles.c.story_id.is_(None))).all()
            days = [published_day(p) for p in new_dates]
            background: list[str] = []
            if full or None in days:
                rows = conn.execute(sa.select(*columns)).all()
            elif not days:
                rows = []
            else:
                near = sa.or_(articles.c.story_id.is_(None),
                              sa.and_(articles.c.published >= (min(days) - window).isoformat(),
                                      articles.c.published < (max(days) + window + dt.timedelta(days=1)).isoformat()))
                touched = sa.select(articles.c.story_id).where(near, articles.c.story_id.is_not(None))
                part = sa.or_(near, articles.c.story_id.in_(touched))
                rows = conn.execute(sa.select(*columns).where(part)).all()
                rest = conn.scalar(sa.select(sa.func.count()).select_from(articles).where(~part))
                step = max(1, rest // BACKGROUND)
                background = conn.scalars(sa.select(articles.c.text).where(~part, articles.c.id % step == 0)
                                          .limit(BACKGROUND)).all()
        if rows:
            groups = cluster([(r.id, (r.title or "") + "\n" + r.text, r.published) for r in rows],
                             background=background, **options)
            self._replace_stories(rows, groups)
        with self.engine.connect() as conn:
            return conn.scalar(sa.select(sa.func.count()).select_from(stories).where(stories.c.n_articles > 1))

    def _replace_stories(self, rows, groups: list[list[int]]) -> None:
        """The stories of `rows` (re-clustered into `groups`) replace the ones they had."""
        info = {r.id: r for r in rows}
        old = {r.story_id for r in rows if r.story_id is not None}
        with self.engine.begin() as conn:
            if old:
                conn.execute(articles.update().where(articles.c.story_id.in_(old)).values(story_id=None))
                conn.execute(stories.delete().where(stories.c.id.in_(old)))
            next_id = (conn.scalar(sa.select(sa.func.max(stories.c.id))) or 0) + 1
            for story_id, members in enumerate(groups, start=next_id):
                dated = sorted((info[m].published or "9999", m) for m in members)
                first = info[dated[0][1]]
                conn.execute(stories.insert().values(
                    id=story_id, label=first.title or _snippet(first.text),
                    first_published=first.published,
                    last_published=max((info[m].published for m in members if info[m].published), default=None),
                    n_articles=len(members), n_sources=len({info[m].source for m in members})))
                conn.execute(articles.update().where(articles.c.id.in_(members)).values(story_id=story_id))

    def has_unclustered(self) -> bool:
        with self.engine.connect() as conn:
            return conn.scalar(sa.select(articles.c.id).where(articles.c.story_id.is_(None)).limit(1)) is not None

    def summary(self) -> dict[str, int]:
        """Row counts of the main tables."""
        with self.engine.connect() as conn:
            return {t.name: conn.scalar(sa.select(sa.func.count()).select_from(t))
                    for t in (articles, entities, mentions, quotes, events, flags, stories)}


# ---- event query helpers ---------------------------------------------------------------------

def _event_row(article_id: int, ev: dict, ids: dict[str, int]) -> dict:
    def entity(side):
        value = ev.get(side)
        if isinstance(value, list):  # several actors on one side: the first one is indexed
            value = value[0] if value else None
        return ids.get(value) if isinstance(value, str) else None

    trigger = ev.get("trigger") or {}
    return {
        "article_id": article_id, "type": ev.get("type"), "mode": ev.get("mode"),
        "cameo": ev.get("cameo"), "source_entity_id": entity("source"),
        "target_entity_id": entity("target"), "location_entity_id": entity("location"),
        "source_actor": ev.get("source_actor"), "target_actor": ev.get("target_actor"),
        "date": str(ev["date"])[:32] if ev.get("date") else None,
        "negated": bool(ev.get("negated")), "hypothetical": bool(ev.get("hypothetical")),
        "trigger_text": trigger.get("text"), "confidence": ev.get("confidence"), "data": ev,
    }


def _event_day():
    return sa.func.coalesce(events.c.date, articles.c.published)


_SRC, _TGT, _LOC = (entities.alias("source_entity"), entities.alias("target_entity"),
                    entities.alias("location_entity"))


def _events_from():
    return (events.join(articles, articles.c.id == events.c.article_id)
            .outerjoin(_SRC, _SRC.c.id == events.c.source_entity_id)
            .outerjoin(_TGT, _TGT.c.id == events.c.target_entity_id)
            .outerjoin(_LOC, _LOC.c.id == events.c.location_entity_id))


def _events_select():
    return sa.select(
        events, articles.c.title.label("article_title"), articles.c.published,
        articles.c.source.label("article_source"), articles.c.url, articles.c.story_id,
        _SRC.c.name.label("source_name"), _TGT.c.name.label("target_name"),
        _LOC.c.name.label("location_name"),
    ).select_from(_events_from())


def _event_filters(actor=None, type=None, since=None, until=None, entity=None, article=None,
                   include_negated=True) -> list:
    conds = []
    if actor:
        code, folded = actor.upper(), fold(actor)
        sides = []
        for actor_col, ent in ((events.c.source_actor, _SRC), (events.c.target_actor, _TGT)):
            sides += [actor_col == code, actor_col.startswith(code + " "), ent.c.kb_id == actor,
                      ent.c.norm == folded]
        conds.append(sa.or_(*sides))
    if type:
        conds.append(events.c.type == type.upper())
    if since:
        conds.append(_event_day() >= _iso_day(since, "since").isoformat())
    if until:  # before the next day, so "2024-06-30T10:00" and "2024-06" stay in
        conds.append(_event_day() < (_iso_day(until, "until") + dt.timedelta(days=1)).isoformat())
    if entity is not None:
        conds.append(sa.or_(events.c.source_entity_id == int(entity), events.c.target_entity_id == int(entity)))
    if article is not None:
        conds.append(events.c.article_id == int(article))
    if not include_negated:
        conds.append(sa.and_(~events.c.negated, ~events.c.hypothetical))
    return conds


def _iso_day(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise ValueError(f"{name} {value!r} is not an ISO date (YYYY-MM-DD)") from err


def _event_item(row) -> dict[str, Any]:
    item = dict(row._mapping)
    data = item.pop("data") or {}
    item["sentence"] = data.get("sentence")
    item["trigger"] = data.get("trigger")
    item["location"] = data.get("location")
    item["date_from"] = data.get("date_from")
    item["context"] = data.get("context")
    return item
