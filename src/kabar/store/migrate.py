"""Apply the schema migrations shipped in `kabar/store/migrations` to a database.

New migration after changing `schema.py` (from the repository root):
    python -m kabar.store.migrate revision "what changed"
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: sa.Engine) -> None:
    """Bring the database to the newest schema (a no-op when it is there already)."""
    with _exclusive(engine) as connection:
        command.upgrade(_config(connection), "head")


@contextmanager
def _exclusive(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A transaction that holds the database's write lock from its start, so two processes
    opening a new database at once (ingest and serve) migrate it once, one after the other."""
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        # pysqlite delays BEGIN until the first write; take the lock at once instead.
        locked = sa.create_engine(engine.url, poolclass=sa.pool.NullPool)

        @sa.event.listens_for(locked, "connect")
        def _connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None
            dbapi_connection.execute("PRAGMA busy_timeout=30000")

        @sa.event.listens_for(locked, "begin")
        def _begin(connection):
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        try:
            with locked.begin() as connection:
                yield connection
        finally:
            locked.dispose()
        return
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext('kabar.store.migrate'))"))
        yield connection


def _revision(message: str) -> None:
    engine = sa.create_engine("sqlite://")
    upgrade(engine)
    with engine.begin() as connection:
        command.revision(_config(connection), message=message, autogenerate=True)


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "revision":
    _revision(sys.argv[2])
