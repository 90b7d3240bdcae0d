// A project's refresh settings (docs/design/refresh.md §2): shown to its owner and admins on the project's page, and
// edited there through GET/PUT /api/projects/{name}/refresh and POST …/refresh/rotate-secret. The server checks
// everything again and its refusal is shown as it says it. A webhook secret appears once, in a dialog, and is kept
// nowhere else in the page.
import { api, path } from './api.js';
import { confirmAction, showSecret } from './dialogs.js';
import { h, idFor } from './dom.js';
import { FieldErrors } from './fields.js';
import { runAction, showInfo } from './notice.js';
import { state } from './store.js';

const SECRET_INTRO = 'Copy it now, it won\'t be shown again. Put it in your host\'s webhook settings, with the webhook URL '
    + 'below; deliveries signed with an earlier secret are refused from now on.';

export class RefreshPanel {
    /** The panel of project (name, owner); `element` is placed by the caller. */
    constructor(name, owner) {
        this.name = name;
        this.owner = owner;
        this.settings = null;   // the last answer, without webhook_secret
        this.editing = false;
        const id = idFor('refresh', name, owner);
        this.titleId = `refresh-title-${id}`;
        this.element = h('section', { class: 'panel refresh-panel', id: `refresh-${id}`, 'aria-labelledby': this.titleId,
            dataset: { owner } });
        this.element.append(this.heading(), h('p', { class: 'hint', text: 'Loading the refresh settings…' }));
        this.load();
    }

    heading() {
        const own = this.owner.toLowerCase() === state.me.username.toLowerCase();
        return h('h2', { id: this.titleId, text: own ? 'Refresh' : `Refresh (owner ${this.owner})` });
    }

    route(...more) {
        return path(['api', 'projects', this.name, 'refresh', ...more], { owner: this.owner });
    }

    async load() {
        try {
            this.keep(await api('GET', this.route()));
            this.showSettings();
        } catch (error) {
            this.element.replaceChildren(this.heading(),
                h('p', { class: 'error-text', text: `The refresh settings could not be read: ${error.message}` }));
        }
    }

    /** Keeps an answer without its secret: the secret goes to the dialog and nowhere else. */
    keep(answer) {
        const { webhook_secret: _secret, ...settings } = answer;
        this.settings = settings;
    }

    showSettings() {
        this.editing = false;
        const settings = this.settings;
        const copyStatus = h('span', { class: 'hint', role: 'status' });
        const url = settings.webhook_url
            ? h('span', { class: 'webhook-url' },
                h('code', { id: `${this.element.id}-url`, text: settings.webhook_url }),
                h('button', { type: 'button', class: 'secondary small', text: 'Copy URL',
                    onclick: () => copy(settings.webhook_url, copyStatus) }),
                copyStatus)
            : 'created when the settings are first saved';
        this.element.replaceChildren(
            this.heading(),
            h('p', { class: 'hint', text: 'Runs this project\'s variants again by themselves, on a push the host reports and on '
                + 'a schedule that checks whether the branch moved. Each such run is incremental.' }),
            h('dl', { class: 'facts' },
                fact('Schedule', schedule(settings.interval_minutes)),
                fact('On push', settings.on_push ? 'on: a push to a followed branch starts a run' : 'off'),
                fact('Variants', settings.variants === 'all' ? 'all of them' : settings.variants.join(', ')),
                fact('Webhook URL', url),
                settings.secret_rotated_at ? fact('Secret made', `${settings.secret_rotated_at} UTC`) : null,
                settings.next_check_at ? fact('Next check', `${settings.next_check_at} UTC`) : null,
                settings.last_checked_at ? fact('Last checked', `${settings.last_checked_at} UTC`) : null),
            h('div', { class: 'actions' },
                h('button', { type: 'button', class: 'secondary', text: 'Edit refresh settings', onclick: () => this.edit() }),
                settings.webhook_url ? h('button', { type: 'button', class: 'danger', text: 'Rotate webhook secret',
                    onclick: event => this.rotate(event.currentTarget) }) : null));
    }

    /** The project's variants as branch/provider/model (the ones settings may name), with those already chosen. */
    choices() {
        const existing = state.projects
            .filter(v => v.name === this.name && v.owner.toLowerCase() === this.owner.toLowerCase())
            .map(v => `${v.branch}/${v.ai_provider}/${v.ai_model}`);
        const chosen = Array.isArray(this.settings.variants) ? this.settings.variants : [];
        return [...new Set([...existing, ...chosen])].sort();
    }

