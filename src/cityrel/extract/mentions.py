"""Stage 2a: what an article names: countries, places, organisations, titles, people.

The order matters and is the same for every article:
1. countries (multi-word names first: "Kuzey Kıbrıs Türk Cumhuriyeti");
2. titles of office (lang/tr/titles.tsv) and the names that follow them,
   skipping honorifics ("Dr.", "Av."); a name ends at its apostrophe suffix;
3. organisations, closed by a head noun ("... Derneği", "... Büyükelçiliği")
   and extended to the left over capitalised words, with an acronym in
   brackets after them;
4. places: capitalised words GeoNames knows, or that a place noun or a
   title shows to be a place ("Beykoz ilçesi", "Çatalköy'ün belediye başkanı");
5. people named again by surname alone ("Başkan Tugay", "Tugay'a").
People are found from titles and context, never from a list of known people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from cityrel.extract import gazetteer
from cityrel.extract.lexicon import (
    Title,
    family_names_first,
    honorifics,
    match_head,
    match_title,
    months,
    number_words,
    place_noun,
    plan_head,
    weekdays,
)
from cityrel.extract.text import fold_name, slug
from cityrel.extract.tokens import Token, in_a_case_of_its_own, inflects
from cityrel.model import City, Country, Person

GENITIVE_FOLDED = {"nin", "in", "un", "nun"}
GENITIVE_ENDINGS = tuple(GENITIVE_FOLDED)  # for str.endswith on words written without an apostrophe
LOCATIVE = ("da", "de", "ta", "te", "nda", "nde")
LOCATIVE_KI = {"daki", "deki", "taki", "teki", "ndaki", "ndeki"}
# "Köstence iline bağlı Mecidiye": "il" is no place noun of its own, as "ile" (with) would match it.
PROVINCE_IN_THE_DATIVE = {"iline", "ilimize"}
DATIVE = {"a", "e", "ya", "ye", "na", "ne"}
MAX_NAME_TOKENS = 4
# Lower-case words inside a foreign name ("Ludwig van Beethoven", "Mohamed bin Zayed", "Ortiz de la Vega").
# "de" and "da" are also Turkish "too" ("Başkan Aras da Japon heyetine ..."): see Mentions._particle_before.
NAME_PARTICLES = {"van", "von", "der", "den", "ter", "bin", "ibn", "al", "el", "di", "del", "della", "dos", "du",
                  "la", "las", "los"}
AMBIGUOUS_PARTICLES = {"de", "da"}
# Words after a Central Asian or Caucasian patronymic, written in lower case: "Mamyt uulu", "Asan kyzy".
PATRONYMICS = {"uulu", "kyzy", "ogly", "oglu", "qizi", "kizi"}
# Words that open a surname of two words, which a second mention writes whole: "Ben Salah", "El Amrani", "Van Dijk".
SURNAME_PARTICLES = {"ben", "bin", "el", "al", "abu", "van", "von", "de", "di", "da", "del", "della", "le", "la",
                     "mac", "mc", "o"}
# Case endings after a possessive's "n" ("Listesi'ndeki", "Merkezi'ne"): the word is a possessed noun, the head
# of a compound name, not a town ("Ohri'de", "Ohri'ye" take none).
POSSESSED_CASES = ("nda", "nde", "nta", "nte", "ndan", "nden", "na", "ne")
# Words of a time phrase between a name and its title: "Tekin, 2019'dan bu yana ... Fahri Konsolosu olarak",
# "Durmaz, geçen yıl Bayrampaşa Kaymakamı olarak".
TIME_WORDS = {"bu", "yana", "beri", "gecen", "gectigimiz", "yil", "yildir", "yillardir", "suredir", "uzun", "bir",
              "ay", "aydir", "donem", "donemde"}
# Words that stand for the visitor: "heyet", "konuğunu", "misafirleri".
GUEST_WORDS = ("heyet", "konug", "konuk", "misafir")
# Nouns that refer to a meeting told before: "gerçekleşen görüşmede", "ziyaretin sonunda".
MEETING_NOUNS = ("gorusme", "ziyaret", "bulusma", "durag")  # "durağı": a stop on a round of calls
# Occasions a sentence may open with in the locative, capitalised only by the sentence: "Törende Hüseyin
# Taşkıran (...) da hazır bulundu".
OCCASION_NOUNS = MEETING_NOUNS + ("toren", "toplanti", "program", "etkinlik", "resepsiyon", "yemek")
OFFICE = "baskanlig"
"""The title word of the head's office ("başkanlık"), not of its holder (titles.tsv)."""
ELECTED = ("secil", "getiril", "atan")
"""Verbs of a vote or appointment to an office: "başkanlığa, ... Fikret Rama seçildi"."""
# Case endings of a place someone goes to, is in, or comes from.
MOTION_CASES = {"e", "a", "ye", "ya", "de", "da", "te", "ta", "den", "dan", "ten", "tan"}
# Titles whose first word shows that the word before them is a place: "Beykoz Belediye Başkanı".
PLACE_TITLES = {"belediye", "buyuksehir", "vali", "kaymakam", "il"}


@dataclass
class PlaceMention:
    first: int
    end: int
    city: City
    suffix: str
    container: bool = False


@dataclass
class CountryMention:
    first: int
    end: int
    country: Country
    suffix: str


@dataclass
class OrgMention:
    """An organisation named ("İzmir Azerbaycan Derneği") or referred to ("derneğin")."""

    first: int
    head: int
    end: int
    kind: str
    name: str | None
    acronym: str | None = None
    definition: OrgMention | None = None
    """For an acronym used alone, the mention that spells the name out."""
    after: int = 0
    """The token after the mention and its bracketed acronym, if any ("... Derneği (SANKAR-DER)")."""

    def __post_init__(self) -> None:
        self.after = max(self.after, self.end)


@dataclass
class TitleMention:
    """A title of office, and the people it introduces (none for "büyükelçi, ...")."""

    first: int
    end: int
    title: Title
    people: list[Person] = field(default_factory=list)
    name_end: int = 0
    """Where the names read after the title end (0: none were)."""
    name_first: int | None = None
    """Where the names read before the title start ("X Y, ... Büyükelçisi olarak"; None: none were)."""
    plural: bool = False

    @property
    def extent(self) -> range:
        """The title with the names it was read with, before or after it."""
        return range(self.first if self.name_first is None else self.name_first, max(self.end, self.name_end))


@dataclass
class PersonMention:
    first: int
    end: int
    person: Person


