"""Source, target and place of a trigger: from the dependency parse when there is one, else
from surface rules over the actor phrases and prepositions of the sentence.

Surface rules, in Indonesian word order (SVO, passives with di- and "oleh"):
- active verb: the source is the nearest actor to the left in the same clause that is not an
  oblique ("di/ke/oleh X"), not inside a relative clause ("yang dipimpin oleh X") and not an
  apposition (", presiden Y,"); "A dan B" makes both sources. The target is the actor after the
  trigger's preposition ("bertemu dengan X"), else its object.
- passive verb: the subject on the left is the target, "oleh X" (or X right after) the source.
- nominalisation: "kunjungan Putin ke Korea Utara": the actor right after is the source, but
  "penangkapan Rizieq" (peN-an of a coercive verb) names the target; after a light verb
  ("menyatakan dukungan") the light verb's subject is the source; after "menerima/mendapat"
  ("mendapat dukungan dari X") the roles swap; after "mohon" nothing is coded.
- a subject that is no actor ("penerimanya mendukung") blocks the search: no source rather
  than a wrong one.
Every choice is written to `trace`, which `kabar events explain` prints.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

from kabar.events.actors import CALENDAR as CALENDAR_WORDS
from kabar.events.actors import Actor

PREPS = {
    "di", "ke", "dari", "dengan", "oleh", "dalam", "untuk", "terhadap", "kepada", "bagi", "pada",
    "atas", "antara", "bersama", "menurut", "tentang", "mengenai", "soal", "seperti",
    "melawan", "menuju", "tanpa", "via", "melalui", "sebagai", "terkait", "kecuali",
}
DEFAULT_TARGET_PREPS = ("ke", "kepada", "terhadap", "dengan", "atas", "bagi", "pada")
DEFAULT_PREP_REACH = 6  # a default preposition's target must come this close to the trigger
# A new clause with its own subject starts after these.
CLAUSE_BREAKS = {
    "setelah", "sebelum", "sejak", "ketika", "saat", "bahwa", "karena", "sehingga", "agar",
    "supaya", "namun", "tetapi", "tapi", "sementara", "meski", "meskipun", "walaupun", "jika",
    "apabila", "kalau", "bila", "sedangkan", "yakni", "yaitu", "padahal", "hingga", "usai",
    "seusai", "selagi", "sebab", "akibat", "lantaran", "mengingat", "kala", "tatkala", "sewaktu", "manakala", ";", ":", "“", "”", '"',
    "kapan", "apakah", "mengapa", "bagaimana", "siapa",  # an embedded question has its own subject
    "dimana",  # "survei yang digelar April , dimana 54 persen warga Inggris menolak": a clause of its own
}
# "Ia menggendong bayi sebelum melakukan serangan": a time clause that opens with its verb
# has the subject of the clause before.
TEMPORAL = {"sebelum", "setelah", "sesudah", "usai", "seusai", "sesaat", "sejak", "selama", "saat", "ketika", "kala",
            "tatkala", "sewaktu"}
# "terluka akibat diserang": a passive after a cause word has the subject of the clause before
# (an active verb there often has the object's: "menangkap Andi karena menganiaya").
CAUSAL = {"akibat", "karena", "lantaran"}
# After these the verb shares the subject of the clause before ("tiba di X untuk bertemu").
SHARED_SUBJECT = {"untuk", "guna", "dan", "lalu", "kemudian", "serta", "sambil", "seraya", "sekaligus"}
LIGHT_VERBS = {
    "menyatakan", "memberikan", "memberi", "menyampaikan", "melakukan", "mengadakan", "menggelar",
    "melancarkan", "melayangkan", "mengungkapkan", "menunjukkan", "mengajukan", "menjatuhkan",
    "melepas", "melepaskan", "mengucurkan", "berbalas", "membalas", "sampaikan", "menerbitkan",
    "mengeluarkan",
    "terlibat",  # "terlibat (dalam) serangan teror": the subject took part in the act the noun names
    # verbs that carry on an act named by the noun after them: "meningkatkan kerja sama dengan X"
    "melanjutkan", "meningkatkan", "memperkuat", "mempererat", "memperluas", "memulai", "melangsungkan",
    "mengucapkan", "mendeklarasikan", "menyuarakan",  # "mengucapkan terima kasih kepada X", "mendeklarasikan dukungan"
}
RECEIVE_VERBS = {"menerima", "mendapat", "mendapatkan", "memperoleh", "meraih", "menuai", "mengantongi", "kena",
                 "terkena", "terjaring"}  # "X terjaring operasi tangkap tangan KPK": X undergoes KPK's act
# "mohon dukungan X": support asked for is not support given.
ASK_VERBS = {"mohon", "memohon", "meminta", "minta", "mengharapkan", "berharap", "butuh", "membutuhkan", "menggalang",
             "permintaan", "permohonan"}  # "permintaan bantuan KPK": help asked of KPK, not given
# Verbs whose object is asked or told to do what the clause after "untuk/agar" says.
DIRECTIVE_VERBS = {
    "meminta", "mendesak", "mengimbau", "mendorong", "menyerukan", "memerintahkan", "mengingatkan",
    "menginstruksikan", "menyuruh", "mengajak", "menuntut", "memaksa", "mewajibkan", "menugaskan", "mengizinkan",
}
# Words that may stand between a subject and its verb: "Putin baru-baru ini mengunjungi".
PREVERBAL = {"baru-baru", "ini", "kemarin", "pada", "hari", "sebelumnya", "kini", "selalu", "sering",
             "hanya", "pula", "lagi", "mulai", "segera", "justru", "memang", "sendiri", "itu", "tersebut",
             "begitu", "saja", "sama", "sekali", "sangat", "semakin", "aktif", "tegas", "terbuka",
             "kembali", "akhirnya", "selama", "bersama-sama", "saling", "turut", "ikut", "malah", "pun", "nekat",
             "(", ")", "/", "-", "–"}
ANAPHORIC = {"tersebut", "itu", "ini"}
PURPOSE = {"untuk", "guna", "agar", "supaya"}
DASHES = {"-", "–", "—", "--"}
DATELINE_REACH = 8  # a dash this near the start of a sentence ends its dateline
# After these, listed actors are examples of the one before ("senator, seperti A, B dan C").
LIST_OPENERS = {"yang", "seperti", "termasuk", "antaranya"}
# "Polisi menyebut seorang penjaga kuil ... membunuh": what follows a verb of saying is a clause
# with its own subject, else the sayer's ("Ia mengatakan akan datang").
SAY_VERBS = {"mengatakan", "menyebut", "menyebutkan", "menilai", "menegaskan", "menjelaskan", "mengungkapkan",
             "memastikan", "menduga", "mengklaim", "melaporkan"}
SAY_WORDS = {"kata", "ujar", "tutur", "ucap", "ungkap", "jelas", "tegas", "menurut"}
# Words allowed between a nominal event and its actor: "serangan udara AS", "kunjungan resmi Raja".
NOMINAL_MODIFIERS = {
    "resmi", "pertama", "kenegaraan", "kerja", "militer", "udara", "darat", "laut", "teror",
    "kemanusiaan", "ekonomi", "bersenjata", "balasan", "besar-besaran", "terbaru", "terakhir", "penuh",
    "surat",  # "menerbitkan surat penangkapan": a warrant is the light verb's object
}
NUMBER_WORDS = {"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "belasan",
                "puluhan", "ratusan", "ribuan", "seorang", "sejumlah", "beberapa"}
# Counting words before a passive's agent: "diserang sekelompok biksu".
QUANTIFIERS = {"sekelompok", "sejumlah", "beberapa", "seorang", "para", "segerombolan", "puluhan", "ratusan"}
# "mengancam akan menjemput paksa Yodi", "meminta mereka menghentikan", "berkomitmen membantu Suriah":
# the target of a demand, threat or promise may be the object of the verb it introduces.
COMPLEMENT_TYPES = {"THREATEN", "REQUEST", "AGREE"}
COMPLEMENT_REACH = 4
OBJECT_PHRASE_REACH = 4  # plain words between a trigger's object word and the actor that owns it
# Criticising, rejecting or backing someone's act aims at that someone: "menolak usulan DPR" targets DPR.
OBJECT_OWNER_TYPES = {"ACCUSE", "REJECT", "SUPPORT"}
OBJECT_PRONOUNS = {"mereka", "dia", "beliau", "dirinya", "yang bersangkutan"}
BETWEEN_REACH = 10  # how far after a joint action its "antara A dan B" may come
# Adverbs between a relative "yang" and its verb: "polisi yang telah menangkap".
ADVERBS = {
    "juga", "telah", "sudah", "akan", "tidak", "tak", "belum", "pun", "masih", "sempat", "kerap", "terus",
    "pernah", "baru", "sedang", "secara", "resmi", "langsung", "kemudian", "lalu", "bahkan", "tetap",
    "berhasil", "ikut", "beberapa", "kali", "berkali-kali", "tengah",
    # time and manner words before a verb: "lantas meminta", "kini dipenjara", "bersuara lantang mengkritik"
    "lantas", "kini", "nanti", "nantinya", "tadi", "lantang", "tegas", "konsisten",
}
# "penangkapan Rizieq" is Rizieq arrested, while "kunjungan Putin" is Putin visiting.
PATIENT_NOMINAL_TYPES = {"COERCE", "ASSAULT", "RETREAT", "SANCTION"}
# Who resigns acts on himself: "pengunduran diri X" names the source, "jabatan X" an office, not a target.
SELF_DIRECTED_MODES = {"resign"}
INVESTIGATORS = {"COP", "JUD"}  # "penyidikan KPK" is KPK's, "pemeriksaan Fredrich" is of Fredrich
# Joint actions: "A dan B bertemu / menandatangani perjanjian" is A with B.
RECIPROCAL = {"040", "041", "044", "045", "046", "050", "057", "060", "061", "062", "063", "064", "030", "031", "036"}


@dataclass
class Roles:
    source: Actor | None = None
    co_sources: list[Actor] = field(default_factory=list)
    target: Actor | None = None
    location: Actor | None = None
    via: str = "surface"  # surface | parse
    trace: list[str] = field(default_factory=list)
    confidence_penalty: float = 0.0
    blocked: bool = False  # the verb's subject is a word that is no actor ("demokrasi ... mengancam")
    settled: set[str] = field(default_factory=set)  # roles the surface rules left empty on purpose


class Sentence:
    """One sentence with its actors, for the rules below (token indices are sentence-relative)."""

    def __init__(self, sent, actors: list[Actor]):
        self.sent = sent
        self.base = sent.start
        self.words = [t.text.lower() for t in sent]
        dateline = _dateline_end(sent)
        if dateline is not None:  # "Merdeka.com - ...", "Jakarta , CNN Indonesia - - ...": no actor of the news
            actors = [a for a in actors if a.end - self.base > dateline]
        self.actors = actors
        self.owner = [None] * len(self.words)  # token -> actor covering it
        for a in actors:
            for i in range(a.start - self.base, a.end - self.base):
                self.owner[i] = a

    def rel(self, doc_index: int) -> int:
        return doc_index - self.base

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def is_break(self, j: int) -> bool:
        """Does token j open a new clause? "untuk" does only before a verb ("untuk bertemu"),
        not before a noun ("bantuan untuk pengungsi")."""
        w = self.words[j]
        if self.owner[j] is not None:
            return False
        if w in PURPOSE:
            return _verb_like(self.word(j + 1))
        if w in {"dan", "serta"}:  # joins clauses before a verb, noun phrases otherwise
            nxt = self.word(j + 1)
            return _verb_like(nxt) or nxt in ADVERBS or nxt in {"tidak", "tak", "belum", "akan", "bisa", "dapat"}
        if w in DASHES:  # "Jakarta , CNN Indonesia - - Presiden ...": a dateline ends
            return j == 0 or bool(self.sent[j - 1].whitespace_)
        return w in CLAUSE_BREAKS or w in SHARED_SUBJECT or w in SAY_VERBS

    def left_boundary(self, i: int) -> tuple[int, str]:
        """Start of the clause that holds token i, and the word that opened it."""
        j = i - 1
        while j >= 0:
            if self.is_break(j):
                return j + 1, self.words[j]
            j -= 1
        return 0, ""

    def right_boundary(self, i: int) -> int:
        j = i
        while j < len(self.words):
            w = self.words[j]
            if self.owner[j] is None and (w in {"yang", ","} or (self.is_break(j) and w not in {"dan", "serta"})):
                return j
            j += 1
        return len(self.words)

    def prep_before(self, a: Actor, span: int = 2) -> str | None:
        """The preposition governing an actor: "di X", "ke bandara X" (up to `span` words between)."""
        i = self.rel(a.start) - 1
        if self.word(i) == "," and i > 0 and self.owner[i - 1] is not None and (a.head_is_country or a.is_place) \
                and self.owner[i - 1].is_place | bool(self.owner[i - 1].country) | (self.word(self.rel(a.end)) == ","):
            # "di Dublin , Irlandia ,", "di Bandara Juanda , Surabaya , Jawa Timur": still after 'di'
            return self.prep_before(self.owner[i - 1], span)
        for _ in range(span + 1):
            if i < 0 or self.owner[i] is not None or self.words[i] in {",", "dan"}:
                return None
            if self.words[i] in PREPS:
                return self.words[i]
            i -= 1
        return None


def _dateline_end(sent) -> int | None:
    """Index of the dash that ends a dateline ("Manila ( ANTARA News ) -", "Merdeka.com -"):
    near the start, after capitalised words only, with a comma, a bracket or a dotted site name
    among them (so "TNI - Polri" is no dateline)."""
    for j, tok in enumerate(sent[:DATELINE_REACH]):
        if tok.text in DASHES and j > 0:
            before = sent[:j]
            plain = all(not t.is_alpha or not t.is_lower for t in before)
            marked = any(t.text in {",", "("} or ("." in t.text and t.text != ".") for t in before)
            return j if plain and marked else None
    return None


def subject(s: Sentence, anchor: int, roles: Roles, label: str = "source", shared_hops: int = 2,
            leftmost: bool = False) -> tuple[Actor | None, list[Actor]]:
    """The actor left of token `anchor` (sentence-relative) that its clause is about: the
    nearest eligible one, or in a clause before "untuk/dan" (leftmost=True) its first one."""
    start, opener = s.left_boundary(anchor)
    if opener in {"dan", "serta"} and (head := _relative_head(s, start - 2)) is not None:
        # "Sandi yang mengenakan baju dan mengenakan peci tiba": the 'dan' continues a relative clause
        roles.trace.append(f"{label} = {head.text!r}: the trigger follows a relative clause on it continued by "
                           f"{opener!r}")
        return _lead(head, coordinated(s, head, roles))
    if not leftmost:
        blocker = _plain_subject(s, start, anchor)
        if blocker is not None:
            roles.trace.append(f"no {label}: {s.words[blocker]!r} right before the trigger is a subject that is no actor")
            roles.blocked = label == "source"
            return None, []
    antecedent = _relative_antecedent(s, start, anchor)
    if antecedent is NOT_AN_ACTOR:
        roles.trace.append(f"no {label}: the trigger opens a 'yang' clause on something that is no actor")
        return None, []
    if antecedent is not None:
        roles.trace.append(f"{label} = {antecedent.text!r}: antecedent of 'yang' before the trigger")
        return _lead(antecedent, coordinated(s, antecedent, roles))
    first_yang = next((i for i in range(start, anchor) if s.words[i] in LIST_OPENERS and s.owner[i] is None), None)
    cands = [a for a in s.actors if start <= s.rel(a.start) and s.rel(a.end) <= anchor]
    named = _closing_name(s, cands, first_yang, anchor)
    if named is not None:
        roles.trace.append(f"{label} = {named.text!r}: the name between commas that closes the subject phrase")
        return named, []
    eligible = []
    for a in cands:
        i, j = s.rel(a.start), s.rel(a.end)
        if first_yang is not None and i > first_yang:
            roles.trace.append(f"skip {a.text!r}: inside a relative clause or list after {s.words[first_yang]!r}")
            continue
        prep = s.prep_before(a)
        if prep:
            roles.trace.append(f"skip {a.text!r}: oblique after {prep!r}")
            continue
        if (a.kind == "country" or (a.is_place and not a.sector)) and _modifies_noun(s, i - 1):  # "model Inggris"
            roles.trace.append(f"skip {a.text!r}: names whose {s.words[i - 1]!r} it is")
            continue
        if s.word(i - 1) in SAY_WORDS and not (leftmost and j == anchor):  # "kata Emil saat berkunjung": Emil visits
            roles.trace.append(f"skip {a.text!r}: speaker of an inserted '{s.word(i - 1)}' clause")
            continue
        if _passive_verb(s.word(i - 1)):
            roles.trace.append(f"skip {a.text!r}: agent of {s.word(i - 1)!r} before it")
            continue
        # ", presiden Universitas X ," and ", Sumatera Utara ," describe the actor before; a name does not
        describes = not s.sent[i].text[:1].isupper() or a.is_place or _before_place(s, j)
        # "Aiptu Sutisna , polisi yang menjadi sasaran ...": a described common noun is an apposition too
        closes = s.word(j) == "," or (s.word(j) == "yang" and not s.sent[i].text[:1].isupper())
        if s.word(i - 1) == "," and closes and describes and any(s.rel(c.end) <= i - 1 for c in cands if c is not a):
            roles.trace.append(f"skip {a.text!r}: apposition between commas")
            continue
        if (comma := _described_by(s, i)) is not None and s.word(j) == "," \
                and any(s.rel(c.end) <= comma for c in cands if c is not a):
            roles.trace.append(f"skip {a.text!r}: inside an apposition (', seorang agen {a.text} ,')")
            continue
        if s.word(i - 1) == "," and not s.sent[i].text[:1].isupper() and _named_before_comma(s, cands, start, i - 1) \
                and all(w in ADVERBS or w in PREVERBAL for w in s.words[j:anchor]):
            roles.trace.append(f"skip {a.text!r}: apposition after the name it describes ('X ( 43 ) , warga Y')")
            continue
        if not leftmost and (verb := _verb_then_object(s, j, anchor)) is not None:
            roles.trace.append(f"skip {a.text!r}: subject of {s.words[verb]!r}, whose object comes before the trigger")
            continue
        eligible.append(a)
    if eligible and leftmost:
        # the clause before may itself open with a fronted clause ("Sebelum ..., Putin tiba"): its subject
        # comes after the last comma that has an eligible actor after it, and only an actor before the verb
        # of that part is a subject ("untuk merespons tuntutan para tahanan": the prisoners are an object)
        commas = [k for k in range(start, anchor) if s.words[k] == "," and s.owner[k] is None]
        chosen = []
        for begin in [c + 1 for c in reversed(commas)] + [start]:
            verb = _first_verb(s, begin, anchor)
            chosen = [a for a in eligible if s.rel(a.start) >= begin and (verb is None or s.rel(a.end) <= verb)]
            if chosen:
                break
        eligible = chosen
    if eligible:
        a = eligible[0] if leftmost else _noun_phrase_head(s, eligible)
        why = "first actor of the clause before" if leftmost else "nearest actor left of the trigger in its clause"
        roles.trace.append(f"{label} = {a.text!r}: {why}")
        return _lead(a, coordinated(s, a, roles))
    if start > 1 and opener in PURPOSE and (addressee := _addressee(s, start - 1)) is not None:
        roles.trace.append(f"{label} = {addressee.text!r}: asked or told before {opener!r} to do it")
        return addressee, []
    first = _first_word(s, start, anchor)
    if start > 0 and shared_hops and (opener in SHARED_SUBJECT | PURPOSE | SAY_VERBS or (
            opener in TEMPORAL | ELIDED and _verb_like(first)) or (opener in CAUSAL and _passive_verb(first))):
        roles.trace.append(f"clause opened by {opener!r}: subject shared with the clause before")
        found = subject(s, start - 1, roles, label, shared_hops - 1, leftmost=True)
        if found[0] is not None:
            return found
    if opener in CAUSAL and _active_verb(first) and start > 1 and (obj := _main_object(s, start - 2)) is not None:
        roles.trace.append(f"{label} = {obj.text!r}: the object of the clause before a {opener!r} clause "
                           "is who did what it gives as the reason")
        return obj, []
    if opener in TEMPORAL and _verb_like(first) and (main := _main_subject(s, start - 1, anchor)) is not None:
        roles.trace.append(f"{label} = {main.text!r}: subject of the main clause after a fronted {opener!r} clause")
        return main, []
    return None, []


# Clause openers after which a clause that starts with its verb has the subject of the clause before
# ("Tim KBRI telah mengunjungi kantor polisi , tetapi belum bisa menemui ...").
ELIDED = {"tetapi", "tapi", "namun", "sedangkan", "padahal", "meski", "meskipun", "walaupun", "jika", "apabila",
          "kalau", "bila", "sehingga", "hingga", "bahwa"}
FRONTED_COMMAS = 3  # commas tried after a fronted clause ("Setelah bertemu X , Menlu Y , Z mengatakan")


def _noun_phrase_head(s: Sentence, eligible: list[Actor]) -> Actor:
    """The last eligible actor, or the actor whose noun phrase holds it: in "dua pelaku pembunuhan
    keluarga Sutrisno ditangkap" the family only modifies the perpetrators, who are the subject."""
    a = eligible[-1]
    for b in reversed(eligible[:-1]):
        between = s.words[s.rel(b.end) : s.rel(a.start)]
        if not between or len(between) > 3 or not all(
                w.isalpha() and s.sent[s.rel(b.end) + n].is_lower and w not in PREPS | ADVERBS | SHARED_SUBJECT
                and w not in {"yang", "atau"} and not _verb_like(w) for n, w in enumerate(between)):
            break
        a = b
    return a


