// The account menu: change one's own API key (shown once) and log out.
import { api, onUnauthenticated } from './api.js';
import { formDialog, showSecret } from './dialogs.js';
import { h } from './dom.js';
import { runAction } from './notice.js';
import { state } from './store.js';

const MIN_CUSTOM_KEY = 16;

export function setUpAccount({ hub, toLogin }) {
    const me = state.me;
    document.getElementById('account-name').textContent = me.username;
    document.getElementById('account-role').textContent = `Role: ${me.role}`;
    // The menu closes with Escape, as a menu does, and gives focus back to its button.
    const menu = document.getElementById('account');
    menu.addEventListener('keydown', event => {
        if (event.key === 'Escape' && menu.open) {
            menu.open = false;
            menu.querySelector('summary').focus();
        }
    });
    const rotate = document.getElementById('rotate-own-key');
    // The built-in admin's key is the server's ADMIN_KEY setting: it cannot be changed from here.
    rotate.hidden = me.username.toLowerCase() === 'admin';
    rotate.addEventListener('click', () => rotateOwnKey(hub, toLogin));
    const logout = document.getElementById('logout');
    logout.addEventListener('click', () => runAction(logout, async () => {
        hub.stop();
        await api('POST', '/api/auth/logout');
        toLogin('logged-out');
    }));
}

async function rotateOwnKey(hub, toLogin) {
    document.getElementById('account').open = false;
    const custom = h('input', { id: 'custom-key', type: 'password', autocomplete: 'new-password', minlength: MIN_CUSTOM_KEY,
        'aria-describedby': 'custom-key-hint' });
    const rotated = await formDialog({
        title: 'Change my API key',
        submitLabel: 'Change key',
        fields: [
            h('p', { text: 'Your current key stops working at once, and every session of yours ends, this one included.' }),
            h('label', { for: 'custom-key', text: 'New key (optional)' }),
            custom,
            h('p', { class: 'hint', id: 'custom-key-hint',
                text: `Leave empty for a new random key, or choose one of at least ${MIN_CUSTOM_KEY} characters.` }),
        ],
        onSubmit: async () => {
            const key = custom.value;
            if (key && key.length < MIN_CUSTOM_KEY) {
                throw new Error(`A custom key needs at least ${MIN_CUSTOM_KEY} characters.`);
            }
            // The server closes this page's live connection when the key changes: no reconnect, the session is over.
            hub.stop();
            try {
                return await api('POST', '/api/auth/rotate-key', key ? { new_key: key } : undefined);
            } catch (error) {
                hub.start();
                throw error;
            }
        },
    });
    if (!rotated) {
        return;
    }
    // The old session is gone: nothing may send this page to the login page before the new key has been seen.
    onUnauthenticated(() => {});
    await showSecret({
        title: 'Your new API key',
        intro: 'Copy it now: it is shown only this once. Use it to log in and as Authorization: Bearer for the API.',
        secret: rotated.new_api_key,
        note: 'Your sessions have ended; you will log in again with this key.',
    });
    toLogin('rotated');
}
