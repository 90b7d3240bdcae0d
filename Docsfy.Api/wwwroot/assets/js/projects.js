// The projects tree: repository → branch → variant, with status, stage and progress, kept live by the hub. A filter
// and a sort keep it usable with hundreds of projects; #/projects/{name} shows one project, with its refresh settings
// for the user who may manage them.
import { h, idFor, replaceKeepingFocus } from './dom.js';
import { RefreshPanel } from './refresh.js';
import { keyOf, state } from './store.js';
import { can, detailHash, docsUrl, hasSite, progressBar, relativeTime, stageLabel, statusBadge } from './variant.js';

const SORTS = [['updated', 'Recently updated'], ['name', 'Name']];

export class ProjectsView {
    constructor(section) {
        this.section = section;
        this.project = null;        // the one project shown, or null for all
        this.collapsed = new Set(); // repository and branch groups the user closed
        this.list = h('div', { class: 'tree', id: 'project-tree' });
        this.title = h('h1', { id: 'projects-title', text: 'Projects' });
        this.back = h('p', { hidden: true }, h('a', { href: '#/projects', text: '← All projects' }));
        this.filter = h('input', { type: 'search', id: 'project-filter', autocomplete: 'off', spellcheck: 'false',
            placeholder: 'name, branch, model, owner or status', 'aria-describedby': 'project-count' });
        this.sort = h('select', { id: 'project-sort' }, SORTS.map(([value, label]) => h('option', { value, text: label })));
        this.count = h('p', { class: 'hint', id: 'project-count', 'aria-live': 'polite' });
        this.refresh = h('div', { id: 'project-refresh' });
        this.refreshPanels = new Map(); // owner (lower case) → RefreshPanel of the project shown
        this.filter.addEventListener('input', () => this.render());
        this.sort.addEventListener('change', () => this.render());
        section.append(
            this.back,
            h('div', { class: 'view-head' },
                this.title,
                can.generate(state.me) ? h('a', { class: 'button primary', href: '#/generate', text: 'Generate documentation' }) : null),
            h('div', { class: 'toolbar', role: 'search', 'aria-label': 'Projects' },
                h('div', { class: 'stack grow' }, h('label', { for: 'project-filter', text: 'Filter' }), this.filter),
                h('div', { class: 'stack' }, h('label', { for: 'project-sort', text: 'Sort by' }), this.sort)),
            this.count,
            this.list,
            this.refresh);
        // "3 min ago" stays true while the page is open.
        const timer = setInterval(() => {
            // Views are built again when the user's role changes: a replaced view stops its timer.
            if (!this.list.isConnected) {
                clearInterval(timer);
            } else if (!section.hidden) {
                for (const time of this.list.querySelectorAll('time[data-relative]')) {
                    time.textContent = relativeTime(time.dateTime);
                }
            }
        }, 30_000);
    }

    show([project] = []) {
        this.project = project || null;
        this.title.textContent = this.project ?? 'Projects';
        this.back.hidden = !this.project;
        this.refreshPanels.clear();
        this.refresh.replaceChildren();
        this.render();
    }

    update(change) {
        const row = change.type === 'variant' ? document.getElementById(rowId(change.key)) : null;
        const variant = row ? state.projects.find(v => keyOf(v) === change.key) : null;
        // A live update re-renders its row in place, unless it changes whether the row matches the filter.
        if (row && variant && matches(variant, this.terms())) {
            replaceKeepingFocus(row, () => rowContent(variant));
        } else {
            this.render();
        }
    }

    terms() {
        return this.filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    }

