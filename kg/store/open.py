"""The one place that decides folder versus URL: a folder is the embedded store, an
http(s) URL is a SPARQL 1.1 server's query endpoint."""

from __future__ import annotations

from pathlib import Path

from kg.store.base import Runner, RunnerReader, Store


def is_url(location: Path | str | None) -> bool:
    return isinstance(location, str) and location.startswith(("http://", "https://"))


def open_store(location: Path | str | None, *, read_only: bool = False) -> Store:
    """A folder (the embedded store; ``None``: in memory) or a SPARQL server's query URL."""
    if is_url(location):
        from kg.store.remote import RemoteStore

        return RemoteStore(str(location))
    from kg.store.oxigraph import OxigraphStore

    return OxigraphStore(None if location is None else Path(location), read_only=read_only)


def open_runner(location: Path | str, *, read_only: bool, workers: int = 2, timeout: float = 5.0,
                allow_network: bool = False) -> tuple[Runner, object]:
    """The service's runner and the reader its friendly routes use.

    On a folder: worker processes with a deadline (one, the writer, when writable; without
    ``allow_network`` the workers have no network at all, so the engine cannot fetch
    SERVICE or LOAD IRIs whatever a query says). On a URL: the server's own deadline.
    """
    if is_url(location):
        from kg.store.remote import RemoteRunner, RemoteStore

        remote = RemoteStore(str(location), timeout=timeout)
        return RemoteRunner(remote, timeout), remote
    from kg.store.pool import QueryPool

    pool = QueryPool(Path(location), size=1 if not read_only else max(1, workers),
                     read_only=read_only, timeout=timeout, allow_network=allow_network)
    return pool, RunnerReader(pool)
