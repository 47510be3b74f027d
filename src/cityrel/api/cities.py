"""What a city's page adds to its description: twins, organisations and their people, meetings, communities.

Each section is one query bound to the city alone (`?s`), so that all of them
go to the store at once beside the description's own (`lookups.describe`);
each answers one row per item, aggregated in the engine, and has a bound. A
section cut at its bound is named in the description's `truncated`.

- twins: the other parties of the agreements naming the city, with the kinds
  of agreement, the earliest signing date stated, the number of distinct
  sources (articles, datasets) the agreement is derived from, and whether an
  imported dataset is one of them;
- organizations: the bodies that govern the city (municipality, governorship)
  or are located in it (missions with the country they represent, associations
  with the community they stand for), each with the people holding a post in it;
- meetings: the meetings of the latest articles that report one with a holder
  of a post in one of those organisations, with their people;
- communities: the counts of residents by nationality, each with its article.

What it costs, at a million triples (İzmir: 184 twins, 86 bodies, 120 posts,
1,656 meeting participations), is mostly the engine reading one index entry per
joined value and writing out one term per answered value, a few microseconds
each; so each query asks for what its section shows and no more:

- Meetings are ordered by their article's publication date, which the meeting's
  own graph holds (one lookup), not by the meeting's stated date (another lookup
  for each of 1,656 candidates); the stated date is read for the chosen ones.
- Posts carry no dates of their own ("posts are as of the article"). A role one
  person holds at a time (mayor, governor, head of mission, president) usually
  has one holder in an organisation, who is the `current` one; only where there
  were several are the publication dates of the articles stating each post read
  (`follow_up`), and the holder seen last is the current one.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from cityrel.api.resources import compact, href, type_name
from cityrel.api.terms import PREFIXES, RANKED_LABEL, Binding, Row, best_label, short_id
from cityrel.queries import iri_term

__all__ = ["COMMUNITIES_LIMIT", "MEETINGS_LIMIT", "ORGANIZATIONS_LIMIT", "POSTS_LIMIT", "QUERIES", "TWINS_LIMIT",
           "follow_up", "sections", "twin_labels"]

TWINS_LIMIT = 1000
ORGANIZATIONS_LIMIT = 500
POSTS_LIMIT = 1000
MEETINGS_LIMIT = 20
COMMUNITIES_LIMIT = 100

_CITY_BODIES = "{ ?org crel:governs ?s } UNION { ?org crel:locatedIn ?s }"

_TWINS = PREFIXES + f"""
SELECT ?other ?agreement ?kinds ?signed ?sources ?inDataset (SAMPLE(?country) AS ?inCountry) {RANKED_LABEL}
WHERE {{
  {{
    SELECT ?other ?agreement (GROUP_CONCAT(DISTINCT STR(?kind); separator=" ") AS ?kinds)
           (MIN(STR(?date)) AS ?signed) (COUNT(DISTINCT ?source) AS ?sources) (MAX(?fromDataset) AS ?inDataset)
    WHERE {{
      ?agreement crel:party ?s, ?other .
      FILTER(!sameTerm(?other, ?s))
      ?agreement a ?kind ; prov:wasDerivedFrom ?source .  # every fact has a source (the contract's rule)
      OPTIONAL {{ ?agreement crel:signedDate ?date }}
      BIND(EXISTS {{ ?source a crel:ImportedDataset }} AS ?fromDataset)
    }}
    GROUP BY ?other ?agreement
    LIMIT {TWINS_LIMIT + 1}
  }}
  OPTIONAL {{ ?other crel:country ?country }}
  OPTIONAL {{ ?other rdfs:label ?l }}
}}
GROUP BY ?other ?agreement ?kinds ?signed ?sources ?inDataset
"""

_ORGANIZATIONS = PREFIXES + f"""
SELECT ?org ?relation (GROUP_CONCAT(DISTINCT STR(?type); separator=" ") AS ?types)
       (SAMPLE(?country) AS ?represents) (SAMPLE(?countryName) AS ?representsLabel)
       (SAMPLE(?community) AS ?for) (SAMPLE(?communityName) AS ?forLabel) (SAMPLE(?acronym) AS ?short) {RANKED_LABEL}