    render() {
        const all = this.project ? state.projects.filter(v => v.name === this.project) : state.projects;
        const shown = all.filter(variant => matches(variant, this.terms()));
        this.placeRefreshPanels(all);
        this.count.textContent = !state.synced || all.length === 0 ? ''
            : shown.length === all.length ? count(all.length, 'variant')
                : `${shown.length} of ${count(all.length, 'variant')} match`;
        replaceKeepingFocus(this.list, () => {
            if (!state.synced) {
                return h('p', { class: 'hint', text: 'Loading projects…' });
            }
            if (all.length === 0) {
                return this.project
                    ? h('div', { class: 'empty' }, h('p', { text: `No variant of ${this.project} is visible to you.` }))
                    : h('div', { class: 'empty' },
                        h('p', { text: 'No projects yet.' }),
                        h('p', { class: 'hint', text: can.generate(state.me)
                            ? 'Generate documentation for a repository, or ask an admin to share a project with you.'
                            : 'Projects that an admin shares with you appear here.' }));
            }
            if (shown.length === 0) {
                return h('div', { class: 'empty', id: 'no-match' }, h('p', { text: `Nothing matches “${this.filter.value.trim()}”.` }));
            }
            const repositories = groupBy(shown, v => v.name);
            if (this.sort.value === 'name') {
                repositories.sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }));
            }
            return h('ul', { class: 'tree-root', 'aria-label': 'Repositories' },
                repositories.map(([name, variants]) => this.repository(name, variants)));
        });
    }

    /**
     * One refresh panel per owner of the project shown whose settings the user manages (theirs; any, for an admin).
     * A panel is built once and kept across live updates, so an edit in progress is never thrown away.
     */
    placeRefreshPanels(variants) {
        const owners = new Map();
        if (this.project && state.synced) {
            for (const variant of variants) {
                if (can.manageRefresh(state.me, variant.owner)) {
                    owners.set(variant.owner.toLowerCase(), variant.owner);
                }
            }
        }
        for (const [key, panel] of this.refreshPanels) {
            if (!owners.has(key)) {
                panel.element.remove();
                this.refreshPanels.delete(key);
            }
        }
        for (const [key, owner] of owners) {
            if (!this.refreshPanels.has(key)) {
                const panel = new RefreshPanel(this.project, owner);
                this.refreshPanels.set(key, panel);
                this.refresh.append(panel.element);
            }
        }
    }

    repository(name, variants) {
        const branches = groupBy(variants, v => v.branch);
        return h('li', { class: 'tree-repo', dataset: { project: name } },
            this.group(`repo:${name}`,
                [
                    h('a', { class: 'repo-name', href: `#/projects/${encodeURIComponent(name)}`, text: name }),
                    h('span', { class: 'hint', text: count(variants.length, 'variant') }),
                ],
                h('ul', { class: 'tree-branches' }, branches.map(([branch, list]) =>
                    h('li', { class: 'tree-branch', dataset: { branch } },
                        this.group(`branch:${name}/${branch}`,
                            [h('span', { class: 'branch-label', text: 'branch' }), h('span', { class: 'branch-name', text: branch })],
                            h('ul', { class: 'tree-variants' }, list.map(variantRow))))))));
    }

    /** A collapsible group whose open state survives live re-renders (always open when one project is shown). */
    group(key, summary, body) {
        const details = h('details', { open: Boolean(this.project) || !this.collapsed.has(key) },
            h('summary', { id: `g-${idFor(key)}` }, summary), body);
        details.addEventListener('toggle', () => {
            if (details.open) {
                this.collapsed.delete(key);
            } else {
                this.collapsed.add(key);
            }
        });
        return details;
    }
}

/** Every word of the filter occurs in the variant's name, branch, provider/model, owner or status. */
function matches(variant, terms) {
    const text = [variant.name, variant.branch, `${variant.ai_provider}/${variant.ai_model}`, variant.owner, variant.status]
        .join(' ').toLowerCase();
    return terms.every(term => text.includes(term));
}

function variantRow(variant) {
    const key = keyOf(variant);
    return h('li', { class: 'variant-row', id: rowId(key), dataset: { variant: key, status: variant.status } }, rowContent(variant));
}

function rowContent(variant) {
    const key = keyOf(variant);
    const row = document.getElementById(rowId(key));
    if (row) {
        row.dataset.status = variant.status;
    }
    const stage = variant.status === 'generating' && !variant.current_stage ? 'waiting for a worker'
        : variant.status === 'generating' || variant.current_stage === 'up_to_date' ? stageLabel(variant.current_stage) : '';
    const firstErrorLine = (variant.status === 'error' || variant.status === 'aborted') && variant.error_message
        ? variant.error_message.split('\n').find(line => line.trim())?.trim() : null;
    return [
        h('div', { class: 'variant-main' },
            h('a', { class: 'variant-link', id: `open-${idFor(key)}`, href: detailHash(variant) },
                `${variant.ai_provider}/${variant.ai_model}`),
            h('span', { class: 'owner' }, `owner ${variant.owner} · updated `,
                h('time', { datetime: variant.updated_at, dataset: { relative: '' },
                    title: `${variant.updated_at} UTC`, text: relativeTime(variant.updated_at) }))),
        h('div', { class: 'variant-state' },
            statusBadge(variant.status),
            stage ? h('span', { class: 'stage', text: stage }) : null,
            progressBar(variant, `bar-${idFor(key)}`)),
        h('div', { class: 'variant-actions' },
            hasSite(variant)
                ? h('a', { class: 'button secondary small', href: docsUrl(variant), target: '_blank', rel: 'noopener' }, 'Open docs')
                : null),
        // An abort is someone's decision, not a crash: said plainly, not in red.
        firstErrorLine ? h('p', { class: variant.status === 'aborted' ? 'row-error stopped-text' : 'row-error error-text',
            text: firstErrorLine }) : null,
    ];
}

function rowId(key) {
    return `variant-${idFor(key)}`;
}

/** [[key, items], ...] in the order keys first appear (the sync's order: most recently changed first). */
function groupBy(items, keyFn) {
    const groups = new Map();
    for (const item of items) {
        const key = keyFn(item);
        if (!groups.has(key)) {
            groups.set(key, []);
        }
        groups.get(key).push(item);
    }
    return [...groups];
}

export function count(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
