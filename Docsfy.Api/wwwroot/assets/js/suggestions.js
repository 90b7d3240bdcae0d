// Suggestions for the generate and regenerate forms: branches from known_branches, models from known_models (the
// hub's, which stay live) merged with GET /api/models.
import { h } from './dom.js';
import { state } from './store.js';

export function modelSuggestions(provider) {
    const names = new Set([
        ...(state.knownModels[provider] ?? []),
        ...(state.models?.known_models?.[provider] ?? []),
    ]);
    if (state.models && provider === state.models.default_provider) {
        names.add(state.models.default_model);
    }
    if (provider === 'offline') {
        names.add('markdown');
    }
    return [...names].sort();
}

export function branchSuggestions(projectName) {
    const known = state.knownBranches[projectName];
    const all = known ?? Object.values(state.knownBranches).flat();
    return [...new Set(['main', ...all])].sort();
}

export function fillDatalist(datalist, values) {
    datalist.replaceChildren(...values.map(value => h('option', { value })));
}

export function providerSelect(id, selected) {
    return h('select', { id, name: 'ai_provider' },
        (state.models?.providers ?? []).map(provider =>
            h('option', { value: provider, selected: provider === selected }, provider)));
}
