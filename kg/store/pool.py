"""Queries with a deadline: store work runs in worker processes that are killed when late.

Neither pyoxigraph nor a Python thread can be interrupted mid-query, so each worker
is a process holding its own handle on the store; a query past its deadline gets
its worker killed and replaced, and the caller gets :class:`QueryTimeout`. Other
workers keep answering meanwhile.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions

from kg.errors import KgError, QueryError, StoreError
from kg.store.formats import GRAPH_MEDIA_TYPES, RESULTS_MEDIA_TYPES


class QueryTimeout(KgError):
    """A query ran past its deadline and was stopped."""


class NotAcceptable(KgError):
    """No media type the client accepts fits the query's result."""


class ResultTooLarge(KgError):
    """The serialised result is over the configured size limit."""


@dataclass(frozen=True)
class QueryRequest:
    sparql: str
    results_media: str | None
    graph_media: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_bytes: int = 50_000_000


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str


def _answer(store, req: QueryRequest) -> tuple[str, object]:
    kwargs: dict = {}
    try:
        if req.default_graphs:
            kwargs["default_graph"] = [NamedNode(g) for g in req.default_graphs]
        if req.named_graphs:
            kwargs["named_graphs"] = [NamedNode(g) for g in req.named_graphs]
    except ValueError as exc:
        return "query-error", f"default-graph-uri/named-graph-uri must be absolute IRIs: {exc}"
    try:
        result = store.query(req.sparql, **kwargs)
    except QueryError as exc:
        return "query-error", str(exc)
    except (OSError, ValueError) as exc:
        return "query-error", str(exc)
    if isinstance(result, (QuerySolutions, QueryBoolean)):
        media, table = req.results_media, RESULTS_MEDIA_TYPES
    else:
        media, table = req.graph_media, GRAPH_MEDIA_TYPES
    if media is None:
        return "not-acceptable", ", ".join(table)
    body = result.serialize(format=table[media]) or b""  # type: ignore[union-attr]
    if len(body) > req.max_bytes:
        return "too-large", f"the result is {len(body)} bytes; the limit is {req.max_bytes}"
    return "ok", Answer(body, media)


class _Snapshot:
    """A read-only worker's store: the newest snapshot a writer published (kg.store.snapshots),
    reopened before a request when the marker has moved; the store itself until one exists."""

    def __init__(self, path: Path) -> None:
        self.path, self.generation, self.store = path, None, None
        self.refresh()

    def refresh(self):
        from kg.store.oxigraph import OxigraphStore
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


def _serve(path: str, read_only: bool, conn: Connection) -> None:
    from kg.store.oxigraph import OxigraphStore

    snapshot = _Snapshot(Path(path)) if read_only else None
    store = snapshot.store if snapshot else OxigraphStore(Path(path), read_only=read_only)
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        kind, payload = message
        if snapshot is not None:
            store = snapshot.refresh()
        if kind == "query":
            conn.send(_answer(store, payload))
        elif kind == "dump":
            conn.send(("ok", store.dump(payload)))
        elif kind == "update":
            try:
                store.update(payload)
                conn.send(("ok", None))
            except QueryError as exc:
                conn.send(("query-error", str(exc)))
            except (OSError, StoreError) as exc:
                conn.send(("store-error", str(exc)))


class _Worker:
    def __init__(self, path: Path, read_only: bool) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(str(path), read_only, child), daemon=True)
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class QueryPool:
    """``size`` worker processes; a request waits for a free one, then for its answer."""

    def __init__(self, path: Path, *, size: int = 2, read_only: bool = True,
                 timeout: float = 5.0) -> None:
        self.path, self.read_only, self.timeout = path, read_only, timeout
        self._free = [_Worker(path, read_only) for _ in range(size)]
        self._lock = threading.Lock()
        self._available = threading.Semaphore(size)

    def _call(self, kind: str, payload: object, timeout: float | None) -> object:
        deadline = self.timeout if timeout is None else timeout
        if not self._available.acquire(timeout=deadline):
            raise QueryTimeout(f"no query worker became free within {deadline:g} s")
        with self._lock:
            worker = self._free.pop()
        try:
            worker.conn.send((kind, payload))
            if not worker.conn.poll(deadline):
                worker.kill()
                worker = _Worker(self.path, self.read_only)
                raise QueryTimeout(f"the query ran past the {deadline:g} s limit and was stopped")
            status, value = worker.conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError) as exc:
            worker.kill()
            worker = _Worker(self.path, self.read_only)
            raise StoreError(f"the query worker died: {exc}") from exc
        finally:
            with self._lock:
                self._free.append(worker)
            self._available.release()
        if status == "query-error":
            raise QueryError(str(value))
        if status == "not-acceptable":
            raise NotAcceptable(f"acceptable media types for this query: {value}")
        if status == "too-large":
            raise ResultTooLarge(str(value))
        if status == "store-error":
            raise StoreError(str(value))
        return value

    def query(self, request: QueryRequest, timeout: float | None = None) -> Answer:
        return self._call("query", request, timeout)  # type: ignore[return-value]

    def update(self, sparql: str, timeout: float | None = None) -> None:
        self._call("update", sparql, timeout)

    def close(self) -> None:
        for worker in self._free:
            try:
                worker.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.kill()


class PooledStore:
    """The read side of a store, answered by a :class:`QueryPool` (so every read has a deadline)."""

    def __init__(self, pool: QueryPool) -> None:
        self.pool = pool

    def select(self, sparql: str) -> list[dict[str, str | None]]:
        import json

        answer = self.pool.query(QueryRequest(sparql, "application/sparql-results+json", None))
        data = json.loads(answer.body)
        names = data["head"]["vars"]
        return [{n: (b[n]["value"] if n in b else None) for n in names}
                for b in data["results"]["bindings"]]

    def dump(self, fmt: str) -> bytes:
        return self.pool._call("dump", fmt, None)  # type: ignore[return-value]
