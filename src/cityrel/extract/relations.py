"""Stage 2b: facts from mentions: posts, twinnings, meetings, plans, community figures.

Every fact carries the sentence (or phrase) it was read from as evidence, cut
from the original text by offsets. The rules are about Turkish, not about
any one article: case endings tell a party ("X ile") from a place where
something happens ("X'te"), a possessive tells whose twin a city is
("Konya'nın kardeş şehri Buhara"), the pluperfect ("imzalamıştı") marks
background rather than news, and words such as "istiyor", "olma yolunda"
turn a twinning into a proposal.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from functools import cached_property

from cityrel.extract import gazetteer
from cityrel.extract.lexicon import (
    Cue,
    agreement_at,
    cues_at,
    match_head,
    match_title,
    months,
    number_words,
    org_heads,
    place_noun,
    plan_head,
    plan_head_case,
    weekdays,
    work_names,
)
from cityrel.extract.mentions import (
    DATIVE,
    GENITIVE_ENDINGS,
    GENITIVE_FOLDED,
    GUEST_WORDS,
    LOCATIVE,
    LOCATIVE_KI,
    MEETING_NOUNS,
    OCCASION_NOUNS,
    OFFICE,
    PLACE_TITLES,
    Mentions,
    OrgMention,
    PlaceMention,
    TitleMention,
)
from cityrel.extract.text import fold_name, from_capitals, slug, written_date
from cityrel.extract.tokens import Token, inflects
from cityrel.model import (
    City,
    CommunityStatistic,
    Country,
    Meeting,
    Organization,
    OrgKind,
    Person,
    Plan,
    PlanKind,
    Post,
    Qualifier,
    Role,
    Span,
    Twinning,
    TwinningKind,
)

COMITATIVE = ("la", "le", "yla", "yle")
ABLATIVE = {"dan", "den", "tan", "ten", "ndan", "nden"}
PLUPERFECT = ("misti", "mustu")
_SIGNING = frozenset({"signing"})
SIGNING_DATE_WORDS = 4
"""Words before a signing verb that may date it: "29 Eylül 2003'te imzalanan", "2019 yılında imzalanan"."""
_SIMPLE_PAST = re.compile(r"[dt][iu](?:l[ae]r)?$")
MISSION_BODIES = {
    "embassy": OrgKind.EMBASSY,
    "consulate_general": OrgKind.CONSULATE_GENERAL,
    "consulate": OrgKind.CONSULATE,
    "honorary_consulate": OrgKind.HONORARY_CONSULATE,
}
MISSION_LABELS = {
    OrgKind.EMBASSY: "Büyükelçiliği",
    OrgKind.CONSULATE_GENERAL: "Başkonsolosluğu",
    OrgKind.CONSULATE: "Konsolosluğu",
    OrgKind.HONORARY_CONSULATE: "Fahri Konsolosluğu",
}
AT_LEAST = ("askin", "fazla", "uzerinde", "uzeri", "asti", "asan", "asiyor", "gecti", "geciyor")
"""After a count: "3 bini aştığını", "150'yi geçtiğini"."""
# Words that refer back to a figure just given, to give a city's share of it: "bunlardan iki bin beş yüzü".
PART_OF_FIGURE = {"bunlardan", "bunlarin", "bunun", "bundan"}
# Marks that close a quoted name: "“Andong Günleri”nin", "Kardeş Kentler Forumu»".
CLOSING_QUOTES = ("”", '"', "»")
# Words after a place that say "in (the whole of, or around) it", as a locative would: "Antalya genelinde", "Ortahisar
# sınırları içinde", "Mersin ve çevresinde".
THROUGHOUT = {"genelinde", "genelindeki", "capinda", "capindaki", "sinirlarinda", "sinirlari icinde", "ve cevresinde"}
# "In our city", "in the district": where the article's own city is spoken of without its name.
OUR_CITY = {"kentimizde", "sehrimizde", "ilimizde", "ilcemizde", "kentimizdeki", "sehrimizdeki", "ilimizdeki",
            "ilcemizdeki", "kentte", "sehirde", "ilcede", "ilde", "kentteki", "sehirdeki", "ilcedeki", "ildeki"}
# "In the city": a city named just before, spoken of again.
THE_CITY = {"kentte", "sehirde", "kentteki", "sehirdeki"}
# Words that may stand between a country and a title: "Kazakistan'ın yeni büyükelçisi".
TITLE_ADJECTIVES = {"yeni", "gorevdeki", "mevcut"}
# Nouns for the people a nationality's figure counts: "Tacik öğrencilerin sayısı", "Çinli işçi".
GROUP_NOUNS = ("ogrenci", "isci", "aile")
VISITORS = ("turist", "ziyaretci", "yolcu")  # counted where they are, but not living there
# Case endings written after an apostrophe that end a noun phrase before an event: "Başkan Yeşiltepe'yi
# şenliğe", "Ahmedov'dan bal festivaline".
ACCUSATIVE_OR_ABLATIVE = {"i", "u", "yi", "yu", "ni", "nu", "dan", "den", "tan", "ten", "ndan", "nden"}  # folded
# Adverbs that make a visit a habit: "sıkça ziyaret eder", "düzenli olarak ağırlıyor".
HABITUALLY = {"sikca", "duzenli", "genellikle"}
# Words between "sayısı" and the count it is: "ise", "da", "bugün itibarıyla tam".
BEFORE_A_COUNT = {"ise", "da", "de", "bugun", "itibariyla", "itibari", "ile", "tam", "artik", "simdi"}
# Participles that say people hold a country's citizenship: "Bulgaristan vatandaşlığı da taşıyan".
CITIZENSHIP_HELD = {"tasiyan", "olan", "bulunan"}
ABOUT = ("yakin", "civar", "yaklas", "kadar")  # "yaklaşık", "1.200'e yaklaştığını"
ABOUT_BEFORE = {"yaklasik", "tahminen"}  # written before the count: "yaklaşık 60"
NAMED = {"adli", "isimli"}  # "“Karadeniz Sofrası” adlı festival": the quoted name before names it
NP_BOUNDARIES = {"boyunca", "icin", "gibi", "olarak", "kadar", "uzere", "ise", "ayrica", "ardindan", "kapsaminda", "gore",
                 *NAMED}
DETERMINERS = {"bu", "su", "o", "her", "bir", "hangi", "boyle", "soyle"}
# Verbal nouns of making something, and verbs that propose it: "kurulmasını önerdi", "açılmasını teklif etti".
MADE_TO_BE = ("olusturulmas", "kurulmas", "acilmas", "duzenlenmes", "duzenlemes", "baslatilmas", "yapilmas")
PROPOSED = ("oner", "teklif")
# Participles that end a relative clause before its noun: "yansıtan", "tanıtacak", "getirecek".
PARTICIPLE_ENDINGS = ("an", "en", "acak", "ecek", "dik", "tik", "dig", "tig", "mis", "mus")
# Adverbs that end as a case does: "doğrudan uçak seferleri".
ADVERBS_IN_A_CASE = {"dogrudan", "yeniden"}
# Parts of an event that its genitive points to: "programın açılışı", "festivalin kapsamında".
EVENT_PARTS = ("acilis", "kapanis", "kapsam", "sonunda", "ardindan", "hazirlik")
# Words that open a noun phrase of events without naming any: "ve", "bir dizi", "çeşitli", "tüm".
VAGUE_OPENERS = {"ve", "ile", "dizi", "cesitli", "bazi", "cok", "birkac", "tum", "butun"}
RELATIVE_DAYS = {"bugun": 0, "bugunku": 0, "dun": 1, "dunku": 1}
# Words before a weekday that make it no day of the week just past: "her pazartesi", "önümüzdeki cuma günü".
NOT_LAST_WEEK = {"her", "onumuzdeki", "gelecek", "bu"}
TOWNSFOLK = re.compile(r"\w+l[iu](ler|lar)")  # "kırşehirliler", "sakaryalılar" (folded)
# "merkezi Beyoğlu'nda bulunan Türk-Fas Derneği": words that, after a place, say a body sits there.
SITTING = {"bulunan", "olan"}
SERIES = {"dizi", "cesitli", "birtakim"}
# Participles after a twinning word that make the place after them its partner: "kardeş şehir olduğu
# Rožaje'den", "protokol imzaladıkları Şamahı'dan" (not "olduğunu", which reports the twinning itself).
PARTICIPLES = {"oldugu", "oldugumuz", "olduklari", "imzaladigi", "imzaladigimiz", "imzaladiklari"}
# Verb forms that end a reported clause ("olduğunu", "imzaladıklarını"): what follows is the reporting one.
REPORTED_CLAUSE_ENDINGS = ("dugunu", "digini", "tugunu", "tigini", "duklarini", "diklerini", "tuklarini", "tiklerini")
# A verb's relative participle, with its possessive: "ettiği", "ağırladıkları".
RELATIVE_PARTICIPLE_ENDINGS = ("digi", "tigi", "dugu", "tugu", "dikleri", "tikleri", "duklari", "tuklari")
# "... ettiği bildirildi": the passive reporting verbs a clause in the participle may be the subject of.
REPORTED_PASSIVES = ("bildiril", "ogrenil", "belirtil", "aktaril", "kaydedil", "aciklan", "duyurul")
# The infinitive, bare or in a case: "ağırlamaya", "ziyaret etmeyi", "görüşmek".
INFINITIVE_ENDINGS = ("mak", "mek", "maya", "meye", "mayi", "meyi", "masi", "mesi", "masini", "mesini", "maktan", "mekten",
                      "makla", "mekle")
# Works that portray someone, named after him in the genitive: "Abay Kunanbayev'in heykeli".
PORTRAITS = {"heykeli", "büstü", "anıtı"}
# "Then", "after it", "in the afternoon": what is told next follows the event told before.
AFTERWARDS = {"ardindan", "sonrasinda", "akabinde", "ogleden"}
LEADER_TITLE_WORDS = 3
"""Words a title may take between a delegation's leader and "başkanlık": "Lee Sang-hoon Başkan Yardımcısı",
"başkanlık eden Vallauris Belediye Başkanı Claire Morel-Dufour"."""
JOIN_REACH = 2
"""How many sentences after a meeting was last told that those who took part in it may be named without naming
it again ("İmza törenine X de katıldı"); later, "kutlamalarına 3 bin kişinin katıldığını hatırlatan X" speaks
of something else."""
# Converbs in -(y)ken end a clause that runs beside the next one: "protokol imzalanırken, Schiedam'ın başkanı ...".
CONVERB_CLAUSE_ENDINGS = ("irken", "urken", "arken", "erken", "iyken", "uyken", "ayken", "eyken")
QUOTES = {'"', "“", "”", "«", "»"}
SHORT_QUOTE = 6
"""Tokens from an opening quote within which a closing one makes the quote a name, not a quotation."""
OCCASIONS = ("dolayisiyla", "nedeniyle", "vesilesiyle", "sebebiyle")
# "fuar sırasında", "kutlama için": an event named only to say when, or for what, something else happens.
CEREMONY = "toren"
# "Haftanın programında ... sergi, ... konser ve ... atölye yer alacak": a programme's items are each an event
PROGRAMME = "program"
# "vatandaşımız", "vatandaşlarımız", "hemşehrilerimiz": our citizens, in a foreign envoy's words
OUR_PEOPLE = ("vatandasim", "vatandaslarim", "hemsehrim", "hemsehrilerim")
ACCOMPANY = "eslik"
TIME_POSTPOSITIONS = ("sirasinda", "sonrasinda", "oncesinde", "boyunca", "suresince", "esnasinda", "icin")


@dataclass
class _Meeting:
    people: list[Person]
    spans: list[Span]
    sentence: int
    """The sentence last told of it."""
    date: datetime.date | None = None
    signing: bool = False


@dataclass
class _Twinning:
    kind: TwinningKind
    cities: tuple[City, City]
    spans: list[Span]
    signed: str | None = None


class Relations:
    """Reads the facts of one article from its mentions."""

    def __init__(self, mentions: Mentions, published: datetime.date | None, dateline: str | None) -> None:
        self.m = mentions
        self.tokens = mentions.tokens
        # The cues starting at each token, found once: the readers below ask about the same tokens many times.
        self._cues = [cues_at(self.tokens, at) for at in range(len(self.tokens))]
        self.published = published
        self.sentences = sorted({t.sentence for t in self.tokens})
        self.home = self._home_city(dateline)
        self.posts: list[Post] = []
        self._post_rank: dict[tuple[str, str, str], int] = {}
        self.title_orgs: dict[int, Organization] = {}
        self.twinnings: list[_Twinning] = []
        self.plans: list[Plan] = []
        self.meetings: list[Meeting] = []
        self.communities: list[CommunityStatistic] = []
        self._signers: set[Person] = set()
        self._read_posts()
        self._read_twinnings()
        self._read_meetings()
        self._read_plans()
        self._read_communities()

    def twinnings_out(self) -> list[Twinning]:
        return [Twinning(t.kind, t.cities, tuple(t.spans), t.signed, self._signatories(t)) for t in self.twinnings]

    def _signatories(self, twinning: _Twinning) -> tuple[Person, ...]:
        """Who signed: people at a signing in this article who serve one of the twinned cities."""
        cities = {c.key for c in twinning.cities}
        return tuple(post.person for post in self.posts
                     if post.person in self._signers and post.organization.city
                     and post.organization.city.key in cities)

    # -- shared helpers ------------------------------------------------------

    def span(self, first: int, end: int) -> Span:
        start, stop = self.tokens[first].start, self.tokens[end - 1].end
        return Span(start, stop, self.m.text[start:stop])

    def sentence_span(self, sentence: int) -> Span:
        indices = self.m.sentence_range(sentence)
        return self.span(indices.start, indices.stop)

    def _home_city(self, dateline: str | None) -> City | None:
        """The Turkish place the article is about: the first with a municipality, else the dateline's
        ("... takdim etti. - FINDIKLI", "BODRUM/MUĞLA (İHA) -"), else the first named."""
        for place in self.m.places:
            after = self.tokens[place.end] if place.end < len(self.tokens) else None
            home = gazetteer.in_home_country(place.city)
            title = match_title(self.tokens, place.end) if after else None
            named_body = place_noun(after) == "municipality" if after else False
            if home and (named_body or (title and title[0].words[0] in PLACE_TITLES)):
                return place.city
        if dateline:
            city = gazetteer.resolve_city(from_capitals(dateline.split("/")[0].strip()), require_known=True)
            if city is not None and gazetteer.in_home_country(city):
                return city
        for place in self.m.places:
            if not place.container and gazetteer.in_home_country(place.city) and not self._seats_a_mission(place):
                return place.city
        return None

    def _seats_a_mission(self, place: PlaceMention) -> bool:
        """Whether the place only says where a foreign mission sits: "Tacikistan'ın Ankara Büyükelçisi"."""
        if place.end >= len(self.tokens):
            return False
        title = match_title(self.tokens, place.end)
        if title and title[0].body in (*MISSION_BODIES, "mission"):
            return True
        return any(org.first <= place.first < org.end and org.kind in MISSION_BODIES for org in self.m.orgs)

    def _cue(self, at: int, kinds: frozenset[str]) -> Cue | None:
        """The longest cue of one of `kinds` starting at token `at`."""
        for cue in self._cues[at]:  # a loop, not next() over a generator: asked of nearly every token, most have none
            if cue.kind in kinds:
                return cue
        return None

    def _cue_in(self, indices: range, kinds: frozenset[str]) -> list[tuple[int, Cue]]:
        found = []
        for at in indices:
            cue = self._cue(at, kinds)
            if cue:
                found.append((at, cue))
        return found

    def _has_cue(self, indices: range, kinds: frozenset[str]) -> bool:
        """Whether a cue of one of `kinds` starts and ends within `indices`."""
        return any(cue.kind in kinds and at + len(cue.words) <= indices.stop
                   for at in indices for cue in self._cues[at])

    def _places_in(self, first: int, end: int) -> list[PlaceMention]:
        return [p for p in self.m.places if first <= p.first < end]

    # -- organisations -------------------------------------------------------

    def municipality(self, city: City) -> Organization:
        return Organization(key=f"municipality-{city.key}", kind=OrgKind.MUNICIPALITY,
                            label=f"{city.label_tr} Belediyesi", city=city)

    def provincial_administration(self, city: City) -> Organization:
        """A province's İl Özel İdaresi, whose council is the İl Genel Meclisi."""
        return Organization(key=f"provincial-administration-{city.key}", kind=OrgKind.PROVINCIAL_ADMINISTRATION,
                            label=f"{city.label_tr} İl Özel İdaresi", city=city)

    def governorship(self, city: City, *, district: bool = False) -> Organization:
        """A province's Valilik, or with `district` a Kaymakamlık."""
        office = "Kaymakamlığı" if district else "Valiliği"
        return Organization(key=f"governorship-{city.key}", kind=OrgKind.GOVERNORSHIP,
                            label=f"{city.label_tr} {office}", city=city)

    def government(self, country: Country) -> Organization:
        return Organization(key=f"government-{country.key}", kind=OrgKind.ORGANIZATION,
                            label=f"{country.label_tr} Hükümeti", country=country)

    def mission(self, kind: OrgKind, country: Country, city: City | None) -> Organization:
        if city is None:
            known = [o for o in self.title_orgs.values() if o.kind == kind and o.country == country]
            if len(known) == 1:
                return known[0]
            return Organization(key=f"foreign-service-{country.key}", kind=OrgKind.FOREIGN_SERVICE,
                                label=f"{country.label_tr} Dış Temsilciliği", country=country)
        return Organization(key=f"{slug(kind.value)}-{country.key}-{city.key}", kind=kind,
                            label=f"{country.label_tr} {city.label_tr} {MISSION_LABELS[kind]}",
                            country=country, city=city)

    def named_org(self, mention: OrgMention) -> Organization | None:
        """The organisation an OrgMention names, or the one it refers back to."""
        if mention.name is None:
            return self._org_referred(mention)
        if mention.definition:
            return self.named_org(mention.definition)
        if mention.kind == "municipality":
            places = self._places_in(mention.first, mention.head + 1)
            city = places[-1].city if places else self._unnamed_municipalitys_city(mention)
            return self.municipality(city) if city else None
        if mention.kind in MISSION_BODIES:
            return self._mission_from_mention(mention)
        kind = OrgKind.ASSOCIATION if mention.kind == "association" else OrgKind.ORGANIZATION
        if mention.kind not in ("association", "organization"):
            return None
        city = self._seats.get(mention.name) or self._seat_in_name(mention) or self._premises.get(mention.name)
        community = self._community_of(mention.first, mention.head + 1, city) if kind == OrgKind.ASSOCIATION else None
        return Organization(key=f"{slug(mention.kind)}-{slug(mention.name)}", kind=kind, label=mention.name,
                            acronym=mention.acronym, city=city, community=community)

    def _unnamed_municipalitys_city(self, mention: OrgMention) -> City | None:
        """The city of "Büyükşehir Belediyesi" written without one: the province of the article's town (the
        article may be from a district: "Büyükşehir Belediyesi ve Akçaabat Belediyesi'ni ziyaret etti"), else
        the article's town."""
        metropolitan = any(t.key.startswith("buyuksehir") for t in self.tokens[mention.first:mention.end])
        return (self._home_province if metropolitan else None) or self.home

    @cached_property
    def _home_province(self) -> City | None:
        """The province of the article's town: itself, or the one its district belongs to."""
        return gazetteer.province_of(self.home) if self.home else None

    @cached_property
    def _seats(self) -> dict[str, City]:
        """Where bodies say they sit, by name: "İstanbul merkezli X", "merkezi Beyoğlu'nda bulunan X",
        "Merkezi Ankara'da bulunan KIRVAK'ın", "merkezi Gaziosmanpaşa'da bulunan derneğin", "merkezi Kayseri
        olan X"."""
        seats: dict[str, City] = {}
        for at in range(2, len(self.tokens)):
            seat = self._seat_before(at)
            if seat is None:
                continue
            mention = next((m for m in self.m.orgs if m.first == at), None)
            named: OrgMention | None = (mention.definition or mention) if mention else None
            if named is None or named.name is None:  # "derneğin (başkanı)": the last body named before
                head = match_head(self.tokens, at)
                kind = named.kind if named else head[0] if head else None
                named = next((m for m in reversed(self.m.orgs) if m.first < at and m.name and m.kind == kind), None)
            if named and named.name and named.kind in ("association", "organization"):
                seats.setdefault(named.name, seat)
        return seats

    def _seat_in_name(self, mention: OrgMention) -> City | None:
        """The city a body's name opens with: a Turkish one ("Bayrampaşa Sancak Derneği"), or a foreign one
        where Turks or people from a Turkish town gather ("Berlin Kırşehirliler Derneği", "Castrop-Rauxel Türk
        Kültür Derneği"); not "Prizren Türkleri Derneği", the Turks from Prizren."""
        place = self.m.place_at(mention.first)
        if place is None or place.city.country is None:
            return None
        if place.city.country.code == gazetteer.HOME_COUNTRY:
            return place.city
        return place.city if place.end < mention.head and self._turkish_people(self.tokens[place.end]) else None

    @staticmethod
    def _turkish_people(token: Token) -> bool:
        """"Türk", or the people of a Turkish town ("Kırşehirliler", "Sakaryalılar")."""
        return token.capitalised and (token.key == "turk" or TOWNSFOLK.fullmatch(token.key) is not None)

    @cached_property
    def _premises(self) -> dict[str, City]:
        """Where associations named before have their premises, by name: "Viyana'nın Favoriten semtindeki
        dernek merkezinde", "Köln'deki dernek lokalinde", "X Birliği'nin Köstence'deki genel merkezine"; for a
        body whose name says no city."""
        tokens, premises = self.tokens, dict[str, City]()
        for seat in self.m.places:
            owner = self.m.org_before(seat.first)
            following = [t.key for t in tokens[seat.end:seat.end + 2]]
            if following[:1] == ["genel"]:
                following = following[1:]
            if seat.suffix in LOCATIVE_KI and owner and owner.name and owner.kind == "association" \
                    and tokens[owner.head].suffix in GENITIVE_FOLDED and following \
                    and following[0].startswith("merkez"):
                premises.setdefault(owner.name, seat.city)
        for at in range(1, len(tokens) - 1):
            if not (tokens[at].key == "dernek" and tokens[at + 1].key.startswith(("merkez", "lokal", "bina"))):
                continue
            place = next((p for p in reversed(self.m.places) if at - 5 <= p.first and p.end <= at
                          and p.suffix in GENITIVE_FOLDED | LOCATIVE_KI), None)
            named = next((m for m in reversed(self.m.orgs) if m.first < at and m.name and m.kind == "association"),
                         None)
            if place and named and named.name:
                premises.setdefault(named.name, place.city)
        return premises

    def _seat_before(self, first: int) -> City | None:
        """The city right before a body's name that says where it sits."""
        tokens = self.tokens
        if first >= 2 and tokens[first - 1].key.startswith("merkezli"):
            place = self.m.place_at(first - 2)
            return place.city if place else None
        if first >= 5 and tokens[first - 1].key in SITTING and place_noun(tokens[first - 2]) == "city" \
                and tokens[first - 2].key.endswith(("nde", "nda")) and any(
                    tokens[opener].key in ("merkezi", "merkezleri") for opener in (first - 4, first - 5)):
            place = self.m.place_at(first - 3)  # "merkezi (Fransa'nın) Lyon kentinde bulunan X"
            return place.city if place else None
        if first >= 3 and tokens[first - 3].key in ("merkezi", "merkezleri"):
            place = self.m.place_at(first - 2)
            if place is None:
                return None
            if tokens[first - 1].key in SITTING and place.suffix in LOCATIVE:
                return place.city  # "merkezi Beyoğlu'nda bulunan X"
            if tokens[first - 1].key == "olan" and not place.suffix:
                return place.city  # "merkezi Kayseri olan X"
        return None

    def _community_of(self, first: int, end: int, seat: City | None) -> Country | None:
        """The people an association stands for: a foreign country, demonym or place in its name
        ("Iğdır Nahçıvan Kültür ve Dayanışma Derneği": Azerbaijan's); Turks, where a body seated abroad or
        named after a foreign place names Turks or a Turkish town's people ("Berlin Kırşehirliler Derneği",
        "Avusturya Yozgatlılar ... Derneği")."""
        found: list[Country] = []
        for index in range(first, end):
            country = self.m.country_at(index)
            found += [country.country] if country else []
            demonym = gazetteer.demonym_of(self.tokens[index].key)
            found += [demonym] if demonym else []
            place = self.m.place_at(index)
            found += [place.city.country] if place and place.first == index and place.city.country else []
        foreign = [c for c in found if c.code != gazetteer.HOME_COUNTRY]
        abroad = (seat is not None and seat.country is not None and seat.country.code != gazetteer.HOME_COUNTRY) \
            or (bool(found) and found[0] in foreign)
        if abroad and any(self._turkish_people(t) for t in self.tokens[first:end]):
            return gazetteer.country_by_code(gazetteer.HOME_COUNTRY)
        return foreign[0] if foreign else None

    def _mission_from_mention(self, mention: OrgMention) -> Organization | None:
        places = [p for p in self._places_in(mention.first - 1, mention.head) if not p.container]
        country = self._country_before(mention.head)
        if country is None:
            return self._latest_title_org(MISSION_BODIES[mention.kind])
        return self.mission(MISSION_BODIES[mention.kind], country, places[-1].city if places else None)

    def _org_referred(self, mention: OrgMention) -> Organization | None:
        if mention.kind in MISSION_BODIES:
            return self._latest_title_org(MISSION_BODIES[mention.kind])
        if mention.kind == "governorship":
            return self.governorship(self.home) if self.home else None
        if mention.kind == "municipality":
            return self.municipality(self.home) if self.home else None
        # "derneğin": the last body named "Derneği", not a federation named since
        head = self.tokens[mention.head].key
        head_word = next((words[0] for words, _ in org_heads() if len(words) == 1 and inflects(head, words[0])), None)
        return self._latest_association(mention.first, head_word=head_word) or self._latest_association(mention.first)

    def _mission_named_before(self, kind: OrgKind, before: int) -> Organization | None:
        """The mission of `kind` named last before token `before`, by its name or by a title of its staff."""
        named: list[tuple[int, Organization | None]] = [
            (m.first, self.named_org(m)) for m in self.m.orgs if m.first < before and MISSION_BODIES.get(m.kind) == kind]
        named += [(at, org) for at, org in self.title_orgs.items() if at < before and org.kind == kind]
        found = [org for _at, org in sorted(named, key=lambda pair: pair[0]) if org is not None]
        return found[-1] if found else None

    def _latest_title_org(self, kind: OrgKind) -> Organization | None:
        known = [o for o in self.title_orgs.values() if o.kind == kind]
        return known[-1] if known else None

    def _latest_association(self, before: int, head_word: str | None = None) -> Organization | None:
        """The association named last before `before`; with `head_word` ("dernek" in "Dernek
        Başkanı"), the last one whose name ends in that word."""
        for mention in reversed(self.m.orgs):
            if mention.first < before and mention.kind == "association" and mention.name and (
                    head_word is None or not match_head(self.tokens, mention.head)
                    or inflects(self.tokens[mention.head].key, head_word)):
                return self.named_org(mention)
        return None

    def _country_before(self, index: int) -> Country | None:
        """The sending country of a mission title: "Gürcistan’ın Ankara Büyükelçisi",
        "Türkiye’yi Kazakistan’da temsil eden Astana Büyükelçisi"."""
        sentence = self.tokens[index].sentence
        represents = next((i for i in range(index - 1, max(index - 5, -1), -1)
                           if self.tokens[i].key.startswith("temsil")), None)
        if represents is not None:
            for mention in self.m.countries:
                if mention.end <= represents and self.tokens[mention.first].sentence == sentence \
                        and mention.suffix in ("i", "yi", "u", "yu"):
                    return mention.country
        at = index - 1
        while at >= 0 and self.tokens[at].sentence == sentence and index - at <= 6:
            country = self.m.country_at(at)
            if country:
                return country.country
            if self.tokens[at].key == "ulkesinin":  # "ülkesinin Ankara Büyükelçisi": his country, named before
                return self._foreign_country_before(at)
            if not (self.tokens[at].capitalised or self.m.place_at(at) or self.tokens[at].key in TITLE_ADJECTIVES):
                break
            at -= 1
        return None

    def _foreign_country_before(self, index: int) -> Country | None:
        """The foreign country named last before `index`, else first after it in the same sentence."""
        foreign = [m for m in self.m.countries if m.country.code != gazetteer.HOME_COUNTRY]
        before = [m.country for m in foreign if m.end <= index]
        sentence = self.tokens[index].sentence
        after = [m.country for m in foreign if m.first > index and self.tokens[m.first].sentence == sentence]
        return before[-1] if before else (after[0] if after else None)

    # -- posts ---------------------------------------------------------------

    def _read_posts(self) -> None:
        for mention in self.m.titles:
            org, explicit, first = self._org_of_title(mention)
            if org is not None:
                self.title_orgs[mention.first] = org
            head = mention.title.body == "head"
            if org is None or (mention.title.role is None and not head) or not mention.people \
                    or self._former(mention):
                continue
            if mention.title.role is None:
                role = Role.PRESIDENT if org.kind == OrgKind.ASSOCIATION else Role.MAYOR
            elif mention.title.role == Role.DEPUTY_MAYOR.value and org.kind == OrgKind.ASSOCIATION:
                role = Role.BOARD_MEMBER  # an association's deputy chair sits on its board, as the contract counts it
            else:
                role = Role(mention.title.role)
            for person in mention.people:
                if explicit < 2 and mention.name_end - mention.end == 1 \
                        and any(p.person == person and (p.role == role or head) for p in self.posts):
                    continue  # "Başkan Vekili Ateş", "Başkan Kocabaş" again, with another town or body nearby: the
                    # post told before
                evidence = self.span(min(first, mention.extent.start), mention.extent.stop)
                self._add_post(Post(person, role, org, (evidence,)), explicit)
        best: dict[str, int] = {}
        for post in self.posts:
            rank = self._post_rank[(post.person.key, post.role.value, post.organization.key)]
            best[post.person.key] = max(best.get(post.person.key, 0), rank)
        kept: list[Post] = []
        for post in self.posts:
            if self._post_rank[(post.person.key, post.role.value, post.organization.key)] == best[post.person.key] \
                    and not self._seat_known_elsewhere(post) \
                    and not any(k.person == post.person and k.role == post.role for k in kept):
                kept.append(post)  # one body per role: the first named ("şehrin Akimi X"; later "Akim X" elsewhere)
        self.posts = kept

    def _seat_known_elsewhere(self, post: Post) -> bool:
        """A post in a country's foreign service that another title places in a mission of that country."""
        return post.organization.kind == OrgKind.FOREIGN_SERVICE and any(
            other.person == post.person and other.role == post.role and other.organization.kind.is_mission
            and other.organization.country == post.organization.country for other in self.posts)

    def _add_post(self, post: Post, rank: int) -> None:
        key = (post.person.key, post.role.value, post.organization.key)
        if key in self._post_rank:
            self._post_rank[key] = max(self._post_rank[key], rank)
            return
        self._post_rank[key] = rank
        self.posts.append(post)

    def _former(self, mention: TitleMention) -> bool:
        """"önceki dönem belediye başkanı X": held in the past. A pluperfect sentence
        ("o dönem ... imza koymuştu") puts every title in it in the past."""
        first = mention.first
        sentence = self.m.sentence_range(self.tokens[first].sentence)
        background = any(t.key.endswith(PLUPERFECT) for t in self.tokens[sentence.start:sentence.stop])
        reach = range(sentence.start if background else max(first - 4, sentence.start), first)
        if self._cue_in(reach, frozenset({"former"})) or self._not_running_again(mention):
            return True
        return bool(self._cue_in(range(max(first - 2, 0), first), frozenset({"former_title"})))

    def _not_running_again(self, mention: TitleMention) -> bool:
        """"kurucu başkanı Arne Lunde'nin yeniden aday olmadığı seçimde": the post is given up at this election."""
        at = mention.name_end
        while at < len(self.tokens) and self.tokens[at].key in ("yeniden", "tekrar", "bu", "kez", "ise"):
            at += 1
        return mention.people != [] and at + 1 < len(self.tokens) and self.tokens[at].key == "aday" \
            and self.tokens[at + 1].key.startswith("olmad")

    def _org_of_title(self, mention: TitleMention) -> tuple[Organization | None, int, int]:
        """(organisation, how explicitly the text says so (0-2), first token of the evidence)."""
        body, first = mention.title.body, mention.first
        before = self.m.org_before(first)
        if before is None and first and self.tokens[first - 1].key in TITLE_ADJECTIVES:
            # "Derneği'nin (KATÖDER) yeni başkanı": the body in the genitive owns the title past its adjective
            owner = self.m.org_before(first - 1)
            before = owner if owner and self.tokens[owner.head].suffix in GENITIVE_FOLDED else None
        # the place right before a title owns it bare or in the genitive ("Bolu Belediye Başkanı", "Bolu'nun
        # Valisi"), not in another case ("Tanabe'yi Belediye Başkanı X karşıladı": whom he received)
        place = next((p for p in self.m.places if p.end == first and (not p.suffix or p.suffix in GENITIVE_FOLDED)),
                     None)
        if body in MISSION_BODIES or body == "mission":
            if before and before.kind in MISSION_BODIES:
                return self.named_org(before), 2, before.first
            kind = MISSION_BODIES.get(body, OrgKind.CONSULATE)
            country = self._country_before(first)
            if country is None:  # "Konsolos Moore'a Konsolos Yardımcısı Daniel Ortiz eşlik etti": his mission
                if body == "mission":
                    missions = [o for o in self.title_orgs.values() if o.kind.is_mission]
                    return (missions[-1], 1, first) if missions else (None, 0, first)
                # A consul is often called by the bare title, after the mission was named: "Gana'nın Gaziantep
                # Fahri Konsolosluğu ... Fahri Konsolos Karadağ". A bare "Büyükelçi X" is mostly a second mention.
                consulate = self._mission_named_before(kind, first) if kind != OrgKind.EMBASSY else None
                if consulate:
                    return consulate, 1, first
                # ... unless the article speaks of one foreign country only: "Büyükelçi Tarmo Kask'ın ilçeye
                # gelmesi planlanıyor" in a piece on Estonia's honorary consul
                foreign = {m.country.code: m.country for m in self.m.countries
                           if m.country.code != gazetteer.HOME_COUNTRY}
                only = next(iter(foreign.values())) if len(foreign) == 1 and kind == OrgKind.EMBASSY \
                    and not any(self._named_more_fully(person) for person in mention.people) else None
                return (self.mission(kind, only, None), 0, first) if only else (None, 0, first)
            return self.mission(kind, country, place.city if place else None), 2, self._left_edge(first)
        if body in ("municipality", "governorship", "provincial_administration"):
            district = mention.title.words[0] == "kaymakam"
            make = {"municipality": self.municipality,
                    "governorship": lambda city: self.governorship(city, district=district),
                    # "Edirne İl Genel Meclisi Başkanı": the council of the province's own administration
                    "provincial_administration": lambda city: self.provincial_administration(
                        gazetteer.province_of(city) or city)}[body]
            if before and before.kind not in ("municipality", "governorship") and before.end == first \
                    and mention.title.role == Role.COUNCIL_MEMBER.value:
                before = None  # "CHP Meclis Üyesi", "AK Parti Meclis Üyesi": a councillor's party
            if before and before.kind not in ("municipality", "governorship"):
                return None, 0, first  # "Halk Topluluğu Başkan Yardımcısı": that body's title, not a city's
            if before:
                spelled_out = self.named_org(before)
                city = spelled_out.city if spelled_out else None
                return (make(city) if city else None), 2, before.first
            if place:
                return make(place.city), 2, place.first
            if mention.title.words == ("baskan", "yardimci") and self._about_a_board(first):
                # "Yönetim kurulu görev dağılımını belirledi. Buna göre Başkan Yardımcısı X, ...": the body's
                association = self._latest_association(first)
                if association:
                    return association, 1, first
            region = self._region_before(first) if body == "governorship" else None
            if region:
                return make(region), 2, first - 2  # "Surhanderya Bölgesi Valisi": a foreign region's governor
            near = self._nearest_place(first)
            if near:
                return make(near), 1, first
            if mention.title.words[0] == "buyuksehir" or (first and self.tokens[first - 1].key == "buyuksehir"):
                # "Büyükşehir Belediye Başkanı", "Büyükşehir Belediyesi Genel Sekreteri"
                metropolitan = self._metropolitan_before(first)
                if metropolitan:  # "Eskişehir Büyükşehir Belediyesi'nin konuğu oldu. ... Büyükşehir Belediye Başkan
                    return metropolitan, 1, first  # Yardımcısı Nurten Akbaba": not the district the article is from
                if self._home_province:
                    # "Akçaabat Belediyesi'ni ziyaret etti. ... Büyükşehir Belediye Başkanı X": Trabzon's mayor
                    return make(self._home_province), 0, first
            return (make(self.home), 0, first) if self.home else (None, 0, first)
        if body in ("association", "organization"):
            if before:
                return self.named_org(before), 2, before.first
            shared = self._body_of_title_before(first)
            if shared is not None:
                return shared, 2, first
            if body == "association":
                named = mention.title.words[0]
                head_word = named if any(named == words[0] for words, _ in org_heads()) else None
                # a bare office ("saymanlığa", "yönetim kurulu üyesi") is an association's, before a federation's
                # named since as a guest
                latest = self._latest_association(first, head_word=head_word or "dernek") \
                    or self._latest_association(first)
                return latest, 1, first
            country = self._country_before(first)
            if country and mention.title.role:
                return self.government(country), 2, self._left_edge(first)  # "Azerbaycan Kültür Bakanı"
            return None, 0, first
        return self._head_of(mention, before)

    def _body_of_title_before(self, first: int) -> Organization | None:
        """"birliğin Başkanı Levent Oğuzhan ve Genel Sekreteri Tuba Erkmen": a civil body's title joined by "ve" to
        the holder of another title of that body."""
        if first < 2 or self.tokens[first - 1].key != "ve":
            return None
        previous = next((m for m in self.m.titles if m.people and m.name_end == first - 1), None)
        body = self.title_orgs.get(previous.first) if previous else None
        return body if body is not None and body.kind in (OrgKind.ASSOCIATION, OrgKind.ORGANIZATION) else None

    def _named_more_fully(self, person: Person) -> bool:
        """Whether the name is a surname of a longer one the article gives: "Büyükelçi Ruiz Cortés" after "Carlos
        Ruiz Cortés", "Büyükelçi Ferreira" after "Gabriela Ferreira Núñez", a second mention read as a name of
        its own."""
        name = fold_name(person.name)
        return any(f" {name} " in f" {full} " and not full.startswith(name) for full in
                   (fold_name(m.person.name) for m in self.m.persons))

    def _region_before(self, first: int) -> City | None:
        """The region named right before a title, by a name the gazetteer does not know and a region's noun:
        "Surhanderya Bölgesi Valisi", of the foreign country the article speaks of."""
        tokens = self.tokens
        if first < 2 or place_noun(tokens[first - 1]) != "region" or tokens[first - 1].suffix \
                or not tokens[first - 2].capitalised or tokens[first - 2].suffix or self.m.place_at(first - 2):
            return None
        country = self._country_before(first - 2) or self._foreign_country_before(first)
        if country is None or country.code == gazetteer.HOME_COUNTRY:
            return None
        return gazetteer.unlinked_city(tokens[first - 2].stem, country)

    def _about_a_board(self, at: int) -> bool:
        """Whether a body's board ("yönetim kurulu") is spoken of before `at`, in its sentence or the one before;
        not only named in a title ("yönetim kurulu üyesi X")."""
        start = self.m.sentence_range(max(self.tokens[at].sentence - 1, 0)).start
        keys = [token.key for token in self.tokens[start:at]] + [""]
        return any(a == "yonetim" and b.startswith("kurul") and not c.startswith(("uye", "baskan"))
                   for a, b, c in zip(keys, keys[1:], keys[2:], strict=False))

    def _unnamed_metropolitan(self, window: range, end: int) -> City | None:
        """The city of "Büyükşehir Belediyesi" said without its city in `window` before `end`: the metropolitan
        municipality named before."""
        keys = [t.key for t in self.tokens[window.start:end]]
        unnamed = any(a.startswith("buyuksehir") and b.startswith("belediye") and (i == 0 or not self.m.place_at(
            window.start + i - 1)) for i, (a, b) in enumerate(itertools.pairwise(keys)))
        metropolitan = self._metropolitan_before(window.start) if unnamed else None
        return metropolitan.city if metropolitan else None

    def _metropolitan_before(self, index: int) -> Organization | None:
        """The metropolitan municipality named last before `index` ("Eskişehir Büyükşehir Belediyesi")."""
        for mention in reversed(self.m.orgs):
            if mention.first < index and mention.kind == "municipality" and mention.name \
                    and any(t.key.startswith("buyuksehir") for t in self.tokens[mention.first:mention.end]):
                org = self.named_org(mention)
                if org and org.city:
                    return org
        return None

    def _head_of(self, mention: TitleMention, before: OrgMention | None) -> tuple[Organization | None, int, int]:
        """A bare "Başkan": the body named before it, else an association or municipality in context."""
        first = mention.first
        if before and before.kind in ("association", "municipality"):
            return self.named_org(before), 2, before.first
        sentence = self.m.sentence_range(self.tokens[first].sentence)
        anaphoric = [o for o in self.m.orgs if o.name is None and o.kind == "association" and o.first in sentence]
        if anaphoric:
            return self._latest_association(first), 1, first
        if mention.title.words[-1] == OFFICE:
            # "Dernek genel kurulunu yaptı. ... başkanlığa Erol Mehmetoğlu'nu getirdi": a vote for the head of
            # the body named in this sentence or the two before (a mayor's is "belediye başkanlığına")
            previous = self.m.sentence_range(max(self.tokens[first].sentence - 2, 0)).start
            body = next((o for o in reversed(self.m.orgs) if previous <= o.first < first
                         and o.kind == "association" and o.name), None)
            return (self.named_org(body), 1, first) if body else (None, 0, first)
        if first > 0 and self.tokens[first - 1].acronym and not self.m.place_at(first - 1):
            return None, 0, first  # "İZAZDER Başkanı": the head of a body known only by its letters, no mayor
        near = self._nearest_place(first, home_only=True)
        if near:
            return self.municipality(near), 0, first
        return (self.municipality(self.home), 0, first) if self.home else (None, 0, first)

    def _left_edge(self, first: int) -> int:
        """Where a title's modifiers begin: "Kazakistan Cumhuriyeti İzmir Başkonsolosu"."""
        sentence = self.tokens[first].sentence
        at = first
        while at > 0 and self.tokens[at - 1].sentence == sentence and first - at < 6 and (
                self.m.country_at(at - 1) or self.m.place_at(at - 1)):
            at -= 1
        return at

    def _nearest_place(self, index: int, *, home_only: bool = False) -> City | None:
        sentence = self.tokens[index].sentence
        for place in reversed(self.m.places):
            if place.end <= index and self.tokens[place.first].sentence == sentence and not place.container:
                if place.suffix in LOCATIVE_KI or self._comitative(place) or self._between(place):
                    continue  # "Ankara'daki temasları", "Hive ile", "Yalova ile ... Atami arasında": the place of
                    # something else, not a title's city
                if self._seats_a_mission(place) or any(
                        o.first <= place.first < o.end and o.kind not in ("municipality", "governorship")
                        for o in self.m.orgs):
                    continue  # "Ankara Büyükelçiliği", "Trabzon Başkonsolosu": the seat of another body
                if not home_only or gazetteer.in_home_country(place.city):
                    return place.city
        return None

    # -- twinnings -----------------------------------------------------------

    def _triggers(self) -> list[tuple[int, int, TwinningKind | None]]:
        """(first, end, kind) of the words that speak of a twinning (lang/tr/agreements.tsv).

        A word right after another one names the same agreement ("kardeşlik ve iş
        birliği anlaşması"); a kind of None only dates an agreement named elsewhere.
        """
        found: list[tuple[int, int, TwinningKind | None]] = []
        at = 0
        while at < len(self.tokens):
            cue = agreement_at(self.tokens, at)
            if cue is None:
                at += 1
                continue
            end = at + len(cue.words)
            if cue.kind == "none":
                at = end
                continue
            kind = None if cue.kind == "-" else TwinningKind(cue.kind)
            same_sentence = found and self.tokens[found[-1][1] - 1].sentence == self.tokens[at].sentence
            if not (same_sentence and at - found[-1][1] < 3):
                found.append((at, end, kind))
            elif found[-1][2] is None and kind is not None:
                found[-1] = (found[-1][0], end, kind)  # "protokolle kardeş kenti olan": the agreement's kind
            at = end
        return found

    def _read_twinnings(self) -> None:
        triggers = self._triggers()
        self._twinning_sentences = {self.tokens[first].sentence for first, _, _ in triggers}
        pending_home: City | None = None
        self._dated: list[tuple[range, str, Span]] = []
        sentence_pairs: tuple[int, list[tuple[City, City]]] = (-1, [])  # the pairs read last, and their sentence
        for number, (first, end, kind) in enumerate(triggers):
            sentence = self.m.sentence_range(self.tokens[first].sentence)
            previous = triggers[number - 1][1] if number and triggers[number - 1][1] > sentence.start else None
            if kind is None:
                self._date_existing(sentence, self._date_in(sentence), self.span(sentence.start, sentence.stop))
                continue
            left_start = previous if previous is not None else sentence.start
            right_end = self._clause_end(end, sentence.stop)
            window = range(left_start, right_end)
            intent = self._intended(end, sentence.stop)
            told = self._told_in(window, sentence)
            signing = bool(self._cue_in(told, _SIGNING))
            pairs = self._pairs(first, end, window)
            plural = "kardesler" in self.tokens[first].key
            if plural and pending_home:
                partners = [p.city for p in self._parties(range(end, right_end))]
                pairs = [(pending_home, city) for city in partners if city.key != pending_home.key]
            if intent:
                self._twinning_plan(kind, pairs, window, self.span(window.start, window.stop))
                continue
            evidence = self.span(told.start, told.stop)
            date = self._years_old(first) or self._anniversary(end, told) or self._signed_in(told, signing)
            if not pairs and sentence_pairs[0] == self.tokens[first].sentence:
                # "Kuşadası ile Dıraç arasındaki kardeşlik, dün imzalanan iş birliği protokolüyle ...": the same two
                pairs = sentence_pairs[1]
            if pairs:
                sentence_pairs = (self.tokens[first].sentence, pairs)
            if not pairs:
                parties = self._parties(window)
                if len(parties) == 1 and signing:
                    pending_home = parties[0].city
                pairs = self._pairs_by_signers(told, signing) or self._pairs_by_reference(window, signing)
                if not pairs and signing and len(parties) == 1:
                    pairs = self._pair_with_home(parties[0].city)
                if not pairs:
                    self._date_existing(told, date, evidence)
                    continue
            for a, b in pairs:
                self._add_twinning(_Twinning(kind, (a, b), [evidence], date))
        for window, date, evidence in self._dated:
            self._apply_date(window, date, evidence)

    def _years_old(self, first: int) -> str | None:
        """The year an agreement "N yıllık" (N years old) right before its name was made in: the header's year
        less N ("Kuşadası ile Dıraç arasındaki 27 yıllık kardeşlik")."""
        tokens = self.tokens
        for at in range(max(first - 3, 0), first):
            if tokens[at].key.startswith("yillik") and self.published:
                words: list[Token] = []
                while at - len(words) - 1 >= 0 and _number_value(tokens[at - len(words) - 1]) is not None:
                    words.insert(0, tokens[at - len(words) - 1])  # "27 yıllık", "on beş yıllık"
                years = _count(words)
                return str(self.published.year - years) if 0 < years < 200 else None
        return None

    def _anniversary(self, end: int, window: range) -> str | None:
        """The year a twinning was made in, from the anniversary kept: "kardeş kent ilişkisinin 20. yılı, 14
        Haziran 2025'te ... kutlandı" (2005), "kardeşliğinin on beşinci yılına"; the year the window gives, else
        the header's, less N. A window that names another year as well names the signing's itself ("1986
        yılında imzalanan protokolün 2026 yılında 40. yılını")."""
        tokens = self.tokens
        for at in range(end, min(end + 4, window.stop - 1)):
            years = _ordinal_value(tokens[at])
            if not years or not tokens[at + 1].key.startswith("yil"):
                continue
            tens = at
            while tens - 1 >= end and _number_value(tokens[tens - 1]) is not None:
                tens -= 1  # "on beşinci": ten and fifth
            years += _count(tokens[tens:at]) if tens < at else 0
            written = {year for t in tokens[window.start:window.stop] if (year := _year(t))}
            if self.published and not written:
                written = {self.published.year}
            return str(written.pop() - years) if len(written) == 1 and 0 < years < 200 else None
        return None

    def _told_in(self, window: range, sentence: range) -> range:
        """The words that tell what became of the agreement in `window`: the window, or on to the end of
        the sentence when its last verb is a signing ("Kardeş şehir protokolü önceki gün Muharrak
        Belediyesi’nde düzenlenen törende, ... tarafından imzalandı")."""
        if self._cue_in(window, _SIGNING):
            return window
        last_words = range(max(window.stop, sentence.stop - 4), sentence.stop)
        return range(window.start, sentence.stop) if self._cue_in(last_words, _SIGNING) else window

    def _intended(self, end: int, stop: int) -> bool:
        """A wish right after the twinning word: "kardeş olmak istiyor", "kardeş şehir olma yolunda".
        It must come before any place: "kardeş şehir İzmir ile Bişkek'in ... arzu edilen" is no wish."""
        if end < stop and self.tokens[end].key == "icin":
            return True  # "bir iş birliği protokolü için görüşmeler sürüyor": one is yet to come
        at = end
        while at < min(end + 8, stop) and not self.m.place_at(at) and self.tokens[at].text != ",":
            if self._cue(at, frozenset({"intent"})):
                return True
            if self.tokens[at].key.endswith(("acak", "ecek")):
                return False  # "kardeşliğini simgeleyecek bir anıt fikri": what is wished is the work, not the twinning
            at += 1
        return False

    def _clause_end(self, at: int, stop: int) -> int:
        """The end of the clause a twinning word stands in: a semicolon, the next comma after a place, a
        quotation (someone's words, not the clause's), or the sentence."""
        seen_place = False
        while at < stop:
            if self.m.place_at(at):
                seen_place = True
            elif self.tokens[at].text in QUOTES:
                closing = next((i for i in range(at + 1, min(at + SHORT_QUOTE, stop)) if self.tokens[i].text in QUOTES),
                               None)
                if closing is None:
                    return at
                at = closing  # a name or epithet in quotes ("Peygamberler Şehri" Şanlıurfa), not someone's words
            elif self.tokens[at].text == ";" or (seen_place and self.tokens[at].text in (",", ":")
                                                 and not self._listing_places(at)):
                return at  # a semicolon parts two clauses; a comma does once a place was named, unless it lists
            elif self.tokens[at].key.endswith(REPORTED_CLAUSE_ENDINGS) or (
                    self.tokens[at].key.endswith(CONVERB_CLAUSE_ENDINGS) and len(self.tokens[at].key) > 6):  # not "erken"
                return at + 1  # "Ankara ile Seul'ün kardeş şehir olduğunu, benzer bir bağın Elazığ ile ...": reported
            at += 1
        return stop

    def _listing_places(self, comma: int) -> bool:
        """"Buhara, Kazan ve Prizren": a comma between two places of a list that "ve" closes."""
        after = self.m.place_at(comma + 1)
        if self.tokens[comma].text != "," or not self.m.place_at(comma - 1) or after is None:
            return False
        return after.end < len(self.tokens) and self.tokens[after.end].text in (",", "ve")

    def _parties(self, window: range) -> list[PlaceMention]:
        """Places in a window that can be a party: not containers, not where something happened, not the
        ones an agreement is "besides"."""
        found = []
        for place in self._places_in(window.start, window.stop):
            if place.container:
                continue
            case = self._phrase_suffix(place)
            if (case in LOCATIVE and not self._foreign_town_hall(place)) or case in LOCATIVE_KI:
                continue
            if place.end < window.stop and self.tokens[place.end].key.startswith("disinda"):
                continue  # "Kiçevo dışında ... kentleriyle de kardeş": besides the one told before
            found.append(place)
        return found

    def _foreign_town_hall(self, place: PlaceMention) -> bool:
        """"Köstence Belediyesi'nde imzalanan protokol", "Termez kentinde iş birliği protokolü imzaladı": a foreign
        town's hall, or the town named as one, where its own agreement is signed, names a party; "Ankara'da
        imzalanan" names only where."""
        end = place.end
        country = place.city.country
        return (end < len(self.tokens) and place_noun(self.tokens[end]) in ("municipality", "city")
                and country is not None and country.code != gazetteer.HOME_COUNTRY)

    def _phrase_suffix(self, place: PlaceMention) -> str:
        """The case ending of a place's phrase: on the place, or on "Belediyesi", "ilçesi" after it."""
        if place.suffix:
            return place.suffix
        end = place.end
        if end < len(self.tokens) and place_noun(self.tokens[end]) in ("city", "municipality"):
            token = self.tokens[end]
            return token.suffix or _inner_case(token.key)
        return ""

    def _pairs(self, first: int, end: int, window: range) -> list[tuple[City, City]]:
        parties = self._parties(window)
        tokens = self.tokens
        # "İzmir-Bakü": a hyphen between two places.
        for a, b in itertools.pairwise(parties):
            if b.first == a.end + 1 and tokens[a.end].text in "-–":
                return [(a.city, b.city)]
        # "Konya'nın kardeş şehri Buhara", "Kastamonu'nun Türk dünyasındaki ilk kardeşi ise Şeki": a possessive
        # twin noun after the trigger (a single "kardeşi" when its owner is in the genitive).
        possessive = tokens[end - 1].key.endswith(("i", "si", "u", "su", "inin", "unun"))
        owner = [p for p in parties if p.end <= first]
        partner = [p for p in parties if p.first >= end]
        if owner and partner and possessive and (
                end > first + 1 or (end == first + 1 and owner[-1].suffix in GENITIVE_FOLDED)):
            # "Konya'nın kardeş şehirleri Buhara, Kazan ve Prizren": a plural twin noun names a list
            twins = self._list_from(partner) if tokens[end - 1].key.startswith(("kardesleri", "sehirleri",
                                                                                   "kentleri")) else partner[:1]
            return [(owner[-1].city, twin.city) for twin in twins if twin.city.key != owner[-1].city.key]
        # "İnegöl, 2016'dan bu yana kardeş şehir olduğu Rožaje'den gelen heyeti": the participle makes the
        # place after it the partner of the one before, or of the article's city ("protokol imzaladıkları Şamahı").
        participle = next((at for at in range(end, min(end + 2, window.stop)) if tokens[at].key in PARTICIPLES), None)
        if participle is not None:
            subjects = [p.city for p in parties if p.end <= first] or ([self.home] if self.home else [])
            partners = [p.city for p in parties if p.first > participle]
            if subjects and partners and subjects[-1].key != partners[0].key:
                return [(subjects[-1], partners[0])]
        # "X ile Y arasında(ki)": the place after "ile" up to "arasında" is the partner.
        with_ile = [p for p in parties if self._comitative(p)]
        for place in with_ile:
            between = next((i for i in range(place.end, window.stop)
                            if tokens[i].key.startswith("arasinda")), None)
            twin = next((p for p in parties if between and place.end <= p.first < between), None)
            if twin and twin.city.key != place.city.key:
                return [(place.city, twin.city)]
        # "X ile Y", "A, B ve C ile kardeş olan D".
        with_ile = self._with_list(with_ile, parties)
        others = [p for p in parties if p not in with_ile]
        if with_ile and others:
            subject = [p for p in others if p.first >= end] or others[:1]
            return [(s.city, w.city) for s in subject for w in with_ile if s.city.key != w.city.key]
        unnamed = (self._unnamed_metropolitan(window, first) or self._speakers_city(tokens[first].sentence)) \
            if with_ile else None
        if unnamed and unnamed.key not in {w.city.key for w in with_ile}:
            # "geçen yıl Şımkent kenti ile imzaladıkları mutabakat", "Kardeş şehirlerimiz Batum ve Kutaisi ile":
            # the article's own city is the subject; "Büyükşehir Belediyesi, ... İrbid şehriyle kardeş": the
            # metropolitan municipality named before
            return [(unnamed, w.city) for w in with_ile]
        between = any(t.key.startswith("arasinda") for t in tokens[window.start:window.stop])
        if len(parties) == 2 and between:
            return [(parties[0].city, parties[1].city)]
        halls = [p for p in parties if self._phrase_suffix(p) in LOCATIVE]
        guests = [p.city for p in parties if p not in halls] or ([self.home] if self.home else [])
        if len(halls) == 1 and len(guests) == 1 and guests[0].key != halls[0].city.key:
            # "Köstence Belediyesi'nde imzalanan iş birliği protokolü": the host town's, with the article's city;
            # "Ahlat Belediye Başkanı X, ... Termez kentinde iş birliği protokolü imzaladı": with the signer's
            return [(guests[0], halls[0].city)]
        return []

    def _between(self, place: PlaceMention) -> bool:
        """"... Atami arasında": one of two places a relation is between."""
        end = place.end + (place.end < len(self.tokens) and place_noun(self.tokens[place.end]) in ("city",))
        return end < len(self.tokens) and self.tokens[end].key.startswith("arasinda")

    def _comitative(self, place: PlaceMention) -> bool:
        end = place.end
        if end + 2 < len(self.tokens) and self.tokens[end].text == "(" and self.tokens[end + 2].text == ")":
            end += 3  # "Mestanlı (Momçilgrad) ile": the town's other name in brackets
        if end < len(self.tokens) and place_noun(self.tokens[end]) in ("city", "municipality"):
            end += 1
        nxt = self.tokens[end].key if end < len(self.tokens) else ""
        return nxt == "ile" or self._phrase_suffix(place) in COMITATIVE

    def _with_list(self, with_ile: list[PlaceMention], parties: list[PlaceMention]) -> list[PlaceMention]:
        """Extend "C ile" to the list before it, "A, B ve C ile", each place perhaps after its country
        ("Kırgızistan'ın Karakol'u, Bosna Hersek'in Travnik'i ve ... Kumanova'sı ile"), or before "kenti"
        ("Bosna Hersek'in Tuzla kenti, Kırcaali ve ... Köprülü ile"); a lone comma ("Trabzon, Aktau ile") sets
        off a subject, not a list."""
        found = list(with_ile)
        for place in with_ile:
            index, joined_by_ve = parties.index(place), False
            while index > 0:
                previous = parties[index - 1]
                if gazetteer.in_home_country(previous.city) and not gazetteer.in_home_country(place.city):
                    break  # "Pazar, Gürcistan'daki Kobuleti ve Azerbaycan'daki Lenkeran ile": the subject
                gap = [t.key for t in self.tokens[previous.end:parties[index].first]
                       if not (self._owner_country(t) or (t.index == previous.end and place_noun(t) == "city"))]
                if gap == ["ve"] or (gap == [","] and joined_by_ve):
                    joined_by_ve = True
                    found.append(previous)
                    index -= 1
                else:
                    break
        return sorted({p.first: p for p in found}.values(), key=lambda p: p.first)

    def _list_from(self, places: list[PlaceMention]) -> list[PlaceMention]:
        """The first place and those listed after it, "A, B ve C", each perhaps after its country; the list
        ends at "ve" and its place."""
        listed = places[:1]
        for place in places[1:]:
            gap = [t.key for t in self.tokens[listed[-1].end:place.first]
                   if not (self._owner_country(t) or (t.index == listed[-1].end and place_noun(t) == "city"))]
            if gap not in ([","], ["ve"]):
                break
            listed.append(place)
            if gap == ["ve"]:
                break
        return listed

    def _owner_country(self, token: Token) -> bool:
        """Whether the token is part of a country that says where the place after it is: in the genitive
        ("Bosna Hersek'in Travnik'i"), the ablative ("Bosna Hersek'ten Zenica") or with -ki ("Kuzey
        Makedonya'daki Köprülü")."""
        country = self.m.country_at(token.index)
        return country is not None and country.suffix in GENITIVE_FOLDED | LOCATIVE_KI | ABLATIVE

    def _coordinated(self, a: PlaceMention, b: PlaceMention) -> bool:
        """"Gömeç ve Isparta": two places listed together, not paired."""
        gap = {t.key for t in self.tokens[a.end:b.first]}
        return bool(gap & {"ve", ","}) and len(gap) <= 3

    def _pairs_by_reference(self, window: range, signing: bool) -> list[tuple[City, City]]:
        """"İki belediye ... protokol imzalamıştı": the last two municipalities named before."""
        keys = [t.key for t in self.tokens[window.start:window.stop]]
        refers = any(k == "iki" and nxt.startswith(("belediye", "sehir", "sehr", "kent"))
                     for k, nxt in itertools.pairwise(keys))
        if not (refers and signing):
            return []
        told = self._told_before(window)
        if len(told) == 1:
            return [told[0].cities]  # "... ilk kardeşi Şeki. İki kent arasında 2009'da imzalanan protokol": those two
        named: list[tuple[int, City]] = []
        for mention in self.m.orgs:
            org = self.named_org(mention) if mention.kind == "municipality" and mention.name else None
            if org and org.city and mention.first < window.start:
                named.append((mention.first, org.city))
        named += [(first, org.city) for first, org in self.title_orgs.items()
                  if org.kind == OrgKind.MUNICIPALITY and org.city and first < window.start]
        cities: list[City] = []
        for _, city in sorted(named, key=lambda item: -item[0]):
            if all(city.key != known.key for known in cities):
                cities.append(city)
        return [(cities[1], cities[0])] if len(cities) >= 2 else []

    def _pairs_by_signers(self, window: range, signing: bool) -> list[tuple[City, City]]:
        """"Dostluk protokolünü Başkan Soylu ile Başkan Maesen imzaladı": the cities of the two mayors who
        signed it."""
        cities = self._cities_served(window, (OrgKind.MUNICIPALITY,)) if signing else {}
        if len(cities) != 2:
            return []
        first, second = cities.values()
        return [(first, second)]

    def _pair_with_home(self, town: City) -> list[tuple[City, City]]:
        """"Kardeş şehir protokolü 2010'da ... Hasköy'ün o zamanki başkanı tarafından imzalanmıştı": a signing that
        names one foreign town, no twinning of which was told yet, twins it with the article's city."""
        if self.home is None or town.geonames_id is None or town.country is None or gazetteer.in_home_country(town) \
                or any(town.key in {city.key for city in known.cities} for known in self.twinnings):
            return []
        return [(self.home, town)]

    def _cities_served(self, window: range, kinds: tuple[OrgKind, ...]) -> dict[str, City]:
        """The cities whose municipality or governorship (`kinds`) the people named in `window` serve, by key."""
        people = set(self.m.persons_in(window.start, window.stop))
        return {p.organization.city.key: p.organization.city for p in self.posts
                if p.person in people and p.organization.kind in kinds and p.organization.city}

    def _told_before(self, window: range) -> list[_Twinning]:
        """The twinnings told in the sentence just before the window's."""
        sentence = self.tokens[window.start].sentence
        if sentence == 0:
            return []
        before = self.sentence_span(sentence - 1)
        return [t for t in self.twinnings if any(before.start <= span.start < before.end for span in t.spans)]

    def _date_existing(self, window: range, date: str | None, evidence: Span) -> None:
        """A signing sentence naming one city (or none) dates a twinning read anywhere in the article."""
        if date and self._cue_in(window, _SIGNING):
            self._dated.append((window, date, evidence))

    def _apply_date(self, window: range, date: str, evidence: Span) -> None:
        named = {p.city.key for p in self._places_in(window.start, window.stop)}
        # both towns named here ("belgeyi Sapanca Belediye Başkanı ile Muharrak Belediye Başkanı imzaladı" is not
        # Sapanca's old twinning with Kladanj), else one, else told in the sentence just before, else the
        # article's only one
        targets = [t for t in self.twinnings if {c.key for c in t.cities} <= named] or [
            t for t in self.twinnings if named & {c.key for c in t.cities}] or self._told_before(window) or (
            self.twinnings if len(self.twinnings) == 1 else [])
        for twinning in targets:
            if twinning.signed and not date.startswith(twinning.signed):
                continue  # another signing: "2016'da imzalamıştı" is not dated by this sentence
            if twinning.signed is None or len(date) > len(twinning.signed):
                twinning.signed = date
            twinning.spans.append(evidence)

    def _add_twinning(self, found: _Twinning) -> None:
        pair = {c.key for c in found.cities}
        if len(pair) < 2:
            return  # one town under two names: "Bulgaristan'ın Hasköy (Haskovo) kentinden gelen heyet"
        for known in self.twinnings:
            if {c.key for c in known.cities} == pair and not _another_agreement(known, found):
                known.spans += found.spans
                if found.signed and (known.signed is None or len(found.signed) > len(known.signed)):
                    known.signed = found.signed
                return
        self.twinnings.append(found)

    def _twinning_plan(self, kind: TwinningKind, pairs: list[tuple[City, City]], window: range,
                       evidence: Span) -> None:
        """A wished or proposed twinning: a proposal, not an agreement."""
        if not pairs:
            # each town once, where it is named last: "Nitra'yı ... tanıyan Demirci, “Nitra ile Gaziantep'in"
            parties = list({p.city.key: p for p in self._parties(window)}.values())
            if len(parties) == 2 and not self._coordinated(parties[0], parties[1]):
                pairs = [(parties[0].city, parties[1].city)]
            elif len(parties) == 1 and self.home and parties[0].city.key != self.home.key \
                    and not any(parties[0].city.label_tr in plan.label for plan in self.plans):
                pairs = [(self.home, parties[0].city)]
            elif not parties and (reference := self._pairs_by_reference(window, True)):
                pairs = reference  # "İki kentin kardeş şehir olmasını arzu ediyoruz"
            elif not parties and self._turned_into(window) and len({t.cities for t in self.twinnings}) == 1:
                # "Bu belgeyi tam bir kardeş şehir protokolüne dönüştürmek istiyoruz": the agreement the two
                # already have, made a twinning
                pairs = [self.twinnings[0].cities]
        twinned = [{c.key for c in t.cities} for t in self.twinnings if t.kind == kind]
        for a, b in pairs:
            if {a.key, b.key} in twinned:
                continue  # already twinned so: talk of the twinning, not a proposal of one
            a, b = sorted((a, b), key=lambda city: not gazetteer.in_home_country(city))
            label = f"{a.label_tr}-{b.label_tr} kardeş şehir protokolü"  # the Turkish side first, as the news writes it
            self._add_plan(Plan(PlanKind.PROPOSAL, label, (evidence,)))

    def _turned_into(self, window: range) -> bool:
        """Whether the words speak of an agreement turned into another: "dönüştürmek", "dönüşmesini"."""
        return any(self.tokens[at].key.startswith("donus") for at in window)

    # -- dates ---------------------------------------------------------------

    def _signed_in(self, window: range, signing: bool) -> str | None:
        """When a twinning was signed: any date beside a signing verb or "became" ("bugün kardeş şehir
        oldu"), or the header's year for a signing told in the simple past, or a twinning the first sentence
        reports (that is the news);
        otherwise only a year ("2003'ten bu yana kardeş"), since "bugün" is as often "nowadays" as "today"."""
        became = any(self.tokens[at].key in ("oldu", "oldular") for at in window)  # "bugün kardeş şehir oldu"
        # "15-17 Mayıs'ta Kültür Günleri düzenleyeceklerini duyuran X, A ile B arasında 2019 yılında imzalanan
        # protokolün ...": the date right before the signing verb, before any other in the window
        near = next((found for at, _cue in self._cue_in(window, _SIGNING)
                     if (found := self._date_in(range(max(window.start, at - SIGNING_DATE_WORDS), at)))), None)
        date = near or (self._date_in(window) if signing or became else self._year_in(window))
        if date is None and self.published:
            lead = self.tokens[window.start].sentence == self.sentences[0]
            # "Lüleburgaz, Ptuj ile kardeş oldu" in the lead, "protokolü Başkan A ile Başkan B imzaladı" anywhere:
            # the news is of the header's year
            if (lead and became) or (signing and self._signed_now(window)):
                return str(self.published.year)
        return date

    def _signed_now(self, window: range) -> bool:
        """A signing told in the simple past ("imzalandı", "imza attılar"), as news is; not a participle
        ("imzalanan anlaşma"), which may speak of any year."""
        return any(_SIMPLE_PAST.search(self.tokens[at + len(cue.words) - 1].key)
                   for at, cue in self._cue_in(window, _SIGNING))

    def _date_in(self, window: range) -> str | None:
        """The fullest date written in a window: "11 Ekim 2021", "12 Mart'ta" (the last 12 March
        up to the header's date), "2003'ten", "dün". A day that only describes what began then ("önceki gün
        başlayan Slovenya programının ... töreni, dün ...") gives way to another day in the window."""
        describing = None
        for date, end in self._days_in(window):
            if not self._participle_at(end):
                return date
            describing = describing or date
        return describing or self._year_in(window)

    def _participle_at(self, at: int) -> bool:
        """Whether the word at `at` is a participle describing a noun: "başlayan", "gelen"."""
        return at < len(self.tokens) and not self.tokens[at].capitalised and len(self.tokens[at].key) > 4 \
            and self.tokens[at].key.endswith(("an", "en"))

    def _days_in(self, window: range) -> Iterable[tuple[str, int]]:
        """Each full date written in a window, with where its words end."""
        tokens = self.tokens
        for at in window:
            token = tokens[at]
            if token.key[:1].isdigit() and not token.key.isdigit() and (numeric := written_date(token.stem)):
                yield numeric.isoformat(), at + 1  # "14.06.2024 tarihinde"
            if token.key in months() and at > window.start and tokens[at - 1].key.isdigit():
                day, month = int(tokens[at - 1].key), months()[token.key]
                year = _year(tokens[at + 1]) if at + 1 < window.stop else None
                try:
                    if year:
                        yield datetime.date(year, month, day).isoformat(), at + 2
                    elif self.published:
                        yield _last_before(self.published, month, day).isoformat(), at + 1
                    elif written := self._year_written_before(at):  # "11 Kasım 2024 ... 12 Kasım Salı günü"
                        yield datetime.date(written, month, day).isoformat(), at + 1
                except ValueError:
                    continue
            days_ago = _days_ago(tokens, at)
            if days_ago is not None and self.published and at not in self._quoted_speech:
                # not "“Bugün yalnızca onu tescil ettik” dedi": a day of the speaker's, not of the report
                yield (self.published - datetime.timedelta(days=days_ago)).isoformat(), at + 1 + (days_ago == 2)
            if token.key in ("ertesi", "ayni") and at + 1 < window.stop and tokens[at + 1].key == "gun":
                before = self._date_told_before(tokens[at].sentence)  # "ertesi gün", "aynı gün": of the day told
                if before is not None:
                    yield (before + datetime.timedelta(days=int(token.key == "ertesi"))).isoformat(), at + 2
            if token.key in weekdays() and at + 1 < window.stop and tokens[at + 1].key == "gunu" and self.published \
                    and (at == 0 or tokens[at - 1].key not in NOT_LAST_WEEK):
                # "pazartesi günü": the last Monday up to the header's date
                yield _weekday_before(self.published, weekdays()[token.key]).isoformat(), at + 2
            if token.key == "ayin" and at + 1 < window.stop and tokens[at + 1].stem.isdigit() and self.published:
                # "ayın 5'inde": the 5th of the header's month, or of the one before; "geçen ayın 12'sinde": of
                # the month before
                last_month = at > 0 and tokens[at - 1].key in ("gecen", "gectigimiz")
                reference = self.published.replace(day=1) - datetime.timedelta(days=1) if last_month \
                    else self.published
                with suppress(ValueError):
                    yield _day_of_month_before(reference, int(tokens[at + 1].stem)).isoformat(), at + 2

    @cached_property
    def _quoted_speech(self) -> frozenset[int]:
        """The tokens inside quotation marks (“...”, "..."), across sentences."""
        inside: set[int] = set()
        quoted = False
        for token in self.tokens:
            if token.text == "“" or (token.text == '"' and not quoted):
                quoted = True
            elif token.text in ("”", '"'):
                quoted = False
            elif quoted:
                inside.add(token.index)
        return frozenset(inside)

    def _day_in(self, window: range) -> datetime.date | None:
        """The day a window gives, when `_date_in` finds a full date there (not a year alone)."""
        date = self._date_in(window)
        return datetime.date.fromisoformat(date) if date and len(date) == 10 else None

    def _date_told_before(self, sentence: int) -> datetime.date | None:
        """The full date given by the last sentence before `sentence` that gives one."""
        return next((day for earlier in range(sentence - 1, -1, -1)
                     if (day := self._day_in(self.m.sentence_range(earlier)))), None)

    def _year_written_before(self, at: int) -> int | None:
        """The year of the last full date written before token `at` ("11 Kasım 2024"): an article without a
        header date gives its year once."""
        tokens = self.tokens
        for index in range(at - 1, 0, -1):
            year = _year(tokens[index])
            if year and tokens[index - 1].key in months():
                return year
        return None

    def _year_in(self, window: range) -> str | None:
        """The first year written in a window: "2003'ten", "2016 yılından bu yana", "geçen yıl" (the one
        before the header's)."""
        tokens = self.tokens
        for at in window:
            year = _year(tokens[at])
            if year and 1900 <= year <= 2100:
                return str(year)
            if self.published and tokens[at].key in ("gecen", "gectigimiz") and at + 1 < window.stop \
                    and tokens[at + 1].key.startswith("yil"):
                return str(self.published.year - 1)
        return None

    # -- meetings ------------------------------------------------------------

    def _read_meetings(self) -> None:
        found: list[_Meeting] = []
        series = False
        for sentence in self.sentences:
            indices = self.m.sentence_range(sentence)
            meeting_cues = [(at, cue) for at, cue in self._cue_in(indices, frozenset({"meeting"}))
                            if not self._acknowledges(at, cue) and not self._infinitive(at, cue)
                            and not self._habitual(at)]
            if any(self._pluperfect(at, cue) for at, cue in meeting_cues) \
                    and not any(_days_ago(self.tokens, at) is not None for at in indices):
                # background told in the pluperfect, unless a day of its own makes it a call ("dün de ziyaret etmişti")
                meeting_cues = [(at, cue) for at, cue in meeting_cues if not self._pluperfect(at, cue)]
            if not found and self._announces_series(indices):
                series = True  # "Fethiye'de bir dizi temasta bulundu": the calls are told one by one after it
            joins = self._cue_in(indices, frozenset({"join"}))
            describing = [(at, cue) for at, cue in meeting_cues if self._relative_participle(at, cue)]
            if describing and len(describing) == len(meeting_cues) and found:
                # "Yeni görevinde ziyaret ettiği ikinci kent İzmir olan X'in heyetinde A ile B vardı": the visit
                # told before, described; who is named here took part in it
                meeting_cues, joins = [], [*joins, *describing]
            # "20 Kasım 2023 Pazartesi günü gerçekleşen görüşmede ...": the meeting just told, by its noun
            told = bool(meeting_cues) or (found and found[-1].sentence == sentence - 1
                                          and self._names_a_meeting(indices))
            if not told and (not joins or (series and not found)):
                continue  # after such a lead, those who accompany the visitor are his party, not a meeting
            talks_told = any(meeting.people for meeting in found)
            if not told and not talks_told and self._says(indices, ACCOMPANY):
                continue  # "X ile Y'nin eşlik ettiği heyet, programına kaymakamlıkta başladı": the party, before any call
            # "... tarafından imzalandı. Törene Taşkent Büyükelçisi X de katıldı": a guest of the ceremony, not of
            # the talks told before; but with no one's talks told before, the ceremony is the meeting ("Kongaz
            # Belediyesi'nde yapılan törene Başkan Yardımcısı X ile Başkan Y'nin yanı sıra ... katıldı")
            ceremony = not told and talks_told and self._says(indices, CEREMONY)
            people = [] if ceremony else self._participants(indices)
            full_date = self._day_in(indices)
            span = self.sentence_span(sentence)
            signing = any(cue.words[0].startswith("imza") for _, cue in meeting_cues)
            if told and not people and found and found[-1].date is None and full_date \
                    and found[-1].sentence == sentence - 1:
                # "9 Haziran'da gerçekleştirilen görüşmenin ardından ... imzalandı": the day of the meeting just told
                found[-1].date, found[-1].signing = full_date, found[-1].signing or signing
                found[-1].spans.append(span)
                found[-1].sentence = sentence
            elif meeting_cues and found and found[-1].sentence == sentence - 1 and (not found[-1].people or (
                    len(found[-1].people) == 1 and (
                        found[-1].people[0] in people or (any(self._is_guest_word(at) for at in indices)
                                                          and not self._is_local_official(found[-1].people[0]))))):
                # "Velevski ve heyeti 3 Eylül'de Büyükşehir'in konuğu oldu. Misafirleri X karşıladı", "Al-Ajmi aynı
                # gün Belediye'yi ziyaret etti. Konuğunu karşılayan X", "Kartepe heyeti dün akşam Derneğin konuğu
                # oldu. Derneğin Başkanı X, Yurdakul'u ağırladı": the visit told with the visitor alone, or with
                # no one named, then who received whom
                found[-1].people += [p for p in people if p not in found[-1].people]
                found[-1].spans.append(span)
                found[-1].sentence = sentence
                found[-1].date = found[-1].date or full_date
            elif meeting_cues and len(people) > 2 and self._separately(indices, meeting_cues):
                # "X, Vali A ve Başkan B ile ayrı ayrı görüştü": one meeting with each of them
                visitor = next((p for p in people if self._serves_abroad(p)), people[0])
                bodies = {post.organization for post in self.posts if post.person == visitor}
                # "birliğin Başkanı A ve Genel Sekreteri B, önce X'i, ardından Y'yi ziyaret etti": A and B call on each
                side = [p for p in people if p == visitor or any(
                    post.person == p and post.organization in bodies for post in self.posts)]
                found += [_Meeting([*side, other], [span], sentence, full_date, signing)
                          for other in people if other not in side]
            elif meeting_cues or not found:
                if full_date is None and not (found and found[-1].sentence == sentence - 1):
                    full_date = self._day_of_visit_before(sentence, people)
                found.append(_Meeting(list(people), [span], sentence, full_date, signing))
            elif found[-1].sentence >= sentence - JOIN_REACH or self._names_a_meeting(indices) \
                    or self._says(indices, CEREMONY):
                found[-1].people += [p for p in people if p not in found[-1].people]
                found[-1].spans.append(span)
                found[-1].sentence = sentence
                found[-1].date = found[-1].date or full_date  # "3 Mart'ta düzenlenen imza törenine ... katıldı"
        lead_date, lead_people = self._lead()
        previous: _Meeting | None = None
        for meeting in self._merged(found):
            if len(meeting.people) < 2 or self._one_party(meeting.people):
                if meeting.date and meeting.people:
                    previous = meeting  # "Veldkamp'ın ilk durağı dün Valilik oldu": no meeting, but the round's day
                continue
            if meeting.signing:
                self._signers.update(meeting.people)
            day = meeting.date or self._signing_date(meeting)
            if day is None and lead_date and (lead_people.intersection(meeting.people) or (
                    not lead_people and previous is None and self._only_day_told(lead_date, meeting.sentence))):
                # "X dün Çanakkale'de bir dizi temasta bulundu", then each call in turn; "Antalya Büyükşehir
                # Belediyesi dün iki ayrı törenle iki yeni ortak edindi", then the first of them
                day = lead_date
            if day is None and previous is not None:
                day = self._day_of_the_round(previous, meeting)
            previous = meeting
            meeting.date = day
            host = next((p for p in meeting.people if self._is_local_official(p)), None)
            self.meetings.append(Meeting(tuple(meeting.people), tuple(meeting.spans), host=host, date=day))

    def _day_of_the_round(self, previous: _Meeting, meeting: _Meeting) -> datetime.date | None:
        """The day of the call told before, for the next call of the same visitor, or one told as following it,
        when no other day is told between them: "Sadykov ve heyetinin dün ilk durağı Valilik oldu ... Sadykov ve
        beraberindekiler ardından Başkan X'i ziyaret etti", "Programın ikinci gününde bugün ... Heyetin son
        durağı Üniversite oldu"."""
        visitors = {p for p in previous.people if self._serves_abroad(p)}
        if previous.date is None or not (visitors.intersection(meeting.people) or self._told_as_next(meeting)):
            return None
        return previous.date if self._only_day_told(previous.date, meeting.sentence, since=previous.sentence + 1) \
            else None

    def _only_day_told(self, day: datetime.date, sentence: int, *, since: int = 1) -> bool:
        """Whether the sentences from `since` to `sentence` tell no day but `day`."""
        days = {self._day_in(self.m.sentence_range(s)) for s in range(since, sentence + 1)}
        return days <= {None, day}

    def _told_as_next(self, meeting: _Meeting) -> bool:
        """Whether the meeting is told as following the one before, or as just before it: "Törenin ardından
        Başkan Kaya'yı makamında ziyaret eden Durmaz", "Törenden önce Büyükelçi Toktogulov, ... ziyaret etti"."""
        told = [token for token in self.tokens if any(span.start <= token.start < span.end for span in meeting.spans)]
        return any(token.key in AFTERWARDS for token in told) or any(
            token.key == "once" and before.key.startswith(OCCASION_NOUNS) and before.key.endswith(("dan", "den"))
            for before, token in itertools.pairwise(told))

    def _relative_participle(self, at: int, cue: Cue) -> bool:
        """A meeting verb as a relative participle describing a noun: "ziyaret ettiği ikinci kent"; not the
        clause a report is about ("ziyaret ettiği bildirildi", "görüştüğü öğrenildi")."""
        end = at + len(cue.words)
        return self.tokens[end - 1].key.endswith(RELATIVE_PARTICIPLE_ENDINGS) \
            and not (end < len(self.tokens) and self.tokens[end].key.startswith(REPORTED_PASSIVES))

    def _infinitive(self, at: int, cue: Cue) -> bool:
        """A meeting verb in the infinitive is what someone is ready or wants to do: "Maltepe heyetini
        ağırlamaya hazır olduğunu", "ziyaret etmeyi planlıyor"."""
        return self.tokens[at + len(cue.words) - 1].key.endswith(INFINITIVE_ENDINGS)

    def _habitual(self, at: int) -> bool:
        """Visits told as a habit, no one meeting: "Muğla'yı sık sık ziyaret ettiğini", "zaman zaman", "her yıl
        ağırlıyoruz"."""
        keys = [t.key for t in self.tokens[max(at - 3, 0):at]]
        return any((a == b and a in ("sik", "zaman")) or (a == "her" and b in ("yil", "ay", "hafta", "yaz"))
                   or a in HABITUALLY for a, b in itertools.pairwise([*keys, ""]))

    def _acknowledges(self, at: int, cue: Cue) -> bool:
        """"kabul" after a clause is agreeing to it, not receiving a visitor: "protokolün en zayıf halkası
        olduğunu kabul ederek", "kardeş şehir olunmasını kabul etti"."""
        return cue.words[0] == "kabul" and at > 0 \
            and self.tokens[at - 1].key.endswith((*REPORTED_CLAUSE_ENDINGS, "masini", "mesini"))

    def _one_party(self, people: list[Person]) -> bool:
        """Whether everyone serves one city's municipality, or one foreign country: a delegation and those who
        accompany it ("Aktepe'ye Meclis üyeleri X ve Y eşlik etti", "Heyette Hasköy Belediye Meclisi üyesi X ...
        Bulgaristan'ın Edirne Başkonsolosu Y de törende hazır bulundu"), not the two sides of a meeting."""
        countries = {country for person in people for country in self._countries_served_abroad(person)}
        if len(countries) == 1 and all(self._serves_abroad(person) for person in people):
            return True
        bodies = set()  # a municipality by its city, an association by itself ("yönetim kurulunda A, B yer aldı")
        for person in people:
            served = {_body_key(p.organization) for p in self.posts if p.person == person}
            served.discard(None)
            if not served:
                return False
            bodies |= served
        return len(bodies) == 1

    def _announces_series(self, indices: range) -> bool:
        """"bir dizi temasta bulundu", "çeşitli ziyaretlerde bulundu": several calls, each told later."""
        keys = [self.tokens[at].key for at in indices]
        return any(a in SERIES and b.startswith(("temas", "ziyaret", "gorusme")) for a, b in itertools.pairwise(keys))

    def _names_a_meeting(self, indices: range) -> bool:
        """Whether a sentence speaks of a meeting by its noun: "görüşmede", "ziyaretin sonunda"."""
        return any(self.tokens[at].key.startswith(MEETING_NOUNS) and not self.tokens[at].capitalised
                   for at in indices)

    def _day_of_visit_before(self, sentence: int, people: list[Person]) -> datetime.date | None:
        """The day the sentence before gave to a visit by its noun, to the visitor ("Heyet, 6 Mart Çarşamba günü
        Büyükşehir Belediyesi'ne geçti. Konukları X karşıladı"), or naming one of `people`: "Yeni yönetim ilk
        ziyaretini 3 Kasım'da belediyeye yaptı. Batbayar'ı ağırlayan Tezcan ...", "Todorova bugün de
        İnegöl'deydi. Başkonsolosu ağırlayan ..."."""
        if sentence == 0:
            return None
        before = self.m.sentence_range(sentence - 1)
        if not (self._names_a_meeting(before) or any(self._is_guest_word(at) for at in before)
                or set(people) & set(self.m.persons_in(before.start, before.stop))):
            return None
        return self._day_in(before)

    def _separately(self, indices: range, meeting_cues: list[tuple[int, Cue]]) -> bool:
        """"ayrı ayrı görüştü", "önce Vali A'yı, ardından Başkan B'yi ziyaret etti", "A ile görüştüğü, ardından
        ... B ile bir araya geldiği": the visitor met the others one by one."""
        keys = [self.tokens[at].key for at in indices]
        in_turn = "once" in keys and any(k in ("ardindan", "sonra") for k in keys[keys.index("once") + 1:])
        first, last = meeting_cues[0][0], meeting_cues[-1][0]
        two_calls = any(self.tokens[at].key in ("ardindan", "sonra") for at in range(first + 1, last))
        return in_turn or two_calls or any(a == "ayri" and b == "ayri" for a, b in itertools.pairwise(keys))

    def _serves_abroad(self, person: Person) -> bool:
        """Whether the person holds a post of a foreign state or city: the visitor of a round of calls."""
        return any(p.person == person and self._is_visitor(p.organization) for p in self.posts)

    def _countries_served_abroad(self, person: Person) -> set[Country]:
        """The foreign countries whose state or cities the person serves (not an association abroad: "Almatı'da
        dört bin vatandaşımız var", says the president of Turkish entrepreneurs there)."""
        return {country for p in self.posts if p.person == person and self._is_visitor(p.organization)
                and p.organization.kind != OrgKind.ASSOCIATION
                and (country := p.organization.country or (p.organization.city and p.organization.city.country))}

    def _lead(self) -> tuple[datetime.date | None, set[Person]]:
        """The day the first sentence dates its news to ("dün", "12 Mart'ta"), and the people it names:
        the meetings of those people that give no day of their own are that day's."""
        indices = self.m.sentence_range(self.sentences[0]) if self.sentences else range(0)
        day = self._day_in(indices)
        if day is None:
            return None, set()
        return day, set(self.m.persons_in(indices.start, indices.stop))

    def _pluperfect(self, at: int, cue: Cue) -> bool:
        verb = self.tokens[at + len(cue.words) - 1].key
        return verb.endswith(PLUPERFECT)

    def _participants(self, indices: range) -> list[Person]:
        people = self.m.persons_in(indices.start, indices.stop)
        for mention in self.m.titles:
            if mention.first in indices and not mention.people and mention.title.body in (
                    *MISSION_BODIES, "mission"):
                person = self._holder_before(mention)
                if person and person not in people:
                    people.append(person)
        guest_read = False  # "Kartepe heyeti ... Derneği'nin konuğu oldu": one guest, told twice
        for at in indices:
            if self._is_guest_word(at):
                visitor = None if guest_read else self._visitor_before(at)
                guest_read = guest_read or visitor is not None
            else:
                visitor = self._head_of_board(at)
            if visitor and visitor not in people:
                people.append(visitor)
        return people

    def _head_of_board(self, at: int) -> Person | None:
        """The president of an association whose board or delegation the word at `at` stands for: "ESÖZDER'in
        yeni yönetimi ... ziyaret etti", "Derneğin heyeti"."""
        tokens = self.tokens
        if not tokens[at].key.startswith(("yonetim", "heyet")) or tokens[at].capitalised:
            return None
        owner = at - 2 if at >= 2 and tokens[at - 1].key == "yeni" else at - 1
        if owner < 0:
            return None
        presidents = [p for p in self.posts if p.role == Role.PRESIDENT and p.organization.kind == OrgKind.ASSOCIATION]
        if tokens[owner].key == "dernegin":  # the one association whose president the article names
            return presidents[0].person if len({p.organization for p in presidents}) == 1 else None
        stem = fold_name(tokens[owner].stem)
        return next((p.person for p in presidents if tokens[owner].suffix in GENITIVE_FOLDED
                     and p.organization.acronym and fold_name(p.organization.acronym) == stem), None)

    def _is_guest_word(self, at: int) -> bool:
        """"heyet", "konuk", "misafir": a word that stands for the visitor."""
        key = self.tokens[at].key
        return key.startswith(GUEST_WORDS) and not key.startswith("konukseverl")

    def _holder_before(self, mention: TitleMention) -> Person | None:
        """The person a bare mission title ("büyükelçi", "konsolosu") refers back to."""
        word = mention.title.words[-1]
        for earlier in reversed(self.m.titles):
            if earlier.first < mention.first and earlier.people and earlier.title.words[-1] == word:
                return earlier.people[0]
        for earlier in reversed(self.m.titles):
            if earlier.first < mention.first and earlier.people and earlier.title.body in (*MISSION_BODIES, "mission"):
                return earlier.people[0]
        return None

    def _visitor_before(self, index: int) -> Person | None:
        """"heyet", "konuk": the leader of the delegation told of just before, else the most recent visitor,
        one who serves a foreign state or city."""
        leader = self._delegation_leader(index) or self._mayor_of_delegation_town(index)
        if leader is not None:
            return leader
        earliest = self.m.sentence_range(max(self.tokens[index].sentence - 2, 0)).start
        head = next((found for at in range(index, earliest - 1, -1) if (found := self._head_of_board(at))), None)
        if head is not None:
            return head
        # "Karimzoda dün de Belediye'nin konuğu oldu", "Wierzbicki'nin ilk durağı Valilik oldu. Heyeti ...": the
        # visitor named last in this sentence or the one before, by any of his names, before the one whose title
        # was written last (the honorary consul who came with him)
        visitors = {post.person for post in self.posts if self._is_visitor(post.organization)} - self._companions
        start = self.m.sentence_range(max(self.tokens[index].sentence - 1, 0)).start
        named = next((m.person for m in reversed(self.m.persons) if start <= m.first < index and m.person in visitors),
                     None)
        if named is not None:
            return named
        if self.tokens[index].key.startswith("heyet"):
            # "Başkan Aksoylu ve Ünye heyeti ...", paragraphs later "Heyeti kapıda karşılayan X": the delegation
            # whose leader was told, the one that travels with the article
            leader = self._delegation_leader(index, reach=len(self.sentences))
            if leader is not None:
                return leader
        for post in reversed(self._posts_before(index)):
            if post.person in visitors:
                return post.person
        return None

    @cached_property
    def _companions(self) -> set[Person]:
        """Those said to accompany someone ("Büyükelçiye konsolos yardımcısı X eşlik etti"): the visitor's party,
        never the visitor a word for the guest stands for. The one accompanied is in the dative, and so is not
        the one who led the delegation ("Heyete X başkanlık ederken, Y de konuklara eşlik etti")."""
        found: set[Person] = set()
        for sentence in self.sentences:
            indices = self.m.sentence_range(sentence)
            if self._says(indices, ACCOMPANY):
                found.update(m.person for m in self.m.persons if m.first in indices
                             and self.tokens[m.end - 1].suffix not in DATIVE and not self._leads(m.end))
        return found

    def _leads(self, end: int) -> bool:
        """Whether the words after a name say its holder led the delegation: "X başkanlık ederken"."""
        return end < len(self.tokens) and self.tokens[end].key == "baskanlik" and end + 1 < len(self.tokens) \
            and self.tokens[end + 1].key.startswith("ede")

    def _says(self, indices: range, stem: str) -> bool:
        """Whether a word of `indices` starts with the folded `stem` ("eşlik ettiği", "Törene")."""
        return any(self.tokens[at].key.startswith(stem) for at in indices)

    def _delegation_leader(self, index: int, reach: int = 2) -> Person | None:
        """Who led a delegation, as said in this sentence or the `reach` before `index`: "Aktepe başkanlığındaki
        heyet", "heyetine Lee Sang-hoon Başkan Yardımcısı başkanlık etti", "heyete başkanlık eden X", "X ve
        heyeti"."""
        tokens = self.tokens
        earliest = self.m.sentence_range(max(tokens[index].sentence - reach, 0)).start
        for at in range(index, earliest - 1, -1):
            key = tokens[at].key
            if key.startswith("heyet"):  # "Velevski ve heyeti", "Zoran Velevski ve beraberindeki heyet"
                town = self.m.place_at(at - 1)  # "Başkan Aksoylu ve Ünye heyeti"
                joined = at - 2 if tokens[at - 1].key == "beraberindeki" else (town.first if town else at) - 1
                if joined > 0 and tokens[joined].key == "ve":
                    leader = next((m.person for m in self.m.persons if m.end == joined), None)
                    if leader is not None:
                        return leader
            if not (key.startswith("baskanligind") or key == "baskanlik"):
                continue
            before = [m.person for m in self.m.persons if at - LEADER_TITLE_WORDS <= m.end <= at]
            led = at + 1 < len(tokens) and tokens[at + 1].key.startswith("eden")  # "başkanlık eden X", not "ederken"
            after = [m.person for m in self.m.persons if led and at + 2 <= m.first <= at + 2 + LEADER_TITLE_WORDS]
            if after or before:
                return after[0] if after else before[-1]
        return None

    def _mayor_of_delegation_town(self, index: int) -> Person | None:
        """The mayor of the town a delegation is named by ("Telafer heyeti", "Prizren'den gelen heyet", "Kartepe
        heyeti ... Derneği'nin konuğu oldu"), where the article gives that town's mayor."""
        tokens = self.tokens
        if not tokens[index].key.startswith("heyet") or index < 1:
            return None
        town_end = index - 1 if tokens[index - 1].key == "gelen" and index >= 2 else index
        place = next((m for m in self.m.places if m.end == town_end), None)
        if place is None or (town_end < index and tokens[town_end - 1].suffix not in ABLATIVE):
            return None
        return next((p.person for p in self.posts if p.role == Role.MAYOR and p.organization.city == place.city),
                    None)

    def _posts_before(self, index: int) -> list[Post]:
        return [p for p in self.posts if p.evidence[0].start < self.tokens[index].start]

    def _is_visitor(self, org: Organization) -> bool:
        if org.kind.is_mission or org.kind == OrgKind.FOREIGN_SERVICE:
            return True
        country = org.city.country if org.city else None
        return org.city is not None and (country is None or country.code != gazetteer.HOME_COUNTRY)

    def _is_local_official(self, person: Person) -> bool:
        return any(p.person == person and p.organization.kind.governs and not self._is_visitor(p.organization)
                   for p in self.posts)

    def _merged(self, meetings: list[_Meeting]) -> list[_Meeting]:
        """Reports of the same meeting (one set of people within another's) become one."""
        merged: list[_Meeting] = []
        for meeting in meetings:
            people = set(meeting.people)
            # a report with no one named (the lead's "Kağızman dün ... ağırladı") is of the meeting told next
            # with people, unless that one is of another day
            target = next((m for m in merged if people and (
                (people <= set(m.people) or set(m.people) <= people) if m.people
                else None in (m.date, meeting.date) or m.date == meeting.date)), None)
            if target is None and meeting.signing:
                # "... tarafından imzalandı. Tören, ... yapıldı. X'in de hazır bulunduğu törende protokol imza altına
                # alındı": one signing, told again within a sentence or two
                target = next((m for m in merged if m.signing and 0 < meeting.sentence - m.sentence <= 2), None)
            if target is None:
                merged.append(meeting)
                continue
            target.people += [p for p in meeting.people if p not in target.people]
            target.spans += meeting.spans
            target.date = target.date or meeting.date
            target.signing = target.signing or meeting.signing
        return merged

    def _signing_date(self, meeting: _Meeting) -> datetime.date | None:
        if not meeting.signing:
            return None
        dated = {t.signed for t in self.twinnings if t.signed and len(t.signed) == 10}
        if not dated:  # "2005'te imzalanan protokol dün yenilendi": the day is the ceremony's, not the agreement's
            dated = {date for date in (self._date_in(self.m.sentence_range(s)) for s in self._twinning_sentences)
                     if date and len(date) == 10}
        return datetime.date.fromisoformat(dated.pop()) if len(dated) == 1 else None

    # -- plans ---------------------------------------------------------------

    def _add_plan(self, plan: Plan) -> None:
        words = set(fold_name(plan.label).split())
        for index, known in enumerate(self.plans):
            known_words = set(fold_name(known.label).split())
            if words <= known_words or known_words <= words:
                longer = plan if len(words) > len(known_words) else known
                self.plans[index] = Plan(longer.kind, longer.label, known.evidence + plan.evidence,
                                         known.proposed_by or plan.proposed_by)
                return
        self.plans.append(plan)

    def _read_plans(self) -> None:
        for sentence in self.sentences:
            indices = self.m.sentence_range(sentence)
            planned = self._has_cue(indices, frozenset({"plan"}))
            intended = self._has_cue(indices, frozenset({"intent"}))
            if not (planned or intended or self._cue_in(indices, frozenset({"gathering"}))):
                continue
            kind = PlanKind.PLANNED_EVENT if planned else PlanKind.PROPOSAL
            proposer = self._proposer(indices) if kind == PlanKind.PROPOSAL else None
            for label, first, end in self._plan_labels(indices, planned):
                self._add_plan(Plan(kind, label, (self.span(first, end),), proposer))

    def _proposer(self, indices: range) -> Person | None:
        people = self.m.persons_in(indices.start, indices.stop)
        return people[0] if len(people) == 1 else None

    def _plan_labels(self, indices: range, planned: bool) -> Iterable[tuple[str, int, int]]:
        yield from self._quoted_names(indices)
        yield from self._named_works(indices, planned)
        yield from self._naming_after(indices)
        yield from self._event_phrases(indices, planned)
        yield from self._gatherings(indices)
        yield from self._proposed_things(indices)

    def _quoted_names(self, indices: range) -> Iterable[tuple[str, int, int]]:
        """“İzmir Günleri”: a short quoted name, with the head noun after it ("projesi")."""
        tokens = self.tokens
        opening = [at for at in indices if tokens[at].text in ("“", '"', "«")]
        for at in opening:
            close = next((c for c in range(at + 1, min(at + 9, indices.stop))
                          if tokens[c].text in CLOSING_QUOTES), None)
            if close is None or close == at + 1:
                continue
            inner = tokens[at + 1:close]
            if any(t.text in ",.!?:" for t in inner) or not all(
                    t.capitalised or t.key[:1].isdigit() or not t.word or (t.key == "ve" and 0 < i < len(inner) - 1)
                    for i, t in enumerate(inner)):
                continue  # a name ("Batı Trakya Kültür ve Lezzet Festivali"), not a quoted sentence
            label = self.m.span_text(at + 1, close, strip_suffix=False)
            end = close + 1
            if end < indices.stop and plan_head(tokens[end]) and tokens[end].word:
                label = f"{label} {_nominative(tokens[end])}"
                end += 1
            elif end < indices.stop and tokens[end].key in NAMED:
                # "“Ege'nin İki Yakası” adlı bir fotoğraf sergisi": the kind of event the name is given to
                head = next((h for h in range(end + 1, min(end + 5, indices.stop)) if plan_head(tokens[h])), None)
                if head is not None:
                    kind = [t.text for t in tokens[end + 1:head] if t.key not in DETERMINERS]
                    label = " ".join([label, *kind, _nominative(tokens[head])])
                    end = head + 1
            yield label, at, end

    def _named_works(self, indices: range, planned: bool) -> Iterable[tuple[str, int, int]]:
        """"Kazakistan Parkı", "Batum Expo fuarı": capitalised names closed by a head noun; a named day
        ("Norveç Anayasa Günü") where the sentence plans it, not where it was kept or someone is invited to it."""
        tokens = self.tokens
        for at in indices:
            token = tokens[at]
            owner = self._owner_of_work(indices, at) if plan_head(token) == "work" else None
            if owner is not None:  # "Abay Kunanbayev'in heykelinin dikilmesi", "Manas'ın bir heykelinin"
                name_end = at - 1 if tokens[at - 1].key == "bir" else at
                yield f"{self.m.span_text(owner, name_end)} {_named_work(token)}", owner, at + 1
                continue
            if at == indices.start or not plan_head(token) or not tokens[at - 1].capitalised:
                continue
            if plan_head(token) == "day" and (not planned or tokens[at - 1].key in weekdays()):
                continue  # "Pazar günü": a weekday
            if plan_head(token) == "work" and (token.suffix in LOCATIVE or plan_head_case(token) == "locative"):
                continue  # "Doğancılar Parkı’nda ... düzenleyecekler", "Türk okullarında": where something happens
            first = at
            while first - 1 >= indices.start and tokens[first - 1].capitalised and tokens[first - 1].word \
                    and not tokens[first - 1].suffix and at - first < 4 and (
                    first - 1 > indices.start or self.m.place_at(first - 1) or self.m.country_at(first - 1)):
                first -= 1
            while first < at and tokens[first].key in DETERMINERS:
                first += 1  # "“Bu bahçe ...”" opens a sentence; it names nothing
            if first == at:
                continue
            if tokens[first].key in months() and first - 1 >= indices.start and tokens[first - 1].key.isdigit():
                first -= 1  # "17 Mayıs Norveç Anayasa Günü": a day's date opens its name
            yield f"{self.m.span_text(first, at)} {_nominative(token)}".strip(), first, at + 1

    def _owner_of_work(self, indices: range, head: int) -> int | None:
        """Where the name of whom a statue or bust is of starts, written in the genitive before it ("Abay
        Kunanbayev'in heykeli", "Manas'ın bir heykeli"); None for other works and other words."""
        tokens = self.tokens
        end = head - 1 if head - 1 > indices.start and tokens[head - 1].key == "bir" else head
        if end - 1 < indices.start or tokens[end - 1].suffix not in GENITIVE_FOLDED or not tokens[end - 1].capitalised \
                or _named_work(tokens[head]) not in PORTRAITS:
            return None
        first = end - 1
        while first - 1 >= indices.start and first > end - 4 and tokens[first - 1].capitalised \
                and tokens[first - 1].word and not tokens[first - 1].suffix:
            first -= 1
        return first

    def _naming_after(self, indices: range) -> Iterable[tuple[str, int, int]]:
        """"bir kütüphaneye X'in adını vermek": a work to be named after someone."""
        tokens = self.tokens
        for at in indices:
            if not (tokens[at].key.startswith("adini") and at + 1 < indices.stop
                    and tokens[at + 1].key.startswith("ver")):
                continue
            owner_end = at
            owner_first = owner_end
            while (owner_first - 1 >= indices.start and tokens[owner_first - 1].capitalised
                   and owner_end - owner_first < 4):
                owner_first -= 1
            work = next((t for t in reversed(tokens[indices.start:owner_first]) if plan_head(t) == "work"), None)
            if owner_first == owner_end or work is None:
                continue
            owner = self.m.span_text(owner_first, owner_end)
            yield f"{owner} {_named_work(work)}", work.index, at + 2

    def _event_phrases(self, indices: range, planned: bool) -> Iterable[tuple[str, int, int]]:
        """Events written as noun phrases: "kültürel festivaller", "iş forumları".

        In a sentence that announces plans any event noun counts; in one that only
        wishes or proposes, a named kind of event ("festival", not "proje") right
        before the wish ("bir kültür festivali düzenlenmesi kararlaştırıldı").
        """
        tokens = self.tokens
        for at in indices:
            head = tokens[at]
            kind = plan_head(head)
            if kind not in ("event", "activity") or not head.word or head.capitalised:
                continue
            if not planned and (kind != "event" or not self._cue_in(range(at + 1, min(at + 6, indices.stop)),
                                                                     frozenset({"intent"}))):
                continue
            if at + 1 < len(tokens) and tokens[at + 1].key.startswith(TIME_POSTPOSITIONS):
                continue
            occasion = self._occasion(indices, at)
            if occasion:
                first, end = occasion
                yield f"{self.m.span_text(first, end)} etkinlikleri", first, at + 1
                continue
            following = tokens[at + 1].key if at + 1 < len(tokens) else ""
            joins = any(t.key.startswith("katil") for t in tokens[at + 1:at + 3])  # "festivale (bizzat) katılacak"
            case = plan_head_case(head)
            if case == "locative" or (case == "dative" and joins) or (
                    case == "genitive" and following.startswith(EVENT_PARTS)):
                # "üç günlük programda", "festivale katılacak", "programın açılışı": an event spoken of
                # (not "festivalin düzenlenmesi", "serilerinin planlandığını", which announce one)
                continue
            if self._part_of_event(indices, at):
                continue
            if kind == "activity" and any(self._quoted_names(range(at + 1, indices.stop))):
                continue  # "ilk büyük etkinliğinin ... “Özbek Pilavı Şenliği” olacağını": the name follows
            first = at
            while first - 1 >= indices.start and at - first < 12:
                previous = tokens[first - 1]
                if not previous.word or previous.key in NP_BOUNDARIES or previous.key.startswith(("kardes", "protokol")) \
                        or previous.suffix in ACCUSATIVE_OR_ABLATIVE \
                        or plan_head(previous) in ("event", "activity") \
                        or self._cue(first - 1, frozenset({"plan", "intent"})) or _finite(previous):
                    break
                first -= 1
            while first < at and (tokens[first].key in DETERMINERS or tokens[first].key in VAGUE_OPENERS):
                first += 1  # "Bu etkinliklerin", "bir dizi etkinlik", "çeşitli etkinlikler": no name of an event
            words = [t for t in tokens[first:at] if t.key != "bir"]
            boundary = first - 1
            while boundary > indices.start and tokens[boundary].key in DETERMINERS:
                boundary -= 1
            if not words or tokens[boundary].key in NAMED:
                continue  # "“Dostluk Sofrası” adlı ortak festival": the event is the quoted name
            label = " ".join([*(t.text for t in words), _nominative(head)])
            yield label, first, at + 1

    def _proposed_things(self, indices: range) -> Iterable[tuple[str, int, int]]:
        """Things proposed by what is to be done with them, whatever their head noun: "iki dilli bir kitap köşesi
        oluşturulmasını önerdi", "konsolosluk danışma günü düzenlemesini önerdi"; not a twinning ("kardeş şehir
        ilişkisi kurulmasını"), which is read as one."""
        tokens = self.tokens
        for at in indices:
            if not (tokens[at].key.startswith(MADE_TO_BE) and at - 1 > indices.start
                    and any(t.key.startswith(PROPOSED) for t in tokens[at + 1:min(at + 3, indices.stop)])):
                continue
            head = self._proposed_head(indices, at)
            if head is None:
                continue
            first = head
            while first - 1 >= indices.start and head - first < 5:
                if self._inside_proposed_thing(tokens[first - 1]):
                    first -= 1
                elif tokens[first - 1].key == "ve" and first - 2 >= indices.start \
                        and self._inside_proposed_thing(tokens[first - 2]):
                    first -= 2  # "ortak bir üretim ve satış projesi"
                else:
                    break
            words = [t.text for t in tokens[first:head] if t.key not in DETERMINERS]
            if not words or any(t.key.startswith(("kardes", "iliski", "is", "girisim", "calisma"))
                                for t in tokens[first:head + 1]) or tokens[first - 1].key in NAMED:
                continue  # a bare noun names nothing; a twinning, cooperation or initiative is no thing of its own;
                # "“Karadeniz Sofrası” adlı bir festival" is the quoted name
            place = next((p for p in self.m.places if p.end == first and p.suffix in LOCATIVE), None)
            if place is not None:  # "Deventer'de bir Kaman kültür evi": where it is to be opens its name
                first = place.first
                words.insert(0, self.m.span_text(place.first, place.end, strip_suffix=False))
            yield " ".join([*words, _strip_genitive(tokens[head].text)]), first, at

    def _proposed_head(self, indices: range, made: int) -> int | None:
        """The head noun of what is to be made, before the verbal noun at `made`: right before it ("bir kitap
        köşesi oluşturulmasını"), or in the genitive before where it is to be ("bir gurbetçi danışma ofisinin
        Yozgat Belediyesi bünyesinde kurulmasını"); not a name ("“Kayseri Evi” açılması"), read as one."""
        tokens = self.tokens
        for at in range(made - 1, max(made - 5, indices.start), -1):
            token = tokens[at]
            if not token.word or self._cue(at, frozenset({"plan", "intent"})):
                return None
            if token.capitalised or token.suffix:
                if at == made - 1 or token.key.endswith(GENITIVE_ENDINGS):
                    return None
                continue  # "Yozgat Belediyesi bünyesinde": a name in where the thing is to be
            if token.key.endswith(GENITIVE_ENDINGS) and len(token.key) > 5:
                return at  # "pazarının", "replikasının": the thing, told before where it is to be
            if not token.key.endswith(LOCATIVE):
                return at if at == made - 1 else None
        return None

    def _inside_proposed_thing(self, token: Token) -> bool:
        """Whether a word before the head noun of a proposed thing still describes it: not a boundary, a verb or
        participle, a word in a case ("sahil parkında", "Emirdağ'a") or a cue."""
        key = token.key
        if key in ADVERBS_IN_A_CASE:
            return True
        return token.word and not token.suffix and key not in NP_BOUNDARIES and key not in VAGUE_OPENERS | {"her"} \
            and (token.capitalised or not (_finite(token) or key.endswith(PARTICIPLE_ENDINGS))) \
            and not key.endswith(("da", "de", "ta", "te", "dan", "den", "nin", "nun", "in", "un", "yle", "yla", "lara",
                                  "lere")) \
            and not self._cue(token.index, frozenset({"plan", "intent"}))

    def _part_of_event(self, indices: range, head: int) -> bool:
        """Whether the event at `head` is part of another: what an event told in the locative will hold
        ("Festivalde ... fotoğraf sergisi yer alacak", "etkinlikte ... sergisinin"), or the possession of a
        quoted one ("“Andong Günleri”nin programını")."""
        tokens = self.tokens
        if head >= 2 and tokens[head - 2].text in CLOSING_QUOTES and tokens[head - 1].start == tokens[head - 2].end:
            return True
        return any(plan_head(tokens[at]) in ("event", "activity") and plan_head_case(tokens[at]) == "locative"
                   and (at == indices.start or not tokens[at].capitalised)  # not "Nevruz Festivali'nde"
                   and not tokens[at].key.startswith(PROGRAMME)
                   for at in range(indices.start, head))

    def _occasion(self, indices: range, head: int) -> tuple[int, int] | None:
        """"X dolayısıyla ... etkinlik": the phrase X that the events mark."""
        tokens = self.tokens
        marker = next((at for at in range(head - 1, indices.start - 1, -1)
                       if tokens[at].key in OCCASIONS), None)
        if marker is None:
            return None
        first = marker
        while first - 1 >= indices.start and tokens[first - 1].word and not _finite(tokens[first - 1]) \
                and marker - first < 12:
            first -= 1
        return (first, marker) if first < marker else None

    def _gatherings(self, indices: range) -> Iterable[tuple[str, int, int]]:
        """"Federasyon yönetim kurulunun ... toplanacağını": a body that will convene."""
        tokens = self.tokens
        for at, _cue in self._cue_in(indices, frozenset({"gathering"})):
            start = indices.start
            for back in range(at - 1, indices.start - 1, -1):
                if tokens[back].text in (",", ";"):
                    start = back + 1
                    break
            genitive = next((i for i in range(start, at) if tokens[i].key.endswith(GENITIVE_ENDINGS)), None)
            if genitive is None:
                continue
            subject = [t.text for t in tokens[start:genitive]] + [_strip_genitive(tokens[genitive].text)]
            yield f"{' '.join(subject)} toplantısı", start, at + 1

    # -- community figures ---------------------------------------------------

    def _read_communities(self) -> None:
        tokens = self.tokens
        residence = frozenset({"residence"})
        figures: list[tuple[int, Country]] = []  # every count of residents, of a city or not, for "bu sayı"
        for at in range(len(tokens)):
            country = self._nationality_at(at)
            if country is None:
                continue
            start = self._nationality_start(at)
            number = self._number_before(start)
            if number is None:
                after = self._number_after(at + 1)  # "... vatandaşlarının sayısının bin 200 civarında"
                if after is None:
                    continue
                count, qualifier, last = after
                # The residence is said before the nationality ("yaşayan Afganistan uyruklu nüfusun") or
                # after the count ("vatandaşlığı da taşıyan 20 bini aşkın kişi yaşıyor"), or the number of
                # them is where they are ("İlçede geçici koruma statüsündeki Suriyelilerin sayısının").
                first, lives, lived = start, range(last, min(last + 3, len(tokens))), range(max(start - 3, 0), start)
            else:
                count, qualifier, first = number
                last = at + 1
                # "150 Meksikalı ile 90 civarında Kolombiyalının yaşadığını": past the figure it is listed with
                listed = at + 1 < len(tokens) and tokens[at + 1].key in ("ile", "ve")
                lives = range(at + 1, min(at + (9 if listed else 4), len(tokens)))
                lived = range(max(first - 2, 0), first)  # "İzmir'de yaşayan 5 bin Azerbaycanlı"
            if not any(self._cue(i, residence) for i in (*lives, *lived)) and not (
                    number is None and self._number_of_those_in_a_place(start)):
                continue
            figures.append((at, country))
            place = self._residence_place(first, at + 1)
            if place is None:
                continue
            city, place_first = place
            end = max(lives.stop, last)
            while end > last and not self._cue(end - 1, residence):
                end -= 1
            self._add_community(CommunityStatistic(country, city, count, qualifier,
                                                   (self.span(min(place_first, first), max(end, place_first + 1)),)))
        for at, country in figures:
            self._read_part_of_figure(at, country)

    def _number_of_those_in_a_place(self, start: int) -> bool:
        """"İlçede geçici koruma statüsündeki Suriyelilerin sayısı", "İnegöl'deki Özbeklerin sayısı": the number
        of a nationality said of a city in the locative a few words before it, or of "kentte", "ilçede"; not of
        visitors counted with them ("turistlerle birlikte ilçedeki İngiliz sayısı")."""
        clause = range(max(start - 8, 0), start)
        if any(self.tokens[at].key.startswith(VISITORS) for at in clause
               if self.tokens[at].sentence == self.tokens[start].sentence):
            return False
        for at in range(max(start - 4, 0), start):
            if self.tokens[at].sentence != self.tokens[start].sentence:
                continue
            place = self.m.place_at(at)
            if (place and place.end <= start and not place.container
                    and (self._located_in(place) or place.suffix in LOCATIVE_KI)) \
                    or self.tokens[at].key in OUR_CITY:
                return True
        return False

    def _add_community(self, statistic: CommunityStatistic) -> None:
        if not any(s.nationality == statistic.nationality and s.city == statistic.city
                   and s.count == statistic.count for s in self.communities):
            self.communities.append(statistic)

    def _read_part_of_figure(self, figure: int, country: Country) -> None:
        """A city's share of a figure just given, said by referring back to it: "Türkiye genelinde 9 bini aşkın
        Karadağ vatandaşı yaşıyor, bunlardan iki bin beş yüz civarı İnegöl'de", "Giresun'da ise bu sayı on";
        or in the next sentence, if it opens by referring back: "... yaşıyor. Bunlardan 6 bine yakını Bursa'da"."""
        tokens = self.tokens
        sentence = self.m.sentence_range(tokens[figure].sentence)
        if sentence.stop < len(tokens) and tokens[sentence.stop].key in PART_OF_FIGURE:
            sentence = range(sentence.start, self.m.sentence_range(tokens[sentence.stop].sentence).stop)
        for at in range(figure + 1, sentence.stop):
            key = tokens[at].key
            if key in PART_OF_FIGURE:
                start = at + 1
            elif key == "bu" and at + 1 < sentence.stop and tokens[at + 1].key.startswith("sayi"):
                start = at + 2
            else:
                continue
            number = self._count_at(start, sentence.stop)
            if number is None:
                return
            count, qualifier, end = number
            place = self._clause_place(figure + 1, at, end, sentence.stop)
            if place is not None:
                span_first, span_end = min(place.first, at), max(place.end, end)
                self._add_community(CommunityStatistic(country, place.city, count, qualifier,
                                                       (self.span(span_first, span_end),)))
            return

    def _count_at(self, at: int, stop: int) -> tuple[int, Qualifier, int] | None:
        """A count and its qualifier from token `at` on: "yaklaşık 60", "en az dört bin", "on kişi kadar",
        "350 civarında"; and the index after them."""
        tokens = self.tokens
        qualifier = None
        if at < stop and tokens[at].key in ABOUT_BEFORE:
            qualifier, at = Qualifier.ABOUT, at + 1
        elif at + 1 < stop and tokens[at].key == "en" and tokens[at + 1].key == "az":
            qualifier, at = Qualifier.AT_LEAST, at + 2
        words: list[Token] = []
        while at < stop and _number_value(tokens[at]) is not None:
            words.append(tokens[at])
            at += 1
        if not words or (at < stop and tokens[at].key.startswith("kat")):
            return None  # "sayısının üç katına çıktığını": a multiple, not a count
        if at < stop and tokens[at].key.startswith("kisi"):
            at += 1
        after = _qualifier(tokens[at]) if at < stop else None
        if after:
            qualifier, at = after, at + 1
        return _count(words), qualifier or Qualifier.EXACT, at

    def _located_in(self, place: PlaceMention) -> bool:
        """Whether a place is where something is: in the locative ("Schaerbeek'te", "Schaerbeek belediyesinde"), or
        followed by words that say so."""
        if self._phrase_suffix(place) in LOCATIVE:
            return True
        following = " ".join(t.key for t in self.tokens[place.end:place.end + 2] if t.word)
        return any(following == words or following.startswith(words + " ") for words in THROUGHOUT)

    def _clause_place(self, after: int, anaphor: int, end: int, stop: int) -> PlaceMention | None:
        """The city in the locative that a share of a figure is about: the last before the words that refer
        back ("Giresun'da ise bu sayının"), else the first after the count ("civarının İnegöl'de")."""
        cities = [p for p in self.m.places if self._located_in(p) and not p.container]
        before = [p for p in cities if after <= p.first and p.end <= anaphor]
        if before:
            return before[-1]
        return next((p for p in cities if end <= p.first < min(end + 3, stop)), None)

    def _nationality_at(self, index: int) -> Country | None:
        """A demonym ("Kazak", "Azerbaycanlılar"), a country's citizens ("Azerbaycan vatandaşı"), or a foreign
        envoy's own ("yaklaşık dört bin vatandaşımız var", says the consul general)."""
        token = self.tokens[index]
        if token.key.startswith(OUR_PEOPLE):
            return self._envoys_country(index)
        if not token.capitalised:
            return None
        demonym = gazetteer.demonym_of(token.key)
        if demonym:
            return demonym
        country = self.m.country_at(index)
        following = self.tokens[index + 1].key if index + 1 < len(self.tokens) else ""
        if country and country.end == index + 1 and following.startswith(("vatandas", "uyruklu", "pasaport")):
            return country.country
        return None

    def _envoys_country(self, index: int) -> Country | None:
        """The foreign country that the person named nearest `index`, within a sentence or two, serves: whose
        citizens "vatandaşlarımız" are in the words he is quoted with."""
        sentence = self.tokens[index].sentence
        near = [m for m in self.m.persons if abs(self.tokens[m.first].sentence - sentence) <= 2]
        for mention in sorted(near, key=lambda m: abs(m.first - index)):
            served = self._countries_served_abroad(mention.person)
            if served:
                return served.pop() if len(served) == 1 else None
        return None

    def _nationality_start(self, index: int) -> int:
        country = self.m.country_at(index)
        return country.first if country else index

    def _number_before(self, index: int) -> tuple[int, Qualifier, int] | None:
        """The count before a demonym: "3 bini aşkın", "yirmi beşe yakın", "3.500", "en az dört bin"; its
        qualifier, and where it starts."""
        tokens = self.tokens
        at = index - 1
        qualifier = _qualifier(tokens[at]) if at >= 0 else None
        if qualifier:
            at -= 1
        words: list[Token] = []
        while at >= 0 and (_number_value(tokens[at]) is not None):
            words.insert(0, tokens[at])
            at -= 1
        if not words:
            return None
        first = words[0].index
        if at >= 0 and tokens[at].key == "toplam":
            return None
        if at >= 0 and tokens[at].key in ABOUT_BEFORE:
            qualifier = Qualifier.ABOUT
        elif at >= 1 and tokens[at].key == "az" and tokens[at - 1].key == "en":
            qualifier, first = Qualifier.AT_LEAST, at - 1  # "en az dört bin Alman"
        return _count(words), qualifier or Qualifier.EXACT, first

    def _number_after(self, index: int) -> tuple[int, Qualifier, int] | None:
        """The count said of a nationality's number: "(vatandaşlarının) sayısı(nın) bin 200 civarında",
        "sayısı ise yaklaşık 60", "Tacik öğrencilerin sayısının dört yüz elliyi aştığını"; or of those who
        hold its citizenship or passport: "Bulgaristan vatandaşlığını da taşıyan 20 bini aşkın (kişi)", "Kuzey
        Makedonya pasaportu taşıyan 2 bini aşkın hemşehri"."""
        tokens = self.tokens
        at = index
        if at + 1 < len(tokens) and tokens[at].key.startswith(("vatandaslig", "pasaport")):
            at += 2 if tokens[at + 1].key in ("da", "de") else 1
            if at < len(tokens) and tokens[at].key in CITIZENSHIP_HELD:
                return self._count_at(at + 1, len(tokens))
            return None
        while at < min(index + 2, len(tokens)) and tokens[at].key.startswith(("vatandas", "uyruklu", "kisi",
                                                                               *GROUP_NOUNS)):
            at += 1  # "Afganistan uyruklu kişi sayısının"
        if at >= len(tokens) or not tokens[at].key.startswith(("sayisi", "nufus")):  # "uyruklu nüfusun"
            return None
        at += 1
        while at < min(index + 8, len(tokens)) and tokens[at].key in BEFORE_A_COUNT:
            at += 1  # "sayısının da", "sayısının bugün itibarıyla tam 6 bin 214"
        return self._count_at(at, len(tokens))

    def _opens_a_name_in_the_locative(self, place: PlaceMention) -> bool:
        """"Siirt Üniversitesi’nde okuyan ...": a place that opens the name of a body said in the locative
        (not one inside it: "Erzincan Binali Yıldırım Üniversitesi"), or in the dative of those enrolled
        there ("Sivas Cumhuriyet Üniversitesi'ne kayıtlı")."""
        return any(org.first == place.first and (self.tokens[org.head].suffix in LOCATIVE or (
            self.tokens[org.head].suffix in DATIVE and org.head + 1 < len(self.tokens)
            and self.tokens[org.head + 1].key.startswith("kayitli"))) for org in self.m.orgs)

    def _listed(self, place: PlaceMention) -> bool:
        """True when the place closes a list of places ("A, B ve C'de")."""
        before = place.first - 1
        return before > 0 and self.tokens[before].key in (",", "ve") and self.m.place_at(before - 1) is not None

    def _residence_place(self, index: int, after: int) -> tuple[City, int] | None:
        """The one city that the figure starting at `index` is about, and where its name starts: "İzmir’de
        3 bini aşkın", "Kayseri'deki üniversitelerde", the article's own city in "kentimizde" (before the
        figure, or right `after` it: "Etiyopyalı öğrencinin kentte"), a city in the locative right after it,
        else the city that opens the name of
        a body in the locative ("Siirt Üniversitesi’nde öğrenim gören")."""
        sentence = self.tokens[index].sentence
        for place in reversed(self.m.places):
            if place.end <= index and self.tokens[place.first].sentence == sentence:
                if place.suffix not in LOCATIVE_KI and not self._located_in(place):
                    continue
                if self._listed(place):
                    return None  # "Prizren, Priştine ve Mitrovitsa'da toplam ...": a sum over places
                return place.city, place.first
        ours = self._speakers_city(sentence)
        for at in range(index - 1, -1, -1):
            if self.tokens[at].sentence != sentence:
                break
            if ours and self.tokens[at].key in OUR_CITY:
                return self._city_spoken_of(at) or ours, at
            if ours and self.tokens[at].key == "genelinde" and at and self.tokens[at - 1].key in ("il", "ilce", "kent"):
                return ours, at - 1  # "il genelinde", said by the province's governor
        for at in range(after, min(after + 3, len(self.tokens))):
            if ours and self.tokens[at].key in OUR_CITY and self.tokens[at].sentence == sentence:
                return ours, at
        for place in self.m.places:  # "450 Türkmen işçinin de Karabük'te yaşadığını": the city right after
            if after <= place.first < after + 3 and self.tokens[place.first].sentence == sentence \
                    and self._located_in(place) and not self._listed(place):
                return place.city, place.first
        return next(((p.city, p.first) for p in reversed(self.m.places) if p.end <= index
                     and self.tokens[p.first].sentence == sentence and self._opens_a_name_in_the_locative(p)), None)

    def _city_spoken_of(self, at: int) -> City | None:
        """The city "kentte", "şehirdeki" at `at` refer back to: the Turkish city named last in this sentence or
        the one before ("Sultan, Gaziantep'in Iraklılar için ikinci bir yuva olduğunu söyledi. ... kentte 11 bin
        846 Irak vatandaşının"); None for "kentimizde", the speaker's own."""
        if self.tokens[at].key not in THE_CITY:
            return None
        earliest = self.m.sentence_range(max(self.tokens[at].sentence - 1, 0)).start
        named = {index for m in self.m.persons for index in range(m.first, m.end)}  # "Ali", "Taşdelen": people
        return next((p.city for p in reversed(self.m.places) if earliest <= p.first and p.end <= at
                     and p.first not in named and gazetteer.is_home_division(p.city.label_tr)
                     and not self._seats_a_mission(p)), None)  # not "Somali'nin Ankara Büyükelçisi"

    def _speakers_city(self, sentence: int) -> City | None:
        """The city "kentte", "ilçemizde" mean in a sentence: the one whose mayor or governor the sentence
        names, when it names officials of one city only ("İnegöl Belediye Başkanı Uçar, ilçede ..."),
        else the article's own."""
        cities = self._cities_served(self.m.sentence_range(sentence),
                                     (OrgKind.MUNICIPALITY, OrgKind.GOVERNORSHIP, OrgKind.PROVINCIAL_ADMINISTRATION))
        if len(cities) == 1 and (self.home is None or self.home.key not in cities):
            return next(iter(cities.values()))
        return self.home


