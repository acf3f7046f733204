"""What a request may do here, decided on the parsed query or update (rdflib's SPARQL
parser and algebra), not on its text.

Refused: a SERVICE whose endpoint is not on the allow-list (a variable endpoint never is),
LOAD of an IRI not on the allow-list, and a remote ``FROM``/``USING`` IRI that is not a
graph of this store (checked by the worker, which has the store; the engine never fetches
FROM IRIs, so such a FROM would only silently mean an empty graph). Everything else, a
variable called ``?service``, an IRI ending in ``load``, the word INSERT in a comment or a
string, is a query like any other.

rdflib's parser rejects a few valid queries (for one, a SERVICE after an IRI holding ``#``
on the same line). Such a text is left to the engine's parser, and refused here if it
contains the words SERVICE or LOAD at all (after ``\\u`` escapes are expanded): a
query neither parser can be trusted to read is not let near a fetch. The workers have no
network anyway unless an allow-list is configured (see :mod:`kg.store.pool`).

The update side also works out which graphs an update may change, so that the graphs
derived from documents are not rewritten behind the ingester's back, and applies the
protocol's ``using-graph-uri``/``using-named-graph-uri`` as USING clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib.term import Variable

from kg.errors import QueryError, RequestError
from kg.store.oxigraph import PREFIXES

REMOTE_SCHEMES = re.compile(r"(?i)(https?|ftp|file):")
QUERY_FORMS = ("SelectQuery", "ConstructQuery", "AskQuery", "DescribeQuery")


@dataclass(frozen=True)
class QueryPlan:
    form: str  # SelectQuery, ConstructQuery, AskQuery, DescribeQuery, or "" when rdflib failed
    from_default: tuple[str, ...] = ()
    from_named: tuple[str, ...] = ()

    @property
    def has_dataset(self) -> bool:
        return bool(self.from_default or self.from_named)


@dataclass(frozen=True)
class UpdatePlan:
    touches: tuple[str, ...] = ()  # graphs it may change ("" is the store's default graph)
    every_graph: str = ""  # why it may change any named graph (CLEAR ALL, GRAPH ?g templates …)
    dataset_clause: bool = False  # some operation has USING or WITH
    modify_count: int = 0  # DELETE/INSERT … WHERE operations
    delete_where: bool = False


def _walk(node):
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)) and not isinstance(node, str):
        for value in node:
            yield from _walk(value)


def _allowed(iri: str, allow: list[str]) -> bool:
    return any(iri.startswith(prefix) for prefix in allow if prefix)


def _refuse_service(tree, allow: list[str]) -> None:
    for node in _walk(tree):
        if getattr(node, "name", None) == "ServiceGraphPattern":
            term = dict.get(node, "term")
            iri = "" if isinstance(term, Variable) or term is None else str(term)
            if not iri or not _allowed(iri, allow):
                shown = f"<{iri}>" if iri else f"?{term}"
                raise QueryError(f"SERVICE {shown} is not allowed here: this endpoint does not fetch "
                                 "other servers (configure KG_SERVICE_ALLOW to permit some)")


def _expand_escapes(text: str) -> str:
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _unparsed(text: str, allow: list[str]) -> None:
    """rdflib could not read it: refuse any mention of SERVICE or LOAD, leave the rest to the
    engine's parser (which reports the syntax error with its position)."""
    bare = _expand_escapes(text)
    if re.search(r"(?i)service|load", bare) and not allow:
        raise QueryError("this request mentions SERVICE or LOAD and could not be checked (rdflib's "
                         "SPARQL parser rejects it); this endpoint does not fetch other servers")
    if re.search(r"(?i)service|load", bare):
        for iri in re.findall(r"(?i)(?:service|load)(?:\s+silent)?\s*<([^>]*)>", bare):
            if not _allowed(iri, allow):
                raise QueryError(f"SERVICE/LOAD <{iri}> is not allowed here")
        if re.search(r"(?i)service(?:\s+silent)?\s*[?$]", bare):
            raise QueryError("SERVICE with a variable endpoint is not allowed here")


@lru_cache(maxsize=2048)
def _parse_query(text: str, base: str | None):
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    return translateQuery(parseQuery(text), base=base, initNs=PREFIXES)


@lru_cache(maxsize=512)
def _parse_update(text: str, base: str | None):
    """rdflib's translateUpdate, except that the predeclared prefixes are bound once, before
    the request's own: rdflib binds them again before every operation, and a request's
    ``PREFIX dc: <http://purl.org/dc/terms/>`` is then lost after the first operation
    (its namespace rebound to our ``dcterms:``)."""
    import functools

    from rdflib.plugins.sparql import algebra as A
    from rdflib.plugins.sparql.parser import parseUpdate

    parsed = parseUpdate(text)
    ops, prologue = [], None
    for p, u in zip(parsed.prologue, parsed.request or []):
        prologue = A.translatePrologue(p, base, PREFIXES if prologue is None else None, prologue)
        u = A.traverse(u, visitPost=functools.partial(A.translatePName, prologue=prologue))
        u = A._traverse(u, A._simplifyFilters)
        u = A.traverse(u, visitPost=A.translatePath)
        ops.append(A.translateUpdate1(u, prologue))
    return A.Update(prologue, ops)


def _is_update(text: str, base: str | None) -> bool:
    try:
        _parse_update(text, base)
    except Exception:  # noqa: BLE001 - any parser failure means "not an update"
        return False
    return True


