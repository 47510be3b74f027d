"""SPARQL query text: what a query is, what it reaches out to, and named queries with typed parameters.

The service reads query text in three places, all here:

- `query_form(text)`: SELECT, ASK, CONSTRUCT, DESCRIBE, or an update, so the
  proxy can choose a result format and send updates away from /sparql.
- `remote_iris(text)`: the endpoints a query or update would connect to
  (SERVICE, LOAD), so that none is contacted unless allowed.
- Named queries: `queries/*.rq`, each with a grlc-style header and parameter
  variables `?_name_type` (required) or `?__name_type` (optional):

      #+ summary: A city's twins, with the year each agreement was signed
      #+ description: ...
      #+ tags: [cities, twinning]
      #+ params:
      #+   city: {description: The city, lookup: City, base: city/, example: geonames-311046}

  `NamedQuery.bind(values)` turns the request's values into typed RDF terms and
  adds them as one VALUES block at the start of the WHERE group. Values are never
  pasted into the query as text: each becomes exactly one IRI or literal token,
  which `bind` checks by reading the block back, so a value that carries SPARQL
  syntax can only fail to match.

All of it rests on `tokens(text)`, a lexer for SPARQL 1.1 that knows strings,
IRIs, prefixed names and comments well enough never to mistake text inside one
of them for a keyword.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml  # type: ignore[import-untyped]

from cityrel.errors import QueryError

__all__ = [
    "Form",
    "NamedQuery",
    "ParamType",
    "Parameter",
    "Token",
    "iri_term",
    "literal_term",
    "load_queries",
    "query_form",
    "remote_iris",
    "tokens",
    "with_values",
]

XSD = "http://www.w3.org/2001/XMLSchema#"


# -- Lexer -----------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    """One lexical unit of SPARQL text; `start`/`end` are offsets into the text."""

    kind: str
    """IRI, PNAME, VAR, STRING, LANG, WORD, NUMBER or PUNCT."""
    text: str
    start: int
    end: int

    def word(self) -> str | None:
        """The keyword in upper case, if this token is a bare word."""
        return self.text.upper() if self.kind == "WORD" else None


_PN_LOCAL_ESC = r"\\[_~.\-!$&'()*+,;=/?#@%]"
_TOKEN = re.compile(
    rf"""
    (?P<SPACE>\s+)
  | (?P<COMMENT>\#[^\n\r]*)
  | (?P<IRI><[^<>"{{}}|^`\\\x00-\x20]*>)
  | (?P<STRING>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              | '''(?:[^'\\]|\\.|'(?!''))*'''
              | "(?:[^"\\\n\r]|\\.)*"
              | '(?:[^'\\\n\r]|\\.)*')
  | (?P<VAR>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
  | (?P<PNAME>(?:[^\W\d_][\w.\-]*)?:(?:[\w:%\-.]|{_PN_LOCAL_ESC}|%[0-9A-Fa-f]{{2}})*)
  | (?P<LANG>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<WORD>[^\W\d][\w]*)
  | (?P<NUMBER>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<PUNCT>\^\^|\|\||&&|!=|<=|>=|.)
    """,
    re.VERBOSE | re.DOTALL,
)


def tokens(text: str) -> Iterator[Token]:
    """The tokens of `text`, without whitespace and comments.

    An unterminated string or IRI is not an error here (the engine reports
    syntax errors); its quote or bracket comes out as PUNCT.
    """
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        assert match is not None  # the last alternative matches any character
        kind, value = match.lastgroup or "PUNCT", match.group()
        if kind == "PNAME" and value.endswith(".") and len(value) > 1:
            value = value.rstrip(".")  # a local name cannot end with a dot: it ends the triple
        end = position + len(value)
        if kind not in ("SPACE", "COMMENT"):
            yield Token(kind, value, position, end)
        position = end


# -- Query form and remote endpoints ----------------------------------------


class Form(StrEnum):
    """What a request asks the engine to do."""

    SELECT = "SELECT"
    ASK = "ASK"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"
    UPDATE = "UPDATE"
    UNKNOWN = "UNKNOWN"

    @property
    def gives_graph(self) -> bool:
        return self in (Form.CONSTRUCT, Form.DESCRIBE)


_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


def query_form(text: str) -> Form:
    """The form of a query, read from its first keyword after the prologue (BASE, PREFIX)."""
    for token in _after_prologue(text):
        word = token.word() or ""
        if word in Form.__members__:
            return Form(word)
        if word in _UPDATE_WORDS:
            return Form.UPDATE
        return Form.UNKNOWN
    return Form.UNKNOWN


def remote_iris(text: str) -> list[str | None]:
    """The endpoints a query or update would contact: SERVICE targets and LOAD sources.

    Prefixed names are expanded with the text's PREFIX declarations and relative
    IRIs resolved against its BASE. An endpoint given by a variable, or one that
    cannot be resolved, is None: it cannot be checked, so it must be refused.
    """
    upper = text.upper()  # a substring test: most queries need not be read token by token
    if "SERVICE" not in upper and "LOAD" not in upper:
        return []
    prefixes, base = _prologue(text)
    found: list[str | None] = []
    stream = list(tokens(text))
    for index, token in enumerate(stream):
        if token.word() not in ("SERVICE", "LOAD"):
            continue
        following = [t for t in stream[index + 1 : index + 3] if t.word() != "SILENT"]
        target = following[0] if following else None
        found.append(_resolve(target, prefixes, base) if target is not None else None)
    return found


def _prologue(text: str) -> tuple[dict[str, str], str | None]:
    prefixes: dict[str, str] = {}
    base: str | None = None
    stream = list(tokens(text))
    for index, token in enumerate(stream):
        word = token.word()
        if word == "PREFIX" and index + 2 < len(stream) and stream[index + 2].kind == "IRI":
            iri = stream[index + 2].text[1:-1]
            prefixes[stream[index + 1].text.rstrip(":")] = urljoin(base, iri) if base else iri
        elif word == "BASE" and index + 1 < len(stream) and stream[index + 1].kind == "IRI":
            base = stream[index + 1].text[1:-1]
    return prefixes, base


def _resolve(token: Token, prefixes: Mapping[str, str], base: str | None) -> str | None:
    if token.kind == "IRI":
        iri = token.text[1:-1]
        if _ABSOLUTE_IRI.match(iri):
            return iri
        return urljoin(base, iri) if base else None
    if token.kind == "PNAME":
        prefix, _, local = token.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(_PN_LOCAL_ESC, lambda m: m.group()[1:], local)
    return None


def _after_prologue(text: str) -> Iterator[Token]:
    """The tokens after the prologue."""
    stream = tokens(text)
    for token in stream:
        word = token.word()
        if word == "BASE":
            next(stream, None)
        elif word == "PREFIX":
            next(stream, None)
            next(stream, None)
        else:
            yield token
            yield from stream
            return


# -- RDF terms in SPARQL syntax ---------------------------------------------------

_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_IRI_FORBIDDEN = re.compile(r"[<>\"{}|^`\\\x00-\x20]")


def iri_term(iri: str) -> str:
    """An absolute IRI as a SPARQL IRI token; QueryError for anything that is not one."""
    if not _ABSOLUTE_IRI.match(iri) or _IRI_FORBIDDEN.search(iri):
        raise QueryError(f"{iri!r} is not an absolute IRI.")
    return f"<{iri}>"


def literal_term(lexical: str, datatype: str | None = None) -> str:
    """A literal as one SPARQL string token (escaped), with its datatype if any."""
    escaped = lexical.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"' + (f"^^{iri_term(datatype)}" if datatype else "")


def with_values(text: str, row: Mapping[str, str | None]) -> str:
    """`text` with one VALUES row binding each variable to a term (None: UNDEF) at the start of its WHERE
    group, and again at the start of every group inside it that uses one of the variables itself.

    Why again: Oxigraph does not carry a binding from the start of the WHERE
    group into UNION branches and subqueries, which then run for every value
    (the city–country timeline at a million triples: 9 s bound once, 0.6 s bound
    in each group). The same row joins with itself, so the answers are those of
    one binding. The terms must come from `iri_term` / `literal_term`; the block
    is read back and refused unless every term is exactly one IRI or literal.
    """
    if not row:
        return text
    names = " ".join(f"?{name}" for name in row)
    terms = " ".join("UNDEF" if term is None else term for term in row.values())
    block = f"VALUES ({names}) {{ ({terms}) }}"
    _check_values_block(block, row)
    where = _where_group(text)
    groups = {where, *_groups_using(text, where, {f"?{name}" for name in row} | {f"${name}" for name in row})}
    for at in sorted(groups, reverse=True):
        text = f"{text[:at]} {block}\n{text[at:]}"
    return text


def _groups_using(text: str, where: int, variables: set[str]) -> set[int]:
    """The offsets just after the `{` of each group, from the WHERE group at `where` on, that itself
    (not only a group inside it) uses one of `variables`."""
    opened: list[int] = []
    using: set[int] = set()
    for token in tokens(text[where:]):
        if token.text == "{":
            opened.append(where + token.end)
        elif token.text == "}":
            if not opened:
                break  # the end of the WHERE group
            opened.pop()
        elif token.kind == "VAR" and token.text in variables and opened:
            using.add(opened[-1])
    return using


def _check_values_block(block: str, row: Mapping[str, str | None]) -> None:
    stream = list(tokens(block))
    values = stream[3 + len(row) + 2 : -2]  # VALUES ( vars ) { ( values ) }
    expected: list[str] = []
    for term in row.values():
        if term is None:
            expected.append("WORD")
        elif term.startswith("<"):
            expected.append("IRI")
        else:
            expected.extend(["STRING", "PUNCT", "IRI"] if "^^" in term else ["STRING"])
    if [t.kind for t in values] != expected:
        raise QueryError("A parameter value could not be written as a single RDF term.")


def _where_group(text: str) -> int:
    """The offset just after the `{` that opens the query's WHERE group."""
    depth = 0
    form: str | None = None
    where = False
    groups = 0  # top-level groups seen: CONSTRUCT's template comes before its WHERE group
    for token in _after_prologue(text):
        word = token.word()
        if depth == 0 and form is None and word in ("SELECT", "ASK", "DESCRIBE", "CONSTRUCT"):
            form = word
        where = where or (depth == 0 and word == "WHERE")
        if token.text == "{":
            if depth == 0 and form is not None and (where or form != "CONSTRUCT" or groups == 1):
                return token.end
            groups += depth == 0
            depth += 1
        elif token.text == "}":
            depth -= 1
    raise QueryError("The query has no WHERE group to bind parameters in.")


# -- Named queries ---------------------------------------------------------


class ParamType(StrEnum):
    """The suffix of a parameter variable (`?_year_integer`) and the RDF term it becomes."""

    IRI = "iri"
    STRING = "string"
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    DATE = "date"
    YEAR = "year"

    @property
    def json_schema(self) -> dict[str, Any]:
        return _JSON_SCHEMAS[self]


_JSON_SCHEMAS: dict[ParamType, dict[str, Any]] = {
    ParamType.IRI: {"type": "string"},
    ParamType.STRING: {"type": "string"},
    ParamType.INTEGER: {"type": "integer"},
    ParamType.DECIMAL: {"type": "number"},
    ParamType.BOOLEAN: {"type": "boolean"},
    ParamType.DATE: {"type": "string", "format": "date"},
    ParamType.YEAR: {"type": "string", "pattern": r"^-?\d{4}$"},
}

_PARAM_VARIABLE = re.compile(r"[?$](__?)([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)_([a-z]+)\b")
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_KEY = re.compile(r"^[\w.\-~/%]+$")

Resolver = Callable[[str, str], str | None]
"""Finds the IRI an entity name stands for: resolver(value, lookup class) -> IRI or None."""


@dataclass(frozen=True)
class Parameter:
    """A named query's parameter, read from its variable `?_name_type` and the header's `params`."""

    name: str
    variable: str
    type: ParamType
    required: bool
    description: str = ""
    example: str | None = None
    base: str | None = None
    """For IRI parameters: the path under the base IRI that a short id is relative to ("city/")."""
    lookup: str | None = None
    """For IRI parameters: the class whose labels a name may be looked up in ("City")."""

    def term(self, value: str, *, base_iri: str, resolve: Resolver | None = None) -> str:
        """The value as one SPARQL term of this parameter's type; QueryError if it is not one."""
        value = value.strip()
        try:
            return self._term(value, base_iri, resolve)
        except (ValueError, InvalidOperation):
            raise QueryError(f"Parameter {self.name!r}: {value!r} is not a valid {self.type.value}.") from None

    def _term(self, value: str, base_iri: str, resolve: Resolver | None) -> str:
        kind = self.type
        if kind is ParamType.IRI:
            return iri_term(self._iri(value, base_iri, resolve))
        if kind is ParamType.STRING:
            return literal_term(value)
        if kind is ParamType.INTEGER:
            return literal_term(str(int(value)), XSD + "integer")
        if kind is ParamType.DECIMAL:
            number = Decimal(value)
            if not number.is_finite():
                raise ValueError(value)
            return literal_term(str(number), XSD + "decimal")
        if kind is ParamType.BOOLEAN:
            if value.lower() not in ("true", "false", "1", "0"):
                raise ValueError(value)
            return literal_term("true" if value.lower() in ("true", "1") else "false", XSD + "boolean")
        if kind is ParamType.DATE:
            return literal_term(datetime.date.fromisoformat(value).isoformat(), XSD + "date")
        if not re.fullmatch(r"-?\d{4}", value):
            raise ValueError(value)
        return literal_term(value, XSD + "gYear")

    def _iri(self, value: str, base_iri: str, resolve: Resolver | None) -> str:
        if _ABSOLUTE_IRI.match(value) and "://" in value or value.startswith("urn:"):
            return value
        if resolve is not None and self.lookup:
            found = resolve(value, self.lookup)
            if found:
                return found
        if _KEY.match(value) and ".." not in value:
            path = self.base or ""
            return base_iri + (value if value.startswith(path) else path + value)
        raise ValueError(value)

    def openapi(self) -> dict[str, Any]:
        """This parameter as an OpenAPI parameter object."""
        description = self.description
        if self.type is ParamType.IRI:
            forms = ["an IRI"]
            if self.base:
                forms.append(f"a short id under {self.base}")
            if self.lookup:
                forms.append(f"a {self.lookup} name")
            description = f"{description} ({', '.join(forms)})".strip()
        spec: dict[str, Any] = {"name": self.name, "in": "query", "required": self.required,
                                "description": description, "schema": self.type.json_schema}
        if self.example is not None:
            spec["example"] = self.example
        return spec


@dataclass(frozen=True)
class NamedQuery:
    """One `queries/<name>.rq`: a SELECT query with a header and typed parameters."""

    name: str
    text: str
    summary: str
    description: str = ""
    tags: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)
    example: str | None = None
    """A query string for the documentation: "city=geonames-311046"."""

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    def bind(self, values: Mapping[str, str], *, base_iri: str, limit: int | None = None, offset: int = 0,
             resolve: Resolver | None = None) -> str:
        """The query text with `values` bound as typed terms, and with LIMIT/OFFSET.

        Raises QueryError for an unknown parameter, a missing required one, or a
        value that is not of its parameter's type.
        """
        unknown = sorted(set(values) - {p.name for p in self.parameters})
        if unknown:
            known = ", ".join(p.name for p in self.parameters) or "none"
            raise QueryError(f"Query {self.name!r} has no parameter {', '.join(unknown)} (its parameters: {known}).")
        row: dict[str, str | None] = {}
        for parameter in self.parameters:
            value = values.get(parameter.name)
            if value is None or value.strip() == "":
                if parameter.required:
                    raise QueryError(f"Query {self.name!r} needs the parameter {parameter.name!r}.")
                row[parameter.variable] = None
            else:
                row[parameter.variable] = parameter.term(value, base_iri=base_iri, resolve=resolve)
        text = with_values(self.text, row)
        if limit is not None:
            text += f"\nLIMIT {int(limit)}"
        if offset:
            text += f"\nOFFSET {int(offset)}"
        return text

    @classmethod
    def read(cls, path: Path) -> NamedQuery:
        """Read and check a named query file; QueryError says what is wrong with it."""
        name = path.stem
        if not _NAME.match(name):
            raise QueryError(f"{path}: a query name is lower case letters, digits and hyphens.")
        text = path.read_text(encoding="utf-8")
        header = _header(path, text)
        if query_form(text) is not Form.SELECT:
            raise QueryError(f"{path}: a named query must be a SELECT query.")
        _check_modifiers(path, text)
        _where_group(text)
        declared = header.get("params") or {}
        if not isinstance(declared, dict):
            raise QueryError(f"{path}: 'params' must map parameter names to their descriptions.")
        parameters = _parameters(path, text, declared)
        summary = str(header.get("summary") or "").strip()
        if not summary:
            raise QueryError(f"{path}: the header needs a '#+ summary:' line.")
        tags = header.get("tags") or []
        return cls(name=name, text=text, summary=summary, description=str(header.get("description") or "").strip(),
                   tags=tuple(str(tag) for tag in (tags if isinstance(tags, list) else [tags])),
                   parameters=parameters, example=header.get("example"))


