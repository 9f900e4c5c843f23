"""Shared fixtures: paths to the real data in ../shared and the seed article."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KABAR_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
SEED = ROOT / "examples" / "seed_article.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report(seed_text):
    import kabar

    return kabar.analyze(seed_text)
