"""Event coding: lexicon, affixes, ontology, argument rules, the seed article, the CLI."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kabar.events import lexicon, morph, ontology
from kabar.events.lexicon import LexiconError


@pytest.fixture(scope="module")
def nlp():
    from kabar.nlp.pipeline import build_nlp

    return build_nlp()


def events(nlp, text, published=None):
    doc = nlp.make_doc(text)
    doc._.language, doc._.published = "id", published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.events


def one(nlp, text, etype):
    found = [e for e in events(nlp, text) if e["type"] == etype]
    assert len(found) == 1, (text, events(nlp, text))
    return found[0]


# --- affixes and lexicon ---------------------------------------------------------------

@pytest.mark.parametrize("root,pattern,expected", [
    ("kunjung", "meN-i", "mengunjungi"), ("puji", "meN-", "memuji"), ("serang", "meN-", "menyerang"),
    ("tanda tangan", "meN-i", "menandatangani"), ("tanda tangan", "peN-an", "penandatanganan"),
    ("kecam", "meN-", "mengecam"), ("temu", "per-an", "pertemuan"), ("kirim", "di-kan", "dikirimkan"),
    ("bom", "meN-", "mengebom"), ("kerja sama", "ber-", "bekerja sama"), ("kritik", "meN-", "mengkritik"),
])
def test_affix_forms(root, pattern, expected):
    assert morph.form(root, pattern) == expected


def test_shipped_lexicon_loads_and_indexes_forms():
    lex = lexicon.default()
    assert len(lex.entries) > 50
    words = set(lex.by_first_word)
    assert {"mengunjungi", "dikunjungi", "kunjungan", "menandatangani", "mengecam", "dukungan"} <= words
    apology = lex.candidates("meminta")[0]
    assert apology.words == ("meminta", "maaf") and apology.trigger.cameo == "055"  # longer forms are tried first


@pytest.mark.parametrize("body,message", [
    ("triggers:\n  - {root: puji, forms: [meN-], cameo: '999'}\n", "x.yaml#1 ('puji'): CAMEO code '999'"),
    ("triggers:\n  - {root: puji, forms: [meN-], cameo: 51}\n", "must be a quoted string"),
    ("triggers:\n  - {root: puji, forms: [meX-], cameo: '051'}\n", "unknown affix pattern 'meX-'"),
    ("triggers:\n  - {root: puji, forms: [meN-], cameo: '051', colour: red}\n", "unknown key(s) colour"),
    ("triggers:\n  - {root: puji, cameo: '051'}\n", "x.yaml#1: missing 'forms'"),
    ("triggers:\n  - {root: undur, forms: [meN-kan], cameo: '0831', plover: QUIT/resign}\n", "'plover' must be TYPE"),
    ("triggers:\n  - {root: terima, forms: [meN-], cameo: '043', object_is_actor: ya}\n", "must be true or false"),
    ("triggers: [\n", "x.yaml line"),
    ("- root: puji\n", "expected a top-level 'triggers:' list"),
])
def test_lexicon_errors_name_file_and_entry(tmp_path, body, message):
    (tmp_path / "x.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        lexicon.load(tmp_path)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_analysts_lexicon_folder_replaces_the_shipped_one(tmp_path):
    from kabar.nlp.pipeline import DEFAULT_PIPELINE, build_nlp

    (tmp_path / "mine.yaml").write_text(
        "triggers:\n  - {root: sowan, forms: [root], with: [ke], cameo: '042', target_preps: [ke], place_is_target: true}\n",
        encoding="utf-8")
    steps = [p for p in DEFAULT_PIPELINE if p in ("kabar_sentences", "kabar_events")]
    nlp = build_nlp(pipeline=steps, config={"kabar_events": {"lexicon_dir": str(tmp_path)}}, model="blank")
    [ev] = nlp("Presiden Jokowi sowan ke Jepang.")._.events
    assert (ev["type"], ev["cameo"], ev["target_actor"]) == ("CONSULT", "042", "JPN")
    assert nlp("Presiden Jokowi mengunjungi Jepang.")._.events == []  # the shipped lexicon is not used
    (tmp_path / "bad.yaml").write_text("triggers:\n  - {root: x, forms: [meN-], cameo: '9'}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.yaml#1"):
        build_nlp(pipeline=steps, config={"kabar_events": {"lexicon_dir": str(tmp_path)}}, model="blank")


def test_ontology_follows_the_plover_table():
    assert ontology.lookup("042").type == "CONSULT" and ontology.lookup("042").mode == "visit"
    assert ontology.lookup("057").type == "SUPPORT"  # signing is SUPPORT in the manual
    assert ontology.lookup("163").type == "COERCE"
    with pytest.raises(KeyError, match="'999'"):
        ontology.lookup("999")


def test_shipped_table_is_rebuilt_from_shared_data(tmp_path):
    from conftest import DATA

    if not (DATA / "plover").exists():
        pytest.skip("shared data not present")
    out = tmp_path / "t.tsv"
    ontology.build_table(DATA / "plover/CAMEO2PLOVER-2021.txt", DATA / "text_to_cameo/CAMEO_codefile.txt", out)
    assert out.read_text(encoding="utf-8") == ontology.TABLE.read_text(encoding="utf-8")


# --- argument rules ---------------------------------------------------------------------

def test_active_visit_with_place_as_target(nlp):
    ev = one(nlp, "Presiden Joko Widodo mengunjungi Jepang pada 5 Mei 2017.", "CONSULT")
    assert (ev["cameo"], ev["mode"]) == ("042", "visit")
    assert ev["source_text"] == "Presiden Joko Widodo" and ev["target_text"] == "Jepang"
    assert ev["target_actor"] == "JPN" and ev["date"] == "2017-05-05" and ev["date_from"] == "text"


def test_passive_with_oleh_swaps_roles(nlp):
    ev = one(nlp, "Menteri Luar Negeri Retno Marsudi dikecam oleh Presiden Amerika Serikat Donald Trump.", "ACCUSE")
    assert ev["source_text"] == "Presiden Amerika Serikat Donald Trump" and ev["source_actor"] == "USA GOV"
    assert ev["target_text"] == "Menteri Luar Negeri Retno Marsudi"


def test_coordinated_actors_sign_together(nlp):
    ev = one(nlp, "Presiden Rusia Vladimir Putin dan Presiden Tiongkok Xi Jinping menandatangani perjanjian dagang.", "SUPPORT")
    assert ev["cameo"] == "057"
    assert ev["source_actor"] == "RUS GOV" and ev["target_actor"] == "CHN GOV"


def test_nominal_event_takes_possessor_and_preposition(nlp):
    ev = one(nlp, "Kunjungan Perdana Menteri Jepang Shinzo Abe ke Indonesia berlangsung dua hari.", "CONSULT")
    assert ev["source_actor"] == "JPN GOV" and ev["target_actor"] == "IDN"


def test_coercive_nominal_names_who_undergoes_it(nlp):
    ev = one(nlp, "Penangkapan Rizieq Shihab oleh polisi dikecam FPI.", "COERCE")
    assert ev["source_text"] == "polisi" and ev["target_text"] == "Rizieq Shihab"


def test_nominal_without_actor_is_not_coded(nlp):
    assert events(nlp, "Kunjungan tersebut berlangsung dua hari.") == []


def test_negation_and_future_are_flags_and_future_cooperation_is_agree(nlp):
    ev = one(nlp, "Polisi tidak menangkap para demonstran di Jakarta.", "COERCE")
    assert ev["negated"] and not ev["hypothetical"]
    ev = one(nlp, "Indonesia akan menandatangani perjanjian dengan Australia.", "AGREE")
    assert ev["hypothetical"] and ev["future_of"] == {"type": "SUPPORT", "cameo": "057"}
    assert ev["source_actor"] == "IDN" and ev["target_actor"] == "AUS"


def test_reported_speech_keeps_the_speaker(nlp):
    ev = one(nlp, "“Kami mendukung Palestina,” kata Presiden Turki Recep Tayyip Erdogan.", "SUPPORT")
    assert ev["source_text"] == "Presiden Turki Recep Tayyip Erdogan" and ev["target_actor"] == "PSE"


def test_adjectival_use_is_not_an_event(nlp):
    assert events(nlp, "Kebutuhan perpustakaan di Malang sangat mendesak.") == []
    assert one(nlp, "Presiden Jokowi sangat menghargai Malaysia.", "SUPPORT")["target_actor"] == "MYS"


def test_military_sector_from_the_text(nlp):
    ev = one(nlp, "Tentara Israel menyerang Gaza.", "ASSAULT")
    assert ev["source_actor"] == "ISR MIL" and ev["target_actor"] == "PSE"


def test_published_date_when_the_sentence_has_none(nlp):
    import datetime as dt

    [ev] = events(nlp, "Korea Utara mengecam Amerika Serikat.", published=dt.date(2017, 8, 9))
    assert ev["date"] == "2017-08-09" and ev["date_from"] == "published"


def test_relative_clause_subject_and_named_apposition(nlp):
    ev = one(nlp, "Warga mendengarkan polisi yang meminta Gubernur Jawa Barat , Ridwan Kamil , mundur.", "REQUEST")
    assert ev["source_text"] == "polisi" and ev["target_text"] == "Ridwan Kamil"
    assert ev["target_actor"].endswith("GOV")  # the title's sector passes to the name


def test_threat_targets_the_object_of_the_verb_it_introduces(nlp):
    ev = one(nlp, "Kejaksaan mengancam akan menahan Budi Santoso pekan depan .", "THREATEN")
    assert ev["source_text"] == "Kejaksaan" and ev["target_text"] == "Budi Santoso"


def test_joint_action_between_two_actors(nlp):
    ev = one(nlp, "Kedua menteri meneken kerja sama bidang perikanan antara Indonesia dan Vietnam .", "COOPERATE")
    assert (ev["source_text"], ev["target_text"]) == ("Indonesia", "Vietnam")


def test_passive_agent_after_a_quantifier(nlp):
    ev = one(nlp, "Kantor partai itu diserang sekelompok milisi bersenjata .", "ASSAULT")
    assert "milisi" in ev["source_text"]


def test_purpose_clause_of_a_future_trip_is_future(nlp):
    evs = events(nlp, "Menlu Retno akan bertolak ke Tokyo untuk melakukan pertemuan dengan Menlu Jepang Taro Kono .")
    meeting = next(e for e in evs if e["trigger"]["text"] == "pertemuan")
    assert meeting["type"] == "AGREE" and meeting["cameo"] == "036" and meeting["hypothetical"]


@pytest.mark.parametrize("text,etype,cameo", [
    ("KPK memeriksa Bupati Lampung Tengah Mustafa sebagai saksi .", "ACCUSE", "090"),
    ("Polisi menggeledah rumah tersangka Andi di Bekasi .", "COERCE", "1711"),
    ("Ketua DPR Bambang Soesatyo dilaporkan ke Bareskrim oleh sebuah LSM .", "ACCUSE", "115"),
    ("Presiden Jokowi menyambangi Kabul , Afghanistan .", "CONSULT", "042"),
    ("KPK menetapkan Bupati Klaten Sri Hartini sebagai tersangka .", "ACCUSE", "1121"),
    ("Novanto ditetapkan KPK sebagai tersangka .", "ACCUSE", "1121"),
    ("Partai Golkar resmi mengusung Ridwan Kamil dalam Pilkada Jawa Barat .", "SUPPORT", "051"),
    ("KPK memanggil Ketua DPR Setya Novanto sebagai saksi .", "ACCUSE", "090"),
    ("Amerika Serikat keluar dari kesepakatan nuklir dengan Iran .", "REJECT", "120"),
    ("Pemerintah kota menggusur warga di bantaran sungai .", "COERCE", "171"),
    ("Seorang pria mencabuli dua anak tetangganya .", "ASSAULT", "1821"),
    ("Pria itu menyiram air keras ke wajah penyidik KPK .", "ASSAULT", "180"),
    ("Tersangka Andi mangkir dari pemeriksaan KPK .", "REJECT", "128"),
    ("Pasukan pemerintah merebut kota Mosul dari militan .", "ASSAULT", "190"),
    ("Korea Utara melakukan uji coba rudal balistik .", "MOBILIZE", "150"),
    ("Pemerintah daerah menanggung biaya pengobatan para korban .", "AID", "070"),
    ("Polres Ogan Komering Ulu mengamankan dua tersangka pencuri sapi .", "COERCE", "173"),
    ("Polisi menitipkan tersangka di rutan Polda Bali .", "COERCE", "173"),
    ("Orang yang melaporkan Ketua Umum Megawati Soekarnoputri tidak paham konteks pidato .", "ACCUSE", "115"),
    ("Anies berencana mengundang Aher untuk membicarakan kerja sama kedua daerah .", "AGREE", "036"),
    ("Peluru itu ditembakkan oleh dua orang kepada seorang pedagang .", "ASSAULT", "193"),
    ("Tersangka mencekik korban hingga tewas .", "ASSAULT", "182"),
    ("Seorang pria melempar granat ke arah pasukan Amerika .", "ASSAULT", "180"),
    ("Demonstran melempari gedung DPRD dengan batu .", "ASSAULT", "180"),
    ("Kapolda sempat menginterogasi pelaku perampokan .", "ACCUSE", "090"),
    ("Polda Metro Jaya mengusulkan agar Pemprov DKI Jakarta menerapkan aturan ganjil genap .", "REQUEST", "100"),
    ("Kementerian Keuangan menitahkan PT Pertamina untuk menurunkan harga .", "REQUEST", "100"),
    ("Ketua DPR menyarankan pemerintah menunda kenaikan tarif listrik .", "REQUEST", "100"),
    ("Polisi membujuk pelaku agar melepaskan sandera .", "REQUEST", "100"),
    ("Asosiasi Pengusaha Indonesia mengaku kecewa dengan keputusan pemerintah .", "ACCUSE", "110"),
    ("Dinas Perhubungan melayangkan surat keberatan kepada pihak Grab .", "ACCUSE", "114"),
    ("Fadli Zon mempertanyakan langkah polisi dalam kasus itu .", "ACCUSE", "111"),
    ("Seorang pria mencoba menusuk petugas polisi di Jalan Thamrin .", "ASSAULT", "182"),
    ("Ketua DPR kembali tidak memenuhi panggilan Bareskrim sebagai saksi .", "REJECT", "128"),
    ("Kementerian Perhubungan berkoordinasi dengan Kementerian Perdagangan .", "CONSULT", "040"),
    ("Kapolda menghimbau warga agar tidak terpancing isu .", "REQUEST", "100"),
    ("Pelaku dijerat Pasal 340 KUHP oleh penyidik Polres Bogor .", "ACCUSE", "1121"),
    ("Mantan bupati itu dihukum lima tahun penjara oleh Pengadilan Tipikor .", "SANCTION", "116"),
    ("Pasukan Irak terus memerangi ISIS di Mosul .", "ASSAULT", "190"),
    ("Bentrokan antara polisi dan massa pecah di depan gedung DPRD .", "ASSAULT", "190"),
    ("Sekelompok orang mempersekusi seorang dokter di Solok .", "COERCE", "170"),
    ("Dua warga negara Indonesia disekap kelompok Abu Sayyaf .", "ASSAULT", "181"),
    ("Ketua DPR menyayangkan sikap pemerintah Malaysia .", "ACCUSE", "111"),
    ("Presiden Jokowi mendatangi Kantor Staf Presiden di Jakarta .", "CONSULT", "042"),
    ("Ketua Umum PAN menjenguk Ahok di Rutan Mako Brimob .", "CONSULT", "042"),
    ("Menlu Retno berbincang dengan Menlu Bangladesh di sela sidang PBB .", "CONSULT", "040"),
    ("Pemerintah daerah bermitra dengan Bank Dunia dalam program itu .", "COOPERATE", "060"),
    ("KPK mencegah Setya Novanto ke luar negeri selama enam bulan .", "COERCE", "172"),
    ("Amerika Serikat mengirim 200 tentara tambahan ke Suriah .", "MOBILIZE", "154"),
    ("Presiden Jokowi memberikan grasi kepada Antasari Azhar .", "CONCEDE", "081"),
    ("Turki memboikot produk Prancis .", "COERCE", "163"),
    ("Indonesia menengahi konflik antara Thailand dan Kamboja .", "CONSULT", "045"),
    ("Wakil Presiden Jusuf Kalla mengucapkan terima kasih kepada Arab Saudi atas bantuan itu .", "SUPPORT", "051"),
    ("Setya Novanto dijebloskan ke Rutan KPK oleh penyidik .", "COERCE", "173"),
    ("Korea Utara diduga meretas basis data perusahaan Daewoo .", "ASSAULT", "180"),
    ("Ribuan buruh turun ke jalan di depan Istana Merdeka .", "PROTEST", "141"),
    ("Massa berorasi di depan gedung DPRD Jawa Timur .", "PROTEST", "141"),
    ("Korban kebakaran kapal itu mendapatkan santunan dari Pemerintah Provinsi DKI Jakarta .", "AID", "070"),
    ("KPK menjemput paksa Setya Novanto di rumahnya .", "COERCE", "173"),
    ("Ketua Umum PKB Muhaimin Iskandar bertamu ke kediaman Megawati .", "CONSULT", "042"),
    ("Prabowo bersua dengan SBY di Cikeas .", "CONSULT", "040"),
    ("Relawan Jokowi mendeklarasikan dukungan untuk Ganjar Pranowo .", "SUPPORT", "051"),
    ("Australia menangguhkan kerja sama militer dengan Indonesia .", "SANCTION", "160"),
    ("Pemerintah Indonesia mengekstradisi buronan itu ke Australia .", "COERCE", "174"),
    ("Partai Gerindra mempersoalkan keputusan KPU .", "ACCUSE", "111"),
    ("Warga mencela sikap Bupati Garut .", "ACCUSE", "111"),
    ("Polisi mencurigai Andi terlibat perampokan itu .", "ACCUSE", "112"),
    ("Ketua Umum PDIP memfitnah Presiden Jokowi .", "ACCUSE", "112"),
    ("Komnas HAM menginvestigasi kasus penembakan di Papua .", "ACCUSE", "090"),
    ("Ketua DPR berseteru dengan Gubernur DKI soal anggaran .", "ACCUSE", "111"),
    ("China bersengketa dengan Filipina di Laut China Selatan .", "ACCUSE", "111"),
    ("Polisi mengurung tersangka di sel tahanan Polres .", "COERCE", "173"),
    ("Partai Golkar tunduk kepada keputusan Mahkamah Agung .", "CONCEDE", "080"),
    ("Presiden mewanti-wanti para menteri untuk tidak korupsi .", "REQUEST", "100"),
])
def test_added_triggers(nlp, text, etype, cameo):
    ev = one(nlp, text, etype)
    assert ev["cameo"] == cameo and ev["source_text"], ev


@pytest.mark.parametrize("text,source", [
    ("Presiden Afrika Selatan Jacob Zuma akhirnya mengundurkan diri .", "Presiden Afrika Selatan Jacob Zuma"),
    ("Setya Novanto mundur dari jabatan Ketua DPR .", "Setya Novanto"),
    ("Pengunduran diri Menteri Sosial Khofifah diterima Presiden Joko Widodo .", "Menteri Sosial Khofifah"),
])
def test_resignation_is_retreat_resign_by_the_one_who_resigns(nlp, text, source):
    """PLOVER manual, RETREAT: resignations of officials; CAMEO has no code (0831 is the nearest)."""
    ev = one(nlp, text, "RETREAT")
    assert (ev["mode"], ev["source_text"], ev["target_text"]) == ("resign", source, None), ev


def test_announced_resignation_is_concede(nlp):
    """PLOVER manual: announcements of future retreats are coded CONCEDE."""
    ev = one(nlp, "Gubernur itu akan mundur dari jabatannya bulan depan .", "CONCEDE")
    assert ev["hypothetical"] and ev["future_of"]["type"] == "RETREAT", ev


def test_dismissal_is_an_administrative_sanction_on_the_dismissed(nlp):
    ev = one(nlp, "Presiden mencopot Kapolda Jawa Timur dari jabatannya .", "COERCE")
    assert (ev["cameo"], ev["source_text"], ev["target_text"]) == ("172", "Presiden", "Kapolda Jawa Timur"), ev
    ev = one(nlp, "Kapolri memberhentikan tiga perwira polisi .", "COERCE")
    assert ev["cameo"] == "172" and ev["source_text"] == "Kapolri" and ev["target_text"], ev


def test_title_with_a_place_and_the_name_after_it_is_one_actor(nlp):
    ev = one(nlp, "KPK menetapkan Gubernur Sulawesi Tenggara Nur Alam sebagai tersangka .", "ACCUSE")
    assert ev["target_text"] == "Gubernur Sulawesi Tenggara Nur Alam", ev
    ev = one(nlp, "Ketua DPR Setya Novanto bertemu Jokowi di Istana .", "CONSULT")
    assert ev["source_text"] == "Ketua DPR Setya Novanto", ev


def test_acronym_in_brackets_stays_with_its_name(nlp):
    ev = one(nlp, "Sejumlah aktivis Hak Asasi Manusia ( HAM ) melayangkan kritik terhadap Wiranto .", "ACCUSE")
    assert ev["source_text"].startswith("aktivis Hak Asasi Manusia") and ev["target_text"] == "Wiranto", ev


def test_list_with_a_comma_before_dan_is_led_by_its_first_actor(nlp):
    ev = one(nlp, "Demokrat , PKB , dan PPP meminta pemerintah melakukan revisi .", "REQUEST")
    assert ev["source_text"] == "Demokrat" and len(ev["co_sources"]) == 2, ev


def test_a_title_with_its_own_dan_is_no_second_party(nlp):
    ev = one(nlp, "Menteri Koordinator Bidang Politik , Hukum dan Keamanan Wiranto bertemu dengan Kapolri "
                  "Tito Karnavian di Jakarta .", "CONSULT")
    assert ev["target_text"] == "Kapolri Tito Karnavian" and ev["source"] not in ev.get("co_sources", []), ev


def test_investigation_noun_names_who_is_investigated_unless_an_investigator(nlp):
    ev = one(nlp, "KPK masih melengkapi berkas pemeriksaan Fredrich .", "ACCUSE")
    assert ev["target_text"] == "Fredrich", ev
    ev = one(nlp, "Penyidikan KPK terhadap Setya Novanto terus berjalan .", "ACCUSE")
    assert (ev["source_text"], ev["target_text"]) == ("KPK", "Setya Novanto"), ev


def test_one_actor_does_not_take_both_roles_from_the_parse(nlp):
    ev = one(nlp, "Kemarin , usai divonis bersalah , Ahok langsung ditahan di Rutan Cipinang .", "COERCE")
    assert ev["target_text"] == "Ahok" and ev["source_text"] is None, ev


def test_possessive_nya_and_pihaknya_point_back_to_an_actor(nlp):
    evs = events(nlp, "Menteri Luar Negeri Retno Marsudi tiba di Yangon . Kunjungannya ke Myanmar membahas krisis Rohingya .")
    visit = [e for e in evs if e["trigger"]["text"] == "Kunjungannya"]
    assert visit and visit[0]["source_text"] == "Menteri Luar Negeri Retno Marsudi", evs
    ev = one(nlp, "Jaksa Agung HM Prasetyo mengatakan pihaknya akan memeriksa Direktur Utama Pertamina .", "ACCUSE")
    assert ev["source_text"] == "Jaksa Agung HM Prasetyo" and ev["hypothetical"], ev


@pytest.mark.parametrize("text,target", [
    ("Presiden Rusia Vladimir Putin menerima Presiden Turki Recep Tayyip Erdogan di Sochi .", "Presiden Turki"),
    ("Ia menerima Fahri di rumah dinasnya .", "Fahri"),
    ("Djafar mengaku menerima uang dari Nazarudin .", None),
    ("Gubernur menerima Piala Adipura di Jakarta .", None),
])
def test_receiving_a_person_is_hosting_and_receiving_a_thing_is_no_event(nlp, text, target):
    found = [e for e in events(nlp, text) if e["cameo"] == "043"]
    assert (found[0]["target_text"].startswith(target) if target else not found), found


def test_unresolved_pronoun_stays_the_target_as_written(nlp):
    ev = one(nlp, "Dia dicokok Polres Sukabumi setelah memeras warga .", "COERCE")
    assert (ev["source_text"], ev["target_text"], ev["target"]) == ("Polres Sukabumi", "Dia", None), ev


@pytest.mark.parametrize("text,etype,target", [
    # the agent of a passive clause on the object is the target
    ("Mahkamah Agung menolak kasasi yang diajukan Ahok .", "REJECT", "Ahok"),
    ("Indonesia mengecam serangan yang dilakukan oleh ISIS di Suriah .", "ACCUSE", "ISIS"),
    ("Misbakhun mendukung langkah yang diambil Direktorat Jenderal Pajak .", "SUPPORT", "Direktorat Jenderal Pajak"),
    # the owner of what is criticised or rejected is the target
    ("Presiden Prancis mengecam \" serangan brutal \" militer Suriah di Ghouta .", "ACCUSE", "militer Suriah"),
    ("Fraksi Gerindra menolak usulan pemerintah soal ambang batas .", "REJECT", "pemerintah"),
    # an attack reported without its author keeps the name after its victim's title
    ("Kasus penyerangan terhadap penyidik senior KPK , Novel Baswedan , belum terungkap .", "ASSAULT", "Novel Baswedan"),
])
def test_target_is_whom_the_act_is_aimed_at(nlp, text, etype, target):
    assert one(nlp, text, etype)["target_text"] == target


def test_fighting_a_non_actor_or_communicating_with_no_one_is_no_event(nlp):
    assert not events(nlp, "Pemerintah Filipina terus memerangi korupsi dan narkoba .")
    assert not events(nlp, "Melalui surat itu , Jokowi mengajak berkomunikasi secara personal .")
    assert not events(nlp, "Pemerintah kota mencegah banjir dengan membangun tanggul .")
    assert not events(nlp, "Menteri menyampaikan bahwa pemerintah akan menaikkan harga .")
    assert not events(nlp, "Korea Utara menyebut latihan itu mengancam negaranya .")
    assert not events(nlp, "Air dari Bendung Katulampa , Bogor , diperkirakan akan tiba di Jakarta Senin siang .")
    assert not events(nlp, "Seorang model Inggris diculik dan disekap selama satu minggu di Milan .")
    assert not events(nlp, "Wakil Presiden Jusuf Kalla setuju pasal penghinaan Presiden dihidupkan kembali .")
    assert not events(nlp, "Kapolda mengatakan penetapan tersangka dilakukan setelah pemeriksaan terhadap 17 saksi .")
    assert not events(nlp, "Siti Fadilah Supari akan menyebut aliran uang itu dalam nota pembelaannya .")
    assert not events(nlp, "Pembahasan RUU Larangan Minuman Beralkohol masih belum menemui titik terang .")
    # the actor before another verb and its object is that verb's subject, not the passive's target
    asked = events(nlp, "Kementerian Perdagangan meminta tarif bea masuk produk dari Indonesia dapat dibebaskan .")
    assert [e["type"] for e in asked] == ["REQUEST"], asked
    assert not events(nlp, "Harian The Guardian melaporkan gadis tersebut tinggal bersama ibunya .")
    assert [e["type"] for e in events(nlp, "Polisi menangkap dua rekan pelaku pengeboman di Surabaya .")] == ["COERCE"]
    # what a threat says will be done is the threat's content, not an event of its own
    threat = events(nlp, "Jika tetap mangkir , polisi mengancam akan menjemput paksa Andi .")
    assert [(e["type"], e["target_text"]) for e in threat] == [("THREATEN", "Andi")], threat


def test_securing_a_place_or_firing_a_missile_into_the_sea_is_no_event(nlp):
    assert not events(nlp, "Polisi mengamankan lokasi kejadian .")
    assert not events(nlp, "Korea Utara kembali menembakkan rudal balistik ke Laut Jepang .")


def test_apposition_between_a_name_and_its_verb_is_not_the_actor(nlp):
    ev = one(nlp, "Tersangka Chukwudi Christopher ( 43 ) , warga Nigeria dibekuk polisi lantaran menipu .", "COERCE")
    assert ev["target_text"] == "Tersangka Chukwudi Christopher", ev
    ev = one(nlp, "Setelah bertemu Prabowo , polisi menangkap tersangka .", "COERCE")
    assert ev["source_text"] == "polisi", ev


def test_passive_after_a_cause_word_has_the_subject_before_it(nlp):
    ev = one(nlp, "Dua orang polisi terluka akibat diserang sekelompok orang tak dikenal .", "ASSAULT")
    assert "polisi" in ev["target_text"] and ev["source_text"] == "orang", ev
    ev = one(nlp, "Polisi menangkap Andi , warga Bekasi , karena menganiaya istrinya .", "COERCE")
    assert ev["target_text"] == "Andi", ev


def test_pronouns_take_the_last_compatible_actor(nlp):
    ev = one(nlp, "Setibanya di Hanoi , sang raja mengatakan dia akan bertemu dengan Presiden Vietnam .", "AGREE")
    assert ev["source_text"] == "sang raja" or ev["source_text"] == "raja"
    ev = one(nlp, "Para buruh berkumpul di depan kantor gubernur . Polisi meminta mereka membubarkan diri .", "REQUEST")
    assert ev["target_text"].lower().endswith("buruh")


def test_both_countries_are_the_last_two_named(nlp):
    text = "Menlu Indonesia menerima Menlu Malaysia di Bogor . Kedua negara menandatangani perjanjian perbatasan ."
    ev = one(nlp, text, "SUPPORT")
    assert (ev["source_actor"][:3], ev["target_actor"][:3]) == ("IDN", "MYS"), ev


def test_agent_of_an_earlier_passive_is_not_the_subject(nlp):
    evs = events(nlp, "Pengungsi yang tiba saat aturan itu diteken Presiden Trump , kemudian ditangkap di bandara .")
    assert not [e for e in evs if e["type"] == "COERCE" and e["target_text"] == "Presiden Trump"], evs


def test_relative_clause_on_a_sector_noun_with_its_adjective(nlp):
    ev = one(nlp, "Dana itu untuk investasi di negara berkembang yang mendukung Israel di PBB .", "SUPPORT")
    assert ev["source_text"] == "negara" and ev["target_text"] == "Israel"


def test_time_clause_opening_with_its_verb_shares_the_subject(nlp):
    ev = one(nlp, "Seorang militan ISIS berjalan ke pasar sesaat sebelum melakukan serangan bom .", "ASSAULT")
    assert "militan" in ev["source_text"]


def test_same_event_named_again_is_coded_once(nlp):
    evs = events(nlp, "Raja Salman tiba di Moskow pada Rabu dalam kunjungan resmi pertama pemimpin kerajaan itu ke Rusia .")
    assert [e["trigger"]["text"] for e in evs if e["type"] == "CONSULT"] == ["tiba"], evs


def test_nominal_and_its_verb_in_one_sentence_are_one_event(nlp):
    # the nominal ("seruan") has no target, the verb ("meminta") has one: one event, with the target
    evs = events(nlp, "Warga menolak seruan dari tentara yang meminta mereka meninggalkan desa itu .")
    req = [e for e in evs if e["type"] == "REQUEST"]
    assert len(req) == 1 and req[0]["source_text"] == "tentara", evs
    assert req[0]["trigger"]["text"] == "meminta"


def test_relative_clause_after_an_apposition_is_about_the_first_actor(nlp):
    ev = one(nlp, "Anggota DPR Budi Santoso mendukung Badan Pengawas Obat , Kementerian Kesehatan , yang akan "
                  "memeriksa PT Farmasi Jaya .", "ACCUSE")
    assert ev["source_text"].startswith("Badan Pengawas Obat"), ev


def test_spaces_and_adverbs_do_not_break_or_extend_actors(nlp):
    ev = one(nlp, "Mabes Polri menahan Jenderal   Budi Gunawan di Jakarta .", "COERCE")
    assert ev["target_text"].endswith("Budi Gunawan") and ev["target_text"].startswith("Jenderal"), ev
    ev = one(nlp, "Detasemen Khusus 88 Anti Teror menangkap empat terduga teroris di Kampar .", "COERCE")
    assert ev["source_text"] == "Detasemen Khusus 88 Anti Teror", ev
    ev = one(nlp, "Ia diam karena polisi sedang Olah TKP dan memeriksa sejumlah saksi .", "ACCUSE")
    assert ev["source_text"] == "polisi", ev


def test_nominal_possessors_joined_by_dan_act_together(nlp):
    ev = one(nlp, "Hakim membacakan dakwaan Irman dan Sugiharto di pengadilan .", "ACCUSE")
    assert ev["target_text"] != "Sugiharto", ev
    ev = one(nlp, "Pertemuan Jokowi dan Putin berlangsung di Moskow .", "CONSULT")
    assert ev["source_text"] == "Jokowi" and ev["target_text"] == "Putin", ev


def test_dateline_is_no_actor_and_embedded_question_has_its_own_subject(nlp):
    ev = one(nlp, "Merdeka.com - Budi Santoso ( 38 ) nekat membunuh tetangganya di Semarang .", "ASSAULT")
    assert ev["source_text"] == "Budi Santoso", ev
    ev = one(nlp, "Dia tidak mengungkap kapan penyidik bertolak ke Arab Saudi untuk memeriksa Rizieq Shihab .", "ACCUSE")
    assert ev["source_text"] == "penyidik" and ev["target_text"] == "Rizieq Shihab", ev


def test_place_after_a_chain_of_place_names_is_no_subject(nlp):
    ev = one(nlp, "Boy menjelaskan , Nadir dijemput di Bandara Juanda , Surabaya , Jawa Timur setelah "
                  "dideportasi oleh otoritas Turki .", "COERCE")
    assert ev["target_text"] == "Nadir" and ev["source_text"] == "otoritas Turki", ev


@pytest.mark.parametrize("text", [
    "Selanjutnya mengunjungi Jepang pada pekan depan .",
    "Jakarta , CNN Indonesia - - Seorang menyerang kantor polisi di Medan .",
    "Mereka menerima bantuan Rp 200 miliar .",
])
def test_capitalised_common_words_are_no_actors(nlp, text):
    from kabar.events.actors import find_actors

    doc = nlp(text)
    names = [a.text for sent in doc.sents for a in find_actors(sent, [], set())]
    assert not {"Selanjutnya", "Seorang", "Rp"} & set(names), names


def test_nominal_pointing_back_with_a_demonstrative_is_not_coded_again(nlp):
    evs = events(nlp, "Pertemuan tersebut diusulkan oleh Inggris setelah keputusan Presiden AS Donald Trump .")
    assert not [e for e in evs if e["type"] == "CONSULT"], evs


def test_saling_makes_coordinated_actors_source_and_target(nlp):
    ev = one(nlp, "Pasukan pemerintah dan pemberontak saling menyerang di pinggiran Damaskus .", "ASSAULT")
    assert ev["source_text"].lower() == "pasukan pemerintah" and ev["target_text"] == "pemberontak", ev


def test_actor_opening_what_an_allegation_alleges_is_its_target(nlp):
    ev = one(nlp, "Ia membantah tudingan Polri menyembunyikan data korban .", "ACCUSE")
    assert ev["target_text"] == "Polri" and ev["source_text"] != "Polri", ev


def test_actor_closing_the_triggers_object_is_its_target(nlp):
    ev = one(nlp, "Pemerintah Kolombia memutuskan keluar dari program kerja sama keamanan Amerika Serikat .", "REJECT")
    assert ev["source_text"] == "Pemerintah Kolombia" and ev["target_text"] == "Amerika Serikat", ev


def test_verb_of_saying_opens_a_clause_with_its_own_subject(nlp):
    ev = one(nlp, "Kementerian Luar Negeri Israel mengatakan Jawawdeh , yang diizinkan masuk , menikam petugas keamanan .",
             "ASSAULT")
    assert ev["source_text"] == "Jawawdeh", ev
    ev = one(nlp, "Menlu Retno Marsudi mengatakan akan mengunjungi Jepang pekan depan .", "AGREE")
    assert ev["source_text"].endswith("Retno Marsudi"), ev


def test_described_common_noun_before_yang_is_an_apposition(nlp):
    ev = one(nlp, "Bripka Andi Saputra , polisi yang terluka dalam kerusuhan itu , mendapat penghargaan dari Kapolri .",
             "SUPPORT")
    assert ev["target_text"].endswith("Andi Saputra") and ev["source_text"] == "Kapolri", ev


def test_nominal_with_nya_takes_the_clause_subject_as_possessor(nlp):
    ev = one(nlp, "Partai Demokrat menunggu hasil gugatannya ke Mahkamah Konstitusi .", "ACCUSE")
    assert ev["source_text"] == "Partai Demokrat" and ev["target_text"] == "Mahkamah Konstitusi", ev


def test_openness_to_talks_is_intent(nlp):
    ev = one(nlp, "Menlu Jepang Taro Kono membuka peluang berunding dengan Rusia .", "AGREE")
    assert ev["source_text"].endswith("Taro Kono") and ev["hypothetical"]


# --- second gold batch (issue 5): rules learnt from its tuning half ------------------------

def test_ministry_title_with_dan_and_brackets_is_one_actor(nlp):
    ev = one(nlp, "Menteri Hukum dan HAM Yasonna Laoly bertemu Menteri Pendidikan ( Sains dan Teknologi ) "
                  "Malaysia Ahmad Zahid di Jakarta .", "CONSULT")
    assert ev["source_text"] == "Menteri Hukum dan HAM Yasonna Laoly", ev
    assert ev["target_text"].endswith("Ahmad Zahid") and ev["target_actor"] == "MYS GOV", ev
    ev = one(nlp, "Bawaslu menyampaikan masalah anggaran kala bertemu Menteri Koordinator Politik , Hukum , dan "
                  "Keamanan Wiranto .", "CONSULT")
    assert ev["source_text"] == "Bawaslu" and ev["target_text"].endswith("Keamanan Wiranto"), ev


def test_relative_clause_continued_by_dan_is_about_its_head(nlp):
    ev = one(nlp, "Delegasi Jepang yang membawa hadiah dan mengenakan batik tiba di Jakarta .", "CONSULT")
    assert ev["source_text"] == "Delegasi Jepang" and ev["target_text"] == "Jakarta", ev


def test_name_between_commas_closes_the_subject_phrase(nlp):
    ev = one(nlp, "Ketua umum partai yang juga anggota DPR , Budi Santoso , ditangkap polisi kemarin .", "COERCE")
    assert ev["target_text"] == "Budi Santoso" and ev["source_text"] == "polisi", ev


def test_who_is_asked_to_act_is_the_actor_of_the_purpose_clause(nlp):
    ev = one(nlp, "Presiden meminta penegak hukum tidak ragu untuk menindak para perusuh .", "COERCE")
    assert ev["source_text"] == "penegak hukum" and ev["hypothetical"], ev


def test_forces_put_on_alert_are_the_actor(nlp):
    ev = one(nlp, "Sebanyak 300 personel TNI disiagakan di perbatasan .", "MOBILIZE")
    assert "TNI" in ev["source_text"], ev


def test_pronoun_after_an_office_says_whose(nlp):
    ev = one(nlp, "Diplomat itu mengatakan duta besar mereka diusir oleh Kuwait .", "SANCTION")
    assert ev["target_text"] == "duta besar mereka" and ev["source_text"] == "Kuwait", ev


def test_verb_whose_subject_is_no_actor_is_no_event(nlp):
    assert not events(nlp, "Politik uang mengancam kedaulatan Indonesia .")
    ev = one(nlp, "Pemerintah kota menggusur warga di bantaran sungai .", "COERCE")  # an office and its modifier
    assert ev["source_text"] == "Pemerintah" and ev["target_text"] == "warga", ev


def test_directive_or_agreement_followed_by_what_is_to_be_done(nlp):
    ev = one(nlp, "LSM itu mendorong pemerintah menghentikan proyek tersebut .", "REQUEST")
    assert ev["target_text"] == "pemerintah", ev
    ev = one(nlp, "Pemerintah Indonesia dan Pemerintah Malaysia bersepakat memperkuat patroli perbatasan .", "AGREE")
    assert ev["source_text"] == "Pemerintah Indonesia" and ev["target_text"] == "Pemerintah Malaysia", ev


def test_coercive_loan_noun_names_who_undergoes_it(nlp):
    ev = one(nlp, "Menteri itu menolak membeberkan proses deportasi Abdul Rahman .", "COERCE")
    assert ev["target_text"] == "Abdul Rahman" and ev["source_text"] is None, ev


def test_demonstrative_nominal_with_an_agent_of_its_own_is_coded(nlp):
    ev = one(nlp, "Kecaman itu disampaikan Menteri Luar Negeri Retno Marsudi di Jakarta .", "ACCUSE")
    assert ev["source_text"].endswith("Retno Marsudi"), ev


def test_passives_joined_by_dan_share_their_agent(nlp):
    ev = one(nlp, "Para demonstran ditangkap dan dibawa ke markas oleh aparat keamanan .", "COERCE")
    assert ev["source_text"].startswith("aparat") and "demonstran" in ev["target_text"], ev


def test_role_after_sebagai_and_apposition_after_the_addressee(nlp):
    ev = one(nlp, "Kementerian Sosial sebagai penyelenggara menanggung biaya pengobatan korban .", "AID")
    assert ev["source_text"] == "Kementerian Sosial", ev
    ev = one(nlp, "Ia mendesak Jepang , sekutu terdekat Amerika , untuk menekan Korea Utara .", "REQUEST")
    assert ev["target_text"] == "Jepang", ev

def test_attack_without_author_takes_its_victims_as_target(nlp):
    ev = one(nlp, "Warga berduka atas serangan bom yang menewaskan tiga tentara Irak di Mosul .", "ASSAULT")
    assert ev["source_text"] is None and "tentara" in ev["target_text"], ev


def test_possessor_of_a_nominal_comes_before_its_with_word(nlp):
    ev = one(nlp, "Ajakan Gubernur Anies Baswedan kepada warga untuk menanam pohon disambut baik .", "REQUEST")
    assert ev["source_text"].endswith("Anies Baswedan") and ev["target_text"] == "warga", ev

def test_place_named_after_an_event_is_no_event(nlp):
    assert not [e for e in events(nlp, "Polisi menjaga lokasi penembakan Budi di Jalan Sudirman .")
                if e["type"] == "ASSAULT"]


def test_attorney_general_is_judicial_not_military():
    from kabar.events.actors import codes_in

    assert codes_in("Attorney General") == (None, "JUD")
    assert codes_in("Jaksa Agung") == (None, "JUD")
    assert codes_in("General") == (None, "MIL")


def test_dirinya_is_the_person_named_before_and_a_lone_nya_is_no_actor(nlp):
    ev = one(nlp, "Kapolri Tito Karnavian mengungkapkan Presiden Jokowi meminta dirinya mengusut kasus itu .", "REQUEST")
    assert (ev["source_text"], ev["target_text"]) == ("Presiden Jokowi", "Kapolri Tito Karnavian"), ev
    ev = one(nlp, "Kunjungannya ke Malaysia berlangsung dua hari .", "CONSULT")
    assert (ev["source_text"], ev["target_text"]) == (None, "Malaysia"), ev


def test_ministry_field_after_bidang_stays_in_the_title(nlp):
    ev = one(nlp, "Menteri Koordinator bidang Perekonomian Darmin Nasution bertemu dengan Gubernur BI .", "CONSULT")
    assert ev["source_text"] == "Menteri Koordinator bidang Perekonomian Darmin Nasution", ev


def test_dictionary_word_opening_a_sentence_before_a_name_is_a_given_name(nlp):
    ev = one(nlp, "Budi Gunawan bertemu dengan Kapolri Tito Karnavian di Jakarta .", "CONSULT")
    assert ev["source_text"] == "Budi Gunawan", ev
    ev = one(nlp, "Kebijakan Trump dikecam Presiden Prancis Emmanuel Macron .", "ACCUSE")
    assert ev["target_text"] == "Trump", ev


@pytest.mark.parametrize("text,etype,source,target", [
    ("\" Kami belum memutuskan , \" kata Emil saat berkunjung ke Gedung Sate , Bandung , Kamis .", "CONSULT",
     "Emil", "Gedung Sate"),
    ("Tim KBRI Tokyo telah mengunjungi kantor polisi itu , tetapi belum bisa menemui kedua mahasiswa tersebut .",
     "CONSULT", "Tim KBRI Tokyo", "mahasiswa"),
    ("Usai menemui Presiden Jokowi di Istana , Ketua Umum PAN Zulkifli Hasan mengatakan partainya tetap solid .",
     "CONSULT", "Ketua Umum PAN Zulkifli Hasan", "Presiden Jokowi"),
])
def test_clause_without_its_own_subject_shares_one(nlp, text, etype, source, target):
    ev = [e for e in events(nlp, text) if e["type"] == etype][-1]
    assert (ev["source_text"], ev["target_text"]) == (source, target), ev


@pytest.mark.parametrize("text,etype,source,target", [
    # a clause shared through 'untuk ... , dan' takes the subject before its verb, not an object
    ("Kelompok Hamas memberi Israel waktu dua hari untuk membebaskan para tahanan , dan memperingatkan negara itu "
     "akan menanggung akibatnya .", "THREATEN", "Kelompok Hamas", "negara"),
    # a clause that opens with its verb before a comma has the subject after the comma
    ("Ditahan selama dua tahun , Rizal akhirnya pulang setelah menerima pembebasan bersyarat .", "RETREAT", None,
     "Rizal"),
    # a place between commas before another place is no subject
    ("Polres Labuhanbatu , Rantau Prapat , Sumatera Utara , menangkap dua pencuri .", "COERCE", "Polres Labuhanbatu",
     "pencuri"),
    # 'A bersama B' in a joint action: B is the other party
    ("Kementerian Luar Negeri bersama Kementerian Pertahanan melakukan koordinasi soal perbatasan .", "CONSULT",
     "Kementerian Luar Negeri", "Kementerian Pertahanan"),
    ("Kapolri mengimbau pihak-pihak yang berseteru menahan diri .", "REQUEST", "Kapolri", "pihak-pihak"),
    ("Nenek itu ditangkap polisi karena mencuri kayu .", "COERCE", "polisi", "Nenek"),
    # 'dimana' opens a clause with its own subject
    ("Hasil itu muncul dalam survei yang digelar Mei , dimana mayoritas warga Skotlandia menolak referendum .",
     "REJECT", "warga Skotlandia", None),
    # an active verb after 'karena' has the main clause's object as subject
    ("Polisi menangkap Budi , warga Cileungsi , karena menganiaya seorang pedagang .", "ASSAULT", "Budi", "pedagang"),
    # 'membuat X ... untuk V': X would do V
    ("Kritik itu belum membuat Setya Novanto tergerak untuk mengundurkan diri dari jabatannya .", "RETREAT",
     "Setya Novanto", None),
    # an abbreviation in brackets and counting words stand between a noun and its possessor
    ("Wali Kota Batu Eddy Rumpoko kena operasi tangkap tangan ( OTT ) KPK di rumah dinasnya .", "COERCE", "KPK",
     "Wali Kota Batu Eddy Rumpoko"),
    ("KPK menggelar operasi tangkap tangan ( OTT ) Bupati Pamekasan Achmad Syafii .", "COERCE", "KPK",
     "Bupati Pamekasan Achmad Syafii"),
    ("Pemerintah Israel mengabaikan tuntutan para tahanan Palestina .", "REQUEST", "tahanan Palestina", None),
    ("Calon gubernur itu mendapat dukungan Partai Golkar .", "SUPPORT", "Partai Golkar", "gubernur"),
    # verbs that carry an act on, and 'sepakat dengan X bahwa'
    ("Presiden Jokowi memperkuat kerja sama dengan Australia .", "COOPERATE", "Presiden Jokowi", "Australia"),
    ("Kami sudah bersepakat dengan pemerintah Indonesia bahwa kunjungan ini tidak akan mengganggu warga .", "AGREE",
     "Kami", "pemerintah Indonesia"),
    # telling someone to act, the addressee between the verb and 'agar'
    ("Ketua MPR menyampaikan kepada Presiden agar pemerintah menunda kenaikan harga BBM .", "REQUEST", "Ketua MPR",
     "Presiden"),
    # a kin noun before a name is an actor, and the name after its comma is the one meant
    ("Tak hanya Prabowo , SBY juga bertemu dengan putra sulung Prabowo , Didit Hediprasetyo .", "CONSULT", "SBY",
     "Didit Hediprasetyo"),
    # the target after a possessor's named apposition
    ("Aksi penolakan kedatangan Ketua DPR RI , Fahri Hamzah , ke Manado berlangsung ricuh .", "CONSULT",
     "Ketua DPR RI", "Manado"),
    # plain words after an actor word modify it; an actor inside a noun phrase does not head it
    ("Nenek penjual sayur itu ditangkap petugas Satpol PP .", "COERCE", "petugas Satpol PP", "Nenek"),
    ("Dua pelaku pembunuhan keluarga Sutrisno ditangkap polisi .", "COERCE", "polisi", "pelaku"),
    # a place inside the phrase of an earlier target preposition is no target
    ("Jokowi melapor penolakan Pemerintah AS atas rencana kunjungan ke negara itu .", "REJECT", "Pemerintah AS", None),
    ("Indonesia mengecam Israel atas rencana pembangunan di Yerusalem .", "ACCUSE", "Indonesia", "Israel"),
    # who 'mendekam di penjara' is the one held
    ("Mantan Ketua DPR Setya Novanto kini mendekam di Lapas Sukamiskin .", "COERCE", None,
     "Mantan Ketua DPR Setya Novanto"),
    ("Kedua tersangka kini mendekam di sel tahanan Polres Bogor .", "COERCE", None, "tersangka"),
    # the name after an office's place between commas is the one meant
    ("Komisi Pemberantasan Korupsi ( KPK ) menahan Bupati Hulu Sungai Tengah , Kalimantan Selatan , Abdul Latif , "
     "kemarin .", "COERCE", "Komisi Pemberantasan Korupsi ( KPK )", "Abdul Latif"),
    # an actor inside an apposition of plain words is not the subject
    ("Sri Sukowati , seorang agen First Travel , juga mendatangi Bareskrim karena merasa jadi korban .", "CONSULT",
     "Sri Sukowati", "Bareskrim"),
    # a noun after a preposition is no subject that blocks the verb's own
    ("Ratusan warga berkumpul di masjid menolak pembangunan pabrik semen .", "REJECT", "Ratusan warga", None),
    # a noun that looks prefixed ("beras", rice) does not end the object phrase
    ("Ketua DPR Bambang Soesatyo mengkritik kebijakan impor beras yang diambil pemerintah .", "ACCUSE",
     "Ketua DPR Bambang Soesatyo", "pemerintah"),
    # an actor noun with the possessive -nya is an actor; a state's ('negaranya') points back and is none
    ("Partai Demokrat memecat kadernya yang terlibat korupsi .", "COERCE", "Partai Demokrat", "kadernya"),
    # a demand named as what is rejected was made to the one who rejects it, and named after its comma
    ("Presiden Afrika Selatan Jacob Zuma menolak desakan mundur dari partainya , Kongres Nasional Afrika ( ANC ) .",
     "REQUEST", "Kongres Nasional Afrika ( ANC )", "Presiden Afrika Selatan Jacob Zuma"),
    ("Pemerintah Malaysia menolak tuntutan para demonstran .", "REJECT", "Pemerintah Malaysia", "demonstran"),
    # the abbreviation in brackets as the trigger, and a ter- passive
    ("Ketua KPK mengatakan Operasi Tangkap Tangan ( OTT ) Bupati Klaten Sri Hartini terkait suap jabatan .", "COERCE",
     None, "Bupati Klaten Sri Hartini"),
    ("Polisi memastikan Andi tertangkap di Bandung .", "COERCE", None, "Andi"),
    # asking that someone be treated some way names no addressee
    ("Ketua Komisi III meminta para koruptor dihukum seberat-beratnya .", "REQUEST", "Ketua Komisi III", None),
    ("Pihak Kepolisian Daerah ( Polda ) Metro Jaya meminta sidang Ahok untuk ditunda .", "REQUEST",
     "Pihak Kepolisian Daerah ( Polda ) Metro Jaya", None),
    # English particles inside an organisation's name
    ("Center for Indonesia Taxation Analysis ( CITA ) mendukung DPR untuk mengesahkan Perppu itu .", "SUPPORT",
     "Center for Indonesia Taxation Analysis ( CITA )", "DPR"),
    # a description with 'berinisial' before the age is no clause of its own
    ("Turis berinisial JT ( 29 ) , warga negara Australia diamankan petugas Bea Cukai di Bandara Ngurah Rai .",
     "COERCE", "petugas Bea Cukai", "JT"),
])
def test_sources_and_targets(nlp, text, etype, source, target):
    ev = one(nlp, text, etype)
    assert (ev["source_text"], ev["target_text"]) == (source, target), ev


@pytest.mark.parametrize("text,source,target", [
    ("Tiga tentara Irak tewas dalam serangan itu .", None, "tentara Irak"),
    ("Dua polisi yang terluka dalam serangan bom di Kampung Melayu dirawat di rumah sakit .", None, "polisi"),
    ("Seorang komandan Taliban terbunuh dalam serangan udara Amerika Serikat di Helmand .", "Amerika Serikat",
     "Taliban"),
    ("Polres Medan menangkap dua pelaku pembunuhan pengusaha asal Binjai .", "pelaku", "pengusaha asal Binjai"),
])
def test_attack_noun_takes_its_victims_and_perpetrators_from_the_clause(nlp, text, source, target):
    ev = one(nlp, text, "ASSAULT")
    assert (ev["source_text"], ev["target_text"]) == (source, target), ev


def test_yang_bersangkutan_is_a_pronoun(nlp):
    ev = one(nlp, "Yang bersangkutan diperiksa sebagai saksi oleh penyidik KPK .", "ACCUSE")
    assert (ev["source_text"], ev["target_text"]) == ("penyidik KPK", "Yang bersangkutan"), ev


@pytest.mark.parametrize("text,source,target", [
    ("Presiden Jokowi dijadwalkan bertemu dengan Perdana Menteri Malaysia di Bogor .", "Presiden Jokowi",
     "Perdana Menteri Malaysia"),
    ("Rencana kunjungan Raja Salman ke Indonesia disambut gembira .", "Raja Salman", "Indonesia"),
    ("China menawarkan kerja sama maritim kepada Filipina .", "China", "Filipina"),
])
def test_scheduled_planned_or_offered_cooperation_is_agree(nlp, text, source, target):
    ev = one(nlp, text, "AGREE")
    assert (ev["source_text"], ev["target_text"], ev["hypothetical"] or ev["cameo"] == "030") == (source, target, True)


def test_purpose_clause_after_a_fronted_clause_takes_the_main_subject(nlp):
    text = ("Sebelum pasukan Korea Utara dikirim ke Rusia , Presiden Rusia Vladimir Putin tiba di Pyongyang pekan "
            "lalu untuk bertemu dengan Kim Jong Un .")
    meet = [e for e in events(nlp, text) if e["cameo"] == "040"]
    assert [(e["source_text"], e["target_text"]) for e in meet] == [("Presiden Rusia Vladimir Putin", "Kim Jong Un")]


def test_dependency_parse_is_used_when_present(monkeypatch):
    """With a parser in the pipeline its nsubj/obj/obl:agent fill what word order leaves open;
    with PARSE_FIRST they lead."""
    import spacy
    from spacy.tokens import Doc

    from kabar.events import coder
    from kabar.events.coder import Coder
    from kabar.nlp.extensions import init_doc

    monkeypatch.setattr(coder, "PARSE_FIRST", True)

    vocab = spacy.blank("id").vocab
    # "Perjanjian itu ditandatangani oleh Kim dan Putin di Pyongyang ."
    words = ["Perjanjian", "itu", "ditandatangani", "oleh", "Kim", "dan", "Putin", "di", "Pyongyang", "."]
    heads = [2, 0, 2, 4, 2, 6, 4, 8, 2, 2]
    deps = ["nsubj:pass", "det", "ROOT", "case", "obl:agent", "cc", "conj", "case", "obl", "punct"]
    doc = init_doc(Doc(vocab, words=words, heads=heads, deps=deps))
    [ev] = Coder().code(doc)
    assert "via parse" in ev["rule"]
    assert ev["type"] == "SUPPORT" and ev["cameo"] == "057"
    assert ev["source_text"] == "Kim" and ev["location_text"] == "Pyongyang"


def test_kb_positions_give_actor_codes():
    from kabar.events.actors import code_from_entity
    from kabar.report import Entity

    putin = Entity("e1", "Vladimir Putin", "PERSON", extra={"positions": ["President of Russia"]})
    kim = Entity("e2", "Kim Jong Un", "PERSON", extra={"country": "PRK", "positions": ["Leader of North Korea"]})
    army = Entity("e3", "Tatmadaw", "ORG", extra={"kb": {"country": "MM"}}, titles=["militer Myanmar"])
    assert code_from_entity(putin) == ("RUS", "GOV")
    assert code_from_entity(kim) == ("PRK", "GOV")
    assert code_from_entity(army) == ("MMR", "MIL")


@pytest.mark.parametrize("text,etype,mode,source,target", [
    ("Presiden Filipina meminta maaf kepada Presiden Joko Widodo atas insiden itu .",
     "CONCEDE", None, "Presiden Filipina", "Presiden Joko Widodo"),
    ("Bekas gubernur itu divonis lima tahun penjara oleh majelis hakim Pengadilan Tipikor .",
     "SANCTION", "convict", "hakim Pengadilan Tipikor", "gubernur"),
    ("Partai Golkar berselisih dengan Partai Demokrat soal kursi ketua DPR .",
     "ACCUSE", "disapprove", "Partai Golkar", "Partai Demokrat"),
])
def test_apology_sentence_and_dispute_follow_the_plover_manual(nlp, text, etype, mode, source, target):
    """Regret is CONCEDE, a court's sentence SANCTION/convict, a dispute without violence ACCUSE."""
    ev = one(nlp, text, etype)
    assert (ev["mode"], ev["source_text"], ev["target_text"]) == (mode, source, target)


