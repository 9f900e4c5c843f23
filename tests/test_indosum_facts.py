"""People, organisations and places on real IndoSum news, against facts verified by reading.

Each article below was read in full; the lists hold every person, organisation and place it
names that a reader would expect in a report (PLACE = GPE or LOC), and the positions its
titles give. kabar must find most of them (recall) and report few things that are not in
the lists (precision); exact match is not expected.
"""
from __future__ import annotations

import json

import pytest

import kabar
from kabar.read.detokenize import detokenize
from tests.conftest import DATA

KIND = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "EVENT": "EVENT"}

# (fold, id prefix): {"entities": {name: kind}, "positions": {name: English position}}
FACTS = {
    ("dev.01", "1490674536"): {  # Ketua MPR on online transport
        "entities": {"Zulkifli Hasan": "PERSON", "MPR": "ORG", "Setya Novanto": "PERSON", "PAN": "ORG",
                     "Senayan": "PLACE", "Jakarta Pusat": "PLACE", "Jakarta": "PLACE", "Gedung DPR": "PLACE"},
        "positions": {"Zulkifli Hasan": "Chair of MPR"},
    },
    ("dev.01", "1510015773"): {  # Setya Novanto skips a KPK summons
        "entities": {"Setya Novanto": "PERSON", "Febri Diansyah": "PERSON", "Anang Sugiana Sudihardjo": "PERSON",
                     "Komisi Pemberantasan Korupsi": "ORG", "KPK": "ORG", "DPR": "ORG",
                     "PT Quadra Solution": "ORG", "Pengadilan Negeri Jakarta": "ORG", "ANTARA": "ORG",
                     "Percetakan Negara Republik Indonesia": "ORG", "Jakarta": "PLACE", "Indonesia": "PLACE",
                     "RI": "PLACE", "Badan Keahlian DPR RI": "ORG"},
        "positions": {"Setya Novanto": "Chair of DPR", "Febri Diansyah": "Spokesperson of KPK"},
    },
    ("dev.01", "1519279200"): {  # the MD3 law without the President's signature
        "entities": {"Agus Hermanto": "PERSON", "Joko Widodo": "PERSON", "Yasonna Laoly": "PERSON",
                     "DPR": "ORG", "MPR": "ORG", "DPD": "ORG", "DPRD": "ORG", "Mahkamah Konstitusi": "ORG",
                     "ANTARA": "ORG", "Jakarta": "PLACE", "Kompleks Parlemen": "PLACE",
                     "Rapat Paripurna DPR": "EVENT"},
        "positions": {"Agus Hermanto": "Vice Chair of DPR", "Joko Widodo": "President",
                      "Yasonna Laoly": "Minister of Law and Human Rights"},
    },
    ("dev.01", "1480129209"): {  # Jokowi on horseback
        "entities": {"Prabowo Subianto": "PERSON", "Joko Widodo": "PERSON", "Jusuf Kalla": "PERSON",
                     "Partai Gerindra": "ORG", "Muslimat NU": "ORG", "Hambalang": "PLACE", "Bogor": "PLACE",
                     "Jawa Barat": "PLACE", "Jakarta Timur": "PLACE", "Jakarta": "PLACE", "Indonesia": "PLACE",
                     "Asrama Haji Pondok Gede": "PLACE", "Jokowi": "PERSON", "NU": "ORG",
                     "Kongres XVII Muslimat Nahdlatul Ulama": "EVENT", "Kongres Muslimat NU XVII": "EVENT"},
        "positions": {"Prabowo Subianto": "Chair of Partai Gerindra", "Joko Widodo": "President",
                      "Jusuf Kalla": "Vice President"},
    },
    ("dev.01", "1503046618"): {  # the armed forces chief on veterans
        "entities": {"Gatot Nurmantyo": "PERSON", "Megawati Soekarnoputri": "PERSON",
                     "Susilo Bambang Yudhoyono": "PERSON", "Tentara Nasional Indonesia": "ORG", "TNI": "ORG",
                     "Indonesia": "PLACE", "Jakarta Timur": "PLACE", "Istana Negara": "PLACE",
                     "Mabes TNI Cilangkap": "ORG"},
        "positions": {"Gatot Nurmantyo": "Commander of the Armed Forces"},
    },
    ("dev.01", "1519021201"): {  # an Iranian airliner crash
        "entities": {"Iran": "PLACE", "Teheran": "PLACE", "Mohammad Taghi Tabatabai": "PERSON",
                     "Pir Hossein Kooviland": "PERSON", "Motjaba Khaledi": "PERSON", "Iran Aseman Airlines": "ORG",
                     "Gunung Dena": "PLACE", "Semirom": "PLACE", "Yasuj": "PLACE", "Provinsi Isfahan": "PLACE",
                     "Fars": "ORG", "ISNA": "ORG", "Airbus": "ORG", "Boeing": "ORG",
                     "Organisasi Bulan Sabit Merah": "ORG", "Independent": "ORG", "News.com.au": "ORG"},
        "positions": {},
    },
    ("dev.01", "1478831433"): {  # a veteran at the Heroes' Day ceremony
        "entities": {"Wimo Sumanto": "PERSON", "Ahmad Yani": "PERSON", "Sudirman": "PERSON",
                     "Joko Widodo": "PERSON", "Jusuf Kalla": "PERSON", "ANTARA": "ORG", "Jakarta": "PLACE",
                     "Taman Makam Pahlawan Kalibata": "PLACE", "Magelang": "PLACE", "Jawa Tengah": "PLACE",
                     "Purwokerto": "PLACE", "Indonesia": "PLACE", "Irian Barat": "PLACE", "RI": "PLACE",
                     "Jawa": "PLACE", "Jokowi": "PERSON", "Hari Pahlawan 2016": "EVENT",
                     "Gedung Konvensi TMP Nasional Utama": "PLACE"},
        "positions": {"Ahmad Yani": "General", "Sudirman": "Colonel", "Joko Widodo": "President",
                      "Jusuf Kalla": "Vice President"},
    },
    ("dev.01", "1474182027"): {  # Canada allows prescribed heroin
        "entities": {"Kanada": "PLACE", "Kementerian Kesehatan Kanada": "ORG", "Rona Ambrose": "PERSON",
                     "Eugenia Oviedo-Joekes": "PERSON", "University of British Columbia": "ORG",
                     "British Columbia": "PLACE", "CNN Indonesia": "ORG", "Jakarta": "PLACE",
                     "Inisiatif Pengobatan Narkotika Amerika Utara": "ORG", "Amerika Utara": "PLACE"},
        "positions": {},
    },
    ("dev.01", "1518395142"): {  # a village punishes two jengkol thieves
        "entities": {"Hendri Budiman": "PERSON", "Abdul Azis": "PERSON", "Idris": "PERSON",
                     "Lhokseumawe": "PLACE", "Kabupaten Aceh Utara": "PLACE", "Provinsi Aceh": "PLACE",
                     "Kecamatan Simpang Kramat": "PLACE", "Gampong Ie Tarek": "PLACE",
                     "Kejaksaan Negeri Lhoksukon": "ORG", "Mahkamah Agung": "ORG", "Antara": "ORG",
                     "CNN Indonesia": "ORG", "Jakarta": "PLACE", "Gampong Ie Tarek I": "PLACE",
                     "Simpang Kramat": "PLACE", "Reskrim Polres Lhokseumawe": "ORG"},
        "positions": {"Hendri Budiman": "Chief of District Police of Lhokseumawe"},
    },
    ("dev.02", "1499545500"): {  # Jokowi meets Turnbull at the G20
        "entities": {"Joko Widodo": "PERSON", "Malcolm Turnbull": "PERSON", "Retno Marsudi": "PERSON",
                     "Sri Mulyani Indrawati": "PERSON", "Pramono Anung": "PERSON", "Thomas Lembong": "PERSON",
                     "Fauzi Bowo": "PERSON", "Australia": "PLACE", "Hamburg": "PLACE", "Jerman": "PLACE",
                     "Indonesia": "PLACE", "Selandia Baru": "PLACE", "Malaysia": "PLACE", "Filipina": "PLACE",
                     "Brunei Darussalam": "PLACE", "BKPM": "ORG", "KTT G20": "EVENT", "Jokowi": "PERSON",
                     "Biro Pers, Media, dan Informasi Sekretariat Presiden": "ORG"},
        "positions": {"Joko Widodo": "President", "Malcolm Turnbull": "Prime Minister of Australia",
                      "Retno Marsudi": "Minister of Foreign Affairs", "Sri Mulyani Indrawati": "Minister of Finance",
                      "Pramono Anung": "Cabinet Secretary", "Thomas Lembong": "Head of BKPM"},
    },
    ("dev.02", "1490925626"): {  # Israel cuts its UN contribution
        "entities": {"Israel": "PLACE", "PBB": "ORG", "Perserikatan Bangsa-Bangsa": "ORG",
                     "Benjamin Netanyahu": "PERSON", "Michael Lynk": "PERSON", "Rex Tillerson": "PERSON",
                     "Palestina": "PLACE", "AS": "PLACE", "AFP": "ORG", "Kemenlu Israel": "ORG",
                     "Dewan Keamanan PBB": "ORG", "Dewan Hak Asasi Manusia PBB": "ORG", "CNN Indonesia": "ORG",
                     "Jakarta": "PLACE", "Dewan HAM PBB": "ORG"},
        "positions": {"Benjamin Netanyahu": "Prime Minister", "Rex Tillerson": "Minister of Foreign Affairs"},
    },
    ("dev.02", "1515903300"): {  # the African Union and Trump's remark
        "entities": {"Donald Trump": "PERSON", "Laurent Lamothe": "PERSON", "Uni Afrika": "ORG",
                     "Amerika Serikat": "PLACE", "Haiti": "PLACE", "Afrika": "PLACE", "Sky News": "ORG",
                     "AS": "PLACE", "Amerika": "PLACE", "Gedung Putih": "PLACE", "Twitter": "ORG"},
        "positions": {"Donald Trump": "President", "Laurent Lamothe": "Prime Minister of Haiti"},
    },
}


