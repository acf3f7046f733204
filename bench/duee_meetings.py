"""Meetings on public benchmark sentences: DuEE 1.0's 交往-会见 events (train and dev).

    python bench/duee_meetings.py [--show]

DuEE (``../shared/data/duee``) annotates each 会见 event with its 会见主体 (who receives) and
会见对象 (who is received) as the sentence writes them, titles included (中国人民银行行长易纲).
A meeting the graph extracts from the sentence is right when its host's name is inside a 会见主体
argument and its guest's inside a 会见对象 argument of one event. Many DuEE guests are groups
(考察团一行, 记者, 客人) that the graph does not name, so recall is a lower bound; precision is
what the figure is for. Each sentence is read as a page with a headline line before it (a lone
line would be read as the page's headline).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DUEE = ROOT.parent / "shared" / "data" / "duee"


def pairs(event: dict) -> list[tuple[str, str]]:
    hosts = [a["argument"] for a in event["arguments"] if a["role"] == "会见主体"]
    guests = [a["argument"] for a in event["arguments"] if a["role"] == "会见对象"]
    return [(h, g) for h in hosts for g in guests]


def main() -> None:
    from kg.documents import load
    from kg.extract import extract
    from kg.extract.model import EventType

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="list the missed and spurious pairs")
    args = ap.parse_args()
    if not DUEE.exists():
        raise SystemExit(f"no DuEE data at {DUEE}")
    right = spurious = gold_pairs = sentences = 0
    for split in ("train", "dev"):
        for line in (DUEE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            gold = [p for e in d["event_list"] if e["event_type"] == "交往-会见" for p in pairs(e)]
            if not gold:
                continue
            sentences += 1
            facts = extract(load(("新闻\n\n" + d["text"]).encode(), "duee.txt", d["id"]))
            label = lambda k: facts.entities[k].label  # noqa: E731
            found = set()
            for e in facts.events:
                if e.type is not EventType.MEETING or not e.agent:
                    continue
                for g in e.participants:
                    hit = [i for i, (gh, gg) in enumerate(gold) if label(e.agent) in gh and label(g) in gg]
                    right += bool(hit)
                    spurious += not hit
                    found.update(hit)
                    if args.show and not hit:
                        print(f"spurious  {label(e.agent)} → {label(g)} | {d['text'][:80]}")
            if args.show:
                for i, (gh, gg) in enumerate(gold):
                    if i not in found:
                        print(f"missed    {gh} → {gg} | {d['text'][:80]}")
            gold_pairs += len(gold)
    print(f"DuEE 交往-会见: {sentences} sentences, {gold_pairs} host-guest pairs; extracted {right + spurious}: "
          f"{right} right, {spurious} spurious (P {right / max(1, right + spurious):.2f}, "
          f"R {right / max(1, gold_pairs):.2f})")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
