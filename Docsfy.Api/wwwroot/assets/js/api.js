// The REST client. Every failure becomes an ApiError whose message is readable as it is: the server's {"detail"} when
// it sent one, otherwise a sentence saying what happened.

export class ApiError extends Error {
    /** `field`: the request body's field the server found at fault ({"detail", "field"}), when it named one. */
    constructor(status, message, field = null) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.field = field;
    }
}

let unauthenticated = () => {};

/** What to do when the server says the session is gone (401): the dashboard goes back to the login page. */
export function onUnauthenticated(handler) {
    unauthenticated = handler;
}

export async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
        response = await fetch(path, {
            method,
            headers,
            credentials: 'same-origin',
            cache: 'no-store',
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    } catch (error) {
        throw new ApiError(0, `The server cannot be reached (${error.message}). Check that Docsfy is running and try again.`);
    }
    const data = await readJson(response);
    if (!response.ok) {
        if (response.status === 401) {
            unauthenticated();
        }
        throw new ApiError(response.status, errorText(response, data), typeof data?.field === 'string' ? data.field : null);
    }
    return data;
}

async function readJson(response) {
    const text = await response.text();
    if (!text) {
        return null;
    }
    try {
        return JSON.parse(text);
    } catch (error) {
        if (response.ok) {
            throw new ApiError(response.status, `The server's answer is not JSON (${error.message}).`);
        }
        return null; // An error page that is not JSON: errorText describes the status instead.
    }
}

function errorText(response, data) {
    if (data && typeof data.detail === 'string' && data.detail) {
        return data.detail;
    }
    const reason = response.statusText ? ` ${response.statusText}` : '';
    return `The server answered ${response.status}${reason}.`;
}

/** A URL path from segments, each encoded, plus an optional query. */
export function path(segments, query = {}) {
    const url = '/' + segments.map(encodeURIComponent).join('/');
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
        if (value !== null && value !== undefined && value !== '') {
            params.set(name, value);
        }
    }
    const search = params.toString();
    return search ? `${url}?${search}` : url;
}
