// The entity page's figures: the itinerary and the posts on vis-timeline, the regions visited on
// an ECharts map of the vendored boundaries. Labels come from the graph: they are put into the
// page as text (textContent, or escaped before ECharts' HTML tooltips), never as markup.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('entity-data').textContent);
  const words = data.words;

  function textElement(tag, value, className) {
    const el = document.createElement(tag);
    el.textContent = value;
    if (className) el.className = className;
    return el;
  }

  function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  }

  function tooltip(lines) {
    const div = document.createElement('div');
    div.className = 'tip';
    lines.filter(Boolean).forEach(line => div.appendChild(textElement('div', line)));
    return div;
  }

  // vis-timeline's own words (its dates are formatted by its bundled moment locales)
  const LOCALES = {'zh-cn': {current: '当前', time: '时间', deleteSelected: '删除所选'},
                   en: {current: 'current', time: 'time', deleteSelected: 'Delete selected'}};
  const LOCALE = data.lang === 'zh' ? 'zh-cn' : 'en';
  // the axis in Chinese (the bundled moment has no zh-cn dates): 4月 / 8日 / 2026年4月
  const WEEKDAYS = '日一二三四五六';
  const ZH_FORMAT = {
    minorLabels: (date, scale) => {
      const d = new Date(date.valueOf());
      return {hour: d.getHours() + '时', weekday: d.getDate() + '日 周' + WEEKDAYS[d.getDay()], day: d.getDate() + '日',
              week: d.getDate() + '日', month: (d.getMonth() + 1) + '月', year: d.getFullYear() + '年'}[scale] || '';
    },
    majorLabels: (date, scale) => {
      const d = new Date(date.valueOf());
      const month = d.getFullYear() + '年' + (d.getMonth() + 1) + '月';
      return {hour: month + d.getDate() + '日', weekday: month, day: month, week: month,
              month: d.getFullYear() + '年'}[scale] || '';
    },
  };
  const AXIS = data.lang === 'zh' ? {format: ZH_FORMAT} : {};

  function itinerary() {
    const el = document.getElementById('itinerary-timeline');
    if (!el || !window.vis || !data.visits.length) return;
    // a box's text and tooltip are made when vis-timeline draws or hovers it, not for every visit
    // (Date objects: vis-timeline would parse each date string with moment)
    const items = data.visits.map(v => ({id: v.id, start: new Date(v.date + 'T00:00:00'), type: 'box', seq: v.order,
                                         content: '', visit: v}));
    const visitTip = item => tooltip([item.visit.date + ' · ' + item.visit.places.join('、'),
      item.visit.confidence ? words.confidence + ' ' + Number(item.visit.confidence).toFixed(2) : '', item.visit.evidence]);
    // the first view: the last ten days with visits (the axis scrolls and zooms to the rest)
    const days = [...new Set(data.visits.map(v => v.date))].sort();
    const first = new Date(days[Math.max(0, days.length - 10)] + 'T00:00:00'), last = new Date(days[days.length - 1] + 'T00:00:00');
    window.zhkgItinerary = new vis.Timeline(el, new vis.DataSet(items), {
      start: new Date(first.getTime() - 86400000), end: new Date(last.getTime() + 86400000 * 2),
      order: (a, b) => a.seq - b.seq, stack: true, orientation: {axis: 'top', item: 'top'}, maxHeight: 640, zoomMin: 86400000 * 3,
      template: item => textElement('span', item.visit.places.join('、')),
      tooltip: {followMouse: true, overflowMethod: 'cap', template: visitTip}, locale: LOCALE, locales: LOCALES, ...AXIS,
    });
    // a box opens its day in the list below (the list holds the latest days; ?days=all the rest)
    window.zhkgItinerary.on('select', props => {
      const visit = data.visits.find(v => v.id === props.items[0]);
      if (!visit) return;
      const day = document.getElementById('day-' + visit.date);
      if (day) day.scrollIntoView({block: 'start'});
      else location.href = '?days=all#day-' + visit.date;
    });
  }

  function posts() {
    const el = document.getElementById('posts-timeline');
    if (!el || !window.vis || !data.posts.length) return;
    const items = data.posts.map((p, i) => {
      const name = p.title + (p.region ? '（' + p.region + '）' : '');
      const span = p.first === p.last ? {type: 'point'} : {type: 'range', end: p.last};
      return Object.assign({id: i, start: p.first, content: textElement('span', name),
                            title: tooltip([name, p.first + (p.last !== p.first ? ' – ' + p.last : '')])}, span);
    });
    window.zhkgPosts = new vis.Timeline(el, new vis.DataSet(items), {stack: true, maxHeight: 300,
      zoomMin: 86400000 * 3, tooltip: {followMouse: true}, locale: LOCALE, locales: LOCALES, ...AXIS});
  }

  const LEVEL_OF = code => code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county';

  async function loadGeo(files) {
    const features = [];
    for (const file of files) {
      const r = await fetch('/static/vendor/geo/' + file + '.json');
      if (!r.ok) continue;
      features.push(...(await r.json()).features);
    }
    return features;
  }

  // ECharts (1 MB) and the boundaries are loaded when the map, below the fold, comes near the
  // window: the first view of a busy official's page does not wait for them
  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error('could not load ' + src));
      document.head.appendChild(script);
    });
  }

  function mapWhenNear() {
    const el = document.getElementById('map');
    if (!el) return Promise.resolve();
    return new Promise(resolve => {
      const observer = new IntersectionObserver(entries => {
        if (!entries.some(e => e.isIntersecting)) return;
        observer.disconnect();
        const t0 = performance.now();
        (window.echarts ? Promise.resolve() : loadScript('/static/vendor/echarts/echarts.min.js'))
          .then(map).catch(e => console.warn('map', e)).finally(() => {
            window.zhkgMapDrawn = performance.now();
            window.zhkgTimings.map = Math.round(window.zhkgMapDrawn - t0);
            resolve();
          });
      }, {rootMargin: '300px'});
      observer.observe(el);
    });
  }

  async function map() {
    const el = document.getElementById('map');
    if (!el || !window.echarts) return;
    const counts = data.regions;
    const codes = Object.keys(counts);
    const provinces = [...new Set(codes.map(c => c.slice(0, 2)))].sort();
    const features = await loadGeo(provinces);
    const chart = echarts.init(el);
    let allProvinces = null;
    const radios = [...document.querySelectorAll('input[name=level]')];
    async function draw(level) {
      if (level === 'province' && allProvinces === null) allProvinces = await loadGeo(['provinces']);
      // counties of the prefectures visited, prefectures of the provinces visited, or all of China
      const prefectures = new Set(codes.map(c => c.slice(0, 4)));
      const shown = level === 'province' ? allProvinces : features.filter(f => f.properties.level === level
        && (level === 'prefecture' || prefectures.has(f.properties.code.slice(0, 4))));
      const names = Object.fromEntries(shown.map(f => [f.properties.code, f.properties.name]));
      const mapName = 'zhkg-' + level;
      echarts.registerMap(mapName, {type: 'FeatureCollection', features: shown});
      const rows = codes.filter(c => LEVEL_OF(c) === level && names[c]).map(c => ({name: c, value: counts[c].visits}));
      const max = Math.max(1, ...rows.map(r => r.value));
      chart.setOption({
        tooltip: {trigger: 'item', formatter: p => '<b>' + escapeHtml(names[p.name] || p.name) + '</b><br>' +
          escapeHtml(p.value > 0 ? words.visits + ' ' + p.value : words.no_visits_here) +
          (counts[p.name] ? '<br>' + escapeHtml(counts[p.name].places.join('、')) : '')},
        visualMap: {min: 0, max: max, left: 'left', bottom: 10, text: [String(max), '0'], calculable: true,
                    inRange: {color: ['#fee8c8', '#e34a33']}},
        series: [{type: 'map', map: mapName, nameProperty: 'code', roam: true, data: rows,
                  itemStyle: {areaColor: '#f3f3f3', borderColor: '#999'},
                  emphasis: {label: {show: false}, itemStyle: {areaColor: '#fdbb84'}}}],
      }, true);
      window.zhkgMap = {level: level, shaded: rows.map(r => r.name), features: shown.length, chart: chart};
    }
    const present = new Set(codes.map(LEVEL_OF));
    const first = present.has('county') ? 'county' : present.has('prefecture') ? 'prefecture' : 'province';
    radios.forEach(r => { r.checked = r.value === first; r.onchange = () => draw(r.value); });
    await draw(first);
  }

  function timed(name, draw) {
    const t0 = performance.now();
    const out = draw();
    window.zhkgTimings[name] = Math.round(performance.now() - t0);
    return out;
  }

  function start() {
    window.zhkgTimings = {start: Math.round(performance.now())};
    timed('itinerary', itinerary);
    timed('posts', posts);
    // when everything is drawn, in ms since the navigation started (what bench/entity_page.py reads)
    // the first view is drawn (what bench/entity_page.py reads, in ms since the navigation
    // started) once the browser has painted the timelines
    requestAnimationFrame(() => setTimeout(() => { window.zhkgRendered = performance.now(); }, 0));
    mapWhenNear();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
