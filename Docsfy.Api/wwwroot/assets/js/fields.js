// Errors where the user is looking: a message under the field at fault (the server names it as `field`), marked for
// assistive technology, and gone as soon as the user changes that field.
import { h } from './dom.js';

export class FieldErrors {
    /** `fields`: the request body's field names mapped to their inputs; `formError`: the form-wide message element. */
    constructor(fields, formError) {
        this.fields = fields;
        this.formError = formError;
        for (const input of new Set(Object.values(fields))) {
            const clear = () => this.clear(input);
            input.addEventListener('input', clear);
            input.addEventListener('change', clear);
        }
    }

    /** Shows an ApiError (or any Error) at its field when the form has that field, else as the form's message. */
    show(error) {
        this.clearAll();
        const input = error.field ? this.fields[error.field] : null;
        if (input) {
            this.at(input, error.message);
        } else {
            this.formError.textContent = error.message;
            this.formError.hidden = false;
        }
    }

    /** Shows `message` under `input` and moves focus there. */
    at(input, message) {
        this.clear(input);
        const id = `${input.id}-error`;
        input.after(h('p', { class: 'field-error', id, role: 'alert', text: message }));
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-errormessage', id);
        input.focus();
    }

    /** The field changed: its message and the form-wide one no longer describe it. */
    clear(input) {
        document.getElementById(`${input.id}-error`)?.remove();
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-errormessage');
        this.formError.hidden = true;
    }

    clearAll() {
        for (const input of new Set(Object.values(this.fields))) {
            this.clear(input);
        }
    }
}
