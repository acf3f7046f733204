"""The store interface every backend implements."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from pyoxigraph import Quad


class Store(Protocol):
    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> int:
        """Atomically replace one named graph's content; return the number of quads written."""

    def query(self, sparql: str) -> object:
        """Run a SPARQL query over the union of all graphs."""

    def dump(self, fmt: str) -> bytes:
        """Serialise the whole store (quads for TriG/N-Quads, the union for triple formats)."""

    def graphs(self) -> list[str]:
        """IRIs of the named graphs (one per document)."""

    def __len__(self) -> int: ...

    def close(self) -> None: ...
