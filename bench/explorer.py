"""The explorer's search and visits table on a store of about a million triples, through a real
server on 127.0.0.1.

    python bench/explorer.py [--triples 1000000] [--runs 20]

The store is written the way ingest writes it (``kg.rdf.to_quads`` of each document's facts,
then the store's per-document replace: shared facts once, support, reports, counts), from
generated documents: a prefecture's paper reporting one of 3,000 officials (the busiest in
thousands of documents) visiting five places (counties, townships, companies in them), with
the official's post. No extraction runs, so the store is built in minutes; the layout and the
number of triples per document are those of ingested pages. Prints JSON figures: how long the
search index and the visits table take to build, then the latency of searches (the busiest
official by name, pinyin and initials, one character) and of the table's first page (with and
without a region filter), a far page and a region's CSV.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.real_store import serve  # noqa: E402
from bench.run import _latencies  # noqa: E402

GIVEN = "志伟建华明军丽敏静强磊洋艳勇杰娟涛超秀霞平刚桂英华玉兰芳燕红斌波宇浩凯健俊帆鹏辉"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
TITLES = ["市委书记", "市长", "市委副书记", "常务副市长", "副市长", "市委常委"]


def _documents(count: int, seed: int = 7):
    """(doc id, Facts) of ``count`` generated pages (see the module's docstring)."""
    from kg.extract.model import DocumentInfo, Entity, EntityType, Event, EventType, Facts, Post, Relation
    from kg.extract.regions import load_gazetteer

    rng = random.Random(seed)
    gaz = load_gazetteer()
    counties = [r for r in gaz.regions.values() if r.type is EntityType.COUNTY and r.parent][:2000]
    towns = {}
    for r in gaz.regions.values():
        if r.type is EntityType.TOWNSHIP and r.parent in {c.key for c in counties} and r.parent not in towns:
            towns[r.parent] = r
    officials = [(rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2)), rng.choice(counties).parent)
                 for _ in range(3000)]
    weights = [1 / (i + 1) for i in range(len(officials))]
    for d in range(count):
        name, pref_code = rng.choices(officials, weights)[0]
        pref = gaz.regions[pref_code]
        person = f"person/{name}@{pref_code}"
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(900))
        here = [c for c in counties if c.parent == pref_code] or counties
        entities = {person: Entity(person, EntityType.OFFICIAL, name),
                    f"region/{pref.key}": Entity(f"region/{pref.key}", pref.type, pref.name, region=pref)}
        sentences, events, relations = [f"{name}任{pref.name}{(title := rng.choice(TITLES))}。"], [], []
        for _ in range(5):
            county = rng.choice(here)
            entities[f"region/{county.key}"] = Entity(f"region/{county.key}", county.type, county.name, region=county)
            place = f"region/{county.key}"
            if rng.random() < 0.4 and county.key in towns:
                town = towns[county.key]
                place = f"region/{town.key}"
                entities[place] = Entity(place, town.type, town.name, region=town)
            elif rng.random() < 0.5:
                company = f"org/{county.name[:2]}{rng.choice('恒泰华鑫瑞丰')}{rng.randrange(200)}科技有限公司"
                entities[company] = Entity(company, EntityType.COMPANY, company[4:])
                relations.append(Relation(company, "locatedIn", f"region/{county.key}", len(sentences)))
                place = company
            sentences.append(f"{day.month}月{day.day}日，{name}到{entities[place].label}调研。")
            events.append(Event(EventType.VISIT, person, (place,), (), day, len(sentences) - 1, 0.6 + rng.random() * 0.39))
        text = "\n".join(sentences)
        info = DocumentInfo(f"bench-{d}", f"bench/{d}.txt", f"{name}调研", pref.name[:2] + "日报", day, pref_code)
        yield info.doc_id, Facts(info, sentences, entities, [], [Post(person, title, f"region/{pref_code}", None, 0, 0.9)],
                                 events, relations, "bench", text)


def build(path: Path, triples: int) -> dict:
    from kg.rdf import doc_iri, to_quads
    from kg.store import open_store

    store = open_store(path)
    start, docs = time.perf_counter(), 0
    for doc_id, facts in _documents(10 ** 7):
        store.replace_graph(doc_iri(doc_id).value, to_quads(facts))
        docs += 1
        if docs % 200 == 0 and len(store) >= triples:
            break
    out = {"documents": docs, "quads": len(store), "build_s": round(time.perf_counter() - start, 1)}
    store.close()
    return out


def busiest(path: Path) -> tuple[str, str, int]:
    from kg.store import open_store

    store = open_store(path, read_only=True)
    row = store.select("""SELECT ?p (SAMPLE(?l) AS ?label) (COUNT(*) AS ?n) WHERE {
        ?v a kgo:Visit ; kgo:agent ?p . ?p rdfs:label ?l } GROUP BY ?p ORDER BY DESC(?n) LIMIT 1""")[0]
    docs = store.select(f"""SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{
        ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{row['p']}> . ?d kgo:supports ?st }}""")[0]
    store.close()
    return row["p"] or "", row["label"] or "", int(docs["n"] or 0)


def measure(path: Path, runs: int) -> dict:
    import httpx
    from pypinyin import lazy_pinyin

    iri, label, docs = busiest(path)
    spelled = "".join(lazy_pinyin(label))
    out: dict = {"official": label, "official_documents": docs}
    server, base = serve(path)
    html = {"Accept": "text/html"}
    with httpx.Client(base_url=base, timeout=600) as client:
        start = time.perf_counter()
        client.get("/entities", params={"q": label})
        out["search_index_build_s"] = round(time.perf_counter() - start, 2)
        start = time.perf_counter()
        client.get("/visits.csv", params={"place": "no such place"})
        out["visits_table_build_s"] = round(time.perf_counter() - start, 2)
        first = client.get("/visits", headers=html)
        out["table_rows"] = int(first.text.split('id="total">', 1)[1].split(" ", 1)[0])
        region = client.get("/entities", params={"q": "省", "limit": 1}).json()[0]["label"]
        routes = {"search_the_official": ("/entities?q=" + quote(label), {}),
                  "search_pinyin": ("/entities?q=" + spelled, {}),
                  "search_initials": ("/entities?q=" + "".join(s[0] for s in lazy_pinyin(label)), {}),
                  "search_one_character": ("/entities?q=" + quote(label[0]), {}),
                  "table_first_page": ("/visits", html),
                  "table_first_page_of_a_province": ("/visits?place=" + quote(region), html),
                  "table_sorted_by_confidence": ("/visits?sort=confidence&order=desc", html),
                  "table_page_500": ("/visits?page=500&size=100", html),
                  "csv_of_the_official": ("/visits.csv?person=" + quote(label), {})}
        for name, (route, headers) in routes.items():
            r = client.get(route, headers=headers)
            assert r.status_code == 200, (route, r.status_code, r.text[:300])
            out[name] = {"bytes": len(r.content), **_latencies(lambda: client.get(route, headers=headers), runs)}
        out["province"] = region
    server.should_exit = True
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--store", type=Path, help="keep the store here (reused when it exists)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "kg"
        out = build(path, args.triples) if not path.exists() else {"reused": str(path)}
        out.update(measure(path, args.runs))
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
