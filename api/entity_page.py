"""The HTML page of one entity: names, class, posts, regions above it, visits, meetings,
investments, each fact with its evidence sentence and source, and a visit timeline (SVG)."""

from __future__ import annotations

import datetime as dt
import html
from urllib.parse import quote

from kg.vocab import KGR, sparql_prefixes


def _q(iri: str, body: str) -> str:
    return sparql_prefixes() + body.replace("$E", f"<{iri}>")


def gather(reader, iri: str) -> dict:
    """Every fact the page shows, as plain rows."""
    return {
        "posts": reader.select(_q(iri, """SELECT ?title ?region ?org (SAMPLE(?ev) AS ?evidence)
            (MIN(?day) AS ?first) (MAX(?day) AS ?last) WHERE {
            $E kgo:holdsPost ?post . ?post kgo:title ?title .
            OPTIONAL { ?post kgo:jurisdiction/rdfs:label ?region }
            OPTIONAL { ?post kgo:postIn/rdfs:label ?org }
            OPTIONAL { ?post kgo:evidence ?ev }
            OPTIONAL { ?post prov:wasDerivedFrom/dcterms:date ?day } }
            GROUP BY ?title ?region ?org ORDER BY ?title""")),
        "above": reader.select(_q(iri, """SELECT ?r ?label WHERE {
            $E kgo:locatedIn+ ?r . ?r rdfs:label ?label }""")),
        "events": reader.select(_q(iri, """SELECT ?ev ?type ?date ?with ?withLabel ?evidence ?doc ?source WHERE {
            ?ev kgo:agent $E ; a ?type ; kgo:evidence ?evidence ; prov:wasDerivedFrom ?doc .
            OPTIONAL { ?ev kgo:date ?date }
            OPTIONAL { ?ev kgo:place|kgo:participant ?with . ?with rdfs:label ?withLabel }
            OPTIONAL { ?doc prov:atLocation ?source } } ORDER BY ?date""")),
        "met_by": reader.select(_q(iri, """SELECT ?ev ?date ?with ?withLabel ?evidence ?doc ?source WHERE {
            ?ev a kgo:Meeting ; kgo:participant $E ; kgo:agent ?with ; kgo:evidence ?evidence ;
                prov:wasDerivedFrom ?doc . ?with rdfs:label ?withLabel .
            OPTIONAL { ?ev kgo:date ?date } OPTIONAL { ?doc prov:atLocation ?source } } ORDER BY ?date""")),
        "visitors": reader.select(_q(iri, """SELECT ?ev ?date ?with ?withLabel ?placeLabel ?evidence ?doc ?source WHERE {
            ?ev a kgo:Visit ; kgo:place ?place ; kgo:agent ?with ; kgo:evidence ?evidence ;
                prov:wasDerivedFrom ?doc . ?place kgo:locatedIn* $E ; rdfs:label ?placeLabel .
            ?with rdfs:label ?withLabel .
            OPTIONAL { ?ev kgo:date ?date } OPTIONAL { ?doc prov:atLocation ?source } } ORDER BY ?date""")),
        "invests": reader.select(_q(iri, """SELECT ?project ?label ?partner ?partnerLabel WHERE {
            $E kgo:investsIn ?project . ?project rdfs:label ?label .
            OPTIONAL { ?partner kgo:investsIn ?project . ?partner rdfs:label ?partnerLabel
                       FILTER(?partner != $E) } }""")),
        "investors": reader.select(_q(iri, """SELECT ?partner ?partnerLabel WHERE {
            ?partner kgo:investsIn $E ; rdfs:label ?partnerLabel }""")),
    }


def _seen(post: dict) -> str:
    first, last = post["first"] or "", post["last"] or ""
    return first if first == last else f"{first} – {last}"


def _link(iri: str | None, label: str | None) -> str:
    text = html.escape(label or iri or "")
    if iri and iri.startswith(KGR):
        return f'<a href="/entities/{quote(iri[len(KGR):], safe="/")}">{text}</a>'
    return text


def _source(row: dict) -> str:
    doc, src = row.get("doc"), row.get("source") or row.get("doc") or ""
    graph = f'/rdf-graphs/service?graph={quote(doc or "", safe="")}'
    return f'<a class="src" href="{html.escape(graph)}">{html.escape(src)}</a>'