def _body_key(org: Organization) -> str | None:
    """What makes two people one party: a municipality's city (its mayor and council), an association; None
    for other bodies."""
    if org.kind == OrgKind.MUNICIPALITY and org.city:
        return org.city.key
    return org.key if org.kind == OrgKind.ASSOCIATION else None


def _year(token: Token) -> int | None:
    """The year a token writes in four digits ("2016", "2016'da"), or None."""
    return int(token.stem) if token.stem.isdigit() and len(token.stem) == 4 else None


def _days_ago(tokens: list[Token], at: int) -> int | None:
    """How many days before the header's date a word at `at` says: "bugün" 0, "dün" 1, "önceki gün" 2."""
    key = tokens[at].key
    if key in RELATIVE_DAYS:
        return RELATIVE_DAYS[key]
    if key in ("onceki", "evvelki") and at + 1 < len(tokens) and tokens[at + 1].key == "gun" \
            and (at == 0 or tokens[at - 1].key != "bir"):  # "bir önceki gün": the day before another
        return 2
    return None


def _another_agreement(known: _Twinning, found: _Twinning) -> bool:
    """Two agreements of one pair: another kind signed in another year ("2011'de bir dostluk protokolü
    imzalanmıştı", and now a sister-city one)."""
    return (known.kind != found.kind and known.signed is not None and found.signed is not None
            and known.signed[:4] != found.signed[:4])


