"""kabar_linker: links, name_spelling, title_mismatch and unknown_person on Docs built here, on
a KB older than the article, and end to end on the seed article."""
import datetime as dt
import re

import pytest
import spacy
from conftest import DATA

from kabar.kb import KB, build
from kabar.nlp.extensions import init_doc
from kabar.nlp.linker import Linker, make_linker
from kabar.report import Entity, Mention


def make_doc(text, people, published=dt.date(2024, 7, 8), places=()):
    """A Doc with the entities another component would have found: `people` maps a name as
    written to its titles; each name's mentions are found in the text."""
    doc = init_doc(spacy.blank("id")(text))
    doc._.published = published
    for i, (name, titles) in enumerate(list(people.items()) + [(p, []) for p in places]):
        mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer(re.escape(name), text)]
        doc._.entities.append(Entity(id=f"e{i}", name=name, type="PERSON" if name in people else "GPE",
                                     titles=list(titles), mentions=mentions))
    return doc


@pytest.fixture(scope="module")
def linker(full_kb):
    return Linker(KB(full_kb))


def flags(doc, kind=None):
    return [f for f in doc._.flags if kind is None or f.kind == kind]


def test_without_kb_does_nothing():
    doc = make_doc("Menteri Pertahanan Andrei Belasov tiba.", {"Andrei Belasov": ["Menteri Pertahanan"]})
    make_linker(None, "kabar_linker", None)(doc)
    assert doc._.flags == [] and doc._.entities[0].kb_id is None


def test_misspelling_with_fitting_title_is_flagged(linker):
    text = "Menteri Pertahanan Andrei Belasov tiba di Pyongyang."
    doc = linker(make_doc(text, {"Andrei Belasov": ["Menteri Pertahanan"]}))
    [flag] = flags(doc, "name_spelling")
    assert flag.suggestion == "Andrei Belousov" and text[flag.start:flag.end] == "Andrei Belasov"
    assert flag.evidence["kb_id"] == "sup:belousov" and flag.confidence >= 0.8
    assert any("title" in why for why in flag.evidence["why"])


def test_misspelling_without_context_is_left_alone(linker):
    # nothing in the text says who this is: prefer silence to a guess
    doc = linker(make_doc("Andrei Belasov makan siang bersama keluarganya.", {"Andrei Belasov": []}))
    assert flags(doc, "name_spelling") == []


def test_correct_names_are_linked_not_flagged(linker):
    text = ("Presiden Rusia Vladimir Putin bertemu Menteri Luar Negeri Sergei Lavrov dan "
            "Wakil Menteri Pertahanan Alexei Krivoruchko di Moskow.")
    people = {"Vladimir Putin": ["Presiden Rusia"], "Sergei Lavrov": ["Menteri Luar Negeri"],
              "Alexei Krivoruchko": ["Wakil Menteri Pertahanan"]}
    doc = linker(make_doc(text, people, places=["Moskow"]))
    assert flags(doc) == []
    assert {e.name: e.kb_id for e in doc._.entities} == {
        "Vladimir Putin": "wd:Q7747", "Sergei Lavrov": "cia:RUS:Sergey Viktorovich Lavrov",
        "Alexei Krivoruchko": "sup:krivoruchko", "Moskow": "geonames:524901"}


def test_lone_surname_slip_needs_the_full_name_nearby(linker):
    text = "Ketua DPR Setya Novanto hadir. Menurut Novatno, rapat berjalan lancar."
    doc = linker(make_doc(text, {"Setya Novanto": ["Ketua DPR"], "Novatno": []}))
    [flag] = flags(doc, "name_spelling")
    assert flag.text == "Novatno" and flag.suggestion == "Novanto"
    alone = linker(make_doc("Menurut Novatno, rapat berjalan lancar.", {"Novatno": []}))
    assert flags(alone, "name_spelling") == []


def test_title_that_the_kb_contradicts_on_that_date(linker):
    text = "Menteri Pertahanan Sergei Shoigu tiba di Pyongyang."
    doc = linker(make_doc(text, {"Sergei Shoigu": ["Menteri Pertahanan"]}))
    [flag] = flags(doc, "title_mismatch")
    assert flag.suggestion == "Secretary of the Security Council of Russia"
    # the same sentence in 2020 is right
    doc = linker(make_doc(text, {"Sergei Shoigu": ["Menteri Pertahanan"]}, published=dt.date(2020, 3, 1)))
    assert flags(doc) == []


