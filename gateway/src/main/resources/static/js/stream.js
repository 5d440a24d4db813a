// A WebSocket stream of the gateway that reconnects by itself.
//
// Backtest streams resume exactly: the highest seq received is sent back as ?from_seq=N, so nothing is seen twice and
// nothing is missed (README "Exact resume on any node"). Live streams (market-data, live-trading) start again with a
// fresh snapshot. Close codes after which reconnecting cannot help end the stream: 1000 (the run ended), 4400 (bad
// request), 4401 (token missing or expired), 4403 (forbidden), 4404 (unknown stream). Everything else — 1001
// (gateway shutting down), 1006 (connection dropped), 4408 (slow consumer), 4410 (unresponsive), 4429, 4500 — is
// followed by a reconnect with backoff.

import {token, wsUrl} from './api.js';

export const TERMINAL_CODES = new Set([1000, 4400, 4401, 4403, 4404]);

const CLOSE_MEANINGS = {
  1000: 'stream ended',
  1001: 'gateway shutting down',
  1006: 'connection dropped',
  1009: 'frame too large',
  4400: 'bad request',
  4401: 'token missing or expired',
  4403: 'forbidden',
  4404: 'unknown stream',
  4408: 'slow consumer',
  4410: 'unresponsive',
  4429: 'too many connections or messages',
  4500: 'gateway lost its Kafka reader',
};

export function closeMeaning(code) {
  return CLOSE_MEANINGS[code] || 'closed';
}

export class Stream {
  /**
   * @param {object} options
   * @param {string} options.path   e.g. 'api/ws/stream/backtest/<id>'
   * @param {object} [options.query] extra query parameters
   * @param {boolean} [options.resume] send ?from_seq=<last seq> on reconnect (backtest streams)
   * @param {number} [options.fromSeq] seq to start after (0 = everything)
   * @param {(msg: object) => void} options.onEvent every message, duplicates (seq ≤ last) removed
   * @param {(status: object) => void} [options.onStatus] connection state changes
   */
  constructor({path, query = {}, resume = false, fromSeq = 0, onEvent, onStatus = () => {}}) {
    Object.assign(this, {path, query, resume, onEvent, onStatus});
    this.lastSeq = fromSeq;
    this.reconnects = 0;
    this.failures = 0;
    this.stopped = false;
    this.ended = false;
    this.ws = null;
    this.timer = null;
  }

  start() {
    this.connect();
    return this;
  }

  connect() {
    if (this.stopped) return;
    const query = {...this.query};
    if (this.resume && this.lastSeq > 0) query.from_seq = this.lastSeq;
    const url = wsUrl(this.path, query);
    const bearer = token();
    let ws;
    try {
      // The token travels as a subprotocol ("bearer", <token>), never in the URL (no token in access logs).
      ws = bearer ? new WebSocket(url, ['bearer', bearer]) : new WebSocket(url);
    } catch (e) {
      this.status({state: 'error', message: e.message});
      return;
    }
    this.ws = ws;
    const resumedFrom = query.from_seq;
    this.status({state: 'connecting', url: url.replace(/access_token=[^&]*/, 'access_token=…'), fromSeq: resumedFrom});
    ws.onmessage = (message) => {
      let msg;
      try {
        msg = JSON.parse(message.data);
      } catch {
        return;
      }
      if (msg.type === 'connected') {
        this.failures = 0;
        this.status({state: 'live', reconnects: this.reconnects, fromSeq: resumedFrom, connected: msg.data});
      }
      if (typeof msg.seq === 'number' && msg.stream === 'backtest') {
        if (msg.seq <= this.lastSeq) return; // already had it (the gateway never repeats, but a rerun attempt may)
        this.lastSeq = msg.seq;
      }
      this.onEvent(msg);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      const code = event.code;
      if (this.stopped) {
        this.status({state: 'stopped', code});
        return;
      }
      if (TERMINAL_CODES.has(code)) {
        this.ended = true;
        this.status({state: code === 1000 ? 'ended' : 'failed', code, reason: event.reason || closeMeaning(code)});
        return;
      }
      this.failures++;
      const delay = Math.min(15000, (code === 4429 ? 5000 : 400) * 2 ** Math.min(this.failures - 1, 5));
      this.reconnects++;
      this.status({state: 'reconnecting', code, reason: event.reason || closeMeaning(code), delay,
        attempt: this.reconnects, fromSeq: this.resume ? this.lastSeq : undefined});
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }

  /** Closes for good (no reconnect). */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.ws) {
      const ws = this.ws;
      ws.onmessage = null;
      try {
        ws.close(1000, 'client closed');
      } catch { /* already closing */ }
    }
  }

  /** Drops the connection as a network failure would, to show (and test) the automatic resume. */
  drop() {
    if (this.ws) this.ws.close(4000, 'dropped by the user');
  }

  status(s) {
    this.onStatus({...s, lastSeq: this.lastSeq, reconnects: this.reconnects});
  }
}

/** Reads a whole finished backtest stream: resolves with its events (seq order) when the gateway closes it with 1000. */
export function collectRun(id, {onProgress} = {}) {
  return new Promise((resolve, reject) => {
    const events = [];
    const stream = new Stream({
      path: `api/ws/stream/backtest/${encodeURIComponent(id)}`,
      resume: true,
      onEvent: (msg) => {
        if (typeof msg.seq === 'number') {
          events.push(msg);
          if (onProgress && events.length % 200 === 0) onProgress(events.length);
        }
      },
      onStatus: (s) => {
        if (s.state === 'ended') resolve(events);
        else if (s.state === 'failed') reject(new Error(`${id}: ${s.code} ${s.reason}`));
      },
    });
    stream.start();
  });
}

/** Describes a status for the connection badge, e.g. "live · reconnected 2× (resumed after seq 812)". */
export function describe(s, {resumable = true} = {}) {
  const again = s.reconnects > 0 ? ` · reconnected ${s.reconnects}×` + (resumable && s.fromSeq ? ` (resumed after seq ${s.fromSeq})` : '') : '';
  switch (s.state) {
    case 'connecting':
      return s.fromSeq ? `connecting (from seq ${s.fromSeq})…` : 'connecting…';
    case 'live':
      return `live${again}`;
    case 'reconnecting':
      return `connection lost (${s.code} ${s.reason}) · reconnecting in ${(s.delay / 1000).toFixed(1)} s` +
        (resumable && s.fromSeq ? ` from seq ${s.fromSeq}` : '');
    case 'ended':
      return `ended (1000)${again}`;
    case 'failed':
      return `closed: ${s.code} ${s.reason}`;
    case 'stopped':
      return 'stopped';
    default:
      return s.message || s.state;
  }
}
