"""Canned SPARQL questions that the CLI and the API share."""

from __future__ import annotations

import datetime as dt
import json

from kg.vocab import sparql_prefixes


def _literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def date_pattern(event: str, since: dt.date | None, until: dt.date | None) -> str:
    """The event's ?date, required and filtered when a range is given, else optional."""
    bounds = []
    if since:
        bounds.append(f'?date >= "{since.isoformat()}"^^xsd:date')
    if until:
        bounds.append(f'?date <= "{until.isoformat()}"^^xsd:date')
    if not bounds:
        return f"OPTIONAL {{ {event} kgo:date ?date }}"
    return f"{event} kgo:date ?date . FILTER({' && '.join(bounds)})"


def visits_query(person: str | None = None, place: str | None = None,
                 since: dt.date | None = None, until: dt.date | None = None,
                 limit: int = 1000) -> str:
    """Who visited where and when, with the sentence and the source page.

    A place matches itself and every region or thing located in it (茂名市 finds
    visits to 茂南区), via ``kgo:locatedIn*``.
    """
    filters = []
    if person:
        filters.append(f"?person rdfs:label|skos:altLabel {_literal(person)}@zh .")
    if place:
        filters.append(f"?place kgo:locatedIn* ?within . ?within rdfs:label|skos:altLabel {_literal(place)}@zh .")
    where_date = date_pattern("?visit", since, until)
    return f"""{sparql_prefixes()}
SELECT DISTINCT ?visit ?person ?personLabel ?place ?placeLabel ?date ?evidence ?doc ?source WHERE {{
  ?visit a kgo:Visit ; kgo:agent ?person ; kgo:place ?place ; prov:wasDerivedFrom ?doc .
  {where_date}
  {' '.join(filters)}
  ?person rdfs:label ?personLabel . ?place rdfs:label ?placeLabel .
  OPTIONAL {{ ?visit kgo:evidence ?evidence }}
  OPTIONAL {{ ?doc prov:atLocation ?source }}
}} ORDER BY ?date ?personLabel ?placeLabel LIMIT {int(limit)}"""


def entity_search_query(text: str, limit: int = 50) -> str:
    """Entities whose label or alias starts with ``text``."""
    return f"""{sparql_prefixes()}
SELECT ?entity (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) WHERE {{
  ?entity rdfs:label|skos:altLabel ?name ; rdfs:label ?l ; a ?t .
  FILTER(STRSTARTS(STR(?name), {_literal(text)}))
  FILTER(STRSTARTS(STR(?t), STR(kgo:)))
}} GROUP BY ?entity ORDER BY ?label LIMIT {int(limit)}"""
