"""Code a Doc's sentences into PLOVER events with CAMEO beside them.

For each sentence: find triggers from the lexicon, find their arguments (`arguments`), code the
actors (`actors`), read negation and modality around the trigger, pick the date, and emit one
dict per event in the report's events contract. `explain` keeps the reasoning for analysts.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from kabar.events import actors as actors_mod
from kabar.events import lexicon as lexicon_mod
from kabar.events import morph, ontology
from kabar.events.actors import FIRST_PERSON
from kabar.events.arguments import DIRECTIVE_VERBS, PURPOSE, Roles, Sentence, anaphoric_target, parse_roles, surface_roles

NEGATION = {"tidak", "tak", "belum", "bukan", "tanpa", "enggan", "gagal", "batal", "urung"}
FUTURE = {
    "akan", "bakal", "berencana", "ingin", "hendak", "berniat", "siap", "bersedia", "mau", "bermaksud",
    "berharap", "rencananya", "kemungkinan", "peluang",  # "membuka kemungkinan berunding": intent
    "rencana", "dijadwalkan", "direncanakan", "terjadwal", "menjadwalkan",  # "rencana kunjungan", "dijadwalkan bertemu"
    # a promise names the act it promises, not done yet: "berjanji memberikan bantuan" is one AGREE
    "berjanji", "menjanjikan", "sepakat", "bersepakat", "berkomitmen", "setuju", "berikrar", "bertekad",
}
MODAL = {"bisa", "dapat", "mungkin", "boleh", "harus", "perlu", "seharusnya", "sebaiknya", "berpeluang", "diharapkan"}
INTERVIEW = {"saat", "ketika", "sewaktu", "waktu", "usai", "seusai", "tatkala"}
DEGREE = {"sangat", "amat", "paling", "cukup", "lebih", "kurang", "makin", "semakin", "terlalu", "begitu", "sungguh"}
CONDITIONAL = {"jika", "apabila", "kalau", "bila", "seandainya", "andai"}
# PLOVER manual, AGREE: cooperative events in the future tense are coded as AGREE; RETREAT:
# "announcements of future retreats should be coded as CONCEDE" (080, yield); a concession promised
# ("akan patuh pada putusan") is CAMEO 035, intent to yield (AGREE).
FUTURE_CODES = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "RETREAT": "080", "CONCEDE": "035"}
SAY_VERBS = {"kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tegas"}
SAY_BEFORE = ("mengatakan", "menyatakan", "menegaskan", "berkata")
OPEN_QUOTES, CLOSE_QUOTES = {"“", '"', "‘"}, {"”", '"', "’"}
PERSONAL = {"ia", "dia", "beliau", "yang bersangkutan"}
# Sectors whose bare noun names a group, so "mereka" can refer to it ("para buruh", "polisi").
COLLECTIVE = {"CVL", "REB", "MIL", "COP", "CRM", "REF", "JRN", "REL", "OPP", "UNK", "BUS"}
WITH_WINDOW = 6  # how far after the trigger a `with` word may come
APPOSITION_REACH = 7  # words in a ", sekutu terbesar Korut ," apposition
PARTY_TYPES = {"PERSON", "ORG", "NORP"}
PLACE_NOUNS = {"situs", "lokasi", "tempat", "fasilitas", "area", "kawasan", "zona", "arena", "pusat"}
MET_HARDSHIP = {"titik", "jalan", "kesulitan", "kendala", "hambatan", "ajal", "ajalnya", "kegagalan"}
LAW_NOUNS = {"pasal", "delik", "uu", "undang-undang", "perppu", "perda", "ruu", "nota"}  # "pasal penghinaan", "nota pembelaan"
# Which reading leads when a dependency parse is present. The surface rules lead: on the gold set
# the parser's arguments scored lower (benchmarks/eval_events.py); the parse fills their gaps.
PARSE_FIRST = False


@dataclass
class Recent:
    """Actors named so far in the document, for pronouns and "kedua negara"."""
    person: actors_mod.Actor | None = None
    group: actors_mod.Actor | None = None  # the last sector actor: "mereka" = "para buruh"
    countries: list[actors_mod.Actor] = field(default_factory=list)  # distinct, in order named
    actor: actors_mod.Actor | None = None  # the last actor that is no place: "pihaknya" = its side

    def update(self, found: list[actors_mod.Actor], is_person) -> None:
        persons = [a for a in found if is_person(a)]
        self.person = persons[-1] if persons else self.person
        groups = [a for a in found if a.kind == "sector" and a.sector in COLLECTIVE and not a.is_place]
        self.group = groups[-1] if groups else self.group
        sides = [a for a in found if a.kind != "pronoun" and not a.is_place]
        self.actor = sides[-1] if sides else self.actor
        for a in found:
            if a.country:  # "Indonesia", "Menlu Malaysia"
                self.countries = [c for c in self.countries if c.country != a.country] + [a]


@dataclass
class TriggerMatch:
    start: int  # doc token indices
    end: int
    form: lexicon_mod.Form
    object_end: int | None = None  # end of the `with` word ("menandatangani perjanjian")


@dataclass
class Explanation:
    sentence: str
    actors: list[str]
    parse: list[str]
    events: list[dict] = field(default_factory=list)
    traces: list[list[str]] = field(default_factory=list)


def find_triggers(sent, lex: lexicon_mod.Lexicon, actors=(), ent_types=None) -> list[TriggerMatch]:
    words = [t.text.lower() for t in sent]
    actor_ends = {a.start - sent.start: a.end - sent.start for a in actors if a.kind != "pronoun"}
    actor_starts = {end - 1: start for start, end in actor_ends.items()}
    # who may be received or met: an official, a person or an organisation, not a place, a prize or a
    # bare common noun ("The Sun melaporkan gadis tersebut tinggal ...": news, not a complaint)
    parties = {a.start - sent.start for a in actors if not a.is_place and (
        (a.sector and not (a.kind == "sector" and a.sector == "CVL")) or (ent_types or {}).get(a.entity_id) in PARTY_TYPES)}
    out: list[TriggerMatch] = []
    consumed: set[int] = set()
    i = 0
    while i < len(words):
        if i in consumed:
            i += 1
            continue
        word, clitic = words[i], None
        forms = lex.candidates(word)
        if not forms:
            word, clitic = morph.strip_clitic(word)
            forms = lex.candidates(word) if clitic else []
        match = None
        for f in forms:
            n = len(f.words)
            if clitic and n > 1:
                continue
            if tuple([word] + words[i + 1 : i + n]) != f.words or _not_an_event(sent, words, i, n, f):
                continue
            obj_end = None
            if f.trigger.object_is_actor and not f.trigger.with_words and (i + n not in parties or _actor_then_verb(sent, i + n, actor_ends)):
                continue  # "melaporkan Presiden X menyatakan ...": the actor opens a reported clause
            if f.trigger.with_words:
                window = _window_after(i + n, words, actor_ends)
                if f.voice == "passive":  # "Perjanjian itu ditandatangani": the theme is the subject
                    window += _window_before(i - 1, actor_starts)
                # with `object_is_actor`, the with word must introduce the partner
                # ("membahas isu itu dengan Menlu X", not "membahas anggaran dengan serius")
                hit = next((k for k in window if words[k] in f.trigger.with_words
                            and (not f.trigger.object_is_actor or k + 1 in parties)), None)
                if hit is None and f.trigger.type == "AGREE" and f.voice == "active" and _verb_follows(words, i + n):
                    hit = i + n - 1  # "bersepakat menyusun sistem baru", "sepakat akan meningkatkan"
                if hit is None and f.trigger.type == "REQUEST" and f.voice == "active" \
                        and _actor_then_verb(sent, i + n, actor_ends):
                    hit = i + n - 1  # "mendorong Jokowi mengubah": the addressee and what is asked
                if hit is None:
                    continue
                consumed.add(hit)
                obj_end = hit + 1 if hit > i else None
            match = TriggerMatch(sent.start + i, sent.start + i + n, f, sent.start + obj_end if obj_end else None)
            break
        if match:
            out.append(match)
            i = match.end - sent.start
            if words[i : i + 1] == ["("] and words[i + 2 : i + 3] == [")"]:
                i += 3  # "operasi tangkap tangan ( OTT )": the abbreviation names the same event
        else:
            i += 1
    return out


def _window_after(k: int, words: list[str], actor_ends: dict[int, int]) -> list[int]:
    """Where a `with` word may stand after a trigger: WITH_WINDOW words, an actor phrase with its
    apposition counting as one ("mengingatkan Menteri Kelautan dan Perikanan Susi Pudjiastuti agar",
    "mendorong China , sekutu terbesar Korut , untuk")."""
    out, counted, n = [], 0, len(words)
    while k < n and counted < WITH_WINDOW:
        end = _apposition_end(words, actor_ends[k], n) if k in actor_ends else k + 1
        out.extend(range(k, end))
        counted += 1
        k = end
    return out


def _apposition_end(words: list[str], k: int, n: int) -> int:
    """After an actor ending at k, the end of a ", ... ," apposition describing it, else k."""
    if k >= n or words[k] != ",":
        return k
    close = next((j for j in range(k + 1, min(n, k + 1 + APPOSITION_REACH)) if words[j] == ","), None)
    return close + 1 if close is not None else k


def _window_before(k: int, actor_starts: dict[int, int]) -> list[int]:
    """The same window leftwards, for a passive's theme ("Kerja Sama Kajian Panas Bumi yang telah
    ditandatangani")."""
    out, counted = [], 0
    while k >= 0 and counted < WITH_WINDOW:
        start = actor_starts.get(k, k)
        out.extend(range(k, start - 1, -1))
        counted += 1
        k = start - 1
    return out