def test_demanding_an_apology_is_a_request_not_an_apology(nlp):
    evs = events(nlp, "TNI pun meminta AS melayangkan permintaan maaf atas penolakan itu .")
    assert [(e["type"], e["source_text"], e["target_text"]) for e in evs] == [("REQUEST", "TNI", "AS")]


def test_discussing_with_a_partner_is_consult_and_the_object_is_the_topic(nlp):
    ev = one(nlp, "Ryamizard juga membicarakan persoalan ISIS dengan Menteri Pertahanan Selandia Baru Mark Mitchell .",
             "CONSULT")
    assert (ev["source_text"], ev["target_text"]) == ("Ryamizard", "Menteri Pertahanan Selandia Baru Mark Mitchell")
    assert events(nlp, "Pemerintah membahas anggaran itu dengan serius .") == []


@pytest.mark.parametrize("text,etype,cameo,source,target", [
    ("Warga Rohingya itu mengajukan permohonan suaka kepada pemerintah Australia .",
     "REQUEST", "100", "Warga Rohingya", "pemerintah Australia"),
    ("TNI AL menggelar latihan bersama dengan Angkatan Laut Amerika Serikat di Laut Jawa .",
     "COOPERATE", "062", "TNI AL", "Angkatan Laut Amerika Serikat"),
    ("DPR menyetujui usulan pemerintah soal anggaran pertahanan .", "SUPPORT", "051", "DPR", "pemerintah"),
    ("Fadli Zon menyoroti kebijakan impor beras yang diambil pemerintah .", "ACCUSE", "111", "Fadli Zon", "pemerintah"),
])
def test_asylum_joint_exercise_approval_and_criticism(nlp, text, etype, cameo, source, target):
    """Asking asylum is REQUEST, a joint exercise COOPERATE (not a show of force), approving a plan
    SUPPORT of its owner, singling out a policy ACCUSE of its owner."""
    ev = one(nlp, text, etype)
    assert (ev["cameo"], ev["source_text"], ev["target_text"]) == (cameo, source, target)


