"""Ingest: sources → documents → facts → quads → store, one named graph per document.

The unit of work, :func:`record_to_result`, is pure (a record in, N-Quads out) and runs
here, on a local process pool, or on a Dask cluster's workers; the store is written by
this process only, in the order the sources were read, so every way of running stores
the same graph. At most a few records per worker are in flight: memory stays flat
however large the corpus.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from kg.documents import Document, from_text, load, parse_date
from kg.errors import DocumentError
from kg.extract import extract
from kg.extract.model import Facts
from kg.rdf import doc_iri, part_iri, to_quads
from kg.sources import Format, Item, Record, Refusal, iter_items
from kg.store.base import Store
from kg.vocab import KGO

_TEXT = NamedNode(KGO + "text")


@dataclass(frozen=True)
class Options:
    """What applies to every document of one ingest: the home region, and the date and paper
    for documents that carry none (``kg ingest --region --date --paper``)."""

    region: str | None = None
    date: dt.date | None = None
    paper: str | None = None
    window: int = 0  # characters read at a time (see WINDOW; 0: WINDOW)


@dataclass(frozen=True)
class Result:
    """What one record became: the N-Quads of the graphs it is stored as, or why it was refused."""

    source: str
    container: str
    graph: str = ""
    error: str = ""
    dated: bool = True
    # (graph, its N-Quads) in the order they are stored: a page is one graph, its own; a long
    # document's windows (see :func:`document_parts`) come first, each a graph of its own
    # (:func:`kg.rdf.part_iri`), and its own graph, which lists them, last. A tuple from
    # :func:`record_to_result` (what a pool or cluster worker sends back); made while it is
    # stored in a serial ingest (:func:`stream_result`), so no more than a window is held.
    graphs: Iterable[tuple[str, bytes]] = ()

    @property
    def nquads(self) -> bytes:
        """The N-Quads of the document's own graph (of a result whose graphs are a tuple)."""
        return self.graphs[-1][1] if self.graphs else b""


def result_graphs(result: Result) -> Iterator[tuple[str, Iterator[Quad]]]:
    """(graph, its quads) of every graph a result is stored as, in the order to store them."""
    from pyoxigraph import RdfFormat, parse

    for graph, nquads in result.graphs:
        yield graph, parse(nquads, format=RdfFormat.N_QUADS)


@dataclass
class IngestReport:
    documents: int = 0
    quads: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    formats: Counter = field(default_factory=Counter)
    undated: list[str] = field(default_factory=list)


def document_facts(doc: Document, region: str | None = None) -> Facts:
    """One decoded document → what is extracted from it. A title the source gives (HTML
    metadata, a record's ``title``) is the document's title, whatever its length."""
    facts = extract(doc, region)
    if doc.title and facts.info.title != doc.title:
        from dataclasses import replace

        facts = replace(facts, info=replace(facts.info, title=doc.title))
    return facts


def document_quads(doc: Document, region: str | None = None) -> list[Quad]:
    """One decoded document → the quads of its named graph (see :func:`document_parts`)."""
    return [q for part in document_parts(doc, region) for q in part]


# What one extraction reads at a time, in characters: more than any real page (the longest
# day of the CCTV transcripts is 33k), so a page is read whole, as ever; a longer document
# (a file of stories run together, a line without stops) is read a window at a time, so what
# extraction holds (words, candidates, mentions, rules' indexes) is bounded by the window,
# not by the document; and stored a window at a time (each its own graph and transaction,
# see :func:`result_graphs`), so what the store's transaction holds is bounded so too.
WINDOW = 100_000


