"""A service that stays current: a running read-only ``kg serve`` sees what a separate
``kg ingest`` process stores, without a restart and never half-written; POST and DELETE
/documents write through the service, each in one transaction."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from conftest import ROOT, SEEDS, kg_serve, running_server

KG = [sys.executable, "-m", "kg.cli"]
COUNT = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { ?g a kgo:Document }"
ONE = "本报讯 5月3日，云浮市委副书记、市长张三丰到新兴县调研。"


def _documents(base: str) -> int:
    r = httpx.get(base + "/sparql", params={"query": COUNT},
                  headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


class _Polls:
    """Three clients asking the number of documents until stopped: what each saw, and when.
    ``stop()`` fails on any error a client got and returns (asked, answered, count) rows."""

    def __init__(self, base: str) -> None:
        self.base, self.seen, self.errors = base, [], []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._poll, daemon=True) for _ in range(3)]
        for t in self._threads:
            t.start()

    def _poll(self) -> None:
        while not self._stop.is_set():
            start = time.monotonic()
            try:
                n = _documents(self.base)
            except (AssertionError, httpx.HTTPError) as exc:
                self.errors.append(str(exc))
                continue
            self.seen.append((start, time.monotonic(), n))

    def stop(self) -> list[tuple[float, float, int]]:
        self._stop.set()
        for t in self._threads:
            t.join()
        assert not self.errors, self.errors[:3]
        return self.seen


def test_a_running_read_only_service_sees_a_separate_ingest_without_restart(tmp_path: Path):
    store = tmp_path / "kgdata"
    (tmp_path / "first.txt").write_text(ONE, encoding="utf-8")
    assert subprocess.run([*KG, "ingest", str(tmp_path / "first.txt"), "--store", str(store)],
                          capture_output=True, timeout=300).returncode == 0
    with kg_serve(store) as base:
        assert _documents(base) == 1
        polls = _Polls(base)
        ingest = subprocess.run([*KG, "ingest", str(SEEDS), "--store", str(store)],
                                capture_output=True, text=True, timeout=600)
        ended = time.monotonic()
        assert ingest.returncode == 0, ingest.stderr
        while _documents(base) != 6 and time.monotonic() - ended < 10:
            time.sleep(0.05)
        lag = time.monotonic() - ended
        seen = polls.stop()
        assert lag < 10, f"the service showed the new documents {lag:.1f} s after the ingest"
        assert _documents(base) == 6
        # never a step back: an answer to a request sent after another answer arrived is as new
        for start, _, n in seen:
            assert all(n >= m for s2, e2, m in seen if e2 < start), "an older snapshot after a newer one"
        assert {n for _, _, n in seen} <= {1, 2, 3, 4, 5, 6}


def test_post_and_delete_documents_write_through_the_service(seed_store_path, tmp_path: Path):
    import shutil

    from api.config import Settings

    copy = tmp_path / "kgdata"
    shutil.copytree(seed_store_path, copy)
    token = {"Authorization": "Bearer s3cret"}
    with running_server(Settings(store=copy, update_token="s3cret", query_timeout=10)) as base:
        body = (json.dumps({"id": "post-1", "title": "云浮市长调研", "text": ONE, "date": "2026-05-03"},
                           ensure_ascii=False) + "\n" + '{"id": "post-2", "text": ""}\n').encode()
        assert httpx.post(base + "/documents", content=body, timeout=60).status_code == 401
        assert httpx.post(base + "/documents", content=body, timeout=60,
                          headers={"Authorization": "Bearer nope"}).status_code == 403
        r = httpx.post(base + "/documents", params={"name": "batch.jsonl"}, content=body,
                       headers=token, timeout=120)
        assert r.status_code == 201, r.text
        out = r.json()
        assert [s["graph"].rsplit("/", 1)[-1] for s in out["stored"]] == ["post-1"]
        assert "batch.jsonl:2" in out["refused"][0]["source"]
        visits = httpx.get(base + "/visits", params={"person": "张三丰"}, timeout=30).json()
        assert any(v["place_label"] == "新兴县" and v["date"] == "2026-05-03" for v in visits)
        assert _documents(base) == 6
        bad = httpx.post(base + "/documents", content=b"\x00\x01binary", headers=token, timeout=60)
        assert bad.status_code == 400 and "NUL" in bad.text
        assert _documents(base) == 6
        assert httpx.delete(base + "/documents/post-1", headers=token, timeout=60).status_code == 204
        assert httpx.get(base + "/visits", params={"person": "张三丰"}, timeout=30).json() == []
        assert _documents(base) == 5
        assert httpx.delete(base + "/documents/post-1", headers=token, timeout=60).status_code == 404


def _story_files(folder: Path, n: int) -> int:
    """``n`` text files of real stories (a day's transcript each), for an ingest that runs a
    while; skips when the shared transcripts are not beside the clone."""
    import pytest

    news = ROOT.parent / "shared" / "data" / "cctv_news" / "news"
    days = sorted(news.glob("2026*.md"))[:n] if news.is_dir() else []
    if len(days) < n:
        pytest.skip("the shared CCTV transcripts are not beside the clone")
    folder.mkdir()
    for i, day in enumerate(days):
        (folder / f"{i:02d}.txt").write_text(day.read_text(encoding="utf-8").replace("*", ""),
                                             encoding="utf-8")
    return n


def test_a_writable_service_started_during_an_ingest_answers_and_never_mixes_snapshots(tmp_path: Path):
    """A real ``kg ingest`` holds the store's write lock; a writable ``kg serve`` (two query
    workers) started then answers every query from the ingest's snapshots, newer and newer,
    refuses writes with a clear 503 until the ingest ends, then takes them; after each write
    every worker answers from it at once."""
    import os

    from kg.store.snapshots import current

    store = tmp_path / "kgdata"
    (tmp_path / "first.txt").write_text(ONE, encoding="utf-8")
    assert subprocess.run([*KG, "ingest", str(tmp_path / "first.txt"), "--store", str(store)],
                          capture_output=True, timeout=300).returncode == 0
    stories = _story_files(tmp_path / "stories", 6)
    before = current(store)[0]
    ingest = subprocess.Popen([*KG, "ingest", str(tmp_path / "stories"), "--store", str(store)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while current(store)[0] == before and time.monotonic() < deadline:  # it holds the lock now
        time.sleep(0.05)
    assert ingest.poll() is None, "the ingest ended before the service could start beside it"
    token = {"Authorization": "Bearer s3cret"}
    env = {**os.environ, "KG_UPDATE_TOKEN": "s3cret", "KG_WORKERS": "2"}
    try:
        with kg_serve(store, env=env, seconds=120) as base:
            polls = _Polls(base)
            body = json.dumps({"id": "during", "text": ONE}, ensure_ascii=False).encode()
            assert ingest.poll() is None, "the ingest ended before the service answered beside it"
            refused = httpx.post(base + "/documents", params={"name": "d.jsonl"}, content=body,
                                 headers=token, timeout=120)
            # The ingest lets go of the lock when it has stored its last page, a moment before its
            # process ends: a write may go through only then, never while its pages still come in.
            early = refused.status_code == 201
            if early:
                assert _documents(base) == 2 + stories, "a write went through while the ingest still wrote"
                assert httpx.delete(base + "/documents/during", headers=token, timeout=60).status_code == 204
            else:
                assert refused.status_code == 503, refused.text
                assert "another process" in refused.json()["detail"]
            out, err = ingest.communicate(timeout=600)
            assert ingest.returncode == 0, err
            ended = time.monotonic()
            while _documents(base) != 1 + stories and time.monotonic() - ended < 10:
                time.sleep(0.05)
            seen = polls.stop()
            assert seen and all(1 <= n <= 1 + stories + early for _, _, n in seen)
            for start, _, n in seen:  # never a step back to an older snapshot (the early write aside)
                assert early or all(n >= m for _, e2, m in seen if e2 < start), "an older snapshot after a newer one"

            def everyone() -> set[int]:
                """What 8 requests at once answer (both workers take some)."""
                answers: list[int] = []
                threads = [threading.Thread(target=lambda: answers.append(_documents(base))) for _ in range(8)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                assert len(answers) == 8
                return set(answers)

            assert everyone() == {1 + stories}
            r = httpx.post(base + "/documents", params={"name": "d.jsonl"}, content=body, headers=token,
                           timeout=120)
            assert r.status_code == 201, r.text  # the lock is free: writes go through again
            assert everyone() == {2 + stories}
            assert httpx.delete(base + "/documents/during", headers=token, timeout=60).status_code == 204
            assert everyone() == {1 + stories}
    finally:
        if ingest.poll() is None:
            ingest.kill()


def test_the_search_index_and_visits_table_are_built_at_start_up_not_on_first_use(seed_store_path, tmp_path: Path):
    """The first visitor of the morning finds them ready: built before any request asks."""
    import shutil

    import uvicorn

    from api.app import create_app
    from api.config import Settings

    copy = tmp_path / "kgdata"
    shutil.copytree(seed_store_path, copy)
    for warm in (True, False):
        app = create_app(Settings(store=copy, warm=warm))
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            deadline = time.monotonic() + 30
            while not server.started and time.monotonic() < deadline:
                time.sleep(0.05)
            built = lambda name: getattr(getattr(app.state, name, None), "value", None) is not None  # noqa: E731
            while warm and not (built("search_index") and built("visits_table")) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert built("search_index") == warm and built("visits_table") == warm
            port = server.servers[0].sockets[0].getsockname()[1]
            hits = httpx.get(f"http://127.0.0.1:{port}/entities", params={"q": "zyq"}).json()
            assert hits and hits[0]["label"] == "庄悦群"
        finally:
            server.should_exit = True
            thread.join(timeout=10)
