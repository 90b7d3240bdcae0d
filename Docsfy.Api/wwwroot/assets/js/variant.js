// What the dashboard derives from a variant record: its plan's size, its stages, its links, and what the user may do.
import { path } from './api.js';
import { h } from './dom.js';
import { keyOf, state } from './store.js';

// Stage names and labels come from GET /api/vocabulary (state.vocabulary), the API's one list: nothing here repeats them.

function describedStages() {
    return state.vocabulary?.stages ?? [];
}

function describe(stage) {
    return describedStages().find(described => described.name === stage) ?? null;
}

/** The run's timeline: [name, label] per step, in order (the first stage named for each step). */
export function timelineStages() {
    const steps = new Map();
    for (const stage of describedStages()) {
        if (stage.step !== null && !steps.has(stage.step)) {
            steps.set(stage.step, [stage.name, stage.label]);
        }
    }
    return [...steps.entries()].sort(([a], [b]) => a - b).map(([, stage]) => stage);
}

/** What the dashboard calls a stage; a stage this API does not describe (a newer worker's) is shown by its name. */
export function stageLabel(stage) {
    return stage ? describe(stage)?.label ?? stage : '';
}

/** Whether two stages take the same place in the timeline (incremental planning is planning). */
export function sameStep(stage, other) {
    const step = describe(stage)?.step;
    return step != null && step === describe(other)?.step;
}

/** The index of a stage in timelineStages(), or -1 for a stage outside it. */
export function stageIndex(stage) {
    const step = describe(stage)?.step;
    return step == null ? -1 : timelineStages().findIndex(([name]) => describe(name)?.step === step);
}

/** Pages in the plan's navigation[].pages[], or null when there is no readable plan. */
export function planTotal(planJson) {
    if (typeof planJson !== 'string' || !planJson) {
        return null;
    }
    try {
        const plan = JSON.parse(planJson);
        if (!Array.isArray(plan?.navigation)) {
            return null;
        }
        return plan.navigation.reduce((sum, group) => sum + (Array.isArray(group?.pages) ? group.pages.length : 0), 0);
    } catch (error) {
        console.warn('Docsfy: a plan_json that is not JSON:', error.message);
        return null;
    }
}

/**
 * {done, total} for the progress bar; total null means "not known yet" (an indeterminate bar). While a run is still
 * cloning or planning, the plan on record is the previous run's, so its size says nothing about this run.
 */
export function progressOf(variant) {
    const total = planTotal(variant.plan_json);
    const done = variant.page_count ?? 0;
    if (variant.status === 'ready') {
        const size = Math.max(done, total ?? 0);
        return { done: size, total: size };
    }
    if (variant.status === 'generating' && !describe(variant.current_stage)?.plan_known) {
        return { done: 0, total: null };
    }
    return total === null ? { done, total: null } : { done: Math.min(done, total), total };
}

/**
 * A progress bar that assistive technology reads as "N of M pages". A run that failed or was aborted shows no count of
 * its own (never "0 of 54 pages"): what matters is whether an earlier site is still served.
 */
export function progressBar(variant, id) {
    const stopped = variant.status === 'error' || variant.status === 'aborted';
    const { done, total } = progressOf(variant);
    const known = !stopped && total !== null && total > 0;
    const text = stopped ? (hasSite(variant) ? 'Earlier site still served' : 'No site published')
        : known ? `${done} of ${total} pages` : variant.status === 'generating' ? 'Preparing…' : `${done} pages`;
    const bar = h('div', {
        class: known ? 'progress' : 'progress indeterminate',
        role: 'progressbar',
        id,
        'aria-label': 'Pages written',
        'aria-valuemin': '0',
        'aria-valuemax': known ? total : null,
        'aria-valuenow': known ? done : null,
        'aria-valuetext': text,
        dataset: { status: variant.status },
    }, h('div', { class: 'progress-fill' }));
    if (known) {
        bar.firstChild.style.width = `${Math.round((100 * done) / total)}%`;
    }
    return h('div', { class: 'progress-wrap' }, bar, h('span', { class: 'progress-text', text }));
}

export function statusBadge(status) {
    return h('span', { class: `badge badge-${status}`, text: status });
}