def document_parts(doc: Document, region: str | None = None,
                   window: int = WINDOW) -> Iterator[list[Quad]]:
    """One decoded document → the quads of its named graph, a window of its text at a time
    (see :data:`WINDOW`): a document up to the window is one part, ``to_quads`` of its facts.

    A longer one is cut at the last line break of each window (else after its last stop or
    comma) and each piece extracted on its own, as an article of the document is: its
    sentences are numbered on from the pieces before (a report's name and evidence stay
    unique), each part says its piece's text (``<doc>/part/k kgo:text``: the pieces joined
    are the document's text), and the document's own description (title, paper, date,
    home) is said once, in the last part. Its facts are those of the pieces, so a person
    named in two pieces is keyed by each piece's evidence, as in two documents of one paper."""
    if len(doc.text) <= window:
        yield to_quads(document_facts(doc, region))
        return
    from dataclasses import replace

    from kg.extract.segment import tagged

    g = doc_iri(doc.doc_id)
    info, base = None, 0
    for k, piece in enumerate(windows(doc.text, window), 1):
        facts = document_facts(replace(doc, text=piece), region)
        info = info or facts.info
        text = facts.text
        facts = replace(_numbered_from(facts, base), text="")
        base += len(facts.sentences)
        part = part_iri(g.value, k)
        yield [*(q for q in to_quads(facts) if q.subject != g),  # the description: below, once
               *([Quad(part, _TEXT, Literal(text, language="zh"), g)] if text.strip() else [])]
        del facts, text
        # the words of each sentence are cached for the rules of one reading (8,192
        # sentences, which for the 500-character pieces of a line without stops is
        # ~150 bytes a character): a piece read, its words are not asked for again
        tagged.cache_clear()
    yield to_quads(Facts(info=info, sentences=[], text=""))


_STOPS = "。！？!?；;"
_COMMAS = "，,、：: "


def windows(text: str, size: int) -> Iterator[str]:
    """``text`` in consecutive pieces of at most ``size`` characters, each cut after the last
    line break it holds, else after its last stop, else its last comma or space (else at
    ``size``): the pieces joined are the text.

    >>> list(windows("甲乙。丙丁\\n戊己庚", 6))
    ['甲乙。丙丁\\n', '戊己庚']
    """
    at = 0
    while len(text) - at > size:
        end = at + size
        cut = text.rfind("\n", at, end) + 1
        for marks in (_STOPS, _COMMAS):
            if cut <= at:
                cut = max(text.rfind(c, at, end) for c in marks) + 1
        if cut <= at:
            cut = end
        yield text[at:cut]
        at = cut
    yield text[at:]


class _NumberedFrom(Sequence):
    """A piece's sentences, numbered on from ``base`` (the sentences of the pieces before)."""

    def __init__(self, items: Sequence[str], base: int) -> None:
        self.items, self.base = items, base

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice) or not 0 <= i - self.base < len(self.items):
            raise IndexError(i)
        return self.items[i - self.base]

    def __len__(self) -> int:
        return len(self.items)


def _numbered_from(facts: Facts, base: int) -> Facts:
    if not base:
        return facts
    from dataclasses import replace

    return replace(facts, events=[replace(e, sentence=e.sentence + base) for e in facts.events],
                   posts=[replace(p, sentence=p.sentence + base) for p in facts.posts],
                   relations=[replace(r, sentence=r.sentence + base) for r in facts.relations],
                   sentences=_NumberedFrom(facts.sentences, base))  # Facts are frozen: a copy


def read_record(record: Record, options: Options = Options()) -> Document:
    """A record's page → the document: HTML main text and metadata, or the text as it is."""
    date = parse_date(record.date, record.source) if record.date else None
    if record.page is Format.HTML:
        from kg.sources.html import read_html

        page = read_html(record.data, record.source)
        if page.date and not date:
            date = parse_date(page.date, record.source)
        source = record.source if record.container is not Format.HTML else (page.url or record.source)
        return from_text(page.text, source, record.doc_id, title=record.title or page.title,
                         newspaper=record.paper or page.site, issue_date=date,
                         default_paper=options.paper, default_date=options.date)
    if record.container is Format.TEXT:
        return load(record.data, record.source, record.doc_id, default_paper=options.paper,
                    default_date=options.date)
    return from_text(record.data.decode("utf-8", "surrogatepass"), record.source, record.doc_id,
                     title=record.title, newspaper=record.paper, issue_date=date,
                     default_paper=options.paper, default_date=options.date)


def record_to_result(record: Record, options: Options = Options()) -> Result:
    """The pure unit of work: one record → its graphs' N-Quads (or why it was refused).
    What a process-pool or Dask worker runs."""
    from dataclasses import replace

    result = stream_result(record, options)
    return replace(result, graphs=tuple(result.graphs))


def stream_result(record: Record, options: Options = Options()) -> Result:
    """One record → its result, whose graphs are extracted and serialized as they are read:
    a long document a window at a time (what a serial ingest stores as it goes)."""
    try:
        doc = read_record(record, options)
    except DocumentError as exc:
        return Result(record.source, record.container.value, error=str(exc))
    return Result(doc.source, record.container.value, doc_iri(doc.doc_id).value, "",
                  doc.issue_date is not None, _graphs(doc, options))


