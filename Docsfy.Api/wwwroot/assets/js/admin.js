// Admin: users (create with a one-time key display, change role, rotate key, delete) and access grants per project
// and owner.
import { api, path } from './api.js';
import { confirmAction, showSecret } from './dialogs.js';
import { h, idFor, replaceKeepingFocus } from './dom.js';
import { runAction, showError, showInfo } from './notice.js';
import { state } from './store.js';

const ROLES = ['user', 'viewer', 'admin'];

export class AdminView {
    constructor(section) {
        this.section = section;
        this.users = [];
        this.usersTable = h('div', { id: 'users-table' });
        this.grants = h('div', { id: 'grant-list' });
        this.projectSelect = h('select', { id: 'access-project', name: 'project' });
        this.granteeSelect = h('select', { id: 'access-user', name: 'username' });
        this.projectSelect.addEventListener('change', () => this.loadGrants());
        section.append(
            h('h1', { id: 'admin-title', text: 'Admin' }),
            h('section', { class: 'panel', 'aria-labelledby': 'users-title' },
                h('h2', { id: 'users-title', text: 'Users' }),
                this.createUserForm(),
                this.usersTable),
            h('section', { class: 'panel', 'aria-labelledby': 'access-title' },
                h('h2', { id: 'access-title', text: 'Access' }),
                h('p', { class: 'hint', text: 'A grant shows every branch and model of one owner\'s project to another user.' }),
                h('div', { class: 'row' },
                    h('div', { class: 'stack grow' }, h('label', { for: 'access-project', text: 'Project (owner)' }), this.projectSelect)),
                this.grants,
                this.grantForm()));
    }

    show() {
        this.refreshProjects();
        this.loadUsers();
    }

    update(change) {
        if (change.type === 'sync') {
            this.refreshProjects();
        }
    }

    // ---- users ----

    createUserForm() {
        const username = h('input', { id: 'new-username', name: 'username', required: true, autocomplete: 'off', spellcheck: 'false',
            pattern: '[a-zA-Z0-9][a-zA-Z0-9._\\-]{1,49}', 'aria-describedby': 'new-username-hint' });
        const role = h('select', { id: 'new-role', name: 'role' }, ROLES.map(r => h('option', { value: r, text: r })));
        const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
        const form = h('form', { class: 'row form-card', novalidate: true, 'aria-label': 'Create user' },
            h('div', { class: 'stack grow' }, h('label', { for: 'new-username', text: 'New user' }), username,
                h('span', { class: 'hint', id: 'new-username-hint', text: '2–50 letters, digits, ".", "_" or "-".' })),
            h('div', { class: 'stack' }, h('label', { for: 'new-role', text: 'Role' }), role),
            h('div', { class: 'stack end' }, h('button', { type: 'submit', class: 'primary', text: 'Create user' })),
            error);
        form.addEventListener('submit', async event => {
            event.preventDefault();
            error.hidden = true;
            const button = form.querySelector('button[type="submit"]');
            button.disabled = true;
            try {
                const created = await api('POST', '/api/admin/users', { username: username.value.trim(), role: role.value });
                username.value = '';
                await this.loadUsers();
                await showSecret({
                    title: `API key of ${created.username}`,
                    intro: `Give this key to ${created.username} (role ${created.role}). It is shown only this once.`,
                    secret: created.api_key,
                });
            } catch (failure) {
                error.textContent = failure.message;
                error.hidden = false;
            } finally {
                button.disabled = false;
            }
        });
        return form;
    }

    async loadUsers() {
        try {
            this.users = (await api('GET', '/api/admin/users')).users;
        } catch (error) {
            showError(`Could not load the users: ${error.message}`);
            return;
        }
        this.renderUsers();
        this.refreshGrantees();
    }

    renderUsers() {
        replaceKeepingFocus(this.usersTable, () => this.users.length === 0
            ? h('p', { class: 'hint', text: 'No users yet. The built-in admin is not listed.' })
            : h('table', { class: 'table' },
                h('caption', { class: 'visually-hidden', text: 'Users' }),
                h('thead', {}, h('tr', {}, ['Username', 'Role', 'Created (UTC)', 'Actions'].map(t => h('th', { scope: 'col', text: t })))),
                h('tbody', {}, this.users.map(user => this.userRow(user)))));
    }

    userRow(user) {
        const id = idFor(user.username);
        const self = user.username.toLowerCase() === state.me.username.toLowerCase();
        const role = h('select', { id: `role-${id}`, 'aria-label': `Role of ${user.username}`, disabled: self },
            ROLES.map(r => h('option', { value: r, selected: r === user.role, text: r })));
        role.addEventListener('change', () => runAction(role, async () => {
            // Admin is everything, over everyone: asked first, never one slip of a select away.
            if (role.value === 'admin' && user.role !== 'admin' && !await confirmAction({
                title: `Make ${user.username} an admin?`,
                message: `${user.username} will see, change and delete every project and every user, including other `
                    + 'admins\' keys and roles.',
                confirmLabel: 'Make admin',
            })) {
                role.value = user.role;
                return;
            }
            try {
                const changed = await api('PATCH', path(['api', 'admin', 'users', user.username]), { role: role.value });
                user.role = changed.role;
                showInfo(`${user.username} is now ${changed.role}.`);
            } catch (error) {
                role.value = user.role;
                throw error;
            }
        }));
        return h('tr', { dataset: { user: user.username } },
            h('th', { scope: 'row', text: user.username }),
            h('td', { dataset: { label: 'Role' } }, role),
            h('td', { dataset: { label: 'Created' }, text: user.created_at }),
            h('td', {}, h('div', { class: 'actions' },
                h('button', { type: 'button', class: 'secondary small', id: `rotate-${id}`,
                    onclick: event => this.rotateKey(event.currentTarget, user) }, 'Rotate key'),
                self ? null : h('button', { type: 'button', class: 'danger small', id: `delete-${id}`,
                    onclick: event => this.deleteUser(event.currentTarget, user) }, 'Delete'))));
    }

