// What the page knows, applied exactly as the /api/ws reference says: `sync` replaces everything; `progress` and
// `status_change` update the one variant matched by name, branch, provider, model and owner.

export const state = {
    me: null,             // {username, role, is_admin}
    models: null,         // GET /api/models: {providers, default_provider, default_model, known_models}
    vocabulary: null,     // GET /api/vocabulary: {stages: [{name, label, step, plan_known}], statuses, providers}
    projects: [],         // sync.projects, newest change first
    knownModels: {},
    knownBranches: {},
    synced: false,        // a sync has arrived since the page loaded
};

const listeners = new Set();

// The last stage seen of each run (by generation_id): a run that ended keeps no stage on record, but the page can still
// say where it stopped.
const lastStages = new Map();

export function lastStageOf(variant) {
    return lastStages.get(variant.generation_id) ?? null;
}

function rememberStage(variant) {
    if (variant.status === 'generating' && typeof variant.current_stage === 'string') {
        lastStages.set(variant.generation_id, variant.current_stage);
    }
}

// Variants this tab has just started (key → until when): their page says "Starting…" rather than "does not exist" until
// the sync that lists them arrives.
const starting = new Map();
const STARTING_GRACE_MS = 15_000;

/** The tab started a run of this variant: its page waits for the variant instead of saying it does not exist. */
export function expectVariant(key) {
    starting.set(key, Date.now() + STARTING_GRACE_MS);
}

export function isStarting(key) {
    const until = starting.get(key);
    if (until === undefined || Date.now() > until || findVariant(key)) {
        starting.delete(key);
        return false;
    }
    return true;
}

/** Calls `listener(change)` after every change: {type: 'sync'} or {type: 'variant', key}. Returns an unsubscribe. */
export function subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

function emit(change) {
    for (const listener of listeners) {
        listener(change);
    }
}

export function variantKey(name, branch, provider, model, owner) {
    return [name, branch, provider, model, owner].join('/');
}

/** The key of a sync.projects[] record (which says ai_provider/ai_model where the updates say provider/model). */
export function keyOf(variant) {
    return variantKey(variant.name, variant.branch, variant.ai_provider, variant.ai_model, variant.owner);
}

export function findVariant(key) {
    return state.projects.find(variant => keyOf(variant) === key) ?? null;
}

export function applySync(message) {
    state.projects = Array.isArray(message.projects) ? message.projects : [];
    state.knownModels = message.known_models ?? {};
    state.knownBranches = message.known_branches ?? {};
    state.synced = true;
    state.projects.forEach(rememberStage);
    emit({ type: 'sync' });
}

export function applyProgress(message) {
    updateVariant(message, variant => {
        variant.status = message.status ?? 'generating';
        if (typeof message.current_stage === 'string') {
            variant.current_stage = message.current_stage;
        }
        if (Number.isInteger(message.page_count)) {
            variant.page_count = message.page_count;
        }
        // Stages that do not know the plan send none (or null): the plan of this run stays what it was.
        if (typeof message.plan_json === 'string') {
            variant.plan_json = message.plan_json;
        }
        if (typeof message.error_message === 'string') {
            variant.error_message = message.error_message;
        }
        rememberStage(variant);
    });
}

export function applyStatusChange(message) {
    updateVariant(message, variant => {
        variant.status = message.status;
        variant.current_stage = null; // the sync that follows says whether it was up_to_date
        if (Number.isInteger(message.page_count)) {
            variant.page_count = message.page_count;
        }
        for (const field of ['last_generated', 'last_commit_sha']) {
            if (typeof message[field] === 'string') {
                variant[field] = message[field];
            }
        }
        // A ready run is published: its commit is now the served site's (as the server stores it, and the sync confirms).
        if (message.status === 'ready' && typeof message.last_commit_sha === 'string') {
            variant.published_commit_sha = message.last_commit_sha;
        }
        variant.error_message = typeof message.error_message === 'string' ? message.error_message : null;
    });
}

function updateVariant(message, apply) {
    const key = variantKey(message.name, message.branch, message.provider, message.model, message.owner);
    const variant = findVariant(key);
    // Not in the last sync: the sync that announces a new variant is on its way, and it carries the truth.
    if (variant) {
        apply(variant);
        emit({ type: 'variant', key });
    }
}
