"""The store interfaces every backend implements, and the requests the service sends them.

:class:`Store` is what ingest, export and the command line use (the embedded
:class:`~kg.store.oxigraph.OxigraphStore`, or :class:`~kg.store.remote.RemoteStore`).
:class:`Runner` is what the service uses: it answers protocol requests with a deadline
(:class:`~kg.store.pool.QueryPool` on a folder, :class:`~kg.store.remote.RemoteRunner`
on a SPARQL server). :func:`kg.store.open.open_store` and :func:`~kg.store.open.open_runner`
are the one place that decides folder versus URL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from pyoxigraph import Quad

# A graph name that stands for the store's own default graph (the graph SPARQL Update
# writes to when no GRAPH is named), as opposed to the union queries see by default.
STORE_DEFAULT_GRAPH = ""


@dataclass(frozen=True)
class QueryRequest:
    """One SPARQL query as the protocol received it (after the guard let it through)."""

    sparql: str
    results_media: str | None
    graph_media: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_bytes: int = 50_000_000
    base_iri: str | None = None
    dataset_given: bool = False  # the protocol named a dataset: it replaces FROM / the union
    local_graphs: tuple[str, ...] = ()  # FROM IRIs that must be graphs of this store
    must_exist: tuple[str, ...] = ()  # graphs that must exist, else NotFound (Graph Store reads)


@dataclass(frozen=True)
class UpdateRequest:
    """One SPARQL Update, with what the guard learnt about the graphs it may change."""

    sparql: str
    base_iri: str | None = None
    touches: tuple[str, ...] = ()  # graph IRIs it writes or removes
    touches_every_graph: str = ""  # non-empty: why it may change any named graph (CLEAR ALL …)
    protect_prefix: str = ""  # graphs under this prefix are derived data: refuse to change them
    report_graph: str | None = None  # answer whether this graph existed before the update
    unanalysed: bool = False  # the guard could not parse it: report a syntax error before a refusal


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str


class Store(Protocol):
    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> int:
        """Atomically replace one document (its graph, its support of the shared facts in
        ``kgr:graph/facts``, its share of the counts); return the number of quads given."""

    def remove_graph(self, graph: str) -> None:
        """Atomically remove one document and every shared fact no other document supports."""

    def flush(self) -> None:
        """Write what the store buffers in memory to disk (the embedded store's write buffers
        grow with what was written since, by ~100 MB a million characters of text read)."""

    def query(self, sparql: str) -> object:
        """Run a SPARQL query over the union of all graphs."""

    def select(self, sparql: str) -> list[dict[str, str | None]]: ...

    def update(self, sparql: str) -> None: ...

    def dump(self, fmt: str) -> bytes:
        """Serialise the whole store (quads for TriG/N-Quads, the union for triple formats)."""

    def graphs(self) -> list[str]:
        """IRIs of the documents' graphs (not the facts', support's or counts' graphs)."""

    def __len__(self) -> int: ...

    def close(self) -> None: ...


class Runner(Protocol):
    """Answers the service's protocol requests, each within a deadline."""

    def query(self, request: QueryRequest, timeout: float | None = None) -> Answer: ...

    def update(self, request: UpdateRequest, timeout: float | None = None) -> bool | None:
        """Apply the update in one transaction; return whether ``report_graph`` existed."""

    def dump(self, fmt: str) -> bytes: ...

    def close(self) -> None: ...


@dataclass
class RunnerReader:
    """The read side of the store for the friendly routes, answered by a runner (so every
    read has the runner's deadline)."""

    runner: Runner

    def select(self, sparql: str) -> list[dict[str, str | None]]:
        answer = self.runner.query(QueryRequest(sparql, "application/sparql-results+json", None))
        data = json.loads(answer.body)
        names = data["head"]["vars"]
        return [{n: (b[n]["value"] if n in b else None) for n in names}
                for b in data["results"]["bindings"]]

    def dump(self, fmt: str) -> bytes:
        return self.runner.dump(fmt)
