// The one /api/ws connection of the page: answers ping with pong, hands messages to the store, and on a dropped
// connection reconnects with bounded exponential backoff (the server sends a fresh sync on every connect).
import { api } from './api.js';
import { applyProgress, applyStatusChange, applySync } from './store.js';

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 15000;
// The server pings every 30 s; a connection silent for three times that is dead even if the browser has not noticed.
const SILENCE_LIMIT_MS = 90000;
const POLICY_VIOLATION = 1008;

export class Hub {
    /** @param onStatus called with {state: 'connecting'|'live'|'reconnecting', retryInMs?, reason?} */
    constructor(onStatus) {
        this.onStatus = onStatus;
        this.socket = null;
        this.attempt = 0;
        this.retryTimer = 0;
        this.silenceTimer = 0;
        this.stopped = false;
    }

    start() {
        this.stopped = false;
        this.connect();
    }

    /** No more reconnects (the session ended on purpose, e.g. after rotating one's own key). */
    stop() {
        this.stopped = true;
        clearTimeout(this.retryTimer);
        clearTimeout(this.silenceTimer);
        if (this.socket) {
            this.socket.close(1000, 'done');
        }
    }

    connect() {
        const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
        this.onStatus({ state: this.attempt === 0 ? 'connecting' : 'reconnecting' });
        const socket = new WebSocket(`${scheme}://${location.host}/api/ws`);
        this.socket = socket;
        socket.addEventListener('message', event => this.receive(socket, event));
        socket.addEventListener('close', event => this.closed(socket, event));
        this.expectTraffic(socket);
    }

    receive(socket, event) {
        this.expectTraffic(socket);
        let message;
        try {
            message = JSON.parse(event.data);
        } catch (error) {
            console.warn('Docsfy: ignored a hub message that is not JSON:', error.message);
            return;
        }
        switch (message.type) {
            case 'ping':
                socket.send(JSON.stringify({ type: 'pong' }));
                break;
            case 'sync':
                this.attempt = 0;
                applySync(message);
                this.onStatus({ state: 'live' });
                break;
            case 'progress':
                applyProgress(message);
                break;
            case 'status_change':
                applyStatusChange(message);
                break;
            default:
                console.warn('Docsfy: ignored a hub message of unknown type:', message.type);
        }
    }

    expectTraffic(socket) {
        clearTimeout(this.silenceTimer);
        this.silenceTimer = setTimeout(() => {
            if (socket === this.socket) {
                socket.close(4000, 'silent');
            }
        }, SILENCE_LIMIT_MS);
    }

    async closed(socket, event) {
        if (socket !== this.socket || this.stopped) {
            return;
        }
        clearTimeout(this.silenceTimer);
        this.socket = null;
        let reason = `the connection closed (${event.code})`;
        if (event.code === POLICY_VIOLATION) {
            // Refused: find out whether the session is gone (api() then sends the page to the login page).
            try {
                await api('GET', '/api/auth/me');
                reason = 'the server refused the live connection';
            } catch (error) {
                reason = error.message;
            }
        }
        if (this.stopped) {
            return;
        }
        const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.attempt);
        const retryInMs = Math.round(delay * (0.75 + Math.random() * 0.5));
        this.attempt += 1;
        this.onStatus({ state: 'reconnecting', retryInMs, reason });
        this.retryTimer = setTimeout(() => this.connect(), retryInMs);
    }
}
