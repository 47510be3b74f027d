"""The RDF namespaces cityrel writes, and the IRIs it mints.

rdflib's Namespace is a str subclass, so attribute access can hit str methods
(`CREL.count` is `str.count`): write `CREL["count"]` for such names.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

CREL = Namespace("https://w3id.org/cityrel/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
GEONAMES = Namespace("https://sws.geonames.org/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

PREFIXES = {
    "crel": CREL,
    "org": ORG,
    "prov": PROV,
    "schema": SCHEMA,
    "skos": SKOS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "dct": DCTERMS,
    "dcat": DCAT,
}

__all__ = ["CREL", "DCAT", "DCTERMS", "GEONAMES", "ORG", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA",
           "SKOS", "WIKIDATA", "XSD"]
