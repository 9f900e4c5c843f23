"""The rules behind `kabar_entities`: one `Reader` walks a Doc's sentences and collects what it
finds as `Found` records (see `entities.py` for the order of the rules and the output).

Words are tested with `lexicon.py` (common Indonesian words, cue words), places with
`places.py`, titles with `titles.py`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kabar.nlp import places
from kabar.nlp.lexicon import (NAME_LINKS, NOT_NAMES, ORG_BEFORE, ORG_LINKS, PERSON_AFTER, PERSON_BEFORE,
                               PLACE_BEFORE, PREDICATE, STOP_WORDS, event_cues, is_common, is_derived, is_english,
                               organisations, place_cues)
from kabar.nlp.titles import TitleMatch, match_title

COMPASS = {"utara", "selatan", "barat", "timur", "tengah", "pusat", "raya"}
# Offices whose complement is a region even when the gazetteer does not know it.
REGION_OFFICES = {"Governor", "Vice Governor", "Regent", "Mayor"}


@dataclass
class Found:
    start: int
    end: int
    label: str
    titles: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    former_positions: list[str] = field(default_factory=list)  # "mantan Presiden": held in the past
    country: str | None = None
    strong: bool = True  # False: a capitalised word kept aside until a person's name explains it


class Reader:
    """The rules over one Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.words = [t.lower_ for t in doc]
        self.orgs = organisations()
        self.found: list[Found] = []
        self.lower_in_doc = {t.lower_ for t in doc if t.is_lower}
        self.skip_to = 0  # a rule that read past its sentence claims tokens up to here
        self.caps = [t.text[:1].isupper() and any(c.isalpha() for c in t.text) and not (t.is_upper and len(t) > 6)
                     for t in doc]
        self.has_sents = doc.has_annotation("SENT_START")
        self.defined: set[tuple[str]] = set()  # acronyms the article defines for organisations

    # -- token tests ------------------------------------------------------------------------
    def cap(self, i: int) -> bool:
        """Capitalised like a name (long all-caps words are shouting or outlet banners)."""
        return self.caps[i]

    def acronym(self, i: int) -> bool:
        t = self.doc[i].text
        return len(t) >= 2 and t.isupper() and any(c.isalpha() for c in t)

    def common(self, i: int) -> bool:
        return is_common(self.doc[i].text) or self.words[i] in self.lower_in_doc

    def namelike(self, i: int) -> bool:
        """Could this token be part of a person's name?"""
        t = self.doc[i]
        return (self.cap(i) and t.is_alpha and len(t) > 1 and not self.acronym(i) and not self.common(i)
                and not (t.lower_.endswith("nya") and len(t) > 6))  # "Twitternya": Twitter + its

    def sentence_start(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.doc[j].text in "“\"'‘(":
            j -= 1
        return j < 0 or self.doc[j + 1].is_sent_start or self.doc[i].is_sent_start

    # -- phrases ----------------------------------------------------------------------------
    def run(self, i: int, end: int) -> int:
        """End of the capitalised run at i: "Kim Kum-chol", "Abdullah bin Abdul Aziz"."""
        j = i
        while j < end:
            t = self.doc[j]
            if self.cap(j):
                j += 1
            elif (t.text == "-" and j > i and not self.doc[j - 1].whitespace_ and not t.whitespace_
                  and j + 1 < end and self.doc[j + 1].is_alpha):
                j += 2  # hyphenated Korean and Arabic names: Kum-chol, al-Assad
            elif t.lower_ in NAME_LINKS and j > i and j + 1 < end and self.cap(j + 1):
                j += 1
            else:
                break
        return j

    def extent(self, i: int, end: int) -> int:
        """Like `run`, but across "dan" between ordinary words: "Pusat Data Informasi dan Humas"."""
        j = self.run(i, end)
        while (j + 1 < end and j > i and self.words[j] in ORG_LINKS and self.cap(j + 1)
               and (not self.namelike(j - 1) or places.lookup(self.doc[j - 1].text))):
            j = self.run(j + 1, end)
        return j

    def place_at(self, i: int, end: int) -> tuple[int, str, str | None] | None:
        """(end, type, ISO3) of the place at i: a gazetteer name ("Korea Utara", "Jakarta
        Pusat") or a cue word and its name ("Kabupaten Aceh Utara", "Samudera Hindia")."""
        if not self.cap(i):
            return None
        for n in (2, 1):
            type_ = place_cues().get(tuple(self.words[i:i + n]))
            if type_ and i + n < end and self.cap(i + n):
                j = self.run(i + n, end)
                inner = places.lookup(self.doc[i + n:j].text)
                return j, type_, inner.country if inner else None
        longest = 0
        while i + longest < min(end, i + places.max_tokens()) and (
                self.caps[i + longest] or self.words[i + longest] == "-"):
            longest += 1
        for n in range(longest, 0, -1):
            place = places.lookup(self.doc[i:i + n].text)
            if place:
                j = i + n
                if j < end and self.words[j] in COMPASS and self.cap(j) and place.country == "IDN":
                    j += 1  # Jakarta Pusat, Sulawesi Selatan
                return j, place.type, place.country
        return None

    def org_at(self, i: int, end: int, stop_at_name: bool) -> int | None:
        """End of an organisation starting at i, or None.

        With `stop_at_name`, the organisation ends before the first name-like word (a title's
        complement followed by the person: "Kepala Kementerian Pertahanan | Roman Starovoit")."""
        if not self.cap(i):
            return None

        def capitalised(n: int) -> bool:
            return i + n <= end and all(self.cap(k) for k in range(i, i + n))

        known = self.known_name_at(i, end)
        if known and capitalised(known - i):
            return known
        cue = next((n for n in (2, 1) if tuple(self.words[i:i + n]) in self.orgs["cues"] | self.orgs["heads"]
                    and capitalised(n)), None)
        if cue is None:
            return None
        head = tuple(self.words[i:i + cue]) in self.orgs["heads"]
        j = i + cue
        while j < end:
            if self.cap(j):
                place = self.place_at(j, end)
                known = place[0] if place else self.known_name_at(j, end)
                if known:
                    j = known
                    if stop_at_name or self.person_at(j, end):
                        break  # a place or known name closes it: "Kereta Api Rusia", "Partai Demokrat | Ruhut"
                    continue
                if stop_at_name and self.namelike(j) and (j > i + cue or head):
                    break
                j += 1
            elif self.words[j] in ORG_LINKS and j + 1 < end and self.cap(j + 1) and (
                    not stop_at_name or not self.namelike(j - 1)) and not (
                    (places.lookup(self.doc[j - 1].text) and not self.common(j - 1)) or self.known_at(j + 1, end)):
                j += 1  # "Kementerian Energi dan Sumber Daya Mineral", not "Polres X dan Kejaksaan Y"
            elif self.doc[j].text == "-" and j + 1 < end and self.cap(j + 1) and not self.doc[j - 1].whitespace_:
                j += 1
            else:
                break
        while j < end and (self.words[j],) in self.orgs["suffixes"] and self.cap(j):
            j += 1
        return j if j > i + cue or cue == 2 or self.doc[i].is_upper else None

    def person_at(self, i: int, end: int) -> bool:
        """Do two or more name-like words start at i?"""
        n_end = self.run(i, end)
        return n_end - i >= 2 and all(self.namelike(k) for k in range(i, n_end) if self.doc[k].is_alpha)

    def known_name_at(self, i: int, end: int) -> int | None:
        """End of a known organisation name or defined acronym at i ("Golkar", "DPR RI")."""
        for n in (3, 2, 1):
            if i + n <= end and tuple(self.words[i:i + n]) in self.orgs["names"] | self.orgs["news"] | self.defined:
                return i + n
        return None

    # -- the walk ---------------------------------------------------------------------------
    def read(self) -> list[Found]:
        sents = list(self.doc.sents) if self.has_sents else [self.doc[:]]
        for sent in sents:
            self.read_sentence(sent.start, sent.end)
        self.attach_short_forms()
        return [f for f in self.found if f.strong]

    def read_sentence(self, i: int, end: int) -> None:
        i = max(i, self.skip_to)
        while i < end:
            nxt = (self.title_person(i, end) or self.event(i, end) or self.organisation(i, end)
                   or self.place(i, end) or self.other(i, end))
            i = nxt if nxt and nxt > i else i + 1

    def add(self, start: int, end: int, label: str, **kw) -> Found:
        f = Found(start, end, label, **kw)
        self.found.append(f)
        if label == "ORG" and end + 2 < len(self.doc) and self.doc[end].text == "(" and \
                self.doc[end + 2].text == ")" and self.acronym(end + 1):
            self.defined.add((self.words[end + 1],))  # "Komisi Pemberantasan Korupsi (KPK)": KPK is a name
        return f

    def title_person(self, i: int, end: int) -> int | None:
        """A title, its complement and the person's name (or the person it describes)."""
        m = match_title(self.words[:end], i)
        if m is None or m.end >= end:
            return None
        r_end = self.extent(m.end, end)
        if r_end == m.end:
            return m.end  # "berpangkat Letnan Kolonel", "presiden dan wakil presiden"
        if i and self.words[i - 1] in PREDICATE:
            # "X merupakan Direktur Utama PT Quadra Solution": the rest describes X.
            self.complement(m, r_end, whole=True)
            return r_end
        before = next((f for f in reversed(self.found) if f.label == "PERSON" and i >= 2
                       and f.end == i - 1 and self.doc[i - 1].text == ","), None)
        if before is not None and self.doc[i].is_lower and not m.honorific_only:
            # "Kim Kum-chol, presiden Universitas Militer Kim Il Sung": the title of the name before.
            self.give_title(before, i, r_end, *self.complement(m, r_end, whole=True))
            return r_end
        split = self.name_split(m, r_end)
        if any(self.namelike(k) for k in range(split, r_end)) and not self.is_other_thing(split, r_end):
            person = self.add(split, r_end, "PERSON")
            self.give_title(person, i, split, *self.complement(m, split))
            return r_end
        if m.honorific_only:
            return None  # "Ibu Kota" is the capital, not a lady
        if self.listed_before_stop(i, r_end):
            # "..., Gubernur Primorye. Oleg Kozemako dan lainnya": a list item broken by a period.
            n_end = self.run(r_end + 1, len(self.doc))
            person = self.add(r_end + 1, n_end, "PERSON")
            self.give_title(person, i, r_end, *self.complement(m, r_end, region=True))
            self.skip_to = n_end
            return r_end
        after = self.appositive_after(r_end, end)
        if after is not None:
            # "Kepala Pusat Data Informasi dan Humas BNPB, Sutopo Purwo Nugroho menjelaskan".
            person = self.add(r_end + 1, after, "PERSON")
            self.give_title(person, i, r_end, *self.complement(m, r_end))
            return after
        if before is not None and not before.titles:
            # "ujar Wandono, Kepala Bidang Informasi Gempa Bumi BMKG".
            self.give_title(before, i, r_end, *self.complement(m, r_end))
            return r_end
        self.complement(m, r_end, region=True)
        return r_end

    def name_split(self, m: TitleMatch, r_end: int) -> int:
        """Where the complement ends and the name begins in "Title Complement Name".

        The complement ends with the last title, place, organisation or acronym before the
        name: "Kepala Kereta Api Rusia | Oleg Belozerov", "Kapolres Lhokseumawe AKBP | Hendri
        Budiman", "Ketua DPR RI | Setya Novanto". After a rank the name follows directly."""
        if m.rank:
            return m.end
        split, k = m.end, m.end
        while k < r_end:
            title = match_title(self.words[:r_end], k)
            if title and title.positions and (title.rank or k == split):
                # "Ketua DPP Lukman Hakim": a title after name words is part of the name
                split = k = title.end
                if title.rank:
                    break
                continue
            place = self.place_at(k, r_end)
            if place and place[0] == r_end - 1 and all(self.namelike(x) for x in range(k, r_end)):
                place = None  # "Presiden Rusia Vladimir Putin": Vladimir is a first name here
            org = self.org_at(k, r_end, stop_at_name=True)
            stop = max(place[0] if place else 0, org or 0)
            if stop:
                split = k = stop
            elif self.acronym(k) and k + 1 < r_end:
                split = k = k + 1
            else:
                k += 1  # an acronym at the end is part of the name: "Mahfud MD"
        while split < r_end - 1 and self.common(split) and self.cap(split) and not self.namelike(split):
            split += 1  # "Wakil Sekjen PDI Perjuangan | Hasto Kristianto"
        for k in range(split + 1, r_end - 1):
            if self.words[k] in COMPASS:
                split = k + 1  # "Bupati Kutai Timur | Isran Noor"
        return split

    def complement(self, m: TitleMatch, c_end: int, whole: bool = False, region: bool = False):
        """Read tokens m.end..c_end after a title: emit the places and organisations there and
        return (positions with their complements, ISO3 country).

        `whole`: the complement is everything up to c_end ("Universitas Militer Kim Il Sung").
        `region`: an unknown complement of a governor or mayor is a region ("Gubernur Primorye")."""
        positions, country = list(m.positions), None
        parts: list[list[str]] = [[] for _ in positions] or [[]]
        k = m.end
        while k < c_end:
            title = match_title(self.words[:c_end], k)
            if title and title.positions:
                positions += title.positions
                parts += [[] for _ in title.positions]
                k = title.end
                continue
            place = self.place_at(k, c_end)
            org = self.org_at(k, c_end, stop_at_name=not whole)
            if whole and org:
                org = max(org, self.run(k, c_end))
            if org and (not place or org > place[0]):
                country = country or self.country_in(k, org)
                self.add(k, org, "ORG", country=country)
                parts[-1].append(self.doc[k:org].text_with_ws)
                k = org
            elif place:
                p_end, type_, iso3 = place
                while p_end < c_end and self.namelike(p_end) and not self.known_at(p_end, c_end):
                    p_end += 1  # "Kapolsek Simpang Kramat": the gazetteer knew only "Simpang"
                country = country or iso3
                self.add(k, p_end, type_, country=iso3)
                name = self.doc[k:p_end].text
                if not parts[-1] and p_end == c_end:
                    name = places.english_country(name) or name  # "Presiden Rusia" → President of Russia
                parts[-1].append(name + self.doc[p_end - 1].whitespace_)
                k = p_end
            elif self.acronym(k):
                self.add(k, k + 1, "ORG")  # "Kepala BKPM"
                parts[-1].append(self.doc[k].text_with_ws)
                k += 1
            else:
                parts[-1].append(self.doc[k].text_with_ws)
                if region and set(m.positions) & REGION_OFFICES and self.cap(k) and not parts[-1][:-1]:
                    r_end = self.run(k, c_end)
                    self.add(k, r_end, "LOC")
                    parts[-1][-1] = self.doc[k:r_end].text
                    k = r_end
                    continue
                k += 1
        out = [f"{p} of {''.join(part).strip()}" if part else p for p, part in zip(positions, parts)]
        return out, country

    def country_in(self, start: int, end: int) -> str | None:
        return next((p.country for k in range(start, end) if (p := places.lookup(self.doc[k].text))), None)

    def give_title(self, person: Found, start: int, end: int, positions: list[str], country: str | None) -> None:
        person.titles.append(self.doc[start:end].text.rstrip(" ,."))
        former = any(w in ("mantan", "eks") for w in self.words[start:end])
        (person.former_positions if former else person.positions).extend(positions)
        person.country = person.country or country

    def appositive_after(self, r_end: int, end: int) -> int | None:
        """End of the name in "Title Complement, Name verb", or None."""
        if not (r_end + 1 < end and self.doc[r_end].text == ","):
            return None
        n_end = self.run(r_end + 1, end)
        names = range(r_end + 1, n_end)
        if not names or not all(self.namelike(k) for k in names if self.doc[k].is_alpha):
            return None
        if n_end < end and match_title(self.words[:end], n_end):
            return None
        return n_end

    def listed_before_stop(self, i: int, j: int) -> bool:
        """Is the title at i a comma-list item cut off by a period at j, a two-word name after it?"""
        if not (i and self.doc[i - 1].text == "," and j + 1 < len(self.doc) and self.doc[j].text == "."):
            return False
        n_end = self.run(j + 1, len(self.doc))
        names = range(j + 1, n_end)
        return len(names) >= 2 and all(self.namelike(k) for k in names if self.doc[k].is_alpha)

    def is_other_thing(self, start: int, end: int) -> bool:
        """A capitalised run after a title that is a place or organisation, not a name."""
        place = self.place_at(start, end)
        return (place is not None and place[0] == end) or self.org_at(start, end, stop_at_name=False) is not None

    def event(self, i: int, end: int) -> int | None:
        """A named event by its cue word: "Piala Dunia 2018", "Siklon Dahlia", "Hari Pahlawan"."""
        cue = next((n for n in (2, 1) if tuple(self.words[i:i + n]) in event_cues()), None)
        if cue is None or not all(self.cap(k) for k in range(i, i + cue)):
            return None
        j = self.run(i + cue, end)
        if not any(self.words[k] not in NOT_NAMES for k in range(i + cue, j)) and cue == 1:
            return None  # "Hari Senin" is a day, "Pekan lalu" a date
        while j < end and (self.doc[j].like_num or self.words[j] in {"ii", "iii", "iv"}) and j > i + cue - 1:
            j += 1  # "Piala Dunia 2018", "Perang Dunia II"
        self.add(i, j, "EVENT")
        return j

    def organisation(self, i: int, end: int) -> int | None:
        j = self.org_at(i, end, stop_at_name=False)
        place = self.place_at(i, end)
        if j is None or (place and place[0] >= j):
            return None  # "Federasi Rusia" is the country
        self.add(i, j, "ORG", country=self.country_in(i, j))
        return j

    def place(self, i: int, end: int) -> int | None:
        hit = self.place_at(i, end)
        if hit is None:
            return None
        j, type_, iso3 = hit
        run_end = self.run(i, end)
        if run_end > j and not self.known_at(j, end):
            return None  # part of a longer name: "Vladimir Putin" is not the city Vladimir
        if j - i == 1 and self.common(i) and self.sentence_start(i):
            return None
        self.add(i, j, type_, country=iso3)
        return j

    def known_at(self, j: int, end: int) -> bool:
        return self.place_at(j, end) is not None or self.org_at(j, end, False) is not None or \
            match_title(self.words[:end], j) is not None

    def other(self, i: int, end: int) -> int | None:
        """A capitalised run that no title, cue word or gazetteer explains."""
        if not self.cap(i):
            return None
        j = self.run(i, end)
        start = i
        while start < j - 1 and is_derived(self.doc[start].text):
            start += 1  # "Kehadiran | Agus Harimurti Yudhoyono"
            if self.known_at(start, end):
                return start  # "Sebelumnya | Menteri Hukum dan HAM Yasonna Laoly"
        if self.sentence_start(start) or self.doc[start - 1].text in "“\"":
            while start < j and not self.namelike(start):
                start += 1  # "Kabar tersebut", "Namun menurut", "Diberitakan Kamis"
                if start < j and self.known_at(start, end):
                    return start  # "Mahasiswa | Universitas Gadjah Mada"
        # Words, without the pieces after a hyphen ("Kim Kum-chol" is two words).
        for k in range(start + 1, j):
            if self.namelike(k - 1):
                break
            if self.known_at(k, end):
                return k  # "Ajakan | Ketua Umum Partai Gerindra Prabowo Subianto"
        for k in range(start + 1, j):
            if match_title(self.words[:j], k) or self.org_at(k, j, stop_at_name=False):
                j = k  # "Mahfudz Siddiq | Wasekjen Partai Keadilan Sejahtera"
                break
        tokens = [k for k in range(start, j) if self.doc[k].is_alpha and not (
            k > start and self.doc[k - 1].text == "-" and not self.doc[k - 1].whitespace_)]
        if not tokens:
            return j
        namelike = [k for k in tokens if self.namelike(k)]
        all_names = len(namelike) == len(tokens)
        before = self.words[start - 1] if start > 0 else ""
        after = self.words[j] if j < len(self.doc) else ""
        if (self.words[j - 1],) in self.orgs["suffixes"] or (before in ORG_BEFORE and all(self.cap(k) for k in tokens)):
            self.add(start, j, "ORG")  # "Iran Aseman Airlines", "kantor berita ISNA"
        elif not namelike or any(self.acronym(k) for k in tokens) or places.lookup(self.doc[j - 1].text):
            pass  # ordinary words ("Tanah Air"), an unknown acronym ("Mabes TNI Cilangkap"), a
            # name ending in a place ("Percetakan Negara Republik Indonesia")
        elif before in PLACE_BEFORE and all_names and start == i and (self.words[start],) not in self.orgs["cues"]:
            self.add(start, j, PLACE_BEFORE[before])  # "di Hambalang", "daerah Semirom"
        elif len(tokens) >= 3 and all_names and (before == "," or after == ",") and self.list_of_titles(start):
            # "..., Roskomos Yuri Borisov, ...": an officials' list item whose title is a name.
            self.add(start, j - 2, "ORG")
            self.add(j - 2, j, "PERSON", titles=[self.doc[start:j - 2].text])
        elif len(tokens) >= 2 and self.name_words(tokens) and \
                (self.namelike(start) or (2 * len(namelike) >= len(tokens) and not self.sentence_start(start))) and \
                sum(is_english(self.doc[k].text) for k in tokens) * 2 <= len(tokens):
            self.add(start, j, "PERSON")
        elif all_names and (before in PERSON_BEFORE or after in PERSON_AFTER):
            self.add(start, j, "PERSON")  # "kata Zulkifli", "Gatot meminta"
        elif all_names:
            self.add(start, j, "PERSON", strong=False)
        return j

    def name_words(self, tokens: list[int]) -> bool:
        """Can these words all be part of a name? "Cecep Rahmat" yes, "Irian Barat" no."""
        return all(self.namelike(k) or (self.cap(k) and not self.acronym(k) and self.words[k] not in STOP_WORDS
                                        and self.words[k] not in NOT_NAMES and self.words[k] not in COMPASS)
                   for k in tokens)

    def list_of_titles(self, i: int) -> bool:
        """Is token i inside a comma list where other items are titled people?"""
        sent = self.doc[i].sent if self.has_sents else self.doc[:]
        titled = [f for f in self.found if f.label == "PERSON" and f.titles and sent.start <= f.start < sent.end]
        return len(titled) >= 2

    def attach_short_forms(self) -> None:
        """Keep an unexplained capitalised run only when it repeats words of a titled or
        multi-word person's name ("Putin", "Jong Un", "Kim"); a one-word place that does so is
        that person too."""
        name_words = set()
        for f in self.found:
            if f.label == "PERSON" and f.strong and (f.end - f.start >= 2 or f.titles):
                name_words |= {self.words[k] for k in range(f.start, f.end) if self.doc[k].is_alpha}
        for f in self.found:
            words = {self.words[k] for k in range(f.start, f.end) if self.doc[k].is_alpha}
            if not f.strong:
                f.strong = bool(words) and words <= name_words
            elif f.label in ("GPE", "LOC") and f.end - f.start == 1 and words <= name_words:
                f.label = "PERSON"  # "Guntur" after "Guntur Aryo Tejo" is the man, not the Indian city