def timeline_svg(dates: list[dt.date], width: int = 640, height: int = 60) -> str:
    """Dots on a time axis, one per dated visit; empty string without dates."""
    if not dates:
        return ""
    first, last = min(dates), max(dates)
    span = max((last - first).days, 1)
    dots = "".join(
        f'<circle cx="{20 + (d - first).days / span * (width - 40):.1f}" cy="30" r="5" fill="#d62728">'
        f"<title>{d.isoformat()}</title></circle>" for d in dates)
    return (f'<svg id="timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">'
            f'<line x1="20" y1="30" x2="{width - 20}" y2="30" stroke="#888"/>{dots}'
            f'<text x="20" y="55" font-size="11">{first.isoformat()}</text>'
            f'<text x="{width - 20}" y="55" font-size="11" text-anchor="end">{last.isoformat()}</text></svg>')


def render(entity: dict, facts: dict) -> str:
    """The whole page; every text from the graph is escaped."""
    label = entity["labels"][0] if entity["labels"] else entity["id"]
    parts = [f"<h1>{html.escape(label)}</h1>",
             f"<p>class: {html.escape(', '.join(entity['types']))}"
             + (f" · also: {html.escape('、'.join(entity['aliases']))}" if entity["aliases"] else "")
             + f' · <a href="/graph.html?focus={quote(label)}">graph</a></p>']
    if facts["above"]:
        parts.append("<p>in: " + " › ".join(_link(r["r"], r["label"]) for r in facts["above"]) + "</p>")
    if facts["posts"]:
        parts.append("<h2>Posts</h2><ul>" + "".join(
            f"<li>{html.escape(p['title'])}"
            + (f" — {html.escape(p['region'])}" if p["region"] else "")
            + (f" — {html.escape(p['org'])}" if p["org"] else "")
            + (f' <span class="seen">seen {html.escape(_seen(p))}</span>' if p["first"] else "")
            + (f'<div class="ev">{html.escape(p["evidence"])}</div>' if p["evidence"] else "") + "</li>"
            for p in facts["posts"]) + "</ul>")
    events = _group_events(facts["events"])
    if events:
        dates = [dt.date.fromisoformat(e["date"]) for e in events if e["date"] and e["type"] == "Visit"]
        parts.append("<h2>Visits and meetings</h2>" + timeline_svg(dates) + '<ul id="events">' + "".join(
            f'<li class="event"><span class="date">{html.escape(e["date"] or "no date")}</span> '
            f'{html.escape(e["type"])}: ' + "、".join(_link(i, lab) for i, lab in e["with"])
            + f'<div class="ev">{html.escape(e["evidence"])}</div>{_source(e)}</li>'
            for e in events) + "</ul>")
    if facts["met_by"]:
        parts.append("<h2>Met by</h2><ul>" + "".join(
            f'<li>{html.escape(r["date"] or "no date")} {_link(r["with"], r["withLabel"])}'
            f'<div class="ev">{html.escape(r["evidence"])}</div>{_source(r)}</li>' for r in facts["met_by"]) + "</ul>")
    if facts["visitors"]:
        parts.append('<h2>Visited by</h2><ul id="visitors">' + "".join(
            f'<li>{html.escape(r["date"] or "no date")} {_link(r["with"], r["withLabel"])} → '
            f'{html.escape(r["placeLabel"])}<div class="ev">{html.escape(r["evidence"])}</div>{_source(r)}</li>'
            for r in facts["visitors"]) + "</ul>")
    if facts["invests"] or facts["investors"]:
        parts.append("<h2>Projects and partners</h2><ul>" + "".join(
            f"<li>{_link(r['project'], r['label'])}"
            + (f" with {_link(r['partner'], r['partnerLabel'])}" if r["partner"] else "") + "</li>"
            for r in facts["invests"]) + "".join(
            f"<li>investor: {_link(r['partner'], r['partnerLabel'])}</li>" for r in facts["investors"]) + "</ul>")
    return (f'<!doctype html><html lang="zh"><meta charset="utf-8"><title>{html.escape(label)} · zhkg</title>'
            "<style>body{font-family:sans-serif;max-width:60em;margin:1em auto}.ev{color:#555;font-size:90%}"
            ".src{font-size:80%}li{margin:6px 0}</style>"
            '<p><a href="/">zhkg</a></p>' + "".join(parts) + "</html>")


def _group_events(rows: list[dict]) -> list[dict]:
    events: dict[str, dict] = {}
    for r in rows:
        e = events.setdefault(r["ev"], {**r, "type": (r["type"] or "").rsplit("#", 1)[-1], "with": []})
        if r["with"] and (r["with"], r["withLabel"]) not in e["with"]:
            e["with"].append((r["with"], r["withLabel"]))
    return sorted(events.values(), key=lambda e: (e["date"] or "9999", e["ev"]))
