"""Queries with a deadline: store work runs in worker processes that are killed when late.

Neither pyoxigraph nor a Python thread can be interrupted mid-query, so each worker
is a process holding its own handle on the store; a query past its deadline gets
its worker killed and replaced, and the caller gets :class:`QueryTimeout`. Other
workers keep answering meanwhile.

A worker never dies of a request: every error a query or update can raise (a syntax
error, ``CREATE GRAPH`` of an existing graph, a result over the size limit …) goes back
to the caller as a :mod:`kg.errors` exception and the worker takes the next request.

Unless the pool is built with ``allow_network`` (an allow-list of SERVICE endpoints is
configured), each worker moves itself into a network namespace of its own before it
opens the store: pyoxigraph fetches SERVICE and LOAD IRIs itself and has no switch for
it, so this is what makes sure the engine cannot reach any address, 127.0.0.1 included,
whatever the query guard lets through.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import threading
from multiprocessing.connection import Connection
from pathlib import Path

from kg import errors
from kg.errors import KgError, NotAcceptable, NotFound, ProtectedGraph, QueryError, QueryTimeout, \
    ResultTooLarge, StoreError
from kg.store.base import STORE_DEFAULT_GRAPH, Answer, QueryRequest, RunnerReader, UpdateRequest
from kg.store.formats import GRAPH_MEDIA_TYPES, RESULTS_MEDIA_TYPES
from kg.store.oxigraph import PREFIXES, OxigraphStore

_CLONE_NEWNET, _CLONE_NEWUSER = 0x40000000, 0x10000000
QUEUE_WAIT_FACTOR = 3  # how many deadlines a request may wait for a free worker


def isolate_network() -> bool:
    """Move this (single-threaded) process into an empty network namespace: afterwards no
    socket can reach any address. Tries without a user namespace first (privileged), then
    with one (unprivileged). False when the kernel refuses both."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            return True
    return False


class _Limited:
    """A binary sink that refuses to grow past ``limit`` bytes: the serialiser stops
    (and the lazy evaluation behind it) as soon as the limit is crossed."""

    def __init__(self, limit: int) -> None:
        self.limit, self.size, self.over = limit, 0, False
        self.chunks: list[bytes] = []

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            self.over = True
            raise OSError("result size limit reached")
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _graph_terms(names: tuple[str, ...]):
    from pyoxigraph import DefaultGraph, NamedNode

    try:
        return [DefaultGraph() if g == STORE_DEFAULT_GRAPH else NamedNode(g) for g in names]
    except ValueError as exc:
        raise QueryError(f"graph names must be absolute IRIs: {exc}") from exc


def _has_graph(store, iri: str) -> bool:
    from pyoxigraph import NamedNode

    return iri == STORE_DEFAULT_GRAPH or store._store.contains_named_graph(NamedNode(iri))


def _query(store, req: QueryRequest) -> Answer:
    from pyoxigraph import QueryBoolean, QuerySolutions

    for g in req.must_exist:
        if not _has_graph(store, g):
            raise NotFound(f"no graph <{g}> in this store")
    missing = [g for g in req.local_graphs if not _has_graph(store, g)]
    if missing:
        raise QueryError(f"FROM <{missing[0]}> is not a graph of this store, and this endpoint "
                         "does not fetch remote documents")
    kwargs: dict = {"base_iri": req.base_iri}
    if req.dataset_given:
        kwargs["default_graph"] = _graph_terms(req.default_graphs)
        kwargs["named_graphs"] = _graph_terms(req.named_graphs) if req.named_graphs else []
    result = store.query(req.sparql, **kwargs)  # without a dataset: FROM, else the union
    if isinstance(result, (QuerySolutions, QueryBoolean)):
        media, table = req.results_media, RESULTS_MEDIA_TYPES
    else:
        media, table = req.graph_media, GRAPH_MEDIA_TYPES
    if media is None:
        raise NotAcceptable(f"acceptable media types for this query: {', '.join(table)}")
    sink = _Limited(req.max_bytes)
    try:
        result.serialize(sink, format=table[media])  # type: ignore[union-attr]
    except OSError:
        if sink.over:
            raise ResultTooLarge(f"the result is over the limit of {req.max_bytes} bytes "
                                 "(stopped while serialising)") from None
        raise
    return Answer(b"".join(sink.chunks), media)