    async rotateKey(button, user) {
        const confirmed = await confirmAction({
            title: `Rotate the key of ${user.username}?`,
            message: `Their current key stops working and their sessions end at once.`,
            confirmLabel: 'Rotate key',
        });
        if (confirmed) {
            await runAction(button, async () => {
                const rotated = await api('POST', path(['api', 'admin', 'users', user.username, 'rotate-key']));
                await showSecret({
                    title: `New API key of ${user.username}`,
                    intro: `Give this key to ${user.username}. It is shown only this once.`,
                    secret: rotated.new_api_key,
                });
            });
        }
    }

    async deleteUser(button, user) {
        const confirmed = await confirmAction({
            title: `Delete ${user.username}?`,
            message: `${user.username}, their sessions, their variants and their grants are deleted. This cannot be undone.`,
            confirmLabel: 'Delete user',
        });
        if (confirmed) {
            await runAction(button, async () => {
                await api('DELETE', path(['api', 'admin', 'users', user.username]));
                showInfo(`Deleted ${user.username}.`);
                await this.loadUsers();
            });
        }
    }

    // ---- access ----

    /** Every (project, owner) the admin sees, from the live sync. */
    refreshProjects() {
        const pairs = new Map();
        for (const variant of state.projects) {
            pairs.set(JSON.stringify([variant.name, variant.owner]), { name: variant.name, owner: variant.owner });
        }
        const previous = this.projectSelect.value;
        const sorted = [...pairs.entries()].sort(([a], [b]) => a.localeCompare(b));
        this.projectSelect.replaceChildren(
            h('option', { value: '', text: sorted.length ? 'Choose a project' : 'No projects yet' }),
            ...sorted.map(([value, { name, owner }]) => h('option', { value, selected: value === previous, text: `${name} (${owner})` })));
        if (this.projectSelect.value !== previous || previous) {
            this.loadGrants();
        }
    }

    selectedProject() {
        return this.projectSelect.value ? JSON.parse(this.projectSelect.value) : null;
    }

    async loadGrants() {
        const selected = this.selectedProject();
        this.refreshGrantees();
        if (!selected) {
            this.grants.replaceChildren();
            return;
        }
        const [name, owner] = selected;
        let grants;
        try {
            grants = await api('GET', path(['api', 'admin', 'projects', name, 'access'], { owner }));
        } catch (error) {
            showError(`Could not load who has access to ${name}: ${error.message}`);
            return;
        }
        if (JSON.stringify(this.selectedProject()) !== JSON.stringify(selected)) {
            return; // another project was chosen meanwhile
        }
        replaceKeepingFocus(this.grants, () => grants.users.length === 0
            ? h('p', { class: 'hint', text: `Only ${owner} and admins see ${name}.` })
            : h('ul', { class: 'grants', 'aria-label': `Users with access to ${name} of ${owner}` },
                h('li', { class: 'hint', text: `Besides ${owner} and admins, these users see ${name}:` }),
                grants.users.map(user =>
                h('li', { dataset: { grantee: user } },
                    h('span', { text: user }),
                    h('button', { type: 'button', class: 'danger small', id: `revoke-${idFor(name, owner, user)}`,
                        'aria-label': `Revoke access of ${user}`,
                        onclick: event => this.revoke(event.currentTarget, name, owner, user) }, 'Revoke')))));
    }

    refreshGrantees() {
        const selected = this.selectedProject();
        const owner = selected ? selected[1].toLowerCase() : '';
        const previous = this.granteeSelect.value;
        this.granteeSelect.replaceChildren(...this.users
            .filter(user => user.username.toLowerCase() !== owner)
            .map(user => h('option', { value: user.username, selected: user.username === previous, text: user.username })));
    }

    grantForm() {
        const form = h('form', { class: 'row form-card', novalidate: true, 'aria-label': 'Grant access' },
            h('div', { class: 'stack grow' }, h('label', { for: 'access-user', text: 'User' }), this.granteeSelect),
            h('div', { class: 'stack end' }, h('button', { type: 'submit', class: 'primary', text: 'Grant access' })));
        form.addEventListener('submit', event => {
            event.preventDefault();
            const selected = this.selectedProject();
            const button = form.querySelector('button[type="submit"]');
            runAction(button, async () => {
                if (!selected) {
                    throw new Error('Choose a project first.');
                }
                if (!this.granteeSelect.value) {
                    throw new Error('Choose the user to grant access to (create one above).');
                }
                const [name, owner] = selected;
                await api('POST', path(['api', 'admin', 'projects', name, 'access']), { username: this.granteeSelect.value, owner });
                showInfo(`${this.granteeSelect.value} can now see ${name} of ${owner}.`);
                await this.loadGrants();
            });
        });
        return form;
    }

    async revoke(button, name, owner, user) {
        const confirmed = await confirmAction({
            title: `Revoke access of ${user}?`,
            message: `${user} stops seeing ${name} of ${owner} at once.`,
            confirmLabel: 'Revoke',
        });
        if (confirmed) {
            await runAction(button, async () => {
                await api('DELETE', path(['api', 'admin', 'projects', name, 'access', user], { owner }));
                showInfo(`${user} no longer sees ${name} of ${owner}.`);
                await this.loadGrants();
            });
        }
    }
}