def _qualifier(token: Token) -> Qualifier | None:
    """The qualifier a word beside a count gives it: "aşkın" at least, "civarında" about; None for others."""
    if token.key.startswith(AT_LEAST):
        return Qualifier.AT_LEAST
    return Qualifier.ABOUT if token.key.startswith(ABOUT) else None


def _day_of_month_before(day: datetime.date, day_of_month: int) -> datetime.date:
    """The last `day_of_month` on or before `day`: "ayın 5'inde" in a report of the 7th is the 5th."""
    if day_of_month <= day.day:
        return day.replace(day=day_of_month)
    last_month = day.replace(day=1) - datetime.timedelta(days=1)
    return last_month.replace(day=day_of_month)


def _weekday_before(day: datetime.date, weekday: int) -> datetime.date:
    """The last `weekday` (Monday 0) on or before `day`."""
    return day - datetime.timedelta(days=(day.weekday() - weekday) % 7)


def _last_before(day: datetime.date, month: int, day_of_month: int) -> datetime.date:
    """The last `day_of_month` of `month` on or before `day`: a news report's "12 Mart'ta" is in the past."""
    date = datetime.date(day.year, month, day_of_month)
    return date if date <= day else date.replace(year=day.year - 1)


def _number_value(token: Token) -> int | None:
    """The value of a digit group ("3.500", "500'den") or a number word ("beşe", "bini")."""
    stem = token.stem.replace(".", "")
    if stem.isdigit():
        return int(stem)
    for word, value in number_words().items():
        if inflects(token.key, word) or token.key == word:
            return value
    return None


