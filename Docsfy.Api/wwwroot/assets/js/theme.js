// The light/dark switch; the choice is remembered in this browser (theme-init.js applies it on load).
const KEY = 'docsfy-theme';

export function setUpThemeToggle(button) {
    const show = () => {
        const dark = document.documentElement.dataset.theme === 'dark';
        button.textContent = 'Dark theme';
        button.setAttribute('aria-pressed', String(dark));
    };
    button.addEventListener('click', () => {
        const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
        document.documentElement.dataset.theme = next;
        try {
            localStorage.setItem(KEY, next);
        } catch (error) {
            console.warn('Docsfy: could not remember the theme:', error.message);
        }
        show();
    });
    show();
}