def _verb_follows(words: list[str], k: int) -> bool:
    """An active verb comes next, after 'akan/untuk' and adverbs: what an agreement is to do."""
    while k < len(words) and words[k] in {"akan", "untuk", "segera", "juga", "bersama", "terus"}:
        k += 1
    return k < len(words) and len(words[k]) > 4 and words[k].startswith(("me", "ber"))


def _actor_then_verb(sent, k: int, actor_ends: dict[int, int]) -> bool:
    """An actor at sentence token k followed by an active verb: the complement of a demand."""
    end = actor_ends.get(k)
    return end is not None and end < len(sent) and sent[end].is_lower and \
        sent[end].text.startswith(("me", "ber")) and len(sent[end].text) > 4


def _not_an_event(sent, words: list[str], i: int, n: int, f: lexicon_mod.Form) -> bool:
    """Uses of a trigger word that report no event."""
    if sent[i].is_title and not _sentence_start(sent, i) and (
            (i + 1 < len(words) and sent[i + 1].is_title) or sent[i - 1].is_title):
        return True  # "Bantuan Likuiditas Bank Indonesia", "Anak Bunuh Ayah Ditangkap": a name or headline
    if i > 0 and words[i - 1] in DEGREE and f.trigger.type != "SUPPORT":
        return True  # "sangat mendesak" (urgent) is an adjective; "sangat menghargai" stays a verb
    if f.voice == "passive" and f.trigger.type == "CONSULT" and (
            (i > 0 and words[i - 1] in INTERVIEW | {"yang"})
            or (i + n < len(words) and words[i + n] in INTERVIEW | {"di", "melalui", "lewat"})):
        return True  # "saat dihubungi", "yang ditemui usai acara": a reporter reaching a source
    if f.trigger.type == "COERCE" and words[i + n : i + n + 1] == ["diri"]:
        return True  # "membubarkan diri", "menahan diri": done to oneself
    if f.trigger.type == "CONSULT" and words[i + n : i + n + 1] and words[i + n] in MET_HARDSHIP:
        return True  # "RUU itu belum menemui titik terang": an idiom, no meeting
    if f.voice == "nominal" and i > 0 and words[i - 1] in PLACE_NOUNS | LAW_NOUNS:
        return True  # "situs uji coba nuklir", "lokasi penembakan", "pasal penghinaan": named after an event
    if f.voice == "nominal" and words[max(0, i - 2) : i] == ["kerja", "sama"]:
        return True  # "kerja sama bantuan hukum": the field of the cooperation, coded once as COOPERATE
    return False