def _header(path: Path, text: str) -> dict[str, Any]:
    lines = [line[2:].removeprefix(" ") for line in text.splitlines() if line.startswith("#+")]
    try:
        header = yaml.safe_load("\n".join(lines)) if lines else {}
    except yaml.YAMLError as error:
        raise QueryError(f"{path}: the '#+' header is not valid YAML: {error}") from None
    if not isinstance(header, dict):
        raise QueryError(f"{path}: the '#+' header must be 'key: value' lines.")
    return header


def _check_modifiers(path: Path, text: str) -> None:
    """Named queries get LIMIT and OFFSET from the request, so they must not set them (nor a trailing VALUES)."""
    depth = 0
    for token in tokens(text):
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
        elif depth == 0 and token.word() in ("LIMIT", "OFFSET", "VALUES"):
            raise QueryError(f"{path}: a named query must not end with {token.word()}; "
                             "the service adds LIMIT and OFFSET itself.")


def _parameters(path: Path, text: str, declared: Mapping[str, Any]) -> tuple[Parameter, ...]:
    found: dict[str, Parameter] = {}
    for token in tokens(text):
        match = _PARAM_VARIABLE.fullmatch(token.text) if token.kind == "VAR" else None
        if match is None:
            continue
        underscores, name, suffix = match.groups()
        if suffix not in ParamType.__members__.values():
            types = ", ".join(t.value for t in ParamType)
            raise QueryError(f"{path}: {token.text} has the unknown type {suffix!r} (types: {types}).")
        spec = declared.get(name) or {}
        if isinstance(spec, str):
            spec = {"description": spec}
        found.setdefault(name, Parameter(
            name=name, variable=token.text[1:], type=ParamType(suffix), required=underscores == "_",
            description=str(spec.get("description", "")), example=_str_or_none(spec.get("example")),
            base=_str_or_none(spec.get("base")), lookup=_str_or_none(spec.get("lookup"))))
    undeclared = sorted(set(declared) - set(found))
    if undeclared:
        raise QueryError(f"{path}: 'params' describes {', '.join(undeclared)}, which the query does not use.")
    return tuple(found.values())


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def load_queries(directory: Path) -> dict[str, NamedQuery]:
    """Every `*.rq` file in `directory`, by name; QueryError for the first that is not a valid named query."""
    if not directory.is_dir():
        return {}
    return {query.name: query for query in map(NamedQuery.read, sorted(directory.glob("*.rq")))}
