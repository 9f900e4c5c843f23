"""`kabar_linker`: link entities to the knowledge base and flag names and titles that disagree
with it. Without a KB (`kb_path` unset) it does nothing.

Per entity, best evidence first:
- a KB name equal after transliteration folding -> `kb_id` (several such entities: the one
  whose offices fit the title in the text, or whose country the article mentions);
- no equal name, but a close one (`name_spelling`): only when the names agree on all tokens but
  one, that one is a plausible slip, and the context supports it (the title in the text fits an
  office the person held, the person's country is in the article, or the person is linked
  elsewhere in it), and no other KB entity is nearly as close (unless only one of the close
  ones is a sound-alike or doubled-letter slip: Mustova is Mustofa, not Mustopa). Otherwise
  silence;
- the same for a place or organisation that no KB place or organisation is close to: a
  misspelt name is often taken for one ('Jokoiw-JK');
- a word that is a slip of a word of a person linked in the article, in another mention or
  outside every entity (short words: one edit away and not an ordinary word);
Slips are scored on the folded and the unfolded spelling (Dyarot/Djarot) and respellings
(Juri/Yuri, Vidodo/Widodo) count as close (`kb.search.token_similarity`).
- a linked person whose title in the text contradicts what the KB knows on the article's date
  (`title_mismatch`); silent when the KB cannot know (older than the article);
- a person with no KB candidate at all: `unknown_person`, information only.
"""
from __future__ import annotations

import datetime as dt

from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.tokens import Doc

from kabar.kb import KB, Candidate
from kabar.kb import keys
from kabar.kb.countries import country_words
from kabar.kb.roles import STATE_HEADS, Role, fits, role
from kabar.kb.search import token_similarity
from kabar.nlp.extensions import init_doc
from kabar.nlp.lexicon import is_common
from kabar.nlp.titles import match_title
from kabar.report import Entity, Flag

KB_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
SPELLING_MIN = 0.8      # name similarity needed before context is even considered
TOKEN_SLIP_MIN = 0.75   # the one differing token must be at least this close ...
FIRST_LETTER_MIN = 0.85  # ... or this close when even its first letter differs (Kaya / Raya)
MARGIN = 0.05           # the runner-up must be this much further away
MONONYM_MIN = 0.8       # a lone word may be a slip of a one-word KB name (Jokowi) this close
STRAY_MIN = 0.8         # a word outside every linked entity must be this close to a linked name's word


@Language.factory("kabar_linker", default_config={"kb_path": None})
def make_linker(nlp: Language, name: str, kb_path: str | None):
    return Linker(KB(kb_path) if kb_path else None)


class Linker:
    def __init__(self, kb: KB | None):
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        if self.kb is None:
            return doc
        context = Context(self.kb, doc)
        found = []
        for ent in doc._.entities:
            kb_type = KB_TYPES.get(ent.type)
            if kb_type:
                found.append((ent, self.kb.candidates(ent.name, type=kb_type)))
        # Exact names first, so that partial names and slips can lean on who is already linked.
        pending = []
        for ent, cands in found:
            chosen = context.choose([c for c in cands if c.exact], ent)
            if chosen:
                context.link(ent, chosen)
            else:
                pending.append((ent, cands))
        for ent, cands in pending:
            partial = [c for c in cands if is_part_of(c, keys.tokens(ent.name))]
            chosen = context.choose(partial, ent, need=("title", "linked") if len(keys.tokens(ent.name)) == 1 else ())
            if chosen:
                context.link(ent, chosen)
            elif not any(c.exact for c in cands) and not partial:
                self._unlinked(doc, context, ent, cands)
        doc._.flags.extend(context.stray_slips(doc))
        spelled = [(f.start, f.end) for f in doc._.flags if f.kind == "name_spelling"]
        doc._.flags[:] = [f for f in doc._.flags if f.kind != "unknown_person"
                          or not any(s < f.end and f.start < e for s, e in spelled)]
        for ent in doc._.entities:
            if ent.kb_id and ent.type == "PERSON":
                doc._.flags.extend(context.mention_slips(ent))
                flag = context.title_flag(ent)
                if flag:
                    doc._.flags.append(flag)
        return doc

    def _unlinked(self, doc: Doc, context: "Context", ent: Entity, cands: list[Candidate]) -> None:
        flags = context.spelling_flags(ent, cands)
        if ent.type != "PERSON" and not any(c.score >= SPELLING_MIN for c in cands):
            # A misspelt name is often taken for a place or an organisation ('Jokoiw-JK'):
            # when nothing of that kind is close, it may still be a person's name.
            flags = context.spelling_flags(ent, self.kb.candidates(ent.name, type="PERSON"), as_person=True)
        if flags:
            doc._.flags.extend(flags)
        elif ent.type == "PERSON" and not any(c.score >= SPELLING_MIN for c in cands) and ent.mentions:
            m = ent.mentions[0]
            doc._.flags.append(Flag(
                kind="unknown_person", start=m.start, end=m.end, text=m.text,
                message=f"{ent.name} is not in the knowledge base (information, not an error)",
                evidence={"severity": "info", "kb": str(self.kb.path)}, confidence=None))