def _sentence_start(sent, i: int) -> bool:
    return i == 0 or sent[i - 1].text in OPEN_QUOTES or sent[i - 1].text in {"-", "–", "—", "(", ":"}


def modality(s: Sentence, anchor: int, source=None) -> tuple[bool, bool, bool, list[str]]:
    """(negated, hypothetical, future) from the words between the subject and the trigger
    ("Kim tidak akan mengunjungi"), in a purpose clause ("untuk bertemu") or a condition."""
    start, opener = s.left_boundary(anchor)
    purpose = opener in PURPOSE and "," not in s.words[start:anchor]
    if source is not None and start <= s.rel(source.end) <= anchor:
        start = s.rel(source.end)
    window = [k for k in range(max(start, anchor - 4), anchor) if s.owner[k] is None]
    words = [s.words[k] for k in window]
    negated = any(w in NEGATION for w in words)
    future = any(w in FUTURE for w in words)
    modal = any(w in MODAL for w in words)
    conditional = any(s.words[k] in CONDITIONAL for k in range(0, anchor))
    notes = [f"{kind}: {w!r}" for w in words for kind, vocab in
             (("negation", NEGATION), ("future", FUTURE), ("modality", MODAL)) if w in vocab]
    if conditional:
        notes.append("conditional clause (jika/apabila)")
    if purpose:
        notes.append(f"purpose clause ({opener!r}): intended, not reported as done")
        if not future and start > 1:  # "akan bertolak ke AS untuk melakukan pertemuan": future too
            outer, _ = s.left_boundary(start - 1)
            future = any(s.words[k] in FUTURE for k in range(outer, start - 1) if s.owner[k] is None)
            if future:
                notes.append("future: the clause the purpose belongs to is in the future")
    return negated, future or modal or conditional or purpose, future, notes


