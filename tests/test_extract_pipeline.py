"""The extraction pipeline: named stages over one annotated page, and its one scan."""

from __future__ import annotations

import pytest

from kg.documents import load
from kg.errors import ExtractionError
from kg.extract import extract
from kg.extract.annotate import Lexeme, annotate
from kg.extract.pipeline import STAGES, Page, run
from kg.extract.regions import load_gazetteer


def _doc(text: str):
    return load(text.encode(), "t.txt", "t")


def test_stages_run_in_order_and_each_adds_its_annotations():
    names = [name for name, _ in STAGES]
    assert names[:3] == ["clean", "annotate", "home"]
    page = run(Page(_doc("市委书记张三到茂南区金塘镇调研。")))
    assert page.notes is not None and page.notes.text == page.text
    assert page.found is not None and page.facts is not None
    assert [e.type.value for e in page.events] == ["Visit"]
    assert page.facts.events[0].places == page.events[0].places  # confidence is set later


def test_a_failing_stage_is_reported_with_its_name_and_cause():
    def broken(page: Page) -> Page:
        raise ValueError("no such word")

    stages = [*STAGES[:4], ("broken", broken), *STAGES[4:]]
    with pytest.raises(ExtractionError) as info:
        run(Page(_doc("市委书记张三到茂南区调研。")), stages)
    assert info.value.stage == "broken" and info.value.doc_id == "t"
    assert "'broken'" in str(info.value) and "no such word" in str(info.value)
    assert isinstance(info.value.__cause__, ValueError)


def test_a_stage_run_before_what_it_reads_names_itself():
    # events read the mentions stage's annotations: run alone, it fails as "events"
    with pytest.raises(ExtractionError) as info:
        run(Page(_doc("市委书记张三到茂南区调研。")), [("events", dict(STAGES)["events"])])
    assert info.value.stage == "events"


def test_extract_is_the_pipeline_facts():
    doc = _doc("市委书记张三到茂南区金塘镇调研。")
    assert extract(doc).events == run(Page(doc)).facts.events


def _longest_names(text: str) -> list[tuple[int, int, str, list[str]]]:
    """Region names left to right, longest at each position, no overlaps: by brute force."""
    gaz, out, i = load_gazetteer(), [], 0
    while i < len(text):
        ends = [j for j in range(i + 2, min(len(text), i + gaz.max_len) + 1) if text[i:j] in gaz.by_name]
        if ends:
            out.append((i, max(ends), text[i:max(ends)], gaz.by_name[text[i:max(ends)]]))
            i = max(ends)
        else:
            i += 1
    return out


def test_one_scan_answers_as_a_scan_of_each_stretch_would():
    # a character beyond the BMP before the names: offsets are characters, not UTF-16 units
    text = "𠀀广东茂名市茂南区金塘镇。市委书记到高州市调研。"
    notes = annotate(text)
    assert notes.regions(villages=False) == _longest_names(text)
    assert [name for _, _, name, _ in notes.regions()] == ["广东", "茂名市", "茂南区", "金塘镇", "高州市"]
    assert notes.regions()[0][:2] == (1, 3)
    s = notes.sentences[1]
    inside = [(a - s.start, b - s.start, n, k) for a, b, n, k in notes.regions(s.start, s.end, False)]
    assert inside == _longest_names(s.text) == load_gazetteer().scan(s.text, villages=False)
    assert [w for _, _, w in notes.lexicon(Lexeme.TITLE_HEAD)] == ["书记"]  # 市委书记: the longest head


def test_a_village_is_taken_only_where_it_is_longer_than_every_region_name():
    gaz = load_gazetteer()
    village = next(n for n in gaz.villages if n.endswith("村") and len(n) >= 4 and n[:2] in gaz.by_name)
    text = f"来到{village}。"
    with_villages = annotate(text).regions()
    assert [(n, keys) for _, _, n, keys in with_villages][0] == (village, gaz.villages[village])
    assert all(n != village for _, _, n, _ in annotate(text).regions(villages=False))


