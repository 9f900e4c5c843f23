"""`KB`: read access to a knowledge base file. The linker and the checks use only this:
`candidates(name)` (scored, with the reasons) and `positions(entity_id, on=date)`."""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from kabar.kb import keys

COMMON_TOKEN = 5000  # a token in more names than this (Muhammad, Sergei) does not block alone
MAX_NAMES = 4000     # names scored per query at most
BLOCK_BUDGET = 400   # names from the rarest query tokens' blocks; more tokens only while under it
RESPELLING = 0.9     # a sound-alike respelling of a token is as close as one slip in a long name


class KBError(Exception):
    """The KB file is missing or not a kabar KB; the message names the file."""


@dataclass
class Candidate:
    entity_id: str
    name: str          # the entity's main name
    matched: str       # the KB name (label, alias or short form) that matched best
    type: str
    country: str | None
    score: float       # 1.0 = the same name (transliteration folded)
    exact: bool
    why: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (query token, KB token) aligned
    raw_pairs: list[tuple[str, str]] = field(default_factory=list)  # the same, unfolded (ascii_fold)


@dataclass
class Position:
    title: str
    country: str | None
    start: str | None
    end: str | None
    source: str
    as_of: str | None  # the date the source describes

    def held_on(self, day: dt.date) -> bool | None:
        """True/False when the KB knows whether it was held on `day`; None when it cannot know
        (e.g. an open-ended office from a source older than `day`)."""
        iso = day.isoformat()
        if self.start and self.start[: len(iso)] > iso[: len(self.start)]:
            return False
        if self.end:
            return iso[: len(self.end)] <= self.end
        if self.as_of and self.start and iso[: len(self.as_of)] <= self.as_of:
            return True  # begun before `day` and still open when the source was written
        if self.as_of and not self.start and iso[: len(self.as_of)] == self.as_of:
            return True  # an undated office in a list of that year (CIA World Leaders 2019)
        return None


def token_similarity(a: str, b: str, raw_a: str | None = None, raw_b: str | None = None) -> float:
    """0..1 for two folded tokens: letter edits (a swap of neighbours counts once), raised by
    the consonant skeleton when it agrees better, so a vowel slip (Belasov/Belousov) scores
    above a different shorter name (Belov). With the unfolded spellings (`raw_a`, `raw_b`), a
    slip inside a folded pair of letters counts once, not twice (Dyarot/Djarot folds to
    dyarot/jarot, Keyatta/Kenyatta to keiatta/kenyatta). A sound-alike respelling (Juri/Yuri,
    Cipras/Tsipras, `keys.loose`) scores RESPELLING."""
    if a == b:
        return 1.0
    score = _spelled_alike(a, b)
    if raw_a and raw_b and (raw_a, raw_b) != (a, b):
        score = max(score, _spelled_alike(raw_a, raw_b))
    if keys.loose(a) == keys.loose(b):
        score = max(score, RESPELLING)
    return score


def _spelled_alike(a: str, b: str) -> float:
    letters = OSA.normalized_similarity(a, b)
    sa, sb = keys.skeleton(a), keys.skeleton(b)
    if min(len(sa), len(sb)) < 3:
        return letters  # two-consonant skeletons (hwang: ng, young: ng) agree too easily
    return max(letters, 0.5 * letters + 0.5 * OSA.normalized_similarity(sa, sb))


def alignments(query: list[str], name: list[str]):
    """Ways to pair query tokens with KB name tokens, each with a weight (<1: the query is a part
    of the name, e.g. a surname alone or a name without its last part)."""
    if len(query) == len(name):
        yield 1.0, "all tokens", list(zip(query, name))
    elif len(query) == 1:
        for i, tok in enumerate(name):
            yield (0.95 if i == len(name) - 1 else 0.9 if i == 0 else 0.85), "one token", [(query[0], tok)]
    elif len(query) < len(name):
        for i in range(len(name) - len(query) + 1):
            yield 0.97, "part of the name", list(zip(query, name[i:i + len(query)]))
        if len(query) == 2:
            yield 0.97, "first and last tokens", [(query[0], name[0]), (query[1], name[-1])]
    else:
        for i in range(len(query) - len(name) + 1):
            yield 0.9, "name inside the mention", list(zip(query[i:i + len(name)], name))