def in_quote(s: Sentence, i: int) -> tuple[int, int] | None:
    """(open, close) indices of the quotation marks around token i, when there are any."""
    opens = [k for k in range(i) if s.words[k] in OPEN_QUOTES]
    if not opens:
        # the quote opened in an earlier sentence: '..., dan kami berjanji ...," kata Trump'
        close = next((k for k in range(i + 1, len(s.words)) if s.words[k] in CLOSE_QUOTES), None)
        if close is not None and any(_says(s.word(k)) for k in range(close + 1, close + 3)):
            return -1, close
        return None
    o = opens[-1]
    close = next((k for k in range(i + 1, len(s.words)) if s.words[k] in CLOSE_QUOTES), len(s.words))
    if any(s.words[k] in CLOSE_QUOTES - {'"'} for k in range(o + 1, i)):
        return None
    return o, close


def _says(word: str) -> bool:
    """"kata", "ujarnya": the verb that closes a quotation."""
    return word in SAY_VERBS or (word.endswith("nya") and word[:-3] in SAY_VERBS)


def quoted_speaker(doc, char: int) -> actors_mod.Actor | None:
    """The speaker the quotes component found for a quote around character `char`."""
    names = {e.id: e.name for e in (doc._.entities or [])}
    for q in doc._.quotes or []:
        if q.start <= char < q.end and q.speaker:
            text = (q.extra or {}).get("speaker_text") or names.get(q.speaker, q.speaker)
            return actors_mod.Actor(-1, -1, text, "entity", entity_id=q.speaker)
    return None


def speaker_of(s: Sentence, quote: tuple[int, int]) -> actors_mod.Actor | None:
    """Who says a quote, from the words around it: "..., kata Putin" after it, "Putin
    mengatakan, “...”" before it."""
    o, c = quote
    for k in range(c + 1, min(len(s.words), c + 4)):
        if _says(s.words[k]):
            return next((a for a in s.actors if s.rel(a.start) > k and a.kind != "pronoun"), None)
    before = [a for a in s.actors if s.rel(a.end) <= o and a.kind != "pronoun"]
    if before and any(s.words[k].startswith(SAY_BEFORE) for k in range(s.rel(before[-1].end), o)):
        return before[-1]
    return None


