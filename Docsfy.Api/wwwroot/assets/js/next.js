// Where the login page may send the browser afterwards. The browser's own URL parser decides, because it is what will
// navigate: it removes tabs and newlines anywhere ("/\t/evil.example" becomes "//evil.example", another site) and
// reads "\" as "/", and it removes dot segments. Anything that does not resolve to a path of this origin goes home. The server applies the same rule
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
    // Dot segments can leave a path that starts with "//" ("/..//evil.example", also "%2e%2e"): navigating to that
    // path would be a protocol-relative URL, another site again.
    return url.origin === origin && !url.pathname.startsWith('//') ? url.pathname + url.search + url.hash : '/';
}