def _verb_then_object(s: Sentence, j: int, anchor: int) -> int | None:
    """"KKP meminta tarif bea masuk ... dapat dibebaskan": between an actor ending at j and the trigger
    stand another verb and then a plain noun, its object; the actor is that verb's subject. Returns the
    verb's index, or None ("X berupaya membujuk": two verbs, no object between)."""
    verb = next((k for k in range(j, anchor) if s.owner[k] is None and _verb_like(s.words[k])
                 and s.words[k] not in PREPS | NAMING), None)
    if verb is None or any(w in {"yang", ","} for w in s.words[j:verb]):
        return None  # "pemberontak , yang memegang daerah ... , saling berbalas": a relative clause
    k = verb + 1
    while k < anchor and s.words[k] in QUANTIFIERS | NUMBER_WORDS:
        k += 1
    noun = k < anchor and s.owner[k] is None and s.sent[k].is_alpha and s.sent[k].is_lower \
        and not _verb_like(s.words[k]) and not _modal(s.words[k]) \
        and s.words[k] not in ADVERBS | PREVERBAL | PREPS | PURPOSE | ANAPHORIC | {"yang", "dan", "atau"}
    return verb if noun else None  # "berkumpul di masjid menolak": an oblique, no object


def _modal(w: str) -> bool:
    from kabar.events.coder import FUTURE, MODAL, NEGATION

    return w in FUTURE | MODAL | NEGATION


