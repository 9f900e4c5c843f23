"""Databases for the store tests: a SQLite file and a fresh PostgreSQL database per test,
dropped afterwards. PostgreSQL is the one at $KABAR_TEST_PG (CI starts it)."""
from __future__ import annotations

import os
import uuid

import pytest

PG_URL = os.environ.get("KABAR_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_admin():
    import psycopg

    try:
        return psycopg.connect(PG_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as err:
        pytest.skip(f"PostgreSQL at {PG_URL} does not answer: {err}")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A URL of an empty database of each kind."""
    if request.param == "sqlite":
        yield str(tmp_path / "kabar.db")
        return
    name = f"kabar_test_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with _pg_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
