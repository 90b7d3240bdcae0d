// #/search/{query}: full-text search across every published site the user can see (GET /api/search), from the search
// box in the header. Hits link to their page on /docs.
import { api } from './api.js';
import { h } from './dom.js';

const LIMIT = 50;

/** The header's search box: submitting opens #/search/{query}; "/" anywhere outside a field jumps to it. */
export function setUpSearchBox(form) {
    const input = form.querySelector('input');
    form.addEventListener('submit', event => {
        event.preventDefault();
        const query = input.value.trim();
        if (query) {
            location.hash = `#/search/${encodeURIComponent(query)}`;
        }
    });
    document.addEventListener('keydown', event => {
        const target = event.target;
        const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
        if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
            event.preventDefault();
            input.focus();
            input.select();
        }
    });
    return input;
}

/**
 * The snippet is HTML from the server (the page text escaped, hits in <mark>). It is still not inserted as HTML: it is
 * parsed inert and rebuilt from its text and its <mark>s only, so the dashboard's rule holds that server text only ever
 * becomes text nodes.
 */
function snippetNodes(html) {
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    return [...body.childNodes].map(node =>
        node.nodeName === 'MARK' ? h('mark', { text: node.textContent }) : document.createTextNode(node.textContent));
}

function hitItem(hit) {
    return h('li', { class: 'search-hit' },
        h('a', { href: hit.url, class: 'search-hit-title', text: hit.title }),
        h('p', { class: 'hint', text: `${hit.project} · ${hit.branch} · ${hit.provider}/${hit.model} · ${hit.owner}` }),
        h('p', { class: 'search-snippet' }, snippetNodes(hit.snippet)));
}

export class SearchView {
    constructor(section, input) {
        this.section = section;
        this.input = input;
        this.request = 0;
        this.title = h('h1', { id: 'search-title', text: 'Search' });
        this.status = h('p', { class: 'hint', id: 'search-status', role: 'status', 'aria-live': 'polite' });
        this.results = h('ol', { class: 'search-results', 'aria-labelledby': 'search-title' });
        section.append(h('div', { class: 'view-head' }, this.title), this.status, this.results);
    }

    async show([query = ''] = []) {
        const request = ++this.request;
        this.input.value = query;
        this.results.replaceChildren();
        this.title.textContent = query ? `Search: ${query}` : 'Search';
        if (!query.trim()) {
            this.status.textContent = 'Type words, "a phrase" or a code name such as HubConnection in the search box.';
            return;
        }
        this.status.textContent = 'Searching…';
        try {
            const answer = await api('GET', `/api/search?q=${encodeURIComponent(query)}&limit=${LIMIT}`);
            if (request !== this.request) {
                return; // a newer search was started meanwhile
            }
            const count = answer.hits.length;
            this.status.textContent = count === 0
                ? 'No page of the documentation you can see matches.'
                : `${count === LIMIT ? `The best ${count}` : count} page${count === 1 ? '' : 's'} found.`;
            this.results.replaceChildren(...answer.hits.map(hitItem));
        } catch (error) {
            if (request === this.request) {
                this.status.textContent = error.message;
            }
        }
    }

    // Search results do not follow the hub: a site is indexed when it is published, and a new search shows it.
    update() {}
}