/** The variant's REST path, /api/projects/{name}/{branch}/{provider}/{model}, plus anything after it. */
export function variantApiPath(variant, ...more) {
    return path(['api', 'projects', variant.name, variant.branch, variant.ai_provider, variant.ai_model, ...more],
        { owner: variant.owner });
}

export function docsUrl(variant) {
    return path(['docs', variant.name, variant.branch, variant.ai_provider, variant.ai_model], { owner: variant.owner })
        .replace(/(\?|$)/, '/$1');
}

export function downloadUrl(variant) {
    return variantApiPath(variant, 'download');
}

export function detailHash(variant) {
    return '#/variant/' + keyOf(variant).split('/').map(encodeURIComponent).join('/');
}

/** A site was published at least once: the last good site stays served while a new run generates or after it fails. */
export function hasSite(variant) {
    return variant.status === 'ready' || Boolean(variant.last_generated);
}

const isWriter = me => me.role === 'admin' || me.role === 'user';
const isOwn = (me, variant) => variant.owner.toLowerCase() === me.username.toLowerCase();

export const can = {
    abort: (me, variant) => variant.status === 'generating' && (me.is_admin || (isWriter(me) && isOwn(me, variant))),
    delete: (me, variant) => variant.status !== 'generating' && (me.is_admin || (isWriter(me) && isOwn(me, variant))),
    // A run is always the caller's own: regenerating someone else's variant would make a new one, not refresh theirs.
    regenerate: (me, variant) => variant.status !== 'generating' && isWriter(me) && isOwn(me, variant)
        && (me.is_admin || !isLocalPath(variant.repo_url)),
    generate: me => isWriter(me),
    // A project's refresh settings are its owner's (a writer) and admins': a grantee who reads it never sees its webhook.
    manageRefresh: (me, owner) => me.is_admin || (isWriter(me) && owner.toLowerCase() === me.username.toLowerCase()),
};

/** Runs from a local path record the path as repo_url; it is given back as repo_path (admins only). */
export function isLocalPath(repoUrl) {
    return typeof repoUrl === 'string' && repoUrl.startsWith('/');
}

/** The repository's name as the API derives it: the last path segment without ".git". */
export function repositoryName(source) {
    const trimmed = source.trim().replace(/[/\\]+$/, '').replace(/\.git$/, '');
    const segments = trimmed.split(/[/:\\]/);
    return segments[segments.length - 1] ?? '';
}

export function formatCost(usd) {
    return `$${usd.toFixed(usd < 1 ? 4 : 2)}`;
}

/**
 * What a run of (name, branch, provider, model) by `me` will do to the user's other variants, as the API decides it:
 * without force, when the user's newest ready variant of that repository and branch has another provider or model, the
 * new run replaces it once it is ready (never before). The text for the form, or '' when nothing is replaced.
 */
export function replacementNote(me, name, branch, provider, model, force) {
    const newest = state.projects
        .filter(variant => variant.name === name && variant.branch === branch && variant.status === 'ready' && isOwn(me, variant))
        .sort((a, b) => (b.last_generated ?? '').localeCompare(a.last_generated ?? '') || b.updated_at.localeCompare(a.updated_at))[0];
    if (!newest || !name || !model || (newest.ai_provider === provider && newest.ai_model === model)) {
        return '';
    }
    const other = `${newest.ai_provider}/${newest.ai_model}`;
    return force
        ? `Force is on: ${other} stays, next to the new ${provider}/${model} variant.`
        : `This will replace ${other} once ready: ${provider}/${model} writes every page itself, and ${other} stays until then. `
            + 'Tick Force to keep both.';
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date: a server timestamp (UTC) as a person reads it. */
export function relativeTime(timestamp) {
    const at = typeof timestamp === 'string' ? Date.parse(`${timestamp.replace(' ', 'T')}Z`) : NaN;
    if (Number.isNaN(at)) {
        return timestamp ?? '';
    }
    const minutes = Math.floor(Math.max(0, Date.now() - at) / 60_000);
    if (minutes < 1) {
        return 'just now';
    }
    if (minutes < 60) {
        return `${minutes} min ago`;
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 24) {
        return `${hours} h ago`;
    }
    const days = Math.floor(hours / 24);
    return days < 30 ? `${days} day${days === 1 ? '' : 's'} ago` : timestamp.slice(0, 10);
}
