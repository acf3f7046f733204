"""Triple stores behind one small interface: the only place that talks to a store.

:class:`OxigraphStore` is the embedded on-disk default (pyoxigraph/RocksDB); a remote
SPARQL 1.1 server implements the same :class:`Store` protocol. :func:`open_store` and
:func:`open_runner` (in :mod:`kg.store.open`) decide which from the location.
"""

from __future__ import annotations

from kg.store.base import Runner, Store
from kg.store.open import open_runner, open_store
from kg.store.oxigraph import OxigraphStore

__all__ = ["Store", "Runner", "OxigraphStore", "open_store", "open_runner"]