WHERE {{
  {{ ?org crel:governs ?s BIND("governs" AS ?relation) }} UNION {{ ?org crel:locatedIn ?s BIND("locatedIn" AS ?relation) }}
  OPTIONAL {{ ?org a ?type }}
  OPTIONAL {{ ?org crel:representsCountry ?country
             OPTIONAL {{ ?country rdfs:label ?countryName FILTER(LANG(?countryName) = "tr") }} }}
  OPTIONAL {{ ?org crel:community ?community
             OPTIONAL {{ ?community rdfs:label ?communityName FILTER(LANG(?communityName) = "tr") }} }}
  OPTIONAL {{ ?org crel:acronym ?acronym }}
  OPTIONAL {{ ?org rdfs:label ?l }}
}}
GROUP BY ?org ?relation
LIMIT {ORGANIZATIONS_LIMIT + 1}
"""

_POSTS = PREFIXES + f"""
SELECT ?org ?person ?role {RANKED_LABEL}
WHERE {{
  {_CITY_BODIES}
  ?post org:organization ?org ; org:member ?person ; org:role ?role .
  OPTIONAL {{ ?person rdfs:label ?l }}
}}
GROUP BY ?org ?person ?role
LIMIT {POSTS_LIMIT + 1}
"""

_LAST_SEEN = PREFIXES + """
SELECT ?org ?person ?role (MAX(?seen) AS ?lastSeen) WHERE {
  ?post org:organization ?org ; org:role ?role ; org:member ?person ; prov:wasDerivedFrom ?article .
  OPTIONAL { ?article schema:datePublished ?published }
  BIND(COALESCE(STR(?published), "") AS ?seen)  # MAX of a group with an unbound value is unbound
}
GROUP BY ?org ?person ?role
"""
"""The latest publication date of the articles stating each post of some (organisation, role) pairs,
given as a VALUES block at the start of the WHERE group."""


def _meetings_query(dated: str) -> str:
    """The meetings of the latest articles reporting one with a holder of a post in the city's bodies, each
    with its people; `dated` finds the meeting (`?meeting`) of a holder (`?person`), its article
    (`?article`) and that article's date (`?published`)."""
    return PREFIXES + f"""
SELECT ?meeting ?article ?date ?published ?part ?who {RANKED_LABEL}
WHERE {{
  {{
    SELECT DISTINCT ?meeting ?article ?published WHERE {{
      {_CITY_BODIES}
      ?post org:organization ?org ; org:member ?person .
      {dated}
    }}
    ORDER BY DESC(?published)  # no tie-break by IRI: comparing IRIs reads their text
    LIMIT {MEETINGS_LIMIT + 1}
  }}
  OPTIONAL {{ ?meeting crel:date ?date }}
  {{ ?meeting crel:participant ?who BIND("participant" AS ?part) }}
  UNION {{ ?meeting crel:host ?who BIND("host" AS ?part) }}
  UNION {{ ?meeting crel:venue ?who BIND("venue" AS ?part) }}
  OPTIONAL {{ ?who rdfs:label ?l }}
}}
GROUP BY ?meeting ?article ?date ?published ?part ?who
"""


_MEETINGS = _meetings_query("GRAPH ?g { ?meeting crel:participant ?person . ?article schema:datePublished ?published }")
"""The meetings of dated articles: the date is found in the meeting's own graph, a lookup cheaper than
following prov:wasDerivedFrom, but one that leaves out the meetings of undated articles."""

_ALL_MEETINGS = _meetings_query("?meeting crel:participant ?person ; prov:wasDerivedFrom ?article . "
                                "OPTIONAL { ?article schema:datePublished ?published }")
"""The meetings of all articles, dated or not: asked only when the dated ones are fewer than the bound."""

_COMMUNITIES = PREFIXES + f"""
SELECT ?statistic ?nationality ?count ?qualifier ?article ?published (SAMPLE(?words) AS ?quote) {RANKED_LABEL}
WHERE {{
  ?statistic crel:residesIn ?s ; crel:nationality ?nationality ; crel:count ?count ; prov:wasDerivedFrom ?article .
  OPTIONAL {{ ?statistic crel:countQualifier ?qualifier }}
  OPTIONAL {{ ?article schema:datePublished ?published }}
  OPTIONAL {{ ?statistic crel:evidence/crel:quote ?words }}
  OPTIONAL {{ ?nationality rdfs:label ?l }}
}}
GROUP BY ?statistic ?nationality ?count ?qualifier ?article ?published
LIMIT {COMMUNITIES_LIMIT + 1}
"""

