"""Short forms of names within one article join the full name (kabar_coref)."""
from __future__ import annotations

import pytest

from kabar.nlp.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(pipeline=["kabar_sentences", "kabar_metadata", "kabar_entities", "kabar_coref"], model="blank")


def people(doc):
    return {e.name: [m.text for m in e.mentions] for e in doc._.entities if e.type == "PERSON"}


def test_surname_joins_the_full_name(nlp):
    doc = nlp("Presiden Rusia Vladimir Putin tiba di Pyongyang. Putin disambut meriah. "
              "Kunjungan Putin berlangsung dua hari.")
    assert people(doc) == {"Vladimir Putin": ["Vladimir Putin", "Putin", "Putin"]}
    ids = {e._.entity_id for e in doc.ents if e.label_ == "PERSON"}
    assert len(ids) == 1


def test_given_names_of_a_korean_name_join_it(nlp):
    doc = nlp("Pemimpin Korea Utara Kim Jong Un menerima tamu. Jong Un lalu berpidato.")
    assert people(doc) == {"Kim Jong Un": ["Kim Jong Un", "Jong Un"]}


def test_ambiguous_short_form_goes_to_the_most_salient_person(nlp):
    doc = nlp("Delegasi dipimpin oleh Kim Kum-chol, presiden Universitas Militer Kim Il Sung. "
              "Pemimpin Korea Utara Kim Jong Un bertemu Presiden Rusia Vladimir Putin. "
              "Kim Jong Un mendukung penuh Rusia. Kim tidak sendirian dalam kunjungannya.")
    found = people(doc)
    assert found["Kim Jong Un"] == ["Kim Jong Un", "Kim Jong Un", "Kim"]
    assert found["Kim Kum-chol"] == ["Kim Kum-chol"]


def test_short_form_before_the_full_name(nlp):
    doc = nlp("Menurut Jokowi, proyek itu penting. Presiden Joko Widodo meresmikan jalan tol. Jokowi tersenyum.")
    # "Jokowi" is a nickname, not a part of "Joko Widodo": kept apart (the KB may link them)
    found = people(doc)
    assert found["Joko Widodo"] == ["Joko Widodo"]


def test_titles_from_all_mentions_are_collected(nlp):
    doc = nlp("Presiden Rusia Vladimir Putin tiba. Sementara itu, Presiden Putin memuji dukungan tersebut.")
    (putin,) = [e for e in doc._.entities if e.type == "PERSON"]
    assert putin.titles == ["Presiden Rusia", "Presiden"]
    assert putin.extra["positions"] == ["President of Russia"]
    assert putin.extra["country"] == "RUS"


def test_places_join_by_country(nlp):
    doc = nlp("Federasi Rusia mengirim bantuan. Rusia juga mengirim teknologi ke Korea Utara.")
    gpes = [e for e in doc._.entities if e.type == "GPE"]
    assert [(e.name, len(e.mentions), e.extra["country"]) for e in gpes] == [
        ("Federasi Rusia", 2, "RUS"), ("Korea Utara", 1, "PRK")]


def test_ids_number_entities_by_first_mention(nlp):
    doc = nlp("Putin bertemu Kim. Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un berjabat tangan.")
    assert [e.id for e in doc._.entities] == [f"e{n}" for n in range(1, len(doc._.entities) + 1)]
    first = doc._.entities[0]
    assert first.name == "Vladimir Putin" and first.mentions[0].text == "Putin"


def test_acronym_defined_in_parentheses_joins_its_organisation(nlp):
    doc = nlp("Setya Novanto tidak memenuhi panggilan Komisi Pemberantasan Korupsi (KPK) sebagai saksi. "
              "Surat itu diterima KPK pada Senin. Kementerian Pendayagunaan Aparatur Negara dan Reformasi "
              "Birokrasi (PANRB) mengimbau peserta. Menurut PANRB, ujian dimulai besok.")
    orgs = {e.name: [m.text for m in e.mentions] for e in doc._.entities if e.type == "ORG"}
    assert orgs["Komisi Pemberantasan Korupsi"] == ["Komisi Pemberantasan Korupsi", "KPK", "KPK"]
    name = "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"
    assert orgs[name] == [name, "PANRB", "PANRB"]


def test_former_offices_are_kept_apart(nlp):
    doc = nlp("Sementara itu, mantan perdana menteri Haiti Laurent Lamothe mengatakan dunia menyaksikan.")
    (person,) = [e for e in doc._.entities if e.type == "PERSON"]
    assert person.extra["positions"] == []
    assert person.extra["former_positions"] == ["Prime Minister of Haiti"]
    assert person.titles == ["mantan perdana menteri Haiti"]
