"""HTML main-text agreement: every story page's extracted text, title and date against the
same story in the day's transcript. Prints the distribution; writes bench/results/html-agreement.json.

    python bench/html_agreement.py [--limit N] [--workers 2]

Overlap is the character multiset overlap min(precision, recall) of the page's main text
against the transcript body (both normalised as ingest does: NFKC, simplified, whitespace
removed); bigram F1 (order-sensitive) is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cctv import Story, stories  # noqa: E402

RESULTS = Path(__file__).parent / "results"


def _squeeze(text: str) -> str:
    from kg.documents import normalize

    return "".join(normalize(text).split())


def overlap(a: str, b: str, n: int = 1) -> tuple[float, float]:
    ca = Counter(a[i:i + n] for i in range(len(a) - n + 1))
    cb = Counter(b[i:i + n] for i in range(len(b) - n + 1))
    common = sum((ca & cb).values())
    if not ca or not cb:
        return 0.0, 0.0
    return common / sum(ca.values()), common / sum(cb.values())


def judge(story: Story) -> dict:
    from kg.errors import DocumentError
    from kg.ingest import read_record
    from kg.sources import Format, Record

    record = Record("x", str(story.page), Format.HTML, Format.HTML, story.page.read_bytes())
    try:
        doc = read_record(record)
    except DocumentError as exc:
        return {"page": story.page.name, "program": story.program, "error": str(exc), "overlap": 0.0, "bigram_f1": 0.0,
                "title_ok": False, "date_ok": False}
    first, _, rest = doc.text.partition("\n")
    body = rest if doc.title and first.strip() == doc.title else doc.text
    got, want = _squeeze(body), _squeeze(story.body) if story.body.strip() else ""
    if not want:
        return {"page": story.page.name, "program": story.program, "empty": True}
    p, r = overlap(got, want)
    p2, r2 = overlap(got, want, 2)
    return {"page": story.page.name, "program": story.program, "overlap": min(p, r),
            "bigram_f1": 2 * p2 * r2 / (p2 + r2) if p2 + r2 else 0.0,
            "title_ok": _squeeze(doc.title or "") == _squeeze(story.heading),
            "date_ok": doc.issue_date == story.day}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only the first N story pages")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    todo = stories()
    if args.limit:
        todo = todo[:args.limit]
    start = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        rows = list(pool.map(judge, todo, chunksize=16))
    seconds = time.perf_counter() - start
    summary = {"pages": len(rows), "seconds": round(seconds, 1),
               "stories": _summary([r for r in rows if not r["program"]]),
               "programme_pages": _summary([r for r in rows if r["program"]])}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "html-agreement.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    print(f"HTML main text vs transcript, {len(rows)} pages in {seconds:.0f} s")
    for kind in ("stories", "programme_pages"):
        d = summary[kind]
        if not d:
            continue
        print(f"  {kind}: {d['pages']} pages ({d['empty_transcript']} with an empty transcript "
              f"section left out): overlap min {d['overlap_min']}, 1st pct {d['overlap_p1']}, "
              f"median {d['overlap_median']}; {d['at_or_over_0.95']} >= 0.95; "
              f"bigram F1 median {d['bigram_f1_median']}; title = heading {d['title_is_heading']}, "
              f"date = day {d['date_is_day']}")
        for r in d["worst"]:
            print("    worst:", json.dumps(r, ensure_ascii=False))


def _summary(rows: list[dict]) -> dict:
    judged = [r for r in rows if not r.get("empty")]
    if not judged:
        return {}
    scores = sorted(r["overlap"] for r in judged)
    q = statistics.quantiles(scores, n=100) if len(scores) > 1 else scores * 99
    return {
        "pages": len(judged), "empty_transcript": len(rows) - len(judged),
        "overlap_min": round(scores[0], 4), "overlap_p1": round(q[0], 4),
        "overlap_p5": round(q[4], 4), "overlap_median": round(statistics.median(scores), 4),
        "at_or_over_0.95": sum(s >= 0.95 for s in scores),
        "bigram_f1_median": round(statistics.median(r["bigram_f1"] for r in judged), 4),
        "title_is_heading": sum(r["title_ok"] for r in judged),
        "date_is_day": sum(r["date_ok"] for r in judged),
        "worst": sorted(judged, key=lambda r: r["overlap"])[:3],
    }


if __name__ == "__main__":
    main()
