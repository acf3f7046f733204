"""The HTML page of one entity: names, class, posts, regions above it, visits, meetings,
investments, each fact with its evidence sentence and source, and a visit timeline (SVG)."""

from __future__ import annotations

import datetime as dt
import html
from urllib.parse import quote

from kg.queries import REPORT_COLUMNS, REPORT_PARTS
from kg.vocab import KGR, sparql_prefixes


def _q(iri: str, body: str) -> str:
    return sparql_prefixes() + body.replace("$E", f"<{iri}>")


_EVENT = """OPTIONAL { ?ev kgo:confidence ?confidence } OPTIONAL { ?ev kgo:reportCount ?reports }
            OPTIONAL { ?ev kgo:date ?date } ?r kgo:reportOf ?ev . """ + REPORT_PARTS


def gather(reader, iri: str, limit: int = 500) -> dict:
    """Every fact the page shows, as plain rows: each event once (however many documents report
    it) with its best confidence, its number of reports and one report's sentence and source."""
    return {
        "posts": reader.select(_q(iri, """SELECT ?post ?title ?region ?org ?confidence ?reports ?first ?last
            (MIN(?ev) AS ?evidence) (MAX(?version) AS ?extractor) WHERE {
            $E kgo:holdsPost ?post . ?post kgo:title ?title .
            OPTIONAL { ?post kgo:jurisdiction/rdfs:label ?region }
            OPTIONAL { ?post kgo:postIn/rdfs:label ?org }
            OPTIONAL { ?post kgo:evidence ?ev }
            OPTIONAL { ?post kgo:confidence ?confidence } OPTIONAL { ?post kgo:reportCount ?reports }
            OPTIONAL { ?post kgo:firstSeen ?first } OPTIONAL { ?post kgo:lastSeen ?last }
            OPTIONAL { ?post kgo:extractorVersion ?version } }
            GROUP BY ?post ?title ?region ?org ?confidence ?reports ?first ?last ORDER BY ?title ?region ?org""")),
        "above": reader.select(_q(iri, """SELECT ?r (MIN(?l) AS ?label) (COUNT(DISTINCT ?up) AS ?depth) WHERE {
            $E kgo:locatedIn+ ?r . ?r rdfs:label ?l . OPTIONAL { ?r kgo:locatedIn+ ?up } }
            GROUP BY ?r ORDER BY DESC(?depth) ?label""")),
        "events": reader.select(_q(iri, """SELECT ?ev ?type ?date ?confidence ?reports """ + REPORT_COLUMNS + """
            WHERE { ?ev kgo:agent $E ; a ?type . """ + _EVENT + """ }
            GROUP BY ?ev ?type ?date ?confidence ?reports ORDER BY ?date ?ev LIMIT """ + str(limit))),
        "with": reader.select(_q(iri, """SELECT DISTINCT ?ev ?with ?withLabel WHERE {
            ?ev kgo:agent $E ; kgo:place|kgo:participant ?with . ?with rdfs:label ?withLabel }
            ORDER BY ?ev ?withLabel LIMIT """ + str(limit * 10))),
        "posts_then": reader.select(_q(iri, """SELECT DISTINCT ?ev ?title ?region WHERE {
            ?ev kgo:agent $E ; kgo:date ?date . $E kgo:holdsPost ?post .
            ?post kgo:title ?title ; kgo:firstSeen ?f ; kgo:lastSeen ?l . FILTER(?f <= ?date && ?date <= ?l)
            OPTIONAL { ?post kgo:jurisdiction/rdfs:label ?region } } ORDER BY ?title""")),
        "met_by": reader.select(_q(iri, """SELECT ?ev ?with ?withLabel ?date ?confidence ?reports """ + REPORT_COLUMNS + """
            WHERE { ?ev a kgo:Meeting ; kgo:participant $E ; kgo:agent ?with . ?with rdfs:label ?withLabel .
            """ + _EVENT + """ } GROUP BY ?ev ?with ?withLabel ?date ?confidence ?reports
            ORDER BY ?date ?ev LIMIT """ + str(limit))),
        "visitors": reader.select(_q(iri, """SELECT ?ev ?with ?withLabel ?placeLabel ?date ?confidence ?reports """ + REPORT_COLUMNS + """
            WHERE { ?place kgo:locatedIn* $E . ?ev a kgo:Visit ; kgo:place ?place ; kgo:agent ?with .
            ?with rdfs:label ?withLabel . ?place rdfs:label ?placeLabel . """ + _EVENT + """ }
            GROUP BY ?ev ?with ?withLabel ?placeLabel ?date ?confidence ?reports
            ORDER BY ?date ?ev LIMIT """ + str(limit))),
        "holders": reader.select(_q(iri, """SELECT DISTINCT ?person ?name ?title ?first ?last WHERE {
            ?post kgo:jurisdiction $E ; kgo:title ?title . ?person kgo:holdsPost ?post ; rdfs:label ?name .
            OPTIONAL { ?post kgo:firstSeen ?first } OPTIONAL { ?post kgo:lastSeen ?last } }
            ORDER BY ?title ?first ?name LIMIT """ + str(limit))),
        "invests": reader.select(_q(iri, """SELECT DISTINCT ?project ?label ?partner ?partnerLabel WHERE {
            $E kgo:investsIn ?project . ?project rdfs:label ?label .
            OPTIONAL { ?partner kgo:investsIn ?project . ?partner rdfs:label ?partnerLabel
                       FILTER(?partner != $E) } } ORDER BY ?label ?partnerLabel""")),
        "investors": reader.select(_q(iri, """SELECT DISTINCT ?partner ?partnerLabel WHERE {
            ?partner kgo:investsIn $E ; rdfs:label ?partnerLabel } ORDER BY ?partnerLabel""")),
    }


