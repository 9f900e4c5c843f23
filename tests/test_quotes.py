"""Quotes and speakers on the seed and on real IndoSum articles (speakers verified by reading).

The NER component fills `doc._.entities`; to test attribution on its own, `entities()` builds
that list the way NER reports it: one Entity per person with every mention's offsets.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

import pytest

from conftest import DATA
from kabar.nlp.quotes import find_quotes, scan_quotes
from kabar.report import Entity, Mention


def entities(text: str, people: dict[str, list[str]], kind: str = "PERSON") -> list[Entity]:
    """people: entity name → the surface forms it appears under (longest first)."""
    found = []
    for name, forms in people.items():
        mentions, taken = [], set()
        for form in forms:
            for m in re.finditer(rf"\b{re.escape(form)}\b", text):
                if not taken & set(range(*m.span())):
                    taken |= set(range(*m.span()))
                    mentions.append(Mention(m.start(), m.end(), m[0]))
        found.append(Entity(id=name.lower().replace(" ", "-"), name=name, type=kind, mentions=mentions))
    return found


@lru_cache(maxsize=None)
def indosum(article_id: str) -> str:
    from kabar.read.detokenize import detokenize

    for part in sorted((DATA / "indosum").glob("dev.*.jsonl")):
        with open(part, encoding="utf-8") as lines:
            for line in lines:
                if f'"{article_id}-' in line:
                    return detokenize(json.loads(line)["paragraphs"])
    raise LookupError(article_id)


def speakers(text: str, people: dict[str, list[str]]) -> list[tuple[str, str | None]]:
    return [(q.text[:25], q.speaker) for q in find_quotes(text, entities(text, people))]


def test_seed_putin_quotes(seed_text):
    people = {"Vladimir Putin": ["Vladimir Putin", "Presiden Putin", "Putin"], "Kim Jong Un": ["Kim Jong Un", "Jong Un"]}
    quotes = find_quotes(seed_text, entities(seed_text, people))
    putin = [q for q in quotes if q.text.startswith("Kami")]
    assert len(putin) == 2
    assert all(q.speaker == "vladimir-putin" and q.extra["cue"] == "kata" for q in putin)
    # The “ left at the end of a line opens the next line's quote, which never closes.
    dangling = next(q for q in quotes if q.text.startswith("Isi perjanjian"))
    assert dangling.extra["unclosed"] and dangling.speaker is None


def test_seed_quotes_through_the_pipeline(seed_report):
    """With the NER component in the pipeline, both Putin quotes go to Putin's entity."""
    if not seed_report.entities:
        pytest.skip("no NER component in the pipeline yet")
    putin = [q for q in seed_report.quotes if q.text.startswith("Kami")]
    assert len(putin) == 2
    assert {seed_report.entity(q.speaker).name for q in putin} == {"Vladimir Putin"}


def test_cue_after_and_pronoun_nya():
    """Brahmantya's two quotes: "kata Brahmantya", then "katanya"; the second opens with a
    straight quote and closes with a curly one."""
    text = indosum("1502961372")
    got = speakers(text, {"Brahmantya": ["Brahmantya"]})
    assert [s for _, s in got] == ["brahmantya", "brahmantya"]


def test_title_before_the_name_and_later_short_name():
    text = indosum("1477709103")
    people = {"Dian Rusdiana Hakim": ["Dian Rusdiana Hakim"], "Azhar Pangesti": ["Azhar Pangesti", "Azhar"]}
    got = speakers(text, people)
    assert [s for _, s in got] == ["dian-rusdiana-hakim", "azhar-pangesti", "azhar-pangesti", "azhar-pangesti"]


def test_kata_dia_goes_to_the_last_person():
    text = indosum("1511572043")
    got = speakers(text, {"Fredrich": ["Fredrich"]})
    assert [s for _, s in got] == ["fredrich"] * 3


