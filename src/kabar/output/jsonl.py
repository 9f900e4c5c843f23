"""JSON Lines: one object per document, the contract other tools rely on."""
import json

from kabar.report import Report


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, default=str)  # dates in evidence/events
