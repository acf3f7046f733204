"""Query results → plain rows, for the CLI and the API."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions


def term_text(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, NamedNode):
        return term.value
    return str(term)


def rows_of(result: object) -> tuple[list[str], list[list[str]]]:
    """SELECT results as a header and string rows; ASK as one boolean row."""
    if isinstance(result, QuerySolutions):
        header = [v.value for v in result.variables]
        return header, [[term_text(sol[v]) for v in header] for sol in result]
    if isinstance(result, (bool, QueryBoolean)):  # pyoxigraph answers ASK with a QueryBoolean
        return ["result"], [[str(bool(result)).lower()]]
    return ["subject", "predicate", "object"], [
        [term_text(t.subject), term_text(t.predicate), term_text(t.object)] for t in result]  # type: ignore[attr-defined]
