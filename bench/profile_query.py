"""Where query (b) spends its time: the engine's index lookup, or handing rows to Python.
pyinstrument over the query as zhkg asks it, beside the same lookup counted in the engine
and the first 100 rows; written to bench/results/profile-query-b.txt.

    python bench/profile_query.py [--triples 1000000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import PREFIX, QUERIES, RESULTS, _latencies, synthetic_nquads  # noqa: E402


def _p50(run) -> float:
    return _latencies(run, 10)["p50_ms"]


def main() -> None:
    from pyinstrument import Profiler
    from pyoxigraph import RdfFormat, Store

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000)
    a = ap.parse_args()
    data, _, province = synthetic_nquads(a.triples)
    asked = QUERIES["b_officials_in_a_province"].replace("{province}", province)
    counted = PREFIX + f"SELECT (COUNT(*) AS ?n) WHERE {{ ?who kgo:visitedIn <{province}> }}"
    first = PREFIX + f"SELECT ?who WHERE {{ ?who kgo:visitedIn <{province}> }} LIMIT 100"
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(tmp)
        store.bulk_load(data, format=RdfFormat.N_QUADS)

        def run(q):
            return list(store.query(q, use_default_graph_as_union=True))

        rows = len(run(asked))
        lines = [f"{a.triples:,} triples; (b) returns {rows:,} officials",
                 f"p50 all rows: {_p50(lambda: run(asked)):.2f} ms",
                 f"p50 counted in the engine: {_p50(lambda: run(counted)):.2f} ms",
                 f"p50 first 100 rows: {_p50(lambda: run(first)):.2f} ms", ""]
        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(10):
                run(asked)
        store = None  # closes the store before its folder goes
    report = "\n".join(lines) + profiler.output_text(unicode=True, color=False)
    print(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "profile-query-b.txt").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
