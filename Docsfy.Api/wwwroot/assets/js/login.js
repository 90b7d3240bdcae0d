// The login page: username and API key, then back to where the user was going.
import { api } from './api.js';
import { safeNext } from './next.js';
import { setUpThemeToggle } from './theme.js';

const REASONS = {
    expired: 'Your session has ended. Log in again.',
    'logged-out': 'You are logged out.',
    rotated: 'Your key was changed, which ended your sessions. Log in with the new key.',
};

const params = new URLSearchParams(location.search);
const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const info = document.getElementById('login-info');
const button = form.querySelector('button[type="submit"]');

setUpThemeToggle(document.getElementById('theme-toggle'));

if (REASONS[params.get('reason')]) {
    info.textContent = REASONS[params.get('reason')];
    info.hidden = false;
}

form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    const username = form.username.value.trim();
    const apiKey = form.api_key.value;
    if (!username || !apiKey) {
        showError('Enter your username and your API key.');
        return;
    }
    button.disabled = true;
    try {
        await api('POST', '/api/auth/login', { username, api_key: apiKey });
        location.assign(safeNext(params.get('next')));
    } catch (failure) {
        showError(failure.status === 401 ? 'Wrong username or API key. Check both and try again.' : failure.message);
        button.disabled = false;
        form.api_key.select();
    }
});

function showError(message) {
    error.textContent = message;
    error.hidden = false;
    info.hidden = true;
}