def _first_verb(s: Sentence, start: int, anchor: int) -> int | None:
    """Index of the first verb in a clause: its subject, when it has one, stands before it."""
    return next((k for k in range(start, anchor) if s.owner[k] is None and _verb_like(s.words[k])
                 and s.words[k] not in PREPS | ANAPHORIC), None)


def _before_place(s: Sentence, j: int) -> bool:
    """", Serdang Bedagai , Sumatera Utara ,": a name followed by a place between commas is a place too."""
    nxt = s.owner[j + 1] if s.word(j) == "," and j + 1 < len(s.words) else None
    return nxt is not None and nxt.is_place and s.word(s.rel(nxt.end)) == ","


def _first_word(s: Sentence, start: int, anchor: int) -> str:
    """The clause's first word after adverbs, modals and negation: its verb when it has no subject."""
    from kabar.events.coder import FUTURE, MODAL, NEGATION

    skip = ADVERBS | FUTURE | MODAL | NEGATION
    k = next((k for k in range(start, anchor + 1) if s.words[k] not in skip), None)
    return "" if k is None or s.owner[k] is not None else s.words[k]  # "Menteri ..." is no verb


def _main_object(s: Sentence, k: int) -> Actor | None:
    """"Polisi menangkap RO ... karena mencabuli": the first actor after the verb of the clause ending at k."""
    start, _ = s.left_boundary(k)
    verb = _first_verb(s, start, k + 1)
    if verb is None:
        return None
    return next((a for a in s.actors if verb < s.rel(a.start) <= k and a.kind != "pronoun" and not s.prep_before(a)),
                None)