@pytest.mark.parametrize("text,etype,source,target", [
    ("Pengacara itu melaporkan penyidik ke Propam Polri .", "ACCUSE", "Pengacara", "penyidik"),
    ("Anggota DPRD Jawa Timur mengkritik camat yang menolak bantuan itu .", "ACCUSE", "Anggota DPRD Jawa Timur", "camat"),
    ("Kepala desa itu ditangkap polisi karena korupsi dana desa .", "COERCE", "polisi", "Kepala desa"),
])
def test_local_officials_lawyers_and_regional_legislators_are_actors(nlp, text, etype, source, target):
    ev = one(nlp, text, etype)
    assert (ev["source_text"], ev["target_text"]) == (source, target)


def test_complaint_targets_the_accused_not_the_police_and_a_split_police_name_does_not_crash(nlp):
    ev = one(nlp, "Mereka melapor ke polisi atas tindakan Bupati Klaten .", "ACCUSE")
    assert ev["target_text"] == "Bupati Klaten"
    # the with word 'mabes' stands between 'ke' and the actor 'polri'
    assert one(nlp, "Kami akan melaporkan dugaan penyimpangan ini ke mabes polri .", "ACCUSE")["hypothetical"]


def test_a_promise_targets_the_object_of_the_verb_it_introduces_unless_made_jointly(nlp):
    ev = one(nlp, "Rusia berkomitmen membantu Suriah memerangi terorisme .", "AGREE")
    assert (ev["source_text"], ev["target_text"]) == ("Rusia", "Suriah")
    ev = one(nlp, "Pemerintah Indonesia dan Pemerintah Malaysia bersepakat membantu warga Rohingya .", "AGREE")
    assert ev["target_text"] == "Pemerintah Malaysia"
    assert one(nlp, "Pemerintah setuju untuk menaikkan anggaran pertahanan .", "AGREE")["source_text"] == "Pemerintah"


