// Where the login page may send the browser afterwards. The browser's own URL parser decides, because it is what will
// navigate: it removes tabs and newlines anywhere ("/\t/evil.example" becomes "//evil.example", another site) and
// reads "\" as "/". Anything that does not resolve to this page's origin goes home. The server applies the same rule
// (LoginRedirect.SafeNext).

/** The path, query and fragment of `next` as parsed against this origin, or "/" when it leaves this origin. */
export function safeNext(next, origin = location.origin) {
    if (typeof next !== 'string' || !next.startsWith('/')) {
        return '/';
    }
    let url;
    try {
        url = new URL(next, origin);
    } catch {
        return '/';
    }
    return url.origin === origin ? url.pathname + url.search + url.hash : '/';
}
