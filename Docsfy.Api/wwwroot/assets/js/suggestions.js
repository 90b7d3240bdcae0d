// Suggestions for the generate and regenerate forms: branches from known_branches, models from known_models (the
// hub's, which stay live) merged with GET /api/models.
import { h } from './dom.js';
import { state } from './store.js';

export function modelSuggestions(provider) {
    // A provider with exactly one model (offline) would refuse anything else.
    const only = providerDetails(provider)?.only_model;
    if (only) {
        return [only];
    }
    const names = new Set([
        ...(state.knownModels[provider] ?? []),
        ...(state.models?.known_models?.[provider] ?? []),
    ]);
    const own = defaultModel(provider);
    if (own) {
        names.add(own);
    }
    return [...names].sort();
}

/** What GET /api/models says of a provider: {available, reason, default_model}, or null when it says nothing. */
export function providerDetails(provider) {
    return state.models?.provider_details?.[provider] ?? null;
}

/** The provider's own default model (never a model name someone else used), or '' when the user must name one. */
export function defaultModel(provider) {
    return providerDetails(provider)?.default_model ?? '';
}

export function isAvailable(provider) {
    return providerDetails(provider)?.available !== false;
}

function unavailableProviders() {
    return (state.models?.providers ?? []).filter(provider => !isAvailable(provider));
}

/** The provider a form starts with: `preferred` (or the server's default) when it can run here, else the first that can. */
export function initialProvider(preferred) {
    const providers = state.models?.providers ?? [];
    return [preferred, state.models?.default_provider, ...providers].find(provider => provider && isAvailable(provider)
        && providers.includes(provider)) ?? providers[0] ?? '';
}

export function branchSuggestions(projectName) {
    const known = state.knownBranches[projectName];
    const all = known ?? Object.values(state.knownBranches).flat();
    return [...new Set(['main', ...all])].sort();
}

export function fillDatalist(datalist, values) {
    datalist.replaceChildren(...values.map(value => h('option', { value })));
}

/**
 * The provider list: those that can run here first (the server sends them in that order), then the others, marked and
 * disabled with the server's reason as their title, since a run of them would be refused.
 */
export function providerSelect(id, selected) {
    return h('select', { id, name: 'ai_provider', 'aria-describedby': unavailableProviders().length ? `${id}-hint` : null },
        (state.models?.providers ?? []).map(provider => isAvailable(provider)
            ? h('option', { value: provider, selected: provider === selected }, provider)
            : h('option', { value: provider, disabled: true, title: providerDetails(provider)?.reason ?? null },
                `${provider} (not available here)`)));
}

/** Under the provider list: which providers cannot run here and why, so a disabled option is never a mystery. */
export function providerHint(id) {
    const unavailable = unavailableProviders();
    if (unavailable.length === 0) {
        return null;
    }
    return h('details', { class: 'hint', id: `${id}-hint` },
        h('summary', { text: `Not available on this server: ${unavailable.join(', ')}` }),
        h('ul', {}, unavailable.map(provider =>
            h('li', { text: `${provider}: ${providerDetails(provider)?.reason ?? 'not set up.'}` }))));
}