def test_counted_pronouns_are_actors(nlp):
    """'ketiganya' (the three of them) refers back like 'keduanya'."""
    ev = one(nlp, "Polisi mengatakan , ketiganya ditangkap di sebuah hotel di Bandung .", "COERCE")
    assert ev["target_text"] == "ketiganya"


def test_time_and_manner_words_before_a_verb_are_no_subject(nlp):
    ev = one(nlp, "Ndii bersuara lantang mengkritik Kenyatta atas pemilu ulang itu .", "ACCUSE")
    assert (ev["source_text"], ev["target_text"]) == ("Ndii", "Kenyatta")


@pytest.mark.parametrize("text,etype,target", [
    ("Kami minta kepada Pak Gubernur untuk segera menertibkan pasar itu , \" kata Ketua DPRD .", "REQUEST", "Pak Gubernur"),
    ("Saya minta maaf kepada Presiden atas ucapan saya .", "CONCEDE", "Presiden"),
])
def test_spoken_bare_minta_asks_and_apologises(nlp, text, etype, target):
    """Quotes use the bare 'minta'; the longer 'minta maaf' wins over the request."""
    ev = one(nlp, text, etype)
    assert ev["target_text"] == target and len(events(nlp, text)) == 1


def test_caught_in_a_sting_is_the_target_of_its_author(nlp):
    ev = one(nlp, "Wali Kota Batu Eddy Rumpoko terjaring OTT KPK di rumah dinasnya .", "COERCE")
    assert (ev["source_text"], ev["target_text"]) == ("KPK", "Wali Kota Batu Eddy Rumpoko")