class Context:
    """What the article says around the entities: its date, its countries, who is linked."""

    def __init__(self, kb: KB, doc: Doc):
        self.kb = kb
        self.day: dt.date | None = doc._.published
        self.countries = kb.countries_in(doc.text) | {
            e.extra.get("country") for e in doc._.entities if e.extra.get("country")}
        # Indonesian news is about Indonesia whether it says so or not: weak support on its own.
        self.home = {"IDN"} if doc._.language in (None, "id") else set()
        self.linked: dict[str, Entity] = {}

    def link(self, ent: Entity, cand: Candidate) -> None:
        ent.kb_id = cand.entity_id
        ent.extra["kb"] = {"name": cand.name, "country": cand.country, "score": cand.score, "why": cand.why}
        self.linked[cand.entity_id] = ent

    # -- evidence ----------------------------------------------------------------------------
    def roles_in_text(self, ent: Entity) -> list[Role]:
        titles = list(ent.titles) + list(ent.extra.get("positions") or [])
        return [r for r in (role(t, country_words()) for t in titles) if r.head]

    def role_fit(self, ent: Entity, entity_id: str, on: dt.date | None = None) -> str | None:
        """Best fit between the entity's titles and the KB offices of `entity_id` ('match',
        'compatible', 'conflict'), or None when either side has no title."""
        text_roles = self.roles_in_text(ent)
        positions = self.kb.positions(entity_id, on=on)
        if not text_roles or not positions:
            return None
        order = {"match": 3, "compatible": 2, "unknown": 1, "conflict": 0}
        fits_ = [fits(tr, role(p.title, country_words())) for tr in text_roles for p in positions]
        return max(fits_, key=order.get)

    def title_contradicts(self, ent: Entity, entity_id: str) -> bool:
        """The KB knows what `entity_id` held on the article's date, and no office it may have
        held then fits the title in the text."""
        text_roles = [r for r in self.roles_in_text(ent) if r.clear and r.head in STATE_HEADS]
        if self.day is None or not text_roles:
            return False
        positions = self.kb.positions(entity_id, on=self.day)
        if not any(p.held_on(self.day) is True for p in positions):
            return False
        return all(fits(tr, role(p.title, country_words())) == "conflict" for tr in text_roles for p in positions)

    def support(self, ent: Entity, cand: Candidate) -> dict[str, str]:
        """The context facts that back a candidate, by kind: title, country, linked."""
        why = {}
        fit = self.role_fit(ent, cand.entity_id)
        if fit in ("match", "compatible"):
            why["title" if fit == "match" else "title_head"] = f"title in the text fits an office held ({fit})"
        if cand.country and cand.country in self.home:
            why["home_country"] = f"the person is from the country of the news ({cand.country})"
        elif cand.country and cand.country in self.countries:
            why["country"] = f"the article mentions the person's country ({cand.country})"
        if cand.entity_id in self.linked:
            why["linked"] = "the same person is named in full elsewhere in the article"
        return why

    def choose(self, cands: list[Candidate], ent: Entity, need: tuple[str, ...] = ()) -> Candidate | None:
        """The candidate the context supports best; None when it cannot decide, or when `need`
        names kinds of support of which the winner has none."""
        if not cands:
            return None
        ranked = sorted(((self.support(ent, c), c) for c in cands), key=lambda x: -len(x[0]))
        top_support, top = ranked[0]
        if len(ranked) > 1 and len(ranked[1][0]) == len(top_support):
            return None
        if need and not any(k in top_support for k in need):
            return None
        return top

    # -- flags -------------------------------------------------------------------------------
    def spelling_flags(self, ent: Entity, cands: list[Candidate], as_person: bool = False) -> list[Flag]:
        if ent.type != "PERSON" and not as_person:
            return []  # organisation and place names vary too freely (Tribune.com / Tribunnews)
        query = keys.tokens(ent.name)
        # Only readings of the whole name count: 'Aggus Hermanto' is not the KB's 'Hermanto'.
        close = [c for c in cands if c.score >= SPELLING_MIN and len(c.pairs) == len(query)]
        if not close:
            return []
        best = close[0]
        slip = one_token_slip(best, query)
        if slip is None:
            return []
        # Rivals: other readings of the whole name that would correct it differently. Two KB
        # records that agree on the correction (Luhut Pandjaitan, Luhut Binsar Panjaitan;
        # Saifuddin, Saifudin) are not.
        others = [c for c in cands if c.entity_id != best.entity_id and len(c.pairs) == len(query)
                  and not agrees(c, query, slip)]
        near = [c for c in others if c.score > best.score - MARGIN]
        if near:
            # A close race is settled only by a slip of one letter for a sound-alike or a doubled
            # letter (Zainnal: Zainal, not Zainul; Mustova: Mustofa, not Mustopa), when exactly
            # one contender has it.
            slips = [(c, one_token_slip(c, query)) for c in [best] + near]
            alike = [(c, s) for c, s in slips if s and sound_alike(*s)]
            if len(alike) != 1:
                return []
            best, slip = alike[0]
            others = [c for c in [close[0], *others] if c is not best]
        support = self.support(ent, best)
        if self.title_contradicts(ent, best.entity_id):
            return []  # the title in the text says this is someone else
        strong = {"title", "linked"} & support.keys()
        # A lone word needs the title or the full name elsewhere to back it, unless the KB
        # knows the person by that one word (Jokowi, Moeldoko) and the slip is a small one.
        known_by_one_word = (len(keys.tokens(best.matched)) == 1
                             and OSA.normalized_similarity(*slip) >= MONONYM_MIN)  # letters, not skeleton
        if not support or (len(query) == 1 and not strong and not known_by_one_word):
            return []
        if len(keys.tokens(best.matched)) > len(query) and set(support) == {"home_country"}:
            return []  # part of a longer name and a slip: the home country is too little
        if set(support) == {"home_country"} and not (one_edit(*written_slip(best, slip)) or one_edit(*slip)):
            # Indonesian news is full of Indonesians the KB does not know: with nothing but the
            # country behind it, only a one-letter slip (as written, or once spellings are
            # folded: Pandjsaitan / Panjaitan) is likely enough to be one
            # ("Joko Prianto" is not "Joko Purwanto", "Kahar Muzakkar" not "Kahar Muzakir").
            return []
        confidence = round(min(0.99, best.score * (0.8 + 0.1 * len(support))), 2)
        wrong, right = slip
        flags = []
        for m in ent.mentions:
            if wrong not in keys.tokens(m.text):
                continue  # this mention is spelled right (e.g. a short form)
            flags.append(Flag(
                kind="name_spelling", start=m.start, end=m.end, text=m.text,
                message=f"{m.text!r} looks like a misspelling of {best.matched!r}",
                suggestion=suggest(m.text, wrong, right, best.matched),
                evidence={"kb_id": best.entity_id, "kb_name": best.name, "score": best.score,
                          "why": best.why + list(support.values()), "country": best.country,
                          "runner_up": others[0].matched if others else None},
                confidence=confidence))
        return flags

    def mention_slips(self, ent: Entity) -> list[Flag]:
        """A linked person's other mentions with one token that is a slip of a KB name token
        ('Setya Novanto ... Setya Novatno' merged into one entity)."""
        names = self.kb.entity(ent.kb_id)["names"]
        known = {}  # folded token -> as the KB spells it (ascii)
        for n in names:
            for raw in keys.ascii_fold(n).split():
                known.setdefault(keys.fold_token(raw), raw)
        flags = []
        for m in ent.mentions:
            written = keys.ascii_fold(m.text).split()
            unknown = [(keys.fold_token(r), r) for r in written if keys.fold_token(r) not in known]
            if len(unknown) != 1 or len(unknown[0][0]) < 3:
                continue
            wrong, raw_wrong = unknown[0]
            right = max(known, key=lambda k: token_similarity(wrong, k, raw_wrong, known[k]))
            score = token_similarity(wrong, right, raw_wrong, known[right])
            if score < SPELLING_MIN and not short_slip(wrong, right):
                continue
            flags.append(Flag(
                kind="name_spelling", start=m.start, end=m.end, text=m.text,
                message=f"{m.text!r} looks like a misspelling of {ent.extra['kb']['name']!r}, named elsewhere in the article",
                suggestion=suggest(m.text, wrong, right, " ".join(names)),
                evidence={"kb_id": ent.kb_id, "kb_name": ent.extra["kb"]["name"], "score": round(score, 3),
                          "why": [f"{wrong!r} is close to {right!r}", "other mentions of this person match the KB"]},
                confidence=round(0.9 * score, 2)))
        return flags

    def stray_slips(self, doc: Doc) -> list[Flag]:
        """Capitalised words outside linked entities (unrecognised, or in an unlinked entity)
        that are slips of a word of a person linked in this article ('Anies Baswedan ... kata
        Aniess'): the article itself spells the name right elsewhere. A word right before a
        linked mention is compared with the KB word that comes before it in the name ('Sesi
        Pudjiastuti': Susi), ordinary word or not. Words that are themselves names in the KB
        are left alone, unless they are only part of KB names, one letter from the linked name, and
        the article gives them no fuller name of their own ('Eric' beside Erick Thohir)."""
        targets: dict[str, tuple[str, Entity]] = {}
        given_before: dict[int, dict[str, tuple[str, Entity]]] = {}  # mention start -> KB word before it
        for ent in doc._.entities:
            if ent.kb_id and ent.type == "PERSON":
                names = [n.split() for n in self.kb.entity(ent.kb_id)["names"]]
                for words in names:
                    for word in words:
                        if len(keys.fold(word)) >= 4:
                            targets.setdefault(keys.fold(word), (word, ent))
                for m in ent.mentions:
                    first = keys.tokens(m.text)[:1]
                    for words in names:
                        for k in range(1, len(words)):
                            if [keys.fold(words[k])] == first:
                                given_before.setdefault(m.start, {}).setdefault(keys.fold(words[k - 1]), (words[k - 1], ent))
        if not targets:
            return []
        covered = [(m.start, m.end) for e in doc._.entities if e.kb_id for m in e.mentions]
        covered += [(f.start, f.end) for f in doc._.flags if f.kind == "name_spelling"]
        in_full_names = {t for e in doc._.entities if len(keys.tokens(e.name)) > 1 for t in keys.tokens(e.name)}
        flags = []
        for tok in doc:
            start, end = tok.idx, tok.idx + len(tok.text)
            if len(tok.text) < 3 or not tok.text[:1].isupper() or not tok.is_alpha \
                    or any(s < end and start < e for s, e in covered) or match_title([tok.lower_], 0):
                continue  # ... or a title or rank ("Marsda" is no slip of "Marsudi")
            folded, raw = keys.fold(tok.text), keys.ascii_fold(tok.text)
            given = given_before.get(end + 1, {}) if tok.whitespace_ else {}
            if given and folded not in given:
                score, right = max((token_similarity(folded, t, raw, keys.ascii_fold(given[t][0])), t) for t in given)
                if score >= STRAY_MIN or short_slip(folded, right) or one_edit(tok.text, given[right][0]):
                    flags.append(stray_flag(tok, *given[right], score, folded, right))
                    continue
            if folded in targets:
                continue
            ranked = sorted(((token_similarity(folded, t, raw, keys.ascii_fold(targets[t][0])), t) for t in targets),
                            reverse=True)
            score, right = ranked[0]
            rival = next((sc for sc, t in ranked[1:] if targets[t][1] is not targets[right][1]), 0.0)
            if len(folded) < 5 or len(right) < 5:
                # Short words: only one slip away, and never an ordinary word (Sisi is not Susi).
                if not short_slip(folded, right) or is_common(tok.text):
                    continue
            elif score < STRAY_MIN:
                continue
            if rival > score - MARGIN or (self.kb.known_token(folded) and (
                    folded in in_full_names or not one_edit(tok.text, targets[right][0])
                    or self.kb.candidates(tok.text, fuzzy=False))):
                continue  # a name of its own: someone's here in full, more than a letter away
                # (Saefullah is not Saiful), or a KB name alone (Tete, a city)
            flags.append(stray_flag(tok, *targets[right], score, folded, right))
        return flags

    def title_flag(self, ent: Entity) -> Flag | None:
        if self.day is None or not ent.mentions:
            return None
        text_roles = [r for r in self.roles_in_text(ent) if r.clear and r.head in STATE_HEADS]
        if not text_roles:
            return None
        positions = self.kb.positions(ent.kb_id)
        known = [p for p in positions if p.held_on(self.day) is True]
        ended = [role(p.title, country_words()) for p in positions if p.held_on(self.day) is False]
        # An open office from an old source is not a "maybe" when a newer source says it ended.
        maybe = [p for p in positions if p.held_on(self.day) is None
                 and not any(fits(role(p.title, country_words()), r) == "match" for r in ended)]
        if not known:
            return None  # the KB is older than the article or knows nothing of that date
        for p in known + maybe:
            if any(fits(tr, role(p.title, country_words())) != "conflict" for tr in text_roles):
                return None
        m = ent.mentions[0]
        held = "; ".join(p.title for p in known)
        return Flag(
            kind="title_mismatch", start=m.start, end=m.end, text=m.text,
            message=f"the text gives {ent.name} the title {', '.join(ent.titles) or '?'}, but on "
                    f"{self.day.isoformat()} the knowledge base has: {held}",
            suggestion=known[0].title,
            evidence={"kb_id": ent.kb_id, "positions_on_date": [p.__dict__ for p in known],
                      "titles_in_text": list(ent.titles)},
            confidence=0.7)