def _answered_demands(s: Sentence, coded: list[dict]) -> None:
    """"Zuma menolak desakan mundur dari ANC": a demand named as what is rejected was made to the one
    who rejects it, and the rejection answers whoever made it."""
    starts = {e["trigger"]["start"]: e for e in coded}
    for reject in [e for e in coded if e["type"] == "REJECT"]:
        end = next((k for k, t in enumerate(s.sent) if t.idx >= reject["trigger"]["end"]), None)
        demand = starts.get(s.sent[end].idx) if end is not None else None
        if demand is None or demand["type"] != "REQUEST":
            continue
        for ev, role, other in ((demand, "target", reject), (reject, "target", demand)):
            if ev[role] is None and ev[f"{role}_text"] is None and other["source_text"] is not None:
                ev[role], ev[f"{role}_text"], ev[f"{role}_actor"] = \
                    other["source"], other["source_text"], other["source_actor"]


def _threatened(s: Sentence, m: TriggerMatch, coded: list[dict]) -> bool:
    """"polisi mengancam akan menjemput paksa Yodi": the act right after a threat verb is what is threatened."""
    k = s.rel(m.start) - 1
    while s.word(k) in {"akan", "untuk", "bakal", "segera"}:
        k -= 1
    char = s.sent[k].idx if 0 <= k < len(s.words) else -1
    return any(e["type"] == "THREATEN" and e["trigger"]["start"] == char for e in coded)


def _names_again(s: Sentence, m: TriggerMatch, ev: dict, coded: list[dict]) -> bool:
    """"tiba di Moskow dalam kunjungan resmi ke Rusia": the nominal names the arrival again."""
    k = s.rel(m.start)
    return m.form.voice == "nominal" and s.word(k - 1) in {"dalam", "pada"} and any(
        e["type"] == ev["type"] for e in coded)


def _repeats(ev: dict, coded: list[dict]) -> dict | None:
    """"imbauan dari polisi yang meminta mereka ...", "Kunjungan X ... kunjungan X": one sentence
    naming the same act twice (a nominal and its verb) is one event. Returns the earlier event
    with the same type and source whose target agrees or is missing on one side."""
    if ev["source_text"] is None:
        return None
    for e in coded:
        if e["type"] == ev["type"] and e["source_text"] == ev["source_text"] and (
                e["target_text"] is None or ev["target_text"] is None or e["target_text"] == ev["target_text"]):
            return e
    return None


def _outside_triggers(sent, found: list[actors_mod.Actor], matches: list[TriggerMatch]) -> list[actors_mod.Actor]:
    """"menjadi tahanan KPK": an actor phrase that begins inside a trigger of several words ('tahanan')
    is only what follows the trigger ('KPK'), so it can be the event's party."""
    doc, out = sent.doc, []
    for a in found:
        m = next((m for m in matches if m.start < a.start < m.end < a.end), None)
        out.append(a if m is None else replace(a, start=m.end, text=doc[m.end : a.end].text, char_start=doc[m.end].idx))
    return out


def _both_countries(s: Sentence, a: actors_mod.Actor) -> bool:
    """"kedua negara" (both countries): the two countries the article has named last."""
    k = s.rel(a.start)
    text = a.text.lower()
    return text in {"kedua negara", "kedua pemerintah"} or (text in {"negara", "pemerintah"} and s.word(k - 1) == "kedua")


