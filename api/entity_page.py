"""The HTML page of one entity (Chinese, with the English switch of api/ui.py): names and class,
the regions above it, posts over time, an itinerary (a day axis with the day's stops in the
order the article tells them), a map of the regions visited shaded by the number of visits,
meetings and signings with their counterparts, each fact with its confidence, its number of
reports and a link to the source document with the evidence sentence highlighted.

The page's figures are drawn in the browser by vendored vis-timeline and ECharts from one JSON
block (ECharts and the boundaries are loaded when the map, below the fold, comes near the
window); every text from the graph is escaped (in HTML here, and by the page's own script, which
puts labels into the DOM as text, never as markup)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

from api.ui import document_link, esc, lang_of, page, t
from kg.queries import REPORT_COLUMNS, REPORT_PARTS
from kg.vocab import KGR, sparql_prefixes, writable_iri

DOC_PREFIX = KGR + "doc/"
# A report's IRI ends in the number of its sentence in the document: the order of the stops.
_SENTENCE = 'MIN(xsd:integer(REPLACE(STR(?r), "^.*-", "")))'


def _q(iri: str, body: str) -> str:
    return sparql_prefixes() + body.replace("$E", f"<{iri}>")


_EVENT = """OPTIONAL { ?ev kgo:confidence ?confidence } OPTIONAL { ?ev kgo:reportCount ?reports }
            OPTIONAL { ?ev kgo:date ?date } ?r kgo:reportOf ?ev . """ + REPORT_PARTS


PLACE_CLASSES = {"Province", "Prefecture", "County", "Township", "Village", "Park", "Place", "Region"}


PAGE_EVENTS = 300  # events (and visits to a place) listed on the page: the latest; ?days=all lists all


def gather(reader, iri: str, limit: int | None = PAGE_EVENTS, types: list[str] | None = None,
           index=None) -> dict:
    """Every fact the page shows, as plain rows: each event once (however many documents report
    it) with its best confidence, its number of reports and one report's sentence and source.
    Visitors and office holders are looked for only when ``types`` name a place (or are unknown).

    The events (and the visits to a place) are the latest ``limit`` (None: all of them): an
    official whom thousands of documents name has thousands of events, and the page lists the
    recent ones, with the number of each kind (``counts``) and the map of every visit
    (``regions``), and links to the whole list.

    With ``index`` (the service's :class:`api.visits_table.Facts`, kept in memory and rebuilt
    when the store changes) the events, their counterparts, the visitors, the posts' reports and
    the regions come from it, the same rows as the SPARQL below gives: for an official with
    thousands of events these queries read thousands of reports (seconds on a big store)."""
    place = types is None or bool(PLACE_CLASSES & set(types))
    queries = {
        "posts": _q(iri, """SELECT ?post ?title ?region ?org ?confidence ?reports ?first ?last WHERE {
            $E kgo:holdsPost ?post . ?post kgo:title ?title .
            OPTIONAL { ?post kgo:jurisdiction/rdfs:label ?region }
            OPTIONAL { ?post kgo:postIn/rdfs:label ?org }
            OPTIONAL { ?post kgo:confidence ?confidence } OPTIONAL { ?post kgo:reportCount ?reports }
            OPTIONAL { ?post kgo:firstSeen ?first } OPTIONAL { ?post kgo:lastSeen ?last } }
            ORDER BY ?first ?title ?region ?org"""),
        # one report of each post, asked apart: inside an OPTIONAL the reports were matched
        # against every report in the store before the join (100 ms and more on a large page)
        "post_reports": _q(iri, """SELECT ?post """ + REPORT_COLUMNS + """ WHERE {
            $E kgo:holdsPost ?post . ?r kgo:reportOf ?post . """ + REPORT_PARTS + """ } GROUP BY ?post"""),
        "above": _q(iri, """SELECT ?r (MIN(?l) AS ?label) (COUNT(DISTINCT ?up) AS ?depth) WHERE {
            $E (kgo:locatedIn|kgo:parentRegion)+ ?r . ?r rdfs:label ?l . OPTIONAL { ?r (kgo:locatedIn|kgo:parentRegion)+ ?up } }
            GROUP BY ?r ORDER BY ?depth ?label"""),
        "events": _q(iri, """SELECT ?ev ?type ?date ?confidence ?reports (""" + _SENTENCE
                                   + """ AS ?order) """ + REPORT_COLUMNS + """
            WHERE { { ?ev kgo:agent $E } UNION { ?ev kgo:participant $E } ?ev a ?type .
            FILTER(?type IN (kgo:Visit, kgo:Meeting, kgo:Signing)) """ + _EVENT + """ }
            GROUP BY ?ev ?type ?date ?confidence ?reports ORDER BY DESC(?date) DESC(?order) DESC(?ev)"""
                         + _limit(limit)),
        "counts": _q(iri, """SELECT ?type (COUNT(DISTINCT ?ev) AS ?n) WHERE {
            { ?ev kgo:agent $E } UNION { ?ev kgo:participant $E } ?ev a ?type .
            FILTER(?type IN (kgo:Visit, kgo:Meeting, kgo:Signing)) ?r kgo:reportOf ?ev . """ + REPORT_PARTS + """ }
            GROUP BY ?type"""),
        "visit_places": _q(iri, """SELECT DISTINCT ?ev ?with ?withLabel WHERE {
            { ?ev kgo:agent $E } UNION { ?ev kgo:participant $E } ?ev a kgo:Visit ; kgo:place ?with .
            ?with rdfs:label ?withLabel . ?r kgo:reportOf ?ev . """ + REPORT_PARTS + """ }"""),
        "visitors": None if not place else _q(iri, """SELECT ?ev ?with ?withLabel ?placeLabel ?date ?confidence ?reports """ + REPORT_COLUMNS + """
            WHERE { ?place (kgo:locatedIn|kgo:parentRegion)* $E . ?ev a kgo:Visit ; kgo:place ?place ; kgo:agent ?with .
            ?with rdfs:label ?withLabel . ?place rdfs:label ?placeLabel . """ + _EVENT + """ }
            GROUP BY ?ev ?with ?withLabel ?placeLabel ?date ?confidence ?reports
            ORDER BY DESC(?date) DESC(?ev) DESC(?placeLabel)""" + _limit(limit)),
        "holders": None if not place else _q(iri, """SELECT DISTINCT ?person ?name ?title ?first ?last WHERE {
            ?post kgo:jurisdiction $E ; kgo:title ?title . ?person kgo:holdsPost ?post ; rdfs:label ?name .
            OPTIONAL { ?post kgo:firstSeen ?first } OPTIONAL { ?post kgo:lastSeen ?last } }
            ORDER BY ?title ?first ?name""" + _limit(limit)),
        "invests": _q(iri, """SELECT DISTINCT ?project ?label ?partner ?partnerLabel WHERE {
            $E kgo:investsIn ?project . ?project rdfs:label ?label .
            OPTIONAL { ?partner kgo:investsIn ?project . ?partner rdfs:label ?partnerLabel
                       FILTER(?partner != $E) } } ORDER BY ?label ?partnerLabel"""),
        "investors": _q(iri, """SELECT DISTINCT ?partner ?partnerLabel WHERE {
            ?partner kgo:investsIn $E ; rdfs:label ?partnerLabel } ORDER BY ?partnerLabel"""),
    }
    if index is None:  # the queries are independent: side by side on the service's workers
        with ThreadPoolExecutor(max_workers=4) as pool:
            answers = {k: pool.submit(reader.select, q) for k, q in queries.items() if q is not None}
            facts = {k: answers[k].result() if k in answers else [] for k in queries}
        facts["events"].reverse()  # the latest, asked for newest first: in day order again
        facts["visitors"].reverse()
        facts["with"] = counterparts(reader, iri, [e["ev"] for e in facts["events"]])
        facts["counts"] = {r["type"].rsplit("#", 1)[-1]: int(r["n"]) for r in facts["counts"]}
        facts["regions"] = regions_visited(reader, facts.pop("visit_places"))
    else:  # the rest are a few small ones (a few ms in all): threads would cost more than they save
        kept = ("post_reports", "events", "counts", "visit_places", "visitors")
        facts = {k: reader.select(q) if q is not None else [] for k, q in queries.items() if k not in kept}
        facts["events"], facts["with"] = index.entity_events(iri, limit)
        facts["counts"] = index.event_counts(iri)
        facts["regions"] = index.regions_visited(iri)
        facts["visitors"] = index.visitors(iri, limit) if place else []
        facts["post_reports"] = [{"post": p["post"], **index.first[p["post"]].columns()}
                                 for p in facts["posts"] if p["post"] in index.first]
    reports = {r["post"]: r for r in facts.pop("post_reports")}
    empty = dict.fromkeys(("doc", "source", "extractor", "evidence"))
    facts["posts"] = [{**p, **{k: v for k, v in reports.get(p["post"], empty).items() if k != "post"}}
                      for p in facts["posts"]]
    facts["posts_then"] = posts_then(facts["posts"], facts["events"])
    return facts


def _limit(limit: int | None) -> str:
    return "" if limit is None else f" LIMIT {int(limit)}"


def counterparts(reader, iri: str, events: list[str]) -> list[dict]:
    """The places and counterparts of ``events`` (the entity's, as :func:`gather` chose them):
    the ``with`` rows, ordered by event and label."""
    if not events:
        return []
    return reader.select(_q(iri, """SELECT DISTINCT ?ev ?role ?with ?withLabel WHERE {
        VALUES ?ev { """ + " ".join(f"<{e}>" for e in events) + """ }
        { ?ev kgo:agent $E ; kgo:place ?with . BIND(kgo:place AS ?role) }
        UNION { ?ev kgo:agent $E ; kgo:participant ?with . BIND(kgo:participant AS ?role) }
        UNION { ?ev kgo:participant $E ; kgo:place ?with . BIND(kgo:place AS ?role) }
        UNION { ?ev kgo:participant $E ; kgo:agent|kgo:participant ?with . FILTER(?with != $E)
                BIND(kgo:participant AS ?role) }
        ?with rdfs:label ?withLabel } ORDER BY ?ev ?withLabel"""))


def regions_visited(reader, stops: list[dict]) -> list[dict]:
    """Per administrative code (kgo:adminCode of a place visited or of a region it lies in), the
    number of visits and the places visited there, from ``stops``: every visit of the entity
    as rows of ``ev``, ``with`` (a place) and ``withLabel``. The region chains are asked once
    per place, not once per visit."""
    places = sorted({w["with"] for w in stops if writable_iri(w["with"])})
    if not places:
        return []
    codes: dict[str, set[str]] = {}
    for row in reader.select(sparql_prefixes() + "SELECT DISTINCT ?p ?code WHERE { VALUES ?p { "
                             + " ".join(f"<{p}>" for p in places)
                             + " } ?p (kgo:locatedIn|kgo:parentRegion)* ?r . ?r kgo:adminCode ?code }"):
        codes.setdefault(row["p"], set()).add(row["code"])
    return count_regions(((w["ev"], w["with"], w["withLabel"]) for w in stops), codes)


def count_regions(stops, codes: dict[str, set[str]]) -> list[dict]:
    """(event, place, label) stops and each place's codes -> per code, the number of visits and
    the places' labels (tab-separated), in code order."""
    per_code: dict[str, tuple[set, set]] = {}
    for ev, place, label in stops:
        for code in codes.get(place, ()):
            evs, labels = per_code.setdefault(code, (set(), set()))
            evs.add(ev)
            labels.add(label)
    return [{"code": c, "visits": len(evs), "places": "\t".join(sorted(labels))}
            for c, (evs, labels) in sorted(per_code.items())]


def posts_then(posts: list[dict], events: list[dict]) -> list[dict]:
    """For each dated event, the posts its agent was seen holding on its day (firstSeen ≤ day ≤
    lastSeen), as rows of ``ev``, ``title``, ``region``."""
    dated = [p for p in posts if p["first"] and p["last"]]
    return [{"ev": e["ev"], "title": p["title"], "region": p["region"]}
            for e in events if e["date"] for p in dated if p["first"] <= e["date"] <= p["last"]]


def entity_href(iri: str | None) -> str | None:
    return "/entities/" + quote(iri[len(KGR):], safe="/@") if iri and iri.startswith(KGR) else None


def _link(iri: str | None, label: str | None) -> str:
    text, href = esc(label or iri or ""), entity_href(iri)
    return f'<a href="{esc(href)}">{text}</a>' if href else text


def _source_href(row: dict) -> str | None:
    doc = row.get("doc") or ""
    if not doc.startswith(DOC_PREFIX):
        return None
    return document_link(doc[len(DOC_PREFIX):], row.get("evidence") or None)


def _source(row: dict, lang: str) -> str:
    href = _source_href(row)
    if href is None:
        return ""
    name = (row.get("source") or row.get("doc") or "").rsplit("/", 1)[-1]
    return f' <a class="src" href="{esc(href)}" title="{esc(t("source", lang))}">{esc(name)}</a>'


def _provenance(row: dict, lang: str) -> str:
    """Confidence and number of reports of an event or post (and the extractor, as a tooltip)."""
    bits = []
    if row.get("confidence"):
        bits.append(f'{t("confidence", lang)} {float(row["confidence"]):.2f}')
    if row.get("reports"):
        bits.append(f'{t("reports", lang)} {int(row["reports"])}')
    if not bits:
        return ""
    extractor = f' title="{esc(row["extractor"])}"' if row.get("extractor") else ""
    return f' <span class="prov"{extractor}>{esc(" · ".join(bits))}</span>'


def _evidence(row: dict) -> str:
    return f'<div class="ev">{esc(row["evidence"])}</div>' if row.get("evidence") else ""


def group_events(rows: list[dict], with_rows: list[dict], posts_then: list[dict]) -> list[dict]:
    """The events, each with its places, counterparts (participants, or the agent when the entity
    is a participant) and the titles its agent was seen holding on its day; in day order, and in
    a day in the order of the sentences that report them."""
    then: dict[str, list[str]] = {}
    for p in posts_then:
        title = f'{p["title"]}（{p["region"]}）' if p["region"] else p["title"]
        if title not in then.setdefault(p["ev"], []):
            then[p["ev"]].append(title)
    places: dict[str, list[tuple[str, str]]] = {}
    others: dict[str, list[tuple[str, str]]] = {}
    for w in with_rows:
        bucket = places if w["role"].endswith("#place") else others
        if (w["with"], w["withLabel"]) not in bucket.setdefault(w["ev"], []):
            bucket[w["ev"]].append((w["with"], w["withLabel"]))
    events = [{**r, "type": (r["type"] or "").rsplit("#", 1)[-1], "places": places.get(r["ev"], []),
               "others": others.get(r["ev"], []), "then": then.get(r["ev"], []),
               "order": int(r["order"]) if r.get("order") else 0} for r in rows]
    return sorted(events, key=lambda e: (e["date"] or "9999", e["doc"] or "", e["order"], e["ev"]))


ITINERARY_DAYS = 30  # days listed with their stops and sources; the rest behind ?days=all


def _itinerary(visits: list[dict], lang: str, all_days: bool = False) -> str:
    """One entry per day, its stops in order; undated visits last. Only the latest
    :data:`ITINERARY_DAYS` dated days unless ``all_days`` (the day axis above has them all): an
    official's years of visits would make a page of thousands of entries."""
    days: dict[str, list[dict]] = {}
    for v in visits:
        days.setdefault(v["date"] or "", []).append(v)
    dated = [d for d in days if d]
    hidden = [] if all_days else dated[:-ITINERARY_DAYS]
    out = []
    if hidden:
        out.append(f'<li class="earlier">{esc(t("earlier_days", lang))} {len(hidden)}'
                   f'（{esc(hidden[0])} – {esc(hidden[-1])}） <a href="?days=all">{esc(t("show_all", lang))}</a></li>')
    for day, stops in days.items():
        if day in hidden:
            continue
        then = list(dict.fromkeys(title for v in stops for title in v["then"]))
        items = "".join(
            '<li class="stop">' + "、".join(_link(i, lab) for i, lab in v["places"])
            + _provenance(v, lang) + _source(v, lang) + _evidence(v) + "</li>" for v in stops)
        out.append(f'<li class="day" id="day-{esc(day or "undated")}"><span class="day-date">{esc(day or t("no_date", lang))}</span>'
                   f' <span class="n">{esc(t("stops", lang))} {len(stops)}</span>'
                   + (f' <span class="then">{esc("、".join(then))}</span>' if then else "")
                   + f"<ol>{items}</ol></li>")
    return '<ol id="itinerary">' + "".join(out) + "</ol>"


def _event_table(events: list[dict], lang: str, table_id: str) -> str:
    rows = "".join(
        f'<tr class="event"><td class="date">{esc(e["date"] or t("no_date", lang))}</td>'
        f'<td>{"、".join(_link(i, lab) for i, lab in e["others"])}</td>'
        f'<td>{"、".join(_link(i, lab) for i, lab in e["places"])}</td>'
        f'<td>{_provenance(e, lang)}</td><td>{_evidence(e)}{_source(e, lang)}</td></tr>' for e in events)
    head = "".join(f"<th>{esc(t(k, lang))}</th>" for k in ("date", "counterparts", "place", "confidence", "source"))
    return f'<table id="{table_id}"><tr>{head}</tr>{rows}</table>'


def _posts(posts: list[dict], lang: str) -> str:
    items = "".join(
        f'<li class="post">{esc(p["title"])}'
        + (f' — {esc(p["region"])}' if p["region"] else "") + (f' — {esc(p["org"])}' if p["org"] else "")
        + (f' <span class="seen">{esc(_seen(p))}</span>' if p["first"] else "")
        + _provenance(p, lang) + _source(p, lang) + _evidence(p) + "</li>" for p in posts)
    return f'<div id="posts-timeline" class="vis-box"></div><ul id="posts">{items}</ul>'


def _seen(post: dict) -> str:
    first, last = post["first"] or "", post["last"] or ""
    return first if first == last else f"{first} – {last}"


def page_data(events: list[dict], facts: dict) -> dict:
    """What the page's script draws: the visits (for the timeline), the posts (ranges), and the
    number of visits per region code (for the map). Labels are data here, never markup."""
    visits = [{"id": e["ev"], "date": e["date"], "order": i,
               "places": [lab for _, lab in e["places"]], "evidence": e.get("evidence") or "",
               "confidence": e.get("confidence")}
              for i, e in enumerate(x for x in events if x["type"] == "Visit") if e["date"]]
    posts = [{"title": p["title"], "region": p["region"] or p["org"] or "", "first": p["first"],
              "last": p["last"]} for p in facts["posts"] if p["first"]]
    regions = {r["code"]: {"visits": int(r["visits"]), "places": sorted((r["places"] or "").split("\t"))[:12]}
               for r in facts.get("regions", []) if r["code"]}
    return {"visits": visits, "posts": posts, "regions": regions}


def _json_block(data: dict) -> str:
    """JSON inside <script type="application/json">: "<" written as \\u003c so no label can
    close the element."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script id="entity-data" type="application/json">{text}</script>'


HEAD = """<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/vendor/vis-timeline/vis-timeline-graph2d.min.css">
<link rel="stylesheet" href="/static/explorer.css">
<script src="/static/vendor/vis-timeline/vis-timeline-graph2d.min.js" defer></script>
<script src="/static/entity.js" defer></script>"""


def render(entity: dict, facts: dict, lang: str | None = None, request=None,
           all_days: bool | None = None) -> str:
    """The whole page, in ``lang`` (else the request's language); every text from the graph is
    escaped. The itinerary lists every day when ``all_days`` (else ``?days=all``)."""
    lang = lang or lang_of(request)
    if all_days is None:
        all_days = request is not None and request.query_params.get("days") == "all"
    label = entity["labels"][0] if entity["labels"] else entity["id"]
    classes = "、".join(t("class_" + c, lang) for c in entity["types"])
    parts = [f"<h1>{esc(label)}</h1>",
             f'<p class="meta">{esc(classes)}'
             + (f' · {esc(t("aliases", lang))} {esc("、".join(entity["aliases"]))}' if entity["aliases"] else "")
             + f' · <a id="graph-link" href="/graph.html?focus={quote(label)}">{esc(t("graph", lang))}</a></p>']
    if facts["above"]:
        parts.append('<p class="above">' + " › ".join(_link(r["r"], r["label"]) for r in facts["above"]) + "</p>")
    events = group_events(facts["events"], facts.get("with", []), facts.get("posts_then", []))
    visits = [e for e in events if e["type"] == "Visit"]
    total = sum(facts.get("counts", {}).values())
    if total > len(events) and not all_days:
        parts.append(f'<p class="latest" id="latest">{esc(t("latest_events", lang).format(shown=len(events), total=total))}'
                     f' <a href="?days=all">{esc(t("show_all", lang))}</a></p>')
    if facts["posts"]:
        parts.append(f'<h2>{esc(t("posts_over_time", lang))}</h2>' + _posts(facts["posts"], lang))
    if visits:
        parts.append(f'<h2>{esc(t("itinerary", lang))}</h2><div id="itinerary-timeline" class="vis-box"></div>'
                     + _itinerary(visits, lang, all_days))
    if facts.get("regions"):
        parts.append(f'<h2>{esc(t("map_of_visits", lang))}</h2><p class="map-levels">'
                     + "".join(f'<label><input type="radio" name="level" value="{lv}"> {esc(t("level_" + lv, lang))}'
                               "</label> " for lv in ("province", "prefecture", "county"))
                     + '</p><div id="map" style="height:480px"></div>')
    for kind, key in (("Meeting", "meetings"), ("Signing", "signings")):
        chosen = [e for e in events if e["type"] == kind]
        if chosen:
            parts.append(f"<h2>{esc(t(key, lang))}</h2>" + _event_table(chosen, lang, key))
    if facts.get("holders"):
        parts.append(f'<h2>{esc(t("office_holders", lang))}</h2><ul id="holders">' + "".join(
            f"<li>{esc(r['title'])}: {_link(r['person'], r['name'])}"
            + (f' <span class="seen">{esc(_seen(r))}</span>' if r["first"] else "") + "</li>"
            for r in facts["holders"]) + "</ul>")
    if facts["visitors"]:
        parts.append(f'<h2>{esc(t("visited_by", lang))}</h2><ul id="visitors">' + "".join(
            f'<li>{esc(r["date"] or t("no_date", lang))} {_link(r["with"], r["withLabel"])} → '
            f'{esc(r["placeLabel"])}{_provenance(r, lang)}{_source(r, lang)}{_evidence(r)}</li>'
            for r in facts["visitors"]) + "</ul>"
            + (f'<p class="latest">{esc(t("latest_visitors", lang).format(shown=len(facts["visitors"])))}'
               f' <a href="?days=all">{esc(t("show_all", lang))}</a></p>'
               if len(facts["visitors"]) >= PAGE_EVENTS and not all_days else ""))
    if facts["invests"] or facts["investors"]:
        parts.append(f'<h2>{esc(t("projects_partners", lang))}</h2><ul id="projects">' + "".join(
            f"<li>{_link(r['project'], r['label'])}"
            + (f" — {_link(r['partner'], r['partnerLabel'])}" if r["partner"] else "") + "</li>"
            for r in facts["invests"]) + "".join(
            f"<li>{esc(t('investor', lang))}: {_link(r['partner'], r['partnerLabel'])}</li>"
            for r in facts["investors"]) + "</ul>")
    words = {k: t(k, lang) for k in ("visits", "confidence", "no_visits_here", "level_province",
                                     "level_prefecture", "level_county")}
    body = "".join(parts) + _json_block({**page_data(events, facts), "words": words, "lang": lang})
    return page(label, body, lang, head=HEAD, request=request)