def _main_subject(s: Sentence, opener: int, anchor: int) -> Actor | None:
    """"Setelah bertemu UNHCR , Retno mengaku ...": a time clause that opens the sentence and has no
    subject of its own shares the main clause's, the actor after its comma that a verb follows."""
    if any(s.owner[k] is not None or _verb_like(s.words[k]) for k in range(opener)):
        return None  # the clause is not fronted: something with its own subject comes first
    commas = [k for k in range(anchor, len(s.words)) if s.words[k] == "," and s.owner[k] is None][:FRONTED_COMMAS]
    for comma in commas:
        k = comma + 1
        while s.word(k) in PREVERBAL and s.owner[k] is None:
            k += 1
        a = s.owner[k] if k < len(s.words) else None
        if a is None or a.is_place or s.rel(a.start) != k:
            continue
        if _verb_like(_first_word(s, s.rel(a.end), len(s.words) - 1)):
            return a
    return None


NOT_AN_ACTOR = Actor(-1, -1, "", "none")


# Passive light verbs: "Usulan tersebut disampaikan X", "Ancaman ini dilayangkan X".
LIGHT_PASSIVES = {
    "disampaikan", "dilayangkan", "dilontarkan", "diberikan", "diajukan", "dikeluarkan", "diungkapkan",
    "dinyatakan", "dilancarkan", "diutarakan",
}
SHARED_AGENT_REACH = 12  # "ditangkap dan dipaksa untuk kembali ke Myanmar oleh penjaga perbatasan"


def _light_passive_agent(s: Sentence, k: int) -> Actor | None:
    """The agent of a passive light verb at token k (after adverbs): "oleh X" or X right after."""
    while s.word(k) in ADVERBS:
        k += 1
    if s.word(k) not in LIGHT_PASSIVES:
        return None
    k += 1 + (s.word(k + 1) == "oleh")
    a = s.owner[k] if k < len(s.words) else None
    return a if a is not None and a.kind != "pronoun" else None


def _shared_agent(s: Sentence, k: int, roles: Roles, exclude=()) -> Actor | None:
    """"ditangkap dan dipaksa kembali oleh penjaga perbatasan": passives joined by 'dan' share the
    agent the last one names."""
    if s.word(k) not in {"dan", "serta", "lalu", "kemudian"} or not _passive_verb(s.word(k + 1)):
        return None
    for j in range(k + 2, min(len(s.words) - 1, k + SHARED_AGENT_REACH)):
        if s.words[j] in {",", "yang"} or (s.owner[j] is None and s.is_break(j) and s.words[j] not in PURPOSE):
            return None
        a = s.owner[j + 1]
        if s.words[j] == "oleh" and a is not None and a not in exclude and a.kind != "pronoun":
            roles.trace.append(f"source = {a.text!r}: agent of the passive joined to this one by {s.word(k)!r}")
            return a
    return None


# "serangan ... yang menewaskan dua polisi": the verbs that name an attack's victims.
HARM_VERBS = {"menewaskan", "melukai", "membunuh", "mencederai", "menyebabkan", "mengakibatkan", "merenggut"}
HARM_NOUNS = {"tewasnya", "kematian", "meninggalnya", "terbunuhnya", "lukanya", "nyawa"}
VICTIM_REACH = 8


# "tewas dalam serangan", "menjadi korban akibat pembunuhan": who an attack noun's clause says it harmed.
HARMED = {"tewas", "terbunuh", "terluka", "luka-luka", "korban", "meninggal", "cedera", "gugur"}
HARM_LINKS = {"dalam", "akibat", "karena"}
PERPETRATORS = {"pelaku", "eksekutor", "tersangka", "terduga"}


def _harmed(s: Sentence, trig_start: int, roles: Roles) -> Actor | None:
    """The subject of "tewas/terluka/menjadi korban" right before "dalam/akibat" + an attack noun."""
    j = trig_start - 1
    if s.word(j) not in HARM_LINKS:
        return None
    j -= 1
    while s.word(j) in {"parah", "dunia", "ringan", "berat"}:  # "luka parah", "meninggal dunia"
        j -= 1
    if s.word(j) not in HARMED or s.owner[j] is not None:
        return None
    if s.word(j - 1) == "yang" and j >= 2 and s.owner[j - 2] is not None and s.owner[j - 2].kind != "pronoun":
        victim = s.owner[j - 2]  # "empat tentara AS yang terbunuh dalam serangan itu"
    else:
        victim, _ = subject(s, j, roles, "target")
    if victim is not None:
        roles.trace.append(f"target = {victim.text!r}: {s.words[j]!r} {s.words[trig_start - 1]!r} the attack")
    return victim


def _perpetrator(s: Sentence, trig_start: int, trig_end: int) -> Actor | None:
    """"pelaku pembunuhan X": a perpetrator noun right before an attack noun that names its victim
    is its source ("rekan pelaku pengeboman" names no attack of its own)."""
    a = s.owner[trig_start - 1] if trig_start > 0 else None
    k = _possessor_start(s, trig_end)
    victim = s.owner[k] if k < len(s.words) else None
    return a if a is not None and a.kind == "sector" and a.text.lower().split()[-1] in PERPETRATORS \
        and victim is not None and victim.kind != "pronoun" else None


def _victims(s: Sentence, k: int, roles: Roles) -> Actor | None:
    """The actor an attack killed or wounded: "serangan 14 Juli yang menyebabkan tewasnya dua polisi
    Israel", "ledakan bom yang melukai tiga tentara"."""
    end = min(len(s.words), k + VICTIM_REACH)
    verb = next((j for j in range(k, end) if s.words[j] in HARM_VERBS and s.word(j - 1) == "yang"), None)
    if verb is None:
        return None
    j = verb + 1 + (s.word(verb + 1) in HARM_NOUNS)
    while s.word(j) in QUANTIFIERS or s.word(j).isdigit() or s.word(j) in NUMBER_WORDS:
        j += 1
    a = s.owner[j] if j < len(s.words) else None
    if a is None or a.kind == "pronoun":
        return None
    roles.trace.append(f"target = {a.text!r}: whom the attack {s.words[verb]!r}")
    return a


CAUSATIVE_VERBS = {"membuat", "menjadikan"}  # "membuat Arief tergerak untuk mundur": Arief would resign


def _addressee(s: Sentence, k: int) -> Actor | None:
    """"meminta penegak hukum tidak ragu untuk menindak": the actor a directive verb addresses in
    the clause that ends at token k is who the purpose clause after it is about."""
    start, _ = s.left_boundary(k)
    verb = next((j for j in range(k, start - 1, -1) if s.words[j] in DIRECTIVE_VERBS | CAUSATIVE_VERBS
                 and s.owner[j] is None), None)
    if verb is None:
        return None
    a = s.owner[verb + 1] if verb + 1 <= k else None
    return a if a is not None and a.kind != "pronoun" else None


def _relative_head(s: Sentence, k: int) -> Actor | None:
    """The actor a 'yang' clause ending at token k describes ("Sandi yang mengenakan baju koko"),
    when no comma or clause edge stands between the 'yang' and k."""
    while k > 0 and s.words[k] not in {",", "yang"} and (s.owner[k] is not None or not s.is_break(k)):
        k -= 1
    if k > 0 and s.words[k] == "yang" and s.owner[k - 1] is not None and s.owner[k - 1].kind != "pronoun":
        return s.owner[k - 1]
    return None


