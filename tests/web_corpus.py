"""The corpus the web tests browse: real IndoSum articles ingested through the API (so the real
pipeline analyses them), plus a few reports written here by hand so that every kind of
annotation (titles, quotes, flags, events on several dates) is on screen whatever the pipeline
finds today, and one hostile report whose every field tries to run script."""
from __future__ import annotations

import itertools

from conftest import DATA

from kabar.read import read_inputs
from kabar.report import Entity, Flag, Mention, Quote, Report

INDOSUM = DATA / "indosum" / "dev.01.jsonl"
HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'


HOSTILE_ARTICLE = {  # for /api/ingest: the real pipeline finds names and quotes around the markup
    "id": "web-test-hostile-ingested",
    "text": f"Presiden Joko Widodo bertemu Ketua MPR Zulkifli Hasan {HOSTILE} di Istana Merdeka, Jakarta, "
            f"Senin (8/7/2024). \"Kami sepakat {HOSTILE},\" kata Zulkifli kepada wartawan.",
}


def indosum_payload(n: int) -> list[dict]:
    """The first `n` IndoSum articles, as /api/ingest takes them."""
    out = []
    for a in itertools.islice(read_inputs([str(INDOSUM)]), n):
        item = {"text": a.text, "id": a.id, "title": a.title, "source": a.source, "url": a.url,
                "published": a.published.isoformat() if a.published else None}
        out.append({k: v for k, v in item.items() if v is not None})
    return out


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _entity(text, eid, name, type_, titles=(), forms=None, kb_id=None) -> Entity:
    mentions, pos = [], 0
    for form in forms or [name]:
        start, end = _span(text, form, pos)
        mentions.append(Mention(start, end, form))
        pos = end
    return Entity(eid, name, type_, kb_id=kb_id, titles=list(titles), mentions=mentions)


def _event(text, type_, source, target, date, trigger, cameo=None) -> dict:
    start, end = _span(text, trigger)
    return {"type": type_, "mode": None, "cameo": cameo, "source": source, "target": target, "date": date,
            "location": None, "negated": False, "hypothetical": False, "sentence": None,
            "trigger": {"start": start, "end": end, "text": trigger}, "confidence": 0.9}


def meeting_reports() -> list[Report]:
    """Three dated articles where a politician meets, supports and criticises others."""
    texts = [
        ("2017-03-27", "Ketua MPR Zulkifli Hasan bertemu Presiden Joko Widodo di Istana Merdeka, Jakarta. "
         "\"Kami sepakat soal transportasi online,\" ujar Zulkifli. Ia menyebut pertemuan itu digelar "
         "Selasa (28/3/2017).", [
             ("CONSULT", "bertemu", "e1", "e2", "2017-03-27", "040")],
         ("date_mismatch", "Selasa (28/3/2017)", "27 March 2017 was a Monday, not a Tuesday (Selasa).",
          "Senin (27/3/2017)", {"published": "2017-03-27", "weekday_written": "Selasa", "weekday_true": "Senin"})),
        ("2017-06-12", "Ketua MPR Zulkifli Hasan mendukung rencana Presiden Joko Widodo membangun jalan tol. "
         "\"Kita dukung penuh,\" kata Zulkifli Hasan di Gedung DPR, Jakarta.", [
             ("SUPPORT", "mendukung", "e1", "e2", "2017-06-12", "051")],
         ("title_mismatch", "Ketua MPR", "The title is right, but the byline spells the office differently.",
          None, {"source": "kb-supplement"})),
        ("2017-11-02", "Ketua MPR Zulkifli Hasan mengkritik Menteri Keuangan Sri Mulyani soal utang negara. "
         "\"Utang harus hati-hati,\" ucap Zulkifli di Jakarta.", [
             ("ACCUSE", "mengkritik", "e1", "e3", "2017-11-02", "111")], None),
    ]
    reports = []
    for i, (day, text, events, flag) in enumerate(texts):
        entities = [_entity(text, "e1", "Zulkifli Hasan", "PERSON", ["Ketua MPR"],
                            forms=["Zulkifli Hasan", "Zulkifli"], kb_id="Q8063994"),
                    _entity(text, "e4", "Jakarta", "LOC")]
        if "Joko Widodo" in text:
            entities.append(_entity(text, "e2", "Joko Widodo", "PERSON", ["Presiden"], kb_id="Q29444"))
        if "Sri Mulyani" in text:
            entities.append(_entity(text, "e3", "Sri Mulyani", "PERSON", ["Menteri Keuangan"]))
        q_start, q_end = _span(text, "\"")[0], _span(text, "\"", _span(text, "\"")[1])[1]
        flags = []
        if flag:
            kind, span_text, message, suggestion, evidence = flag
            start, end = _span(text, span_text)
            flags.append(Flag(kind, start, end, span_text, message, suggestion, evidence, 0.8))
        reports.append(Report(
            id=f"web-test-{i}", source="kabar-test", language="id", published=day,
            title=f"Zulkifli Hasan ({day})", text=text, entities=entities,
            quotes=[Quote(q_start, q_end, text[q_start:q_end], "e1")],
            events=[_event(text, t, s, o, d, trig, cameo) for t, trig, s, o, d, cameo in events], flags=flags))
    return reports


def hostile_report() -> Report:
    """Every text field carries markup that would run if the page trusted it."""
    text = f"Berita {HOSTILE} tentang Budi {HOSTILE} di Bandung."
    ent = Entity("e1", f"Budi {HOSTILE}", "PERSON", titles=[HOSTILE],
                 mentions=[Mention(*_span(text, "Budi"), "Budi")])
    start, end = _span(text, HOSTILE)
    return Report(
        id="web-test-hostile", source=HOSTILE, url="javascript:window.pwned=3", language="id", published="2017-05-01",
        title=f"Hostile {HOSTILE}", byline=HOSTILE, text=text, entities=[ent],
        quotes=[Quote(start, end, HOSTILE, "e1")],
        events=[{"type": "PROTEST", "source": "e1", "target": None, "date": "2017-05-01",
                 "trigger": {"start": start, "end": end, "text": HOSTILE}, "negated": False, "hypothetical": False}],
        flags=[Flag("spelling", start, end, HOSTILE, f"message {HOSTILE}", f"suggest {HOSTILE}", {"why": HOSTILE})])


def save_hand_made(store) -> list[int]:
    """Store the hand-written reports; returns their article ids (hostile last)."""
    return [store.save_report(r, fingerprint="hand-made", key=f"test:{r.id}")
            for r in [*meeting_reports(), hostile_report()]]
