"""Direct quotes and who said them, the way Indonesian news writes them.

    “Kami sangat menghargai dukungan Anda,” kata Putin dalam sebuah pernyataan.
    Ceferin mengatakan: “UEFA ingin agar turnamen 2020 itu ...
    "Ya, benar diblokir," jelasnya.            ("-nya", "dia", "sang pelatih": the last speaker)
    "Saya akan kembali fit."                   (no cue: continues the previous speaker)
    “…,” terang Kapolsek Pesantren, Kompol Sucipto.   (the name after the role speaks)

Quote marks come curly or straight, sometimes mixed ("…”), and a quote running over several
paragraphs opens again in each without closing. `scan_quotes` finds the spans (the
`dangling_quote` check reuses it); `kabar_quotes` attributes them to entities of
`doc._.entities` (filled by the NER component) and writes `doc._.quotes`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from kabar.nlp.extensions import init_doc
from kabar.report import Entity, Quote

OPENERS = {"“", "„", "«"}
CLOSERS = {"”", "»"}
STRAIGHT = {'"'}

# Speech verbs written after the quote: "…,” kata Putin / ujarnya / papar dia.
CUES_AFTER = (
    "kata|ujar|ucap|ungkap|tegas|jelas|tutur|imbuh|tambah|cuit|terang|papar|cetus|tulis|sebut|"
    "lanjut|tandas|pungkas|seru|tukas|timpal|sambung|kilah|aku|bilang|urai|beber|katakan|tutup|kicau"
)
# Verbs introducing a quote: "Ceferin mengatakan: “…", "Menurut Yonhap, “…".
CUES_BEFORE = (
    "mengatakan|menyatakan|menegaskan|menjelaskan|mengungkapkan|menuturkan|menambahkan|berkata|"
    "bilang|menulis|mencuit|menyebut|memaparkan|menerangkan|mengakui|bertanya|"
    "menekankan|menyampaikan|mengungkap|berujar|berpesan|mengimbau|meminta|berkomentar|melanjutkan|"
    "menjawab|mengutarakan|menyebutkan|bercerita"
)
PRONOUNS = {"ia", "dia", "beliau", "nya"}
AFTER_RE = re.compile(
    rf"^[\s,]*(?:(?:demikian|begitu)\s+)?(?:({CUES_AFTER})(nya)?|(?:di)?(?:katakan|ungkapkan|sampaikan|tegaskan|jelaskan)\s+(?:oleh\s+)?|menurut)\b\s*(.*)",
    re.I | re.S,
)
BEFORE_RE = re.compile(
    rf"(?:^|[.!?,;]\s)\s*((?:[^.!?;]|\.(?=\S))*?)\s*\b({CUES_BEFORE})\b(?:\s+bahwa)?\s*[:,]?\s*$", re.I | re.S)
# The speaker and the verb after the quote, in that order: "…” Federer mengatakan seperti dikutip".
INVERTED_RE = re.compile(rf"^[\s,]*((?:[^\s.,;:!?“”\"]+\s+){{0,5}}?[^\s.,;:!?“”\"]+)\s+({CUES_BEFORE})\b", re.I)
MENURUT_BEFORE_RE = re.compile(r"\b[Mm]enurut\s+([^,.:]+?)\s*[,:]\s*$")
# Where a speaker phrase ends: "kata Putin dalam sebuah pernyataan" → "Putin".
PHRASE_END = re.compile(
    r"\s*(?:[,.;:!?(\[]|\s(?:dalam|saat|ketika|kepada|kpd|di|seusai|usai|seperti|sebagaimana|dilansir|dikutip|"
    r"melalui|lewat|pada|yang|sambil|sembari|menanggapi|terkait|soal|tentang|setelah|sebelum|penuh|lagi)\b)"
)
# Descriptions that stand for a person named earlier: "ucap sang pelatih", "Pria itu mengatakan".
GENERIC_PEOPLE = {"sang", "pria", "wanita", "perempuan", "lelaki", "pemain", "pelatih", "pemuda",
                  "mantan", "bocah", "ayah", "ibu", "suami", "istri", "pebalap", "petenis", "penyanyi"}
APPOSITIVE = re.compile(r"\s*(?:\([^)]{0,40}\))?\s*,\s*(?:[A-Z][\w.]*\s+){0,3}?")
# A person who then speaks: "Wright menyebut bahwa", "Rizieq berkata", "Jonan juga mengatakan".
SPEECH_AFTER = re.compile(rf"\s+(?:(?:juga|pun|kemudian|lantas|lalu|sempat|telah|sudah|pernah)\s+)?"
                          rf"(?:{CUES_BEFORE}|mengaku|menilai|berpendapat|mengemukakan)\b", re.I)
MAX_PARAGRAPHS = 2  # a quote left open may close this many paragraphs later
MIN_WORDS = 4  # shorter quoted text without a cue is a term in scare quotes: “kode keras”


@dataclass
class QuoteSpan:
    """One stretch of quoted text: [start, end) excludes the marks."""
    open_at: int
    start: int
    end: int
    close_at: int | None  # None: the paragraph ended before a closing mark
    continues: bool = False  # unclosed, and the next paragraph opens a quote again (news style)


def scan_quotes(text: str) -> tuple[list[QuoteSpan], list[int]]:
    """Quoted spans paragraph by paragraph, and the offsets of closing marks with no opener.
    A quote left open at a paragraph end stays open until a closing mark in the next
    paragraphs (when no other quote mark comes first)."""
    spans: list[QuoteSpan] = []
    stray: list[int] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    carry_from: int | None = None  # an opener left alone at the end of the previous line
    unclosed: int | None = None  # index in spans of a quote left open at a paragraph end
    unclosed_para = 0
    for index, (p_start, p_end) in enumerate(paragraphs):
        open_at = carry_from
        carry_from = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in OPENERS and ch not in CLOSERS and ch not in STRAIGHT:
                continue
            if ch in STRAIGHT and i > p_start and text[i - 1].isdigit():
                continue  # inches or seconds of arc: 202,5"
            if open_at is None:
                closing = ch in CLOSERS or (ch in STRAIGHT and _looks_closing(text, i, p_start))
                if closing and unclosed is not None and index - unclosed_para <= MAX_PARAGRAPHS:
                    # the writer did not reopen the quote in the next paragraph: one long quote
                    spans[unclosed] = _span(text, spans[unclosed].open_at, i, i)
                elif closing:
                    stray.append(i)
                else:
                    open_at = i
                unclosed = None
            elif ch in OPENERS:  # a second opener: the first one never closed
                spans.append(_span(text, open_at, i, None))
                open_at = i
            else:
                spans.append(_span(text, open_at, i, i))
                open_at = None
        if open_at is None:
            continue
        if not text[open_at + 1 : p_end].strip() and index + 1 < len(paragraphs):
            carry_from = open_at  # “ at a line end: the quote is the next line
            continue
        span = _span(text, open_at, p_end, None)
        nxt = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        span.continues = nxt is not None and text[nxt] in OPENERS | STRAIGHT
        spans.append(span)
        unclosed, unclosed_para = (None if span.continues else len(spans) - 1), index
    return [s for s in spans if s.end > s.start], stray


def _looks_closing(text: str, i: int, p_start: int) -> bool:
    """A straight quote glued to the word before it and followed by space or punctuation."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and before not in "([" and (after.isspace() or after in ",.;:!?)")


def _span(text: str, open_at: int, end: int, close_at: int | None) -> QuoteSpan:
    start = open_at + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_at, start, end, close_at)


