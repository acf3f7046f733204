"""Extraction on a Dask distributed cluster: the unit of work runs on the cluster's workers,
the results come back here in order and are stored by this process.

Start a scheduler (``dask scheduler``) and workers (``dask worker tcp://HOST:8786``) on
machines that have zhkg installed; ``kg ingest --cluster tcp://HOST:8786`` then reads the
sources here and ships each record (bytes and metadata) to a worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.errors import KgError
from kg.ingest import Options, Result, bounded_map, record_to_result
from kg.sources import Item


class ClusterError(KgError):
    """The Dask scheduler cannot be reached, or the cluster has no workers."""


def run_on_cluster(address: str, items: Iterable[Item], options: Options,
                   *, timeout: float = 30.0) -> Iterator[Result]:
    """Results of :func:`kg.ingest.record_to_result` run on the cluster at ``address``, in
    the order of ``items``, with a bounded number of records in flight (4 per worker thread)."""
    from distributed import Client

    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError as exc:
            raise ClusterError(f"the Dask cluster at {address} has no workers") from exc
        threads = sum(client.nthreads().values()) or 1
        yield from bounded_map(
            lambda r: client.submit(record_to_result, r, options, pure=False),
            items, 4 * threads)
    finally:
        client.close()