def _graphs(doc: Document, options: Options) -> Iterator[tuple[str, bytes]]:
    from pyoxigraph import RdfFormat, serialize

    graph = doc_iri(doc.doc_id)
    parts = document_parts(doc, options.region, options.window or WINDOW)
    last, k = next(parts), 0
    for part in parts:  # a long document: a window (its quads as objects are 10x its N-Quads)
        k += 1
        yield part_iri(graph.value, k).value, serialize(last, format=RdfFormat.N_QUADS) or b""
        last = part
    yield graph.value, serialize([*last, *_has_parts(graph, k)], format=RdfFormat.N_QUADS) or b""


_HAS_PART = NamedNode(KGO + "hasPart")


def _has_parts(graph: NamedNode, n: int) -> list[Quad]:
    return [Quad(graph, _HAS_PART, part_iri(graph.value, k), graph) for k in range(1, n + 1)]


def bytes_to_nquads(data: bytes, source: str, doc_id: str, region: str | None = None) -> bytes:
    """Page bytes (plain text or HTML, told by content) + metadata → N-Quads."""
    from kg.sources import sniff

    page = Format.HTML if sniff(data[:8192], source) is Format.HTML else Format.TEXT
    result = record_to_result(Record(doc_id, source, page, page, data), Options(region=region))
    if result.error:
        raise DocumentError(result.error)
    return result.nquads


def _refused(item: Refusal) -> Result:
    return Result(item.source, item.container.value, error=item.reason)


def _warm_up() -> None:
    from kg.extract import warm_up

    warm_up()


def ingest_paths(store: Store, paths: Iterable[Path], region: str | None = None,
                 progress: Callable[[str], None] | None = None, workers: int = 1, *,
                 date: dt.date | None = None, paper: str | None = None,
                 cluster: str | None = None,
                 on_commit: Callable[[], None] | None = None) -> IngestReport:
    """Ingest every document in the files, on ``workers`` local processes or on the Dask
    cluster whose scheduler is at ``cluster``; what cannot be read is reported and skipped."""
    return ingest_items(store, iter_items(list(paths)), Options(region, date, paper),
                        progress=progress, workers=workers, cluster=cluster, on_commit=on_commit)


def ingest_items(store: Store, items: Iterable[Item], options: Options = Options(), *,
                 progress: Callable[[str], None] | None = None, workers: int = 1,
                 cluster: str | None = None,
                 on_commit: Callable[[], None] | None = None) -> IngestReport:
    """Run the unit of work over the items and store the results in their order."""
    report = IngestReport()
    if cluster:
        from kg.cluster import run_on_cluster

        results = run_on_cluster(cluster, items, options)
    elif workers > 1:
        results = _run_on_pool(items, options, workers)
    else:
        results = (_refused(i) if isinstance(i, Refusal) else stream_result(i, options)
                   for i in items)
    _store_results(store, _tally(results, report, on_commit), report, progress)
    return report


def _tally(results: Iterable[Result], report: IngestReport,
           on_commit: Callable[[], None] | None) -> Iterator[Result]:
    """Count formats and undated documents on the way to the store; call ``on_commit`` after
    a result is stored, at most every two seconds (and at the end)."""
    last = time.monotonic()
    for result in results:
        if not result.error:
            report.formats[result.container] += 1
            if not result.dated:
                report.undated.append(result.source)
        yield result
        if on_commit and time.monotonic() - last > 2.0:
            on_commit()
            last = time.monotonic()
    if on_commit:
        on_commit()


def _run_on_pool(items: Iterable[Item], options: Options, workers: int) -> Iterator[Result]:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # Fork where the OS has it: the workers inherit the warm gazetteer and model instead of
    # each loading them again (seconds apiece); elsewhere spawn and warm up in each worker.
    if "fork" in mp.get_all_start_methods():
        _warm_up()
        context, warm = mp.get_context("fork"), False
    else:
        context, warm = mp.get_context("spawn"), True
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_pool_worker_init,
                             initargs=(os.getpid(), warm)) as pool:
        yield from bounded_map(lambda r: pool.submit(record_to_result, r, options),
                               items, 4 * workers)


