"""The SPARQL query page and its canned example queries."""

from __future__ import annotations

import datetime as dt

from kg.queries import post_holders_query, posts_at_events_query


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

_OPTIONS = "".join(f'<option value="{i}">{name}</option>' for i, name in enumerate(EXAMPLES))
_TEXTS = "[" + ",".join("`" + q.replace("`", "\\`") + "`" for q in EXAMPLES.values()) + "]"

QUERY_PAGE = f"""<!doctype html><html lang="zh"><meta charset="utf-8"><title>zhkg SPARQL</title>
<style>body{{font-family:sans-serif;max-width:70em;margin:1em auto}}textarea{{width:100%;height:14em;
font-family:monospace}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 6px}}</style>
<h1>zhkg SPARQL</h1>
<p>Prefixes kgo:, kgr:, rdfs:, skos:, xsd:, prov:, dcterms: are predeclared.
Example: <select id="ex">{_OPTIONS}</select></p>
<textarea id="q"></textarea><p><button id="run">Run</button> <span id="status"></span></p>
<table id="out"></table>
<script>
const examples = {_TEXTS};
const q = document.getElementById('q'), ex = document.getElementById('ex');
q.value = examples[0];
ex.onchange = () => {{ q.value = examples[ex.value]; }};
document.getElementById('run').onclick = async () => {{
  const status = document.getElementById('status'), out = document.getElementById('out');
  status.textContent = 'running…'; out.replaceChildren();
  const r = await fetch('sparql', {{method: 'POST', headers: {{'Content-Type':
    'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json'}},
    body: new URLSearchParams({{query: q.value}})}});
  if (!r.ok) {{ status.textContent = (await r.json()).detail; return; }}
  const data = await r.json(); const vars = data.head.vars;
  const head = out.insertRow(); vars.forEach(v => {{ const th = document.createElement('th');
    th.textContent = v; head.appendChild(th); }});
  data.results.bindings.forEach(b => {{ const row = out.insertRow();
    vars.forEach(v => {{ row.insertCell().textContent = b[v] ? b[v].value : ''; }}); }});
  status.textContent = data.results.bindings.length + ' rows';
}};
</script></html>"""
