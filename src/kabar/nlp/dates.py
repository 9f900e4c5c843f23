"""Date expressions in Indonesian news, normalised to ISO values against the published date.

Finding is ours (regular expressions over the text: dateparser's `search_dates` reads
"dalam 24 tahun" as the year 2048). Resolving uses dateparser where it is right (calendar
dates such as "8/7/2024", "Rabu, 15 Maret 2017", "Juli 2024") and our own rules where it is
wrong or silent ("pekan lalu", "awal bulan lalu", "dua hari lalu", "24 tahun terakhir",
partial dates such as "(27/3)" that may lie in the near future).

Each match becomes a `report.DateMention`: `value` is ISO (YYYY-MM-DD, YYYY-MM, YYYY,
YYYY-Www, a decade "199X", a range "2017-12-16/2017-12-17" or a duration "P24Y"), or None when
it cannot be resolved ("baru-baru ini", "dua hari sebelumnya", no published date), with the
reason in `extra["reason"]`. A day name written with a date is checked against it
(`extra["weekday_mismatch"]`, `extra["swapped_day_month"]`; the `date_weekday` check reports them).
Measured against dateparser alone: `benchmarks/eval_dates.py`.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kabar.nlp.extensions import init_doc
from kabar.report import DateMention

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "agus": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12,
}
DAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6, "ahad": 6}
NUMBERS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "lima belas": 15,
    "dua puluh": 20, "tiga puluh": 30, "puluhan": None, "belasan": None, "beberapa": None,
    "ratusan": None,
}
# "se-" fuses "one" into the unit: sehari, sepekan, seminggu, sebulan, setahun, sedekade.
UNITS = {"hari": "D", "pekan": "W", "minggu": "W", "bulan": "M", "tahun": "Y", "dekade": "DEC", "abad": "C"}
PAST = r"(?:yang\s+)?(?:lalu|silam|kemarin)"
# "dua hari sebelumnya", "27 tahun pasca perilisan": counted from another event, not from the published date.
ANAPHORIC = r"(?:sebelumnya|setelahnya|sesudahnya|kemudian|berikutnya|setelah|sesudah|pasca|sebelum)"
FUTURE = r"(?:mendatang|depan|lagi)"
PARTS = {"awal": "early", "akhir": "late", "pertengahan": "mid", "medio": "mid"}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = "|".join(sorted(DAYS, key=len, reverse=True))
_NUMWORD = "|".join(sorted(NUMBERS, key=len, reverse=True))
_UNIT = "hari|pekan|minggu|bulan|tahun|dekade|abad"
_PART = "awal|akhir|pertengahan|medio"
_YEAR = r"(?:19|20)\d\d"
_ANCHORED = r"(?:\s+(?:yang\s+)?(?:lalu|silam|mendatang))?"  # "pada 2015 lalu": the same date

# (name, compiled pattern). Longer, more specific patterns first; overlaps keep the longest.
PATTERNS = [
    # Senin (8/7/2024), 8-7-2024; a day and month alone only where news writes them: "Senin (27/3)".
    ("numeric", re.compile(rf"(?:\b(?:{_DAY})\b,?\s*)?\(?\b(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}}|\d\d)\b\)?", re.I)),
    ("partial", re.compile(rf"(?:\b(?:{_DAY})\b,?\s*\(|\(|\btanggal\s+)(\d{{1,2}})/(\d{{1,2}})\b\)?", re.I)),
    ("day_range", re.compile(rf"\b(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})\s+({_MONTH})\b(?:\s+({_YEAR})\b)?", re.I)),
    ("month_range", re.compile(rf"\b({_MONTH})\s*[-–]\s*({_MONTH})\s+({_YEAR})\b", re.I)),
    ("year_range", re.compile(rf"\b({_YEAR})\s*[-–/]\s*({_YEAR}|\d\d)\b(?![.,/-]?\d)", re.I)),
    ("day_month", re.compile(rf"(?:\b(?:{_DAY})\b,?\s*)?\b(\d{{1,2}})\s+({_MONTH})\b\.?(?:\s+({_YEAR})\b)?{_ANCHORED}", re.I)),
    ("month_year", re.compile(rf"(?:\b({_PART})\s+)?(?:bulan\s+)?\b({_MONTH})\s+({_YEAR})\b{_ANCHORED}", re.I)),
    ("month_rel", re.compile(rf"(?:\b({_PART})\s+)?(?:bulan\s+)?\b({_MONTH})\s+(lalu|silam|kemarin|ini|mendatang|depan|nanti)\b", re.I)),
    ("month_year_rel", re.compile(rf"\b({_MONTH})\s+tahun\s+(lalu|kemarin|ini|depan|mendatang)\b", re.I)),
    ("month_bare", re.compile(rf"\b(?:pada|sejak|hingga|sampai|mulai|per)\s+(?:({_PART})\s+)?(?:bulan\s+)?({_MONTH})\b(?!\s*\d|\s+(?:lalu|silam|kemarin|ini|mendatang|depan|nanti|tahun)\b)", re.I)),
    ("month_named", re.compile(rf"\b(?:({_PART})\s+)?bulan\s+({_MONTH})\b", re.I)),
    ("duration", re.compile(
        rf"\b(?:(?:dalam|selama|sepanjang)\s+)?(?:kurun\s+(?:waktu\s+)?)?(\d+|{_NUMWORD})\s+({_UNIT})\s+(terakhir|belakangan(?:\s+ini)?|ke\s+depan)\b"
        rf"|\b(dalam|selama|sepanjang)\s+(?:kurun\s+)?(?:waktu\s+)?(\d+|{_NUMWORD})\s+({_UNIT})\b(?!\s+(?:lalu|silam|yang\s+lalu|mendatang|lagi))", re.I)),
    ("se_duration", re.compile(r"\b(?:(dalam|selama|sepanjang)\s+)?se(hari|pekan|minggu|bulan|tahun|dekade)\s+(terakhir|belakangan(?:\s+ini)?)\b|\b(dalam|selama|sepanjang)\s+se(hari|pekan|minggu|bulan|tahun|dekade)\b", re.I)),
    ("ago", re.compile(rf"\b(\d+|{_NUMWORD})\s+({_UNIT})\s+({PAST}|{FUTURE}|{ANAPHORIC})\b", re.I)),
    ("se_ago", re.compile(rf"\bse(hari|pekan|minggu|bulan|tahun|dekade)\s+({PAST}|{FUTURE}|{ANAPHORIC})\b", re.I)),
    ("weekend", re.compile(r"\bakhir\s+pekan\b(?:\s+(lalu|kemarin|ini|depan|mendatang))?", re.I)),
    ("unit_rel", re.compile(rf"(?:\b({_PART})\s+)?\b(pekan|minggu|bulan|tahun)\s+(lalu|kemarin|silam|depan|mendatang|ini)\b", re.I)),
    ("day_rel", re.compile(rf"\b({_DAY})\s+(lalu|kemarin|depan|mendatang|ini)\b", re.I)),
    ("day_word", re.compile(r"\b(kemarin\s+lusa|kemarin|hari\s+ini|besok|esok\s+hari|lusa|tadi\s+(?:pagi|siang|sore|malam)|malam\s+tadi|semalam|malam\s+ini|pagi\s+ini|sore\s+ini|siang\s+ini|malam\s+nanti)\b", re.I)),
    ("vague", re.compile(r"\b(baru-baru\s+ini|belakangan\s+ini|akhir-akhir\s+ini|beberapa\s+waktu\s+(?:lalu|silam|terakhir)|dahulu\s+kala|suatu\s+hari)\b", re.I)),
    ("decade", re.compile(r"\b(?:tahun\s+)?((?:19|20)\d)0-?an\b", re.I)),
    ("year", re.compile(rf"(?:\b({_PART})\s+)?(?:\btahun\s+)?(?<![\d.,/-])\b({_YEAR})\b(?![.,/-]?\d){_ANCHORED}", re.I)),
    ("day_name", re.compile(rf"\b({_DAY})\b", re.I)),
]
# A bare day name after these words is the coming one: "akan menjamu Watford pada Sabtu".
FUTURE_CUE = re.compile(r"\b(?:akan|bakal|hendak|dijadwalkan|direncanakan|rencananya|nanti)\b[^.!?]*$", re.I)
LEADING_PREPOSITION = re.compile(r"(?:pada|sejak|hingga|sampai|mulai|per)\s+", re.I)
# A year followed by one of these is a count or an amount, not a year ("2016 orang").
NOT_YEAR_AFTER = re.compile(
    r"\s*(?:orang|unit|jiwa|km|meter|m\b|m2|kg|ton|rupiah|dolar|persen|%|buah|kali|ekor|hektare|ha\b|kursi|"
    r"suara|pasal|kilo|x\b|pixel|piksel|px|mah|gb|mb|cc|mm|inci|watt|rpm|mdpl|liter|dpi|ppi|hz)", re.I)
NOT_YEAR_BEFORE = re.compile(
    r"(?:rp\.?|us\$|\$|nomor|no\.|pasal|ayat|sebanyak|sekitar|mencapai|km|jalan|jl\.?|x|gtx|rtx|seri|tipe|model)\s*$", re.I)


@lru_cache(maxsize=1)
def _calendar_parser():
    """dateparser is right on calendar dates in Indonesian; one parser, built lazily."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["id"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"})


