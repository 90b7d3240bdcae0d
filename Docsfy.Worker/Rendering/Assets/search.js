// Client-side search over search-index.json, fetched from this site on first use: no server, no third party.
// Results are built with textContent, never innerHTML: the index holds AI-written titles and text.
(function () {
  'use strict';

  var maxResults = 8;
  var pages = null;
  var loading = null;

  function load() {
    if (!loading) {
      loading = fetch('search-index.json')
        .then(function (response) { return response.ok ? response.json() : { pages: [] }; })
        .then(function (index) { pages = index.pages || []; })
        .catch(function () { pages = []; });
    }
    return loading;
  }

  function includes(text, term) {
    return (text || '').toLowerCase().indexOf(term) >= 0;
  }

  // Every term must appear somewhere; where it appears decides the rank (title, then headings, description, text).
  function score(page, terms) {
    var total = 0;
    var heading = null;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      var match = (page.headings || []).find(function (h) { return includes(h.text, term); });
      var points =
        (includes(page.title, term) ? 10 : 0) +
        (match ? 5 : 0) +
        (includes(page.description, term) ? 3 : 0) +
        (includes(page.text, term) ? 1 : 0);
      if (points === 0) return null;
      if (match && !heading) heading = match;
      total += points;
    }
    return { page: page, score: total, heading: heading };
  }

  function search(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (terms.length === 0 || !pages) return [];
    return pages
      .map(function (page) { return score(page, terms); })
      .filter(Boolean)
      .sort(function (a, b) { return b.score - a.score; }) // stable: equal scores keep plan order
      .slice(0, maxResults);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function setUp(form) {
    var input = form.querySelector('input');
    var list = form.querySelector('.search-results');
    var active = -1;

    function links() { return list.querySelectorAll('a'); }

    function highlight(index) {
      var all = links();
      active = all.length === 0 ? -1 : (index + all.length) % all.length;
      all.forEach(function (link, i) { link.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
      if (active >= 0) all[active].scrollIntoView({ block: 'nearest' });
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      active = -1;
    }

    function show() {
      var query = input.value.trim();
      list.replaceChildren();
      if (!query) { close(); return; }

      var results = search(query);
      if (results.length === 0) {
        list.appendChild(element('li', 'search-empty', 'No pages match \u201c' + query + '\u201d'));
      }
      results.forEach(function (result) {
        var link = element('a');
        link.href = result.page.url + (result.heading ? '#' + result.heading.id : '');
        link.setAttribute('role', 'option');
        var title = result.page.title + (result.heading ? ' \u203a ' + result.heading.text : '');
        link.appendChild(element('span', 'search-result-title', title));
        link.appendChild(element('span', 'search-result-snippet', result.page.description || result.page.excerpt));
        var item = element('li');
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(0);
    }

    input.addEventListener('focus', load);
    input.addEventListener('input', function () { load().then(show); });

    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown') { event.preventDefault(); highlight(active + 1); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(active - 1); }
      else if (event.key === 'Escape') { input.value = ''; close(); input.blur(); }
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var target = links()[Math.max(active, 0)];
      if (target) window.location.href = target.href;
    });

    document.addEventListener('click', function (event) {
      if (!form.contains(event.target)) close();
    });

    // "/" jumps to search, as on most documentation sites, unless the reader is typing somewhere.
    document.addEventListener('keydown', function (event) {
      var focused = document.activeElement;
      var typing = focused && (focused.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(focused.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });

    form.hidden = false;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('[data-search]');
    if (form) setUp(form);
  });
})();
