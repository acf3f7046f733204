"""Sentences and words: the one place that talks to jieba."""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import jieba

from kg.extract.lexicon import SUFFIXES, TITLE_HEADS

jieba.setLogLevel(logging.WARNING)

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*[”’」』]?")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets in ``text``; a line break always ends one.

    >>> [s.text for s in split_sentences("他来了。她走了！\\n标题")]
    ['他来了。', '她走了！', '标题']
    """
    out: list[Sentence] = []
    for m in _SENTENCE.finditer(text):
        chunk = m.group(0)
        stripped = chunk.strip()
        if not stripped:
            continue
        start = m.start() + (len(chunk) - len(chunk.lstrip()))
        for offset, piece in _pieces(stripped):
            out.append(Sentence(len(out), start + offset, start + offset + len(piece), piece))
    return out


MAX_SENTENCE = 500
_BREAK = re.compile(r".*[，,、；;：:\s]", re.S)


def _pieces(sentence: str) -> list[tuple[int, str]]:
    """An over-long sentence (a line without stops) in pieces of at most MAX_SENTENCE
    characters, cut after the last comma or space of each: reading a sentence costs more
    than linear time in its length, so a 1 MB line would otherwise take hours."""
    if len(sentence) <= MAX_SENTENCE:
        return [(0, sentence)]
    out, at = [], 0
    while at < len(sentence):
        window = sentence[at:at + MAX_SENTENCE]
        m = _BREAK.match(window) if at + MAX_SENTENCE < len(sentence) else None
        cut = m.end() if m and m.end() > MAX_SENTENCE // 2 else len(window)
        piece = window[:cut]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append((at + lead, piece.strip()))
        at += cut
    return out


class Dictionary(NamedTuple):
    """jieba's dictionary, read once: each word's frequency (with the words
    :func:`_added_words` teaches the tokenizer, as jieba's ``Tokenizer.add_word`` would) and its
    part-of-speech tag (the dictionary's own)."""

    freq: dict[str, int]
    tags: dict[str, str]


@cache
def dictionary() -> Dictionary:
    """jieba's ``dict.txt`` read as two tables (jieba's own Python tokenizer and ``jieba.posseg``
    each loaded it with every prefix of every word: twice the time, for two lookups)."""
    from kg.extract.regions import built_to_last

    with built_to_last():
        freq: dict[str, int] = {}
        tags: dict[str, str] = {}
        with jieba.get_dict_file() as f:
            for raw in f:
                parts = raw.strip().decode("utf-8").split(" ")
                if len(parts) >= 2:
                    freq[parts[0]] = int(parts[1])
                if len(parts) == 3:
                    tags[parts[0]] = parts[2]
        # jieba's tokenizer also holds every prefix of its words (at 0): a word "not yet known"
        # is neither a word nor such a prefix (of the dictionary's words: the first word in
        # order not before it starts with it; of the added words: kept as they are added).
        ordered = sorted(freq)
        added: set[str] = set()
        for word, count, _, only_if_new in _added_words():
            if only_if_new:
                at = bisect.bisect_left(ordered, word)
                if (word in freq or word in added
                        or (at < len(ordered) and ordered[at].startswith(word))):
                    continue
            freq[word] = count
            added.update(word[:j] for j in range(1, len(word)))
    return Dictionary(freq, tags)


def _added_words():
    """The words both tokenizers learn: region names (when the dictionary lacks them), title
    heads and name suffixes, as (word, frequency, tag, only if the word is new)."""
    from kg.extract.regions import load_gazetteer

    for name in load_gazetteer().by_name:
        if len(name) >= 2:
            yield name, 2000, "ns", True
    for word in (*TITLE_HEADS, *SUFFIXES):
        if len(word) >= 2:
            yield word, 5000, "n", False


@cache
def _tagger():
    """jieba's dictionary run by its Rust port (rjieba), ~30× faster than ``jieba.posseg``.

    Dictionary words and tags are jieba's; unknown stretches are split by jieba's word HMM
    and not by posseg's joint tag HMM, which reads some unknown names better (posseg:
    庄悦群; here 庄悦|群到). Names are read from characters by the rules and the CRF, so
    this costs little: seed scores are unchanged, CLUENER macro F1 moved by -0.004."""
    import rjieba

    tok = rjieba.Jieba()
    for word, freq, tag, only_if_new in _added_words():
        if not only_if_new or not tok.has_word(word):
            tok.add_word(word, freq, tag)
    return tok


def line_of(text: str, pos: int) -> tuple[int, str]:
    """The line of ``text`` that holds offset ``pos``, with the offset where it starts: the
    words of a line are read (and cached) once, whichever rule asks."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, text[start:end if end >= 0 else len(text)]


def line_words(text: str, pos: int) -> tuple[int, int, tuple[tuple[int, int, str, str], ...], list[int]]:
    """The line of ``text`` that holds offset ``pos`` (as :func:`line_of` finds it): where it
    starts and ends, its words as :func:`tagged` reads them (offsets in the line) and the
    words' starts, for bisection. The lines of a text are found once and each is read once,
    so asking at every mention of a 1 MB line costs the mentions, not the line each time."""
    return _lines(text).at(pos)


class _Lines:
    def __init__(self, text: str, words: tuple[tuple[int, int, str, str], ...] | None = None) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.read: dict[int, tuple] = {}
        self.words = words  # the whole text's words, when the page was read at once
        self.word_starts = {w[0]: i for i, w in enumerate(words)} if words is not None else {}

    def at(self, pos: int):
        start = self.starts[bisect.bisect_right(self.starts, pos) - 1]
        if start not in self.read:
            end = self.text.find("\n", start)
            end = end if end >= 0 else len(self.text)
            words = self._of_line(start, end)
            self.read[start] = (start, end, words, [w[0] for w in words])
        return self.read[start]

    def _of_line(self, start: int, end: int) -> tuple[tuple[int, int, str, str], ...]:
        """A line's words: read from the page's words (jieba cuts at line breaks, so they
        are the same), else by tokenizing the line."""
        i = self.word_starts.get(start)
        if self.words is None or (i is None and start != end):
            return tagged(self.text[start:end])
        out = []
        while i is not None and i < len(self.words) and self.words[i][1] <= end:
            a, b, w, t = self.words[i]
            out.append((a - start, b - start, w, t))
            i += 1
        return tuple(out)


_LINES: dict[str, _Lines] = {}  # the last two texts asked about, oldest first


def _lines(text: str) -> _Lines:
    lines = _LINES.get(text)
    if lines is None:
        lines = remember_words(text, None)
    return lines


def remember_words(text: str, words: tuple[tuple[int, int, str, str], ...] | None) -> _Lines:
    """Let :func:`line_words` read ``text``'s lines from ``words``, the one tokenizer call
    over the whole text (:func:`kg.extract.annotate.annotate` makes it)."""
    lines = _LINES[text] = _Lines(text, words)
    while len(_LINES) > 2:
        del _LINES[next(iter(_LINES))]
    return lines


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Words of ``text`` as (start, end, word)."""
    return [(s, e, w) for s, e, w, _ in tagged(text)]


@lru_cache(maxsize=8192)
def tagged(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """Words of ``text`` with jieba's part-of-speech tags, as (start, end, word, tag).

    Cached: the rules and the tagger both read each sentence's words.
    """
    return tag_text(text)


def tag_text(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """:func:`tagged`, uncached: for a whole page, read once."""
    out = []
    pos = 0
    for word, flag in _tagger().tag(text):
        out.append((pos, pos + len(word), word, flag))
        pos += len(word)
    return tuple(out)


def is_word(text: str) -> bool:
    """Whether jieba's dictionary holds ``text`` as a word."""
    return dictionary().freq.get(text, 0) > 0


def word_freq(word: str) -> int:
    """jieba's frequency of a word (0 for a word it does not know)."""
    return dictionary().freq.get(word, 0)


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag of a dictionary word, None for a word it does not know."""
    return dictionary().tags.get(word)


@cache
def transliteration_chars() -> dict[str, int]:
    """How many of jieba's transliterated names (tag ``nrt``: 内塔尼亚胡, 奥尔特加) hold each
    character: the characters foreign names are spelt with (卡 305, 尔 1,119; 念 and 展 none)."""
    out: dict[str, int] = {}
    for word, tag in dictionary().tags.items():
        if tag == "nrt":
            for c in set(word):
                out[c] = out.get(c, 0) + 1
    return out
