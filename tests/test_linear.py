"""Reading a document costs work linear in its length: a line without stops and a file of
many stories run together. Not timed: the work is counted as the lines of extraction code
Python executes (each loop iteration is one), which a loop comparing every mention with every
other makes grow with the square of the length. The indexes that replaced those loops give
the same answers as the loops did (checked here against the loops themselves)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from kg.extract.index import Cover, SpanIndex

ROOT = Path(__file__).resolve().parent.parent
EXTRACT = str(ROOT / "kg" / "extract")
CCTV = ROOT.parent / "shared" / "data" / "cctv_news"


class _S:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def test_span_index_and_cover_answer_as_the_loops_they_replace():
    rng = random.Random(7)
    items = [_S(a, a + rng.randint(0, 12)) for a in sorted(rng.randint(0, 500) for _ in range(300))]
    index = SpanIndex(items)
    for _ in range(100):  # rules append mentions after the index is made, out of order too
        if rng.random() < 0.3:
            a = rng.randint(0, 500)
            items.append(_S(a, a + rng.randint(0, 12)))
        a = rng.randint(-5, 505)
        b = a + rng.randint(0, 80)
        assert index.inside(a, b) == [x for x in items if a <= x.start and x.end <= b]
    spans = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 500) for _ in range(60))]
    cover = Cover(spans)
    for _ in range(500):
        a = rng.randint(-5, 530)
        b = a + rng.randint(0, 20)
        assert cover.covers(a, b) == any(x <= a and b <= y for x, y in spans)
    assert not Cover([]).covers(0, 1)


def _canonical_by_pairs(spans):
    """The pairwise comparison _canonical_labels used to make (kept here as the reference)."""
    from kg.extract.mentions import GROUP_OF, _LEGAL_FORMS, _core, _head

    by_group: dict[str, dict[str, None]] = {}  # in the page's order, as _canonical_labels keeps them
    for sp in sorted(spans, key=lambda sp: (sp.start, sp.end)):
        if sp.canonical is None:
            by_group.setdefault(GROUP_OF[sp.type], {})[sp.text] = None
    out = {}
    for group, names in by_group.items():
        for short in names:
            longer = [n for n in names if len(n) > len(short) and n.endswith(short) and len(short) >= 4]
            if group == "org":
                head = _head(short)
                longer += [n for n in names if len(n) > len(short) and not n.startswith(short)
                           and head is not None and _core(n).startswith(head) and _core(n) != head]
                longer += [n for n in names if n.startswith(short) and n[len(short):] in _LEGAL_FORMS]
            if longer:
                out[(group, short)] = max(longer, key=len)
    return out


def test_short_names_meet_the_same_fuller_names_as_by_comparing_every_pair():
    from kg.extract.mentions import _canonical_labels
    from kg.extract.model import EntityType
    from kg.extract.names import Span

    rng = random.Random(3)
    heads = ["正合", "浪潮", "天能", "恒泰", "华鑫", "金山", "蒲康"]
    places = ["", "贵州", "高州", "茂名市", "山东"]
    tails = ["集团", "有限公司", "股份有限公司", "铝业集团", "科技有限公司", "片区", "工业园"]
    texts = {rng.choice(places) + rng.choice(heads) + rng.choice(["", "新材料", "能源"]) + rng.choice(tails)
             for _ in range(400)}
    spans = [Span(0, len(t), t, EntityType.COMPANY if t.endswith(("集团", "公司")) else EntityType.PARK, None)
             for t in sorted(texts)]
    labels = _canonical_labels(spans)
    assert labels == _canonical_by_pairs(spans)
    assert labels  # the names above do meet their fuller forms


def _lines_run(text: str) -> int:
    """Lines of kg/extract code executed to extract ``text`` (the CRF tagger, which reads one
    sentence at a time, left out: it is linear by construction and the bulk of the count)."""
    from kg.documents import from_text
    from kg.extract import extract, warm_up

    warm_up()
    doc = from_text(text, "long.txt", "long")
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):
        name = frame.f_code.co_filename
        if name.startswith(EXTRACT) and not name.endswith("tagger.py"):
            return local
        return None

    sys.settrace(tracer)
    try:
        extract(doc)
    finally:
        sys.settrace(None)
    return count


def _stories() -> str:
    if not (CCTV / "news").is_dir():
        pytest.skip("the shared CCTV transcripts are not beside the clone")
    texts = [p.read_text(encoding="utf-8") for p in sorted((CCTV / "news").glob("2026*.md"))[:12]]
    return "\n".join(t.replace("*", "").replace("#", "") for t in texts)


@pytest.mark.parametrize("kind", ["one line without stops", "stories in one file"])
def test_the_work_of_reading_a_document_grows_linearly_with_its_length(kind):
    stories = _stories()
    if kind == "one line without stops":
        stories = stories.replace("\n", "").replace("。", "").replace("，", "")
    n = 12_000
    assert len(stories) >= 2 * n
    small, large = _lines_run(stories[:n]), _lines_run(stories[:2 * n])
    # twice the text, about twice the work (quadratic loops made it 3.5 to 4 times)
    assert large / small < 2.5, f"{small} lines for {n} characters, {large} for {2 * n}"