def _closing_name(s: Sentence, cands: list[Actor], first_yang: int | None, anchor: int) -> Actor | None:
    """"Penasihat spiritual yang juga ketua umum PARFI , Gatot Brajamusti , diciduk": a name
    between commas right before the verb, after a relative clause, names the subject it closes."""
    if first_yang is None or not cands:
        return None
    a = cands[-1]
    i, j = s.rel(a.start), s.rel(a.end)
    if i <= first_yang or a.kind not in ("name", "entity") or a.sector or a.is_place or s.word(i - 1) != "," \
            or s.word(j) != "," or len(a.text.split()) < 2:
        return None
    rest = s.words[j + 1 : anchor]
    return a if all(w in ADVERBS or w in PREVERBAL for w in rest) else None


def _described_by(s: Sentence, i: int) -> int | None:
    """Index of the comma that opens ", seorang agen X ,": up to three plain lowercase words before
    the actor at i, after a comma."""
    k = i - 1
    while k >= i - 3 and k >= 0 and s.owner[k] is None and s.sent[k].is_alpha and s.sent[k].is_lower \
            and not _verb_like(s.words[k]) and s.words[k] not in PREPS | {"yang", "dan", "atau"}:
        k -= 1
    return k if k < i - 1 and s.word(k) == "," else None


def _named_before_comma(s: Sentence, cands: list[Actor], start: int, comma: int) -> bool:
    """A named person or body opens the clause and ends at the comma, an age in brackets aside
    (no place, no oblique, no verb before it: "Setelah bertemu Prabowo , polisi ...")."""
    k = comma - 3 if s.word(comma - 1) == ")" and s.word(comma - 3) == "(" else comma
    return any(s.rel(c.end) == k and c.kind in ("entity", "name") and not c.is_place and not s.prep_before(c)
               and not any(_verb_like(w) and w not in NAMING for w in s.words[start : s.rel(c.start)]) for c in cands)


NAMING = {"berinisial", "bernama", "berusia", "berumur"}  # "Turis berinisial CB ( 32 ) ,": describes, no clause


def _lead(a: Actor, co: list[Actor]) -> tuple[Actor, list[Actor]]:
    """"A dan B" acting together: A (named first) leads, B is a co-actor."""
    if co:
        return co[0], co[1:] + [a]
    return a, []


def _relative_antecedent(s: Sentence, start: int, anchor: int) -> Actor | None:
    """"polisi yang meminta ...": the trigger opens a relative clause on the actor before 'yang'."""
    k = anchor - 1
    while k >= start and s.words[k] in ADVERBS:
        k -= 1
    if k >= 1 and s.words[k] == "yang":
        before = k - 2 if s.words[k - 1] == "," and k >= 2 else k - 1  # "AS , yang mengakui"
        if s.owner[before] is None and before >= 1 and s.owner[before - 1] is not None \
                and s.owner[before - 1].kind == "sector" and not s.words[before].startswith(("me", "di")):
            return s.owner[before - 1]  # "negara berkembang yang mendukung": a sector noun and its adjective
        a = s.owner[before]
        if a is not None and s.word(k - 1) == ",":
            a = _described(s, a)
        return a or NOT_AN_ACTOR
    return None


def _described(s: Sentence, a: Actor) -> Actor:
    """"Direktorat Jenderal Pajak , Kementerian Keuangan , yang": an actor between commas right
    after another one describes it; the relative clause is about the first, unless that one is
    only a title ("Presiden Rusia , Vladimir Putin , yang")."""
    i = s.rel(a.start) - 1
    first = s.owner[i - 1] if i >= 1 and s.word(i) == "," else None
    if first is None or first.kind in ("sector", "pronoun") or s.prep_before(first):
        return a
    return first


def _plain_subject(s: Sentence, start: int, anchor: int) -> int | None:
    """Index of a non-actor noun standing right before the verb ("penerimanya mendukung"),
    skipping adverbs, modals and time words; None when an actor or a clause edge comes first."""
    from kabar.events.coder import FUTURE, MODAL, NEGATION

    skip = ADVERBS | PREVERBAL | FUTURE | MODAL | NEGATION
    k = anchor - 1
    while k >= start:
        w = s.words[k]
        if s.owner[k] is not None or w in {",", "yang"} or s.is_break(k):
            return None
        if w in skip or not w.isalpha() or w.isdigit() or s.sent[k].text[:1].isupper() and w in CALENDAR_WORDS:
            k -= 1
            continue
        if s.word(k - 1) in PREPS | {"secara", "selaku"}:
            k -= 2  # "dengan tulus", "secara terbuka", "sebagai penyelenggara", "turun ke jalan": no subject
            continue
        if _verb_like(w):
            return None
        head = next((j for j in (k - 1, k - 2, k - 3) if j >= start and s.owner[j] is not None), None)
        if head is not None and s.owner[head].kind == "sector" and all(
                s.sent[j].is_lower and s.sent[j].is_alpha and not _verb_like(s.words[j]) for j in range(head + 1, k)):
            return None  # "pemerintah kota menggusur", "nenek penjual nasi uduk ditangkap": the actor's modifier
        return k
    return None


def _modifies_noun(s: Sentence, k: int) -> bool:
    """"sistem perkeretaapian Indonesia": a country right after a plain noun only modifies it."""
    if k < 0 or s.owner[k] is not None:
        return False
    w = s.words[k]
    return w.isalpha() and s.sent[k].is_lower and w not in PREPS | ADVERBS | PREVERBAL | SHARED_SUBJECT | CLAUSE_BREAKS \
        and w not in {"dan", "atau", "yang", "bahwa"} and not _verb_like(w)


def _passive_verb(w: str) -> bool:
    """ "diteken", "ditangkap": a di- verb, whose bare actor after it is its agent."""
    return len(w) > 4 and w.startswith("di") and w not in PREPS and w not in {"dia", "diri", "dirinya"} and _derived(w)


def _active_verb(w: str) -> bool:
    """ "mendukung", "berbohong": a me-/ber- verb."""
    return len(w) > 4 and w.startswith(("me", "ber")) and _derived(w)


def _verb_like(w: str) -> bool:
    return len(w) > 4 and w.startswith(("me", "ber", "di", "ter", "mem", "men")) and _derived(w)


@lru_cache(maxsize=65536)
def _derived(w: str) -> bool:
    """Not a root the dictionary knows: a prefixed word such as "beras" (rice), "menteri", "dinas",
    "mereka" is no verb; "bertolak", "mengkritik", and words the dictionary lacks may be."""
    return not (simplemma.is_known(w, lang="id") and simplemma.lemmatize(w, lang="id") == w)


def coordinated(s: Sentence, a: Actor, roles: Roles) -> list[Actor]:
    """Actors joined to `a` by "dan"/"serta"/"," on its left: "Kim dan Putin menandatangani"."""
    out = []
    i = s.rel(a.start) - 1
    if s.word(i) not in {"dan", "serta"}:
        return out  # "Kim, Presiden Putin memuji": a comma alone is not coordination
    while i > 0 and s.words[i] in {"dan", "serta", ","}:
        if s.words[i] != "," and s.words[i - 1] == "," and s.owner[i - 1] is None:
            i -= 1  # "A , B , dan C": the comma before "dan"
            continue
        if s.owner[i - 1] is None:
            break
        other = s.owner[i - 1]
        if s.prep_before(other):
            break
        k = s.rel(other.start) - 1
        if s.words[i] == "," and k >= 0 and s.owner[k] is None and s.words[k] not in {",", "dan", "serta"} \
                and not s.is_break(k):
            break  # "Perayaan Imlek 2569 Kongzili , Gubernur A dan B": the end of a fronted phrase
        out.insert(0, other)
        i = s.rel(other.start) - 1
    if out:
        roles.trace.append("coordinated: " + ", ".join(repr(o.text) for o in out))
    return out