def test_cue_before_the_quote_and_continued_paragraph():
    """“Ceferin mengatakan: “UEFA …” runs over two paragraphs, the first left unclosed."""
    text = indosum("1474641938")
    quotes = find_quotes(text, entities(text, {"Aleksander Ceferin": ["Aleksander Ceferin", "Ceferin"]}))
    first, second = quotes[0], quotes[1]
    assert first.text.startswith("UEFA ingin") and first.extra["unclosed"]
    assert second.text.startswith("Adakah hal")
    assert first.speaker == second.speaker == "aleksander-ceferin"


def test_quote_without_cue_continues_the_speaker():
    """Irfan's second quote has no cue: it follows his first."""
    text = indosum("1480831823")
    got = speakers(text, {"Irfan Bachdim": ["Irfan Bachdim", "Irfan"]})
    assert got[:2] == [(got[0][0], "irfan-bachdim"), (got[1][0], "irfan-bachdim")]


def test_role_then_name_after_a_comma():
    """“…,” terang Kapolsek Pesantren, Kompol Sucipto: the name after the comma speaks. The next
    quote's "tambahnya" is still Sucipto, though a motorbike the NER took for a person
    ("Honda Vario") is mentioned in between."""
    text = indosum("1493446543")
    people = entities(text, {"Sucipto": ["Sucipto"], "Honda Vario": ["Honda Vario"], "Pesantren": ["Pesantren"]})
    quotes = find_quotes(text, people)
    assert [q.speaker for q in quotes] == ["sucipto"] * 3


def test_short_name_the_ner_left_unlinked():
    """"kata Sandi" after "Wakil Gubernur DKI Jakarta Sandiaga Uno"."""
    text = indosum("1512511200")
    got = speakers(text, {"Sandiaga Uno": ["Sandiaga Uno"]})
    assert {s for _, s in got} == {"sandiaga-uno"}


def test_places_do_not_speak_and_descriptions_point_back():
    """"Pria yang tahun lalu berhasil keluar sebagai juara di Losail mengatakan, “…" is Lorenzo."""
    text = indosum("1490642131")
    found = entities(text, {"Jorge Lorenzo": ["Jorge Lorenzo", "Lorenzo"]})
    found += entities(text, {"Losail": ["Losail"]}, kind="LOC")
    quote = next(q for q in find_quotes(text, found) if q.text.startswith("Saat start"))
    assert quote.speaker == "jorge-lorenzo" and quote.extra["via"] == "description"


def test_speaker_and_verb_after_the_quote():
    """“…” Federer mengatakan seperti dikutip Guardian. / “…” petenis berusia 36 tahun itu melanjutkan."""
    text = indosum("1514694205")
    quotes = find_quotes(text, entities(text, {"Roger Federer": ["Roger Federer", "Federer"]}))
    said = next(q for q in quotes if q.extra.get("cue") == "mengatakan")
    went_on = next(q for q in quotes if q.extra.get("cue") == "melanjutkan")
    assert said.speaker == went_on.speaker == "roger-federer"
    assert went_on.extra["via"] == "description"


def test_non_person_speakers_stay_unattributed():
    """“…,” kata putusan itu: a court ruling speaks; no person entity is the speaker."""
    text = indosum("1490598034")
    got = find_quotes(text, entities(text, {"Samuel Cole": ["Samuel Cole"], "Yee": ["Yee"]}))
    ruling = next(q for q in got if q.text.startswith("Penuntutan"))
    assert ruling.speaker is None and ruling.extra["speaker_text"] == "putusan itu"


def test_scare_quotes_are_not_quotes():
    """Terms in quote marks (“kode keras”, “Save”) are no one's words."""
    assert not [q for q in find_quotes(indosum("1510186680"), []) if q.extra.get("cue") is None]
    texts = [q.text for q in find_quotes(indosum("1506503560"), [])]
    assert "kode keras" not in texts and len(texts) == 2


def test_scan_reports_stray_closing_marks():
    text = "Ia berkata dukungan itu penting,” kata Putin."
    spans, stray = scan_quotes(text)
    assert spans == [] and stray == [text.index("”")]