class People:
    """The people of one article: full names, and surnames that refer back to them."""

    def __init__(self) -> None:
        self.by_name: dict[str, Person] = {}

    def add(self, name: str, variants: tuple[str, ...] = ()) -> Person:
        key = fold_name(name)
        known = self.by_name.get(key)
        if known is None and " " not in name:  # one written word: "Tugay", "Al-Enezi", "Zhao"
            known = self.by_surname(key) or self._by_first_name(key)
        elif known is None and name.split()[0].lower() in SURNAME_PARTICLES:
            known = self.by_surname(key)  # "Büyükelçi Ben Salah": Mounir Ben Salah, named before
        if known is None:
            known = Person(key=slug(name), name=name, alt_names=variants)
            self.by_name[key] = known
        return known

    def by_surname(self, surname: str) -> Person | None:
        """The one full name that `surname` (folded; "al enezi" for "Al-Enezi") ends, or begins as a Korean name;
        else the one whose father's surname it is, before the mother's ("Rodrigo Alfonso Peñaloza Urrutia")."""
        matches = {p for key, p in self.by_name.items() if len(key.split()) > len(surname.split())
                   and (_surname(p.name, key) == surname or key.endswith(" " + surname))}
        if not matches and " " not in surname:
            matches = {p for key, p in self.by_name.items() if len(key.split()) > 3 and key.split()[-2] == surname}
        return matches.pop() if len(matches) == 1 else None

    def _by_first_name(self, word: str) -> Person | None:
        """The one full name that starts with `word` when none ends with it: a family name written first
        ("Zhao Minghui", then "Zhao"), or a given name used alone ("Büyükelçi Mulugeta")."""
        matches = {p for key, p in self.by_name.items() if " " in key and key.split()[0] == word}
        return matches.pop() if len(matches) == 1 else None

    def resolve(self, person: Person) -> Person:
        """A surname-only person stands for the full name found elsewhere in the article."""
        if " " not in person.name:
            key = fold_name(person.name)
            return self.by_surname(key) or self._by_first_name(key) or person
        return person


