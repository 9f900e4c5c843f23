"""Compare a title written in the text ("Wakil Perdana Menteri Pertama") with an office in the KB
("First Deputy Prime Minister of Russia").

Both sides become a `Role`: the head of the office (minister, governor, president ...), whether
it is a deputy post, and the portfolio words (defence, health, railway ...), all in English.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kabar.kb.keys import ascii_fold

# Indonesian phrases -> English, longest first so "perdana menteri" wins over "menteri".
_ID = [
    ("kepala kementerian", "minister"), ("perdana menteri", "prime minister"),
    ("pemimpin tertinggi", "supreme leader"), ("wakil presiden", "vice president"),
    ("duta besar", "ambassador"), ("wali kota", "mayor"), ("walikota", "mayor"),
    ("luar negeri", "foreign affairs"), ("dalam negeri", "interior"), ("kereta api", "railway"),
    ("sekretaris jenderal", "secretary general"), ("direktur jenderal", "director general"),
    ("kepala staf", "chief of staff"), ("jaksa agung", "attorney general"), ("badan usaha milik negara", "state enterprises"),
    ("menteri", "minister"), ("menlu", "minister foreign affairs"), ("menhan", "minister defence"),
    ("mendagri", "minister interior"), ("menkeu", "minister finance"), ("mendag", "minister trade"),
    ("menkes", "minister health"), ("wapres", "vice president"), ("kapolri", "head police"),
    ("ketua umum", "chairman"), ("dki jakarta", "jakarta"), ("dki", "jakarta"),
    ("wakil", "deputy"), ("pertama", "first"), ("presiden", "president"), ("gubernur", "governor"),
    ("bupati", "regent"), ("ketua", "chairman"), ("kepala", "head"), ("direktur", "director"),
    ("pemimpin", "leader"), ("panglima", "commander"), ("sekretaris", "secretary"), ("raja", "king"),
    ("kanselir", "chancellor"), ("pertahanan", "defence"), ("keuangan", "finance"),
    ("kesehatan", "health"), ("perhubungan", "transport"), ("transportasi", "transport"),
    ("energi", "energy"), ("perindustrian", "industry"), ("industri", "industry"),
    ("perdagangan", "trade"), ("pertanian", "agriculture"), ("pendidikan", "education"),
    ("hukum", "justice"), ("kehakiman", "justice"), ("agama", "religious"), ("sosial", "social"),
    ("pariwisata", "tourism"), ("universitas", "university"), ("militer", "military"),
    ("ekonomi", "economy"), ("kebudayaan", "culture"), ("olahraga", "sport"), ("tenaga kerja", "labour"),
]
# Heads, most specific first: the first found is the office's head.
_HEADS = [
    ("supreme leader", "leader"), ("prime minister", "prime minister"), ("premier", "prime minister"),
    ("vice president", "vice president"), ("chief executive", "head"), ("director general", "head"),
    ("secretary general", "secretary"), ("attorney general", "attorney general"), ("chief of staff", "chief of staff"), ("minister", "minister"),
    ("president", "president"), ("governor", "governor"), ("mayor", "mayor"), ("regent", "regent"),
    ("chairman", "chairman"), ("chairwoman", "chairman"), ("chair", "chairman"), ("speaker", "chairman"),
    ("director", "head"), ("head", "head"), ("chief", "head"), ("ceo", "head"), ("leader", "leader"),
    ("ambassador", "ambassador"), ("commander", "commander"), ("secretary", "secretary"),
    ("king", "monarch"), ("queen", "monarch"), ("emir", "monarch"), ("sultan", "monarch"),
    ("chancellor", "chancellor"),
]
_SPELLING = {"defense": "defence", "railways": "railway", "labor": "labour", "affairs": "", "of": "",
             "for": "", "and": "", "the": "", "state": "", "federal": "", "russian": "russia",
             "vice": "deputy", "first": "", "general": "", "office": "", "ministry": "", "dan": ""}


@dataclass(frozen=True)
class Role:
    head: str | None
    deputy: bool
    portfolio: frozenset[str]
    heads_found: int  # more than one: the title is garbled ("Perdana Menteri Wakil Presiden")

    @property
    def clear(self) -> bool:
        return self.head is not None and self.heads_found == 1


def _english(title: str) -> str:
    text = f" {ascii_fold(title)} "
    for src, dst in _ID:
        text = text.replace(f" {src} ", f" {dst} ")
    return text


def role(title: str, country_words: set[str] = frozenset()) -> Role:
    """The Role of a title in Indonesian or English. `country_words` (folded) are dropped from the
    portfolio, so 'Presiden Rusia' and 'President of Russia' have the same empty portfolio."""
    text = _english(title)
    head, heads, deputy = None, 0, False
    if re.search(r" (deputy|vice|wakil)\b", text):
        deputy = True
    for phrase, name in _HEADS:
        pattern = f" {phrase} "
        if pattern in text:
            head = head or name
            heads += 1
            text = text.replace(pattern, " ")
    if head == "vice president":
        head, deputy = "president", True
    words = {_SPELLING.get(w, w) for w in text.split()} - {""} - set(country_words)
    words = {w for w in words if w not in ("deputy", "vice") and not w.isdigit()}
    return Role(head, deputy, frozenset(words), heads)


# Offices a KB of office holders can vouch for; party and civil-service titles (Sekjen PKB,
# Jaksa Agung) may sit beside them, so a KB office never contradicts those.
STATE_HEADS = {"minister", "prime minister", "president", "governor", "mayor", "regent", "ambassador",
               "monarch", "leader", "chancellor"}


def fits(text_role: Role, kb_role: Role) -> str:
    """'match' (same office), 'compatible' (same head, portfolio unknown on one side), 'unknown'
    (one side is not a kind of office we can compare), or 'conflict'."""
    if not text_role.head or not kb_role.head:
        return "unknown"
    if text_role.head != kb_role.head or text_role.deputy != kb_role.deputy:
        return "conflict"
    if text_role.portfolio and kb_role.portfolio:
        shared = any(_same_word(a, b) for a in text_role.portfolio for b in kb_role.portfolio)
        return "match" if shared else "conflict"
    return "match" if not text_role.portfolio and not kb_role.portfolio else "compatible"


def _same_word(a: str, b: str) -> bool:
    """Equal, or sharing a 5-letter stem (Primorye / Primorsky, military / militer)."""
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])