def load(fold: str, prefix: str) -> str:
    with open(DATA / "indosum" / f"{fold}.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["id"].startswith(prefix):
                return detokenize(record["paragraphs"])
    raise LookupError(f"{fold}/{prefix} is not in the IndoSum data")


@pytest.fixture(scope="module")
def reports():
    return {key: kabar.analyze(load(*key)) for key in FACTS}


def found_names(report) -> dict[str, str]:
    """Every name and mention text kabar reported, lowercased → kind."""
    names = {}
    for e in report.entities:
        for text in [e.name, *(m.text for m in e.mentions)]:
            names.setdefault(text.lower(), KIND.get(e.type, e.type))
    return names


def test_recall_of_verified_entities(reports):
    hits = total = 0
    misses = []
    for key, facts in FACTS.items():
        names = found_names(reports[key])
        got = [n for n, kind in facts["entities"].items() if names.get(n.lower()) == kind]
        hits += len(got)
        total += len(facts["entities"])
        misses += [(key[1], n) for n in facts["entities"] if n not in got]
        assert len(got) >= 0.5 * len(facts["entities"]), (key, misses)
    assert hits / total >= 0.85, (hits, total, misses)


def test_precision_against_verified_entities(reports):
    """Reported entities that are in the verified lists (by name or any mention)."""
    good = reported = 0
    junk = []
    for key, facts in FACTS.items():
        known = {n.lower() for n in facts["entities"]}
        for e in reports[key].entities:
            reported += 1
            if {e.name.lower(), *(m.text.lower() for m in e.mentions)} & known:
                good += 1
            else:
                junk.append(e.name)
    assert good / reported >= 0.85, (good, reported, junk)


def test_positions_from_titles(reports):
    hits, expected = 0, []
    for key, facts in FACTS.items():
        by_name = {}
        for e in reports[key].entities:
            for m in e.mentions:
                by_name.setdefault(m.text, e)
        for name, position in facts["positions"].items():
            entity = by_name.get(name)
            held = entity.extra.get("positions", []) + entity.extra.get("former_positions", []) if entity else []
            ok = any(p.startswith(position) for p in held)
            hits += ok
            expected.append((name, position, ok))
    assert hits >= 0.8 * len(expected), expected
