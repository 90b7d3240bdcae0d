// Building DOM from data. Everything that comes from the server becomes text nodes or attribute values, never HTML.

/**
 * h('a', { href: '#/x', class: 'link', onclick: fn }, 'text', child) creates an element. Props: `class`, `text`
 * (textContent), `dataset`, `on<event>` listeners, `true` for boolean attributes, `false`/`null`/`undefined` to omit.
 */
export function h(tag, props = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name === 'class') {
            element.className = value;
        } else if (name === 'text') {
            element.textContent = value;
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.slice(2), value);
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children) {
        if (Array.isArray(child)) {
            append(element, child);
        } else if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
}

/**
 * Replaces the children of `container` with what `build` returns, keeping keyboard focus on the element with the same
 * id if focus was inside: live updates must not throw a keyboard user out of the page.
 */
export function replaceKeepingFocus(container, build) {
    const focused = document.activeElement;
    const focusedId = focused && container.contains(focused) ? focused.id : '';
    container.replaceChildren(...[build()].flat(Infinity).filter(Boolean));
    if (focusedId) {
        const again = document.getElementById(focusedId);
        if (again) {
            again.focus({ preventScroll: true });
        }
    }
}

/** A stable id fragment for any text (ids must not depend on characters a selector would need to escape). */
export function idFor(...parts) {
    let hash = 5381;
    for (const char of parts.join('\u0000')) {
        hash = ((hash * 33) ^ char.codePointAt(0)) >>> 0;
    }
    return hash.toString(36);
}
