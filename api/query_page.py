"""The SPARQL query page (YASGUI, served by the service itself) and its canned example queries."""

from __future__ import annotations

import datetime as dt
import json

from api.ui import esc, lang_of, page, t
from kg.queries import post_holders_query, posts_at_events_query
from kg.vocab import PREFIXES


def _bare(query: str) -> str:
    """A canned query without its PREFIX lines (the page predeclares them)."""
    return "\n".join(line for line in query.splitlines() if not line.startswith("PREFIX ")).strip()


# Each canned query answers one row per fact: the store keeps every fact once (ontology/README.md).
EXAMPLES = {
    "Who visited where": """SELECT ?who ?where ?date ?confidence ?reports WHERE {
  ?v a kgo:Visit ; kgo:agent ?p ; kgo:place ?x .
  OPTIONAL { ?v kgo:date ?date }
  OPTIONAL { ?v kgo:confidence ?confidence } OPTIONAL { ?v kgo:reportCount ?reports }
  ?p rdfs:label ?who . ?x rdfs:label ?where .
} ORDER BY ?date ?who ?where LIMIT 100""",
    "Visits per person and place": """SELECT ?who ?where (COUNT(?v) AS ?visits) WHERE {
  ?v a kgo:Visit ; kgo:agent/rdfs:label ?who ; kgo:place/rdfs:label ?where .
} GROUP BY ?who ?where ORDER BY DESC(?visits) ?who ?where LIMIT 100""",
    "Posts of a person": """SELECT ?title ?region ?first ?last WHERE {
  ?p rdfs:label "庄悦群"@zh ; kgo:holdsPost ?post .
  ?post kgo:title ?title .
  OPTIONAL { ?post kgo:jurisdiction/rdfs:label ?region }
  OPTIONAL { ?post kgo:firstSeen ?first ; kgo:lastSeen ?last }
} ORDER BY ?title ?region""",
    "Who was 市委书记 of 茂名市 on 2026-04-09": _bare(post_holders_query("市委书记", "茂名市", dt.date(2026, 4, 9))),
    "The agent's post at the event's date": _bare(posts_at_events_query()),
    "Investments by province": """SELECT DISTINCT ?province ?company ?project WHERE {
  ?c kgo:investsIn ?pr ; rdfs:label ?company . ?pr rdfs:label ?project .
  OPTIONAL { ?pr kgo:inRegion ?prov . ?prov kgo:adminCode ?code .
             FILTER(STRENDS(?code, "0000")) ?prov rdfs:label ?province }
} ORDER BY ?province ?company ?project""",
}

ASK_EXAMPLE = """ASK { ?v a kgo:Visit ; kgo:agent/rdfs:label "庄悦群"@zh }"""
CONSTRUCT_EXAMPLE = """CONSTRUCT { ?p kgo:visited ?x . ?p rdfs:label ?who . ?x rdfs:label ?where }
WHERE { ?p kgo:visited ?x ; rdfs:label ?who . ?x rdfs:label ?where } LIMIT 50"""
DESCRIBE_EXAMPLE = """DESCRIBE ?p WHERE { ?p rdfs:label "庄悦群"@zh }"""

# The page's menu: the canned SELECT queries and one of each other result form.
PAGE_EXAMPLES = {**EXAMPLES, "ASK: did 庄悦群 visit anywhere?": ASK_EXAMPLE,
                 "CONSTRUCT: the visits as a graph": CONSTRUCT_EXAMPLE,
                 "DESCRIBE 庄悦群": DESCRIBE_EXAMPLE}

HEAD = """<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/vendor/yasgui/yasgui.min.css">
<script src="/static/vendor/yasgui/yasgui.min.js" defer></script>
<script src="/static/query.js" defer></script>"""


def query_page(request=None) -> str:
    """The query page: YASGUI (vendored) talking to this service's /sparql, the prefixes
    predeclared in the editor, the examples in a menu; results as a table (SELECT), a yes or
    no (ASK), or Turtle (CONSTRUCT, DESCRIBE), each downloadable; the share button makes a
    link that opens the same query."""
    lang = lang_of(request)
    options = "".join(f'<option value="{i}">{esc(name)}</option>' for i, name in enumerate(PAGE_EXAMPLES))
    data = json.dumps({"prefixes": dict(PREFIXES), "examples": list(PAGE_EXAMPLES.values())},
                      ensure_ascii=False).replace("<", "\\u003c")
    body = (f'<h1>{esc(t("query", lang))}</h1><p>{esc(t("examples", lang))}: <select id="ex">{options}</select> '
            f'<span class="hint">{esc(t("prefixes_declared", lang))}: '
            f'{esc(", ".join(p + ":" for p in PREFIXES))}</span></p><div id="yasgui"></div>'
            f'<script id="query-data" type="application/json">{data}</script>')
    return page(t("query", lang), body, lang, head=HEAD, request=request)


QUERY_PAGE = query_page()