def test_a_village_record_is_made_when_asked_and_only_for_a_village_the_data_holds():
    gaz = load_gazetteer()
    name, keys = next((n, k) for n, k in gaz.villages.items() if n.endswith("村"))
    key = keys[0]
    township = key.rpartition("/")[0]
    assert key in gaz.regions and gaz.regions.get(key) is gaz.regions[key]
    village = gaz.regions[key]
    assert (village.name, village.type.value, village.parent) == (name, "Village", township)
    assert gaz.ancestors(key)[:2] == [key, township] and gaz.village(key) is village
    made_up = f"{township}/不存在的村"
    assert made_up not in gaz.regions and gaz.regions.get(made_up) is None
    with pytest.raises(KeyError):
        gaz.regions[made_up]


def test_jiebas_dictionary_read_once_agrees_with_its_tokenizer():
    import jieba

    from kg.extract.segment import _added_words, dictionary, is_word, word_tag

    tok = jieba.Tokenizer()
    tok.initialize()
    for word, freq, tag, only_if_new in _added_words():
        if not only_if_new or word not in tok.FREQ:
            tok.add_word(word, freq, tag)
    assert {w: f for w, f in tok.FREQ.items() if f} == {w: f for w, f in dictionary().freq.items() if f}
    assert is_word("调研") and not is_word("调研市长") and word_tag("北京") == "ns"


def test_a_sentence_words_are_the_page_words():
    text = "市委书记到茂南区调研。\n他强调，要抓好项目建设。"
    notes = annotate(text)
    from kg.extract.segment import tagged

    for s in notes.sentences:
        assert notes.words_in(s.start, s.end) == tagged(s.text)


def test_every_event_type_has_one_row_whose_rule_and_class_exist():
    import importlib
    from pathlib import Path

    import rdflib

    from kg.extract.model import EVENT_KINDS, EventType
    from kg.vocab import KGO

    ontology = rdflib.Graph().parse(Path(__file__).resolve().parent.parent / "ontology" / "zhkg.ttl")
    declared = {str(s) for s in ontology.subjects()}
    assert set(EVENT_KINDS) == set(EventType)
    for kind in EVENT_KINDS.values():
        assert KGO + kind.type.value in declared
        if kind.rule:  # visits are followed across sentences by the tour of kg.extract.events
            module, _, name = kind.rule.partition(":")
            assert callable(getattr(importlib.import_module(module), name))


def test_rdf_writes_each_event_as_its_row_says():
    import datetime as dt

    from kg.extract.model import Event, EventType
    from kg.rdf import split_event

    day = dt.date(2026, 5, 6)
    visit = Event(EventType.VISIT, "person/a", ("region/1", "region/2"), ("person/b",), day, 0)
    meeting = Event(EventType.MEETING, "person/a", ("region/1",), ("person/b", "person/c"), day, 0)
    signing = Event(EventType.SIGNING, "person/a", ("project/x", "project/y"), ("org/p", "org/q"), day, 0)
    assert [e.places for e in split_event(visit)] == [("region/1",), ("region/2",)]
    assert [e.participants for e in split_event(meeting)] == [("person/b",), ("person/c",)]
    assert split_event(signing) == [signing]  # one signing, however many parties


def test_the_facts_handed_on_are_frozen():
    from dataclasses import FrozenInstanceError

    facts = extract(_doc("市委书记张三到茂南区金塘镇调研。"))
    with pytest.raises(FrozenInstanceError):
        facts.events = []  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        next(iter(facts.entities.values())).key = "x"  # type: ignore[misc]


def test_every_word_file_is_one_concept_the_lexicon_loads_without_repeats():
    import re
    from importlib import resources
    from pathlib import Path

    import kg.extract.lexicon as lexicon

    folder = resources.files("kg.extract").joinpath("words")
    files = sorted(p.name.removesuffix(".txt") for p in folder.iterdir() if p.name.endswith(".txt"))
    source = Path(lexicon.__file__).read_text(encoding="utf-8")
    loaded = set(re.findall(r'(?:words|rows|_types)\("([a-z_]+)"\)', source))
    assert set(files) == loaded, set(files) ^ loaded  # no file left unread, none missing
    for name in files:
        entries = [r[0] for r in lexicon.rows(name)]
        assert entries and len(entries) == len(set(entries)), name
        assert all(e == e.strip() for e in entries), name
    assert lexicon.MOVE_VERBS == ("来到", "走进", "深入", "前往", "赴", "到")  # file order kept
