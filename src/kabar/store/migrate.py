"""Apply the schema migrations shipped in `kabar/store/migrations` to a database.

New migration after changing `schema.py` (from the repository root):
    python -m kabar.store.migrate revision "what changed"
"""
from __future__ import annotations

import sys
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
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")


def _revision(message: str) -> None:
    engine = sa.create_engine("sqlite://")
    upgrade(engine)
    with engine.begin() as connection:
        command.revision(_config(connection), message=message, autogenerate=True)


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "revision":
    _revision(sys.argv[2])
