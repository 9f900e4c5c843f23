"""Databases for the store tests: a SQLite file and a fresh PostgreSQL database per test,
dropped afterwards (PostgreSQL is the one at $KABAR_TEST_PG; CI starts it). `make_report`
builds a report by hand, so the store's tests do not hang on what the NLP finds today."""
from __future__ import annotations

import os
import uuid

import pytest

from kabar.report import DateMention, Entity, Flag, Mention, Quote, Report

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


def make_report(doc_id="a1", published="2024-06-19", title="Putin tiba di Pyongyang", source="antara",
                putin_title="Presiden Rusia"):
    text = "Presiden Rusia Vladimir Putin tiba di Pyongyang. Kim Jong Un menyambutnya."
    putin = Entity(id="e1", name="Vladimir Putin", type="PERSON", kb_id="Q7747", titles=[putin_title],
                   mentions=[Mention(15, 29, "Vladimir Putin")], extra={"country": "RUS"})
    kim = Entity(id="e2", name="Kim Jong Un", type="PERSON", mentions=[Mention(49, 60, "Kim Jong Un")])
    place = Entity(id="e3", name="Pyongyang", type="GPE", mentions=[Mention(38, 47, "Pyongyang")])
    return Report(
        id=doc_id, source=source, url=f"https://example.org/{doc_id}", language="id", published=published,
        title=title, text=text, entities=[putin, kim, place],
        dates=[DateMention(0, 5, "Rabu", "2024-06-19", "day")],
        quotes=[Quote(49, 70, "Kim Jong Un menyambutnya", speaker="e2")],
        events=[{"type": "CONSULT", "mode": "visit", "cameo": "042", "source": "e1", "target": "e2",
                 "location": "e3", "date": published, "negated": False, "hypothetical": False,
                 "sentence": {"start": 0, "end": 48}, "trigger": {"start": 30, "end": 34, "text": "tiba"},
                 "confidence": 0.8, "source_actor": "RUS GOV", "target_actor": "PRK GOV"}],
        flags=[Flag("name_spelling", 49, 60, "Kim Jong Un", "spelling?", suggestion="Kim Jong-un")],
    )
