"""Long documents and big corpora: seconds and peak memory of `kg ingest` as the input grows.

    python bench/long_docs.py [--line 100000,400000] [--file 1000000,6900000]
                              [--corpus 5,25,50] [--workers 2]

- ``line``: one document, a single line without stops (the shared CCTV transcripts with line
  breaks, 。 and ， removed), of n characters (400k characters are a 1 MB line);
- ``file``: one document, the transcripts run together in one file, of n characters
  (6.9M characters are a 19.7 MB file, under the 20 MiB a document may have);
- ``corpus``: the real story pages (``../shared/data/cctv_news/html``) copied until they make
  n MB, ingested by one `kg ingest --workers W`; the peak RSS is the parent's (the process
  that reads and stores), polled every 0.1 s.

Each run is a fresh `kg ingest` process into a fresh store: seconds are wall-clock and CPU
(user + system of the process and its workers), peak RSS in MB. Linear time shows as a
constant characters per CPU second (net of what a 1,000-character page costs: start-up
and models) along a row. A document over 100k characters is extracted a window at a time
(kg.ingest.WINDOW) and stored as one transaction. The machine's load average is printed
first and last: on a shared machine wall seconds say more about it than about ingest.
Writes bench/results/long-docs.json (the parts run replace theirs).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = Path(__file__).parent / "results"
KG = [sys.executable, "-m", "kg.cli"]
CCTV = ROOT.parent / "shared" / "data" / "cctv_news"


def _run(paths: list[Path], store: Path, workers: int = 1) -> dict:
    """One `kg ingest`: wall and CPU seconds, the parent's peak RSS (MB)."""
    import psutil

    start, before = time.perf_counter(), os.times()
    proc = subprocess.Popen([*KG, "ingest", *map(str, paths), "--store", str(store),
                             "--workers", str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    me, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            peak = max(peak, me.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    out, err = proc.communicate()
    after = os.times()
    if proc.returncode != 0:
        raise SystemExit(f"kg ingest failed: {err[-500:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return {"wall_s": round(time.perf_counter() - start, 1), "cpu_s": round(cpu, 1),
            "parent_peak_rss_mb": round(peak / 2**20),
            "summary": re.sub(r" into \S+", "", out.strip().splitlines()[-1])}


def _transcripts() -> str:
    days = sorted((CCTV / "news").glob("*.md"))
    if not days:
        raise SystemExit(f"no transcripts in {CCTV / 'news'}")
    return "\n".join(p.read_text(encoding="utf-8").replace("*", "").replace("#", "") for p in days)


def bench_long(kind: str, sizes: list[int], tmp: Path) -> list[dict]:
    text = _transcripts()
    if kind == "line":
        text = text.replace("\n", "").replace("。", "").replace("，", "")
    fixed_page = tmp / f"{kind}-fixed.txt"  # what any ingest costs: start-up, models, store
    fixed_page.write_text(text[:1000], encoding="utf-8")
    fixed = _run([fixed_page], tmp / f"store-{kind}-fixed")["cpu_s"]
    print(f"{kind}: a 1,000-character page costs {fixed} s CPU (start-up, models); "
          "chars/CPU-s below are net of it", flush=True)
    rows = []
    for n in sizes:
        if n > len(text):
            print(f"{kind}: only {len(text)} characters of transcripts; {n} skipped", file=sys.stderr)
            continue
        page = tmp / f"{kind}-{n}.txt"
        page.write_text(text[:n], encoding="utf-8")
        row = {"chars": n, "bytes": page.stat().st_size, **_run([page], tmp / f"store-{kind}-{n}")}
        row["fixed_cpu_s"] = fixed
        row["chars_per_cpu_s"] = round(n / max(row["cpu_s"] - fixed, 0.1))
        rows.append(row)
        print(f"{kind} {n:>9,} chars ({row['bytes'] / 2**20:.2f} MB): {row['wall_s']:>7.1f} s wall, "
              f"{row['cpu_s']:>7.1f} s CPU, {row['chars_per_cpu_s']:>6,} chars/CPU-s, "
              f"peak RSS {row['parent_peak_rss_mb']} MB", flush=True)
        shutil.rmtree(tmp / f"store-{kind}-{n}", ignore_errors=True)
        page.unlink()
    return rows


def bench_corpus(sizes_mb: list[int], workers: int, tmp: Path) -> list[dict]:
    pages = sorted((CCTV / "html").glob("VIDE*.shtml"))
    if not pages:
        raise SystemExit(f"no pages in {CCTV / 'html'}")
    rows = []
    for mb in sizes_mb:
        folder = tmp / f"corpus-{mb}"
        folder.mkdir()
        total, i = 0, 0
        while total < mb * 2**20:  # the real pages, copied again under new names past the end
            src = pages[i % len(pages)]
            dst = folder / f"{i // len(pages)}-{src.name}"
            shutil.copyfile(src, dst)
            total += dst.stat().st_size
            i += 1
        row = {"mb": mb, "pages": i, **_run([folder], tmp / f"store-corpus-{mb}", workers)}
        rows.append(row)
        print(f"corpus {mb:>3} MB ({i} pages, --workers {workers}): {row['wall_s']:>7.1f} s wall, "
              f"{row['cpu_s']:>7.1f} s CPU, parent peak RSS {row['parent_peak_rss_mb']} MB", flush=True)
        shutil.rmtree(folder)
        shutil.rmtree(tmp / f"store-corpus-{mb}", ignore_errors=True)
    return rows


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def _sizes(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--line", default="100000,400000", help="characters of one line")
    ap.add_argument("--file", default="1000000,6900000", help="characters of one file")
    ap.add_argument("--corpus", default="5,25,50", help="MB of real pages")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    print(f"load average {_load()} on {os.cpu_count()} cores", flush=True)
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        if a.line:
            out["one_line_without_stops"] = bench_long("line", _sizes(a.line), Path(tmp))
        if a.file:
            out["stories_in_one_file"] = bench_long("file", _sizes(a.file), Path(tmp))
        if a.corpus:
            out["corpus_of_real_pages"] = bench_corpus(_sizes(a.corpus), a.workers, Path(tmp))
    print(f"load average {_load()} at the end", flush=True)
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "long-docs.json"  # the parts run now replace theirs; the others stay
    old = json.loads(path.read_text()) if path.exists() else {}
    path.write_text(json.dumps({**old, **out}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
