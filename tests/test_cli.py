"""The real ``kg`` command in a subprocess."""

from __future__ import annotations

import json

import subprocess
import sys
from pathlib import Path

import rdflib

from conftest import SEEDS

KG = [sys.executable, "-m", "kg.cli"]


def kg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, input=stdin, timeout=300)


def test_ingest_refuses_bad_files_keeps_good_ones_and_reingest_replaces(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_bytes((SEEDS / "001_1e226f55ebd70148.txt").read_bytes())
    (docs / "gbk.txt").write_bytes("本报讯 5月3日，云浮市委副书记、市长张三丰到新兴县调研。".encode("gb18030"))
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    store = tmp_path / "store"
    first = kg("ingest", str(docs), "--store", str(store))
    assert first.returncode == 1
    assert "empty" in first.stderr and "binary" in first.stderr
    assert "ingested 2 document(s)" in first.stdout
    count = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", str(store))
    again = kg("ingest", str(docs / "good.txt"), str(docs / "gbk.txt"), "--store", str(store))
    assert again.returncode == 0
    recount = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", str(store))
    assert count.stdout == recount.stdout
    visits = kg("visits", "--person", "张三丰", "--store", str(store))
    assert "新兴县" in visits.stdout


def test_visits_of_an_official_list_places_dates_and_source(seed_store_path: Path):
    out = kg("visits", "--person", "庄悦群", "--store", str(seed_store_path), "--format", "csv")
    assert out.returncode == 0, out.stderr
    for place in ("茂南区", "电白区", "化州市"):
        assert place in out.stdout
    assert "2026-04-09" in out.stdout and "001_1e226f55ebd70148.txt" in out.stdout


def test_visits_filter_by_region_and_dates(seed_store_path: Path):
    out = kg("visits", "--place", "茂名市", "--from", "2026-04-09", "--to", "2026-04-09",
             "--store", str(seed_store_path))
    assert "王雄飞" in out.stdout and "2026-04-08" not in out.stdout


def test_export_formats_parse(seed_store_path: Path, tmp_path: Path):
    for fmt, rdflib_fmt in (("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"),
                            ("nt", "nt"), ("jsonld", "json-ld")):
        target = tmp_path / f"g.{fmt}"
        out = kg("export", "--store", str(seed_store_path), "--format", fmt, "-o", str(target))
        assert out.returncode == 0, out.stderr
        ds = rdflib.Dataset(default_union=True)
        ds.parse(target, format=rdflib_fmt)
        assert len(ds) > 500


def test_malformed_sparql_is_a_clear_error(seed_store_path: Path):
    out = kg("query", "SELEC * WHERE {}", "--store", str(seed_store_path))
    assert out.returncode == 2 and "bad SPARQL" in out.stderr


def test_missing_store_is_a_clear_error(tmp_path: Path):
    out = kg("visits", "--store", str(tmp_path / "nothing"))
    assert out.returncode == 2 and "no store" in out.stderr


def test_ner_reports_bad_lines_and_goes_on():
    lines = '{"id": 1, "text": "市委书记庄悦群到茂南区调研"}\nnot json\n{"id": 3}\n'
    out = kg("ner", stdin=lines)
    assert out.returncode == 1
    assert "line 2" in out.stderr and "line 3" in out.stderr
    assert out.stdout.count("\n") == 1 and '"Official"' in out.stdout and '"Title"' in out.stdout


def test_ner_msra_scheme_gives_people_places_and_organisations():
    lines = '{"id": 1, "text": "浙江吉利控股集团董事长李书福在杭州会见客人。"}\n{"id": 2, "text": 5}\n'
    out = kg("ner", "--scheme", "msra", stdin=lines)
    assert out.returncode == 1 and "line 2" in out.stderr
    found = {(e["text"], e["type"]) for e in json.loads(out.stdout)["entities"]}
    assert {("李书福", "Person"), ("浙江吉利控股集团", "Organization")} <= found
    assert {t for _, t in found} <= {"Person", "Official", "Organization", "Place", "Province",
                                     "Prefecture", "County", "Township", "Village", "Park"}
    assert kg("ner", "--scheme", "ontonotes", stdin="").returncode == 2


def test_parallel_ingest_stores_what_a_serial_one_does(tmp_path: Path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert kg("ingest", str(SEEDS), "--store", str(serial)).returncode == 0
    assert kg("ingest", str(SEEDS), "--store", str(parallel), "--workers", "2").returncode == 0
    dumps = [kg("export", "--store", str(p), "--format", "nquads").stdout for p in (serial, parallel)]
    assert sorted(dumps[0].splitlines()) == sorted(dumps[1].splitlines())