    edit() {
        this.editing = true;
        const settings = this.settings;
        const base = this.element.id;
        const scheduled = settings.interval_minutes !== null;
        const off = h('input', { type: 'radio', name: `${base}-schedule`, id: `${base}-schedule-off`, checked: !scheduled });
        const every = h('input', { type: 'radio', name: `${base}-schedule`, id: `${base}-schedule-on`, checked: scheduled });
        const interval = h('input', { type: 'number', id: `${base}-interval`, inputmode: 'numeric', step: 1,
            min: settings.min_interval_minutes, max: settings.max_interval_minutes, disabled: !scheduled,
            value: settings.interval_minutes ?? 60, 'aria-describedby': `${base}-interval-hint` });
        const onSchedule = () => { interval.disabled = !every.checked; };
        off.addEventListener('change', onSchedule);
        every.addEventListener('change', onSchedule);
        const onPush = h('input', { type: 'checkbox', id: `${base}-on-push`, checked: settings.on_push });
        const all = h('input', { type: 'radio', name: `${base}-variants`, id: `${base}-variants-all`, checked: settings.variants === 'all' });
        const some = h('input', { type: 'radio', name: `${base}-variants`, id: `${base}-variants-some`, checked: settings.variants !== 'all' });
        const chosen = Array.isArray(settings.variants) ? settings.variants : [];
        const boxes = this.choices().map(label => h('input', { type: 'checkbox', id: `${base}-v-${idFor(label)}`, value: label,
            checked: chosen.includes(label) }));
        const list = h('fieldset', { class: 'refresh-variants', id: `${base}-variant-list`, disabled: settings.variants === 'all' },
            h('legend', { text: 'Following variants' }),
            boxes.map(box => h('label', { class: 'check', for: box.id }, box, ` ${box.value}`)));
        const onVariants = () => { list.disabled = !some.checked; };
        all.addEventListener('change', onVariants);
        some.addEventListener('change', onVariants);
        const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
        const save = h('button', { type: 'submit', class: 'primary', text: 'Save refresh settings' });
        const form = h('form', { class: 'stack form-card', novalidate: true, 'aria-label': 'Refresh settings' },
            h('fieldset', { class: 'choice' },
                h('legend', { text: 'Schedule' }),
                h('label', { class: 'check', for: off.id }, off, ' Off'),
                h('label', { class: 'check', for: every.id }, every, ' Check the branch every')),
            h('label', { for: interval.id, text: 'Interval in minutes' }), interval,
            h('p', { class: 'hint', id: `${base}-interval-hint`, text: `From ${settings.min_interval_minutes} minutes to `
                + `${settings.max_interval_minutes} (7 days). A run starts only when the branch moved.` }),
            h('label', { class: 'check', for: onPush.id }, onPush, ' Refresh on push (the host sends pushes to the webhook URL)'),
            h('fieldset', { class: 'choice' },
                h('legend', { text: 'Variants that follow their branch' }),
                h('label', { class: 'check', for: all.id }, all, ' All variants'),
                h('label', { class: 'check', for: some.id }, some, ' Chosen variants')),
            list,
            error,
            h('div', { class: 'actions' }, save,
                h('button', { type: 'button', class: 'secondary', text: 'Cancel', onclick: () => this.showSettings() })));
        const errors = new FieldErrors({ interval_minutes: interval, variants: list }, error);
        form.addEventListener('submit', async event => {
            event.preventDefault();
            errors.clearAll();
            const body = this.request(every.checked, interval, onPush.checked, some.checked, boxes, errors, list);
            if (!body) {
                return;
            }
            await runAction(save, async () => {
                try {
                    const answer = await api('PUT', this.route(), body);
                    this.saved(answer);
                } catch (failure) {
                    if (failure.status >= 400 && failure.status < 500 && failure.status !== 401) {
                        errors.show(failure);
                    } else {
                        throw failure;
                    }
                }
            });
        });
        this.element.replaceChildren(this.heading(), form);
        (off.checked ? off : every).focus();
    }

    /**
     * The PUT body, or null after showing what is wrong where it is wrong. These are the server's own bounds (from its
     * last answer); it checks them again, and whatever it refuses is shown as it says it.
     */
    request(scheduled, interval, onPush, chosenOnly, boxes, errors, list) {
        let minutes = null;
        if (scheduled) {
            const { min_interval_minutes: min, max_interval_minutes: max } = this.settings;
            const text = interval.value.trim();
            minutes = /^\d+$/.test(text) ? Number(text) : NaN;
            if (!Number.isInteger(minutes) || minutes < min || minutes > max) {
                errors.at(interval, `The interval is a whole number of minutes from ${min} to ${max}.`);
                return null;
            }
        }
        const variants = chosenOnly ? boxes.filter(box => box.checked).map(box => box.value) : 'all';
        if (chosenOnly && variants.length === 0) {
            errors.at(list, 'Choose at least one variant, or all of them.');
            return null;
        }
        return { interval_minutes: minutes, on_push: onPush, variants };
    }

    async saved(answer) {
        const secret = answer.webhook_secret;
        this.keep(answer);
        this.showSettings();
        if (secret) {
            await this.showNewSecret(secret, 'The project\'s webhook is created');
        } else {
            showInfo(`Refresh settings of ${this.name} saved.`);
        }
    }

    async rotate(button) {
        const confirmed = await confirmAction({
            title: 'Rotate the webhook secret?',
            message: `The webhook of ${this.name} gets a new secret now; deliveries signed with the old one are refused until `
                + 'the host has the new one. The webhook URL stays the same.',
            confirmLabel: 'Rotate secret',
        });
        if (!confirmed) {
            return;
        }
        await runAction(button, async () => {
            const answer = await api('POST', this.route('rotate-secret'));
            const secret = answer.webhook_secret;
            this.keep(answer);
            this.showSettings();
            await this.showNewSecret(secret, 'The webhook has a new secret');
        });
    }

    showNewSecret(secret, title) {
        return showSecret({
            title: `${title}: ${this.name}`,
            intro: SECRET_INTRO,
            secret,
            note: `Webhook URL: ${this.settings.webhook_url}`,
            label: 'Webhook secret',
            copiedLabel: 'I have copied this secret; it won\'t be shown again',
        });
    }
}

/** "every 90 minutes", "every 2 hours", "every 7 days", or off. */
export function schedule(minutes) {
    if (minutes === null || minutes === undefined) {
        return 'off';
    }
    const unit = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
    return `every ${unit[0] === 1 ? '' : `${unit[0]} `}${unit[1]}${unit[0] === 1 ? '' : 's'}: a run when the branch moved`;
}

async function copy(text, status) {
    try {
        await navigator.clipboard.writeText(text);
        status.textContent = 'Copied.';
    } catch (error) {
        status.textContent = `Could not copy (${error.message}); select the URL and copy it with Ctrl+C.`;
    }
}

function fact(term, value) {
    return [h('dt', { text: term }), h('dd', {}, value)];
}
