"""PLOVER types and modes for every CAMEO code, in one small shipped table.

kabar codes PLOVER first and keeps CAMEO beside it, so the lexicon names a CAMEO code and this
table gives the PLOVER type, mode and context (Schrodt's CAMEO2PLOVER table, 2021, with the
CAMEO code labels). Rebuild the shipped file from the shared data with:

    python -m kabar.events.ontology ../shared/data/plover/CAMEO2PLOVER-2021.txt \
        ../shared/data/text_to_cameo/CAMEO_codefile.txt
"""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "cameo_plover.tsv"
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
_ROW = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$")
_LABEL = re.compile(r"^LABEL:\s*(\d{2,4})=\s*(.+)$")


@dataclass(frozen=True)
class Code:
    cameo: str
    type: str
    mode: str | None
    context: str | None
    label: str


def parse_plover_table(text: str) -> dict[str, tuple[str, str | None, str | None, str]]:
    """CAMEO code -> (PLOVER type, mode, context, comment); the first row for a code wins."""
    rows = {}
    for line in text.splitlines():
        m = _ROW.match(line.strip())
        if not m or m.group(1) in rows:
            continue
        code, ptype, mode, context, comment = m.groups()
        clean = lambda s: (s or "").strip() or None  # noqa: E731
        rows[code] = (ptype, clean(mode), clean(context), clean(comment) or "")
    return rows


def parse_cameo_labels(text: str) -> dict[str, str]:
    labels = {}
    for line in text.splitlines():
        m = _LABEL.match(line.strip())
        if m and m.group(1) not in labels:
            labels[m.group(1)] = m.group(2).strip()
    return labels


def build_table(plover_path: Path, cameo_path: Path, out: Path = TABLE) -> int:
    rows = parse_plover_table(Path(plover_path).read_text(encoding="utf-8"))
    labels = parse_cameo_labels(Path(cameo_path).read_text(encoding="utf-8", errors="replace"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["cameo", "type", "mode", "context", "label"])
        for code in sorted(rows, key=lambda c: (c[:2], c)):
            ptype, mode, context, comment = rows[code]
            w.writerow([code, ptype, mode or "", context or "", labels.get(code, comment)])
    return len(rows)


@lru_cache(maxsize=1)
def codes() -> dict[str, Code]:
    """The shipped table, CAMEO code -> Code."""
    with TABLE.open(encoding="utf-8") as f:
        return {
            r["cameo"]: Code(r["cameo"], r["type"], r["mode"] or None, r["context"] or None, r["label"])
            for r in csv.DictReader(f, delimiter="\t")
        }


def lookup(cameo: str) -> Code:
    try:
        return codes()[cameo]
    except KeyError:
        raise KeyError(f"CAMEO code {cameo!r} is not in the PLOVER table {TABLE.name}") from None


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m kabar.events.ontology CAMEO2PLOVER.txt CAMEO_codefile.txt")
    n = build_table(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {n} CAMEO codes to {TABLE}")
