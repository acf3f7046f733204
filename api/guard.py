"""What a query may not do here: fetch other servers (SERVICE, LOAD, FROM <http…>), or write.

pyoxigraph fetches SERVICE and LOAD IRIs itself and has no switch for it, so the
text of a request is checked before it reaches the store: with string literals and
comments blanked, any SERVICE/LOAD keyword outside the allow-list is refused.
"""

from __future__ import annotations

import re

from kg.errors import QueryError

_OPAQUE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')
_SERVICE = re.compile(r"\b(SERVICE|LOAD)\b(?:\s+SILENT)?\s*(?:<([^>]*)>)?", re.I)
_FROM = re.compile(r"\bFROM\s+(?:NAMED\s+)?<([^>]*)>", re.I)
_UPDATE = re.compile(r"\b(INSERT|DELETE|CLEAR|DROP|CREATE|COPY|MOVE|ADD|LOAD|WITH)\b", re.I)


def _bare(text: str) -> str:
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), text)


def check_remote(text: str, allow: list[str]) -> None:
    """Refuse SERVICE or LOAD of an IRI not on the allow-list, and FROM of a remote IRI."""
    bare = _bare(text)
    for m in _SERVICE.finditer(bare):
        iri = text[m.start(2):m.end(2)] if m.group(2) is not None else ""
        if not iri or not any(iri.startswith(prefix) for prefix in allow):
            raise QueryError(f"{m.group(1).upper()} <{iri}> is not allowed here: this endpoint "
                             "does not fetch other servers (configure KG_SERVICE_ALLOW to permit some)")
    for m in _FROM.finditer(bare):
        iri = text[m.start(1):m.end(1)]
        if re.match(r"(?i)(https?|file|ftp):", iri):
            raise QueryError(f"FROM <{iri}> would fetch a remote document; name a graph of this store")


def is_update(text: str) -> bool:
    return _UPDATE.search(_bare(text)) is not None
