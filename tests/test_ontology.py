"""The ontology: it parses, documents every term in English and Turkish, and says all the contract says."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from cityrel.model import Role
from cityrel.namespaces import CREL, ORG, OWL, RDF, RDFS
from cityrel.validate import resource_dir

ONTOLOGY = URIRef("https://w3id.org/cityrel/ontology")
VANN = "http://purl.org/vocab/vann/"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(resource_dir("ontology") / "cityrel.ttl", format="turtle")


def own(graph: Graph, kind: URIRef) -> list[URIRef]:
    """The crel: terms typed `kind`."""
    return sorted(term for term in graph.subjects(RDF.type, kind)
                  if isinstance(term, URIRef) and term.startswith(str(CREL)))


def terms(graph: Graph) -> list[URIRef]:
    return sorted({term for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                   for term in own(graph, kind)})


def languages(graph: Graph, term: URIRef, prop: URIRef) -> set[str | None]:
    return {value.language for value in graph.objects(term, prop) if isinstance(value, Literal)}


def test_the_header_names_version_licence_dates_and_prefix(ontology: Graph) -> None:
    for prop in (OWL.versionIRI, OWL.versionInfo, DCTERMS.license, DCTERMS.created, DCTERMS.modified):
        assert ontology.value(ONTOLOGY, prop) is not None, prop
    assert languages(ontology, ONTOLOGY, DCTERMS.title) >= {"en", "tr"}
    assert languages(ontology, ONTOLOGY, DCTERMS.description) >= {"en", "tr"}
    assert str(ontology.value(ONTOLOGY, URIRef(VANN + "preferredNamespacePrefix"))) == "crel"
    assert str(ontology.value(ONTOLOGY, URIRef(VANN + "preferredNamespaceUri"))) == str(CREL)
    assert str(ontology.value(ONTOLOGY, DCTERMS.modified)) == "2026-11-24"


def test_every_class_and_property_is_labelled_in_english_and_turkish(ontology: Graph) -> None:
    assert [term for term in terms(ontology) if languages(ontology, term, RDFS.label) < {"en", "tr"}] == []


def test_every_class_and_property_is_explained_and_defined_by_the_ontology(ontology: Graph) -> None:
    def explained(term: URIRef) -> bool:
        return "en" in languages(ontology, term, RDFS.comment) | languages(ontology, term, SKOS.definition)

    unexplained = [term for term in terms(ontology) if not explained(term)]
    undefined = [term for term in terms(ontology) if ontology.value(term, RDFS.isDefinedBy) != ONTOLOGY]
    assert (unexplained, undefined) == ([], [])


def test_every_property_has_a_domain_and_a_range(ontology: Graph) -> None:
    properties = own(ontology, OWL.ObjectProperty) + own(ontology, OWL.DatatypeProperty)
    assert properties
    assert [p for p in properties if ontology.value(p, RDFS.domain) is None] == []
    assert [p for p in properties if ontology.value(p, RDFS.range) is None] == []


CONTRACT_CLASSES = [
    # (class, the superclass the contract or the design states, or None)
    ("City", None), ("Country", None), ("Person", None),
    ("Municipality", ORG.Organization), ("Governorship", ORG.Organization),
    ("ProvincialAdministration", ORG.Organization),
    ("DiplomaticMission", ORG.Organization), ("Embassy", CREL.DiplomaticMission),
    ("ConsulateGeneral", CREL.DiplomaticMission), ("Consulate", CREL.DiplomaticMission),
    ("HonoraryConsulate", CREL.DiplomaticMission), ("ForeignService", ORG.Organization),
    ("Association", ORG.Organization),
    ("TwinningAgreement", None), ("SisterCityAgreement", CREL.TwinningAgreement),
    ("FriendshipAgreement", CREL.TwinningAgreement), ("CooperationAgreement", CREL.TwinningAgreement),
    ("Meeting", None), ("Proposal", None), ("PlannedEvent", None), ("CommunityStatistic", None),
    ("Evidence", None),
]


@pytest.mark.parametrize(("name", "parent"), CONTRACT_CLASSES, ids=[case[0] for case in CONTRACT_CLASSES])
def test_the_contract_classes_exist_where_the_contract_puts_them(
        ontology: Graph, name: str, parent: URIRef | None) -> None:
    assert (CREL[name], RDF.type, OWL.Class) in ontology
    if parent is not None:
        assert (CREL[name], RDFS.subClassOf, parent) in ontology


CONTRACT_PROPERTIES = [
    # (property, its kind, its range where the contract fixes it)
    ("countryCode", OWL.DatatypeProperty, None), ("governs", OWL.ObjectProperty, CREL.City),
    ("representsCountry", OWL.ObjectProperty, CREL.Country), ("locatedIn", OWL.ObjectProperty, CREL.City),
    ("acronym", OWL.DatatypeProperty, None), ("community", OWL.ObjectProperty, CREL.Country),
    ("party", OWL.ObjectProperty, CREL.City), ("signedDate", OWL.DatatypeProperty, None),
    ("participant", OWL.ObjectProperty, CREL.Person), ("date", OWL.DatatypeProperty, None),
    ("venue", OWL.ObjectProperty, None), ("proposedBy", OWL.ObjectProperty, CREL.Person),
    ("nationality", OWL.ObjectProperty, CREL.Country), ("residesIn", OWL.ObjectProperty, CREL.City),
    ("count", OWL.DatatypeProperty, None), ("countQualifier", OWL.DatatypeProperty, None),
    ("evidence", OWL.ObjectProperty, CREL.Evidence), ("quote", OWL.DatatypeProperty, None),
    ("start", OWL.DatatypeProperty, None), ("end", OWL.DatatypeProperty, None),
    ("mentionedIn", OWL.ObjectProperty, None),
]


@pytest.mark.parametrize(("name", "kind", "range_"), CONTRACT_PROPERTIES,
                         ids=[case[0] for case in CONTRACT_PROPERTIES])
def test_the_contract_properties_exist(
        ontology: Graph, name: str, kind: URIRef, range_: URIRef | None) -> None:
    assert (CREL[name], RDF.type, kind) in ontology
    if range_ is not None:
        assert ontology.value(CREL[name], RDFS.range) == range_


def test_twinned_with_is_symmetric_between_cities(ontology: Graph) -> None:
    assert (CREL.twinnedWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert ontology.value(CREL.twinnedWith, RDFS.domain) == CREL.City
    assert ontology.value(CREL.twinnedWith, RDFS.range) == CREL.City


TOPICS = {"Trade", "Culture", "Education", "Tourism", "UrbanPlanning", "Economy", "Youth", "Sport", "Health",
          "Environment"}


@pytest.mark.parametrize(("scheme", "names"), [
    (CREL.RoleScheme, {role.value for role in Role}),
    (CREL.TopicScheme, TOPICS),
], ids=["roles", "topics"])
def test_each_concept_scheme_has_exactly_its_concepts(
        ontology: Graph, scheme: URIRef, names: set[str]) -> None:
    concepts = set(ontology.subjects(SKOS.inScheme, scheme))
    assert concepts == {CREL[name] for name in names}
    for concept in concepts:
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert languages(ontology, concept, SKOS.prefLabel) == {"en", "tr"}, concept
        assert "en" in languages(ontology, concept, SKOS.definition), concept


def test_the_role_scheme_holds_the_contracts_thirteen_roles_each_an_org_role(ontology: Graph) -> None:
    roles = set(ontology.subjects(SKOS.inScheme, CREL.RoleScheme))
    assert len(roles) == 13
    assert [role for role in roles if (role, RDF.type, ORG.Role) not in ontology] == []