def test_unknown_person_is_information_only(linker):
    doc = linker(make_doc("Wartawan Namira Unia melaporkan.", {"Namira Unia": []}))
    [flag] = flags(doc)
    assert flag.kind == "unknown_person" and flag.evidence["severity"] == "info"


def test_kb_older_than_the_article_flags_nobody(tmp_path):
    """With only the CIA list of 2019, people who took office later are not 'misspelled' into
    someone else and their new titles are not 'wrong'."""
    kb = tmp_path / "cia.sqlite"
    build(kb, [str(DATA / "cia-world-leaders-2019" / "cia_world_leaders_flat.csv"), "countries"])
    text = ("Di Moskow, Perdana Menteri Rusia Mikhail Mishustin, Wakil Perdana Menteri Pertama Denis Manturov, "
            "Menteri Pertahanan Andrei Belousov dan Menteri Kesehatan Mikhail Murashko hadir.")
    people = {"Mikhail Mishustin": ["Perdana Menteri Rusia"], "Denis Manturov": ["Wakil Perdana Menteri Pertama"],
              "Andrei Belousov": ["Menteri Pertahanan"], "Mikhail Murashko": ["Menteri Kesehatan"]}
    doc = Linker(KB(kb))(make_doc(text, people))
    assert [f.kind for f in flags(doc) if f.kind != "unknown_person"] == []
    assert doc._.entities[1].kb_id == "cia:RUS:Denis Valentinovich Manturov"


def test_seed_article_end_to_end(seed_text, full_kb):
    import kabar

    report = kabar.analyze(seed_text, kb=str(full_kb))
    spelling = {f.text: f.suggestion for f in report.flags if f.kind == "name_spelling"}
    assert spelling == {"Denis Monturov": "Denis Manturov", "Andrei Belasov": "Andrei Belousov",
                        "Oleg Kozemako": "Oleg Kozhemyako"}
    linked = {e.name for e in report.entities if e.type == "PERSON" and e.kb_id}
    assert {"Vladimir Putin", "Kim Jong Un", "Sergei Lavrov", "Alexander Novak", "Alexei Krivoruchko",
            "Mikhail Murashko", "Roman Starovoit", "Yuri Borisov", "Oleg Belozerov"} <= linked
    assert not {"Denis Monturov", "Andrei Belasov", "Oleg Kozemako"} & linked


def test_slip_of_a_one_word_name_the_kb_knows(linker):
    # the KB knows Joko Widodo as "Jokowi" (a quoted nickname in Wikidata's label)
    doc = linker(make_doc("Presiden Jokow meresmikan jalan tol.", {"Jokow": []}, published=dt.date(2017, 3, 1)))
    [flag] = flags(doc, "name_spelling")
    assert flag.suggestion == "Jokowi" and flag.evidence["kb_id"] == "wd:Q3318231"


def test_word_outside_any_entity_that_slips_a_linked_name(linker):
    text = "Gubernur Anies Baswedan meninjau banjir. Aneis mengatakan pompa sudah bekerja."
    doc = linker(make_doc(text, {"Anies Baswedan": ["Gubernur"]}, published=dt.date(2018, 1, 5)))
    [flag] = flags(doc, "name_spelling")
    assert flag.text == "Aneis" and flag.suggestion == "Anies"


