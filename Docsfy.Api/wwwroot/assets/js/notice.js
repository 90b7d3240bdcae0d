// The page-wide message area: errors stay until dismissed or replaced, so none goes unseen.
import { h } from './dom.js';

const area = () => document.getElementById('notice');

export function showError(message) {
    show(message, 'error');
}

export function showInfo(message) {
    show(message, 'info');
}

function show(message, kind) {
    const notice = area();
    notice.className = `notice notice-${kind}`;
    notice.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    notice.replaceChildren(
        h('span', { class: 'notice-text', text: message }),
        h('button', { type: 'button', class: 'ghost', 'aria-label': 'Dismiss message', text: '×', onclick: clearNotice }));
    notice.hidden = false;
}

/** Goes to `hash` and then shows `message` there (a route change clears the notice area). */
export function navigateWithInfo(hash, message) {
    if (location.hash === hash) {
        showInfo(message);
        return;
    }
    window.addEventListener('hashchange', () => queueMicrotask(() => showInfo(message)), { once: true });
    location.hash = hash;
}

export function clearNotice() {
    const notice = area();
    notice.hidden = true;
    notice.replaceChildren();
}

/** Runs an action of a button, showing its failure in the notice area and keeping the button disabled meanwhile. */
export async function runAction(button, action) {
    button.disabled = true;
    try {
        await action();
    } catch (error) {
        showError(error.message);
    } finally {
        button.disabled = false;
    }
}