def _number(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.lower())
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _shift(base: dt.date, unit: str, n: int) -> tuple[str, str]:
    """The ISO value and granularity of `base` moved by n units (negative = past)."""
    if unit == "D":
        return (base + dt.timedelta(days=n)).isoformat(), "day"
    if unit == "W":
        return _iso_week(base + dt.timedelta(weeks=n)), "week"
    if unit == "M":
        months = base.year * 12 + base.month - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
    if unit == "Y":
        return f"{base.year + n:04d}", "year"
    if unit == "DEC":
        return f"{(base.year + 10 * n) // 10:03d}X", "decade"
    return f"{(base.year + 100 * n) // 100:02d}XX", "century"


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _dated(text: str, day: int, month: int, years: list[int], base: dt.date | None, extra: dict):
    """The date of a day and month among `years`, checked against the day name written before it.

    The day name picks the year ("Selasa (1/3)" in September 2016: March 2016, a Tuesday). When it
    fits no year but fits day and month swapped within a week of publication, the writer swapped
    them ("Minggu (4/2)" in an article of Sunday 2 April); other disagreements are noted."""
    options = _valid_dates(years, month, day)
    if not options:
        return None
    near = (lambda d: abs((d - base).days)) if base else (lambda d: 0)
    date = min(options, key=near)
    name = re.match(rf"({_DAY})\b", text, re.I)
    if name is None:
        return date.isoformat(), "day", extra
    weekday = DAYS[name[1].lower()]
    fitting = [d for d in options if d.weekday() == weekday and (not base or -365 <= (d - base).days <= 60)]
    if fitting:  # a year back or two months ahead: how far news looks without writing the year
        return min(fitting, key=near).isoformat(), "day", extra
    swapped = [d for d in _valid_dates(years, day, month) if d.weekday() == weekday and base and near(d) <= 7]
    if swapped:
        return swapped[0].isoformat(), "day", {**extra, "swapped_day_month": name[1]}
    return date.isoformat(), "day", {**extra, "weekday_mismatch": name[1]}


