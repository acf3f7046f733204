"""Answers the service keeps in memory (the search index, the visits table), rebuilt when the
store they were read from changes.

How the service tells that the store changed:

- a read-only service on a folder reads the newest snapshot a writer published
  (:mod:`kg.store.snapshots`): the generation the ``CURRENT`` marker names;
- a writable service is the only writer of its folder: the number of updates sent through
  its pool (``QueryPool.writes``);
- a remote SPARQL server may be written by anyone: the updates sent through this service,
  and otherwise at most :data:`REMOTE_SECONDS` of staleness.

A rebuild that took less than :data:`WAIT_SECONDS` last time is waited for (the next answer
is current); a slower one runs in a thread while the previous copy keeps answering, so a
large store never makes a search wait for its index.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from fastapi import Request

from kg.store.base import QueryRequest

T = TypeVar("T")
log = logging.getLogger(__name__)
REMOTE_SECONDS = 30.0
WAIT_SECONDS = 1.0
BUILD_TIMEOUT = 300.0  # seconds a rebuild's queries may take (well over a request's deadline)
BUILD_BYTES = 2_000_000_000


def store_version(runner) -> tuple:
    """What changes when the store behind ``runner`` may have changed."""
    from kg.store.snapshots import current

    writes = getattr(runner, "writes", 0)
    path = getattr(runner, "path", None)
    if isinstance(path, Path):
        found = current(path)
        return (found[0] if found else None, writes)
    return (int(time.monotonic() // REMOTE_SECONDS), writes)


def select_all(runner, sparql: str) -> list[dict[str, str | None]]:
    """A SELECT for a rebuild: the runner's workers, with a rebuild's deadline and size."""
    answer = runner.query(QueryRequest(sparql, "application/sparql-results+json", None,
                                       max_bytes=BUILD_BYTES), timeout=BUILD_TIMEOUT)
    data = json.loads(answer.body)
    names = data["head"]["vars"]
    return [{n: (b[n]["value"] if n in b else None) for n in names} for b in data["results"]["bindings"]]


class Fresh(Generic[T]):
    """A value built from the store by ``build(runner)``, rebuilt when the store's version moves."""

    def __init__(self, runner, build: Callable[[object], T]) -> None:
        self.runner, self.build = runner, build
        self.value: T | None = None
        self.version: tuple | None = None
        self.seconds = 0.0  # how long the last build took
        self.lock = threading.Lock()
        self.building: threading.Thread | None = None

    def get(self) -> T:
        version = store_version(self.runner)
        if self.value is not None and version == self.version:
            return self.value
        with self.lock:
            if self.value is not None and version == self.version:
                return self.value
            if self.value is None or self.seconds < WAIT_SECONDS:
                self._rebuild(version)
            elif self.building is None or not self.building.is_alive():
                self.building = threading.Thread(target=self._rebuild_later, args=(version,), daemon=True)
                self.building.start()
            assert self.value is not None
            return self.value

    def _rebuild(self, version: tuple) -> None:
        start = time.perf_counter()
        value = self.build(self.runner)
        self.value, self.version, self.seconds = value, version, time.perf_counter() - start

    def current(self) -> T | None:
        """The value if it was built from the store as it is now, else None (a rebuild then
        runs, as for :meth:`get`)."""
        value = self.get()
        return value if self.version == store_version(self.runner) else None

    def _rebuild_later(self, version: tuple) -> None:
        start = time.perf_counter()
        try:
            value = self.build(self.runner)
        except Exception as exc:  # the service goes on with the old copy; the next change retries
            log.warning("rebuilding in the background failed: %s", exc)
            return
        with self.lock:
            self.value, self.version, self.seconds = value, version, time.perf_counter() - start


_CREATE = threading.Lock()


def _holder(app, name: str, build: Callable[[object], T]) -> Fresh[T]:
    """The app's :class:`Fresh` called ``name``, created on first use."""
    holder = getattr(app.state, name, None)
    if holder is None:
        with _CREATE:
            holder = getattr(app.state, name, None)
            if holder is None:
                holder = Fresh(app.state.pool, build)
                setattr(app.state, name, holder)
    return holder


def fresh(request: Request, name: str, build: Callable[[object], T]) -> T:
    """The app's current ``name`` (created on first use), built by ``build`` from its store."""
    return _holder(request.app, name, build).get()


def fresh_current(request: Request, name: str, build: Callable[[object], T]) -> T | None:
    """The app's ``name`` if it is current, else None (while a slow rebuild runs): for answers
    that must show a write that just went through, which then ask the store instead."""
    return _holder(request.app, name, build).current()


def warm(app, name: str, build: Callable[[object], T]) -> threading.Thread:
    """Build ``name`` now, in a thread, so that the first visitor of the morning does not wait
    for it (the visits table of a million-triple store takes tens of seconds); a request that
    comes sooner waits for this build instead of starting its own."""
    holder = _holder(app, name, build)

    def run() -> None:
        try:
            holder.get()
        except Exception as exc:  # the service goes on; the next request builds it again
            log.warning("building %s at start-up failed: %s", name, exc)

    thread = threading.Thread(target=run, name=f"warm-{name}", daemon=True)
    thread.start()
    return thread
