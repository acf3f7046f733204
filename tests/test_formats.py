"""The same real articles as text, HTML pages, JSON Lines, CSV and WARC give the same facts.

The pages are the shared CCTV story pages; the text, JSONL, CSV and WARC inputs are made
here from them and from the day's transcript."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from bench.cctv import DATA, as_text, stories
from kg.ingest import Options, record_to_result
from kg.sources import Format, Record, read_path
from kg.vocab import DCTERMS, KGO, KGR, PROV
from test_sources import _warc

pytestmark = pytest.mark.skipif(not (DATA / "html").is_dir(), reason="shared CCTV pages not found")

# where it was read, and the text as read (markup and spacing of a page differ from a transcript's)
SKIP = (f"<{PROV}atLocation>", f"<{DCTERMS}identifier>", f"<{KGO}text>")


@pytest.fixture(scope="module")
def sample():
    found = [s for s in stories() if not s.program and len(s.body) > 300
             and ("会见" in s.body or "调研" in s.body)]
    return found[:3]


def _facts(results) -> set[str]:
    """Quads as text, the document's own IRI made one placeholder, where it was read dropped."""
    out = set()
    for result in results:
        assert not result.error, result.error
        doc = "<" + result.graph + ">"
        for line in result.nquads.decode().splitlines():
            if any(s in line for s in SKIP):
                continue
            out.add(line.replace(doc, "<DOC>"))
    return out


def _by_doc(results) -> list[set[str]]:
    return [_facts([r]) for r in results]


def _as_text(sample) -> list[set[str]]:
    return _by_doc(record_to_result(Record(f"s{i}", f"s{i}.txt", Format.TEXT, Format.TEXT,
                                           as_text(s).encode()), Options(date=s.day))
                   for i, s in enumerate(sample))


def test_html_pages_give_the_facts_of_the_same_stories_as_text(sample):
    html = [record_to_result(Record(f"s{i}", str(s.page), Format.HTML, Format.HTML,
                                    s.page.read_bytes())) for i, s in enumerate(sample)]
    text = _as_text(sample)
    assert _by_doc(html) == text
    assert all(len(t) > 30 for t in text)
    title = f"<{DCTERMS}title>"
    for s, facts in zip(sample, text):
        assert any(title in f and s.heading in f for f in facts)
        assert any(f"<{DCTERMS}date>" in f and s.day.isoformat() in f for f in facts)


def test_jsonl_and_csv_records_give_the_facts_of_the_same_stories_as_text(sample, tmp_path: Path):
    rows = [{"id": f"s{i}", "title": s.heading, "text": s.body, "date": s.day.isoformat(),
             "url": f"https://example.org/{s.page.name}"} for i, s in enumerate(sample)]
    jsonl = tmp_path / "stories.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    table = tmp_path / "stories.csv"
    with table.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "title", "date", "url", "content"])
        w.writeheader()
        for r in rows:
            w.writerow({**{k: r[k] for k in ("id", "title", "date", "url")}, "content": r["text"]})
    text = _as_text(sample)
    for path, fmt in ((jsonl, Format.JSONL), (table, Format.CSV)):
        records = list(read_path(path))
        assert [r.container for r in records] == [fmt] * len(sample)
        assert [r.doc_id for r in records] == [r["id"] for r in rows]
        assert _by_doc(record_to_result(r) for r in records) == text


def test_a_warc_of_the_pages_gives_the_facts_of_the_pages(sample, tmp_path: Path):
    urls = [f"https://tv.example.org/2026/{s.page.name}" for s in sample]
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc([(u, s.page.read_bytes()) for u, s in zip(urls, sample)]))
    records = list(read_path(path))
    assert [r.source for r in records] == urls
    warc = [record_to_result(r) for r in records]
    html = [record_to_result(Record(r.doc_id, str(s.page), Format.HTML, Format.HTML,
                                    s.page.read_bytes())) for r, s in zip(records, sample)]
    assert _by_doc(warc) == _by_doc(html)
    assert all(f"<{PROV}atLocation> \"{u}\"" in r.nquads.decode() for u, r in zip(urls, warc))