def _ordinal_value(token: Token) -> int | None:
    """The value of an ordinal: "20.", "onuncu", "yirminci", "beşinci"."""
    if token.stem.endswith(".") and token.stem[:-1].isdigit():
        return int(token.stem[:-1])
    for ending in ("uncu", "inci", "nci", "ncu"):
        if token.key.endswith(ending) and token.key[:-len(ending)] in number_words():
            return number_words()[token.key[:-len(ending)]]
    return None


def _count(words: list[Token]) -> int:
    """Turkish number words and digits to an integer: "1 milyon 600 bin" -> 1600000."""
    total, current = 0, 0
    for token in words:
        value = _number_value(token) or 0
        if value >= 1000:
            total += max(current, 1) * value
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        else:
            current += value
    return total + current


def _finite(token: Token) -> bool:
    """A finite verb or a converb ends a noun phrase: "-dı", "-yor", "-mış", "-erek" forms."""
    return token.key.endswith(("di", "du", "ti", "tu", "yor", "yordu", "misti", "dir", "tir", "erek", "arak"))


def _nominative(token: Token) -> str:
    """A head noun without its case ending: "kutlamasına" -> "kutlaması", "fuarına" -> "fuarı"."""
    text = token.stem
    for ending in ("ndan", "nden", "nda", "nde", "nin", "nın", "nun", "nün", "na", "ne", "yı", "yi"):
        if text.endswith(ending) and len(text) > len(ending) + 3 and text[-len(ending) - 1] in "ıiuü":
            return text[: -len(ending)]
    for ending in ("larda", "lerde", "lara", "lere"):
        if text.endswith(ending):
            return text[: -len(ending) + 3] + ("ı" if ending.startswith("la") else "i")
    return text


def _named_work(token: Token) -> str:
    """The head of a work's name, whatever case it is in: "parka" -> "parkı", "kütüphaneye" -> "kütüphanesi"."""
    return next((named for noun, named in work_names().items() if inflects(token.key, noun)), token.stem)


def _strip_genitive(text: str) -> str:
    for ending in ("nın", "nin", "nun", "nün"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def _inner_case(key: str) -> str:
    """The case ending after the possessive of "Belediyesi’nde"-like words written without apostrophe:
    "nde", "ne", "yle" ("kentiyle")."""
    match = re.search(r"s?[iu](n?(?:[dt][ae]n?|[iu]n|[ae])|y?l[ae])$", key)
    return match.group(1) if match else ""