def test_cli_analyze_with_kb(full_kb):
    import json
    import subprocess
    import sys

    from conftest import SEED

    r = subprocess.run([sys.executable, "-m", "kabar", "analyze", str(SEED), "--kb", str(full_kb), "--format", "json"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout.splitlines()[0])
    spelling = {f["text"]: f["suggestion"] for f in report["flags"] if f["kind"] == "name_spelling"}
    assert spelling["Andrei Belasov"] == "Andrei Belousov" and len(spelling) == 3
    r = subprocess.run([sys.executable, "-m", "kabar", "analyze", str(SEED), "--kb", "/nonexistent/kb.sqlite"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode != 0 and "kb.sqlite" in r.stderr


def test_short_word_slips_of_a_linked_name(linker):
    # four-letter words score low on similarity, but one edit from a name in the article is a slip
    text = "Menteri Susi Pudjiastuti hadir. Menurut Suzi, kapal asing ditenggelamkan."
    doc = linker(make_doc(text, {"Susi Pudjiastuti": ["Menteri Kelautan dan Perikanan"]}, published=dt.date(2017, 3, 1)))
    [flag] = flags(doc, "name_spelling")
    assert flag.text == "Suzi" and flag.suggestion == "Susi"
    # names often open a sentence: that is no reason to stay silent
    text = "Suzi mengatakan kapal asing ditenggelamkan. Menteri Susi Pudjiastuti hadir."
    doc = linker(make_doc(text, {"Susi Pudjiastuti": ["Menteri Kelautan dan Perikanan"]}, published=dt.date(2017, 3, 1)))
    assert [f.text for f in flags(doc, "name_spelling")] == ["Suzi"]
    # an ordinary word one edit away is not a slip of the name (sisi: side)
    text = "Menteri Susi Pudjiastuti hadir di Sisi utara pelabuhan."
    doc = linker(make_doc(text, {"Susi Pudjiastuti": ["Menteri Kelautan dan Perikanan"]}, published=dt.date(2017, 3, 1)))
    assert flags(doc, "name_spelling") == []


def test_two_kb_records_that_agree_on_the_correction(linker):
    # Lukman Hakim Saifuddin and Lukman Hakim Saifudin are two records of one name
    text = "Menteri Agama Lkman Hakim Saifuddin meninjau asrama haji."
    doc = linker(make_doc(text, {"Lkman Hakim Saifuddin": ["Menteri Agama"]}, published=dt.date(2017, 3, 1)))
    [flag] = flags(doc, "name_spelling")
    assert flag.suggestion == "Lukman Hakim Saifuddin"


def test_close_race_settled_by_a_sound_alike_letter(linker):
    # the KB has Saan Mustofa and Saan Mustopa; v is f voiced, not p
    text = "Ketua DPW NasDem Jawa Barat Saan Mustova menyatakan partainya solid."
    doc = linker(make_doc(text, {"Saan Mustova": []}, published=dt.date(2017, 12, 18)))
    [flag] = flags(doc, "name_spelling")
    assert flag.suggestion == "Saan Mustofa"
    # no sound-alike to choose by: Zainil is as close to Zainal as to Zainul, so silence
    doc = linker(make_doc("Pemain Zainil Arifin mencetak gol.", {"Zainil Arifin": []}, published=dt.date(2017, 10, 7)))
    assert flags(doc, "name_spelling") == []


def test_indonesian_title_backs_a_slip(linker):
    # Jaksa Agung is the Attorney General the KB lists; H. M. Prasetyo is written "M Prasityo"
    text = "Jaksa Agung M Prasityo menolak permintaan itu."
    doc = linker(make_doc(text, {"M Prasityo": ["Jaksa Agung"]}, published=dt.date(2017, 11, 25)))
    [flag] = flags(doc, "name_spelling")
    assert flag.suggestion == "M Prasetyo"


@pytest.mark.parametrize("text, written, title, day, right", [
    # Djarot folds to 'jarot'; 'Dyarot' is one letter from the name as printed
    ("Wakil Gubernur DKI Jakarta Dyarot Saiful Hidayat meninjau waduk.", "Dyarot Saiful Hidayat",
     "Wakil Gubernur DKI Jakarta", dt.date(2017, 3, 1), "Djarot Saiful Hidayat"),
    # Juri for Yuri: a transliteration no KB lists, with the first letter changed
    ("Wakil Perdana Menteri Rusia Juri Borisov tiba di Pyongyang.", "Juri Borisov",
     "Wakil Perdana Menteri Rusia", dt.date(2019, 6, 1), "Yury Borisov"),
])
def test_slips_of_old_spellings_and_respellings(linker, text, written, title, day, right):
    doc = linker(make_doc(text, {written: [title]}, published=day))
    [flag] = flags(doc, "name_spelling")
    assert flag.suggestion == right


def test_misspelt_name_taken_for_a_place(linker):
    # the NER made 'Jokwi' a place; no place is close to it, the KB knows Jokowi by that one word
    doc = linker(make_doc("Foto Jokwi dan Iriana beredar luas.", {}, places=["Jokwi"], published=dt.date(2017, 3, 1)))
    [flag] = flags(doc, "name_spelling")
    assert flag.suggestion == "Jokowi"
    # a place written with a place's spelling variant is not a person
    doc = linker(make_doc("Delegasi tiba di Moskwa kemarin.", {}, places=["Moskwa"]))
    assert flags(doc, "name_spelling") == []


def test_given_name_slip_before_a_linked_surname(linker):
    # "Sesi" is an ordinary word (a session), so the NER leaves it out of the name; the KB's
    # word before "Pudjiastuti" is "Susi"
    text = "Menteri Kelautan dan Perikanan Susi Pudjiastuti hadir. Sesi Pudjiastuti mengatakan kapal ditenggelamkan."
    doc = make_doc(text, {"Susi Pudjiastuti": ["Menteri Kelautan dan Perikanan"]}, published=dt.date(2016, 10, 22))
    at = text.index("Pudjiastuti mengatakan")
    doc._.entities[0].mentions.append(Mention(at, at + len("Pudjiastuti"), "Pudjiastuti"))
    [flag] = flags(linker(doc), "name_spelling")
    assert flag.text == "Sesi" and flag.suggestion == "Susi"


def test_lone_word_that_is_a_kb_name_but_no_one_else_here(linker):
    # 'Eric' is a name in the KB (Eric Molale), but the article names only Erick Thohir
    text = "Ketua INASGOC Erick Thohir meninjau GBK. Menurut Eric, stadion siap dipakai."
    doc = linker(make_doc(text, {"Erick Thohir": ["Ketua INASGOC"], "Eric": []}, published=dt.date(2017, 3, 30)))
    [flag] = flags(doc, "name_spelling")
    assert flag.text == "Eric" and flag.suggestion == "Erick"
    # when the article names an Eric in full, a lone 'Eric' may well be him
    text = "Erick Thohir bertemu Menteri Eric Molale. Menurut Eric, kerja sama berjalan baik."
    doc = linker(make_doc(text, {"Erick Thohir": [], "Eric Molale": ["Menteri"], "Eric": []}, published=dt.date(2017, 3, 30)))
    assert flags(doc, "name_spelling") == []


@pytest.mark.parametrize("text, written, right", [
    # a y before a consonant is the vowel i; Ida Fauziyah is named in full in the article
    ("Wakil Gubernur Ida Fauziyah hadir. Yda Fauziyah mengatakan pilkada aman.", "Yda Fauziyah", "Ida Fauziyah"),
    # with only the home country behind it, one letter apart once Pandjaitan is folded to Panjaitan
    ("Trimedya Pandjsaitan mengatakan partainya solid.", "Trimedya Pandjsaitan", "Trimedya Panjaitan"),
])
def test_slips_of_first_letters_and_folded_spellings(linker, text, written, right):
    people = {written: []} if text.startswith(written) else {"Ida Fauziyah": ["Wakil Gubernur"], written: []}
    doc = linker(make_doc(text, people, published=dt.date(2017, 3, 31)))
    assert [(f.text, f.suggestion) for f in flags(doc, "name_spelling")] == [(written, right)]


def test_word_that_is_a_kb_name_on_its_own_is_no_slip(linker):
    # Tete is a city in the KB (and here half of "Tete-a-Tete"), not a slip of Teten Masduki
    text = "Koordinator Staf Khusus Presiden Teten Masduki ikut. Presiden mengikuti Tete-a-Tete dengan Ghani."
    doc = linker(make_doc(text, {"Teten Masduki": ["Koordinator Staf Khusus Presiden"]}, published=dt.date(2018, 1, 30)))
    assert doc._.entities[0].kb_id and flags(doc, "name_spelling") == []


def test_lone_kb_word_far_from_the_linked_name_is_no_slip(linker):
    # Saefullah (Saifullah in the KB: Saifullah Yusuf) is the Jakarta secretary, not Djarot's "Saiful"
    text = "Gubernur Djarot Saiful Hidayat pensiun. Tugas harian dipegang Sekretaris Daerah DKI Jakarta Saefullah."
    doc = linker(make_doc(text, {"Djarot Saiful Hidayat": ["Gubernur"], "Saefullah": []}, published=dt.date(2017, 10, 15)))
    assert doc._.entities[0].kb_id and flags(doc, "name_spelling") == []
