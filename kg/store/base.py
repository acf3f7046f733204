"""The store interface every backend implements."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from pyoxigraph import Quad


class Store(Protocol):
    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> int:
        """Atomically replace one document (its graph, its support of the shared facts in
        ``kgr:graph/facts``, its share of the counts); return the number of quads given."""

    def remove_graph(self, graph: str) -> None:
        """Atomically remove one document and every shared fact no other document supports."""

    def query(self, sparql: str) -> object:
        """Run a SPARQL query over the union of all graphs."""

    def dump(self, fmt: str) -> bytes:
        """Serialise the whole store (quads for TriG/N-Quads, the union for triple formats)."""

    def graphs(self) -> list[str]:
        """IRIs of the documents' graphs (not the facts', support's or counts' graphs)."""

    def __len__(self) -> int: ...

    def close(self) -> None: ...