def after(s: Sentence, start: int, preps: tuple[str, ...], roles: Roles, label: str, exclude=(), object_ok=True,
          reach: int | None = None) -> Actor | None:
    """First actor right of `start` in the clause: introduced by one of `preps` (within
    `reach` words when given), or (when object_ok) a bare object."""
    end = s.right_boundary(start)
    cands = [a for a in s.actors if start <= s.rel(a.start) < end and a not in exclude]
    for a in cands:
        p = s.prep_before(a)
        if p and p in preps and (reach is None or s.rel(a.start) - start <= reach):
            # the preposition may stand before `start` when the with word sat between ("ke mabes | polri")
            pk = next((k for k in range(s.rel(a.start) - 1, start - 2, -1) if s.word(k) == p), start - 1)
            if any(s.words[k] in preps and s.owner[k] is None for k in range(start, pk)):
                roles.trace.append(f"skip {a.text!r}: inside the phrase of an earlier {label} preposition")
                break  # "penolakan AS atas rencana kunjungan ke negara itu": the visit's place, not the target
            roles.trace.append(f"{label} = {a.text!r}: after {p!r}")
            return a
    if object_ok:
        for a in cands:
            gap = s.words[start : s.rel(a.start)]
            if len(gap) > 5 or any(w in PREPS or _verb_like(w) for w in gap):
                break
            if a.kind != "pronoun" or a.text.lower() in OBJECT_PRONOUNS:  # resolved later by the coder
                roles.trace.append(f"{label} = {a.text!r}: object of the trigger")
                return a
    return None


def named_apposition(s: Sentence, a: Actor | None, roles: Roles) -> Actor | None:
    """"Ketua Umum Partai Gerindra , Prabowo Subianto": a title phrase followed by the name it
    describes; the name is the actor, keeping the title's codes."""
    if a is None or not a.sector or a.kind == "pronoun":
        return a
    j = s.rel(a.end)
    nxt = s.owner[j + 1] if s.word(j) == "," and j + 1 < len(s.words) else None
    if nxt is not None and nxt.is_place and s.word(s.rel(nxt.end)) == ",":
        j = s.rel(nxt.end)  # "Bupati Hulu Sungai Tengah , Kalimantan Selatan , Abdul Latif": past the office's place
        nxt = s.owner[j + 1] if j + 1 < len(s.words) else None
    if nxt is not None and nxt.kind in ("name", "entity") and (not nxt.sector or a.kind == "sector") \
            and not nxt.head_is_country and not nxt.is_place \
            and len(nxt.text.split()) >= 2 \
            and s.word(s.rel(nxt.end)) in {",", ".", ""}:
        roles.trace.append(f"{a.text!r} is named right after: {nxt.text!r}")
        nxt.sector = nxt.sector or a.sector
        nxt.country = nxt.country or a.country
        return nxt
    return a


def place(s: Sentence, start: int, roles: Roles, exclude=()) -> Actor | None:
    end = s.right_boundary(start)
    for a in s.actors:
        if start <= s.rel(a.start) < end and a not in exclude and s.prep_before(a) == "di" and a.country:
            roles.trace.append(f"location = {a.text!r}: after 'di'")
            return a
    return None


