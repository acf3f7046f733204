"""The embedded default store: pyoxigraph on disk (or in memory for tests and benchmarks)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import NamedNode, Quad, QuerySolutions, RdfFormat
from pyoxigraph import Store as OxStore

from kg.errors import QueryError, StoreError
from kg.store.graph_update import (SYSTEM_GRAPHS, bulk_quads, recount_update, remove_graph_update,
                                   replace_graph_update)

QUAD_FORMATS = {"trig": RdfFormat.TRIG, "nquads": RdfFormat.N_QUADS}
TRIPLE_FORMATS = {"turtle": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "xml": RdfFormat.RDF_XML}
PREFIXES = {"kgo": "https://w3id.org/zhkg/ontology#", "kgr": "https://w3id.org/zhkg/id/",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "prov": "http://www.w3.org/ns/prov#",
            "dcterms": "http://purl.org/dc/terms/"}


class OxigraphStore:
    """pyoxigraph behind the :class:`kg.store.base.Store` interface."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            if path is None:
                self._store = OxStore()
            elif read_only:
                self._store = OxStore.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = OxStore(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc} "
                             "(is another kg process writing to it?)") from exc

    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> int:
        """Replace a document (its graph, its support of the shared facts, its share of the
        counts) in one transaction: on any error the old content is still there, whole.
        Quads in ``kgr:graph/facts`` are shared facts, all others the document's own."""
        quads = list(quads)
        try:
            self._store.update(replace_graph_update(graph, quads))
        except OSError as exc:
            raise StoreError(f"cannot write graph {graph}: {exc}") from exc
        return len(quads)

    def bulk_add(self, documents: Iterable[tuple[str, Iterable[Quad]]]) -> None:
        """Add many new documents ((graph, quads) pairs, none of them in the store yet) at
        bulk-load speed, laid out as :meth:`replace_graph` lays them out, then count again.
        For building a store nobody reads and writes yet: unlike :meth:`replace_graph` it is
        not one transaction (a failure leaves part of the documents in)."""
        present = set(self.graphs())
        documents = ((graph, quads) for graph, quads in documents
                     if graph not in present or _refuse(graph))
        try:
            self._store.bulk_extend(bulk_quads(documents))
            self._store.update(recount_update())
        except OSError as exc:
            raise StoreError(f"cannot bulk-load documents: {exc}") from exc

    def bulk_load_nquads(self, chunks: Iterable[bytes]) -> None:
        """Load N-Quads as they are, at bulk-load speed, without transaction or counts: for
        quads laid out by :func:`kg.store.graph_update.bulk_quads` into a store being built,
        followed by ``update(recount_update())`` (what :meth:`bulk_add` does in one go)."""
        from pyoxigraph import RdfFormat

        try:
            for data in chunks:
                self._store.bulk_load(data, format=RdfFormat.N_QUADS)
        except OSError as exc:
            raise StoreError(f"cannot bulk-load documents: {exc}") from exc

    def remove_graph(self, graph: str) -> None:
        """Remove a document and every shared fact no other document supports, in one transaction."""
        try:
            self._store.update(remove_graph_update(graph))
        except OSError as exc:
            raise StoreError(f"cannot remove graph {graph}: {exc}") from exc

    def query(self, sparql: str, **kwargs: object) -> object:
        """Run a query; without ``default_graph`` the default graph is the union of all graphs."""
        if "default_graph" not in kwargs:
            kwargs["use_default_graph_as_union"] = True
        try:
            return self._store.query(sparql, prefixes=PREFIXES, **kwargs)
        except SyntaxError as exc:
            raise QueryError(str(exc)) from exc

    def select(self, sparql: str) -> list[dict[str, str | None]]:
        """A SELECT query's rows as plain strings (None where unbound)."""
        result = self.query(sparql)
        if not isinstance(result, QuerySolutions):
            raise QueryError("select() takes a SELECT query")
        names = [v.value for v in result.variables]
        return [{n: (None if sol[n] is None else sol[n].value) for n in names} for sol in result]

    def update(self, sparql: str, **kwargs: object) -> None:
        """Run a SPARQL Update in one transaction: it applies whole or not at all."""
        try:
            self._store.update(sparql, prefixes=PREFIXES, **kwargs)
        except SyntaxError as exc:
            raise QueryError(str(exc)) from exc

    def dump(self, fmt: str) -> bytes:
        if fmt in QUAD_FORMATS:
            return self._store.dump(format=QUAD_FORMATS[fmt], prefixes=PREFIXES)
        if fmt in TRIPLE_FORMATS:
            union = OxStore()
            union.extend(Quad(q.subject, q.predicate, q.object) for q in self._store)
            return union.dump(format=TRIPLE_FORMATS[fmt], from_graph=_default_graph(),
                              prefixes=PREFIXES)
        if fmt == "jsonld":
            from rdflib import Dataset

            ds = Dataset()
            ds.parse(data=self._store.dump(format=RdfFormat.N_QUADS), format="nquads")
            return ds.serialize(format="json-ld").encode()
        raise StoreError(f"unknown export format {fmt!r}: use one of "
                         f"{', '.join([*QUAD_FORMATS, *TRIPLE_FORMATS, 'jsonld'])}")

    def graphs(self) -> list[str]:
        """The documents' graphs (not the shared facts', the support's or the counts' graph)."""
        return sorted(g.value for g in self._store.named_graphs()
                      if isinstance(g, NamedNode) and g.value not in SYSTEM_GRAPHS)

    def __len__(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()

    def checkpoint(self, target: Path) -> None:
        """A consistent copy of the store in ``target`` (hard links where it can)."""
        try:
            self._store.backup(str(target))
        except OSError as exc:
            raise StoreError(f"cannot write a snapshot to {target}: {exc}") from exc

    def close(self) -> None:
        self.flush()
        del self._store


def _refuse(graph: str) -> bool:
    raise StoreError(f"bulk_add takes new documents only: {graph} is already in the store "
                     "(replace it with replace_graph)")


def _default_graph():
    from pyoxigraph import DefaultGraph

    return DefaultGraph()

