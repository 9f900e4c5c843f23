"""Shared fixtures: paths to the real data in ../shared and the seed article."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from kabar.kb import public_sources

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KABAR_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
SEED = ROOT / "examples" / "seed_article.txt"

# Tests (and the commands they run) never see the developer's own knowledge base or caches.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="kabar-tests-data-")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report(seed_text):
    import kabar

    return kabar.analyze(seed_text)


@pytest.fixture(scope="session")
def seed_cli_json() -> subprocess.CompletedProcess:
    """`kabar analyze SEED --format json` as a user runs it: one subprocess (a model load) that the
    tests reading its output share."""
    return subprocess.run([sys.executable, "-m", "kabar", "analyze", str(SEED), "--format", "json"],
                          capture_output=True, text=True, timeout=600)


def indosum_article(id_prefix: str, part: str = "dev.05.jsonl"):
    """One IndoSum article as `kabar analyze` reads it (kabar's IndoSum reader)."""
    from kabar.read import Article, read_inputs

    return next(a for a in read_inputs([str(DATA / "indosum" / part)])
                if isinstance(a, Article) and a.id.startswith(id_prefix))


KB_SOURCES = public_sources(DATA)  # the knowledge base the done-when of issue 4 names


@pytest.fixture(scope="session")
def full_kb(tmp_path_factory) -> Path:
    """A KB built once per session from the real sources (about 2 s)."""
    from kabar.kb import build

    path = tmp_path_factory.mktemp("kb") / "kb.sqlite"
    build(path, KB_SOURCES)
    return path


@contextmanager
def local_http_server(handler):
    """A real HTTP server on a free loopback port, serving `handler`; yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()