def stray_flag(tok, word: str, ent: Entity, score: float, folded: str, right: str) -> Flag:
    """A `name_spelling` flag on one word that slips `word` of the linked person `ent`."""
    return Flag(
        kind="name_spelling", start=tok.idx, end=tok.idx + len(tok.text), text=tok.text,
        message=f"{tok.text!r} looks like a misspelling of {word!r} ({ent.extra['kb']['name']}, named in the article)",
        suggestion=word,
        evidence={"kb_id": ent.kb_id, "kb_name": ent.extra["kb"]["name"], "score": round(score, 3),
                  "why": [f"{folded!r} is close to {right!r}", f"{ent.name!r} is named in the article"]},
        confidence=round(0.85 * score, 2))


def is_part_of(cand: Candidate, query: list[str]) -> bool:
    """Every word of the name written is in the KB name, in order (a surname alone, a name
    without its last part); not the other way round: 'Muhammad Rafly' is not the KB's 'Rafli'."""
    return len(cand.pairs) == len(query) and all(a == b for a, b in cand.pairs)


def one_edit(wrong: str, right: str) -> bool:
    """As written: one letter added, dropped, changed or swapped with its neighbour, not the
    first ('Riyadi' is no slip of 'Ariyadi'), or a sound-alike respelling ('Juri'/'Yuri')."""
    wrong, right = wrong.lower(), right.lower()
    if keys.loose(keys.fold(wrong)) == keys.loose(keys.fold(right)):
        return True
    return wrong[:1] == right[:1] and OSA.distance(wrong, right) <= 1


