"""Where ingest time goes: pyinstrument over extraction and RDF building of real stories (the
shared CCTV transcripts, after warm-up), printed and written to bench/results/profile-ingest.txt.

    python bench/profile_ingest.py [--chars 150000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cctv import sample  # noqa: E402

RESULTS = Path(__file__).parent / "results"


def main() -> None:
    from pyinstrument import Profiler

    from kg.documents import load
    from kg.ingest import _warm_up, document_quads

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=150_000)
    a = ap.parse_args()
    docs = [load(text.encode(), name, name) for name, text in sample(a.chars)]
    _warm_up()
    profiler = Profiler(interval=0.001)
    start = time.perf_counter()
    with profiler:
        for doc in docs:
            document_quads(doc)
    seconds = time.perf_counter() - start
    chars = sum(len(d.text) for d in docs)
    report = (f"{chars} characters extracted and turned into quads in {seconds:.1f} s "
              f"({chars / seconds:,.0f} chars/s, one core, under the profiler)\n\n"
              + profiler.output_text(unicode=True, color=False, show_all=False))
    print(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "profile-ingest.txt").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
