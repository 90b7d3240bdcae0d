// Runs before the page paints (a classic script in <head>), so a dark theme never flashes light first.
(function () {
    var theme = null;
    try {
        theme = localStorage.getItem('docsfy-theme');
    } catch (error) {
        // Storage may be blocked (privacy settings): the system preference applies.
        console.warn('Docsfy: theme preference unavailable:', error.message);
    }
    if (theme !== 'light' && theme !== 'dark') {
        theme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    }
    document.documentElement.dataset.theme = theme;
})();
