"""Static HTML of the service: the explorer home page (no CDN)."""

from __future__ import annotations

HOME_PAGE = """<!doctype html><html lang="zh"><meta charset="utf-8"><title>zhkg</title>
<style>body{font-family:sans-serif;max-width:60em;margin:1em auto}li{margin:2px 0}</style>
<h1>zhkg</h1><p>Knowledge graph of Chinese regional news.</p>
<p><input id="q" placeholder="名称 (庄悦群, 茂南区 …)" autofocus> <button id="go">Search</button></p>
<div id="hits"></div>
<ul>
<li><a href="/visits">/visits</a> — who visited where (?person=, ?place=, ?from=, ?to=)</li>
<li><a href="/graph.html">/graph.html</a> — interactive graph (?focus=NAME&amp;hops=2)</li>
<li><a href="/sparql">/sparql</a> — SPARQL 1.1 endpoint and query page</li>
<li><a href="/export.ttl">/export.ttl</a> — the whole graph as Turtle</li>
<li><a href="/docs">/docs</a> — OpenAPI</li></ul>
<script>
async function search() {
  const hits = document.getElementById('hits'); hits.replaceChildren();
  const text = document.getElementById('q').value.trim(); if (!text) return;
  const r = await fetch('/entities?q=' + encodeURIComponent(text)); const rows = await r.json();
  const groups = {};
  rows.forEach(h => { (groups[h.type] = groups[h.type] || []).push(h); });
  Object.keys(groups).sort().forEach(type => {
    const h = document.createElement('h3'); h.textContent = type; hits.appendChild(h);
    const ul = document.createElement('ul');
    groups[type].forEach(e => { const li = document.createElement('li'); const a = document.createElement('a');
      a.href = '/entities/' + e.id; a.textContent = e.label; li.appendChild(a); ul.appendChild(li); });
    hits.appendChild(ul);
  });
  if (!rows.length) hits.textContent = 'no match';
}
document.getElementById('go').onclick = search;
document.getElementById('q').onkeydown = e => { if (e.key === 'Enter') search(); };
</script></html>"""
