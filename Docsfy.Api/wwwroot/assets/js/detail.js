// One variant: stage timeline, pages done of total, commit, dates, error, AI usage, and the actions the user's role
// and the variant's state allow.
import { api, path } from './api.js';
import { confirmAction } from './dialogs.js';
import { h, replaceKeepingFocus } from './dom.js';
import { runAction, showInfo } from './notice.js';
import { findVariant, lastStageOf, state, variantKey } from './store.js';
import { fillDatalist, modelSuggestions, providerSelect } from './suggestions.js';
import {
    STAGES, can, detailHash, docsUrl, downloadUrl, formatCost, hasSite, isLocalPath, progressBar, stageIndex, stageLabel,
    statusBadge, variantApiPath,
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
    }

    missing() {
        const [name] = this.key.split('/');
        return [
            h('h1', { id: 'variant-title', text: name }),
            h('p', { text: state.synced
                ? 'This variant does not exist or is not visible to you (it may have been deleted or replaced by a newer model).'
                : 'Loading…' }),
        ];
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
            variant.error_message ? h('p', { class: 'error-text', id: 'detail-error', text: variant.error_message }) : null,
            h('dl', { class: 'facts' },
                fact('Repository', variant.repo_url),
                fact('Commit', variant.last_commit_sha ? variant.last_commit_sha.slice(0, 12) : '—', variant.last_commit_sha),
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
            list.push(h('button', { type: 'button', class: 'secondary', id: 'regenerate', 'aria-controls': 'regenerate-form',
                onclick: () => this.toggleRegenerate() }, 'Regenerate…'));
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
            form.querySelector('select').focus();
        }
    }

    regenerateForm(variant) {
        const models = h('datalist', { id: 'regen-model-options' });
        const provider = providerSelect('regen-provider', variant.ai_provider);
        const model = h('input', { id: 'regen-model', list: 'regen-model-options', value: variant.ai_model, required: true,
            autocomplete: 'off', spellcheck: 'false' });
        const force = h('input', { type: 'checkbox', id: 'regen-force' });
        const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
        fillDatalist(models, modelSuggestions(variant.ai_provider));
        provider.addEventListener('change', () => {
            fillDatalist(models, modelSuggestions(provider.value));
            model.value = modelSuggestions(provider.value)[0] ?? '';
        });
        const form = h('form', { class: 'stack form-card', id: 'regenerate-form', hidden: true, novalidate: true,
            'aria-label': 'Regenerate' },
            h('h2', { text: 'Regenerate' }),
            h('p', { class: 'hint', text: 'The same repository and branch, with this model or another. Without force, unchanged '
                + 'pages are reused, and a different model replaces this variant when it is ready.' }),
            h('div', { class: 'row' },
                h('div', { class: 'stack grow' }, h('label', { for: 'regen-provider', text: 'AI provider' }), provider),
                h('div', { class: 'stack grow' }, h('label', { for: 'regen-model', text: 'Model' }), model, models)),
            h('label', { class: 'check' }, force, ' Force: regenerate every page, reuse and replace nothing'),
            error,
            h('div', { class: 'actions' },
                h('button', { type: 'submit', class: 'primary', text: 'Start' }),
                h('button', { type: 'button', class: 'secondary', text: 'Cancel', onclick: () => { form.hidden = true; } })));
        form.addEventListener('submit', async event => {
            event.preventDefault();
            error.hidden = true;
            const current = findVariant(this.key) ?? variant;
            const body = {
                [isLocalPath(current.repo_url) ? 'repo_path' : 'repo_url']: current.repo_url,
                branch: current.branch,
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
                location.hash = detailHash({ ...started, name: started.project });
            } catch (failure) {
                error.textContent = failure.message;
                error.hidden = false;
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
            // The sync that follows removes it everywhere, this page included.
            showInfo(`Deleted ${variant.name} (${variant.branch}, ${variant.ai_provider}/${variant.ai_model}).`);
        });
    }
}

function fact(term, value, title) {
    return [h('dt', { text: term }), h('dd', { text: value, title })];
}

/** The stages in order: done, current (or where it failed), still to come. */
function timeline(variant) {
    const finished = variant.status === 'ready';
    const stopped = variant.status === 'error' || variant.status === 'aborted';
    const current = stageIndex(stopped ? lastStageOf(variant) : variant.current_stage);
    return h('ol', { class: 'timeline', 'aria-label': 'Stages' }, STAGES.map(([stage, label], index) => {
        let status = 'pending';
        if (finished || index < current) {
            status = 'done';
        } else if (index === current) {
            status = stopped ? 'failed' : variant.status === 'generating' ? 'current' : 'pending';
        }
        const text = stage === 'planning' && (variant.current_stage ?? lastStageOf(variant)) === 'incremental_planning'
            ? stageLabel('incremental_planning') : label;
        return h('li', { class: `step step-${status}`, dataset: { stage, state: status },
            'aria-current': status === 'current' ? 'step' : null },
            h('span', { class: 'step-label', text }),
            h('span', { class: 'visually-hidden', text: ` (${status})` }));
    }));
}