class Mentions:
    """Everything named in one article body, found in the fixed order above."""

    def __init__(self, tokens: list[Token], text: str) -> None:
        self.tokens = tokens
        self.text = text
        self.people = People()
        self.countries: list[CountryMention] = []
        self.titles: list[TitleMention] = []
        self.orgs: list[OrgMention] = []
        self.places: list[PlaceMention] = []
        self.persons: list[PersonMention] = []
        self._taken: set[int] = set()
        self._find_countries()
        self.context = frozenset(m.country.code for m in self.countries if m.country.code)
        self._home_and_context = self.context | {gazetteer.HOME_COUNTRY}
        self._find_titles()
        self._find_orgs()
        self._find_places()
        self._find_surnames()

    # -- helpers -------------------------------------------------------------

    def span_text(self, first: int, end: int, *, strip_suffix: bool = True) -> str:
        """The original text of tokens [first, end), the last one without its apostrophe suffix."""
        last = self.tokens[end - 1]
        stop = last.start + len(last.stem) if strip_suffix else last.end
        return self.text[self.tokens[first].start:stop]

    def sentence_range(self, sentence: int) -> range:
        return self._sentence_ranges.get(sentence, range(0))

    @cached_property
    def _sentence_ranges(self) -> dict[int, range]:
        """Each sentence's tokens, from its first to its last, found in one pass: the readers ask for the
        sentence of many a token, and a scan of every token for each question showed in profiles."""
        first: dict[int, int] = {}
        last: dict[int, int] = {}
        for token in self.tokens:
            first.setdefault(token.sentence, token.index)
            last[token.sentence] = token.index
        return {sentence: range(start, last[sentence] + 1) for sentence, start in first.items()}

    def _particle_before(self, at: int) -> bool:
        """Whether "de" or "da" right before token `at` is a particle of a name ("Ortiz de la Vega", "Sanne de
        Vries"), not "too" ("Aras da Japon heyetine", "Yılmaz da İzmir'e"): another particle or a surname
        follows, not a place, a country, a nationality or the surname of someone named before."""
        if at >= len(self.tokens):
            return False
        token = self.tokens[at]
        if token.key in NAME_PARTICLES:
            return True
        known = self.people.by_surname(token.key)  # "Başkan Stojkovski de Özdoğan'a": Kemal Özdoğan, named before
        following = self.tokens[at + 1] if at + 1 < len(self.tokens) else None
        two_words = f"{token.text} {following.stem}" if following and following.capitalised else None
        # "Orhan Mustafa da Gazi Baba'daki", "Doğangün de Karesi'de": where someone is, not a surname
        where = following if following and two_words and not token.suffix else token
        return self._name_token(token) and not (
            self.country_at(at) or gazetteer.demonym_of(token.key) or where.suffix in LOCATIVE_KI or where.suffix in LOCATIVE
            or any(gazetteer.notable_place(name, self._home_and_context)
                   for name in (token.stem, two_words) if name)  # "Koleva da Eski Zağra'nın"
            or match_title(self.tokens, at)
            or (known is not None and not AMBIGUOUS_PARTICLES.intersection(known.name.split())))

    def _name_token(self, token: Token) -> bool:
        return (token.capitalised and token.stem.isalpha() is not False and token.word and not token.acronym
                and token.key not in honorifics() and token.key not in months() and not token.key.isdigit())

    def _given_name_of_a_month(self, at: int) -> bool:
        """Whether a month's name at `at` is a given name ("Kasım Abbas Bayatlı", "Eylül Kaya"): capitalised,
        bare, not after a day's number, and another word of a name follows ("15 Kasım Cuma", "Kasım 2024" are
        dates)."""
        token = self.tokens[at]
        following = self.tokens[at + 1] if at + 1 < len(self.tokens) else None
        return (token.capitalised and not token.suffix and token.key in months() and following is not None
                and not (at and self.tokens[at - 1].key.isdigit()) and self._name_token(following)
                and following.key not in weekdays() and following.sentence == token.sentence)

    # -- 1. countries --------------------------------------------------------

    def _find_countries(self) -> None:
        names = gazetteer.countries_by_name()
        starts = gazetteer.country_name_starts()
        tokens = self.tokens
        at = 0
        while at < len(tokens):
            found = None
            region = self._region_at(at)
            if region:
                at += region  # "Latin Amerika Müzik Festivali": no mention of the United States
                continue
            # A run's name starts with this word's key: most capitalised words start no country's name.
            if tokens[at].capitalised and tokens[at].word and tokens[at].key in starts:
                for length in (5, 4, 3, 2, 1):
                    run = tokens[at:at + length]
                    if len(run) < length or any(t.suffix for t in run[:-1]) or not run[-1].word:
                        continue  # "Bosna-Hersek" joins over its hyphen, "Türkiye’nin X" does not
                    country = names.get(" ".join(t.key for t in run if t.word))
                    if country and not self._names_a_town(at + length):
                        found = CountryMention(at, at + length, country, run[-1].suffix)
                        break
            if found:
                self.countries.append(found)
                self._taken.update(range(found.first, found.end))
                at = found.end
            else:
                at += 1

    def _names_a_town(self, end: int) -> bool:
        """Whether a town's noun or its mayor's title follows: "Kuba kenti", "Kuba Belediye Başkanı" are
        Quba in Azerbaijan, though "Kuba" folds as "Küba" (Cuba) does."""
        return end < len(self.tokens) and not self.tokens[end - 1].suffix and (
            place_noun(self.tokens[end]) in ("city", "municipality") or self.tokens[end].key in PLACE_TITLES)

    def _region_at(self, at: int) -> int:
        """The number of words of a region's name that starts at `at` ("Latin Amerika"), or 0."""
        if not self.tokens[at].capitalised:
            return 0
        for name in gazetteer.region_names().get(self.tokens[at].key, ()):
            length = len(name.split())
            run = self.tokens[at:at + length]
            if len(run) == length and not any(t.suffix for t in run[:-1]) and " ".join(t.key for t in run) == name:
                return length
        return 0

    def country_at(self, index: int) -> CountryMention | None:
        return next((m for m in self.countries if m.first <= index < m.end), None)

    # -- 2. titles and the names they introduce -----------------------------

    def _find_titles(self) -> None:
        at = 0
        while at < len(self.tokens):
            matched = match_title(self.tokens, at) if self.tokens[at].word else None
            if matched is None or at in self._taken:
                at += 1
                continue
            title, end = matched
            if title.office and not self.tokens[end - 1].key.endswith(("a", "e")):
                at += 1  # "X başkanlığındaki heyet": an office names a holder only as the goal of a vote
                continue  # or an appointment, in the dative: "başkanlığa Erol Mehmetoğlu'nu getirdi"
            if self._ends_a_name(at):
                at += 1  # "Aydın Arnavut Kültür Derneği Başkanı": the body is named; its title is "Başkanı"
                continue
            mention = TitleMention(at, end, title, plural=_names_many(self.tokens[end - 1], title))
            self._read_names(mention)
            self.titles.append(mention)
            self._taken.update(range(at, max(end, mention.name_end)))
            at = max(end, mention.name_end)

    def _ends_a_name(self, at: int) -> bool:
        """Whether the word at `at` is the head of a body whose name stands before it ("... Derneği")."""
        tokens = self.tokens
        before = tokens[at - 1] if at else None
        return (before is not None and before.sentence == tokens[at].sentence and tokens[at].capitalised
                and before.capitalised and before.word and not before.suffix and not before.acronym
                and (match_head(tokens, at) or ("",))[0] in ("association", "organization")
                and (at - 1) not in self._taken)

    def _one_holder_in_a_case(self, mention: TitleMention) -> bool:
        """"Başkonsolostan Kültür Günleri müjdesi", "Valiyle", "başkonsolosa Çorlu'yu tanıtan": one holder's
        title in the ablative, instrumental or dative, which no name stands in apposition to (an office or a
        board in the dative, a board or a plural in the ablative names some of its members: "başkanlığa X",
        "yönetim kurulundan Fatin Rüştü Bektaş ve Süleyman Eruzunlar")."""
        title, last = mention.title, self.tokens[mention.end - 1]
        ending = last.key[len(title.words[-1]):]
        return not (title.office or title.words[-1] == "kurulu" or "lar" in ending or "ler" in ending) \
            and in_a_case_of_its_own(last.key, title.words[-1])

    def _read_names(self, mention: TitleMention) -> None:
        """Read the name(s) after a title: "Dr. Cemil Tugay", "X ile Y", "olarak görev yapan X"."""
        at = mention.end
        tokens = self.tokens
        if tokens[at - 1].key.endswith(GENITIVE_ENDINGS) and len(tokens[at - 1].key) > 4:
            return  # "yönetim kurulunun ...": the title is a possessor here, no name follows
        if tokens[at - 1].suffix or self._one_holder_in_a_case(mention):
            return  # "Başkan'a And Dağları'ndan": a title that takes the case ending stands for its holder
        if not tokens[mention.first].capitalised and at < len(tokens) \
                and (tokens[at].text == "," or tokens[at].key == "olarak"):
            # "Bekzod Tursunov sekreter, Feruza Yusupova sayman olarak görev yapacak", "A ile B ise yönetim
            # kurulu üyesi olarak": a title in lower case after the name(s), as what they are to be
            before = mention.first - 1 if mention.first and tokens[mention.first - 1].key in ("ise", "da", "de") \
                else mention.first
            self._read_list_before(mention, before)
            if mention.people:
                return
        if at < len(tokens) and tokens[at].key == "olarak":
            # "konsolos olarak görev yapan X": the name follows the participle; without one,
            # "X, ülkesinin Ankara Büyükelçisi olarak ..." named the holder before the title.
            participle = next((i for i in range(at + 1, min(at + 4, len(tokens)))
                               if tokens[i].key.endswith(("an", "en")) and not tokens[i].capitalised), None)
            if participle is None:
                self._read_name_before(mention, apposed=True)
                return
            # "fahri konsolos olarak atanan Gaziantepli iş insanı Cengiz Alparslan": the first full name
            # within a few words, past what describes the person
            after = next((i for i in range(participle + 1, min(participle + 6, len(tokens)))
                          if (name := self._read_name(i)) and len(name[2].split()) > 1), None)
            if after is None:
                # no full name follows "ardından" in "X, ... konsolosu olarak göreve başlamasının ardından":
                # the word was no participle, and the holder came first
                self._read_name_before(mention)
                if mention.people:
                    return
            at = participle + 1 if after is None else after
        if at < len(tokens) and tokens[at].key == "olan":
            at += 1  # "Pingyao'nun belediye başkanı olan Zhao Mingyuan"
        if mention.title.office and at < len(tokens):
            if tokens[at].key == "ise":
                at += 1  # "genel sekreterliğe ise Bilguun Tsogt seçildi" (but "Büyükelçi ise Rákóczi'nin ...")
            if tokens[at].text == ",":
                at = self._elected_after(at, at + 1)  # "başkanlığa, ... uğraşan Fikret Rama seçildi"
            elif tokens[at].key.startswith(ELECTED) and tokens[at].key.endswith(("an", "en")):
                at += 1  # "başkanlığa seçilen Dilnoza Karimova'ya"
            else:  # "başkanlığa genç iş insanı Erlan Tekin getirildi", "... Anadolu Üniversitesi'nde doktora
                at = self._elected_after(at, at)  # öğrencisi olan Jasur Abdullayev seçildi"
        if at < len(tokens) and tokens[at].text == ")" and mention.first and tokens[mention.first - 1].text == "(":
            at += 1  # "Fergana Hokimi (Belediye Başkanı) Alisher Yusupov": a title glossing the one before
        sentence = tokens[mention.end - 1].sentence
        while True:
            while at < len(tokens) and tokens[at].key in honorifics():
                at += 1
            if at < len(tokens) and tokens[at].sentence != sentence:
                break  # "Schiedam'dan hemşehri başkan" heads a section; the next line's first word is no name
            name = self._read_name(at)
            if name is None:
                break
            _first, end, full_name, variants = name
            if mention.plural and self._besides(end) and len(full_name.split()) == 1 \
                    and self.people.by_surname(fold_name(full_name)):
                # "yönetim kurulunda Nazarov'un yanı sıra A, B ve C yer aldı": the others beside one named before
                at = end + 2
                continue
            mention.people.append(self.people.add(full_name, variants))
            mention.name_end = end
            at = end
            more = at < len(tokens) and (tokens[at].key in ("ile", "ve") or tokens[at].text == ",") \
                and not tokens[at - 1].suffix
            if not (mention.plural and more):
                break
            at += 1
        lower_case = not tokens[mention.first].capitalised
        if not mention.people and at < len(tokens) and (
                tokens[at].key.startswith(ELECTED) or (tokens[at].key == "oldu" and lower_case)):
            if mention.title.office or (lower_case and not mention.plural):
                # "kurucu üyelerden Oksana Melnyk oy birliğiyle başkanlığa seçildi", "seçimde Av. Kenan Begoviç
                # derneğin yeni başkanı oldu": the one elected, named before
                self._read_elected_before(mention)
            elif mention.plural:
                # "Gülnar Demir, Asan Kurt ve Ayşegül Yerlan yönetim kuruluna seçildi": the members, named before
                self._read_list_before(mention)
        if not mention.people and at < len(tokens) and tokens[at].text in (",", ")"):
            # "Jonathan Whitfield, Birleşik Krallık'ın Ankara Büyükelçisi, ...", "Rinat Sabirov (Kazan Belediye
            # Başkan Yardımcısı)"
            self._read_name_before(mention)

    def _besides(self, end: int) -> bool:
        """Whether a name ending at `end` is followed by "yanı sıra" in the genitive: "Nazarov'un yanı sıra"."""
        tokens = self.tokens
        return end + 1 < len(tokens) and tokens[end - 1].suffix in GENITIVE_FOLDED \
            and tokens[end].key == "yani" and tokens[end + 1].key == "sira"

    def _elected_after(self, at: int, start: int) -> int:
        """Where the name starts that a vote or appointment to an office gives, past what describes the person
        from `start` on ("başkanlığa, yirmi yılı aşkın süredir ... uğraşan Fikret Rama seçildi"); `at` if none
        does."""
        tokens, sentence = self.tokens, self.tokens[at].sentence
        for first in range(start, len(tokens)):
            if tokens[first].sentence != sentence:
                break
            name = self._read_name(first)
            if name and len(name[2].split()) > 1:
                end = name[1]
                return first if end < len(tokens) and tokens[end].key.startswith(ELECTED) else at
        return at

    def _read_elected_before(self, mention: TitleMention) -> None:
        """The last full name before an office in its sentence: the one elected to it."""
        start = self.sentence_range(self.tokens[mention.first].sentence).start
        for first in range(mention.first - 1, start - 1, -1):
            name = self._read_name(first)
            if name and name[1] <= mention.first and len(name[2].split()) > 1 \
                    and (first == start or self._read_name(first - 1) is None):
                if not self.tokens[name[1] - 1].suffix:  # not "3. Olağan Genel Kurulu'nda başkanlığa seçilen X"
                    mention.people.append(self.people.add(name[2], name[3]))
                    mention.name_first = first
                return

    def _read_list_before(self, mention: TitleMention, end: int | None = None) -> None:
        """The full names listed right before a title (or before `end`), joined by commas, "ve" or "ile":
        "A, B ve C"."""
        tokens, at = self.tokens, mention.first if end is None else end
        start = self.sentence_range(tokens[at].sentence).start
        listed = []
        while True:
            name = next((found for first in range(at - 1, max(start, at - 4) - 1, -1)
                         if (found := self._read_name(first)) and found[1] == at and len(found[2].split()) > 1
                         and not self._inflected_opening(first)  # "Seçimde Gülnar Demir": no name's first word
                         and (first == start or self._read_name(first - 1) is None
                              or self._inflected_opening(first - 1))), None)
            if name is None:
                break
            listed.append(name)
            at = name[0] - 1
            if at < start or not (tokens[at].key in ("ve", "ile") or tokens[at].text == ","):
                break
        for _first, _end, full_name, variants in reversed(listed):
            mention.people.append(self.people.add(full_name, variants))
        if listed:
            mention.name_first = listed[-1][0]

    def _read_name_before(self, mention: TitleMention, *, apposed: bool = False) -> None:
        """The name set off by a comma or bracket before the title: "X Y, ülkesinin Ankara Büyükelçisi
        olarak", "X Y, Birleşik Krallık'ın Ankara Büyükelçisi, ...", "X Y (Kazan Belediye Başkan Yardımcısı)",
        "Zhou Minghai, Çin Halk Cumhuriyeti'nin İzmir Başkonsolosu, ..." (up to five words between). A title
        `apposed` with "olarak" may also follow words of time, and a surname alone: "Tekin, 2019'dan bu yana
        Pakistan'ın Konya Fahri Konsolosu olarak görev yapıyor"."""
        tokens, edge = self.tokens, mention.first
        while edge > 0 and edge > mention.first - 6 and tokens[edge - 1].text != "," and (
                tokens[edge - 1].capitalised or tokens[edge - 1].key == "ulkesinin"):
            edge -= 1
        if apposed:
            while edge > 0 and edge > mention.first - 9 and tokens[edge - 1].text != "," and (
                    tokens[edge - 1].capitalised or tokens[edge - 1].key[:1].isdigit()
                    or tokens[edge - 1].key in TIME_WORDS):
                edge -= 1
        if edge == 0 or tokens[edge - 1].text not in (",", "("):
            return
        named = next((t for t in self.titles if t.people and t.name_end == edge - 1), None)
        if named:
            mention.people.extend(named.people)
            return
        sentence_start = self.sentence_range(tokens[mention.first].sentence).start
        for first in range(max(sentence_start, edge - 1 - MAX_NAME_TOKENS), edge - 1):
            name = self._read_name(first)
            if name and name[1] == edge - 1 and (apposed or len(name[2].split()) > 1):
                mention.people.append(self.people.add(name[2], name[3]))
                mention.name_first = first
                return

    def _read_name(self, at: int) -> tuple[int, int, str, tuple[str, ...]] | None:
        """(first, end, name, variant names) of a name starting at `at`, or None.

        A name is up to four capitalised words; it ends after a word with an
        apostrophe suffix, and a bracketed word in it is a variant spelling of
        the word before ("Chyngyz (Çıngız) Toktobekoviç").
        """
        tokens, first = self.tokens, at
        if self._opens_sentence(at) and tokens[at].key.startswith(OCCASION_NOUNS) \
                and tokens[at].key.endswith(("da", "de", "ta", "te")):
            return None
        words: list[Token] = []
        variant: tuple[int, str] | None = None
        while at < len(tokens) and sum(w.text != "-" and w.capitalised for w in words) < MAX_NAME_TOKENS:
            token = tokens[at]
            if not (self._name_token(token) or self._given_name_of_a_month(at)) or match_title(tokens, at) \
                    or match_head(tokens, at) or plan_head(token) in ("event", "activity") \
                    or (not words and token.suffix in GENITIVE_FOLDED and self.country_at(at)):
                break  # "büyükelçiye Katar’ın İstanbul Başkonsolosu ...": the owner of the next title, no name
            if len(words) >= 2 and token.suffix in MOTION_CASES and (
                    gazetteer.notable_place(token.stem, self._home_and_context) or self.country_at(at)):
                break  # "Toktobekoviç İzmir'e geldi", "Yurdakul Almanya'da": the name has ended, a place follows
            if len(words) >= 2 and gazetteer.notable_place(token.stem, self._home_and_context) \
                    and self._opens_a_name(at):
                break  # "Gökhan Ersoy Çiğli Kültür Merkezi’nde": a place opens the name of a building
            if len(words) >= 2 and self._names_a_feature(at):
                break  # "Turgut Aksoy Büyük Liman'a bakan": the name of a harbour, a square, a park follows
            words.append(token)
            at += 1
            if token.suffix:
                break
            if at + 1 < len(tokens) and tokens[at].text == "-" and tokens[at].start == token.end \
                    and (self._name_token(tokens[at + 1]) or (
                        tokens[at + 1].start == tokens[at].end and tokens[at + 1].stem.isalpha())):
                words.append(tokens[at])  # "Hans-Peter", "Dong-hyun": the hyphen joins one name
                at += 1
                if not tokens[at].capitalised:
                    words.append(tokens[at])
                    at += 1
                    if tokens[at - 1].suffix:
                        break
            elif at + 2 < len(tokens) and tokens[at].text == "(" and tokens[at + 2].text == ")" \
                    and self._name_token(tokens[at + 1]):
                variant = (len(words) - 1, tokens[at + 1].stem)
                at += 3
            particles = at
            # "yeni başkan Mehmetoğlu da Batı Trakya'da": after the surname of someone named before, "da" is "too"
            surname_alone = len(words) == 1 and at < len(tokens) and tokens[at].key in AMBIGUOUS_PARTICLES \
                and self.people.by_surname(token.key) is not None
            while particles < len(tokens) and not tokens[particles].capitalised and (
                    tokens[particles].key in NAME_PARTICLES or (
                        tokens[particles].key in AMBIGUOUS_PARTICLES and not surname_alone
                        and self._particle_before(particles + 1))):
                particles += 1
            if particles > at and particles + 1 < len(tokens) and tokens[particles].text == "-" \
                    and tokens[particles].start == tokens[particles - 1].end \
                    and self._name_token(tokens[particles + 1]):
                particles += 1  # "İmad el-Hatib": an article joined to the name by a hyphen
            if particles > at and particles < len(tokens) and self._name_token(tokens[particles]):
                words += tokens[at:particles]  # "Mark van der Berg": the particles belong to the surname
                at = particles
        while words and words[-1].text == "-":
            words.pop()
        if not words:
            return None
        if not words[-1].suffix and at < len(tokens) and tokens[at].key in PATRONYMICS:
            words.append(tokens[at])  # "Taalaibek Mamyt uulu": the patronymic closes the name
            at += 1
        name = _joined(words)
        if len(name.split()) == 1 and not self.people.by_surname(fold_name(name)) and not words[-1].suffix \
                and at < len(tokens) and tokens[at].capitalised:
            return None
        variants: tuple[str, ...] = ()
        if variant:
            index, spelling = variant
            spelled = [*(t.text for t in words[:index]), spelling, _joined(words[index + 1:])]
            variants = (" ".join(" ".join(spelled).split()),)
        return first, at, name, variants

    # -- 3. organisations ----------------------------------------------------

    def _find_orgs(self) -> None:
        tokens = self.tokens
        named_to = 0  # the end of the last head read: "Fahri Konsolosluğu" holds no second head "Konsolosluğu"
        for at, token in enumerate(tokens):
            if at in self._taken or not token.word or at < named_to:
                continue
            matched = match_head(tokens, at)
            if matched is None or (not token.capitalised and self._union_in_a_common_word(at)):
                continue
            kind, end = matched
            if end < len(tokens) and not tokens[end - 1].suffix and (
                    match_head(tokens, end) or (match_title(tokens, end) and tokens[end - 1].key == "belediye")
                    or (tokens[end].capitalised and plan_head(tokens[end]) in ("event", "day"))):
                continue  # "Dernekleri Federasyonu", "Belediye Meclisi", "Alman Birliği Günü": the name goes on
            first = self._extend_left(at) if token.capitalised else at
            name = self.span_text(first, end) if token.capitalised and first < at else None
            acronym, after = None, end
            bracketed = self._acronym_at(end + 1) if end < len(tokens) and tokens[end].text == "(" else None
            if bracketed and bracketed[1] < len(tokens) and tokens[bracketed[1]].text == ")":
                acronym, after = bracketed[0], bracketed[1] + 1
            self.orgs.append(OrgMention(first, at, end, kind, name, acronym, after=after))
            named_to = end
        self._find_acronym_orgs()

    def _union_in_a_common_word(self, at: int) -> bool:
        """"iş birliği", "güç birliği", "aileleriyle birlikte": "birlik" that names no union."""
        key = self.tokens[at].key
        return inflects(key, "birlik") and (key.startswith("birlikte") or (
            at > 0 and self.tokens[at - 1].key in ("is", "guc")))

    def _acronym_at(self, at: int) -> tuple[str, int] | None:
        """The acronym starting at token `at`, hyphenated ones whole ("SANKAR-DER"), and the index after it."""
        tokens = self.tokens
        if at >= len(tokens) or not tokens[at].acronym:
            return None
        end = at + 1
        while end + 1 < len(tokens) and tokens[end].text == "-" and tokens[end + 1].acronym \
                and tokens[end].start == tokens[end - 1].end and tokens[end + 1].start == tokens[end].end:
            end += 2
        return self.text[tokens[at].start:tokens[end - 1].start + len(tokens[end - 1].stem)], end

    def _extend_left(self, head: int) -> int:
        tokens, first, at = self.tokens, head, head - 1
        sentence = tokens[head].sentence
        while at >= 0 and tokens[at].sentence == sentence:
            token = tokens[at]
            if at in self._taken and not self.country_at(at):
                break
            if self._opens_sentence(at) and token.capitalised and not (
                    token.acronym or self.country_at(at) or gazetteer.demonym_of(token.key)
                    or gazetteer.notable_place(token.stem, self._home_and_context)
                    or gazetteer.is_home_division(token.stem)):  # "Manyas Kafkas Kültür ... Derneği"
                break  # "Ziyaret ... Derneği": a sentence's first word is no part of a name by default
            if token.capitalised and token.word and not token.suffix:
                first = at
            elif token.text == "-" and at > 0 and tokens[at - 1].capitalised and not tokens[at - 1].suffix:
                pass  # "Türk-Alman Dostluk Derneği"
            elif token.key == "ve" or token.text == ",":
                if not (at > 0 and tokens[at - 1].capitalised and not tokens[at - 1].suffix) \
                        or match_head(tokens, at - 1):
                    break  # "Büyükşehir Belediyesi ve Akçaabat Belediyesi": two bodies, not one name
            else:
                break
            at -= 1
        return first

    def _find_acronym_orgs(self) -> None:
        """Acronyms used alone ("İZAZDER Başkanı", "TÜRKSOY Genel Sekreteri") name bodies too."""
        defined = {fold_name(m.acronym): m for m in self.orgs if m.acronym}
        at = 0
        while at < len(self.tokens):
            found = self._acronym_at(at)
            if found is None or at in self._taken or self.country_at(at) \
                    or any(m.first <= at < m.after for m in self.orgs):
                at += 1
                continue
            acronym, end = found
            known = defined.get(fold_name(acronym))
            kind = known.kind if known else "organization"
            self.orgs.append(OrgMention(at, at, end, kind, known.name if known else acronym, acronym, known))
            at = end
        self.orgs.sort(key=lambda m: m.first)

    def org_before(self, index: int) -> OrgMention | None:
        """The organisation that ends right before token `index` (bracketed acronym allowed)."""
        return next((mention for mention in self.orgs if mention.after == index), None)

    # -- 4. places -----------------------------------------------------------

    def _find_places(self) -> None:
        tokens = self.tokens
        at = 0
        while at < len(tokens):
            found = self._place_at(at)
            if found:
                self.places.append(found)
                at = found.end
            else:
                at += 1
        self._find_repeated_places()
        self._unify_unlinked_places()
        self._follow_shown_countries()
        # "İstanbul’un Beykoz ilçesi": a genitive right before a place contains it; in a chain of genitives
        # ("Iğdır'ın Nahçıvan'ın Şerur şehri ile ...") only the last one does, the first is a subject; but
        # "Artvin'in Hopa ilçesine bağlı Kemalpaşa" is a province, a district and a town.
        for mention, following in reversed(list(zip(self.places, self.places[1:], strict=False))):
            if self._contains(mention, following) and not (following.container
                                                           and following.suffix in GENITIVE_FOLDED):
                mention.container = True
        for mention in self.places:
            # "Bavyera eyaletindeki", and a place inside a region's longer name: "Kuzey Ren-Vestfalya eyaletindeki",
            # "Acara Özerk Cumhuriyeti'ne bağlı"
            rest = mention.end
            while rest < len(tokens) and place_noun(tokens[rest]) != "region" and rest < mention.end + 3 \
                    and not tokens[rest - 1].suffix and (
                    tokens[rest].text == "-" or (tokens[rest].capitalised and tokens[rest].word)):
                rest += 1
            if rest < len(tokens) and place_noun(tokens[rest]) == "region":
                mention.container = True

    def _follow_shown_countries(self) -> None:
        """One article, one Hasköy: a name read as two towns ("Süleymanpaşa ile Hasköy kardeşliği", then
        "Bulgaristan'ın Hasköy kentinden") is, wherever it is named, the town a country written before it showed;
        unless the article shows two towns of that name ("Kayseri'nin Talas ilçesinin, Kırgızistan'daki adaşı
        Talas kentiyle")."""
        shown: dict[str, dict[str, City]] = {}
        for mention in self.places:
            country = self._shown_country(mention.first)
            if country and mention.city.geonames_id and mention.city.country == country:
                shown.setdefault(fold_name(mention.city.label_tr), {})[mention.city.key] = mention.city
        for mention in self.places:
            towns = shown.get(fold_name(mention.city.label_tr), {})
            if len(towns) == 1:
                mention.city = next(iter(towns.values()))

    def _shown_country(self, at: int) -> Country | None:
        """The country a place's name is shown to be in: a country named right before it, or a word or two
        before ("Kırgızistan'daki adaşı Talas"), or a place in the genitive ("Kayseri'nin Talas ilçesi")."""
        for index in (at - 1, at - 2):
            country = self.country_at(index) if index >= 0 else None
            if country:
                return country.country
        place = next((p for p in self.places if p.end == at and p.suffix in GENITIVE_FOLDED), None)
        return place.city.country if place else None

    def _contains(self, mention: PlaceMention, following: PlaceMention) -> bool:
        """"İstanbul’un Beykoz ilçesi", "Ordu’nun merkez ilçesi Altınordu": a place in the genitive right
        before another, or before a few lower-case words that end in a place noun and then the other;
        "Hopa ilçesine bağlı Kemalpaşa": a place the other belongs to."""
        between = self.tokens[mention.end:following.first]
        if following.end < len(self.tokens) and self.tokens[following.end].key.startswith("disinda"):
            return False  # "Tepebaşı'nın Hasköy dışında Şumnu ... ile": the one it is besides, not a part of it
        if between and between[-1].key == "bagli" and (  # "Hopa ilçesine bağlı Kemalpaşa", "Hopa'ya bağlı"
                (len(between) == 1 and mention.suffix in DATIVE) or (len(between) == 2 and (
                    place_noun(between[0]) or between[0].key in PROVINCE_IN_THE_DATIVE))):
            return True
        if mention.suffix not in GENITIVE_FOLDED | LOCATIVE_KI:
            return False
        # "İzmir'in UNESCO Dünya Mirası Listesi'ndeki ilçesi Bergama": what is said of the place may be a name
        return not between or (len(between) <= 6 and all(t.word and t.suffix not in GENITIVE_FOLDED for t in between)
                               and place_noun(between[-1]) == "city"
                               and not any(t.key.startswith("kardes") for t in between))  # "kardeş şehri"

    def _find_repeated_places(self) -> None:
        """A name once shown to be a place ("kardeş belediyesi Chingeltei") is a place wherever it recurs."""
        known = {tuple(fold_name(p.city.label_tr).split()): p.city for p in self.places if p.end - p.first < 3}
        # an unknown one-word place that only ends a known longer name: "Baba" in "Gazi Baba ile kardeşliğimiz"
        partial = {p.first: p for p in self.places if p.end - p.first == 1 and p.city.geonames_id is None}
        covered = {i for p in self.places for i in range(p.first, p.end)} - partial.keys()
        first_words = {key[0] for key in known}
        for token in self.tokens:
            if not token.capitalised or token.key not in first_words:
                continue  # most words: no place's name starts with them
            for length in (2, 1):  # "Gazi Baba Belediyesi", then "Gazi Baba ile kardeşliğimiz"
                run = self.tokens[token.index:token.index + length]
                city = known.get(tuple(t.key for t in run))
                if not city or (length == 1 and token.index in partial) or any(
                        t.index in covered or t.index in self._taken or not t.capitalised for t in run) \
                        or any(t.suffix for t in run[:-1]):
                    continue
                end = token.index + length
                if end < len(self.tokens) and place_noun(self.tokens[end]) == "feature":
                    continue  # "Baltık kıyısındaki": the sea, whatever the name was elsewhere
                if (shorter := partial.get(end - 1)) is not None:
                    self.places.remove(shorter)
                self.places.append(PlaceMention(token.index, end, city, run[-1].suffix))
                covered.update(range(token.index, end))
                break
        self.places.sort(key=lambda p: p.first)

    def _unify_unlinked_places(self) -> None:
        """One article, one Beykoz: a place GeoNames does not know is one City however often it is named,
        with the country that any of its mentions shows ("Kırcaali iline bağlı Mestanlı", then "Mestanlı
        Belediye Başkanı")."""
        best: dict[str, City] = {}
        for mention in self.places:
            if mention.city.geonames_id is None:
                name = fold_name(mention.city.label_tr)
                country = mention.city.country or self._container_country(mention.first)
                if name not in best or (best[name].country is None and country):
                    best[name] = mention.city if country == mention.city.country else gazetteer.unlinked_city(
                        mention.city.label_tr, country)
        for mention in self.places:
            if mention.city.geonames_id is None:
                mention.city = best[fold_name(mention.city.label_tr)]

    def _place_at(self, at: int) -> PlaceMention | None:
        tokens = self.tokens
        token = tokens[at]
        if at in self._taken or not token.capitalised or not token.word or token.acronym:
            return None
        if gazetteer.demonym_of(token.key) or token.key in number_words() or token.key.startswith("kardes"):
            return None  # "Kazak", "İki şehir", "Kardeş şehir": words, not places
        if (token.key in months() or token.key in weekdays()) and not self._structurally_place(at, at + 1):
            return None  # "Mart", "8 Nisan Salı günü"; but "Aralık Belediye Başkanı", "Çarşamba ilçesi"
        joined = self._hyphenated_place(at)
        if joined:
            return joined
        unknown: PlaceMention | None = None
        for length in (3, 2, 1):
            end = at + length
            run = tokens[at:end]
            if len(run) < length or any(t.suffix for t in run[:-1]) or any(
                    not (t.capitalised or (0 < k < length - 1 and t.key in NAME_PARTICLES | AMBIGUOUS_PARTICLES))
                    or not t.word or t.index in self._taken or place_noun(t)
                    or match_head(tokens, t.index) for k, t in enumerate(run)):
                continue  # a run of capitalised words, particles inside allowed: "Mar del Plata", "Rio de Janeiro"
            if end < len(tokens) and place_noun(tokens[end]) == "feature":
                return None
            name = " ".join(t.stem for t in run)
            supported = self._structurally_place(at, end)
            # "Bolu Belediyesi'ne geçen Tanabe, ...": Büyükelçi Mariko Tanabe, not the Japanese town
            surname = length == 1 and self.people.by_surname(token.key) is not None
            if surname and not supported:
                continue
            bare = not (supported or run[-1].suffix)
            city = gazetteer.resolve_city(name, self._context_for(at), require_known=True, bare=bare,
                                          among_twins=token.sentence in self._sentences_about_twinning)
            if city is not None:
                return PlaceMention(at, end, city, run[-1].suffix)
            if unknown is None and supported and (length == 1 or self._two_word_municipality(at, end)) \
                    and not self._inflected_opening(at) and not surname \
                    and not run[-1].suffix.startswith(POSSESSED_CASES):
                # not "Hartmann'ı Belediye Başkan Yardımcısı X", nor "Listesi'ndeki ilçesi"; two words only
                # before "Belediyesi" ("Gazi Baba Belediyesi", "Stari Grad Belediye Başkanı")
                unknown = PlaceMention(at, end, gazetteer.unlinked_city(name, self._container_country(at)),
                                       run[-1].suffix)
        return unknown

    def _two_word_municipality(self, at: int, end: int) -> bool:
        """"Gazi Baba Belediyesi": two words before a municipality noun, not a sentence's first word and a place
        GeoNames knows ("Protokole Kartepe Belediyesi adına", "bugünkü Iğdır Belediyesi")."""
        return end < len(self.tokens) and place_noun(self.tokens[end]) == "municipality" \
            and not self.tokens[end - 1].suffix and not self._opens_sentence(at) \
            and not gazetteer.resolve_city(self.tokens[end - 1].stem, self._context_for(end - 1), require_known=True)

    def _names_a_feature(self, at: int) -> bool:
        """Whether the capitalised words from `at` end in a feature's noun: "Büyük Liman'a", "Cumhuriyet
        Meydanı'nda"."""
        for after in self.tokens[at:at + 3]:
            if not after.capitalised:
                return False
            if place_noun(after) == "feature":
                return True
            if after.suffix:
                return False
        return False

    def _opens_a_name(self, at: int) -> bool:
        """Whether the capitalised words right after `at` end in the head of a building or body."""
        for after in self.tokens[at + 1:at + 4]:
            if not after.capitalised:
                return False
            if plan_head(after) == "work" or match_head(self.tokens, after.index):
                return True
        return False

    def _hyphenated_place(self, at: int) -> PlaceMention | None:
        """"Castrop-Rauxel", "Baden-Baden": a name GeoNames knows with its hyphen, tried before the pair
        that a hyphen between two places writes ("İzmir-Bakü")."""
        tokens = self.tokens
        if at + 2 >= len(tokens) or tokens[at + 1].text != "-" or tokens[at].suffix \
                or tokens[at + 1].start != tokens[at].end or tokens[at + 2].start != tokens[at + 1].end \
                or not tokens[at + 2].capitalised:
            return None
        city = gazetteer.resolve_city(f"{tokens[at].stem}-{tokens[at + 2].stem}", self._context_for(at),
                                      require_known=True)
        return PlaceMention(at, at + 3, city, tokens[at + 2].suffix) if city else None

    def _inflected_opening(self, at: int) -> bool:
        """"Görüşmede Büyükşehir Belediyesi ...": a sentence's first word in the locative or ablative
        ("Ardından"), or plural and possessed ("Konukları"), or a word for the visitor or the meeting ("Heyeti
        Belediye Başkanı X karşıladı", "Görüşmeye Büyükşehir Belediyesi ..."), without an apostrophe is a common
        word ("at the meeting"); a place's name takes one ("Beykoz'da")."""
        token = self.tokens[at]
        return self._opens_sentence(at) and not token.suffix and (token.key.startswith(GUEST_WORDS + MEETING_NOUNS) or (
            len(token.key) > 5 and token.key.endswith(("da", "de", "ta", "te", "dan", "den", "tan", "ten", "lari",
                                                       "leri"))))

    def _structurally_place(self, first: int, end: int) -> bool:
        """A place noun or a municipal title after the name, or "kardeş şehri X" before it."""
        tokens = self.tokens
        if end < len(tokens):
            after = place_noun(tokens[end])
            if after == "municipality" or (after == "city" and not tokens[end].capitalised
                                           and tokens[end - 1].suffix not in GENITIVE_FOLDED
                                           and not (end + 1 < len(tokens) and tokens[end + 1].capitalised)):
                # "Kemalpaşa Belediyesi", "Gazah şehri"; not "Peygamberler Şehri", an epithet, nor "Nasreddin
                # Hoca'nın kenti", someone's town, nor "İpek Yolu kenti Şeki", the kind of town the next is
                return True
            title = match_title(tokens, end)
            if title and title[0].words[0] in PLACE_TITLES:
                return True
            if tokens[end].text in "-–" and end + 1 < len(tokens) and tokens[end + 1].capitalised:
                return True
        if self._beside_twin(first, end):
            return True
        if first > 0:
            before = tokens[first - 1]
            if before.text in "-–":
                return True
            kind = place_noun(before)
            possessed = before.key.endswith(("i", "si", "u", "su"))
            if possessed and (kind == "city" or (kind == "municipality" and first > 1
                                                 and tokens[first - 2].key.startswith("kardes"))):
                return True  # "liman kenti Aktau", "kardeş belediyesi Chingeltei"; not "Belediyesi Dış İlişkiler"
        return False

    def _beside_twin(self, first: int, end: int) -> bool:
        """"X ile Y arasındaki kardeşlik", "X ile kardeş": a word paired by "ile" in a twinning sentence."""
        tokens = self.tokens
        after = tokens[end].key if end < len(tokens) else ""
        before = tokens[first - 1].key if first > 0 else ""
        if not (after == "ile" or before == "ile" or after.startswith("arasinda")):
            return False
        sentence = tokens[first].sentence
        return any(t.key.startswith("kardes") for t in tokens if t.sentence == sentence)

    def _container_country(self, at: int) -> Country | None:
        """The country or city named just before a place: "Azerbaycan’ın Berde şehri", "Kırcaali iline bağlı
        Mestanlı"."""
        for back in (1, 2, 3) if at > 0 and self.tokens[at - 1].key == "bagli" else (1, 2):
            index = at - back
            if index < 0:
                break
            country = self.country_at(index)
            if country:
                return country.country
            place = next((p for p in self.places if p.end == index + 1), None)
            if place:
                return place.city.country
        return None

    @cached_property
    def _sentences_about_twinning(self) -> frozenset[int]:
        """The sentences that speak of twinning ("kardeş şehir", "kardeşlik"), where the places listed are
        partners: found in one pass, as places are looked up at nearly every capitalised word."""
        return frozenset(token.sentence for token in self.tokens if token.key.startswith("kardes"))

    def _context_for(self, at: int) -> frozenset[str]:
        country = self._container_country(at)
        return self.context | ({country.code} if country and country.code else set())

    def place_at(self, index: int) -> PlaceMention | None:
        return next((m for m in self.places if m.first <= index < m.end), None)

    # -- 5. people named again -----------------------------------------------

    def _find_surnames(self) -> None:
        self._find_untitled_full_names()
        for mention in self.titles:
            mention.people = [self._holder_by_title(mention, self.people.resolve(p)) for p in mention.people]
            for person in mention.people:
                self.persons.append(PersonMention(mention.extent.start, mention.extent.stop, person))
        for token in self.tokens:
            if token.index in self._taken or not token.capitalised:
                continue
            named = self.people.by_surname(token.key)
            if named:
                self.persons.append(PersonMention(token.index, token.index + 1, named))
        self.persons.sort(key=lambda m: m.first)

    def _holder_by_title(self, mention: TitleMention, person: Person) -> Person:
        """A surname two people of the article share, after a title: the one named before with that title
        ("Talas Belediye Başkanı Mustafa Yalçın", "yönetim kurulu üyesi Ahmet Yalçın", then "Başkan Yalçın")."""
        if " " in person.name:
            return person
        surname = fold_name(person.name)
        titled = {p for earlier in self.titles if earlier.first < mention.first
                  and earlier.title.words[-1] == mention.title.words[-1]
                  for p in earlier.people if fold_name(p.name).endswith(" " + surname)}
        return titled.pop() if len(titled) == 1 else person

    def _find_untitled_full_names(self) -> None:
        """"İş insanı Cem Aktunç, ... fahri konsolos olarak atandı", then "Fahri Konsolos Aktunç": a titled
        surname whose full name the article wrote without a title, given names right before the surname."""
        tokens = self.tokens
        alone = {fold_name(p.name) for m in self.titles for p in m.people if " " not in p.name}
        for token in tokens:
            if token.key not in alone or self.people.by_surname(token.key) or token.index in self._taken:
                continue
            first = token.index
            while first > 0 and token.index - first < 2 and not tokens[first - 1].suffix \
                    and tokens[first - 1].sentence == token.sentence and self._name_token(tokens[first - 1]) \
                    and first - 1 not in self._taken and not self._opens_sentence(first - 1):
                first -= 1
            if first < token.index:
                self.people.add(" ".join(t.stem for t in tokens[first:token.index + 1]))

    def _opens_sentence(self, at: int) -> bool:
        return at == 0 or self.tokens[at - 1].sentence != self.tokens[at].sentence

    def persons_in(self, first: int, end: int) -> list[Person]:
        seen: list[Person] = []
        for mention in self.persons:
            if first <= mention.first < end and mention.person not in seen:
                seen.append(mention.person)
        return seen


