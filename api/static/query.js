// The query page: vendored YASGUI against this service's /sparql. Every example starts with
// the store's PREFIX lines (the service predeclares them too), so the editor knows them.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('query-data').textContent);
  const prefixBlock = Object.entries(data.prefixes).map(([p, iri]) => 'PREFIX ' + p + ': <' + iri + '>').join('\n');
  const withPrefixes = query => prefixBlock + '\n\n' + query;
  const endpoint = new URL('/sparql', window.location.href).href;
  // a shared link carries its query in the fragment (or the query string)
  const fromLink = new URLSearchParams(window.location.search).has('query')
    || new URLSearchParams(window.location.hash.slice(1)).has('query');

  function start() {
    Yasgui.Yasqe.defaults.value = withPrefixes(data.examples[0]);
    const yasgui = new Yasgui(document.getElementById('yasgui'), {
      requestConfig: {endpoint: endpoint, method: 'POST'},
      copyEndpointOnNewTab: true,
      persistenceId: null,
      populateFromUrl: true,
      endpointCatalogueOptions: {getData: () => [{endpoint: endpoint}]},
      // only completions that need no other site (the class and property ones ask one)
      yasqe: {autocompleters: ['variables', 'prefixes'], resizeable: true, editorHeight: '320px'},
      yasr: {prefixes: data.prefixes},
    });
    const menu = document.getElementById('ex');
    menu.onchange = () => { yasgui.getTab().setQuery(withPrefixes(data.examples[menu.value])); };
    if (!fromLink) yasgui.getTab().setQuery(withPrefixes(data.examples[0]));
    window.zhkgResponses = 0;
    yasgui.on('queryResponse', () => { window.zhkgResponses += 1; });
    window.zhkgYasgui = yasgui;
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