class _Snapshot:
    """A read-only worker's store: the newest snapshot a writer published (kg.store.snapshots),
    reopened before a request when the marker has moved; the store itself until one exists."""

    def __init__(self, path: Path) -> None:
        self.path, self.generation, self.store = path, None, None
        self.refresh()

    def refresh(self):
        from kg.store.snapshots import current

        found = current(self.path)
        if self.store is None or (found is not None and found[0] != self.generation):
            try:
                self.store = OxigraphStore(found[1] if found else self.path, read_only=True)
                self.generation = found[0] if found else None
            except StoreError:
                if self.store is None:  # nothing to fall back on
                    raise
        return self.store


def _update(store, req: UpdateRequest) -> bool | None:
    from pyoxigraph import NamedNode

    if req.protect_prefix:
        hit = [g for g in req.touches if g.startswith(req.protect_prefix)]
        if hit:
            raise ProtectedGraph(f"<{hit[0]}> is derived from a document (its facts, and the counts "
                                 "and entity descriptions computed from them): it is changed only by "
                                 "re-ingesting the document (kg ingest), not by a write here")
        if req.touches_every_graph:
            derived = [g for g in store._store.named_graphs()
                       if isinstance(g, NamedNode) and g.value.startswith(req.protect_prefix)]
            if derived and req.unanalysed:
                from pyoxigraph import Store

                try:  # in memory, on an empty store: only to tell a syntax error first
                    Store().update(req.sparql, base_iri=req.base_iri, prefixes=PREFIXES)
                except SyntaxError as exc:
                    raise QueryError(str(exc)) from None
                except (RuntimeError, OSError, ValueError):
                    pass
            if derived:
                raise ProtectedGraph(f"{req.touches_every_graph} and this store holds {len(derived)} "
                                     "graphs derived from documents, which change only by re-ingesting "
                                     "(kg ingest); name the graphs to change instead")
    existed = _has_graph(store, req.report_graph) if req.report_graph is not None else None
    store.update(req.sparql, base_iri=req.base_iri)
    store.flush()
    _publish(store)  # before the answer: a request sent after it reads the write, on any worker
    return existed


def _publish(store) -> None:
    """The writer's store as the newest snapshot, which every read-only worker (this
    service's and any other ``kg serve`` on the store) reads from its next request on."""
    from kg.store.snapshots import publish

    publish(store)


def _serve(path: str, read_only: bool, allow_network: bool, conn: Connection) -> None:
    """A worker's loop: one store handle, one request at a time."""
    isolated = allow_network or isolate_network()
    try:
        # a read-only worker reads the newest snapshot an ingest published (kg.store.snapshots)
        snapshot = _Snapshot(Path(path)) if read_only else None
        store = snapshot.store if snapshot else OxigraphStore(Path(path), read_only=read_only)
        if not read_only:
            _publish(store)  # the readers start from the store as it is now
    except KgError as exc:
        conn.send(("error", (type(exc).__name__, str(exc))))
        return
    conn.send(("ready", isolated))
    handlers = {"query": _query, "update": _update, "dump": lambda st, fmt: st.dump(fmt)}
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        kind, payload = message
        if snapshot is not None:
            store = snapshot.refresh()
        try:
            reply = ("ok", handlers[kind](store, payload))
        except KgError as exc:
            reply = ("error", (type(exc).__name__, str(exc)))
        except (SyntaxError, RuntimeError, ValueError, TypeError) as exc:
            # pyoxigraph's run-time errors: "The graph <g> already exists", a failed SERVICE …
            reply = ("error", ("QueryError", str(exc)))
        except OSError as exc:
            reply = ("error", ("StoreError", f"the store could not be read or written: {exc}"))
        except Exception as exc:  # noqa: BLE001 - a worker must outlive any one request
            reply = ("error", ("StoreError", f"{type(exc).__name__}: {exc}"))
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(self, path: Path, read_only: bool, allow_network: bool) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(str(path), read_only, allow_network, child),
                                   daemon=True)
        self.process.start()
        child.close()
        self._ready: bool | None = None
        self._failed: KgError | None = None

    def ready(self, timeout: float = 60.0) -> bool:
        """Wait for the worker to open the store; True if its network is cut off."""
        if self._failed is not None:
            raise self._failed
        if self._ready is None:
            try:
                if not self.conn.poll(timeout):
                    raise StoreError("a query worker did not start")
                status, value = self.conn.recv()
            except (EOFError, OSError) as exc:
                status, value = "error", ("StoreError", f"a query worker did not start: {exc}")
            if status != "ready":
                self._failed = _error(value)
                raise self._failed
            self._ready = bool(value)
        return self._ready

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def _error(value) -> KgError:
    name, message = value
    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, KgError)):
        cls = StoreError
    return cls(message)