class _Attributor:
    """Finds the speaker of each quote from the text around it and the entity list."""

    def __init__(self, text: str, entities: list[Entity], spans: list[QuoteSpan]):
        self.text = text
        self.spans = spans
        self.mentions = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0]
        )

    def attribute(self, span: QuoteSpan, earlier: list[Quote]) -> Quote | None:
        text = self.text
        previous = earlier[-1] if earlier else None
        speaker, extra = None, {}
        short = len(text[span.start : span.end].split()) < MIN_WORDS
        after = self._after(span)
        found, found_before = after or self._before(span), after is None
        if found:
            phrase_start, phrase_end, cue = found
            phrase = text[phrase_start:phrase_end]
            extra = {"cue": cue, "speaker_text": phrase}
            words = phrase.lower().split()
            if not words or words[0] in PRONOUNS:
                extra["via"] = "pronoun"
            else:
                first = cue != "menurut" and found_before
                speaker = (self._appositive(phrase_end) or self._entity_in(phrase_start, phrase_end, "PERSON", first)
                           or self._entity_in(phrase_start, phrase_end, "ORG", first) or self._by_short_name(phrase))
                if speaker is None and words[0] in GENERIC_PEOPLE:
                    extra["via"] = "description"  # "ucap sang pelatih", "Pria yang ... mengatakan"
            if extra.get("via"):
                speaker = self._salient_speaker(span.open_at, earlier)
                if speaker is None and previous is not None:
                    speaker, extra["speaker_text"] = previous.speaker, previous.extra.get("speaker_text")
        elif previous is not None and self._adjacent(previous, span) and not short:
            speaker = previous.speaker
            extra = {"via": "continuation", "speaker_text": previous.extra.get("speaker_text")}
        elif short:
            return None
        if span.close_at is None:
            extra["unclosed"] = True
        return Quote(span.start, span.end, text[span.start : span.end], speaker, extra)

    def _after(self, span: QuoteSpan):
        """`…,” kata Putin dalam …` → the phrase after the cue, up to where it stops naming."""
        if span.close_at is None:
            return None
        rest_start = span.close_at + 1
        line_end = self.text.find("\n", rest_start)
        rest = self.text[rest_start : line_end if line_end >= 0 else len(self.text)]
        m = AFTER_RE.match(rest)
        if not m:
            m = INVERTED_RE.match(rest)
            return (rest_start + m.start(1), rest_start + m.end(1), m[2].lower()) if m else None
        if m[2]:  # "katanya", "ujarnya"
            return rest_start + m.start(2), rest_start + m.start(2), (m[1] + m[2]).lower()
        phrase_start = rest_start + m.start(3)
        stop = PHRASE_END.search(rest, m.start(3))
        phrase_end = rest_start + (stop.start() if stop else len(rest))
        cue = (m[1] or m.group(0)[: m.start(3)].strip(" ,")).lower()
        return phrase_start, max(phrase_start, phrase_end), cue

    def _before(self, span: QuoteSpan):
        """`Ceferin mengatakan: “…` or `Menurut Yonhap, “…` in the text before the opener."""
        line_start = self.text.rfind("\n", 0, span.open_at) + 1
        head = self.text[line_start : span.open_at]
        m = MENURUT_BEFORE_RE.search(head)
        if m:
            return line_start + m.start(1), line_start + m.end(1), "menurut"
        m = BEFORE_RE.search(head)
        if not m or not m[1].strip():
            return None
        subject_start, subject_end = line_start + m.start(1), line_start + m.end(1)
        subject = self.text[subject_start:subject_end]
        tail = subject.rsplit(",", 1)[-1].lstrip()
        if tail[:1].isupper():  # "Berbicara di London, Ceferin mengatakan:" → "Ceferin"
            subject_start, subject = subject_end - len(tail), tail
        word = subject.split()[-1].lower() if subject.split() else ""
        if word in PRONOUNS:
            return subject_end - len(word), subject_end, m[2].lower()
        return subject_start, subject_end, m[2].lower()

    def _entity_in(self, start: int, end: int, kind: str, first: bool) -> str | None:
        """The person (or organisation) named in the speaker phrase; places do not speak. After
        the quote the last one ("kata Kepala Kanwil Kemenkumham Riau Ferdinand Siagian": titles
        and organisations come before the name); before it the first (the sentence's subject)."""
        hits = [e for s, t, e in self.mentions if s < end and start < t and e.type == kind]
        return hits[0 if first else -1].id if hits else None

    def _appositive(self, phrase_end: int) -> str | None:
        """`kata Sekjen PSI, Raja Juli Antoni`, `terang Kapolsek Pesantren, Kompol Sucipto`: the name
        follows the role after a comma (and a rank); it is the speaker, the role only describes."""
        m = APPOSITIVE.match(self.text, phrase_end)
        if not m:
            return None
        for s, _, e in self.mentions:
            if m.start() < s <= m.start() + 60 and e.type == "PERSON":
                between = self.text[m.start():s]
                return e.id if re.fullmatch(APPOSITIVE, between) else None
        return None

    def _by_short_name(self, phrase: str) -> str | None:
        """`kata Sandi` when the NER left "Sandi" unlinked: the one person whose name has a word
        that is, or starts with, the phrase's last word."""
        word = phrase.split()[-1]
        if not word[:1].isupper() or len(word) < 4:
            return None
        people = {e.id for _, _, e in self.mentions if e.type == "PERSON"
                  and any(w == word or w.startswith(word) for w in e.name.split())}
        return people.pop() if len(people) == 1 else None

    def _salient_speaker(self, before: int, earlier: list[Quote]) -> str | None:
        """Who "-nya", "dia" or "sang pelatih" is: the nearest earlier speaker, i.e. the speaker of
        an earlier quote or a person followed by a speech verb ("Wright menyebut bahwa ...");
        without one, the last person mentioned outside quotes."""
        candidates = [(q.end, q.speaker) for q in earlier if q.speaker and q.end <= before]
        for s, t, e in self.mentions:
            if s < before and e.type == "PERSON" and SPEECH_AFTER.match(self.text, t):
                candidates.append((s, e.id))
        if candidates:
            return max(candidates, key=lambda c: c[0])[1]
        for s, _, e in reversed(self.mentions):
            if s < before and e.type == "PERSON" and not any(q.start <= s < q.end for q in self.spans):
                return e.id
        return None

    def _adjacent(self, previous: Quote, span: QuoteSpan) -> bool:
        """At most one paragraph of reported speech, and no other person, between the quotes."""
        if previous.speaker is None and not previous.extra.get("speaker_text"):
            return False
        between = self.text[previous.end : span.open_at]
        others = [e for s, _, e in self.mentions
                  if previous.end <= s < span.open_at and e.type == "PERSON" and e.id != previous.speaker]
        paragraphs = [line for line in between.split("\n")[1:] if line.strip()]
        return len(paragraphs) <= 1 and not others and len(between) < 400


def find_quotes(text: str, entities: list[Entity]) -> list[Quote]:
    spans, _ = scan_quotes(text)
    attributor = _Attributor(text, entities, spans)
    quotes: list[Quote] = []
    for span in spans:
        quote = attributor.attribute(span, quotes)
        if quote is not None:
            quotes.append(quote)
    return quotes


@Language.component("kabar_quotes")
def kabar_quotes(doc: Doc) -> Doc:
    """Fill `doc._.quotes`; speakers are ids of `doc._.entities` (None when not found)."""
    init_doc(doc)
    doc._.quotes = find_quotes(doc.text, doc._.entities)
    return doc
