// The dashboard: who is logged in, one live hub connection, and a view per route (#/projects, #/generate,
// #/variant/{name}/{branch}/{provider}/{model}/{owner}, #/admin, #/search/{query}).
import { api, onUnauthenticated } from './api.js';
import { setUpAccount } from './account.js';
import { AdminView } from './admin.js';
import { DetailView } from './detail.js';
import { GenerateView } from './generate.js';
import { Hub } from './hub.js';
import { clearNotice, showError, showInfo } from './notice.js';
import { ProjectsView } from './projects.js';
import { SearchView, setUpSearchBox } from './search.js';
import { state, subscribe } from './store.js';
import { setUpThemeToggle } from './theme.js';
import { can } from './variant.js';

let leaving = false;

/** The session is gone: back to the login page, which brings the user back here afterwards. */
function toLogin(reason) {
    if (leaving) {
        return;
    }
    leaving = true;
    hub.stop();
    const next = location.pathname + location.hash;
    location.assign(`/login?reason=${encodeURIComponent(reason)}&next=${encodeURIComponent(next)}`);
}

const connection = document.getElementById('connection');
const hub = new Hub(status => {
    connection.dataset.state = status.state;
    if (status.state === 'live') {
        connection.textContent = 'Live';
        connection.title = 'Receiving every change as it happens.';
    } else if (status.state === 'reconnecting' && status.retryInMs !== undefined) {
        const seconds = Math.max(1, Math.round(status.retryInMs / 1000));
        connection.textContent = `Reconnecting in ${seconds} s…`;
        connection.title = `Not live: ${status.reason}. What is shown may be out of date until the connection is back.`;
    } else {
        connection.textContent = status.state === 'connecting' ? 'Connecting…' : 'Reconnecting…';
        connection.title = '';
    }
});

const views = {};
const searchBox = setUpSearchBox(document.getElementById('site-search'));

function route() {
    const [view = 'projects', ...rest] = location.hash.replace(/^#\/?/, '').split('/');
    const name = views[view] ? view : 'projects';
    for (const [key, entry] of Object.entries(views)) {
        entry.section.hidden = key !== name;
        if (key !== name) {
            entry.hide?.();
        }
    }
    for (const link of document.querySelectorAll('.main-nav a')) {
        const current = link.dataset.view === name || (name === 'variant' && link.dataset.view === 'projects');
        if (current) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
    views[name].show(rest.map(decodeURIComponent));
}

/** The views for the user's role; built again when the role changes, so no action stays that the role lost. */
function buildViews() {
    document.querySelector('[data-view="generate"]').hidden = !can.generate(state.me);
    document.querySelector('[data-view="admin"]').hidden = !state.me.is_admin;
    for (const key of Object.keys(views)) {
        views[key].section.replaceChildren();
        delete views[key];
    }
    views.projects = new ProjectsView(document.getElementById('view-projects'));
    views.generate = new GenerateView(document.getElementById('view-generate'));
    views.variant = new DetailView(document.getElementById('view-variant'));
    if (state.me.is_admin) {
        views.admin = new AdminView(document.getElementById('view-admin'));
    }
    views.search = new SearchView(document.getElementById('view-search'), searchBox);
}

let checkingRole = false;

/**
 * A sync follows every role change, so each one asks who the user is now: a user made viewer loses Generate and every
 * write action at once, an admin made user loses the Admin page, without a reload.
 */
async function refreshRole() {
    if (checkingRole) {
        return;
    }
    checkingRole = true;
    try {
        const me = await api('GET', '/api/auth/me');
        if (me.role !== state.me.role || me.is_admin !== state.me.is_admin) {
            state.me = me;
            document.getElementById('account-role').textContent = `Role: ${me.role}`;
            buildViews();
            route();
            showInfo(`Your role is now ${me.role}.`);
        }
    } catch (error) {
        console.warn('Docsfy: could not check the role after a sync:', error.message);
    } finally {
        checkingRole = false;
    }
}

async function main() {
    onUnauthenticated(() => toLogin('expired'));
    setUpThemeToggle(document.getElementById('theme-toggle'));
    try {
        [state.me, state.models, state.vocabulary] = await Promise.all([
            api('GET', '/api/auth/me'), api('GET', '/api/models'), api('GET', '/api/vocabulary')]);
    } catch (error) {
        if (error.status !== 401) {
            showError(`Docsfy could not load: ${error.message}`);
        }
        return;
    }
    setUpAccount({ hub, toLogin });
    buildViews();
    subscribe(change => {
        if (change.type === 'sync') {
            refreshRole();
        }
        for (const view of Object.values(views)) {
            if (!view.section.hidden) {
                view.update(change);
            }
        }
    });
    window.addEventListener('hashchange', () => {
        clearNotice();
        route();
        document.getElementById('main').focus({ preventScroll: true });
    });
    route();
    hub.start();
}

main();
