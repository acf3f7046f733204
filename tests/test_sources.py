"""Reading sources safely: encodings by evidence, NUL bytes, ids per source, bad input in a
batch, streaming, and pool workers that end with their parent."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from conftest import SEEDS
from kg.documents import decode, doc_id_for
from kg.errors import DocumentError
from kg.ingest import record_to_result
from kg.sources import Format, Record, Refusal, read_path, sniff

KG = [sys.executable, "-m", "kg.cli"]
SEED = SEEDS / "001_1e226f55ebd70148.txt"


def kg(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, timeout=300, **kw)


def _facts(data: bytes) -> bytes:
    result = record_to_result(Record("d", "d.txt", Format.TEXT, Format.TEXT, data))
    assert not result.error, result.error
    return result.nquads


def test_big5_page_gives_the_facts_of_the_same_page_in_utf8():
    import opencc

    traditional = opencc.OpenCC("s2tw").convert(SEED.read_text(encoding="utf-8"))
    traditional = "".join(c for c in traditional if c.encode("big5", "ignore") or c.isascii())
    big5 = traditional.encode("big5")
    # Big5 bytes are valid GB18030 too: only reading both tells them apart.
    big5.decode("gb18030")
    utf8 = _facts(traditional.encode("utf-8"))
    assert _facts(big5) == utf8 and utf8.count(b"\n") > 300


def test_utf16_with_a_byte_order_mark_gives_the_facts_of_utf8():
    text = SEED.read_text(encoding="utf-8")
    assert _facts(text.encode("utf-16")) == _facts(text.encode("utf-8"))


def test_nul_bytes_anywhere_are_refused():
    text = ("市委书记到茂南区调研。" * 2000).encode()  # past the first 8 KB
    with pytest.raises(DocumentError, match="NUL"):
        decode(text + b"\x00" + text, "a.txt")
    with pytest.raises(DocumentError, match="NUL"):
        decode(("市委书记到茂南区调研。" * 900 + "\x00").encode("utf-16"), "b.txt")


def test_formats_are_told_by_content_not_by_name(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text("<!doctype html><html><head><title>市长调研</title></head>"
                    "<body><article><p>本报讯 5月3日，云浮市长张三丰到新兴县调研。</p></article></body></html>",
                    encoding="utf-8")
    assert sniff(page.read_bytes(), page.name) is Format.HTML
    assert sniff(b'{"text": "x"}\n', "a.txt") is Format.JSONL


def test_document_ids_are_unique_per_source_and_reingest_replaces(tmp_path: Path):
    body = SEED.read_bytes()
    other = "本报讯 5月3日，云浮市委副书记、市长张三丰到新兴县调研。".encode()
    for name, data in (("a/报道 1.txt", body), ("a/报道_1.txt", other), ("a/same.txt", body),
                       ("b/same.txt", other)):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(data)
    assert len({doc_id_for(p) for p in (tmp_path / "a").iterdir()} |
               {doc_id_for(tmp_path / "b" / "same.txt")}) == 4
    store = tmp_path / "store"
    out = kg("ingest", str(tmp_path / "a"), str(tmp_path / "b"), "--store", str(store))
    assert out.returncode == 0, out.stderr
    assert "ingested 4 document(s)" in out.stdout
    count = 'SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { ?g a kgo:Document }'
    assert kg("query", count, "--store", str(store), "-f", "csv").stdout.split()[-1] == "4"
    # the same file again, named by another relative path: replaced, not added
    again = kg("ingest", "../a/same.txt", "--store", str(store), cwd=tmp_path / "b")
    assert again.returncode == 0, again.stderr
    assert kg("query", count, "--store", str(store), "-f", "csv").stdout.split()[-1] == "4"


def _warc(pages: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for url, body in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    return buf.getvalue()


def _html(title: str, body: str) -> bytes:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><div id='nav'>首页 | 新闻</div><article><p>{body}</p></article></body></html>").encode()


def test_bad_input_is_refused_by_name_and_the_rest_of_the_batch_is_ingested(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_bytes(SEED.read_bytes())
    (docs / "broken.html").write_bytes(b"<html><head><title>\xe5\xb8\x82</title><body><div><div><scr")
    (docs / "records.jsonl").write_text(
        '{"id": "ok-1", "title": "云浮市长调研", "text": "本报讯 5月3日，云浮市长张三丰到新兴县调研。", "date": "2026-05-03"}\n'
        '{"id": "empty-1", "text": ""}\nnot json\n', encoding="utf-8")
    (docs / "notext.csv").write_text("id,title\n1,标题\n", encoding="utf-8")
    warc = _warc([("https://example.org/a.html", _html("市长调研", "本报讯 6月1日，市长李四到罗定市调研。")),
                  ("https://example.org/b.html", _html("书记调研", "本报讯 6月2日，书记王五到郁南县调研。" * 40))])
    (docs / "cut.warc").write_bytes(warc[:-200])
    store = tmp_path / "store"
    out = kg("ingest", str(docs), "--store", str(store))
    assert out.returncode == 1
    err = out.stderr
    assert "broken.html: no article text" in err
    assert "records.jsonl:2: the record's text is empty" in err or "records.jsonl:2" in err
    assert "records.jsonl:3: not JSON" in err
    assert "notext.csv: no text column" in err
    assert "truncated WARC" in err and "b.html" in err
    # good.txt, the JSONL record, and the WARC's first page
    assert "ingested 3 document(s)" in out.stdout, out.stdout
    assert "1 jsonl" in out.stdout and "1 text" in out.stdout and "1 warc" in out.stdout
    assert "5 refused" in out.stdout
    assert "no date: https://example.org/a.html" in err
    visits = kg("visits", "--store", str(store), "-f", "csv").stdout
    assert "张三丰" in visits and "李四" in visits and "庄悦群" in visits


def test_a_warc_gives_each_html_response_as_a_document_named_by_its_uri(tmp_path: Path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc([("https://example.org/x/a.html", _html("市长调研", "市长李四到罗定市调研。")),
                            ("https://example.org/x/b.html", _html("书记调研", "书记王五到郁南县调研。"))]))
    items = list(read_path(path))
    assert [i.source for i in items] == ["https://example.org/x/a.html", "https://example.org/x/b.html"]
    assert all(isinstance(i, Record) and i.page is Format.HTML for i in items)
    assert len({i.doc_id for i in items}) == 2


def test_csv_without_a_text_column_is_one_clear_refusal(tmp_path: Path):
    path = tmp_path / "t.csv"
    path.write_text("id,title,body\n1,标题,正文\n", encoding="utf-8")
    (item,) = read_path(path)
    assert isinstance(item, Refusal) and "no text column" in item.reason and "body" in item.reason


def test_no_pool_worker_outlives_its_parent(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(40):
        (docs / f"{i}.txt").write_bytes(SEED.read_bytes())
    proc = subprocess.Popen([*KG, "ingest", str(docs), "--store", str(tmp_path / "s"),
                             "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 120
    children: list[psutil.Process] = []
    while time.monotonic() < deadline and len(children) < 2:
        children = parent.children(recursive=True)
        time.sleep(0.2)
    assert len(children) >= 2, "the pool never started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, f"pool workers outlived their parent: {[p.pid for p in alive]}"