Rows = dict[str, list[Row]]

QUERIES = {"twins": _TWINS, "organizations": _ORGANIZATIONS, "posts": _POSTS, "meetings": _MEETINGS,
           "communities": _COMMUNITIES}
"""The sections' queries by name; `?s` is the city."""

_ONE_HOLDER = {"Mayor", "Governor", "Ambassador", "ConsulGeneral", "HonoraryConsul", "President",
               "SecretaryGeneral"}
"""Roles one person holds at a time in an organisation: the holder seen last is the current one."""

_BODY_ORDER = ["Municipality", "Governorship", "ProvincialAdministration", "Embassy", "ConsulateGeneral", "Consulate",
               "HonoraryConsulate", "DiplomaticMission", "ForeignService", "Association"]


def follow_up(rows: Rows) -> dict[str, str]:
    """Queries to send once `QUERIES` are answered: all meetings, when fewer than the bound are dated, and
    when a role one person holds at a time had several holders in an organisation, the dates of their posts."""
    queries = {}
    if len({row["meeting"]["value"] for row in rows["meetings"]}) <= MEETINGS_LIMIT:
        queries["meetings"] = _ALL_MEETINGS
    holders: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows["posts"][:POSTS_LIMIT]:
        if _local(row["role"]["value"]) in _ONE_HOLDER:
            holders[row["org"]["value"], row["role"]["value"]] += 1
    contested = sorted(pair for pair, count in holders.items() if count > 1)
    if contested:
        values = " ".join(f"({iri_term(org)} {iri_term(role)})" for org, role in contested)
        queries["last seen"] = _LAST_SEEN.replace("WHERE {", f"WHERE {{ VALUES (?org ?role) {{ {values} }}", 1)
    return queries


def twin_labels(rows: Rows) -> dict[str, str | None]:
    """The labels of the city's twins, by IRI, from the answer to the twins query."""
    return {row["other"]["value"]: best_label(row.get("label")) for row in rows["twins"]}


def sections(rows: Rows, base: str) -> tuple[dict[str, Any], list[str]]:
    """The city's sections from the answers to `QUERIES`, and the names of those cut at their bound."""
    bounds = {"twins": ("twins", TWINS_LIMIT), "organizations": ("organizations", ORGANIZATIONS_LIMIT),
              "organizations.posts": ("posts", POSTS_LIMIT), "communities": ("communities", COMMUNITIES_LIMIT)}
    cut = [section for section, (query, limit) in bounds.items() if len(rows[query]) > limit]
    meetings = _meetings(rows["meetings"], base)
    if len(meetings) > MEETINGS_LIMIT:
        cut.append("meetings")
    return {
        "twins": _twins(rows["twins"][:TWINS_LIMIT], base),
        "organizations": _organizations(rows["organizations"][:ORGANIZATIONS_LIMIT], rows["posts"][:POSTS_LIMIT],
                                        rows.get("last seen", []), base),
        "meetings": meetings[:MEETINGS_LIMIT],
        "communities": _communities(rows["communities"][:COMMUNITIES_LIMIT], base),
    }, cut


def _twins(rows: list[Row], base: str) -> list[dict[str, Any]]:
    twins = []
    for row in rows:
        signed = _text(row.get("signed"))
        kinds = sorted(name for name in (type_name([kind]) for kind in row["kinds"]["value"].split()) if name)
        if len(kinds) > 1:  # the general kind says nothing beside a specific one
            kinds = [kind for kind in kinds if kind != "TwinningAgreement"]
        twins.append({
            **_ref(row["other"], base, best_label(row.get("label"))),
            "country": _ref(row["inCountry"], base) if "inCountry" in row else None,
            "agreement": _ref(row["agreement"], base),
            "kinds": kinds,
            "signed": signed,
            "year": int(signed[:4]) if signed and signed[:4].isdigit() else None,
            "sources": int(row["sources"]["value"]),
            "inDataset": row.get("inDataset", {}).get("value") in ("true", "1"),
        })
    twins.sort(key=lambda twin: (_folded(twin["label"]), twin["iri"]))
    return twins