def test_help_asked_for_is_a_request_not_aid(nlp):
    evs = events(nlp, "Pemerintah Filipina mengajukan permintaan bantuan militer kepada Amerika Serikat .")
    assert [(e["type"], e["source_text"], e["target_text"]) for e in evs] == [
        ("REQUEST", "Pemerintah Filipina", "Amerika Serikat")]


def test_the_field_of_a_cooperation_is_no_second_event(nlp):
    evs = events(nlp, "Penyidikan itu dilakukan berdasarkan kerja sama bantuan hukum antara pemerintah Indonesia dan Filipina .")
    assert [(e["type"], e["source_text"], e["target_text"]) for e in evs] == [
        ("COOPERATE", "pemerintah Indonesia", "Filipina")]


def test_a_promised_act_is_the_promise_not_a_second_event(nlp):
    """Guidelines: an intended cooperative act is AGREE; named twice in one sentence, it is one event."""
    evs = events(nlp, "Menteri Luar Negeri berjanji memberikan bantuan kepada Palestina .")
    assert [(e["type"], e["source_text"], e["target_text"]) for e in evs] == \
        [("AGREE", "Menteri Luar Negeri", "Palestina")], evs
    arrest = one(nlp, "Polisi berjanji menangkap pelaku penembakan itu .", "COERCE")
    assert arrest["hypothetical"], arrest


