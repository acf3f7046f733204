"""A remote SPARQL 1.1 server as a store (Oxigraph server, Virtuoso, Fuseki …).

Reads with the SPARQL 1.1 Protocol (form POST, JSON/N-Triples results), writes with
SPARQL 1.1 Update: replacing a document's graph is one update request
(see :mod:`kg.store.graph_update`), which servers apply atomically.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import httpx
from pyoxigraph import Quad, QueryResultsFormat, RdfFormat, parse, parse_query_results

from kg.errors import NotAcceptable, QueryError, QueryTimeout, ResultTooLarge, StoreError
from kg.store.base import Answer, QueryRequest, UpdateRequest
from kg.store.graph_update import SYSTEM_GRAPHS, remove_graph_update, replace_graph_update
from kg.store.oxigraph import PREFIXES, OxigraphStore

# Servers keep graphs of their own (Virtuoso's virtrdf:…); ours are the documents'.
_OURS = 'FILTER(STRSTARTS(STR(?g), "https://w3id.org/zhkg/id/"))'


def _prefixes() -> str:
    """The predeclared prefixes on one line before the query, so that line numbers hold."""
    return " ".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()) + " "


def _their_position(message: str) -> str:
    """Move a parser position on line 1 back over the prefixes we put before the query."""
    def shift(m: re.Match) -> str:
        line, col = int(m.group(1)), int(m.group(2))
        return f"error at {line}:{col - len(_prefixes()) if line == 1 else col}"

    return re.sub(r"error at (\d+):(\d+)", shift, message, count=1)


class RemoteStore:
    """``query_url`` answers queries; ``update_url`` (default: …/query → …/update) takes updates."""

    def __init__(self, query_url: str, update_url: str | None = None, *, timeout: float = 60.0,
                 union_default_graph: bool = True) -> None:
        self.query_url = query_url
        self.update_url = update_url or (query_url[:-len("/query")] + "/update"
                                         if query_url.endswith("/query") else query_url)
        self.union = union_default_graph
        self.client = httpx.Client(timeout=timeout)

    def _post(self, url: str, data: dict, accept: str) -> httpx.Response:
        try:
            r = self.client.post(url, data=data, headers={"Accept": accept})
        except httpx.HTTPError as exc:
            raise StoreError(f"the SPARQL server at {url} did not answer: {exc}") from exc
        if r.status_code == 400:
            raise QueryError(r.text.strip()[:2000])
        if r.status_code >= 300:
            raise StoreError(f"the SPARQL server answered {r.status_code}: {r.text.strip()[:500]}")
        return r

    def query(self, sparql: str, **_: object) -> object:
        text = _prefixes() + sparql
        form = {"query": text}
        if self.union:
            form["union-default-graph"] = "true"
        head = text.lstrip().split("{", 1)[0].upper()
        if "CONSTRUCT" in head or "DESCRIBE" in head:
            r = self._post(self.query_url, form, "application/n-triples")
            return list(parse(r.content, format=RdfFormat.N_TRIPLES))
        r = self._post(self.query_url, form, "application/sparql-results+json")
        return parse_query_results(r.content, format=QueryResultsFormat.JSON)

    def select(self, sparql: str) -> list[dict[str, str | None]]:
        result = self.query(sparql)
        names = [v.value for v in result.variables]  # type: ignore[attr-defined]
        return [{n: (None if sol[n] is None else sol[n].value) for n in names} for sol in result]  # type: ignore[attr-defined]

    def update(self, sparql: str) -> None:
        self._post(self.update_url, {"update": _prefixes() + sparql}, "*/*")

    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> int:
        """One update request, so one transaction on the server (see graph_update)."""
        quads = list(quads)
        self.update(replace_graph_update(graph, quads))
        return len(quads)

    def remove_graph(self, graph: str) -> None:
        self.update(remove_graph_update(graph))

    def _local_copy(self) -> OxigraphStore:
        copy = OxigraphStore(None)
        # XML, not JSON: Virtuoso writes JSON results about ten times slower (5 s for 11k quads).
        form = {"query": _prefixes() + "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } " + _OURS + " }"}
        r = self._post(self.query_url, form, "application/sparql-results+xml")
        result = parse_query_results(r.content, format=QueryResultsFormat.XML)
        copy._store.extend(Quad(sol["s"], sol["p"], sol["o"], sol["g"]) for sol in result)  # type: ignore[attr-defined]
        return copy

    def dump(self, fmt: str) -> bytes:
        return self._local_copy().dump(fmt)

    def graphs(self) -> list[str]:
        """The documents' graphs (not the shared facts', the support's or the counts' graph)."""
        return sorted(r["g"] or "" for r in self.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } " + _OURS + " }") if r["g"] not in SYSTEM_GRAPHS)

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " + _OURS + " }")
        return int(rows[0]["n"] or 0)

    def flush(self) -> None:
        """Remote writes are durable when the server answers."""

    def close(self) -> None:
        self.client.close()


class RemoteRunner:
    """The service's query runner for a remote store: forwards the request, keeps its Accept,
    and lets the server's own deadline (plus ours on the HTTP call) stop runaway queries."""

    def __init__(self, store: RemoteStore, timeout: float) -> None:
        self.store, self.timeout = store, timeout
        self.writes = 0  # updates sent through this runner: what caches of its answers key on

    def query(self, request: QueryRequest, timeout: float | None = None) -> Answer:
        form: dict[str, object] = {"query": _prefixes() + request.sparql}
        if request.dataset_given:
            form["default-graph-uri"] = list(request.default_graphs)
            form["named-graph-uri"] = list(request.named_graphs)
        elif self.store.union:
            form["union-default-graph"] = "true"
        accept = ", ".join(m for m in (request.results_media, request.graph_media) if m)
        if not accept:
            raise NotAcceptable("no media type the client accepts fits a SPARQL result")
        try:
            with self.store.client.stream("POST", self.store.query_url, data=form,
                                          headers={"Accept": accept},
                                          timeout=timeout or self.timeout) as r:
                if r.status_code >= 300:
                    r.read()
                    self._refuse(r)
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > request.max_bytes:
                        raise ResultTooLarge(f"the result is over the limit of {request.max_bytes} bytes "
                                             "(stopped while receiving)")
                    chunks.append(chunk)
                media = r.headers.get("content-type", "application/octet-stream").split(";")[0].strip()
        except httpx.TimeoutException as exc:
            raise QueryTimeout(f"the SPARQL server did not answer within {timeout or self.timeout:g} s") from exc
        except httpx.HTTPError as exc:
            raise StoreError(f"the SPARQL server did not answer: {exc}") from exc
        return Answer(b"".join(chunks), media)

    @staticmethod
    def _refuse(r: httpx.Response) -> None:
        if r.status_code == 400:
            raise QueryError(_their_position(r.text.strip()[:2000]))
        if r.status_code == 406:
            raise NotAcceptable(r.text.strip()[:500])
        raise StoreError(f"the SPARQL server answered {r.status_code}: {r.text.strip()[:500]}")

    def update(self, request: UpdateRequest | str, timeout: float | None = None) -> None:
        """Forwarded as it is; the server decides. Derived graphs are protected only by the
        guard's static view here (the server cannot be asked within the same transaction)."""
        if isinstance(request, str):
            request = UpdateRequest(request)
        if request.protect_prefix:
            hit = [g for g in request.touches if g.startswith(request.protect_prefix)]
            if hit or request.touches_every_graph:
                from kg.errors import ProtectedGraph

                raise ProtectedGraph(f"{request.touches_every_graph or '<' + hit[0] + '>'}: graphs derived "
                                     "from documents change only by re-ingesting (kg ingest)")
        self.writes += 1
        self.store.update(request.sparql)
        return None

    def dump(self, fmt: str) -> bytes:
        return self.store.dump(fmt)


    def close(self) -> None:
        self.store.close()
