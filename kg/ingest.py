"""Ingest: files → facts → quads → store, one named graph per document."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad

from kg.documents import Document, doc_id_for, load
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


def file_to_nquads(path: Path, region: str | None = None) -> tuple[str, str, bytes]:
    """One file → (its graph IRI, an error message or "", its N-Quads): a process-pool task."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return "", f"{path}: {exc.strerror}", b""
    doc_id = doc_id_for(path)
    try:
        return doc_iri(doc_id).value, "", bytes_to_nquads(data, str(path), doc_id, region)
    except DocumentError as exc:
        return "", str(exc), b""


def _warm_up() -> None:
    from kg.extract import warm_up

    warm_up()


def ingest_paths(store: Store, paths: Iterable[Path], region: str | None = None,
                 progress: Callable[[Path], None] | None = None, workers: int = 1) -> IngestReport:
    """Ingest every file, on ``workers`` processes; a file that cannot be read is reported
    and skipped. The store is written by this process only, in the order of ``paths``,
    so a parallel run stores exactly what a serial one does."""
    paths = list(paths)
    report = IngestReport()
    if workers <= 1:
        results: Iterable[tuple[str, str, bytes]] = (file_to_nquads(p, region) for p in paths)
        _store_results(store, paths, results, report, progress)
        return report
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    # Fork where the OS has it: the workers inherit the warm gazetteer and model instead of
    # each loading them again (seconds apiece); elsewhere spawn and warm up in each worker.
    if "fork" in mp.get_all_start_methods():
        _warm_up()
        context, initializer = mp.get_context("fork"), None
    else:
        context, initializer = mp.get_context("spawn"), _warm_up
    with ProcessPoolExecutor(workers, mp_context=context, initializer=initializer) as pool:
        results = pool.map(partial(file_to_nquads, region=region), paths, chunksize=4)
        _store_results(store, paths, results, report, progress)
    return report


def _store_results(store: Store, paths: list[Path], results: Iterable[tuple[str, str, bytes]],
                   report: IngestReport, progress: Callable[[Path], None] | None) -> None:
    from pyoxigraph import RdfFormat, parse

    for path, (graph, error, nquads) in zip(paths, results):
        if error:
            report.refused.append((str(path), error))
        else:
            report.quads += store.replace_graph(graph, parse(nquads, format=RdfFormat.N_QUADS))
            report.documents += 1
        if progress:
            progress(path)


def remove_documents(store: Store, doc_ids: Iterable[str]) -> int:
    """Remove documents by id (one transaction each): their graphs, the shared facts no other
    document supports (an entity only they mention disappears), their share of the counts.
    Returns how many of them were in the store; unknown ids are skipped."""
    present = set(store.graphs())
    removed = 0
    for doc_id in doc_ids:
        graph = doc_iri(doc_id).value
        if graph in present:
            store.remove_graph(graph)
            present.discard(graph)
            removed += 1
    return removed
