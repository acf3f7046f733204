"""Ingest: files → facts → quads → store, one named graph per document."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad

from kg.documents import Document, load, read_file
from kg.errors import DocumentError
from kg.extract import extract
from kg.rdf import doc_iri, to_quads
from kg.store.base import Store


@dataclass
class IngestReport:
    documents: int = 0
    quads: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)


def document_quads(doc: Document, region: str | None = None) -> list[Quad]:
    """The pure unit of work: one decoded document → the quads of its named graph."""
    return to_quads(extract(doc, region))


def bytes_to_nquads(data: bytes, source: str, doc_id: str, region: str | None = None) -> bytes:
    """Document bytes + metadata → N-Quads: what a Dask or Ray worker runs."""
    from pyoxigraph import RdfFormat, serialize

    quads = document_quads(load(data, source, doc_id), region)
    return serialize(quads, format=RdfFormat.N_QUADS) or b""


def ingest_paths(store: Store, paths: Iterable[Path], region: str | None = None,
                 progress: Callable[[Path], None] | None = None) -> IngestReport:
    """Ingest every file; a file that cannot be read is reported and skipped."""
    report = IngestReport()
    for path in paths:
        try:
            doc = read_file(path)
        except DocumentError as exc:
            report.refused.append((str(path), str(exc)))
        else:
            quads = document_quads(doc, region)
            report.quads += store.replace_graph(doc_iri(doc.doc_id).value, quads)
            report.documents += 1
        if progress:
            progress(path)
    return report
