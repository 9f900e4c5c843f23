"""The knowledge base: people, organisations and places with their names and offices, in one
SQLite file. `build` writes one from sources, `KB` reads it, `default_path` is where it lives
when no `--kb PATH` is given."""
from __future__ import annotations

from pathlib import Path

from kabar.kb.build import build, public_sources
from kabar.kb.importers import ImportError_ as KBImportError
from kabar.kb.search import KB, Candidate, KBError, Position

__all__ = ["KB", "Candidate", "Position", "KBError", "KBImportError", "build", "default_path", "public_sources"]


def default_path() -> Path:
    """`kb.sqlite` in the user's data directory (e.g. ~/.local/share/kabar)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("kabar")) / "kb.sqlite"
