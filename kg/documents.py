"""Reading documents: bytes → clean simplified-Chinese text plus what the masthead says.

Reads files only; knows nothing of extraction or RDF.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
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
# 时间:2013-09-29 00:00:00, 2022/03/30: a web page's date stamp, written with digits only.
_STAMP_DATE = re.compile(r"(?<![0-9./-])(20\d{2}|19\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![0-9])")
_ANY_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# What makes a paragraph a body paragraph the layout may cut: a comma or a stop. A colon does
# not (当前位置:首页 > 要闻, 第A01版:要闻, 来源:…, 某某县:书记在园区调研 are the page's navigation,
# credits and headlines, and the headline or paragraph after them is no continuation of theirs).
_BODY_MARK = re.compile(r"[，,。；;]")
# Lines that are never the second half of a cut paragraph: a photo credit ends the line
# before (… 摄, … 供图), a dateline or byline opens the next (本报讯, 记者 张三).
_CREDIT_END = ("摄", "图")  # … 摄, … 供图, … 图
# (海南日报文城7月21日电, 国际在线吉林消息: a paper's dateline)
_OPENS_ARTICLE = re.compile(r"^(?:本报讯|新华社|据新华社|本报记者|记者|通讯员|[\u4e00-\u9fff]{2,12}\d{1,2}月\d{1,2}日[电讯])"
                            r"|记者\s*[\u4e00-\u9fff]{2,3}$")
# 来源:人民网-黑龙江频道, 作者:…, 责任编辑:…: a line of the page's credits is no paragraph the layout
# cut, though its colon reads as a body's mark; the headings and the story after it stay lines.
# (2021-07-22 08:50 来源: 海南日报: its time stamp may open it)
_CREDIT_LINE = re.compile(r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*)?"
                          r"(?:来源|稿源|作者|编辑|责任编辑|责编|发布时间|发布日期|时间)\s*[:：]")


@dataclass(frozen=True)
class Document:
    """A decoded document: ``text`` is simplified Chinese, page-broken lines re-joined."""

    doc_id: str
    source: str
    text: str
    newspaper: str | None
    issue_date: dt.date | None
    year: int | None
    title: str | None = None


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode UTF-8 (or UTF-16/32 with a byte-order mark), else the legacy encoding whose
    reading looks most like Chinese; refuse empty, over-long and binary input.

    >>> decode("茂名日报".encode("gb18030"))
    '茂名日报'
    >>> decode("茂名日報".encode("big5"))
    '茂名日報'
    """
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name}: {len(data)} bytes is over the {MAX_BYTES}-byte limit")
    text = _decode_bom(data, name)
    if text is None:
        if b"\x00" in data:
            raise DocumentError(f"{name}: binary content (NUL bytes at byte {data.index(0)}), "
                                "not a text document")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data, name)
    if "\x00" in text:
        raise DocumentError(f"{name}: binary content (NUL characters), not a text document")
    if not _CJK.search(text):
        raise DocumentError(f"{name}: no Chinese text found (is it the right file?)")
    return text


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def _decode_bom(data: bytes, name: str) -> str | None:
    """The text of data that starts with a byte-order mark, None without one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{name}: starts with a {encoding.upper()} byte-order mark "
                                    f"but is not valid {encoding.upper()}: {exc.reason} at byte "
                                    f"{exc.start}") from exc
    return None


# Legacy encodings a Chinese page comes in. Big5 bytes are mostly valid GB18030 too (and the
# other way round), so a strict decode alone cannot tell them apart: each candidate that
# decodes is read, and the one whose characters are common Chinese ones wins.
_LEGACY = ("gb18030", "big5hkscs")


def _decode_legacy(data: bytes, name: str) -> str:
    encoding = legacy_encoding(data)
    if encoding is None:
        raise DocumentError(f"{name}: cannot detect the text encoding (not UTF-8, UTF-16 with a "
                            "byte-order mark, GB18030 or Big5)")
    return data.decode(encoding)


def legacy_encoding(data: bytes, *, sample: bool = False) -> str | None:
    """The legacy encoding ``data`` reads best in (None if none decodes it). With ``sample``
    the bytes are the start of a longer file and may end inside a character."""
    candidates = list(_LEGACY)
    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    readings = []
    for encoding in candidates:
        for cut in range(4 if sample else 1):
            try:
                readings.append((chinese_score(data[:len(data) - cut].decode(encoding)), encoding))
                break
            except (UnicodeDecodeError, LookupError):
                continue
    return max(readings)[1] if readings else None


def chinese_score(text: str, sample: int = 20000) -> float:
    """How much ``text`` reads as Chinese: the share of its CJK characters (in simplified
    form) that are among GB2312's 6,763 common characters. A right reading scores near 1,
    Big5 read as GB18030 (or the reverse) about 0.6; no CJK at all scores 0."""
    cjk = _CJK.findall(to_simplified(text[:sample]))
    if not cjk:
        return 0.0
    common = sum(1 for c in cjk if _is_common(c))
    return common / len(cjk)


def _is_common(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@cache
def _t2s_changes() -> frozenset[str]:
    """Every character that OpenCC's t2s tables may write otherwise: in each entry (a phrase or a
    character, and its first rendering), the characters of the entry that its rendering changes
    (all of them when the two differ in length). A text with none of them converts to itself."""
    import json

    import opencc

    folder = Path(opencc.__file__).parent
    config = json.loads((folder / "config" / "t2s.json").read_text(encoding="utf-8"))
    files = [d["file"] for step in config["conversion_chain"] for d in step["dict"]["dicts"]]
    out: set[str] = set()
    for name in files:
        for line in (folder / "dictionary" / name).read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            value = values.split(" ")[0] if values else key
            if len(key) != len(value):
                out.update(key)
            else:
                out.update(k for k, v in zip(key, value) if k != v)
    return frozenset(out)


# Variant forms of traditional characters that OpenCC's t2s tables leave as they are, met on
# traditional pages (陜西 for 陝西, the form Big5 fonts draw; 靑, 淸, 硏 from Japanese and Korean
# code points; 堿 and 崐, older forms of 碱 and 昆): a company named 陜西…有限公司 is the 陕西…
# 有限公司 of every other page.
_VARIANT_FORMS = "陜尙吿衞鄕淸靑硏堿崐"
_VARIANTS = str.maketrans(_VARIANT_FORMS, "陕尚告卫乡清青研碱昆")
_VARIANT_CHARS = frozenset(_VARIANT_FORMS)


def to_simplified(text: str) -> str:
    """Traditional → simplified characters (OpenCC's t2s table, then the variant forms it leaves).
    Most pages are simplified already: those are returned as they are without the conversion's
    pure-Python scan (which was a tenth of the ingest's time)."""
    if not _t2s_changes().isdisjoint(text):
        text = _t2s().convert(text)
    return text if _VARIANT_CHARS.isdisjoint(text) else text.translate(_VARIANTS)


def normalize(text: str) -> str:
    """NFKC (full-width ASCII → ASCII), simplified characters, page breaks re-joined."""
    return _join_broken_lines(_normalized_lines(text))


# Characters normalised at a time (whole lines): a 20 MB document is not copied whole at
# every step, so what normalising holds beside the text is a block, not ten times the text.
_BLOCK = 1 << 16


def _normalized_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` (as ``split("\n")`` cuts them, line breaks unified), NFKC and
    simplified, a block of lines at a time (neither step looks across a line break)."""
    at = 0
    while at < len(text):
        end = text.find("\n", at + _BLOCK)
        end = len(text) if end < 0 else end + 1
        block = text[at:end].replace("\r\n", "\n").replace("\r", "\n")
        lines = to_simplified(unicodedata.normalize("NFKC", block)).split("\n")
        if end < len(text):
            lines.pop()  # the block ends with its line break: no line after it
        yield from lines
        at = end


def _join_broken_lines(lines: Iterable[str]) -> str:
    """Re-join a paragraph that the page layout cut in two (a long line with no final stop).

    Paragraphs are kept as lists of their pieces and joined once, so a page of many cut
    lines costs time linear in its length; only the last paragraph (and a blank line after
    it) can still be continued, so the ones before are joined as soon as they are done."""
    done: list[str] = []  # finished paragraphs, "" a blank line
    out: list[list[str]] = []  # the paragraphs still open, as their pieces; [] is a blank line
    first = None  # the first paragraph (a headline): never continued
    for raw in lines:
        line = raw.strip()
        if not line:
            if out and out[-1]:
                out.append([])
            continue
        prev = out[-2] if len(out) >= 2 and not out[-1] else (out[-1] if out else None)
        if prev is not None and prev is not first and _continues(prev, line):
            if not out[-1]:
                out.pop()
            out[-1].append(line)
        else:
            out.append([line])
            first = first or out[-1]
        while len(out) > 2:
            done.append("".join(out.pop(0)))
    done += ["".join(p) for p in out]
    while done and not done[-1]:  # the text's ends trimmed (its lines are, and no blank opens it)
        done.pop()
    done.append("")  # it ends with a line break
    return "\n".join(done) or "\n"


def _continues(prev: list[str], line: str) -> bool:
    """A body paragraph (it has a comma or stop) that ends mid-word was cut by the layout;
    a headline (never ``out[0]``, checked by the caller) has neither and stays on its own."""
    last = prev[-1]
    return bool(_CJK.match(last[-1]) and _BODY_MARK.search(prev[0]) and not _CREDIT_LINE.match(last)
                and not _CREDIT_LINE.match(line) and _CJK.match(line[0]) and not line.startswith(("(", "（"))
                and not last.endswith(_CREDIT_END) and not _OPENS_ARTICLE.search(line))


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

    The issue date's year; else the latest year of a full date on the page (2026年4月8日, or a
    stamp in digits: 时间:2013-09-29); else the year the page names most often (plans name
    future years, so not the latest).
    """
    if issue_date:
        return issue_date.year
    full = [int(m.group(1)) for m in _MASTHEAD_DATE.finditer(text)]
    full += [int(m.group(1)) for m in _STAMP_DATE.finditer(text)
             if 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(4)) <= 31]
    if full:
        return max(full)
    years = [int(y) for y in _YEAR.findall(text)]
    return Counter(years).most_common(1)[0][0] if years else None


def doc_id_for(path: Path) -> str:
    """Readable and unique per file: the file name's safe characters and a hash of its
    absolute path (``a/报道 1.txt`` and ``a/报道_1.txt``, ``a/x.txt`` and ``b/x.txt`` stay
    two documents; the same file ingested again, by any relative path, is the same one)."""
    return f"{_safe(path.stem)}-{source_digest(str(path.resolve()))}"


def doc_id_for_url(url: str) -> str:
    """Readable and unique per URL: the last path segment's safe characters and a hash."""
    last = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    return f"{_safe(last.rsplit('.', 1)[0])}-{source_digest(url)}"


def source_digest(key: str) -> str:
    """12 hex digits (48 bits) of SHA-1: no collision expected below millions of documents."""
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _safe(stem: str) -> str:
    return re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("_")[:60] or "document"


def parse_date(value: str, name: str) -> dt.date:
    """A date a record or page gives: 2026-01-05, 2026/1/5, 2026年1月5日, 2026-01-05T19:07+08:00.

    >>> parse_date("2026年1月5日", "x")
    datetime.date(2026, 1, 5)
    """
    m = _ANY_DATE.match(value.strip())
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        pass
    raise DocumentError(f"{name}: {value!r} is not a date (write it as YYYY-MM-DD)")


def load(data: bytes, source: str, doc_id: str, *, newspaper: str | None = None,
         issue_date: dt.date | None = None, title: str | None = None,
         default_paper: str | None = None, default_date: dt.date | None = None) -> Document:
    """Decode and normalise one document (see :func:`from_text`)."""
    return from_text(decode(data, source), source, doc_id, newspaper=newspaper,
                     issue_date=issue_date, title=title, default_paper=default_paper,
                     default_date=default_date)


def from_text(text: str, source: str, doc_id: str, *, newspaper: str | None = None,
              issue_date: dt.date | None = None, title: str | None = None,
              default_paper: str | None = None, default_date: dt.date | None = None) -> Document:
    """Normalise one decoded document. ``newspaper``, ``issue_date`` and ``title`` are what the
    record or page says and win over the masthead; the defaults (``kg ingest --paper``,
    ``--date``) fill in only what neither says. A title the text does not open with becomes
    its first line, as a headline is on a page."""
    if "\x00" in text:
        raise DocumentError(f"{source}: binary content (NUL characters), not a text document")
    if not _CJK.search(text):
        raise DocumentError(f"{source}: no Chinese text found (is it the right file?)")
    if len(text) > MAX_BYTES:
        raise DocumentError(f"{source}: {len(text)} characters is over the {MAX_BYTES} limit")
    title = to_simplified(unicodedata.normalize("NFKC", title)).strip() if title else None
    if title and not normalize(text[:len(title) + 200]).startswith(title):
        text = title + "\n\n" + text
    text = normalize(text)
    paper, issue = read_masthead(text)
    newspaper = newspaper or paper or default_paper
    issue_date = issue_date or issue or default_date
    return Document(doc_id=doc_id, source=source, text=text, newspaper=newspaper,
                    issue_date=issue_date, year=reference_year(text, issue_date),
                    title=title)


def read_file(path: Path) -> Document:
    """Read one plain-text file from disk (see :func:`load`)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: {exc.strerror}") from exc
    return load(data, str(path), doc_id_for(path))


# What a folder is expanded to; a file named on the command line is read whatever its name,
# and every file's format is told by its content (kg.sources.sniff), not by this list.
READABLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".shtml", ".xhtml", ".jsonl",
                     ".ndjson", ".csv", ".warc", ".warc.gz")


def iter_paths(paths: list[Path]) -> list[Path]:
    """Expand folders into the readable files below them (sorted); keep named files as given."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*")
                              if q.is_file() and q.name.lower().endswith(READABLE_SUFFIXES)))
        else:
            out.append(p)
    return out