def check_query(text: str, allow: list[str], base: str | None = None) -> QueryPlan:
    """The query's form and dataset, or QueryError if it may not run here."""
    try:
        query = _parse_query(text, base)
    except Exception:  # noqa: BLE001 - rdflib raises pyparsing and other errors
        if _is_update(text, base):
            raise QueryError("this is a SPARQL Update: POST it as 'update' "
                             "(application/sparql-update) with the update token") from None
        _unparsed(text, allow)
        return QueryPlan("")
    algebra = query.algebra
    _refuse_service(algebra, allow)
    default, named = [], []
    for clause in dict.get(algebra, "datasetClause") or ():
        if dict.get(clause, "default") is not None:
            default.append(str(dict.get(clause, "default")))
        if dict.get(clause, "named") is not None:
            named.append(str(dict.get(clause, "named")))
    return QueryPlan(algebra.name if algebra.name in QUERY_FORMS else "", tuple(default), tuple(named))


def remote_iris(iris) -> tuple[str, ...]:
    """The IRIs a naive engine would fetch (http, https, ftp, file)."""
    return tuple(i for i in iris if REMOTE_SCHEMES.match(i))


def _graph_name(term) -> str:
    return "" if term in (None, "DEFAULT") else str(term)


def check_update(text: str, allow: list[str], base: str | None = None) -> UpdatePlan | None:
    """What the update may change, or QueryError if it may not run here. None when rdflib
    cannot read it (then the caller must treat it as possibly changing any graph)."""
    try:
        update = _parse_update(text, base)
    except Exception:  # noqa: BLE001
        _unparsed(text, allow)
        return None
    touches: list[str] = []
    every = ""
    dataset_clause = delete_where = False
    modify = 0
    for op in update.algebra:
        name = op.name
        _refuse_service(op, allow)
        if name == "Load":
            iri = str(dict.get(op, "iri"))
            if not _allowed(iri, allow):
                raise QueryError(f"LOAD <{iri}> is not allowed here: this endpoint does not fetch "
                                 "other servers (configure KG_SERVICE_ALLOW to permit some)")
            touches.append(_graph_name(dict.get(op, "graphiri")))
        elif name in ("Clear", "Drop", "Create"):
            target = dict.get(op, "graphiri")
            if target in ("ALL", "NAMED"):
                every = every or f"{name.upper()} {target}"
            else:
                touches.append(_graph_name(target))
        elif name in ("Add", "Copy", "Move"):
            source, target = dict.get(op, "graph")
            touches.append(_graph_name(target))
            if name == "Move":
                touches.append(_graph_name(source))
        elif name in ("InsertData", "DeleteData", "DeleteWhere", "Modify"):
            delete_where |= name == "DeleteWhere"
            if name == "Modify":
                modify += 1
                dataset_clause |= bool(dict.get(op, "using")) or dict.get(op, "withClause") is not None
            templates = [op] if name != "Modify" else [c for c in (dict.get(op, "delete"), dict.get(op, "insert")) if c]
            for template in templates:
                for graph in (dict.get(template, "quads") or {}):
                    if isinstance(graph, Variable):
                        every = every or f"a template GRAPH ?{graph} may write to any graph"
                    else:
                        touches.append(_graph_name(graph))
                if dict.get(template, "triples"):
                    touches.append(_graph_name(dict.get(op, "withClause")) if name == "Modify" else "")
    return UpdatePlan(tuple(dict.fromkeys(touches)), every, dataset_clause, modify, delete_where)


# -- using-graph-uri / using-named-graph-uri -----------------------------------------------

_TOKEN = re.compile(r'''
  (?P<ws>\s+)
| (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
| (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
            |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
| (?P<comment>\#[^\n\r]*)
| (?P<var>[?$][^\s{}()<>;,.'"#]+)
| (?P<word>[A-Za-z_][\w\-]*(?::[^\s{}()<>;,'"#]*)?)
| (?P<other>.)''', re.X | re.S)


def add_using(text: str, plan: UpdatePlan | None, default: list[str], named: list[str]) -> str:
    """The update with ``USING <g>`` / ``USING NAMED <g>`` before the WHERE of each
    DELETE/INSERT operation: what the protocol's using-graph-uri parameters mean."""
    if not default and not named:
        return text
    if plan is None:
        raise RequestError("using-graph-uri/using-named-graph-uri need an update this service can "
                           "analyse, and rdflib's parser rejects this one")
    if plan.dataset_clause:
        raise RequestError("using-graph-uri/using-named-graph-uri may not be combined with an "
                           "update that has USING or WITH (SPARQL 1.1 Protocol, 2.2.3)")
    if plan.delete_where:
        raise RequestError("using-graph-uri/using-named-graph-uri with DELETE WHERE is not "
                           "supported here: write it as DELETE { … } WHERE { … }")
    for iri in (*default, *named):
        if not iri or any(c in iri for c in '<>"{}|\\^` \n\t'):
            raise RequestError(f"not an IRI: {iri[:200]!r}")
    clause = " " + " ".join([f"USING <{g}>" for g in default] + [f"USING NAMED <{g}>" for g in named]) + " "
    depth, previous, cuts = 0, "", []
    for m in _TOKEN.finditer(text):
        kind, value = m.lastgroup, m.group(0)
        if kind in ("ws", "comment"):
            continue
        if value == "{":
            depth += 1
        elif value == "}":
            depth -= 1
        elif kind == "word" and value.upper() == "WHERE" and depth == 0 and previous == "}":
            cuts.append(m.start())
        previous = value
    if len(cuts) != plan.modify_count:
        raise RequestError("could not place the using-graph-uri graphs in this update")
    for at in reversed(cuts):
        text = text[:at] + clause + text[at:]
    return text
