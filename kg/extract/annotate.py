"""One reading of a page's text that every later stage shares: its sentences, its words
(one tokenizer call) and every gazetteer name, village name and lexicon word in it (one
Aho–Corasick scan).

The rules used to rescan the text, each for what it wanted (region names here, title heads
there, name suffixes in every sentence); now the page is read once and the rules ask the
reading. Each question gives what a scan of that stretch of text alone would have given:
the longest names left to right, without overlaps (see :meth:`Annotations.regions`).

    >>> notes = annotate("市委书记到茂南区调研。")
    >>> [(a, b, name) for a, b, name, _ in notes.regions()]
    [(5, 8, '茂南区')]
    >>> [(a, b, w) for a, b, w in notes.lexicon(Lexeme.TITLE_HEAD)]
    [(2, 4, '书记')]
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from typing import NamedTuple

import ahocorasick

from kg.extract.segment import Sentence, split_sentences, tag_text

Word = tuple[int, int, str, str]  # start, end, word, part-of-speech tag
RegionHit = tuple[int, int, str, list[str]]  # start, end, name, region keys (as Gazetteer.scan)


class Lexeme(StrEnum):
    """The lexicon words the scan finds, by the table they come from (kg.extract.lexicon)."""

    TITLE_HEAD = "title head"
    SUFFIX = "suffix"


class _Entry(NamedTuple):
    """What one string of the automaton is: a region name, a village name, lexicon words."""

    word: str
    regions: list[str] | None  # the gazetteer's keys for it (by_name), names of 2+ characters
    villages: list[str] | None  # the gazetteer's village keys for it, short enough to be scanned
    lexemes: frozenset[Lexeme]


_NO_LEXEMES: frozenset[Lexeme] = frozenset()


@cache
def automaton() -> ahocorasick.Automaton:
    """Every region name and alias, village name, title head and name suffix, in one
    automaton (built once per process: about a second and 30 MB). Offsets are characters:
    the wheels are built for str, so a CJK character (and one beyond the BMP) is one position."""
    from kg.extract.regions import built_to_last

    with built_to_last():
        return _build_automaton()


def _build_automaton() -> ahocorasick.Automaton:
    from kg.extract.lexicon import SUFFIXES, TITLE_HEADS
    from kg.extract.regions import load_gazetteer

    gaz = load_gazetteer()
    kinds: dict[str, set[Lexeme]] = {}
    for kind, words in ((Lexeme.TITLE_HEAD, TITLE_HEADS), (Lexeme.SUFFIX, SUFFIXES)):
        for w in words:
            kinds.setdefault(w, set()).add(kind)
    lexemes = {w: frozenset(k) for w, k in kinds.items()}
    by_name, villages = gaz.by_name, gaz.villages
    # The old walk stopped at the longest region name: a village longer than that was never seen.
    village_max = gaz.max_len
    auto = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
    for w, keys in by_name.items():
        if len(w) >= 2:
            auto.add_word(w, _Entry(w, keys, villages.get(w) if len(w) <= village_max else None,
                                    lexemes.get(w, _NO_LEXEMES)))
    for w, keys in villages.items():
        if len(w) <= village_max and w not in by_name:
            auto.add_word(w, _Entry(w, None, keys, lexemes.get(w, _NO_LEXEMES)))
    for w, found in lexemes.items():
        if (len(w) < 2 or w not in by_name) and not (w in villages and len(w) <= village_max):
            auto.add_word(w, _Entry(w, None, None, found))
    auto.make_automaton()
    return auto


class Hit(NamedTuple):
    """One occurrence of an automaton string (end exclusive); hits may overlap."""

    start: int
    end: int
    entry: _Entry


def scan(text: str) -> tuple[Hit, ...]:
    """Every occurrence of every automaton string in ``text``, by start then longest first."""
    hits = [Hit(end + 1 - len(e.word), end + 1, e) for end, e in automaton().iter(text)] if text else []
    hits.sort(key=lambda h: (h.start, -h.end))
    return tuple(hits)


def longest_regions(hits: Sequence[Hit], start: int, end: int, villages: bool) -> list[RegionHit]:
    """The region names a left-to-right scan of ``[start, end)`` takes: at each position the
    longest name (a village name only when it is longer than every region name there), then
    on after it. ``hits``: sorted as :func:`scan` sorts them."""
    out: list[RegionHit] = []
    at = start
    i = bisect.bisect_left(hits, start, key=lambda h: h.start)
    n = len(hits)
    while i < n and hits[i].start < end:
        pos = hits[i].start
        best: RegionHit | None = None
        best_village: RegionHit | None = None
        while i < n and hits[i].start == pos:
            h = hits[i]
            if h.end <= end and pos >= at:
                e = h.entry
                if e.regions and best is None:
                    best = (pos, h.end, e.word, e.regions)
                if villages and e.villages and best_village is None:
                    best_village = (pos, h.end, e.word, e.villages)
            i += 1
        if best_village is not None and (best is None or best_village[1] > best[1]):
            best = best_village
        if best is not None:
            out.append(best)
            at = best[1]
    return out


def longest_lexemes(hits: Sequence[Hit], kind: Lexeme, start: int, end: int) -> list[tuple[int, int, str]]:
    """The words of one lexicon table a left-to-right, longest-first regular expression over
    ``[start, end)`` finds (``re.finditer`` of the table's words joined longest first)."""
    out: list[tuple[int, int, str]] = []
    at = start
    i = bisect.bisect_left(hits, start, key=lambda h: h.start)
    for h in hits[i:]:
        if h.start >= end:
            break
        if h.start >= at and h.end <= end and kind in h.entry.lexemes:
            out.append((h.start, h.end, h.entry.word))
            at = h.end
    return out


@dataclass(frozen=True)
class Annotations:
    """A page's text read once: sentences, words and scan hits, all in text offsets."""

    text: str
    sentences: tuple[Sentence, ...]
    words: tuple[Word, ...]
    hits: tuple[Hit, ...]

    @cached_property
    def _word_edges(self) -> tuple[dict[int, int], dict[int, int]]:
        return ({w[0]: i for i, w in enumerate(self.words)}, {w[1]: i for i, w in enumerate(self.words)})

    def words_in(self, start: int, end: int) -> tuple[Word, ...] | None:
        """The words of ``[start, end)`` with offsets from ``start``, as tokenizing that stretch
        alone gives them (jieba cuts at punctuation and line breaks, so a sentence's or a
        line's words are the page's); None when a word of the page crosses an edge."""
        starts, ends = self._word_edges
        if start == end:
            return ()
        if start not in starts or end not in ends:
            return None
        return tuple((a - start, b - start, w, t) for a, b, w, t in self.words[starts[start]:ends[end] + 1])

    def regions(self, start: int = 0, end: int | None = None, villages: bool = True) -> list[RegionHit]:
        """What ``Gazetteer.scan(text[start:end], villages)`` gives, in text offsets."""
        return longest_regions(self.hits, start, len(self.text) if end is None else end, villages)

    def lexicon(self, kind: Lexeme, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """The words of one lexicon table in ``[start, end)``, longest first, no overlaps."""
        return longest_lexemes(self.hits, kind, start, len(self.text) if end is None else end)


def annotate(text: str) -> Annotations:
    """Sentences, words (one tokenizer call) and scan hits (one automaton pass) of ``text``."""
    return Annotations(text, tuple(split_sentences(text)), tag_text(text), scan(text))
