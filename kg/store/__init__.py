"""Triple stores behind one small interface: the only place that talks to a store.

:class:`OxigraphStore` is the embedded on-disk default (pyoxigraph/RocksDB). A
remote SPARQL 1.1 server can implement the same :class:`Store` protocol.
"""

from __future__ import annotations

from kg.store.base import Store
from kg.store.oxigraph import OxigraphStore, open_store

__all__ = ["Store", "OxigraphStore", "open_store"]