def written_slip(cand: Candidate, slip: tuple[str, str]) -> tuple[str, str]:
    """The slip's tokens as written (folding may hide or add a letter: 'Sylviana' folds to 'slviana')."""
    for folded, raw in zip(cand.pairs, cand.raw_pairs or []):
        if folded == slip:
            return raw
    return slip


def one_token_slip(cand: Candidate, query: list[str]) -> tuple[str, str] | None:
    """(wrong token, right token) when the name written agrees with the candidate on every
    aligned token but one, and that one is a plausible slip; None otherwise. The unfolded
    spellings count too: 'Dajrot' keeps the first letter of 'Djarot', though not of 'jarot'."""
    if len(cand.pairs) < len(query):
        return None  # a word of the name written is not explained by the KB name
    differing = [i for i, (a, b) in enumerate(cand.pairs) if a != b]
    if len(differing) != 1:
        return None
    wrong, right = cand.pairs[differing[0]]
    raw_wrong, raw_right = cand.raw_pairs[differing[0]] if cand.raw_pairs else (wrong, right)
    same_first = wrong[:1] == right[:1] or raw_wrong[:1] == raw_right[:1]
    if token_similarity(wrong, right, raw_wrong, raw_right) < (TOKEN_SLIP_MIN if same_first else FIRST_LETTER_MIN):
        return None
    return wrong, right


