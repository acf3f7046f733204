// Suggestions as you type in a search box (input[data-suggest]): /entities?q= as JSON, each
// entity with its class, posts, region and number of documents. Labels are data: textContent only.
(function () {
  const input = document.querySelector('input[data-suggest]');
  if (!input) return;
  const list = document.getElementById('suggest');
  const words = JSON.parse(document.getElementById('search-words').textContent);
  let timer = null, asked = '', active = -1, hits = [];

  function href(id) {
    return '/entities/' + id.split('/').map(encodeURIComponent).join('/');
  }
  function show(rows) {
    hits = rows; active = -1; list.replaceChildren();
    rows.forEach((h, i) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      const name = document.createElement('strong'); name.textContent = h.label;
      const cls = document.createElement('span'); cls.className = 'cls'; cls.textContent = words[h.type] || h.type;
      const meta = document.createElement('span'); meta.className = 'meta';
      const bits = [h.posts.slice(0, 2).join(', '), h.region,
                    h.documents ? h.documents + ' ' + words.documents_n : ''];
      if (h.matched && h.matched !== h.label) bits.unshift(words.also_called + ': ' + h.matched);
      meta.textContent = bits.filter(Boolean).join(' · ');
      li.append(name, cls, meta);
      li.addEventListener('mousedown', e => { e.preventDefault(); location.href = href(h.id); });
      list.appendChild(li);
    });
    list.hidden = rows.length === 0;
  }
  async function ask() {
    const text = input.value.trim();
    if (text === asked) return;
    asked = text;
    if (!text) { show([]); return; }
    const r = await fetch('/entities?limit=8&q=' + encodeURIComponent(text),
                          {headers: {'Accept': 'application/json'}});
    if (!r.ok || input.value.trim() !== text) return;
    show(await r.json());
  }
  function mark(i) {
    active = i;
    [...list.children].forEach((li, k) => li.classList.toggle('active', k === i));
  }
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(ask, 120); });
  input.addEventListener('keydown', e => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); mark(Math.min(active + 1, hits.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); mark(Math.max(active - 1, -1)); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); location.href = href(hits[active].id); }
    else if (e.key === 'Escape') { list.hidden = true; }
  });
  input.addEventListener('blur', () => { setTimeout(() => { list.hidden = true; }, 150); });
})();