def _provenance(row: dict) -> str:
    """Confidence, report count and extractor of an event or post."""
    bits = []
    if row.get("confidence"):
        bits.append(f"confidence {float(row['confidence']):.2f}")
    if row.get("reports"):
        n = int(row["reports"])
        bits.append(f"{n} report{'s' if n != 1 else ''}")
    if row.get("extractor"):
        bits.append(f"by {row['extractor']}")
    return f' <span class="prov">{html.escape(" · ".join(bits))}</span>' if bits else ""


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
            + _provenance(p)
            + (f'<div class="ev">{html.escape(p["evidence"])}</div>' if p["evidence"] else "") + "</li>"
            for p in facts["posts"]) + "</ul>")
    if facts.get("holders"):
        parts.append('<h2>Office holders</h2><ul id="holders">' + "".join(
            f"<li>{html.escape(r['title'])}: {_link(r['person'], r['name'])}"
            + (f' <span class="seen">seen {html.escape(_seen(r))}</span>' if r["first"] else "") + "</li>"
            for r in facts["holders"]) + "</ul>")
    events = _group_events(facts["events"], facts.get("with", []), facts.get("posts_then", []))
    if events:
        dates = [dt.date.fromisoformat(e["date"]) for e in events if e["date"] and e["type"] == "Visit"]
        parts.append("<h2>Visits and meetings</h2>" + timeline_svg(dates) + '<ul id="events">' + "".join(
            f'<li class="event"><span class="date">{html.escape(e["date"] or "no date")}</span> '
            f'{html.escape(e["type"])}: ' + "、".join(_link(i, lab) for i, lab in e["with"])
            + (f' <span class="then">as {html.escape("、".join(e["then"]))}</span>' if e["then"] else "")
            + _provenance(e)
            + f'<div class="ev">{html.escape(e["evidence"])}</div>{_source(e)}</li>'
            for e in events) + "</ul>")
    if facts["met_by"]:
        parts.append("<h2>Met by</h2><ul>" + "".join(
            f'<li>{html.escape(r["date"] or "no date")} {_link(r["with"], r["withLabel"])}{_provenance(r)}'
            f'<div class="ev">{html.escape(r["evidence"])}</div>{_source(r)}</li>' for r in facts["met_by"]) + "</ul>")
    if facts["visitors"]:
        parts.append('<h2>Visited by</h2><ul id="visitors">' + "".join(
            f'<li>{html.escape(r["date"] or "no date")} {_link(r["with"], r["withLabel"])} → '
            f'{html.escape(r["placeLabel"])}{_provenance(r)}<div class="ev">{html.escape(r["evidence"])}</div>'
            f'{_source(r)}</li>' for r in facts["visitors"]) + "</ul>")
    if facts["invests"] or facts["investors"]:
        parts.append("<h2>Projects and partners</h2><ul>" + "".join(
            f"<li>{_link(r['project'], r['label'])}"
            + (f" with {_link(r['partner'], r['partnerLabel'])}" if r["partner"] else "") + "</li>"
            for r in facts["invests"]) + "".join(
            f"<li>investor: {_link(r['partner'], r['partnerLabel'])}</li>" for r in facts["investors"]) + "</ul>")
    return (f'<!doctype html><html lang="zh"><meta charset="utf-8"><title>{html.escape(label)} · zhkg</title>'
            "<style>body{font-family:sans-serif;max-width:60em;margin:1em auto}.ev{color:#555;font-size:90%}"
            ".src,.prov,.then{font-size:80%}.prov{color:#777}li{margin:6px 0}</style>"
            '<p><a href="/">zhkg</a></p>' + "".join(parts) + "</html>")


def _group_events(rows: list[dict], with_rows: list[dict], posts_then: list[dict]) -> list[dict]:
    """The events, each with its places and participants and the titles its agent was seen
    holding on its day."""
    then: dict[str, list[str]] = {}
    for p in posts_then:
        title = f'{p["title"]}（{p["region"]}）' if p["region"] else p["title"]
        if title not in then.setdefault(p["ev"], []):
            then[p["ev"]].append(title)
    others: dict[str, list[tuple[str, str]]] = {}
    for w in with_rows:
        if (w["with"], w["withLabel"]) not in others.setdefault(w["ev"], []):
            others[w["ev"]].append((w["with"], w["withLabel"]))
    events = [{**r, "type": (r["type"] or "").rsplit("#", 1)[-1], "with": others.get(r["ev"], []),
               "then": then.get(r["ev"], [])} for r in rows]
    return sorted(events, key=lambda e: (e["date"] or "9999", e["ev"]))