def short_slip(wrong: str, right: str) -> bool:
    """A short name word one edit away from the right one, first letter kept (Suzi / Susi,
    Ddei / Dedi, Alks / Aleks): short words score low on similarity but are still plain slips."""
    return len(right) >= 4 and len(wrong) >= 3 and wrong[0] == right[0] and OSA.distance(wrong, right) == 1


def agrees(cand: Candidate, query: list[str], slip: tuple[str, str]) -> bool:
    """Whether `cand` reads the name written as the slip corrects it, doubled letters aside
    (Lukman Hakim Saifudin agrees with Lkman Hakim Saifuddin -> Lukman Hakim Saifuddin)."""
    wrong, right = slip
    fixed = [keys.undouble(right if a == wrong else a) for a, _ in cand.pairs]
    return len(cand.pairs) == len(query) and fixed == [keys.undouble(b) for _, b in cand.pairs]


# Letters a writer or a typist confuses by sound: voiced and voiceless pairs, nasals, liquids.
SOUND_PAIRS = {frozenset(p) for p in ("fv", "fp", "pb", "td", "kg", "ck", "sz", "mn", "lr", "jy")}


def sound_alike(wrong: str, right: str) -> bool:
    """One letter doubled or undoubled (Zainnal / Zainal), or one letter swapped for a
    sound-alike (Mustova / Mustofa): the commonest slips, so a candidate with one wins a tie."""
    if wrong != right and keys.undouble(wrong) == keys.undouble(right):
        return True
    if len(wrong) != len(right):
        return False
    diff = [frozenset((a, b)) for a, b in zip(wrong, right) if a != b]
    return len(diff) == 1 and diff[0] in SOUND_PAIRS


def suggest(written: str, wrong: str, right: str, kb_name: str) -> str:
    """The name as written with the wrong word replaced by the KB's spelling of the right one:
    'Andrei Belasov' -> 'Andrei Belousov' (the writer's 'Andrei' stays)."""
    kb_word = next((w for w in kb_name.split() if keys.fold(w) == right), right.capitalize())
    return " ".join(kb_word if wrong in keys.tokens(w) else w for w in written.split())
