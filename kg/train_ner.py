"""Train the character CRF of :mod:`kg.extract.tagger` (``make train-ner``), one model a scheme:
CLUENER2020 (``--scheme cluener``, ten classes) or MSRA NER (``--scheme msra``, PER/LOC/ORG,
People's-Daily news sentences).

    python -m kg.train_ner TRAIN [--scheme cluener|msra] [--out MODEL] [--dev-out DEV.json]

The dev split is fixed and documented: a sentence is held out when
``int(sha1(text), 16) % 10 == 0`` (about 10%); it is never trained on, is scored at the end of
training (exact spans, per class and macro) and is written to ``--dev-out`` (CLUENER format)
for ``../shared/eval/ner_score.py``.

Beside the model it writes the training lexicon (every entity string of the training
part with its most frequent class). While training, a sentence's lexicon features come
from the other ``FOLDS`` folds only (jackknifing), so the lexicon of a sentence never
contains that sentence's own entities — as at run time, on text never seen.

Training is deterministic: LAC's encoder runs on one thread and crfsuite's L-BFGS has no
randomness, so two runs write the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from kg.extract.tagger import (LEXICON_MAX, SCHEMES, Lexicon, features, lexicon_path, model_path,
                               spans_from_labels)

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


def read_msra(path: Path) -> list[dict]:
    """MSRA NER's BIO file (a character and its label a line, a blank line between sentences)
    as CLUENER-style records: {"text", "label": {PER|LOC|ORG: {span: [[start, end], …]}}}."""
    records, chars, labels = [], [], []

    def flush() -> None:
        if chars:
            spans: dict[str, dict[str, list[list[int]]]] = {}
            for a, b, kind in spans_from_labels(labels):
                spans.setdefault(kind, {}).setdefault("".join(chars[a:b]), []).append([a, b - 1])
            records.append({"text": "".join(chars), "label": spans})
        chars.clear()
        labels.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        char, _, label = line.rstrip("\n").partition("\t")
        if not line.strip():
            flush()
            continue
        chars.append(char if char else " ")
        labels.append(label or "O")
    flush()
    return records


def read_records(path: Path, scheme: str) -> list[dict]:
    if scheme == "msra":
        return read_msra(path)
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def score(model: Path, records: list[dict], lexicon: Lexicon, pretrained: bool) -> dict:
    """Exact-span precision, recall and F1 per class of ``model`` on ``records``, decoded as
    :func:`kg.extract.tagger.tag` decodes (Viterbi)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        tagger.set(features(r["text"], lexicon, pretrained=pretrained))
        found = set(spans_from_labels(tagger.tag()))
        gold = set(spans_from_labels(bio(r)))
        for a, b, kind in found | gold:
            counts[kind]["tp" if (a, b, kind) in found and (a, b, kind) in gold else
                         "fp" if (a, b, kind) in found else "fn"] += 1
    out = {}
    for kind, c in sorted(counts.items()):
        p = c["tp"] / max(1, c["tp"] + c["fp"])
        r_ = c["tp"] / max(1, c["tp"] + c["fn"])
        out[kind] = {"p": round(p, 4), "r": round(r_, 4), "f1": round(2 * p * r_ / max(1e-9, p + r_), 4)}
    return out


def main() -> None:
    import pycrfsuite

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path)
    ap.add_argument("--scheme", choices=sorted(SCHEMES), default="cluener")
    ap.add_argument("--out", type=Path, help="the model file (default: the shipped one of the scheme)")
    ap.add_argument("--dev-out", type=Path)
    ap.add_argument("--iterations", type=int, default=250)
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.1)
    ap.add_argument("--minfreq", type=float, default=0, help="drop attributes seen fewer times")
    ap.add_argument("--no-pretrained", dest="pretrained", action="store_false",
                    help="without LAC's features (the ablation)")
    ap.add_argument("--limit", type=int, help="train on the first N training sentences only")
    a = ap.parse_args()
    out = a.out or model_path(a.scheme)
    records = read_records(a.train, a.scheme)
    train = [r for r in records if not is_dev(r["text"])][:a.limit]
    dev = [r for r in records if is_dev(r["text"])]
    if a.dev_out:
        a.dev_out.parent.mkdir(parents=True, exist_ok=True)
        a.dev_out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dev),
                             encoding="utf-8")
    trainer = pycrfsuite.Trainer(verbose=False)
    start = time.perf_counter()
    folds = [build_lexicon([r for r in train if fold_of(r["text"]) != k]) for k in range(FOLDS)]
    for r in train:
        trainer.append(features(r["text"], folds[fold_of(r["text"])], pretrained=a.pretrained), bio(r))
    trainer.set_params({"c1": a.c1, "c2": a.c2, "max_iterations": a.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": a.minfreq})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    lexicon = build_lexicon(train)
    lexicon_file = out.with_name(out.stem + "_lexicon.tsv" if a.out else lexicon_path(a.scheme).name)
    lexicon_file.write_text("".join(f"{k}\t{v}\n" for k, v in lexicon.items()), encoding="utf-8")
    print(f"trained on {len(train)} sentences ({len(dev)} held out) in "
          f"{time.perf_counter() - start:.0f} s → {out} ({out.stat().st_size / 1e6:.1f} MB)")
    scores = score(out, dev, lexicon, a.pretrained)
    classes = SCHEMES[a.scheme]
    macro = sum(scores.get(k, {}).get("f1", 0.0) for k in classes) / len(classes)
    for k in classes:
        print(f"  {k:14} {scores.get(k)}")
    print(f"held-out macro F1 over {', '.join(classes)}: {macro:.4f}")


if __name__ == "__main__":
    main()
