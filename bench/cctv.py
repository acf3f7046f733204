"""The shared CCTV news data: story pages (``html/VIDE….shtml``) paired with the same stories
in the day's transcript (``news/YYYYMMDD.md``: ``### heading``, body, ``[查看原文](url)``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "cctv_news"
_SUMMARY = re.compile(r"^## 新闻摘要\n(.*?)\[查看原文\]\((\S+?)\)", re.S | re.M)
_SECTION = re.compile(r"^### (.+?)\n(.*?)\[查看原文\]\((\S+?)\)", re.S | re.M)


@dataclass(frozen=True)
class Story:
    page: Path          # the story's web page
    heading: str        # its section heading in the transcript
    body: str           # its transcript text (markdown emphasis removed)
    day: dt.date
    program: bool = False  # the day's whole-programme page (its text is the 新闻摘要 list)


def stories(data: Path = DATA) -> list[Story]:
    """Every story page that has a transcript section, sorted by page name."""
    pages = {p.name: p for p in (data / "html").glob("VIDE*.shtml")}
    out = {}
    for md in sorted((data / "news").glob("2026*.md")):
        day = dt.date(int(md.stem[:4]), int(md.stem[4:6]), int(md.stem[6:8]))
        text = md.read_text(encoding="utf-8")
        summary, _, details = text.partition("## 详细新闻")
        m = _SUMMARY.search(summary)
        if m and m.group(2).rsplit("/", 1)[-1] in pages:
            name = m.group(2).rsplit("/", 1)[-1]
            heading = text.split("\n", 1)[0].lstrip("# ").strip()
            out[name] = Story(pages[name], heading, m.group(1).strip(), day, program=True)
        for m in _SECTION.finditer(details):
            name = m.group(3).rsplit("/", 1)[-1]
            if name in pages and name not in out:
                body = m.group(2).replace("**", "").strip()
                out[name] = Story(pages[name], m.group(1).strip(), body, day)
    return [out[k] for k in sorted(out)]


def as_text(story: Story) -> str:
    """The story as a plain-text page: its heading, a blank line, its body."""
    return f"{story.heading}\n\n{story.body}\n"


def sample(chars: int, data: Path = DATA) -> list[tuple[str, str]]:
    """A fixed sample of real stories: the transcripts' story sections (heading, blank line,
    body) from the first day on, until ``chars`` characters; (file name, text) pairs."""
    out, total = [], 0
    for md in sorted((data / "news").glob("*.md")):
        _, _, details = md.read_text(encoding="utf-8").partition("## 详细新闻")
        for i, m in enumerate(_SECTION.finditer(details)):
            text = f"{m.group(1).strip()}\n\n{m.group(2).replace('**', '').strip()}\n"
            out.append((f"{md.stem}_{i:02d}.txt", text))
            total += len(text)
            if total >= chars:
                return out
    if not out:
        raise SystemExit(f"no transcripts in {data / 'news'}")
    return out