_GIVEN_NAME_AFTER_SURNAME = re.compile(r"\w+ [A-Z][a-z]+-[a-z]+")
"""A Korean name as written in the Latin script, surname first: "Choi Dong-hyun"."""


def _surname(name: str, key: str) -> str:
    """The folded word a second mention of `name` uses: the last, or the first in "Choi Dong-hyun" and in a
    Chinese name ("Zhou Minghai")."""
    first = key.split()[0]
    return first if _GIVEN_NAME_AFTER_SURNAME.fullmatch(name) or first in family_names_first() else key.split()[-1]


def _names_many(last: Token, title: Title) -> bool:
    """A plural title ("muavin konsolosları"), one in the ablative ("yönetim kurulundan", from the
    board) or a board in the dative or locative ("yönetim kuruluna ... seçildi", elected to it;
    "yönetim kurulunda ... görev aldı") may introduce several names: "A ile B", "A, B ve C"."""
    ending = last.key[len(title.words[-1]):]
    return "lar" in ending or "ler" in ending or ending.endswith(("dan", "den")) or (
        title.words[-1] == "kurulu" and ending in ("na", "ne", "nda", "nde"))


def _joined(words: list[Token]) -> str:
    """Words as written, the last without its suffix, spaced as in the text."""
    text = ""
    for index, token in enumerate(words):
        piece = token.stem if index == len(words) - 1 else token.text
        gap = " " if index and token.start > words[index - 1].end else ""
        text += gap + piece
    return text