class Coder:
    def __init__(self, lex: lexicon_mod.Lexicon | None = None):
        self.lex = lex or lexicon_mod.default()
        # words that are an event on their own, never part of a name ("Kunjungan Raja ..."); the first
        # word of a longer form is not ("Menteri Tenaga Kerja dan Transmigrasi" vs "kerja sama")
        self.trigger_words = {w for w, forms in self.lex.by_first_word.items() if any(len(f.words) == 1 for f in forms)}

    def code(self, doc, explain: bool = False) -> list[dict] | list[Explanation]:
        ents = actors_mod.entity_spans(doc)
        ent_types = {e.id: e.type for e in (doc._.entities or [])}
        entity_codes = self._entity_codes(doc)
        has_parse = doc.has_annotation("DEP")
        events, explanations = [], []
        recent = Recent()
        sents = list(doc.sents)
        places = {i for i, t in ent_types.items() if t in ("GPE", "LOC")}
        sentence_actors = [actors_mod.find_actors(sent, ents, self.trigger_words, places) for sent in sents]
        name_codes = self._name_codes(sentence_actors, entity_codes)
        for sent, found in zip(sents, sentence_actors):
            matches = find_triggers(sent, self.lex, found, ent_types)
            found = _outside_triggers(sent, found, matches)
            s = Sentence(sent, found)
            exp = Explanation(sent.text, [f"{a.text} [{a.kind}{' ' + a.code if a.code else ''}]" for a in found],
                              [f"{t.text}/{t.dep_}->{t.head.text}" for t in sent] if has_parse else [])
            coded: list[dict] = []
            for m in matches:
                roles = self._roles(s, m, has_parse)
                ev = self._event(doc, s, m, roles, recent, name_codes, entity_codes)
                exp.traces.append(roles.trace)
                if ev and _names_again(s, m, ev, coded):
                    roles.trace.append("dropped: 'dalam/pada' + the same type names the event just coded again")
                    ev = None
                if ev and _threatened(s, m, coded):
                    roles.trace.append("dropped: what a threat says will be done is the threat's content, not an event")
                    ev = None
                if ev and (dup := _repeats(ev, coded)) is not None:
                    if dup["target_text"] is None and ev["target_text"] is not None:
                        roles.trace.append("replaces the same event coded before without its target")
                        for lst in (coded, events, exp.events):
                            lst[lst.index(dup)] = ev
                    else:
                        roles.trace.append("dropped: the same type and source were coded already in this sentence")
                    ev = None
                if ev:
                    coded.append(ev)
                    events.append(ev)
                    exp.events.append(ev)
            _answered_demands(s, coded)
            recent.update(found, lambda a: self._is_person(a, ent_types))
            explanations.append(exp)
        return explanations if explain else events

    def _roles(self, s: Sentence, m: TriggerMatch, has_parse: bool) -> Roles:
        trig = m.form.trigger
        start, end = s.rel(m.start), s.rel(m.end)
        obj_end = s.rel(m.object_end) if m.object_end else None
        roles = surface_roles(s, start, end, m.form.voice, trig, obj_end, m.form.pattern)
        parsed = parse_roles(s, s.sent.doc[m.start], trig) if has_parse else None
        if parsed is not None and PARSE_FIRST:
            roles, rest = parsed, roles
        else:
            rest = parsed
        if rest is not None:  # one reading fills what the other left empty
            taken = {id(a) for a in (roles.source, roles.target) if a is not None}
            filled = [r for r in ("source", "target", "location")  # an actor plays one role ("Ahok ditahan")
                      if getattr(roles, r) is None and getattr(rest, r) and id(getattr(rest, r)) not in taken
                      and r not in roles.settled]
            for r in filled:
                setattr(roles, r, getattr(rest, r))
            roles.co_sources = roles.co_sources or rest.co_sources
            if filled:
                roles.via = "surface+parse"
                roles.trace += [f"{', '.join(filled)} from the other reading:"] + rest.trace
        roles.trace.insert(0, f"trigger {s.sent.doc[m.start:m.end].text!r} = {trig.root} ({m.form.pattern}, "
                              f"{m.form.voice}) -> {trig.type} {trig.cameo} [{trig.source}]")
        if roles.target is None and trig.type in {"SUPPORT", "ACCUSE", "REJECT"} and m.form.voice == "active":
            roles.target = anaphoric_target(s, obj_end or end, roles)
        return roles

    def _event(self, doc, s: Sentence, m: TriggerMatch, roles: Roles, recent: Recent, name_codes,
               entity_codes) -> dict | None:
        trig = m.form.trigger
        anchor = s.rel(m.start)
        quote = in_quote(s, anchor)
        speaker = quoted_speaker(doc, doc[m.start].idx) or (speaker_of(s, quote) if quote else None)
        source, target = roles.source, roles.target
        if source is not None and source.kind == "pronoun":
            word = source.text.lower()
            if word in FIRST_PERSON and speaker:
                roles.trace.append(f"source {source.text!r} = the quote's speaker {speaker.text!r}")
                source = speaker
            elif word in {"anda", "kamu"}:
                source = None
            else:
                source = self._antecedent(s, source, recent, roles, "source")
        if target is not None and target.kind == "pronoun":
            target = self._antecedent(s, target, recent, roles, "target", exclude=source)
        if source is not None and _both_countries(s, source) and len(recent.countries) >= 2 and target is None:
            source, target = recent.countries[-2], recent.countries[-1]
            roles.trace.append(f"'kedua negara' = the last two countries named, {source.text!r} and {target.text!r}")
        if source is None and target is None:
            roles.trace.append("dropped: no actor found")
            return None
        if source is None and roles.blocked and m.form.voice == "active":
            roles.trace.append("dropped: the verb's subject is no actor, so this is no act of one")
            return None
        if trig.place_is_target and target is None and m.form.voice != "nominal":
            roles.trace.append("dropped: a visit or arrival without the place visited")
            return None
        if trig.place_is_target and source is None and m.form.voice == "active":
            roles.trace.append("dropped: an arrival with no actor arriving ('air ... akan tiba di Jakarta')")
            return None
        if source is not None and target is not None and (source is target or source.text == target.text):
            target = None
        subj = roles.source if roles.source and s.rel(roles.source.end) <= anchor else None
        negated, hypothetical, future, notes = modality(s, anchor, subj)
        roles.trace += notes
        etype, cameo, mode, context = trig.type, trig.cameo, trig.mode, trig.context
        extra = {}
        if future and not negated and etype in FUTURE_CODES and source is not None:
            code = ontology.lookup(FUTURE_CODES[etype])
            extra["future_of"] = {"type": etype, "cameo": cameo}
            roles.trace.append(f"future {etype} is coded {code.type} {code.cameo} (PLOVER manual, {code.type})")
            etype, cameo, mode, context = code.type, code.cameo, code.mode, code.context
        if etype == "SUPPORT" and cameo == "051" and source is not None and source.sector == "MIL":
            code = ontology.lookup("062")  # PLOVER manual, SUPPORT: military support is COOPERATE
            roles.trace.append("support by a military actor is COOPERATE 062 (PLOVER manual, SUPPORT)")
            etype, cameo, mode, context = code.type, code.cameo, code.mode, code.context
        date, date_from = self._date(doc, s, m)
        trig_span = doc[m.start : m.end]
        confidence = 0.9 - (0.1 if roles.via == "surface" else 0.0) - roles.confidence_penalty
        confidence -= 0.15 if source is None else 0.0
        ev = {
            "type": etype, "mode": mode, "cameo": cameo,
            "source": source.entity_id if source else None,
            "target": target.entity_id if target else None,
            "date": date,
            "location": roles.location.entity_id if roles.location else None,
            "negated": negated, "hypothetical": hypothetical,
            "sentence": {"start": s.sent.start_char, "end": s.sent.end_char},
            "trigger": {"start": trig_span.start_char, "end": trig_span.end_char, "text": trig_span.text},
            "confidence": round(max(0.1, confidence), 2),
            "context": context,
            "source_text": source.text if source else None,
            "target_text": target.text if target else None,
            "location_text": roles.location.text if roles.location else None,
            "source_actor": self._code(source, name_codes, entity_codes),
            "target_actor": self._code(target, name_codes, entity_codes),
            "date_from": date_from,
            "rule": f"{trig.source} {m.form.pattern} {m.form.voice} via {roles.via}",
        }
        if roles.co_sources:
            ev["co_sources"] = [c.entity_id or c.text for c in roles.co_sources]
        if speaker and speaker is not source:
            ev["speaker"] = speaker.entity_id or speaker.text
        ev.update(extra)
        return ev

    @staticmethod
    def _is_person(a: actors_mod.Actor, ent_types: dict[str, str]) -> bool:
        """Who "ia/dia" may point back to: a PERSON entity, else a name of two words or more."""
        if a.entity_id:
            return ent_types.get(a.entity_id) == "PERSON"
        return a.kind == "name" and len(a.text.split()) >= 2 and not a.country

    def _antecedent(self, s: Sentence, pronoun, recent: Recent, roles: Roles, label: str, exclude=None):
        """ia/dia and a possessive "-nya" -> the last person named before it (this sentence first);
        mereka -> the last group; pihaknya ("his side") -> the last actor, person or institution."""
        word = pronoun.text.lower()
        before = [a for a in s.actors if a.end <= pronoun.start and a.kind != "pronoun" and not a.is_place
                  and a is not exclude]
        if word == "dirinya" and exclude is None and s.word(s.rel(pronoun.start) - 1) in DIRECTIVE_VERBS:
            before = before[:-1]  # "Jokowi meminta dirinya mengusut": whom Jokowi asks, not Jokowi
        if word in PERSONAL or word in {"-nya", "dirinya"}:
            here = [a for a in before if a.sector or (a.kind in ("entity", "name") and not a.country)]
            found = here[-1] if here else recent.person
        elif word == "pihaknya":  # "Jaksa Agung X mengatakan pihaknya akan memeriksa ..."
            found = before[-1] if before else recent.actor
        elif word == "mereka":  # a group named in an earlier sentence first: "Polisi meminta mereka ..."
            here = [a for a in before if a.kind == "sector" and a.sector in COLLECTIVE]
            found = recent.group or (here[-1] if here else None)
        else:
            found = None
        if found is None or found is exclude:
            if word == "-nya":  # a suffix is no actor phrase to print
                roles.trace.append(f"{label} '-nya': no antecedent, left empty")
                return None
            roles.trace.append(f"{label} {pronoun.text!r}: pronoun left unresolved")
            return pronoun
        roles.trace.append(f"{label} {pronoun.text!r} = {found.text!r}, the last compatible actor named before it")
        return found

    @staticmethod
    def _date(doc, s: Sentence, m: TriggerMatch) -> tuple[str | None, str | None]:
        lo, hi = s.sent.start_char, s.sent.end_char
        pos = doc[m.start].idx
        found = [d for d in (doc._.dates or []) if lo <= d.start and d.end <= hi and d.value
                 and not str(d.value).startswith("P") and d.granularity != "duration"]
        if found:
            best = min(found, key=lambda d: abs(d.start - pos))
            return str(best.value), "text"
        if doc._.published:
            return doc._.published.isoformat(), "published"
        return None, None

    @staticmethod
    def _entity_codes(doc) -> dict[str, tuple[str | None, str | None]]:
        return {e.id: actors_mod.code_from_entity(e) for e in (doc._.entities or [])}

    @staticmethod
    def _name_codes(sentence_actors, entity_codes) -> dict[str, tuple[str | None, str | None]]:
        """Country and sector per entity id or last name, merged over the whole article, so
        "Putin" alone gets the RUS GOV that "Presiden Rusia Vladimir Putin" showed earlier."""
        codes = {k: v for k, v in entity_codes.items()}
        for found in sentence_actors:
            for a in found:
                if a.kind not in ("name", "entity") or a.head_is_country:
                    continue
                for key in filter(None, (a.entity_id, a.text.split()[-1].lower())):
                    cty, sec = codes.get(key, (None, None))
                    codes[key] = (cty or a.country, sec or a.sector)
        return codes

    @staticmethod
    def _code(a: actors_mod.Actor | None, name_codes, entity_codes=None) -> str | None:
        """ISO3 + sector: the entity's KB facts first, then the phrase's own words, then what
        the same name showed elsewhere in the article."""
        if a is None:
            return None
        kb = (entity_codes or {}).get(a.entity_id, (None, None)) if not a.head_is_country else (None, None)
        cty, sec = kb[0] or a.country, kb[1] or a.sector
        if a.kind in ("name", "entity"):
            for key in filter(None, (a.entity_id, a.text.split()[-1].lower())):
                kc, ks = name_codes.get(key, (None, None))
                cty, sec = cty or kc, sec or ks
        return " ".join(p for p in (cty, sec) if p) or None