def name_similarity(query: list[str], name: list[str], raw_query: list[str] | None = None,
                    raw_name: list[str] | None = None):
    """Best similarity of two folded token lists, with their unfolded tokens when given:
    (score, how aligned, aligned token pairs, the same pairs unfolded)."""
    query_ = list(zip(query, raw_query or query))
    name_ = list(zip(name, raw_name if raw_name and len(raw_name) == len(name) else name))
    best = (0.0, "", [], [])
    for weight, how, pairs in alignments(query_, name_):
        score = weight * sum(token_similarity(a, b, ra, rb) for (a, ra), (b, rb) in pairs) / len(pairs)
        if score > best[0]:
            best = (score, how, [(a, b) for (a, _), (b, _) in pairs], [(ra, rb) for (_, ra), (_, rb) in pairs])
    return best


class KB:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise KBError(f"{self.path}: no knowledge base file (build one with `kabar kb build`)")
        try:
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self.meta = dict(self.db.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as err:
            raise KBError(f"{self.path}: not a kabar knowledge base ({err})") from err
        self._as_of = dict(self.db.execute("SELECT name, as_of FROM source"))

    @classmethod
    def check(cls, path: str | Path) -> None:
        """Raise `KBError` unless `path` opens as a knowledge base: commands call it before they
        load any model, so a wrong `--kb` is one error, not a failure per article."""
        cls(path).db.close()

    # -- facts -----------------------------------------------------------------------------
    def entity(self, entity_id: str) -> dict | None:
        row = self.db.execute("SELECT id, name, type, country, source, xrefs FROM entity WHERE id=?", (entity_id,)).fetchone()
        if not row:
            return None
        names = [n for (n,) in self.db.execute("SELECT name FROM name WHERE entity_id=? ORDER BY id", (entity_id,))]
        return {"id": row[0], "name": row[1], "type": row[2], "country": row[3], "source": row[4],
                "xrefs": (row[5] or "").split("|") if row[5] else [], "names": names,
                "positions": [p.__dict__ for p in self.positions(entity_id)]}

    def positions(self, entity_id: str, on: dt.date | None = None) -> list[Position]:
        """Offices the entity held; with `on`, those the KB knows it held (or may have held) then."""
        rows = self.db.execute('SELECT title, country, start, "end", source FROM position WHERE entity_id=?', (entity_id,))
        found = [Position(t, c, s, e, src, self._as_of.get(src)) for t, c, s, e, src in rows]
        if on is not None:
            found = [p for p in found if p.held_on(on) is not False]
        return found

    def holders(self, title: str) -> list[tuple[str, Position]]:
        rows = self.db.execute('SELECT entity_id, title, country, start, "end", source FROM position WHERE title=?', (title,))
        return [(eid, Position(t, c, s, e, src, self._as_of.get(src))) for eid, t, c, s, e, src in rows]

    def known_token(self, folded_token: str) -> bool:
        """Whether any KB name has this (folded) word."""
        return self.db.execute("SELECT 1 FROM token WHERE text=?", (folded_token,)).fetchone() is not None

    def countries_in(self, text: str) -> set[str]:
        """ISO3 codes of countries whose KB names appear in `text` (word-bounded)."""
        folded = f" {keys.fold(text)} "
        return {code for name, code in _country_names(self) if f" {name} " in folded}

    def stats(self) -> dict:
        q = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        by_type = dict(self.db.execute("SELECT type, count(*) FROM entity GROUP BY type"))
        return {"entities": q("SELECT count(*) FROM entity"), "by_type": by_type,
                "names": q("SELECT count(*) FROM name"), "positions": q("SELECT count(*) FROM position"),
                "tokens": q("SELECT count(*) FROM token"), "file_bytes": self.path.stat().st_size,
                "built": self.meta.get("built"),
                "sources": [dict(zip(("name", "kind", "as_of", "rows"), r))
                            for r in self.db.execute("SELECT name, kind, as_of, rows FROM source")]}

    # -- search ----------------------------------------------------------------------------
    def candidates(self, name: str, type: str | None = None, limit: int = 10, fuzzy: bool = True) -> list[Candidate]:
        """KB entities that `name` may refer to, best first: exact (folded) names score 1.0;
        otherwise names sharing skeleton/phonetic keys are scored by `name_similarity`."""
        query = keys.tokens(name)
        if not query:
            return []
        raw = keys.ascii_fold(name).split()
        folded = " ".join(query)
        best: dict[str, Candidate] = {}

        def offer(eid, label, matched, etype, country, score, exact, why, pairs, raw_pairs):
            if type and etype != type:
                return
            old = best.get(eid)
            if old is None or score > old.score:
                best[eid] = Candidate(eid, label, matched, etype, country, round(score, 3), exact, why, pairs, raw_pairs)

        for eid, matched, label, etype, country in self.db.execute(
                "SELECT n.entity_id, n.name, e.name, e.type, e.country FROM name n JOIN entity e ON e.id=n.entity_id "
                "WHERE n.folded=?", (folded,)):
            same = keys.ascii_fold(matched) == keys.ascii_fold(name)
            offer(eid, label, matched, etype, country, 1.0, True,
                  ["same name" if same else f"same name after transliteration folding ({matched})"],
                  list(zip(query, query)), list(zip(raw, raw)))
        if fuzzy:
            for eid, matched, label, etype, country, toks in self._blocked(query):
                score, how, pairs, raw_pairs = name_similarity(query, toks, raw, _unfolded(matched))
                if score >= 0.6:
                    offer(eid, label, matched, etype, country, score, False,
                          [f"{how}: similar to {matched!r} ({score:.2f}; letters and consonant skeleton)"],
                          pairs, raw_pairs)
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.entity_id))
        return ranked[:limit]

    def _blocked(self, query: list[str]):
        """Names sharing a block key with the query's rarest tokens: tokens are taken from the
        smallest block up while the names to score stay under BLOCK_BUDGET (at least one)."""
        blocks = []
        for tok in query:
            qk = sorted(keys.query_keys(tok))
            rows = self.db.execute(
                f"SELECT DISTINCT t.id, t.text, t.df, t.skeleton FROM token_key k JOIN token t ON t.id=k.token_id "
                f"WHERE k.key IN ({','.join('?' * len(qk))})", qk).fetchall()
            respelt = {tid for (tid,) in self.db.execute("SELECT token_id FROM token_key WHERE key=?",
                                                         ("l:" + keys.loose(tok),))}
            blocks.append([(tid, df) for tid, _, df, _ in _similar(tok, rows, respelt)])
        token_ids, total = set(), 0
        for rows in sorted(blocks, key=lambda r: sum(df for _, df in r)):
            size = sum(df for _, df in rows)
            if token_ids and total + size > BLOCK_BUDGET:
                break
            token_ids.update(tid for tid, df in rows if df <= COMMON_TOKEN or len(query) == 1)
            total += size
        if not token_ids:
            return []
        name_ids = _chunked(self.db, "SELECT DISTINCT name_id FROM name_token WHERE token_id IN ({})", sorted(token_ids))
        name_ids = sorted({n for (n,) in name_ids})[:MAX_NAMES]
        rows = _chunked(self.db, "SELECT n.entity_id, n.name, e.name, e.type, e.country, n.folded FROM name n "
                                 "JOIN entity e ON e.id=n.entity_id WHERE n.id IN ({})", name_ids)
        return [(eid, matched, label, etype, country, folded.split()) for eid, matched, label, etype, country, folded in rows]