@pytest.mark.parametrize("text,cameo", [
    ("Jepang bertekad mengirim bantuan kemanusiaan ke Myanmar .", "033"),
    ("Kedua pemimpin berikrar memperkuat kerja sama pertahanan .", "030"),
])
def test_resolve_and_pledge_are_intent_to_cooperate(nlp, text, cameo):
    ev = one(nlp, text, "AGREE")
    assert ev["cameo"] == cameo, ev
    assert not [e for e in events(nlp, text) if e["type"] in {"AID", "COOPERATE"}]


@pytest.mark.parametrize("text,source,target", [
    ("Polisi menyebut pria itu terlibat dalam serangan teror di Thamrin .", "pria", None),
    ("Dua anggota TNI diduga terlibat penganiayaan terhadap warga .", "anggota TNI", "warga"),
])
def test_taking_part_in_an_attack_makes_the_subject_its_author(nlp, text, source, target):
    ev = one(nlp, text, "ASSAULT")
    assert (ev["source_text"], ev["target_text"]) == (source, target), ev


@pytest.mark.parametrize("text", [
    "Mantan menteri itu kini mendekam di balik jeruji besi .",
    "Aktivis itu akhirnya berakhir di terali besi .",
])
def test_ending_up_behind_bars_is_custody_of_the_subject(nlp, text):
    ev = one(nlp, text, "COERCE")
    assert ev["cameo"] == "173" and ev["target_text"] in {"Mantan menteri", "Aktivis"}, ev
    assert not events(nlp, "Masa jabatan Bupati berakhir pada bulan depan .")


