"""Text and HTML renderers, on Reports built by hand (every field filled) and from the pipeline."""
import html
import io
import json
import re
from html.parser import HTMLParser

import pytest

from kabar.output.html import render_html_page
from kabar.output.jsonl import render_json
from kabar.output.text import render_text
from kabar.report import DateMention, Entity, Flag, Mention, Quote, Report

TEXT = (
    "Jakarta, Kompas.com - Menteri Luar Negeri Retno Marsudi bertemu Sergei Lavrov di Moskow, Senin (8/7/2024).\n"
    "“Kami sepakat <script>alert(1)</script> memperkuat kerja sama,” kata Retno.\n"
    "Retno Marsdi kemudian kembali ke Jakarta."
)


def span(text, sub, nth=0):
    start = [m.start() for m in re.finditer(re.escape(sub), text)][nth]
    return start, start + len(sub)


@pytest.fixture
def report():
    retno = Entity("e1", "Retno Marsudi", "PERSON", kb_id="Q440063", titles=["Menteri Luar Negeri"],
                   mentions=[Mention(*span(TEXT, "Retno Marsudi"), "Retno Marsudi"), Mention(*span(TEXT, "Retno", 1), "Retno")])
    lavrov = Entity("e2", "Sergei Lavrov", "PERSON", mentions=[Mention(*span(TEXT, "Sergei Lavrov"), "Sergei Lavrov")])
    moskow = Entity("e3", "Moskow", "GPE", kb_id="Q649", mentions=[Mention(*span(TEXT, "Moskow"), "Moskow")])
    quote_start, quote_end = span(TEXT, "Kami sepakat <script>alert(1)</script> memperkuat kerja sama,")
    return Report(
        id="uji-1", source="Kompas.com", url="javascript:alert(2)", language="id", published="2024-07-08",
        title="Retno <b>bertemu</b> Lavrov", text=TEXT, byline="Budi", published_from="dateline",
        entities=[retno, lavrov, moskow],
        dates=[DateMention(*span(TEXT, "Senin (8/7/2024)"), "Senin (8/7/2024)", "2024-07-08", "day")],
        quotes=[Quote(quote_start, quote_end, TEXT[quote_start:quote_end], "e1")],
        events=[{"type": "CONSULT", "mode": "meet", "cameo": "040", "source": "e1", "target": "e2", "date": "2024-07-08",
                 "trigger": {"start": span(TEXT, "bertemu")[0], "end": span(TEXT, "bertemu")[1], "text": "bertemu"}, "negated": False}],
        flags=[Flag("name_variant", *span(TEXT, "Retno Marsdi"), "Retno Marsdi", "“Retno Marsdi” is spelled “Retno Marsudi” elsewhere",
                    suggestion="Retno Marsudi", evidence={"other_spelling": "Retno Marsudi", "similarity": 0.96})],
    )


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.data = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.data.append(data)


def test_html_page_shows_every_part_and_escapes_article_text(report):
    page = render_html_page([report])
    parsed = Collector()
    parsed.feed(page)
    assert "script" not in parsed.tags and "b" not in parsed.tags  # article text never becomes markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert ("href", "javascript:alert(2)") not in parsed.attrs and ("href", "#") in parsed.attrs
    assert not {"link", "img", "iframe"} & set(parsed.tags) and "src" not in dict(parsed.attrs)  # self-contained
    assert '<mark class="PERSON" title="Retno Marsudi (Menteri Luar Negeri)" data-entity="e1">Retno Marsudi</mark>' in page
    assert '<mark class="GPE" title="Moskow" data-entity="e3">Moskow</mark>' in page
    assert '<mark class="DATE" title="2024-07-08">Senin (8/7/2024)</mark>' in page
    text = "".join(parsed.data)
    assert re.search(r"<td>1</td><td>CONSULT / meet</td><td>040</td><td>Retno Marsudi</td><td>bertemu</td><td>Sergei Lavrov</td><td>2024-07-08</td>", page)
    for expected in ("Q440063", "Menteri Luar Negeri", "Sergei Lavrov", "name_variant", "line 3",
                     "suggestion: Retno Marsudi", "similarity", "0.96", "published: 2024-07-08 (dateline)"):
        assert expected in text, expected
    assert "Retno Marsudi (line 2)" in re.sub(r"\s+", " ", text)  # quote with its speaker's name
    # the highlighted text, read back without the marks, is the article text itself
    body = re.search(r'<div class="text">(.*?)</div>', page, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == TEXT


def test_html_page_with_several_reports_and_empty_ones(report):
    empty = Report(id="kosong", text="Banjir di Bekasi.")
    page = render_html_page([report, empty])
    assert page.count("<article") == 2
    assert "Banjir di Bekasi." in page and "no flags" in page


def test_text_rendering_lists_entities_quotes_events_and_flags_with_lines(report):
    out = io.StringIO()
    render_text(report, out, width=200)
    text = out.getvalue()
    assert "Retno <b>bertemu</b> Lavrov" in text
    assert re.search(r"PERSON\s+│ Retno Marsudi\s+│ Menteri Luar Negeri\s+│ Q440063\s+│ 2", text)
    assert re.search(r"L2 Retno Marsudi: Kami sepakat <script>", text)
    assert "L1 event: CONSULT / meet  cameo: 040  source: Retno Marsudi  trigger: bertemu  target: Sergei Lavrov  date: 2024-07-08" in text
    assert "L3 name_variant 'Retno Marsdi': “Retno Marsdi” is spelled" in text
    assert "suggestion: Retno Marsudi" in text
    assert re.search(r"^\s*2 “Kami sepakat", text, re.M)  # numbered article lines


def test_text_rendering_colours_mentions_by_type(report):
    out = io.StringIO()
    render_text(report, out, width=200, color=True)
    assert "\x1b[1;36mRetno Marsudi" in out.getvalue()  # PERSON: bold cyan
    assert "\x1b[1;32mMoskow" in out.getvalue()  # GPE: bold green


def test_json_line_round_trips(report):
    line = render_json(report)
    assert "\n" not in line
    assert json.loads(line)["flags"][0]["suggestion"] == "Retno Marsudi"


def test_renderers_on_the_real_pipeline(seed_report):
    page = render_html_page([seed_report])
    out = io.StringIO()
    render_text(seed_report, out, width=160)
    assert "2024-07-08" in page and "2024-07-08" in out.getvalue()
    for entity in seed_report.entities:
        assert entity.name in out.getvalue()
        assert f'data-entity="{entity.id}"' in page
    body = re.search(r'<div class="text">(.*?)</div>', page, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == seed_report.text
