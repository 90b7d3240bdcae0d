// One variant: stage timeline, pages done of total, commit, dates, error, AI usage, and the actions the user's role
// and the variant's state allow.
import { api, path } from './api.js';
import { confirmAction } from './dialogs.js';
import { h, replaceKeepingFocus } from './dom.js';
import { FieldErrors } from './fields.js';
import { navigateWithInfo, runAction } from './notice.js';
import { expectVariant, findVariant, isStarting, keyOf, lastStageOf, state, variantKey } from './store.js';
import {
    branchSuggestions, defaultModel, fillDatalist, initialProvider, modelSuggestions, providerHint, providerSelect,
} from './suggestions.js';
import {
    can, detailHash, docsUrl, downloadUrl, formatCost, hasSite, isLocalPath, progressBar, replacementNote, sameStep, stageIndex,
    stageLabel, statusBadge, timelineStages, variantApiPath,
} from './variant.js';

export class DetailView {
    constructor(section) {
        this.section = section;
        this.key = null;
        this.usage = null;       // {generationId, status, value | error}
        this.live = h('div', { id: 'variant-live' });
        this.actions = h('div', { class: 'actions', id: 'variant-actions', role: 'group', 'aria-label': 'Actions' });
        this.regenerate = h('div', { id: 'variant-regenerate' });
        section.append(h('p', {}, h('a', { href: '#/projects', text: '← All projects' })), this.live, this.actions, this.regenerate);
    }

    show(params) {
        this.key = variantKey(...params);
        this.usage = null;
        this.regenerate.replaceChildren();
        this.render();
    }

    update(change) {
        if (change.type === 'sync' || change.key === this.key) {
            this.render();
        }
    }

    render() {
        const variant = findVariant(this.key);
        if (variant && !this.regenerate.firstChild) {
            this.regenerate.append(this.regenerateForm(variant));
        }
        this.fetchUsage(variant);
        replaceKeepingFocus(this.live, () => variant ? this.facts(variant) : this.missing());
        replaceKeepingFocus(this.actions, () => variant ? this.buttons(variant) : []);
        const form = this.regenerate.querySelector('form');
        if (form && (!variant || !can.regenerate(state.me, variant))) {
            form.hidden = true;
        }
        if (form && variant) {
            const title = retryTitle(variant);
            form.setAttribute('aria-label', title);
            form.querySelector('h2').textContent = title;
        }
    }

    missing() {
        const [name] = this.key.split('/');
        const text = !state.synced ? 'Loading…'
            : isStarting(this.key) ? 'Starting the run…'
                : 'This variant does not exist or is not visible to you (it may have been deleted or replaced by a newer model).';
        if (isStarting(this.key)) {
            // Checked again when the grace period ends, in case no update arrives.
            clearTimeout(this.recheck);
            this.recheck = setTimeout(() => this.render(), 15_500);
        }
        return [h('h1', { id: 'variant-title', text: name }), h('p', { id: 'variant-missing', text })];
    }

    facts(variant) {
        const stage = variant.current_stage === 'up_to_date' ? 'Up to date: the commit was already documented' : stageLabel(variant.current_stage);
        return [
            h('div', { class: 'variant-head' },
                h('h1', { id: 'variant-title', text: variant.name }),
                statusBadge(variant.status)),
            h('p', { class: 'subtitle', text: `${variant.branch} · ${variant.ai_provider}/${variant.ai_model} · owner ${variant.owner}` }),
            timeline(variant),
            h('div', { class: 'detail-progress' }, progressBar(variant, 'detail-progress-bar'),
                stage ? h('span', { class: 'stage', id: 'detail-stage', text: stage }) : null),
            variant.error_message ? h('p', { class: variant.status === 'aborted' ? 'stopped-text' : 'error-text', id: 'detail-error',
                text: variant.error_message }) : null,
            h('dl', { class: 'facts' },
                fact('Published site', publishedSite(variant), variant.published_commit_sha ?? undefined),
                // Limits the published site reached (too many guides, an image too large), as its run reported them.
                variant.left_out && hasSite(variant) ? fact('Left out of the site', variant.left_out) : null,
                fact('Last run', lastRun(variant)),
                fact('Repository', variant.repo_url),
                // The latest run's commit; after a failed or aborted run the served site's may differ (above).
                fact(variant.status === 'error' || variant.status === 'aborted' ? 'Last run\'s commit' : 'Commit',
                    variant.last_commit_sha ? variant.last_commit_sha.slice(0, 12) : '—', variant.last_commit_sha),
                fact('Last generated', variant.last_generated ? `${variant.last_generated} UTC` : 'never'),
                fact('Pages', String(variant.page_count ?? 0)),
                fact('Repository type', variant.repo_type ?? 'decided from the repository'),
                fact('Created', `${variant.created_at} UTC`),
                fact('Updated', `${variant.updated_at} UTC`),
                this.usageFacts()),
        ];
    }