class _Lane:
    """Workers of one kind; a request waits for a free one, then for its answer."""

    def __init__(self, spawn, size: int) -> None:
        self.spawn = spawn
        self.free = [spawn() for _ in range(size)]
        self.lock = threading.Lock()
        self.available = threading.Semaphore(size)

    def call(self, kind: str, payload: object, deadline: float) -> object:
        # Waiting for a worker gets a budget of its own: a request queued behind a runaway
        # (which is stopped at its deadline) still gets its turn instead of failing.
        wait = QUEUE_WAIT_FACTOR * deadline
        if not self.available.acquire(timeout=wait):
            raise QueryTimeout(f"no query worker became free within {wait:g} s")
        with self.lock:
            worker = self.free.pop()
        try:
            for attempt in (1, 2):
                try:
                    worker.ready()
                    break
                except KgError:
                    # it could not open the store (another process held the write lock):
                    # a new worker tries again now, and if it fails too, at the next request
                    worker.kill()
                    worker = self.spawn()
                    if attempt == 2:
                        raise
            worker.conn.send((kind, payload))
            if not worker.conn.poll(deadline):
                worker.kill()
                worker = self.spawn()
                raise QueryTimeout(f"the {'update' if kind == 'update' else 'query'} ran past the "
                                   f"{deadline:g} s limit and was stopped")
            status, value = worker.conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError) as exc:
            worker.kill()
            worker = self.spawn()
            raise StoreError(f"the query worker died: {exc}") from exc
        finally:
            with self.lock:
                self.free.append(worker)
            self.available.release()
        if status == "error":
            raise _error(value)
        return value

    def close(self) -> None:
        for worker in self.free:
            try:
                worker.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.kill()


class QueryPool:
    """``size`` read-only worker processes that read the newest published snapshot of the
    store (:mod:`kg.store.snapshots`), and, when writable, one writer process that runs the
    updates and publishes a snapshot after each one, before it answers. pyoxigraph calls a
    read-only handle beside a writing process undefined behaviour (RocksDB deletes files a
    reader still wants after a compaction), so readers never open the live store a writer
    holds: they read its checkpoints, and after a write returns every reader answers from it.

    When another process (``kg ingest``) holds the store's write lock, the service still
    starts and answers queries from the snapshots that process publishes; a write gets a
    :class:`StoreError` (503) saying so, and the next write tries to open the store again.
    An update that runs past the deadline has its writer killed: its transaction never
    commits.
    """

    def __init__(self, path: Path, *, size: int = 2, read_only: bool = True,
                 timeout: float = 5.0, allow_network: bool = False) -> None:
        self.path, self.read_only, self.timeout = path, read_only, timeout
        self.allow_network = allow_network
        self.writes = 0  # updates sent through this pool: what caches of its answers key on
        self._writer = None
        isolated = True
        if not read_only:
            self._writer = _Lane(lambda: self._spawn(False), 1)
            try:  # the writer publishes the store first: the readers start from it
                isolated = self._writer.free[0].ready()
            except StoreError:
                pass  # locked by another writer: reads from its snapshots; writes wait for it
        self._readers = _Lane(lambda: self._spawn(True), max(1, size))
        self.isolated = isolated and all(w.ready() for w in self._readers.free)

    def _spawn(self, read_only: bool) -> _Worker:
        return _Worker(self.path, read_only, self.allow_network)

    def _deadline(self, timeout: float | None) -> float:
        return self.timeout if timeout is None else timeout

    def query(self, request: QueryRequest, timeout: float | None = None) -> Answer:
        return self._readers.call("query", request, self._deadline(timeout))  # type: ignore[return-value]

    def update(self, request: UpdateRequest | str, timeout: float | None = None) -> bool | None:
        if self._writer is None:
            from kg.errors import Forbidden

            raise Forbidden("this store is open read-only")
        if isinstance(request, str):
            request = UpdateRequest(request)
        try:
            return self._writer.call("update", request, self._deadline(timeout))  # type: ignore[return-value]
        except StoreError as exc:
            if "lock" not in str(exc).lower():
                raise
            raise StoreError("the store is being written by another process (a `kg ingest`?): "
                             "it answers queries from what that process has committed, and "
                             "takes writes again when it ends") from exc
        finally:
            self.writes += 1  # even a failed one: whether it committed is not known here

    def dump(self, fmt: str) -> bytes:
        return self._readers.call("dump", fmt, self._deadline(None))  # type: ignore[return-value]

    def close(self) -> None:
        self._readers.close()
        if self._writer is not None:
            self._writer.close()


PooledStore = RunnerReader  # the name the routes knew it by

__all__ = ["QueryPool", "PooledStore", "QueryRequest", "UpdateRequest", "Answer", "isolate_network",
           "QueryTimeout", "NotAcceptable", "ResultTooLarge"]
