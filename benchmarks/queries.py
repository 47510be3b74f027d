"""The query mix: what analysts and services send to cityrel, as SPARQL text with its parameters.

Each query is sent unchanged to every server of the benchmark. The project's
named queries (queries/*.rq) are bound exactly as the service binds them for
/api/queries (`NamedQuery.bind`, VALUES at the head of the WHERE group), so the
text is what the REST routes send to the engine; the others are written here.
The parameters are the graph's busiest city (İzmir), its mayor, and the
countries that the seed articles are about.

    python benchmarks/queries.py            # print the mix
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cityrel.queries import load_queries

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/cityrel/id/"
IZMIR = f"{BASE}city/geonames-311046"
PREFIXES = """PREFIX crel: <https://w3id.org/cityrel/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@dataclass(frozen=True)
class MixQuery:
    """One query of the mix: its name, what kind of work it is, and its text."""

    name: str
    kind: str
    text: str
    graph: bool = False
    """Whether the answer is a graph (DESCRIBE, CONSTRUCT) rather than solutions."""

    @property
    def accept(self) -> str:
        return "application/n-triples" if self.graph else "application/sparql-results+json"


_WRITTEN = {
    "article-by-iri": ("point lookup", f"""
SELECT ?p ?o WHERE {{ <{BASE}article/gen-0000123> ?p ?o }}"""),
    "person-posts": ("point lookup", f"""{PREFIXES}
SELECT DISTINCT ?role ?organization ?label WHERE {{
  ?post org:member <{BASE}person/cemil-tugay> ; org:role ?role ; org:organization ?organization .
  OPTIONAL {{ ?organization rdfs:label ?label }}
}}"""),
    "meetings-of-year": ("join", f"""{PREFIXES}
SELECT ?meeting ?date ?person ?personLabel ?role ?organizationLabel WHERE {{
  ?meeting a crel:Meeting ; prov:wasDerivedFrom ?article ; crel:participant ?person .
  OPTIONAL {{ ?meeting crel:date ?meetingDate }}
  OPTIONAL {{ ?article schema:datePublished ?published }}
  BIND(COALESCE(?meetingDate, ?published) AS ?date)
  # A range, not YEAR(?date) = 2024: Virtuoso evaluates YEAR on an unbound date despite a BOUND test first.
  FILTER(?date >= "2024-01-01"^^xsd:date && ?date < "2025-01-01"^^xsd:date)
  OPTIONAL {{ ?person rdfs:label ?personLabel }}
  OPTIONAL {{
    ?post org:member ?person ; org:role ?roleNode ; org:organization ?organization .
    BIND(STRAFTER(STR(?roleNode), "#") AS ?role)
    OPTIONAL {{ ?organization rdfs:label ?organizationLabel }}
  }}
}}
ORDER BY ?date ?meeting"""),
    "twinnings-per-country-pair": ("aggregation", f"""{PREFIXES}
SELECT ?a ?b (COUNT(DISTINCT ?agreement) AS ?agreements) WHERE {{
  ?agreement crel:party ?x , ?y .
  ?x crel:country/crel:countryCode ?a .
  ?y crel:country/crel:countryCode ?b .
  FILTER(STR(?a) < STR(?b))  # Virtuoso 7.2 orders the typed codes themselves wrongly (AU < AE)
}}
GROUP BY ?a ?b
ORDER BY DESC(?agreements) ?a ?b"""),
    "meetings-per-country-pair": ("aggregation", f"""{PREFIXES}
SELECT ?city ?country (COUNT(DISTINCT ?meeting) AS ?meetings) WHERE {{
  ?meeting a crel:Meeting ; crel:participant ?host , ?guest .
  ?hostPost org:member ?host ; org:role crel:Mayor ; org:organization/crel:governs ?city .
  ?guestPost org:member ?guest ; org:organization/crel:representsCountry ?country .
}}
GROUP BY ?city ?country
ORDER BY DESC(?meetings) ?city ?country"""),
    "label-search": ("label search", f"""{PREFIXES}
SELECT DISTINCT ?entity ?label WHERE {{
  ?entity rdfs:label ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), "kazak"))
}}
ORDER BY ?label"""),
    "twins-of-twins": ("property path", f"""{PREFIXES}
SELECT DISTINCT ?city ?label WHERE {{
  <{IZMIR}> crel:twinnedWith/crel:twinnedWith ?city .
  FILTER(?city != <{IZMIR}>)
  OPTIONAL {{ ?city rdfs:label ?label }}
}}
ORDER BY ?label"""),
    "twinning-reach": ("property path", f"""{PREFIXES}
SELECT (COUNT(DISTINCT ?city) AS ?reachable) WHERE {{ <{IZMIR}> crel:twinnedWith+ ?city }}"""),
    "describe-city": ("describe", f"DESCRIBE <{IZMIR}>"),
}

_NAMED = (  # (file, parameters, kind)
    ("city-twins", {"city": "geonames-311046"}, "city page"),
    ("missions-in-city", {"city": "geonames-311046"}, "city page"),
    ("calls-on-mayor", {"mayor": "cemil-tugay", "year": "2025"}, "join"),
    ("meetings-with-country", {"country": "kz"}, "join"),
    ("city-country-timeline", {"city": "geonames-311046", "country": "kz"}, "join"),
    ("article-facts", {"article": "seed-kazakhstan-consul"}, "point lookup"),
    ("community-statistics", {"nationality": "kz"}, "aggregation"),
)
_ORDER = ("article-by-iri", "person-posts", "article-facts", "city-twins", "missions-in-city", "calls-on-mayor",
          "meetings-with-country", "city-country-timeline", "meetings-of-year", "community-statistics",
          "twinnings-per-country-pair", "meetings-per-country-pair", "label-search", "twins-of-twins",
          "twinning-reach", "describe-city")


def mix(queries_dir: Path = ROOT / "queries", base: str = BASE) -> list[MixQuery]:
    """The mix, in a fixed order: point lookups first, then city pages, joins, aggregations, search, paths."""
    catalog = load_queries(queries_dir)
    found = {name: MixQuery(name, kind, text.strip(), graph=text.lstrip().startswith("DESCRIBE"))
             for name, (kind, text) in _WRITTEN.items()}
    for name, values, kind in _NAMED:
        found[name] = MixQuery(name, kind, catalog[name].bind(values, base_iri=base))
    return [found[name] for name in _ORDER]


REST = {
    "city page /api/cities/{id}": "/api/cities/geonames-311046",
    "named query /api/queries/city-twins": "/api/queries/city-twins?city=geonames-311046",
    "search /api/search?q=izmir": "/api/search?q=izmir",
}
"""REST routes that have no peer: measured on cityrel alone."""


if __name__ == "__main__":
    for query in mix():
        print(f"# {query.name} ({query.kind})\n{query.text}\n")