    /** AI calls and cost of the current run, when the server reports them (the REST variant's optional ai_usage). */
    usageFacts() {
        if (!this.usage) {
            return null;
        }
        if (this.usage.error) {
            return fact('AI usage', `unavailable: ${this.usage.error}`);
        }
        const usage = this.usage.value;
        if (!usage || !Number.isInteger(usage.calls)) {
            return null;
        }
        const tokens = [usage.input_tokens, usage.output_tokens].every(Number.isInteger)
            ? `${usage.input_tokens.toLocaleString()} in, ${usage.output_tokens.toLocaleString()} out` : null;
        return [
            fact('AI calls', String(usage.calls)),
            tokens ? fact('Tokens', tokens) : null,
            typeof usage.cost_usd === 'number' ? fact('Cost', formatCost(usage.cost_usd)) : null,
        ];
    }

    fetchUsage(variant) {
        if (!variant || (this.usage && this.usage.generationId === variant.generation_id && this.usage.status === variant.status)) {
            return;
        }
        const request = { generationId: variant.generation_id, status: variant.status };
        this.usage = request;
        api('GET', path(['api', 'projects', 'by-id', variant.generation_id])).then(
            fresh => { request.value = fresh.ai_usage ?? null; },
            error => { request.error = error.message; },
        ).then(() => {
            // Still the run on screen (and the variant not gone meanwhile): show what came back.
            if (this.usage === request && findVariant(this.key) && !this.section.hidden) {
                replaceKeepingFocus(this.live, () => this.facts(findVariant(this.key)));
            }
        });
    }

    buttons(variant) {
        const me = state.me;
        const list = [];
        if (hasSite(variant)) {
            list.push(h('a', { class: 'button primary', id: 'open-docs', href: docsUrl(variant), target: '_blank', rel: 'noopener' },
                'Open docs'));
            list.push(h('a', { class: 'button secondary', id: 'download', href: downloadUrl(variant), download: '' }, 'Download'));
        }
        if (can.regenerate(me, variant)) {
            // A failed run is retried with what was wrong corrected (often the branch): the same form, named for that.
            list.push(h('button', { type: 'button', class: 'secondary', id: 'regenerate', 'aria-controls': 'regenerate-form',
                onclick: () => this.toggleRegenerate() }, `${retryTitle(variant)}…`));
        }
        if (can.abort(me, variant)) {
            list.push(h('button', { type: 'button', class: 'danger', id: 'abort', onclick: event => this.abort(event.currentTarget, variant) },
                'Abort'));
        }
        if (can.delete(me, variant)) {
            list.push(h('button', { type: 'button', class: 'danger', id: 'delete', onclick: event => this.remove(event.currentTarget, variant) },
                'Delete'));
        }
        return list;
    }

    toggleRegenerate() {
        const form = this.regenerate.querySelector('form');
        form.hidden = !form.hidden;
        if (!form.hidden) {
            form.querySelector('input, select').focus();
            this.loadBranches(findVariant(this.key));
        }
    }