def bounded_map(submit: Callable[[Record], object], items: Iterable[Item],
                window: int) -> Iterator[Result]:
    """Results in the order of ``items``, with at most ``window`` records in flight (each
    ``submit`` returns a future with ``.result()``), so neither the records read ahead nor
    the results waiting to be stored pile up."""
    pending: deque = deque()
    for item in items:
        pending.append(_refused(item) if isinstance(item, Refusal) else submit(item))
        while len(pending) >= window:
            yield _settle(pending.popleft())
    while pending:
        yield _settle(pending.popleft())


def _settle(entry) -> Result:
    return entry if isinstance(entry, Result) else entry.result()


def _pool_worker_init(parent: int, warm: bool) -> None:
    """A pool worker ends when its parent does, even when the parent is killed (SIGKILL
    leaves no chance to shut the pool down): Linux's parent-death signal where there is one,
    and everywhere a thread that watches for the parent to go."""
    import signal
    import threading

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()
    if warm:
        _warm_up()


# N-Quads bytes written between two flushes of the store. The embedded store (RocksDB) keeps
# what is written in write buffers, per column family up to their size, until they are flushed:
# ~25 bytes of memory a byte of N-Quads, so an ingest's memory grew with what it had stored
# (+1.5 GB over 7 M characters of stories run together). Flushed every 1 MB (some thirty pages,
# a window of 100k characters) and the freed C heap given back, the peak of a 3M-character file
# is 908 MB against 964 at 4 MB and no trim; Python's own objects stay the same number from
# window to window.
FLUSH_BYTES = 2**20


def _give_back_memory() -> None:
    """Return the C heap's free pages to the system (glibc's malloc_trim; elsewhere nothing):
    what extraction and the store's write buffers freed stays in the process otherwise, and a
    long ingest's memory crept up with the windows it had read."""
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _store_results(store: Store, results: Iterable[Result], report: IngestReport,
                   progress: Callable[[str], None] | None) -> None:
    from pyoxigraph import RdfFormat, parse

    written = 0
    for result in results:
        if result.error:
            report.refused.append((result.source, result.error))
        else:
            stale = set(stored_parts(store, result.graph))
            for graph, nquads in result.graphs:  # a long document's windows: made as stored
                report.quads += store.replace_graph(graph, parse(nquads, format=RdfFormat.N_QUADS))
                stale.discard(graph)
                written += len(nquads)
                if written > FLUSH_BYTES:
                    store.flush()
                    _give_back_memory()
                    written = 0
            for graph in sorted(stale):  # windows of a longer version that this one has not
                store.remove_graph(graph)
            report.documents += 1
        if progress:
            progress(result.source)


def parts_query(graph: str) -> str:
    """SPARQL: the ``?part`` graphs of the windows of the stored version of document ``graph``."""
    return f"SELECT ?part WHERE {{ GRAPH <{graph}> {{ <{graph}> <{KGO}hasPart> ?part }} }}"


def window_texts_query(graph: str) -> str:
    """SPARQL: ``?part ?text`` of each window of the stored long document ``graph``; a long
    document's text is its windows' texts joined in their order (:func:`joined_text`)."""
    return (f"SELECT ?part ?text WHERE {{ GRAPH <{graph}> {{ <{graph}> <{KGO}hasPart> ?part }} "
            f"GRAPH ?part {{ ?part <{KGO}text> ?text }} }}")


def joined_text(rows: Iterable[tuple[str, str]]) -> str:
    """The text of a long document from the (part, text) of its windows, in any order."""
    return "".join(text for _, text in sorted(rows, key=lambda r: int(r[0].rsplit("/", 1)[1]))).strip()


def stored_parts(store: Store, graph: str) -> list[str]:
    """The graphs of the windows of the stored version of the document ``graph``."""
    return [r["part"] for r in store.select(parts_query(graph))]


def remove_documents(store: Store, doc_ids: Iterable[str]) -> int:
    """Remove documents by id (one transaction each): their graphs, the shared facts no other
    document supports (an entity only they mention disappears), their share of the counts.
    Returns how many of them were in the store; unknown ids are skipped."""
    present = set(store.graphs())
    removed = 0
    for doc_id in doc_ids:
        graph = doc_iri(doc_id).value
        if graph in present:
            for part in stored_parts(store, graph):
                store.remove_graph(part)
            store.remove_graph(graph)
            present.discard(graph)
            removed += 1
    return removed
