"""Train the character CRF of :mod:`kg.extract.tagger` on CLUENER2020 (``make train-ner``).

    python -m kg.train_ner TRAIN.json [--out kg/models/ner.crfsuite] [--dev-out DEV.json]

The dev split is fixed and documented: a record is held out when
``int(sha1(text), 16) % 10 == 0`` (about 10%); it is never trained on and is
written to ``--dev-out`` for scoring with ``eval/ner_score.py``.

Beside the model it writes the training lexicon (every entity string of the training
part with its most frequent class). While training, a sentence's lexicon features come
from the other ``FOLDS`` folds only (jackknifing), so the lexicon of a sentence never
contains that sentence's own entities — as at run time, on text never seen.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from kg.extract.tagger import LEXICON_MAX, Lexicon, features, lexicon_path, model_path

FOLDS = 5


def _digest(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest(), 16)


def is_dev(text: str) -> bool:
    return _digest(text) % 10 == 0


def fold_of(text: str) -> int:
    return _digest(text) // 10 % FOLDS


def build_lexicon(records: list[dict]) -> Lexicon:
    """Entity string → its most frequent class over ``records`` (2 to 16 characters)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        for kind, spans in r.get("label", {}).items():
            for name, ranges in spans.items():
                if 2 <= len(name) <= LEXICON_MAX:
                    counts[name][kind] += len(ranges)
    return {name: c.most_common(1)[0][0] for name, c in sorted(counts.items())}


def bio(record: dict) -> list[str]:
    labels = ["O"] * len(record["text"])
    for kind, spans in record.get("label", {}).items():
        for ranges in spans.values():
            for start, end in ranges:
                labels[start] = "B-" + kind
                for i in range(start + 1, end + 1):
                    labels[i] = "I-" + kind
    return labels


def main() -> None:
    import pycrfsuite

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train")
    ap.add_argument("--out", type=Path, default=model_path())
    ap.add_argument("--dev-out", type=Path)
    ap.add_argument("--iterations", type=int, default=250)
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.1)
    ap.add_argument("--minfreq", type=float, default=0, help="drop attributes seen fewer times")
    a = ap.parse_args()
    records = [json.loads(line) for line in a.train.open(encoding="utf-8") if line.strip()] \
        if isinstance(a.train, Path) else \
        [json.loads(line) for line in open(a.train, encoding="utf-8") if line.strip()]
    train = [r for r in records if not is_dev(r["text"])]
    dev = [r for r in records if is_dev(r["text"])]
    if a.dev_out:
        a.dev_out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dev),
                             encoding="utf-8")
    trainer = pycrfsuite.Trainer(verbose=False)
    start = time.perf_counter()
    folds = [build_lexicon([r for r in train if fold_of(r["text"]) != k]) for k in range(FOLDS)]
    for r in train:
        trainer.append(features(r["text"], folds[fold_of(r["text"])]), bio(r))
    trainer.set_params({"c1": a.c1, "c2": a.c2, "max_iterations": a.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": a.minfreq})
    a.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(a.out))
    lexicon = build_lexicon(train)
    lexicon_file = a.out.with_name(lexicon_path().name)
    lexicon_file.write_text("".join(f"{k}\t{v}\n" for k, v in lexicon.items()), encoding="utf-8")
    print(f"trained on {len(train)} sentences ({len(dev)} held out) in "
          f"{time.perf_counter() - start:.0f} s → {a.out} ({a.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