    /** The repository's own branches (GET /api/branches), added to the branch suggestions, once per page. */
    async loadBranches(variant) {
        const hint = this.regenerate.querySelector('#regen-branch-hint');
        if (!variant || !hint || hint.dataset.loaded) {
            return;
        }
        hint.dataset.loaded = 'true';
        hint.textContent = 'Reading the repository\'s branches…';
        try {
            const source = isLocalPath(variant.repo_url) ? { repo_path: variant.repo_url } : { repo_url: variant.repo_url };
            const { branches } = await api('GET', path(['api', 'branches'], source));
            const datalist = this.regenerate.querySelector('#regen-branch-options');
            fillDatalist(datalist, [...new Set([...branches, ...branchSuggestions(variant.name)])]);
            hint.textContent = branches.length === 0 ? 'The repository has no branches.'
                : `Branches of the repository: ${branches.slice(0, 20).join(', ')}${branches.length > 20 ? ` and ${branches.length - 20} more` : ''}.`;
        } catch (error) {
            hint.textContent = `The repository's branches could not be listed: ${error.message}`;
        }
    }

    regenerateForm(variant) {
        const models = h('datalist', { id: 'regen-model-options' });
        // The variant's own provider and model, unless that provider can no longer run here.
        const start = initialProvider(variant.ai_provider);
        const provider = providerSelect('regen-provider', start);
        const model = h('input', { id: 'regen-model', list: 'regen-model-options', required: true, autocomplete: 'off',
            spellcheck: 'false', value: start === variant.ai_provider ? variant.ai_model : defaultModel(start) });
        const force = h('input', { type: 'checkbox', id: 'regen-force' });
        const branches = h('datalist', { id: 'regen-branch-options' });
        fillDatalist(branches, branchSuggestions(variant.name));
        const branch = h('input', { id: 'regen-branch', list: 'regen-branch-options', value: variant.branch, required: true,
            autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'regen-branch-hint' });
        const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
        const note = h('p', { class: 'note', id: 'regen-replace-note', 'aria-live': 'polite', hidden: true });
        const refreshNote = () => {
            const current = findVariant(this.key) ?? variant;
            note.textContent = replacementNote(state.me, current.name, branch.value.trim() || 'main', provider.value,
                model.value.trim(), force.checked);
            note.hidden = !note.textContent;
        };
        fillDatalist(models, modelSuggestions(start));
        provider.addEventListener('change', () => {
            fillDatalist(models, modelSuggestions(provider.value));
            model.value = defaultModel(provider.value);
            refreshNote();
        });
        model.addEventListener('input', refreshNote);
        branch.addEventListener('input', refreshNote);
        force.addEventListener('change', refreshNote);
        const form = h('form', { class: 'stack form-card', id: 'regenerate-form', hidden: true, novalidate: true,
            'aria-label': retryTitle(variant) },
            h('h2', { text: retryTitle(variant) }),
            h('p', { class: 'hint', text: 'The same repository, with this branch and model or others (another branch is '
                + 'another variant). Without force, the same model reuses the pages of unchanged parts; another model '
                + 'writes every page itself and replaces this variant once it is ready.' }),
            h('label', { for: 'regen-branch', text: 'Branch' }), branch, branches,
            h('p', { class: 'hint', id: 'regen-branch-hint', 'aria-live': 'polite' }),
            h('div', { class: 'row' },
                h('div', { class: 'stack grow' }, h('label', { for: 'regen-provider', text: 'AI provider' }), provider),
                h('div', { class: 'stack grow' }, h('label', { for: 'regen-model', text: 'Model' }), model, models)),
            providerHint('regen-provider'),
            h('label', { class: 'check' }, force, ' Force: regenerate every page, reuse and replace nothing'),
            note,
            error,
            h('div', { class: 'actions' },
                h('button', { type: 'submit', class: 'primary', text: 'Start' }),
                h('button', { type: 'button', class: 'secondary', text: 'Cancel', onclick: () => { form.hidden = true; } })));
        const errors = new FieldErrors({ branch, ai_provider: provider, ai_model: model }, error);
        form.addEventListener('submit', async event => {
            event.preventDefault();
            errors.clearAll();
            const current = findVariant(this.key) ?? variant;
            const body = {
                [isLocalPath(current.repo_url) ? 'repo_path' : 'repo_url']: current.repo_url,
                branch: branch.value.trim() || 'main',
                ai_provider: provider.value,
                ai_model: model.value.trim(),
                force: force.checked,
            };
            if (current.repo_type) {
                body.repo_type = current.repo_type;
            }
            try {
                const started = await api('POST', '/api/generate', body);
                form.hidden = true;
                const next = { ...started, name: started.project };
                expectVariant(keyOf(next));
                location.hash = detailHash(next);
            } catch (failure) {
                errors.show(failure);
            }
        });
        return form;
    }

