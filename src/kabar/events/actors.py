"""Who can be an event's source or target in a sentence, and their actor codes.

An actor phrase is a named entity (from `doc._.entities` / `doc.ents` when the NER step ran,
else a run of capitalised words), a country word, or a sector noun ("pasukan", "pemerintah"),
extended over the titles and country words in front of it: "Presiden Rusia Vladimir Putin"
is one actor coded RUS GOV. Codes follow PLOVER: ISO3 country + sector (manual, "Actors").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import simplemma
import yaml
from spacy.lang.id.stop_words import STOP_WORDS

from kabar.nlp.titles import match_title

ACTORS_FILE = Path(__file__).parent / "data" / "actors.yaml"
PRONOUNS = {"ia", "dia", "beliau", "mereka", "kami", "kita", "saya", "aku", "anda", "kamu", "keduanya", "pihaknya",
            "dirinya", "ketiganya", "keempatnya", "kelimanya"}
FIRST_PERSON = {"kami", "kita", "saya", "aku"}
POSSESSORS = {"mereka", "kami", "kita"}  # after a sector noun they say whose ("pemimpin mereka")
# Words that never join a sector noun to the name after it ("polisi menangkap Rizieq").
LINK_STOP = {
    "dan", "atau", "di", "ke", "dari", "yang", "untuk", "dengan", "oleh", "pada", "kepada", "terhadap",
    "bagi", "atas", "dalam", "itu", "ini", "tersebut",
}
# Adverbs and auxiliaries never join a sector noun to a capitalised word ("polisi sedang Olah TKP").
ADVERBS = {"sedang", "telah", "sudah", "akan", "juga", "masih", "belum", "pernah", "sempat", "tidak", "tak", "pun", "lalu",
           "kemudian", "segera", "terus", "baru", "kini"}
CALENDAR = {
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "januari", "februari",
    "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
    "desember", "wib", "wita", "wit",
}


@dataclass
class Actor:
    start: int  # doc token index
    end: int
    text: str
    kind: str  # entity | name | country | sector | pronoun
    entity_id: str | None = None
    country: str | None = None
    sector: str | None = None
    char_start: int = 0
    head_is_country: bool = False  # "pasukan Korea Utara": the named part is only a country
    is_place: bool = False  # a country word or a GPE/LOC entity


    @property
    def code(self) -> str | None:
        parts = [p for p in (self.country, self.sector) if p]
        return " ".join(parts) or None


@dataclass(frozen=True)
class Vocabulary:
    sectors: dict[tuple[str, ...], str]
    countries: dict[tuple[str, ...], str]
    longest: int

    def match(self, words: list[str], i: int, table: dict) -> tuple[int, str] | None:
        """Longest phrase of `table` starting at words[i] -> (length, code)."""
        for n in range(min(self.longest, len(words) - i), 0, -1):
            code = table.get(tuple(words[i : i + n]))
            if code:
                return n, code
        return None


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = yaml.safe_load(ACTORS_FILE.read_text(encoding="utf-8"))
    sectors = {tuple(w.split()): code for code, words in data["sectors"].items() for w in words}
    countries = _pycountry_names()
    countries.update({tuple(w.split()): code for code, words in data["countries"].items() for w in words})
    longest = max(len(k) for k in list(sectors) + list(countries))
    return Vocabulary(sectors, countries, longest)


def _pycountry_names() -> dict[tuple[str, ...], str]:
    """Lower-cased word tuples of every country name, Indonesian and English (kb.countries)."""
    import pycountry

    from kabar.kb.countries import country_names

    return {tuple(name.lower().replace(",", "").split()): c.alpha_3
            for c in pycountry.countries for name in country_names(c)}


def country_code(value) -> str | None:
    """A KB country (ISO2, ISO3 or a name) as ISO3."""
    if not value or not isinstance(value, str):
        return None
    if len(value) == 3 and value.isupper():
        return value
    if len(value) == 2 and value.isupper():
        import pycountry

        c = pycountry.countries.get(alpha_2=value)
        return c.alpha_3 if c else None
    return vocabulary().countries.get(tuple(value.lower().split()))


def codes_in(text: str) -> tuple[str | None, str | None]:
    """(first country, last sector) named in a title or KB position, Indonesian or English:
    "Presiden Rusia" and "President of Russia" both give (RUS, GOV)."""
    words = text.lower().replace(",", " ").split()
    vocab = vocabulary()
    cty = sec = None
    i = 0
    while i < len(words):
        hit_c = vocab.match(words, i, vocab.countries)
        hit_s = vocab.match(words, i, vocab.sectors)
        if hit_c and (not hit_s or hit_c[0] >= hit_s[0]):
            cty = cty or hit_c[1]
            i += hit_c[0]
        elif hit_s:
            sec = hit_s[1]
            i += hit_s[0]
        else:
            i += 1
    return cty, sec


def _is_name_token(tok, sent_start: int, trigger_words: set[str]) -> bool:
    text = tok.text
    if not text[:1].isupper() or not any(ch.isalpha() for ch in text):
        return False
    low = text.lower()
    if low in CALENDAR or low in PRONOUNS or low in trigger_words or low in NOT_NAMES:
        return False  # "Kunjungan Raja ...": the event word is not part of the name
    prev = tok.nbor(-1).text if tok.i > sent_start else ""
    forms = {low} | {low[: -len(p)] for p in PARTICLES if low.endswith(p) and len(low) > len(p) + 3}
    opens_title = match_title([t.text.lower() for t in tok.doc[tok.i : tok.i + 4]], 0) is not None
    acronym = len(text) > 1 and text.isupper()  # "( HAM )" is a name, not the word "ham"
    if (tok.i == sent_start or prev in {"“", '"', "(", "‘"}) and not (opens_title or acronym):  # "Ketua DPR X"
        if any(f in STOP_WORDS for f in forms) or _verb_shaped(low):
            return False  # "Selanjutnya ...", "Namun ...": capitalised only because they start the sentence
        if any(simplemma.is_known(f, lang="id") for f in forms) and not _first_name(tok):
            return False
    if prev in {"-", "–", "—", "--"} and forms & STOP_WORDS:
        return False  # "Jakarta , CNN Indonesia - - Seorang ...": a sentence starts after the dateline
    return True


def _first_name(tok) -> bool:
    """A dictionary word that opens the sentence is a given name when a word no dictionary knows follows
    it ("Hanif Dhakiri", "Budi Gunawan"); a derived noun is not ("Kebijakan Trump")."""
    low = tok.text.lower()
    if low.endswith(("an", "nya")) or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.nbor(1).text
    return nxt[:1].isupper() and nxt.isalpha() and nxt.lower() not in STOP_WORDS | CALENDAR | NOT_NAMES \
        and not simplemma.is_known(nxt.lower(), lang="id")


# "Menurutnya", "Barulah", "Siapakah": a particle glued to a common word
PARTICLES = ("nya", "lah", "pun", "kah")
# Capitalised words that never name an actor: money, legal references, years and feasts.
NOT_NAMES = {
    "rp", "us$", "usd", "euro", "baht", "dolar", "rupiah", "pasal", "ayat", "nomor", "no", "no.", "tahun",
    "ramadan", "ramadhan", "lebaran", "syawal", "masehi", "hijriah", "imlek", "idul", "fitri", "adha",
    "undang", "undang-undang", "uu", "uud", "perppu", "kemarin", "besok", "lusa",
}


PEOPLE = {"CVL", "PTY", "MIL", "COP", "CRM", "REL", "UNK", "REB", "JRN", "MED", "REF"}


def _possessed(word: str, vocab: Vocabulary) -> tuple[int, str] | None:
    """"kadernya", "warganya", "pasukannya": a one-word actor noun with the possessive -nya."""
    if not word.endswith("nya") or len(word) < 7 or word in PRONOUNS:
        return None  # "pihaknya" is a pronoun of its own
    code = vocab.sectors.get((word[:-3],))
    return (1, code) if code in PEOPLE else None  # "negaranya", "pemerintahnya" point back to a state


def _verb_shaped(word: str) -> bool:
    """Prefixed like a verb (menangkap, dikecam, bertemu, terluka): never inside an actor name."""
    return len(word) > 4 and word.startswith(("me", "di", "ber", "ter"))


NAME_PARTICLES = {"bin", "binti", "al", "el", "ibn", "van", "von", "de", "dos", "for", "of"}  # "Center for X Analysis"


def _particle(sent, i: int) -> bool:
    """A lowercase particle inside a name, followed by the rest of it: "bin Abdul", "al - Saud"."""
    if sent[i].text == "-" and sent[i - 1].text in {"al", "el"}:
        return True  # "al - Saud"
    if sent[i].text not in NAME_PARTICLES:
        return False
    nxt = sent[i + 1 : i + 3]
    return bool(len(nxt)) and (nxt[0].text[:1].isupper() or (nxt[0].text == "-" and len(nxt) > 1 and nxt[1].text[:1].isupper()))


def _glued(sent, i: int) -> bool:
    """Token i continues a hyphenated name: no space before it, and "-" joins words."""
    prev = sent[i - 1]
    return not prev.whitespace_ and (sent[i].text == "-" or prev.text == "-") and sent[i].text != ","


def entity_spans(doc) -> list[tuple[int, int, str]]:
    """(start token, end token, entity id) for every mention the NER/linking steps left."""
    spans = []
    for ent in getattr(doc._, "entities", None) or []:
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                spans.append((span.start, span.end, ent.id))
    for ent in doc.ents:
        eid = ent._.entity_id
        if eid and not any(s == ent.start and e == ent.end for s, e, _ in spans):
            spans.append((ent.start, ent.end, eid))
    return sorted(spans)


def find_actors(sent, ents: list[tuple[int, int, str]], trigger_words: set[str],
                places: set[str] = frozenset()) -> list[Actor]:
    """Actor phrases in one sentence, left to right, not overlapping. `places`: ids of the
    entities that are places (GPE, LOC)."""
    vocab = vocabulary()
    words = [t.text.lower() for t in sent]
    base = sent.start
    n = len(words)
    kind = [None] * n  # per token: what makes it part of an actor
    eid = [None] * n
    for s, e, ident in ents:
        for i in range(max(s, base), min(e, sent.end)):
            kind[i - base], eid[i - base] = "entity", ident
    country = [None] * n
    sector = [None] * n
    i = 0
    while i < n:
        hit = vocab.match(words, i, vocab.countries)
        if hit and not (words[i] in {"as", "ri"} and not sent[i].text.isupper()):
            for j in range(i, i + hit[0]):
                country[j] = hit[1]
                kind[j] = kind[j] or "country"
            i += hit[0]
            continue
        hit = vocab.match(words, i, vocab.sectors) or _possessed(words[i], vocab)
        if hit:
            for j in range(i, i + hit[0]):
                sector[j] = hit[1]
                kind[j] = kind[j] or "sector"
            i += hit[0]
            continue
        if kind[i] is None and _is_name_token(sent[i], base, trigger_words):
            kind[i] = "name"
        elif kind[i] is None and i and kind[i - 1] == "name" and _glued(sent, i):
            kind[i] = "name"  # "Kim Kum-chol": "-" and "chol" belong to the name
        elif kind[i] is None and i and kind[i - 1] in ("name", "entity") and _particle(sent, i):
            kind[i] = "name"  # "Salman bin Abdul Aziz al - Saud"
        elif kind[i] is None and words[i] in POSSESSORS and i and kind[i - 1] == "sector":
            kind[i] = "sector"  # "duta besar mereka": whose ambassador, one actor
        elif kind[i] is None and words[i] in PRONOUNS:
            kind[i] = "pronoun"
        elif kind[i] is None and words[i : i + 2] == ["yang", "bersangkutan"]:
            kind[i] = kind[i + 1] = "pronoun"  # "the person concerned", one pronoun of two words
        i += 1
    # "Jenderal   Gatot Nurmantyo", "Detasemen Khusus 88 Anti Teror": a run of spaces (a token of
    # its own) or a number between two parts of a name does not split it.
    for i in range(1, n - 1):
        if (sent[i].is_space or sent[i].is_digit) and kind[i] is None and kind[i - 1] in ("name", "entity", "sector") \
                and kind[i + 1] in ("name", "entity", "sector") and sent[i + 1].text[:1].isupper():
            kind[i] = "link"
    # "Kesatuan Pelaut Indonesia ( KPI )": an abbreviation in brackets belongs to the name before.
    for i in range(1, n - 2):
        abbreviation = kind[i + 1] in ("name", "entity", "country") or (
            kind[i + 1] == "sector" and sent[i + 1].text[:1].isupper())  # "Kepolisian Daerah ( Polda ) Metro Jaya"
        if words[i] == "(" and kind[i - 1] not in (None, "pronoun") and abbreviation and words[i + 2] == ")":
            kind[i] = kind[i + 2] = "link"
    _join_ministry_titles(sent, words, kind, eid, sector, country)
    # "aparat keamanan Myanmar", "pasukan khusus AS": a sector noun, up to two plain words, a country.
    for i in range(n):
        if kind[i] == "sector":
            for gap in (1, 2):
                j = i + gap + 1
                plain = all(kind[k] is None and sent[k].is_alpha and sent[k].is_lower and words[k] not in LINK_STOP
                            and words[k] not in ADVERBS
                            and words[k] not in trigger_words and not _verb_shaped(words[k])
                            for k in range(i + 1, min(j, n)))
                if j < n and plain and kind[j] in ("country", "name", "entity") and sent[j].text[:1].isupper():
                    kind[i + 1 : j] = ["link"] * gap
                    break
    # "pemerintah, militer, dan rakyat Rusia": sector nouns listed before one country share it.
    i = 0
    while i < n:
        chain, j = [i], i  # indices of the listed sector nouns
        while kind[chain[-1]] == "sector":
            k = chain[-1] + 1
            while k < n and kind[k] == "sector":
                k += 1  # a multiword sector noun
            j = k
            while j < n and words[j] in {",", "dan", "serta"}:
                j += 1
            if j == k or j >= n or kind[j] != "sector":
                break
            chain.append(j)
        last_end = next((k for k in range(chain[-1], n) if kind[k] != "sector"), n)
        shared = last_end < n and kind[last_end] in ("country", "name", "entity")
        if len(chain) > 1 and shared:
            for k in range(chain[0], chain[-1]):
                if kind[k] is None:
                    kind[k] = "link"
        i = chain[-1] + 1
    actors = []
    i = 0
    while i < n:
        if kind[i] is None or kind[i] == "link":
            i += 1
            continue
        if kind[i] == "pronoun":
            size = 2 if words[i] == "yang" else 1
            actors.append(_actor(sent, i, i + size, "pronoun", None, None, None))
            i += size
            continue
        j = i
        while j < n and kind[j] not in (None, "pronoun") and not (
            kind[j] == "link" and words[j] != ")" and (j + 1 >= n or kind[j + 1] in (None, "pronoun"))
        ):
            # a new entity directly after another entity is a new actor ("Kim Putin" is rare,
            # "Rusia Korea Utara" never one)
            if j > i and eid[j] and eid[j - 1] and eid[j] != eid[j - 1] and kind[j - 1] != "link":
                # ... unless it is a name after a title ("Gubernur Sulawesi Tenggara Nur Alam")
                titled = (any(sector[i:j]) or match_title(words, i) is not None) and eid[j] not in places
                if not (country[j - 1] or sector[j - 1] or titled):
                    break
            j += 1
        ids = [e for e in eid[i:j] if e]
        kinds = set(kind[i:j])
        head_kind = "entity" if ids else "name" if "name" in kinds else "country" if "country" in kinds else "sector"
        cty = next((c for c in country[i:j] if c), None)
        listed = "link" in kind[i:j] and any(w in {",", "dan"} for w in words[i:j])
        # the head comes last ("Ketua Umum Partai X"), except in a list ("pemerintah, militer, dan rakyat")
        sec = next((s for s in (sector[i:j] if listed else reversed(sector[i:j])) if s), None)
        actor = _actor(sent, i, j, head_kind, ids[-1] if ids else None, cty, sec)
        actor.head_is_country = country[j - 1] is not None
        actor.is_place = actor.head_is_country or (actor.entity_id in places and not sec)
        actors.append(actor)
        i = j
    return actors


# Titles whose field may hold "dan", commas or brackets: "Menteri Hukum dan HAM", "Menteri Koordinator
# Politik , Hukum , dan Keamanan", "Menteri Pendidikan ( Pendidikan Tinggi dan Keterampilan )".
MINISTRY_HEADS = {"menteri", "menko", "kementerian", "kemenko"}
TITLE_JOINERS = {",", "dan", "serta", "&"}
FIELD_OPENERS = {"bidang", "urusan"}  # lowercase words that open a ministry's field
BRACKET_REACH = 8


def _join_ministry_titles(sent, words, kind, eid, sector, country) -> None:
    """Mark the joiners and brackets inside a ministry's name as part of one actor, so that
    "Menteri Kelautan dan Perikanan Susi Pudjiastuti" is one person, not two actors."""
    n = len(words)

    def field_word(k: int) -> bool:  # a capitalised word of the field, not a name, office or country
        return k < n and sent[k].text[:1].isupper() and eid[k] is None and sector[k] is None \
            and country[k] is None and kind[k] in (None, "name")

    for i in range(n):
        if kind[i] != "sector" or words[i] not in MINISTRY_HEADS:
            continue
        j = i + 1
        while j < n:
            if field_word(j):
                j += 1
                continue
            if words[j] in FIELD_OPENERS and kind[j] is None and field_word(j + 1):
                kind[j] = "link"  # "Menteri Koordinator bidang Politik , Hukum , dan Keamanan Wiranto"
                j += 1
                continue
            k = j
            while k < n and words[k] in TITLE_JOINERS:
                k += 1
            if k > j and j > i + 1 and field_word(k):
                kind[j:k] = ["link"] * (k - j)
                j = k
                continue
            if words[j] == "(" and j > i + 1:
                close = next((c for c in range(j + 1, min(n, j + BRACKET_REACH)) if words[c] == ")"), None)
                inside = range(j + 1, close) if close else ()
                if close and close + 1 < n and sent[close + 1].text[:1].isupper() and all(
                        field_word(c) or words[c] in TITLE_JOINERS for c in inside):
                    for c in range(j, close + 1):
                        kind[c] = kind[c] if kind[c] == "name" else "link"
                    j = close + 1
                    continue
            break


def _actor(sent, i, j, kind, eid, cty, sec) -> Actor:
    span = sent[i:j]
    return Actor(span.start, span.end, span.text, kind, eid, cty, sec, span.start_char)


def code_from_entity(entity) -> tuple[str | None, str | None]:
    """(country, sector) from a report.Entity's KB facts, positions and titles, when it has them."""
    extra = getattr(entity, "extra", None) or {}
    cty = country_code(extra.get("country")) or country_code((extra.get("kb") or {}).get("country"))
    sec = None
    for pos in list(extra.get("positions") or []) + list(getattr(entity, "titles", None) or []):
        text = pos if isinstance(pos, str) else " ".join(str(v) for v in (pos or {}).values() if isinstance(v, str))
        pc, ps = codes_in(text)
        cty, sec = cty or pc, sec or ps
        if sec:
            break
    return cty, sec
