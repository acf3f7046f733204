"""Offsets kept sorted, so that a rule asking what lies inside a sentence, an article or a
span costs what is there, not the length of the whole document.

Loops that compared each sentence's (or each mention's) span with every mention of the page
made the cost of one document grow with the square of its length: a 340k-character line
took minutes. These indexes answer the same questions, with the same answers in the same
order, by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Protocol


class _Span(Protocol):
    start: int
    end: int


class SpanIndex:
    """The items of a list (mentions, spans) that lie inside ``[start, end]``, in the list's
    own order, as ``[x for x in items if start <= x.start and x.end <= end]`` gives them.

    The list may grow after the index is made (rules append the sites they name): the new
    items are indexed at the next question. Items are never expected to be removed or
    replaced in place.
    """

    def __init__(self, items: Sequence[_Span]) -> None:
        self.items = items
        self._keys: list[tuple[int, int]] = []  # (start, position in items), sorted
        self._seen = 0

    def _update(self) -> None:
        items = self.items
        if len(items) < self._seen:  # shrunk: index again
            self._keys, self._seen = [], 0
        new = [(items[i].start, i) for i in range(self._seen, len(items))]
        if new:
            if self._keys and new[0] < self._keys[-1]:
                self._keys = sorted(self._keys + new)
            else:
                self._keys.extend(sorted(new))
            self._seen = len(items)

    def inside(self, start: int, end: int) -> list:
        self._update()
        keys, items = self._keys, self.items
        hits = []
        for k in range(bisect.bisect_left(keys, (start, -1)), len(keys)):
            first, i = keys[k]
            if first > end:
                break
            if items[i].end <= end:
                hits.append(i)
        hits.sort()
        return [items[i] for i in hits]


class Cover:
    """Whether a span ``[start, end)`` lies inside one of a set of spans (``a <= start`` and
    ``end <= b``), as ``any(a <= start and end <= b for a, b in spans)`` says, by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach: list[int] = []  # the furthest end of the spans up to each one
        furthest = None
        for _, b in ordered:
            furthest = b if furthest is None or b > furthest else furthest
            self._reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self._starts, start) - 1
        return k >= 0 and self._reach[k] >= end