    async abort(button, variant) {
        const confirmed = await confirmAction({
            title: 'Abort this run?',
            message: `The run of ${variant.name} (${variant.branch}, ${variant.ai_provider}/${variant.ai_model}) stops now and `
                + 'its work so far is discarded. The last good site, if any, stays.',
            confirmLabel: 'Abort run',
        });
        if (confirmed) {
            await runAction(button, () => api('POST', variantApiPath(variant, 'abort')));
        }
    }

    async remove(button, variant) {
        const confirmed = await confirmAction({
            title: 'Delete this variant?',
            message: `${variant.name} (${variant.branch}, ${variant.ai_provider}/${variant.ai_model}, owner ${variant.owner}) and `
                + 'its site are deleted for everyone. This cannot be undone.',
            confirmLabel: 'Delete',
        });
        if (!confirmed) {
            return;
        }
        await runAction(button, async () => {
            await api('DELETE', variantApiPath(variant));
            // Its page has nothing left to show: back to the list (the sync that follows removes it there too).
            navigateWithInfo('#/projects', `Deleted ${variant.name} (${variant.branch}, ${variant.ai_provider}/${variant.ai_model}).`);
        });
    }
}

/**
 * The site that is served: the run that published it and its commit, which after a failed or aborted run is not the
 * latest run's commit.
 */
function publishedSite(variant) {
    if (!hasSite(variant)) {
        return 'none yet';
    }
    const commit = variant.published_commit_sha ? `, commit ${variant.published_commit_sha.slice(0, 12)}` : '';
    return `run of ${variant.last_generated ?? variant.updated_at} UTC${commit}${variant.status === 'ready' ? '' : ', still served'}`;
}

/** What became of the latest run, apart from the site that is published. */
function lastRun(variant) {
    switch (variant.status) {
        case 'generating': return `running (${stageLabel(variant.current_stage) || 'queued'})`;
        case 'aborted': return variant.error_message ?? 'aborted';
        case 'error': return 'failed (the reason is above)';
        default: return variant.current_stage === 'up_to_date' ? 'ready: the commit was already documented' : 'ready';
    }
}

/** A failed run is retried with something corrected; anything else is regenerated. */
function retryTitle(variant) {
    return variant.status === 'error' ? 'Edit and retry' : 'Regenerate';
}

function fact(term, value, title) {
    return [h('dt', { text: term }), h('dd', { text: value, title })];
}

/** The stages in order: done, current (or where it failed), still to come. */
function timeline(variant) {
    const finished = variant.status === 'ready';
    const stopped = variant.status === 'error' || variant.status === 'aborted';
    // Where an aborted run stopped is not a failure: it is marked stopped, not crossed out.
    const stoppedState = variant.status === 'aborted' ? 'stopped' : 'failed';
    const current = stageIndex(stopped ? lastStageOf(variant) : variant.current_stage);
    return h('ol', { class: 'timeline', 'aria-label': 'Stages' }, timelineStages().map(([stage, label], index) => {
        let status = 'pending';
        if (finished || index < current) {
            status = 'done';
        } else if (index === current) {
            status = stopped ? stoppedState : variant.status === 'generating' ? 'current' : 'pending';
        }
        // The stage the run reports names its step (incremental planning in planning's place).
        const reported = variant.current_stage ?? lastStageOf(variant);
        const text = reported && sameStep(stage, reported) ? stageLabel(reported) : label;
        return h('li', { class: `step step-${status}`, dataset: { stage, state: status },
            'aria-current': status === 'current' ? 'step' : null },
            h('span', { class: 'step-label', text }),
            h('span', { class: 'visually-hidden', text: ` (${status})` }));
    }));
}
