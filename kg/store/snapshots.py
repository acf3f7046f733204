"""Snapshots a read-only service reads while another process writes the store.

RocksDB (under pyoxigraph) may not be opened read-only while another process writes it.
So the writer publishes: after its transactions it takes a checkpoint of the store
(``Store.backup``: a consistent copy made of hard links, cheap) into
``<store>/zhkg-snapshots/<generation>`` and then points the ``CURRENT`` marker at it with
an atomic rename. A reader opens the generation the marker names and, before each
request, reopens when the marker has moved: it sees every committed transaction within
one publish interval, never a half-written one, and all readers read the newest snapshot.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

FOLDER = "zhkg-snapshots"
MARKER = "CURRENT"
KEEP_SECONDS = 60.0  # a snapshot outlives its successor by this much (readers still on it)


def publish(store) -> str:
    """Checkpoint ``store`` (an on-disk :class:`kg.store.OxigraphStore` open for writing) as a
    new generation, point the marker at it, and remove generations superseded long ago."""
    root = Path(store.path) / FOLDER
    root.mkdir(exist_ok=True)
    generation = f"{time.time_ns():020d}"
    store.checkpoint(root / generation)
    temp = root / f"{MARKER}.{os.getpid()}.tmp"
    temp.write_text(generation)
    os.replace(temp, root / MARKER)
    _prune(root, generation)
    return generation


def current(path: Path) -> tuple[str, Path] | None:
    """The generation the marker names and its folder, or None if nothing was published."""
    try:
        generation = (Path(path) / FOLDER / MARKER).read_text().strip()
    except OSError:
        return None
    folder = Path(path) / FOLDER / generation
    return (generation, folder) if generation and folder.is_dir() else None


def _prune(root: Path, newest: str) -> None:
    generations = sorted(p.name for p in root.iterdir() if p.is_dir() and p.name.isdigit())
    now = time.time_ns()
    for old, successor in zip(generations, generations[1:]):
        if old != newest and now - int(successor) > KEEP_SECONDS * 1e9:
            shutil.rmtree(root / old, ignore_errors=True)
