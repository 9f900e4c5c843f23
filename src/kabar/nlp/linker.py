"""`kabar_linker`: link entities to the knowledge base and flag names and titles that disagree
with it. Without a KB (`kb_path` unset) it does nothing.

Per entity, best evidence first:
- a KB name equal after transliteration folding -> `kb_id` (several such entities: the one
  whose offices fit the title in the text, or whose country the article mentions);
- no equal name, but a close one (`name_spelling`): only when the names agree on all tokens but
  one, that one is a plausible slip, and the context supports it (the title in the text fits an
  office the person held, the person's country is in the article, or the person is linked
  elsewhere in it), and no other KB entity is nearly as close. Otherwise silence;
- a linked person whose title in the text contradicts what the KB knows on the article's date
  (`title_mismatch`); silent when the KB cannot know (older than the article);
- a person with no KB candidate at all: `unknown_person`, information only.
"""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from kabar.kb import KB, Candidate
from kabar.kb import keys
from kabar.kb.countries import country_words
from kabar.kb.roles import Role, fits, role
from kabar.kb.search import token_similarity
from kabar.nlp.extensions import init_doc
from kabar.report import Entity, Flag

KB_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
SPELLING_MIN = 0.8      # name similarity needed before context is even considered
TOKEN_SLIP_MIN = 0.7    # the one differing token must be at least this close
MARGIN = 0.05           # the runner-up must be this much further away


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
            partial = [c for c in cands if is_part_of(c)]
            chosen = context.choose(partial, ent, need=("title", "linked") if len(keys.tokens(ent.name)) == 1 else ())
            if chosen:
                context.link(ent, chosen)
            elif not any(c.exact for c in cands) and not partial:
                self._unlinked(doc, context, ent, cands)
        for ent in doc._.entities:
            if ent.kb_id and ent.type == "PERSON":
                flag = context.title_flag(ent)
                if flag:
                    doc._.flags.append(flag)
        return doc

    def _unlinked(self, doc: Doc, context: "Context", ent: Entity, cands: list[Candidate]) -> None:
        flags = context.spelling_flags(ent, cands)
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
        order = {"match": 2, "compatible": 1, "conflict": 0}
        fits_ = [fits(tr, role(p.title, country_words())) for tr in text_roles for p in positions]
        return max(fits_, key=order.get)

    def support(self, ent: Entity, cand: Candidate) -> dict[str, str]:
        """The context facts that back a candidate, by kind: title, country, linked."""
        why = {}
        fit = self.role_fit(ent, cand.entity_id)
        if fit in ("match", "compatible"):
            why["title" if fit == "match" else "title_head"] = f"title in the text fits an office held ({fit})"
        if cand.country and cand.country in self.countries:
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
    def spelling_flags(self, ent: Entity, cands: list[Candidate]) -> list[Flag]:
        close = [c for c in cands if c.score >= SPELLING_MIN]
        if not close:
            return []
        best = close[0]
        others = [c for c in cands if c.entity_id != best.entity_id]
        if others and others[0].score > best.score - MARGIN:
            return []
        slip = one_token_slip(best)
        if slip is None:
            return []
        support = self.support(ent, best)
        single = len(keys.tokens(ent.name)) == 1
        if not support or (single and not ({"title", "linked"} & support.keys())):
            return []  # a lone word needs the title or the full name elsewhere to back it
        confidence = round(min(0.99, best.score * (0.8 + 0.1 * len(support))), 2)
        wrong, right = slip
        flags = []
        for m in ent.mentions:
            if wrong not in keys.tokens(m.text):
                continue  # this mention is spelled right (e.g. a short form)
            flags.append(Flag(
                kind="name_spelling", start=m.start, end=m.end, text=m.text,
                message=f"{m.text!r} looks like a misspelling of {best.matched!r}",
                suggestion=suggest(m.text, best.matched),
                evidence={"kb_id": best.entity_id, "kb_name": best.name, "score": best.score,
                          "why": best.why + list(support.values()), "country": best.country,
                          "runner_up": others[0].matched if others else None},
                confidence=confidence))
        return flags

    def title_flag(self, ent: Entity) -> Flag | None:
        if self.day is None or not ent.mentions:
            return None
        text_roles = [r for r in self.roles_in_text(ent) if r.clear]
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


def is_part_of(cand: Candidate) -> bool:
    """The name written is the KB name or a part of it (a surname alone, no last part)."""
    return bool(cand.pairs) and all(a == b for a, b in cand.pairs)


def one_token_slip(cand: Candidate) -> tuple[str, str] | None:
    """(wrong token, right token) when the name written agrees with the candidate on every
    aligned token but one, and that one is a plausible slip; None otherwise."""
    differing = [(a, b) for a, b in cand.pairs if a != b]
    if len(differing) != 1:
        return None
    wrong, right = differing[0]
    if token_similarity(wrong, right) < TOKEN_SLIP_MIN:
        return None
    return wrong, right


def suggest(written: str, right: str) -> str:
    """The right name in the shape it was written: 'Andrei Belasov' + 'Andrey Belousov' ->
    'Andrei Belousov' keeps the writer's transliteration of the tokens that were right."""
    out = []
    right_parts = right.split()
    for part in written.split():
        folded = keys.fold(part)
        best = max(right_parts, key=lambda r: token_similarity(folded, keys.fold(r)))
        out.append(part if keys.fold(best) == folded else best)
    return " ".join(out)
