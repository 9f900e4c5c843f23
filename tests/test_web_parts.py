"""The web layer's pure parts: cutting article text into highlighted pieces, chart geometry."""
from __future__ import annotations

from kabar.web import charts
from kabar.web.highlight import pieces
from kabar.web.pages import headline


def test_pieces_cover_the_text_and_carry_overlapping_annotations():
    text = 'Kata Budi: "Kami setuju." Selesai.'
    report = {
        "text": text,
        "entities": [{"id": "e1", "name": "Budi", "type": "PERSON", "mentions": [{"start": 5, "end": 9}]}],
        "quotes": [{"start": 11, "end": 25}],
        "flags": [{"start": 17, "end": 34}, {"start": 17, "end": 24}, {"start": 3, "end": 999}],  # last: outside
    }
    out = pieces(report)
    assert "".join(p.text for p in out) == text
    budi = next(p for p in out if p.text == "Budi")
    assert budi.entity["name"] == "Budi" and budi.classes == "ent ent-PERSON"
    setuju = next(p for p in out if p.text == "setuju.")
    assert setuju.quote == 0 and setuju.flags == [0, 1] and setuju.anchors == ["flag-0", "flag-1"]
    assert [p.anchors for p in out if p.anchors] == [["flag-0", "flag-1"]]  # each flag anchored once
    assert next(p for p in out if p.text.startswith(" Selesai")).flags == [0]


def test_timeline_places_dated_events_and_counts_the_rest():
    events = [{"date": "2017-03-27", "type": "CONSULT"}, {"date": "2017-11", "type": "ACCUSE"},
              {"date": "2017-03-27", "type": "CONSULT"}, {"date": None, "type": "AID"}, {"date": "soon", "type": "AID"}]
    chart = charts.timeline(events, width=900)
    assert chart["undated"] == 2 and [lane["name"] for lane in chart["lanes"]] == ["ACCUSE", "CONSULT"]
    consult = [p for p in chart["points"] if p["type"] == "CONSULT"]
    assert consult[1]["x"] - consult[0]["x"] == 5  # same day: stacked sideways, not hidden
    accuse = next(p for p in chart["points"] if p["type"] == "ACCUSE")
    assert chart["left"] < consult[0]["x"] < accuse["x"] < chart["right"]
    assert [t["label"] for t in chart["ticks"]][:2] == ["Apr 2017", "May 2017"]
    assert charts.timeline([{"date": None}]) == {"points": [], "undated": 1}


def test_timeline_ticks_years_over_long_spans_and_days_over_short_ones():
    long = charts.timeline([{"date": "1902", "type": "X"}, {"date": "2019-05-01", "type": "X"}])
    assert [t["label"] for t in long["ticks"]] == ["1920", "1940", "1960", "1980", "2000"]
    short = charts.timeline([{"date": "2024-07-08", "type": "X"}, {"date": "2024-07-09", "type": "X"}])
    assert [t["label"] for t in short["ticks"]] == ["2024-07-08", "2024-07-09"]


def test_network_weights_edges_and_keeps_the_busiest_actors():
    pairs = [{"source": {"id": "A", "name": "A"}, "target": {"id": "B", "name": "B"}, "count": 4},
             {"source": {"id": "A", "name": "A"}, "target": {"id": "C", "name": "C"}, "count": 1},
             {"source": {"id": "D", "name": "D"}, "target": {"id": "E", "name": "E"}, "count": 1}]
    chart = charts.network(pairs, max_nodes=3)
    assert [n["id"] for n in chart["nodes"]] == ["A", "B", "C"]  # D and E are the least active
    widths = {e["title"]: e["width"] for e in chart["edges"]}
    assert widths == {"A → B: 4 event(s)": 8.0, "A → C: 1 event(s)": 2.8}
    assert all(0 < n["x"] < chart["width"] and 0 < n["y"] < chart["height"] for n in chart["nodes"])
    assert charts.network([]) is None


def test_headline_falls_back_to_the_words_of_the_id():
    assert headline({"title": "Judul", "doc_id": "x"}) == "Judul"
    assert headline({"doc_id": "1490674536-mustahil-transportasi-tradisional-dan"}) == "Mustahil transportasi tradisional dan …"
    long_text = "Ketua MPR Zulkifli Hasan menyesalkan kisruh yang terjadi antara pelaku sarana transportasi online dan tradisional."
    assert headline({"snippet": long_text, "doc_id": "1490674536-mustahil-transportasi-tradisional-dan"}) == \
        "Ketua MPR Zulkifli Hasan menyesalkan kisruh yang terjadi antara pelaku sarana transportasi online dan …"
    assert headline({"doc_id": "3f2a9c0d11e4b7aa", "article_id": 7}) == "Untitled article #7"
