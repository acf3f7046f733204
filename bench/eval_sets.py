"""Extraction accuracy on every annotated set, side by side: ``make eval``.

    python bench/eval_sets.py [--show N] [--json]

Sets: the seed pages (the demo corpus), the 30 annotated 新闻联播 stories of the shared
folder (real text nobody here wrote), and our own real local-news pages
(``tests/data/real/gold.json``, split once into ``dev`` — rules are developed on it — and
``test`` — only ever scored). Each set is ingested into a fresh store and scored by
``kg.evaluate`` (which keys names as ``shared/eval/score.py`` does). The ``tours`` sets are real
local-news pages annotated for visits and meetings only (``tests/data/real/visits_meetings.json``,
``dev`` and ``test`` like the others), scored on those questions alone. The real pages are
third-party texts and are not in the repository: see the README's development section for
how to retrieve them into ``tests/data/real/pages/``; missing pages are reported, not scored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REAL = ROOT / "tests" / "data" / "real"


# Real pages annotated for visits and meetings only (``tests/data/real/visits_meetings.json``):
# their other questions have no gold, and are not shown.
TOURS = REAL / "visits_meetings.json"
TOUR_QUESTIONS = ("visits", "visit dates", "meetings")


def sets() -> list[tuple[str, Path, Path, str | None]]:
    """(name, folder of texts, gold file, split or None)."""
    out = [("seeds", ROOT / "seeds", SHARED / "gold" / "seeds.json", None),
           ("cctv_dev", SHARED / "gold" / "cctv_dev", SHARED / "gold" / "cctv_dev.json", None)]
    if (REAL / "gold.json").exists():
        docs = json.loads((REAL / "gold.json").read_text(encoding="utf-8"))["documents"]
        # dev and test, then any other split (a fresh set being annotated, scored before its rules)
        splits = ["dev", "test"] + sorted({d.get("split") for d in docs} - {"dev", "test", None})
        out += [(f"real {s}", REAL / "pages", REAL / "gold.json", s) for s in splits]
    if TOURS.exists():
        docs = json.loads(TOURS.read_text(encoding="utf-8"))["documents"]
        out += [(f"tours {s}", REAL / "pages", TOURS, s) for s in sorted({d["split"] for d in docs})]
    return out


def _only_tours(report):
    """A visits-and-meetings set's report without the questions it has no gold for."""
    for part in (report.scores, report.missed, report.spurious):
        for q in [q for q in part if q not in TOUR_QUESTIONS]:
            del part[q]
    return report


def changed_pages(folder: Path, docs: list[dict]) -> list[str]:
    """The pages whose text is not the one the gold was annotated on (by the gold's ``sha1``):
    a page restored by hand with a slip, or saved in its quoted form ("…\\n…"), scores what
    it was not annotated for."""
    return [d["doc"] for d in docs if d.get("sha1")
            and hashlib.sha1((folder / d["doc"]).read_bytes()).hexdigest() != d["sha1"]]


def score_set(folder: Path, gold: Path, split: str | None, tmp: Path):
    from kg.evaluate import evaluate_store
    from kg.ingest import ingest_paths
    from kg.store import open_store

    docs = json.loads(gold.read_text(encoding="utf-8"))["documents"]
    docs = [d for d in docs if split is None or d.get("split") == split]
    present = [d for d in docs if (folder / d["doc"]).exists()]
    changed = changed_pages(folder, present)
    if changed:
        print(f"{len(changed)} page(s) differ from the text the gold was annotated on (sha1), their "
              f"scores are not comparable: {', '.join(changed[:10])}", file=sys.stderr)
    if not present:
        return None, len(docs)
    subset = tmp / "gold.json"
    for d in present:  # (a visits-and-meetings set states no other question)
        for k in ("entities", "posts", "investments", "located_in", "regions"):
            d.setdefault(k, [])
    subset.write_text(json.dumps({"documents": present}, ensure_ascii=False), encoding="utf-8")
    store = open_store(tmp / "store")
    report = ingest_paths(store, [folder / d["doc"] for d in present])
    if report.refused:
        print(f"refused: {report.refused}", file=sys.stderr)
    result = evaluate_store(store, subset)
    store.close()
    if gold == TOURS:
        result = _only_tours(result)
    return result, len(docs) - len(present)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="missed/spurious facts to list per set")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--only", default="", help="comma-separated set names")
    args = ap.parse_args()
    results: dict[str, dict] = {}
    for name, folder, gold, split in sets():
        if args.only and name not in args.only.split(","):
            continue
        if not gold.exists():
            print(f"{name}: no gold at {gold}", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            report, missing = score_set(folder, gold, split, Path(tmp))
        if missing:
            print(f"{name}: {missing} page(s) not retrieved (see README, development)", file=sys.stderr)
        if report is None:
            continue
        results[name] = report.scores
        if args.show:
            from kg.evaluate import format_report
            print(f"== {name}\n{format_report(report, args.show)}")
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return
    names = list(results)
    print(f"{'question':<20}" + "".join(f"{n:>22}" for n in names))
    print(f"{'':<20}" + "".join(f"{'P    R    F1':>22}" for _ in names))
    for q in next(iter(results.values()), {}):
        cells = []
        for n in names:
            m = results[n].get(q)
            if m is None:
                cells.append("".rjust(22))
                continue
            p = "  n/a" if m["precision"] is None else f"{m['precision']:.2f}"
            cells.append(f"{p} {m['recall']:.2f} {m['f1']:.2f} ({m['gold']:>3})".rjust(22))
        print(f"{q:<20}" + "".join(cells))


if __name__ == "__main__":
    main()
