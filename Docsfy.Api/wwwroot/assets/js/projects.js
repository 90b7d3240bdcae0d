// The projects tree: repository → branch → variant, with status, stage and progress, kept live by the hub.
import { h, idFor, replaceKeepingFocus } from './dom.js';
import { keyOf, state } from './store.js';
import { can, detailHash, progressBar, stageLabel, statusBadge } from './variant.js';

export class ProjectsView {
    constructor(section) {
        this.section = section;
        this.collapsed = new Set(); // repository and branch groups the user closed
        this.list = h('div', { class: 'tree', id: 'project-tree' });
        section.append(
            h('div', { class: 'view-head' },
                h('h1', { id: 'projects-title', text: 'Projects' }),
                can.generate(state.me) ? h('a', { class: 'button primary', href: '#/generate', text: 'Generate documentation' }) : null),
            this.list);
    }

    show() {
        this.render();
    }

    update(change) {
        const row = change.type === 'variant' ? document.getElementById(rowId(change.key)) : null;
        if (row) {
            replaceKeepingFocus(row, () => rowContent(state.projects.find(v => keyOf(v) === change.key)));
        } else {
            this.render();
        }
    }

    render() {
        replaceKeepingFocus(this.list, () => {
            if (!state.synced) {
                return h('p', { class: 'hint', text: 'Loading projects…' });
            }
            if (state.projects.length === 0) {
                return h('div', { class: 'empty' },
                    h('p', { text: 'No projects yet.' }),
                    h('p', { class: 'hint', text: can.generate(state.me)
                        ? 'Generate documentation for a repository, or ask an admin to share a project with you.'
                        : 'Projects that an admin shares with you appear here.' }));
            }
            return h('ul', { class: 'tree-root', 'aria-label': 'Repositories' },
                groupBy(state.projects, v => v.name).map(([name, variants]) => this.repository(name, variants)));
        });
    }

    repository(name, variants) {
        const branches = groupBy(variants, v => v.branch);
        return h('li', { class: 'tree-repo', dataset: { project: name } },
            this.group(`repo:${name}`,
                [h('span', { class: 'repo-name', text: name }), h('span', { class: 'hint', text: count(variants.length, 'variant') })],
                h('ul', { class: 'tree-branches' }, branches.map(([branch, list]) =>
                    h('li', { class: 'tree-branch', dataset: { branch } },
                        this.group(`branch:${name}/${branch}`,
                            [h('span', { class: 'branch-label', text: 'branch' }), h('span', { class: 'branch-name', text: branch })],
                            h('ul', { class: 'tree-variants' }, list.map(variantRow))))))));
    }

    /** A collapsible group whose open state survives live re-renders. */
    group(key, summary, body) {
        const details = h('details', { open: !this.collapsed.has(key) }, h('summary', { id: `g-${idFor(key)}` }, summary), body);
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
    const stage = variant.status === 'generating' || variant.current_stage === 'up_to_date' ? stageLabel(variant.current_stage) : '';
    return [
        h('div', { class: 'variant-main' },
            h('a', { class: 'variant-link', id: `open-${idFor(key)}`, href: detailHash(variant) },
                `${variant.ai_provider}/${variant.ai_model}`),
            h('span', { class: 'owner', text: `owner ${variant.owner}` })),
        h('div', { class: 'variant-state' },
            statusBadge(variant.status),
            stage ? h('span', { class: 'stage', text: stage }) : null,
            progressBar(variant, `bar-${idFor(key)}`)),
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