def _organizations(rows: list[Row], post_rows: list[Row], seen_rows: list[Row], base: str) -> list[dict[str, Any]]:
    seen = {(r["org"]["value"], r["person"]["value"], r["role"]["value"]): r["lastSeen"]["value"] for r in seen_rows}
    posts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in post_rows:
        org, person, role = row["org"]["value"], row["person"]["value"], row["role"]["value"]
        posts[org].append({
            "person": _ref(row["person"], base, best_label(row.get("label"))),
            "role": _local(role),
            "lastSeen": seen.get((org, person, role)) or None,  # "" when no article stating it is dated
        })
    organizations = [{
        **_ref(row["org"], base, best_label(row.get("label"))),
        "type": type_name(row["types"]["value"].split() if "types" in row else []),
        "relation": row["relation"]["value"],
        "acronym": _text(row.get("short")),
        "country": _ref(row["represents"], base, _text(row.get("representsLabel"))) if "represents" in row else None,
        "community": _ref(row["for"], base, _text(row.get("forLabel"))) if "for" in row else None,
        "posts": _current(posts[row["org"]["value"]]),
    } for row in rows]
    organizations.sort(key=lambda o: (o["relation"] != "governs", _position(_BODY_ORDER, o["type"]),
                                      _folded(o["label"]), o["iri"]))
    return organizations


def _current(posts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Posts by role; for a role one person holds at a time, whether this is the holder (the one seen last,
    where there were several)."""
    holders: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for post in posts:
        holders[post["role"]].append(post)
    for role, held in holders.items():
        latest = max((post["lastSeen"] or "" for post in held), default="")
        for post in held:
            post["current"] = (len(held) == 1 or (post["lastSeen"] or "") == latest) if role in _ONE_HOLDER else None
    posts.sort(key=lambda p: _folded(p["person"]["label"]))
    posts.sort(key=lambda p: p["lastSeen"] or "", reverse=True)  # stable sorts: the last key sorted is the first
    posts.sort(key=lambda p: p["role"])
    return posts


def _meetings(rows: list[Row], base: str) -> list[dict[str, Any]]:
    meetings: dict[str, dict[str, Any]] = {}
    for row in rows:
        meeting = meetings.get(row["meeting"]["value"])
        if meeting is None:
            meeting = meetings[row["meeting"]["value"]] = {
                **_ref(row["meeting"], base),
                "date": _text(row.get("date")),
                "published": _text(row.get("published")),
                "article": _ref(row["article"], base),
                "host": None, "participants": [], "venue": None,
            }
        who = _ref(row["who"], base, best_label(row.get("label")))
        if row["part"]["value"] == "participant":
            meeting["participants"].append(who)
        else:
            meeting[row["part"]["value"]] = who
    for meeting in meetings.values():
        meeting["participants"].sort(key=lambda p: (_folded(p["label"]), p["iri"]))
    latest = sorted(meetings.values(), key=lambda m: m["iri"])
    latest.sort(key=lambda m: m["date"] or m["published"] or "", reverse=True)
    return latest


def _communities(rows: list[Row], base: str) -> list[dict[str, Any]]:
    communities: list[dict[str, Any]] = [{
        **_ref(row["statistic"], base),
        "nationality": _ref(row["nationality"], base, best_label(row.get("label"))),
        "count": int(row["count"]["value"]),
        "qualifier": _text(row.get("qualifier")),
        "article": _ref(row["article"], base),
        "published": _text(row.get("published")),
        "quote": _text(row.get("quote")),
    } for row in rows]
    communities.sort(key=lambda c: c["iri"])
    communities.sort(key=lambda c: c["published"] or "", reverse=True)
    communities.sort(key=lambda c: _folded(c["nationality"]["label"]))
    return communities


def _ref(term: Binding, base: str, label: str | None = None) -> dict[str, Any]:
    """A node as JSON: IRI, short id, link to its description, label."""
    iri = term["value"]
    return {"iri": iri, "id": short_id(iri, base), "href": href(iri, base), "label": label}


def _text(term: Binding | None) -> str | None:
    return None if term is None else term["value"]


def _folded(label: str | None) -> str:
    return (label or "").casefold()


def _local(iri: str) -> str:
    """The local name of a cityrel term: "Mayor" for crel:Mayor."""
    return compact(iri).removeprefix("crel:")


def _position(order: list[str], name: str | None) -> int:
    return order.index(name) if name in order else len(order)