def test_under_surveillance_is_investigation_of_the_subject(nlp):
    ev = one(nlp, "Aktivis itu berada di bawah pantauan aparat keamanan .", "ACCUSE")
    assert (ev["cameo"], ev["target_text"]) == ("090", "Aktivis") and ev["source_text"].startswith("aparat"), ev
    assert not events(nlp, "Harga beras terus dipantau pemerintah .")


def test_obeying_a_ruling_is_concede_and_promising_to_obey_is_agree(nlp):
    done = one(nlp, "Partai Golkar patuh pada putusan Mahkamah Agung .", "CONCEDE")
    promised = one(nlp, "Partai Golkar akan patuh pada putusan Mahkamah Agung .", "AGREE")
    assert done["cameo"] == "080" and promised["cameo"] == "035" and promised["hypothetical"], (done, promised)
    assert not events(nlp, "Warga harus patuh pada aturan lalu lintas .")  # a law or rule is no actor's decision


def test_held_as_a_prisoner_of_an_authority_is_its_arrest(nlp):
    ev = one(nlp, "Bupati itu resmi menjadi tahanan Kejaksaan Agung sejak Senin .", "COERCE")
    assert (ev["cameo"], ev["source_text"], ev["target_text"]) == ("173", "Kejaksaan Agung", "Bupati"), ev


