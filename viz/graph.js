// The graph page's behaviour, on top of the vis-network page pyvis writes (its globals: network,
// nodes, edges). A click opens a node's page, a double-click adds its neighbours; classes and a
// date range filter the view, and a node left without a visible edge is hidden. Tooltips are
// built as text from each item's `tip`, never parsed as markup.
(function () {
  'use strict';
  const config = window.zhkgGraphConfig || {words: {}, lang: 'zh'};
  const words = config.words;

  function textTip(tip) {
    const div = document.createElement('div');
    div.style.whiteSpace = 'pre-wrap';
    div.style.maxWidth = '32em';
    div.textContent = tip;
    return div;
  }

  function asText(items) {
    return items.map(item => Object.assign({}, item, {title: textTip(item.tip || item.label || '')}));
  }

  nodes.update(asText(nodes.get()));
  edges.update(asText(edges.get()));

  // --- filters -----------------------------------------------------------------------------
  const classes = new Set();
  let dates = [];
  const classBox = document.getElementById('class-filter');
  const dateBox = document.getElementById('date-filter');
  const checked = {};
  let from = null, to = null;

  function refreshChoices() {
    nodes.get().forEach(n => {
      if (n.cls && !classes.has(n.cls)) {
        classes.add(n.cls);
        checked[n.cls] = true;
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = true;
        box.value = n.cls;
        box.onchange = () => { checked[n.cls] = box.checked; applyFilters(); };
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + (words['class_' + n.cls] || n.cls) + ' '));
        classBox.appendChild(label);
      }
    });
    const all = new Set();
    edges.get().forEach(e => (e.dates || []).forEach(d => all.add(d)));
    const sorted = [...all].sort();
    if (sorted.length !== dates.length) {
      dates = sorted;
      buildSlider();
    }
  }

  function buildSlider() {
    dateBox.replaceChildren();
    if (!dates.length) return;
    dateBox.appendChild(document.createTextNode(words.filter_dates + ' '));
    const start = document.createElement('input'), end = document.createElement('input');
    const shown = document.createElement('span');
    [start, end].forEach(r => { r.type = 'range'; r.min = 0; r.max = dates.length - 1; r.step = 1; });
    start.id = 'date-from'; end.id = 'date-to';
    start.value = 0; end.value = dates.length - 1;
    function update() {
      let a = Number(start.value), b = Number(end.value);
      if (a > b) [a, b] = [b, a];
      from = dates[a]; to = dates[b];
      shown.textContent = ' ' + from + ' – ' + to;
      applyFilters();
    }
    start.oninput = update; end.oninput = update;
    dateBox.append(start, end, shown);
    from = dates[0]; to = dates[dates.length - 1];
    shown.textContent = ' ' + from + ' – ' + to;
  }

  function inRange(e) {
    if (!e.dates || !e.dates.length || from === null) return true;
    return e.dates.some(d => d >= from && d <= to);
  }

  function applyFilters() {
    const byId = {};
    nodes.get().forEach(n => { byId[n.id] = n; });
    const classOk = id => byId[id] && (!byId[id].cls || checked[byId[id].cls] !== false);
    const linked = new Set();
    const edgeUpdates = edges.get().map(e => {
      const visible = inRange(e) && classOk(e.from) && classOk(e.to);
      if (visible) { linked.add(e.from); linked.add(e.to); }
      return {id: e.id, hidden: !visible};
    });
    edges.update(edgeUpdates);
    nodes.update(nodes.get().map(n => ({id: n.id, hidden: !(classOk(n.id) && linked.has(n.id))})));
  }

  // --- click opens, double-click expands ------------------------------------------------------
  let pending = null;
  network.on('click', params => {
    clearTimeout(pending);
    if (params.nodes.length !== 1) return;
    const node = nodes.get(params.nodes[0]);
    if (node && node.href) pending = setTimeout(() => { window.location.href = node.href; }, 350);
  });

  async function expand(id) {
    let r;
    try {
      r = await fetch('/graph/neighbors.json?node=' + encodeURIComponent(id) + '&lang=' + config.lang);
    } catch (e) {
      return 0;  // a page saved to a file (kg viz) has no service to ask
    }
    if (!r.ok) return 0;
    const found = await r.json();
    const fresh = found.nodes.filter(n => nodes.get(n.id) === null);
    nodes.update(asText(fresh));
    edges.update(asText(found.edges.filter(e => edges.get(e.id) === null)));
    refreshChoices();
    applyFilters();
    return fresh.length;
  }

  network.on('doubleClick', params => {
    clearTimeout(pending);
    if (params.nodes.length === 1) expand(params.nodes[0]);
  });

  // the other language, on the same view
  const other = document.getElementById('lang-switch');
  if (other && window.location.protocol.startsWith('http')) {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', config.lang === 'zh' ? 'en' : 'zh');
    other.href = url.pathname + url.search;
  } else if (other) {
    other.remove();
  }

  refreshChoices();
  applyFilters();
  window.zhkgGraph = {
    expand: expand, applyFilters: applyFilters,
    visibleNodes: () => nodes.get({filter: n => !n.hidden}).map(n => n.label),
    setDates: (a, b) => { from = a; to = b; applyFilters(); },
  };
})();
