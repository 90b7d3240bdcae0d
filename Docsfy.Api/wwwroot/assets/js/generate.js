// Generate: repository URL (or a local path, for admins), branch, provider and model with suggestions, type, force.
import { api } from './api.js';
import { h } from './dom.js';
import { FieldErrors } from './fields.js';
import { expectVariant, keyOf, state } from './store.js';
import { branchSuggestions, defaultModel, fillDatalist, initialProvider, modelSuggestions, providerHint, providerSelect } from './suggestions.js';
import { can, detailHash, replacementNote, repositoryName } from './variant.js';

export const REPO_TYPES = ['app', 'library', 'framework', 'tests'];

export class GenerateView {
    constructor(section) {
        this.section = section;
        this.build();
    }

    build() {
        if (!can.generate(state.me)) {
            this.section.append(h('h1', { id: 'generate-title', text: 'Generate documentation' }),
                h('p', { text: 'Your role (viewer) can read documentation but not generate it.' }));
            return;
        }
        const admin = state.me.is_admin;
        this.branches = h('datalist', { id: 'branch-options' });
        this.modelOptions = h('datalist', { id: 'model-options' });
        this.error = h('p', { class: 'form-error', role: 'alert', id: 'generate-error', hidden: true });
        const provider = initialProvider(state.models.default_provider);
        this.provider = providerSelect('gen-provider', provider);
        this.model = h('input', { id: 'gen-model', name: 'ai_model', list: 'model-options', required: true,
            autocomplete: 'off', spellcheck: 'false', value: defaultModel(provider) });
        this.source = h('input', { id: 'gen-source', name: 'source', required: true, autocomplete: 'off', spellcheck: 'false',
            placeholder: 'https://github.com/owner/repository' });
        this.branch = h('input', { id: 'gen-branch', name: 'branch', list: 'branch-options', value: 'main', autocomplete: 'off',
            spellcheck: 'false' });
        this.sourceLabel = h('label', { for: 'gen-source', text: 'Repository URL' });
        this.replaceNote = h('p', { class: 'note', id: 'gen-replace-note', 'aria-live': 'polite', hidden: true });
        this.form = h('form', { class: 'stack form-card', novalidate: true, 'aria-describedby': 'generate-error' },
            admin ? h('fieldset', { class: 'choice' },
                h('legend', { text: 'Source' }),
                radio('source-kind', 'url', 'Repository URL', true),
                radio('source-kind', 'path', 'Local path on the server', false)) : null,
            this.sourceLabel, this.source,
            h('label', { for: 'gen-branch', text: 'Branch' }), this.branch, this.branches,
            h('div', { class: 'row' },
                h('div', { class: 'stack grow' }, h('label', { for: 'gen-provider', text: 'AI provider' }), this.provider),
                h('div', { class: 'stack grow' }, h('label', { for: 'gen-model', text: 'Model' }), this.model, this.modelOptions)),
            providerHint('gen-provider'),
            h('label', { for: 'gen-type', text: 'Repository type' }),
            h('select', { id: 'gen-type', name: 'repo_type' },
                h('option', { value: '', text: 'Decide from the repository' }),
                REPO_TYPES.map(type => h('option', { value: type, text: type }))),
            h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'force', id: 'gen-force' }),
                ' Force: regenerate every page, reuse and replace nothing'),
            this.replaceNote,
            this.error,
            h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', text: 'Generate' })));

        this.errors = new FieldErrors({
            repo_url: this.source, repo_path: this.source, branch: this.branch, ai_provider: this.provider,
            ai_model: this.model, repo_type: this.form.elements.repo_type,
        }, this.error);
        this.form.addEventListener('submit', event => {
            event.preventDefault();
            this.submit();
        });
        this.form.addEventListener('change', event => {
            if (event.target.name === 'source-kind') {
                this.sourceKindChanged();
                this.errors.clear(this.source);
            }
            if (event.target === this.provider) {
                // The provider's own default, never a name another user happened to use.
                this.model.value = defaultModel(this.provider.value);
            }
            this.refreshSuggestions();
        });
        this.source.addEventListener('input', () => this.refreshSuggestions());
        this.branch.addEventListener('input', () => this.refreshNote());
        this.model.addEventListener('input', () => this.refreshNote());
        this.section.append(h('h1', { id: 'generate-title', text: 'Generate documentation' }), this.form);
    }

    sourceKindChanged() {
        const local = this.form.elements['source-kind'].value === 'path';
        this.sourceLabel.textContent = local ? 'Local path on the server' : 'Repository URL';
        this.source.placeholder = local ? '/srv/git/repository' : 'https://github.com/owner/repository';
    }

    refreshSuggestions() {
        fillDatalist(this.branches, branchSuggestions(repositoryName(this.source.value)));
        fillDatalist(this.modelOptions, modelSuggestions(this.provider.value));
        this.refreshNote();
    }

    /** Says, before submitting, which of the user's variants this run would replace once it is ready. */
    refreshNote() {
        const note = replacementNote(state.me, repositoryName(this.source.value), this.branch.value.trim() || 'main',
            this.provider.value, this.model.value.trim(), this.form.elements.force.checked);
        this.replaceNote.textContent = note;
        this.replaceNote.hidden = !note;
    }

    show() {
        if (this.form) {
            this.refreshSuggestions();
        }
    }

    update() {
        if (this.form) {
            this.refreshSuggestions();
        }
    }

    async submit() {
        const form = this.form;
        const local = form.elements['source-kind']?.value === 'path';
        const source = this.source.value.trim();
        if (!source) {
            this.errors.clearAll();
            this.errors.at(this.source, local ? 'Enter the path of a git repository on the server.' : 'Enter the URL of a git repository.');
            return;
        }
        const body = {
            [local ? 'repo_path' : 'repo_url']: source,
            branch: this.branch.value.trim() || 'main',
            ai_provider: this.provider.value,
            ai_model: this.model.value.trim(),
            force: form.elements.force.checked,
        };
        if (form.elements.repo_type.value) {
            body.repo_type = form.elements.repo_type.value;
        }
        const button = form.querySelector('button[type="submit"]');
        button.disabled = true;
        this.errors.clearAll();
        try {
            const started = await api('POST', '/api/generate', body);
            const next = { ...started, name: started.project };
            expectVariant(keyOf(next));
            location.hash = detailHash(next);
        } catch (error) {
            this.errors.show(error);
        } finally {
            button.disabled = false;
        }
    }
}

function radio(name, value, label, checked) {
    const id = `${name}-${value}`;
    return h('label', { class: 'check', for: id }, h('input', { type: 'radio', name, value, id, checked }), ` ${label}`);
}