@pytest.mark.parametrize("text,source,target", [
    ("KPK menduga Bupati Klaten Sri Hartini menerima suap dari kontraktor .", "KPK", "Bupati Klaten Sri Hartini"),
    ("Jaksa menduga terdakwa berbohong di persidangan .", "Jaksa", "terdakwa"),
])
def test_suspecting_someone_of_wrongdoing_is_an_allegation(nlp, text, source, target):
    ev = one(nlp, text, "ACCUSE")
    assert (ev["cameo"], ev["source_text"], ev["target_text"]) == ("112", source, target), ev


def test_suspecting_a_plain_fact_is_no_allegation(nlp):
    assert not [e for e in events(nlp, "Polisi menduga pelaku sudah kabur ke luar kota .") if e["type"] == "ACCUSE"]


@pytest.mark.parametrize("text,etype,source,target", [
    ("Sekelompok hacker menyerang situs Komisi Pemilihan Umum .", "ASSAULT", "hacker", "Komisi Pemilihan Umum"),
    ("Mahkamah Konstitusi menolak permohonan pemohon .", "REJECT", "Mahkamah Konstitusi", "pemohon"),
    ("Pemerintah memberikan bantuan kepada para veteran .", "AID", "Pemerintah", "veteran"),
    ("Koalisi pimpinan Arab Saudi menyerang Sanaa .", "ASSAULT", "Koalisi pimpinan Arab Saudi", "Sanaa"),
])
def test_hackers_petitioners_veterans_and_coalitions_are_actors(nlp, text, etype, source, target):
    ev = one(nlp, text, etype)
    assert (ev["source_text"], ev["target_text"]) == (source, target), ev


@pytest.mark.parametrize("text,target", [
    ("Polda Metro Jaya akan memanggil Firza Husein terkait percakapan itu .", "Firza Husein"),
    ("Kejaksaan memanggil mantan Dirut Pertamina dalam kasus korupsi .", "Dirut Pertamina"),
])
def test_a_summons_about_a_case_is_an_investigation(nlp, text, target):
    """Guidelines: 'akan memanggil X terkait ...' is ACCUSE/investigate, the one summoned the target."""
    ev = one(nlp, text, "ACCUSE")
    assert (ev["cameo"], ev["target_text"]) == ("090", target), ev


# --- the seed article -------------------------------------------------------------------

def _names(report, ev):
    name = lambda i: report.entity(i).name if i and report.entity(i) else None  # noqa: E731
    return name(ev["source"]), name(ev["target"])


def test_seed_article_events(seed_report):
    r = seed_report
    evs = r.events
    keys = {"type", "mode", "cameo", "source", "target", "date", "location", "negated", "hypothetical",
            "sentence", "trigger", "confidence"}
    assert evs and all(keys <= set(e) for e in evs)
    got = {(e["type"], e["cameo"], *_names(r, e), e["date"]) for e in evs}
    departure = [g for g in got if g[:2] == ("CONSULT", "042") and g[3] == "Rusia" and g[4] == "2024-07-08"]
    signing = [g for g in got if g[:2] == ("SUPPORT", "057") and {g[2], g[3]} == {"Kim Jong Un", "Vladimir Putin"}]
    visit = [g for g in got if g[:2] == ("CONSULT", "042") and g[2] == "Vladimir Putin" and g[3] in {"Korea Utara", "Pyongyang"}]
    kim_support = [g for g in got if g[0] == "SUPPORT" and g[2] == "Kim Jong Un" and g[3] == "Rusia"]
    praise = [e for e in evs if e["trigger"]["text"] == "memuji" and _names(r, e) == ("Vladimir Putin", "Kim Jong Un")]
    assert departure and signing and visit and kim_support and praise, got


# --- command line -----------------------------------------------------------------------

def test_cli_explain_shows_rule_and_event():
    out = subprocess.run(
        [sys.executable, "-m", "kabar", "events", "explain", "Tentara Israel menyerang Gaza."],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "conflict.yaml" in out.stdout and "ASSAULT (CAMEO 190" in out.stdout
    assert "Tentara Israel [ISR MIL] -> Gaza [PSE]" in out.stdout


def test_cli_explain_rejects_empty_text():
    out = subprocess.run([sys.executable, "-m", "kabar", "events", "explain", "  "],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode != 0 and "empty" in out.stderr