def surface_roles(s: Sentence, trig_start: int, trig_end: int, voice: str, trigger, object_end: int | None,
                  pattern: str = "") -> Roles:
    """All roles for one trigger from word order (indices sentence-relative)."""
    roles = Roles()
    preps = trigger.target_preps or DEFAULT_TARGET_PREPS
    reach = None if trigger.target_preps else DEFAULT_PREP_REACH
    rest = object_end if object_end is not None else trig_end
    if voice == "nominal":
        before = s.word(trig_start - 1)
        before2 = s.word(trig_start - 2) if before in NOMINAL_MODIFIERS | ADVERBS else ""
        if before == "dalam" and s.word(trig_start - 2) == "terlibat":
            before2 = "terlibat"
        if s.word(trig_start - 2) == "dan" and s.word(trig_start - 4) in LIGHT_VERBS:
            before2 = s.word(trig_start - 4)  # "memberikan nasihat dan bantuan"
        if before in ASK_VERBS or before2 in ASK_VERBS:
            roles.trace.append(f"nominal after {before!r}: asked for, not done; not coded")
            return roles
        if before in RECEIVE_VERBS or before2 in RECEIVE_VERBS:
            roles.trace.append("nominal after a 'receive' verb: the subject is the target, 'dari X' the source")
            roles.target, _ = subject(s, trig_start - (1 if before in RECEIVE_VERBS else 2), roles, "target")
            roles.source = after(s, rest, ("dari",), roles, "source", object_ok=False)
            k = _possessor_start(s, rest)
            if roles.source is None and k < len(s.words) and s.owner[k] is not None and s.owner[k].kind != "pronoun" \
                    and s.owner[k] is not roles.target:
                roles.source = s.owner[k]  # "mendapat dukungan Golkar", "kena OTT KPK"
                roles.trace.append(f"source = {roles.source.text!r}: possessor of what the subject receives")
            return roles
        if before in LIGHT_VERBS or before2 in LIGHT_VERBS:
            anchor = trig_start - 1 if before in LIGHT_VERBS else max(k for k in range(trig_start) if s.words[k] == before2)
            roles.trace.append(f"nominal after light verb {s.words[anchor]!r}: read as its verb")
            roles.source, roles.co_sources = subject(s, anchor, roles)
            roles.target = after(s, rest, preps, roles, "target", exclude=[roles.source], object_ok=False)
            k = _possessor_start(s, rest)
            if roles.target is None and trigger.type in PATIENT_NOMINAL_TYPES and k < len(s.words) \
                    and s.owner[k] is not None and s.owner[k] is not roles.source:
                roles.target = s.owner[k]  # "menggelar operasi tangkap tangan ( OTT ) Bupati X": who undergoes it
                roles.trace.append(f"target = {roles.target.text!r}: undergoes the coercion or violence the noun names")
        else:
            patient_first = (pattern == "peN-an" and trigger.type in PATIENT_NOMINAL_TYPES
                             and trigger.mode not in SELF_DIRECTED_MODES) or \
                (pattern == "noun" and trigger.type == "COERCE")  # "deportasi orang Rohingya", "OTT Gubernur X"
            if trigger.type == "ASSAULT" and (doer := _perpetrator(s, trig_start, trig_end)) is not None:
                roles.source, patient_first = doer, True  # "dua pelaku pembunuhan keluarga Rianto"
                roles.trace.append(f"source = {doer.text!r}: the perpetrator the noun names")
            role = "target" if patient_first else "source"
            roles.trace.append(f"nominal: the actor right after is the {role} (possessor)"
                               + (": a coercive action noun names who undergoes it" if patient_first else ""))
            if trigger.type == "ASSAULT":  # "empat tentara AS yang terbunuh dalam serangan itu"
                roles.target = _harmed(s, trig_start, roles)
            if s.word(rest) in ANAPHORIC:
                agent = _light_passive_agent(s, rest + 1)
                if agent is None and roles.target is not None:
                    roles.trace.append("nominal pointing back, coded for the victims this sentence names")
                    return roles
                if agent is None:
                    roles.trace.append(f"nominal + {s.word(rest)!r}: points back to an event named before; not coded again")
                    return roles
                roles.source = agent  # "Ancaman ini dilayangkan negara paling terisolasi itu"
                roles.trace.append(f"nominal + {s.word(rest)!r} + {s.word(rest + 1)!r}: source = {agent.text!r}, "
                                   "the agent this sentence gives it")
                return roles
            k = rest
            if rest > trig_end and s.owner[trig_end] is not None and s.owner[trig_end].kind != "pronoun" \
                    and s.words[trig_end] not in trigger.with_words:  # "penetapan tersangka": the with word
                k = rest = trig_end  # "Ajakan Prabowo kepada Jokowi untuk ...": the possessor comes before the with-word
            while k < len(s.words) and s.words[k] in NOMINAL_MODIFIERS and \
                    (s.owner[k] is None or s.owner[k].end - s.owner[k].start == 1):
                k += 1  # "kerja sama militer": a modifier, even when it could be an actor
            if s.word(k) == "antara" and k + 1 < len(s.words):
                k += 1  # "kerja sama antara A dan B"
            k = _possessor_start(s, k)
            nxt = s.owner[k] if k < len(s.words) else None
            if nxt is not None and trigger.mode == "investigate" and nxt.sector not in INVESTIGATORS \
                    and nxt.kind != "pronoun":
                patient_first, role = True, "target"  # "pemeriksaan Fredrich": who is questioned
                roles.trace.append("an investigation noun's possessor who is no investigator is the one investigated")
            if nxt is not None and pattern == "noun" and trigger.type == "COERCE" and nxt.sector in INVESTIGATORS:
                patient_first, role = False, "source"  # "operasi tangkap tangan ( OTT ) KPK": KPK's sting
                roles.trace.append("a coercion noun's possessor who is police or a court is its author")
            alleged = nxt is not None and s.rel(nxt.start) == k and trigger.type == "ACCUSE" and not patient_first \
                and _active_verb(s.word(s.rel(nxt.end)))
            if alleged:
                role = "target"  # "tuduhan DPR mendukung LGBT": the actor opens what is alleged
                roles.trace.append("the actor after an allegation is the subject of what it alleges: the target")
            if nxt is not None and s.rel(nxt.start) == k:  # a pronoun too ("pertemuan kami"): resolved later
                setattr(roles, role, nxt)
                roles.trace.append(f"{role} = {nxt.text!r}: possessor of the nominal")
                rest = s.rel(nxt.end)
                if s.word(rest) == "," and (name := named_apposition(s, nxt, roles)) is not nxt:
                    rest = s.rel(name.end) + (s.word(s.rel(name.end)) == ",")  # "kedatangan Ketua DPR , Fahri , ke"
                # "pertemuan A dan B" is A with B; "dakwaan A dan B" accuses both, neither the other
                joins = {"dan", "dengan"} if trigger.cameo in RECIPROCAL else {"dengan"}
                if not patient_first and s.word(rest) in joins and rest + 1 < len(s.words) \
                        and s.owner[rest + 1] is not None:
                    roles.target = s.owner[rest + 1]
                    roles.trace.append(f"target = {roles.target.text!r}: joined by {s.word(rest)!r}")
                    rest = s.rel(roles.target.end)
            if roles.source is None:
                roles.source, roles.target = between(s, rest, roles) or (None, roles.target)
            if roles.source is None and s.word(rest) == "yang" and s.word(rest + 1).startswith("di") \
                    and rest + 2 < len(s.words) and s.owner[rest + 2] is not None:
                roles.source = s.owner[rest + 2]  # "bantuan yang diberikan pemerintah pusat"
                roles.trace.append(f"source = {roles.source.text!r}: agent of 'yang {s.word(rest + 1)}'")
            if roles.source is None and not patient_first and s.words[trig_end - 1].endswith("nya") and s.actors:
                roles.trace.append("'-nya' names the possessor: the subject of the clause")  # "gugatannya ke MK"
                roles.source, _ = subject(s, trig_start, roles, leftmost=True)
            if roles.source is None:
                agent_preps = ("oleh",) if patient_first else ("oleh", "dari")
                roles.source = after(s, rest, agent_preps, roles, "source", object_ok=False, reach=4)
            if roles.source is None and (trigger.type in PATIENT_NOMINAL_TYPES or alleged):
                roles.target = roles.target or after(s, rest, preps + ("melawan",), roles, "target", object_ok=False, reach=4)
                if roles.target is None and trigger.type == "ASSAULT":
                    roles.target = _victims(s, rest, roles)
                if roles.target is not None:
                    roles.trace.append("coercion, violence or an allegation reported without its author: "
                                       "coded with the target only")
                    roles.confidence_penalty += 0.2
                    roles.target = named_apposition(s, roles.target, roles)  # "terhadap penyidik KPK , Novel Baswedan"
                    return roles
            if roles.source is None and not patient_first and s.words[trig_end - 1].endswith("nya"):
                k = s.sent.start + trig_end - 1  # "Kunjungannya ke Myanmar": whose, the coder resolves
                roles.source = Actor(k, k + 1, "-nya", "pronoun", char_start=s.sent.doc[k].idx)
                roles.trace.append("'-nya' names the possessor, who was named before")
            if roles.source is None:
                roles.trace.append("no possessor: a nominal event without its actor is not coded")
                return roles
            roles.target = roles.target or after(s, rest, preps, roles, "target", exclude=[roles.source], object_ok=False)
            roles.confidence_penalty += 0.1
    elif voice == "passive":
        roles.trace.append("passive (di-/ter-): subject is the target, 'oleh X' the source")
        subj, _ = subject(s, trig_start, roles, "target")
        forces = None
        if subj is not None and trigger.with_words and set(subj.text.lower().split()) & set(trigger.with_words):
            if trigger.type == "MOBILIZE":  # "pasukan Korea Utara dikirim ke Rusia": the forces act
                forces = subj
            roles.trace.append(f"{subj.text!r} is what the verb is done to (a treaty, troops), not its target")
            subj = None
        roles.target = subj
        roles.source = after(s, rest, ("oleh",), roles, "source", exclude=[subj], object_ok=False) or \
            _shared_agent(s, rest, roles, exclude=[subj])
        for k in dict.fromkeys((trig_end, rest)):  # "ditetapkan KPK sebagai tersangka", "diserang sekelompok X"
            if roles.source is not None:
                break
            while s.word(k) in QUANTIFIERS and s.owner[k] is None:
                k += 1
            nxt = next((a for a in s.actors if s.rel(a.start) == k and a.kind != "pronoun" and a is not subj
                        and not set(s.words[s.rel(a.start) - 1 : s.rel(a.end)]) & set(trigger.with_words)), None)
            if nxt:
                roles.source = nxt
                roles.trace.append(f"source = {nxt.text!r}: agent right after the passive verb")
        if roles.source is None and trigger.cameo in RECIPROCAL and (pair := between(s, rest, roles)):
            roles.source, roles.target = pair  # "perjanjian yang ditandatangani antara A dan B"
        if roles.target is None and (trigger.place_is_target or trigger.with_words):
            roles.target = after(s, rest, preps, roles, "target", exclude=[roles.source], object_ok=False)
        roles.source = roles.source or forces
        if trigger.type == "MOBILIZE" and roles.source is None and roles.target is not None:
            roles.source, roles.target = roles.target, None  # "personel TNI disiagakan": the forces act
            roles.trace.append(f"mobilised forces are the actor: source = {roles.source.text!r}")
    else:
        roles.source, roles.co_sources = subject(s, trig_start, roles)
        taken = [roles.source, *roles.co_sources]
        # "membicarakan persoalan ISIS dengan Menhan X": the partner follows the with word, the object is the topic
        topic_object = trigger.object_is_actor and rest > trig_end
        roles.target = (None if topic_object else after(s, trig_end, (), roles, "target", exclude=taken)) or \
            _before_with_word(s, trig_end, rest, preps, roles, taken) or \
            after(s, rest, preps, roles, "target", exclude=taken, object_ok=False, reach=reach)
        after_target = s.rel(roles.target.end) if roles.target is not None else 0
        after_target += s.word(after_target) in PURPOSE  # "meminta sidang Ahok untuk ditunda"
        if trigger.type == "REQUEST" and roles.target is not None and not s.prep_before(roles.target) \
                and _passive_verb(s.word(after_target)):
            roles.trace.append(f"no target: {roles.target.text!r} is what the request wants done to, "
                               f"not whom it asks ('meminta koruptor diperlakukan manusiawi')")
            roles.target = None
            roles.settled.add("target")
        if roles.target is None and trigger.type in COMPLEMENT_TYPES \
                and not (trigger.type == "AGREE" and roles.co_sources):  # "A dan B bersepakat": B is the other party
            roles.target = complement_object(s, rest, roles, taken)
        if roles.target is None and (object_end is not None or trigger.type in OBJECT_OWNER_TYPES) \
                and roles.source is not None and trigger.mode not in SELF_DIRECTED_MODES:
            roles.target = object_possessor(s, rest, roles, taken)
        if roles.target is None and roles.source is not None and not trigger.place_is_target:
            roles.target = object_agent(s, rest, roles, taken)
    mutual = "saling" in s.words[max(0, trig_start - 3) : trig_start]  # "saling berbalas serangan"
    if roles.target is None and roles.co_sources and (trigger.cameo in RECIPROCAL or mutual):
        roles.target = roles.co_sources.pop()
        roles.trace.append(f"joint action: {roles.source.text!r} with {roles.target.text!r} (first named is the source)")
    if roles.target is None and roles.source is not None and trigger.cameo in RECIPROCAL and voice != "passive":
        roles.target = _companion(s, roles.source, trig_start, roles)
    roles.target = named_apposition(s, roles.target, roles)
    if roles.source is not None and s.rel(roles.source.start) > trig_end:  # "desakan dari partainya , ANC ,"
        roles.source = named_apposition(s, roles.source, roles)
    roles.location = place(s, trig_end, roles, exclude=[roles.target]) or (
        roles.target if trigger.place_is_target and roles.target and roles.target.country else None
    )
    return roles


