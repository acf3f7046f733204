"""Reading documents: bytes → clean simplified-Chinese text plus what the masthead says.

Reads files only; knows nothing of extraction or RDF.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from charset_normalizer import from_bytes

from kg.errors import DocumentError

MAX_BYTES = 20 * 1024 * 1024
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_END = "。！？!?；;：:…”』」）)】"
_PAPER = re.compile(r"([\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|商报|都市报|报))")
_MASTHEAD_DATE = re.compile(r"(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
_YEAR = re.compile(r"(20\d{2})年")
_BODY_MARK = re.compile(r"[，,。；;：:]")
# Lines that are never the second half of a cut paragraph: a photo credit ends the line
# before (… 摄, … 供图), a dateline or byline opens the next (本报讯, 记者 张三).
_CREDIT_END = re.compile(r"(?:摄|供图|图)$")
_OPENS_ARTICLE = re.compile(r"^(?:本报讯|新华社|据新华社|本报记者|记者|通讯员)|记者\s*[\u4e00-\u9fff]{2,3}$")


@dataclass(frozen=True)
class Document:
    """A decoded document: ``text`` is simplified Chinese, page-broken lines re-joined."""

    doc_id: str
    source: str
    text: str
    newspaper: str | None
    issue_date: dt.date | None
    year: int | None


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode UTF-8, or GB18030/GBK/Big5 as detected; refuse empty and binary input.

    >>> decode("茂名日报".encode("gb18030"))
    '茂名日报'
    """
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name}: {len(data)} bytes is over the {MAX_BYTES}-byte limit")
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{name}: binary content (NUL bytes), not a text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_legacy(data, name)
    if not _CJK.search(text):
        raise DocumentError(f"{name}: no Chinese text found (is it the right file?)")
    return text


def _decode_legacy(data: bytes, name: str) -> str:
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_CJK.findall(text)) > len(text) * 0.2:
            return text
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(f"{name}: cannot detect the text encoding (not UTF-8, GB18030 or Big5)")
    return str(best)


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified characters (OpenCC's t2s table)."""
    return _t2s().convert(text)


def normalize(text: str) -> str:
    """NFKC (full-width ASCII → ASCII), simplified characters, page breaks re-joined."""
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = to_simplified(text)
    return _join_broken_lines(text)


def _join_broken_lines(text: str) -> str:
    """Re-join a paragraph that the page layout cut in two (a long line with no final stop)."""
    lines = [line.strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        prev = out[-2] if len(out) >= 2 and out[-1] == "" else (out[-1] if out else "")
        if prev and prev is out[0]:
            prev = ""  # the first line is the headline: never the first half of a paragraph
        # A body paragraph (it has a comma or stop) that ends mid-word was cut by the layout;
        # a headline has neither and stays on its own.
        if (prev and _CJK.match(prev[-1]) and _BODY_MARK.search(prev)
                and _CJK.match(line[0]) and not line.startswith(("(", "（"))
                and not _CREDIT_END.search(prev) and not _OPENS_ARTICLE.search(line)):
            if out[-1] == "":
                out.pop()
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return "\n".join(out).strip() + "\n"


def read_masthead(text: str) -> tuple[str | None, dt.date | None]:
    """Newspaper name and issue date from the first lines of a page, if it has a masthead.

    >>> read_masthead("贵州日报\\nGUIZHOU RIBAO\\n2026年1月\\n16\\n星期五\\n")
    ('贵州日报', datetime.date(2026, 1, 16))
    """
    head = "\n".join(text.split("\n")[:40])[:1500]
    paper = None
    for line in head.split("\n")[:25]:
        line = line.strip(" #*\u3000")
        m = _PAPER.match(line)
        rest = line[m.end():].strip() if m else ""
        # 贵州日报 alone on its line, or 昌吉日报 2026年5月6日 / 昌吉日报 第3版 on one line
        if m and (not rest or rest[0] in "0123456789第（(" or _MASTHEAD_DATE.match(rest)):
            paper = m.group(1)
            break
    issue = None
    m = _MASTHEAD_DATE.search(head)
    if m and paper:
        try:
            issue = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            issue = None
    return paper, issue


def reference_year(text: str, issue_date: dt.date | None) -> int | None:
    """The year to resolve 4月8日 against.

    The issue date's year; else the latest year of a full date on the page; else the
    year the page names most often (plans name future years, so not the latest).
    """
    if issue_date:
        return issue_date.year
    full = [int(m.group(1)) for m in _MASTHEAD_DATE.finditer(text)]
    if full:
        return max(full)
    years = [int(y) for y in _YEAR.findall(text)]
    return Counter(years).most_common(1)[0][0] if years else None


def doc_id_for(path: Path) -> str:
    """A stable id: the file name without its extension, restricted to safe characters."""
    stem = re.sub(r"[^\w.-]+", "_", path.stem, flags=re.UNICODE).strip("_")
    return stem or "document"


def load(data: bytes, source: str, doc_id: str, *, newspaper: str | None = None,
         issue_date: dt.date | None = None) -> Document:
    """Decode and normalise one document; masthead values fill in what the caller did not say."""
    text = normalize(decode(data, source))
    paper, issue = read_masthead(text)
    newspaper = newspaper or paper
    issue_date = issue_date or issue
    return Document(doc_id=doc_id, source=source, text=text, newspaper=newspaper,
                    issue_date=issue_date, year=reference_year(text, issue_date))


def read_file(path: Path) -> Document:
    """Read one file from disk (see :func:`load`)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: {exc.strerror}") from exc
    return load(data, str(path), doc_id_for(path))


def iter_paths(paths: list[Path]) -> list[Path]:
    """Expand folders into the .txt files below them, sorted; keep named files as given."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.txt") if q.is_file()))
        else:
            out.append(p)
    return out
