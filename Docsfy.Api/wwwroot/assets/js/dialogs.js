// Modal dialogs on the native <dialog> element: focus moves into it, Tab stays inside, Escape cancels.
import { h } from './dom.js';

function open(dialog) {
    document.body.append(dialog);
    dialog.addEventListener('close', () => dialog.remove());
    dialog.showModal();
    return dialog;
}

/** Asks before something is destroyed. Resolves true only when the confirming button is pressed. */
export function confirmAction({ title, message, confirmLabel, danger = true }) {
    return new Promise(resolve => {
        const confirm = h('button', { type: 'submit', value: 'confirm', class: danger ? 'danger' : 'primary', text: confirmLabel });
        const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-message' },
            h('form', { method: 'dialog' },
                h('h2', { id: 'confirm-title', text: title }),
                h('p', { id: 'confirm-message', text: message }),
                h('div', { class: 'dialog-actions' },
                    h('button', { type: 'submit', value: 'cancel', class: 'secondary', text: 'Cancel', autofocus: true }),
                    confirm)));
        dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'));
        open(dialog);
    });
}

/**
 * Shows a new API key (or webhook secret) once, with a copy button. It is shown whole (it wraps, never cut off), and the
 * dialog stays until the user confirms they copied it: Escape does not discard it. Resolves when the dialog is closed;
 * the secret then lives nowhere in the page.
 */
export function showSecret({ title, intro, secret, note, label = 'New API key',
    copiedLabel = 'I have copied this key; it cannot be shown again' }) {
    return new Promise(resolve => {
        const status = h('p', { class: 'hint', role: 'status' });
        const field = h('textarea', { id: 'secret-value', class: 'secret', readonly: true, rows: 2, spellcheck: 'false',
            'aria-label': label });
        field.value = secret;
        const copied = h('input', { type: 'checkbox', id: 'secret-copied' });
        const done = h('button', { type: 'submit', class: 'primary', text: 'Done', disabled: true });
        copied.addEventListener('change', () => { done.disabled = !copied.checked; });
        const copy = h('button', {
            type: 'button', class: 'secondary', text: 'Copy',
            onclick: async () => {
                try {
                    await navigator.clipboard.writeText(secret);
                    status.textContent = 'Copied to the clipboard.';
                } catch (error) {
                    field.select();
                    status.textContent = `Could not copy (${error.message}); it is selected, copy it with Ctrl+C.`;
                }
            },
        });
        const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'secret-title' },
            h('form', { method: 'dialog' },
                h('h2', { id: 'secret-title', text: title }),
                h('p', { text: intro }),
                h('div', { class: 'secret-row' }, field, copy),
                status,
                note ? h('p', { class: 'hint', text: note }) : null,
                h('label', { class: 'check', for: 'secret-copied' }, copied, ` ${copiedLabel}`),
                h('div', { class: 'dialog-actions' }, done)));
        // Escape would close the dialog and lose the secret for good.
        dialog.addEventListener('cancel', event => event.preventDefault());
        dialog.addEventListener('close', () => resolve());
        open(dialog);
        field.focus();
        field.select();
    });
}

/** A dialog holding a form; `onSubmit(form)` may throw to keep it open with the error shown. */
export function formDialog({ title, fields, submitLabel, onSubmit }) {
    return new Promise(resolve => {
        const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
        const form = h('form', { method: 'dialog', novalidate: true },
            h('h2', { id: 'form-dialog-title', text: title }),
            fields,
            error,
            h('div', { class: 'dialog-actions' },
                h('button', { type: 'button', class: 'secondary', text: 'Cancel', onclick: () => dialog.close('cancel') }),
                h('button', { type: 'submit', class: 'primary', text: submitLabel })));
        const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'form-dialog-title' }, form);
        let result;
        form.addEventListener('submit', async event => {
            event.preventDefault();
            error.hidden = true;
            try {
                result = await onSubmit(form);
                dialog.close('done');
            } catch (failure) {
                error.textContent = failure.message;
                error.hidden = false;
            }
        });
        dialog.addEventListener('close', () => resolve(dialog.returnValue === 'done' ? result : undefined));
        open(dialog);
    });
}