def _companion(s: Sentence, source: Actor, trig_start: int, roles: Roles) -> Actor | None:
    """"Kementerian A bersama Kementerian B melakukan koordinasi": in a joint action the actor
    'bersama' adds to the subject is the other party."""
    for a in s.actors:
        if s.rel(source.end) <= s.rel(a.start) and s.rel(a.end) <= trig_start and a.kind != "pronoun" \
                and s.prep_before(a) == "bersama":
            roles.trace.append(f"target = {a.text!r}: joins the subject with 'bersama' in a joint action")
            return a
    return None


def _before_with_word(s: Sentence, trig_end: int, rest: int, preps, roles: Roles, taken) -> Actor | None:
    """"sampaikan ke Pak Jokowi agar ...": a target introduced by its preposition between the trigger
    and its `with` word."""
    if rest <= trig_end:
        return None
    logged = len(roles.trace)
    a = after(s, trig_end, preps, roles, "target", exclude=taken, object_ok=False)
    if a is None or s.rel(a.start) >= rest:
        del roles.trace[logged:]  # an actor after the `with` word is for the next step to judge
        return None
    return a


def _possessor_start(s: Sentence, k: int) -> int:
    """Where a nominal's possessor starts: after an abbreviation in brackets ("operasi tangkap tangan
    ( OTT ) KPK") and counting words ("tuntutan para tahanan", "pembicaraan enam negara")."""
    if s.word(k) == "(" and s.word(k + 2) == ")" and s.owner[k + 1] is None:
        k += 3
    elif s.word(k) == ")" and s.word(k - 2) == "(":  # the trigger is the abbreviation: "( OTT ) Gubernur X"
        k += 1
    while k < len(s.words) and s.owner[k] is None and (s.words[k] in QUANTIFIERS | NUMBER_WORDS | {"kedua", "ketiga"}
                                                         or s.words[k].isdigit()):
        k += 1
    return k


def between(s: Sentence, start: int, roles: Roles) -> tuple[Actor, Actor] | None:
    """"(kerja sama bidang pendidikan) antara A dan B": A is the source, B the target."""
    for k in range(start, min(len(s.words) - 3, start + BETWEEN_REACH)):
        if s.owner[k] is not None or s.is_break(k) or s.words[k] == ",":
            return None
        if s.words[k] == "antara" and s.owner[k + 1] is not None:
            a = s.owner[k + 1]
            j = s.rel(a.end)
            if s.word(j) in {"dan", "dengan", "serta"} and j + 1 < len(s.words) and s.owner[j + 1] is not None:
                roles.trace.append(f"'antara {a.text} {s.word(j)} {s.owner[j + 1].text}': first named is the source")
                return a, s.owner[j + 1]
            return None
    return None


def object_possessor(s: Sentence, start: int, roles: Roles, exclude) -> Actor | None:
    """"keluar dari program bantuan pembangunan Amerika Serikat": the actor that closes the
    trigger's own object (its `with` word) owns it, and is the target."""
    for j in range(start, min(len(s.words), start + OBJECT_PHRASE_REACH + 1)):
        a = s.owner[j]
        if a is not None:
            if a in exclude or a.kind == "pronoun":
                return None
            roles.trace.append(f"target = {a.text!r}: closes the trigger's object, whose owner it is")
            return a
        w = s.words[j]
        if w in {'"', "'", "‘", "’"}:
            continue  # "mengecam \" serangan sistematis \" aparat keamanan Myanmar"
        if not (s.sent[j].is_alpha and s.sent[j].is_lower) or w in PREPS or _verb_like(w) or s.is_break(j) \
                or w in {"yang", "dan", "atau"}:
            return None
    return None


def object_agent(s: Sentence, start: int, roles: Roles, exclude) -> Actor | None:
    """"menolak kasasi yang diajukan Ahok", "mengecam serangan yang dilakukan ISIS": the agent of a
    passive relative clause on the trigger's object is whom the act is aimed at."""
    for j in range(start, min(len(s.words) - 2, start + OBJECT_PHRASE_REACH + 1)):
        w = s.words[j]
        if w == "yang":
            k = j + 1 + (s.word(j + 1) in ADVERBS)
            agent = s.owner[k + 1] if k + 1 < len(s.words) and _passive_verb(s.word(k)) else None
            if agent is None and s.word(k + 1) == "oleh" and _passive_verb(s.word(k)) and k + 2 < len(s.words):
                agent = s.owner[k + 2]
            if agent is None or agent in exclude or agent.kind == "pronoun":
                return None
            roles.trace.append(f"target = {agent.text!r}: agent of 'yang {s.word(k)}' on the trigger's object")
            return agent
        if s.owner[j] is not None or not (s.sent[j].is_alpha and s.sent[j].is_lower) or w in PREPS \
                or _verb_like(w) or s.is_break(j):
            return None
    return None


def complement_object(s: Sentence, start: int, roles: Roles, exclude) -> Actor | None:
    """The object of the verb a demand or threat introduces: "mengancam akan menjemput paksa Yodi"."""
    k = start
    while s.word(k) in ADVERBS | PURPOSE | {"akan", "segera"}:
        k += 1
    if k >= len(s.words) or s.owner[k] is not None or not _verb_like(s.words[k]):
        return None
    for j in range(k + 1, min(len(s.words), k + 1 + COMPLEMENT_REACH)):
        a = s.owner[j]
        if a is not None and a not in exclude and a.kind != "pronoun":
            roles.trace.append(f"target = {a.text!r}: object of {s.words[k]!r}, which the trigger introduces")
            return a
        if s.is_break(j) or s.words[j] == ",":
            return None
    return None


def anaphoric_target(s: Sentence, object_start: int, roles: Roles) -> Actor | None:
    """"memuji dukungan tersebut": the object points back; take another actor of the sentence."""
    end = min(len(s.words), object_start + 3)
    if not any(s.words[k] in ANAPHORIC for k in range(object_start, end)):
        return None
    taken = {id(roles.source), *(id(c) for c in roles.co_sources)}
    for a in s.actors:
        if id(a) not in taken and a.kind != "pronoun" and s.rel(a.end) <= object_start and \
                (roles.source is None or a.text != roles.source.text):
            roles.trace.append(f"target = {a.text!r}: object {s.words[object_start]!r} refers back to it")
            roles.confidence_penalty += 0.2
            return a
    return None


def parse_roles(s: Sentence, head, trigger) -> Roles | None:
    """Roles from a dependency parse (UD labels), or None when it names no actor."""
    roles = Roles(via="parse")

    def actor_of(tok):
        return s.owner[tok.i - s.base] if 0 <= tok.i - s.base < len(s.owner) else None

    for child in head.children:
        dep = child.dep_.lower()
        a = actor_of(child)
        if a is None:
            continue
        case = next((c.text.lower() for c in child.children if c.dep_ == "case"), None)
        if dep == "nsubj":
            roles.source = a
            # a conjunct inside the subject's own phrase ("Menko Bidang Politik , Hukum dan Keamanan
            # Wiranto") is part of its title, no second party
            roles.co_sources = [actor_of(c) for c in child.children
                                if c.dep_ == "conj" and actor_of(c) not in (None, a)]
        elif dep == "nsubj:pass":
            roles.target = a
        elif dep in {"obl:agent"} or (dep.startswith("obl") and case == "oleh"):
            roles.source = a
        elif dep == "obj" and not trigger.with_words and roles.target is None:
            roles.target = a
        elif dep.startswith("obl") and case in trigger.target_preps:
            roles.target = a
        elif dep.startswith("obl") and case == "di":
            roles.location = a
        else:
            continue
        roles.trace.append(f"parse: {child.text!r} is {dep}{'/' + case if case else ''} of {head.text!r}")
    if roles.source is None and roles.target is None:
        return None
    return roles