def _similar(token: str, rows: list[tuple], respelt: set[int], floor: float = 0.6) -> list[tuple]:
    """The (id, text, df, skeleton) rows whose token may reach `floor` in `token_similarity`:
    the same formula, computed for the whole block at once in C (rapidfuzz); rows whose id is
    in `respelt` (respellings of the token) are kept whatever they score."""
    if not rows:
        return []
    letters = process.cdist([token], [r[1] for r in rows], scorer=OSA.normalized_similarity)[0]
    skeletons = process.cdist([keys.skeleton(token)], [r[3] for r in rows], scorer=OSA.normalized_similarity)[0]
    best = np.maximum(letters, 0.5 * letters + 0.5 * skeletons)
    return [r for r, score in zip(rows, best) if score >= floor or r[0] in respelt]


@lru_cache(maxsize=200_000)
def _unfolded(name: str) -> tuple[str, ...]:
    """The ascii tokens of a KB name before transliteration folding (cached: names recur)."""
    return tuple(keys.ascii_fold(name).split())


def _chunked(db, sql: str, ids: list[int], size: int = 900):
    out = []
    for i in range(0, len(ids), size):
        part = ids[i:i + size]
        out.extend(db.execute(sql.format(",".join("?" * len(part))), part).fetchall())
    return out


@lru_cache(maxsize=8)
def _country_names_cached(path: str, built: str) -> tuple:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = db.execute("SELECT n.folded, e.country FROM name n JOIN entity e ON e.id=n.entity_id "
                      "WHERE e.id LIKE 'iso:%'").fetchall()
    db.close()
    return tuple((f, c) for f, c in rows if len(f) > 3 and not re.fullmatch(r"[a-z]{3}", f))


def _country_names(kb: KB) -> tuple:
    return _country_names_cached(str(kb.path), kb.meta.get("built", ""))