def _valid_dates(years: list[int], month: int, day: int) -> list[dt.date]:
    out = []
    for year in years:
        try:
            out.append(dt.date(year, month, day))
        except ValueError:
            continue
    return out


def _nearest_year(base: dt.date, month: int, day: int) -> dt.date | None:
    """A day and month without a year: the occurrence closest to the published date."""
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - base).days)) if options else None


class _Resolver:
    """Turns one regex match into (value, granularity, extra) given the published date."""

    def __init__(self, published: dt.date | None):
        self.base = published

    def unresolved(self, granularity: str, reason: str | None = None, **extra):
        return None, granularity, {"reason": reason or "relative date without a published date", **extra}

    def numeric(self, m):
        day, month = int(m[1]), int(m[3])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        data = _calendar_parser().get_date_data(f"{day}/{month}/{m[4]}")
        if not data.date_obj:
            return None
        return _dated(m[0], day, month, [data.date_obj.year], self.base, {})

    def partial(self, m):
        day, month = int(m[1]), int(m[2])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        if self.base is None:
            return self.unresolved("day", "day and month without a year or published date", month=month, day=day)
        years = [self.base.year - 1, self.base.year, self.base.year + 1]
        return _dated(m[0], day, month, years, self.base, {"year_from": "published"})

    def day_month(self, m):
        if m[3]:
            data = _calendar_parser().get_date_data(f"{m[1]} {m[2]} {m[3]}")
            return (data.date_obj.date().isoformat(), "day", {}) if data.date_obj else None
        month, day = MONTHS[m[2].lower()], int(m[1])
        if self.base is None:
            return self.unresolved("day", "day and month without a year or published date", month=month, day=day)
        date = _nearest_year(self.base, month, day)
        if date is None:
            return None
        tail = m[0].split()[-1].lower()
        if tail in {"lalu", "silam"} and date > self.base:  # "1 Desember lalu": the past one
            date = _nearest_year(dt.date(self.base.year - 1, self.base.month, 1), month, day) or date
        elif tail == "mendatang" and date < self.base:
            date = _nearest_year(dt.date(self.base.year + 1, self.base.month, 1), month, day) or date
        return date.isoformat(), "day", {"year_from": "published"}

    def month_year(self, m):
        value = f"{int(m[3]):04d}-{MONTHS[m[2].lower()]:02d}"
        return value, "month", self._part(m[1])

    def month_rel(self, m):
        month, rel = MONTHS[m[2].lower()], m[3].lower()
        if self.base is None:
            return self.unresolved("month")
        year = self.base.year
        if rel in {"lalu", "silam", "kemarin"}:
            year -= month >= self.base.month
        elif rel in {"mendatang", "depan", "nanti"}:
            year += month <= self.base.month
        return f"{year:04d}-{month:02d}", "month", self._part(m[1])

    def month_year_rel(self, m):
        if self.base is None:
            return self.unresolved("month")
        year = self.base.year + {"lalu": -1, "kemarin": -1, "ini": 0}.get(m[2].lower(), 1)
        return f"{year:04d}-{MONTHS[m[1].lower()]:02d}", "month", {}

    def month_bare(self, m):
        """"pada Januari": the last January, or the next one when the sentence looks ahead."""
        if m[2][0].islower():
            return None
        if self.base is None:
            return self.unresolved("month")
        month, year = MONTHS[m[2].lower()], self.base.year
        if FUTURE_CUE.search(m.string, max(0, m.start() - 60), m.start()):
            year += month < self.base.month
        else:
            year -= month > self.base.month
        return f"{year:04d}-{month:02d}", "month", self._part(m[1])

    def month_named(self, m):
        month = MONTHS[m[2].lower()]
        if self.base is None:
            return self.unresolved("month")
        return f"{self.base.year:04d}-{month:02d}", "month", {"year_from": "published", **self._part(m[1])}

    def duration(self, m):
        count, unit = (m[1], m[2]) if m[1] else (m[5], m[6])
        return self._duration(_number(count), UNITS[unit.lower()])

    def se_duration(self, m):
        return self._duration(1, UNITS[(m[2] or m[5]).lower()])

    def _duration(self, n, unit):
        if n is None:
            return None, "duration", {"reason": "vague amount"}
        code = {"DEC": f"P{10 * n}Y", "C": f"P{100 * n}Y", "W": f"P{n}W"}.get(unit, f"P{n}{unit}")
        return code, "duration", {}

    def ago(self, m):
        return self._ago(_number(m[1]), UNITS[m[2].lower()], m[3].lower())

    def se_ago(self, m):
        return self._ago(1, UNITS[m[1].lower()], m[2].lower())

    def _ago(self, n, unit, rel):
        if n is None:
            return None, "vague", {"reason": "vague amount"}
        if re.fullmatch(ANAPHORIC, rel):
            return None, "offset", {"reason": "counted from another event in the text", "offset": f"P{n}{unit}"}
        return self._relative(unit, -n if re.match(PAST, rel) else n)

    def day_range(self, m):
        year = m[4] or (self.base.year if self.base else None)
        if year is None:
            return self.unresolved("range", "day range without a year or published date")
        month = MONTHS[m[3].lower()]
        try:
            first, last = dt.date(int(year), month, int(m[1])), dt.date(int(year), month, int(m[2]))
        except ValueError:
            return None
        return f"{first.isoformat()}/{last.isoformat()}", "range", {} if m[4] else {"year_from": "published"}

    def year_range(self, m):
        """"2016-2017", "musim 2016/17": both ends, the second completed from the first."""
        first, last = int(m[1]), int(m[2]) if len(m[2]) == 4 else int(m[1][:2] + m[2])
        return (f"{first:04d}/{last:04d}", "range", {}) if first < last <= first + 10 else None

    def month_range(self, m):
        year = int(m[3])
        return f"{year:04d}-{MONTHS[m[1].lower()]:02d}/{year:04d}-{MONTHS[m[2].lower()]:02d}", "range", {}

    def _relative(self, unit, n):
        if self.base is None:
            return self.unresolved({"D": "day", "W": "week", "M": "month", "Y": "year"}.get(unit, "year"))
        value, granularity = _shift(self.base, unit, n)
        return value, granularity, {}

    def unit_rel(self, m):
        unit, rel = UNITS[m[2].lower()], m[3].lower()
        n = {"ini": 0, "depan": 1, "mendatang": 1}.get(rel, -1)
        resolved = self._relative(unit, n)
        return resolved[0], resolved[1], {**resolved[2], **self._part(m[1])}

    def weekend(self, m):
        n = {None: 0, "ini": 0, "depan": 1, "mendatang": 1}.get(m[1] and m[1].lower(), -1)
        if self.base is None:
            return self.unresolved("weekend")
        saturday = self.base + dt.timedelta(days=5 - self.base.weekday() + 7 * n)
        if m[1] is None and saturday > self.base:
            saturday -= dt.timedelta(days=7)  # news says "akhir pekan" of the weekend just gone
        return saturday.isoformat(), "weekend", {"end": (saturday + dt.timedelta(days=1)).isoformat()}

    def day_rel(self, m):
        rel = m[2].lower()
        if m[1].lower() == "minggu" and rel in {"lalu", "depan", "ini", "mendatang", "kemarin"}:
            return None  # "minggu lalu" is "last week": unit_rel reads it
        return self._weekday(DAYS[m[1].lower()], {"depan": 1, "mendatang": 1, "ini": 0}.get(rel, -1))

    def day_name(self, m):
        if not m[0][0].isupper():
            return None
        ahead = FUTURE_CUE.search(m.string, max(0, m.start() - 60), m.start())
        return self._weekday(DAYS[m[1].lower()], 1 if ahead else 0)

    def _weekday(self, weekday: int, direction: int):
        """direction -1: strictly before; 0: the latest on or before; 1: strictly after."""
        if self.base is None:
            return self.unresolved("day", weekday=weekday)
        back = (self.base.weekday() - weekday) % 7
        if direction < 0:
            back = back or 7
        if direction > 0:
            return (self.base + dt.timedelta(days=(weekday - self.base.weekday()) % 7 or 7)).isoformat(), "day", {}
        return (self.base - dt.timedelta(days=back)).isoformat(), "day", {}

    def day_word(self, m):
        word = re.sub(r"\s+", " ", m[1].lower())
        offsets = {"kemarin lusa": -2, "kemarin": -1, "semalam": -1, "tadi malam": -1, "malam tadi": -1,
                   "besok": 1, "esok hari": 1, "lusa": 2}
        extra = {"part": "night"} if "malam" in word else {}
        if self.base is None:
            return self.unresolved("day")
        return (self.base + dt.timedelta(days=offsets.get(word, 0))).isoformat(), "day", extra

    def vague(self, m):
        return None, "vague", {"reason": "vague time reference"}

    def decade(self, m):
        return f"{m[1]}X", "decade", {}

    def year(self, m):
        text = m.string
        if NOT_YEAR_AFTER.match(text, m.end()) or NOT_YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return None
        return m[2], "year", self._part(m[1])

    @staticmethod
    def _part(word):
        return {"part": PARTS[word.lower()]} if word else {}


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """All date expressions in `text`, longest match first, no overlaps, in text order."""
    resolver = _Resolver(published)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    candidates = [(m, name) for name, pattern in PATTERNS for m in pattern.finditer(text)]
    candidates.sort(key=lambda c: (-(c[0].end() - c[0].start()), c[0].start()))
    for m, name in candidates:
        start, end = m.span()
        if any(start < e and s < end for s, e in taken):
            continue
        resolved = getattr(resolver, name)(m)
        if resolved is None:
            continue
        value, granularity, extra = resolved
        start, end = _trim(text, start, end)
        taken.append((start, end))
        found.append(DateMention(start, end, text[start:end], value, granularity, {"rule": name, **extra}))
    return sorted(found, key=lambda d: d.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop unbalanced brackets the patterns take along: "(27/3" → "27/3"."""
    lead = LEADING_PREPOSITION.match(text, start, end)
    if lead:
        start = lead.end()
    span = text[start:end]
    if span.startswith("(") and ")" not in span:
        start += 1
    if span.endswith(")") and "(" not in span:
        end -= 1
    return start, end


@Language.component("kabar_dates")
def kabar_dates(doc: Doc) -> Doc:
    """Fill `doc._.dates` with the article's date expressions resolved against `doc._.published`."""
    init_doc(doc)
    doc._.dates = find_dates(doc.text, doc._.published)
    return doc
