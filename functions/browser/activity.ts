// What a page is doing, watched for the whole run: its open requests, its navigations, and (through
// a hook installed before the page's own scripts) its pending short timers and the fetches its
// scripts still wait on. The readings in
// settle.ts wait on these before they trust what a control shows.
import type { Frame, HTTPRequest, HTTPResponse, Page } from 'puppeteer-core';

/** Timers up to this delay are waited for (hydration, "render after 1.5 s"); longer ones are not loading. */
const TIMER_CAP_MS = 3_000;
/** A request open longer than this is a long poll or a stream, not the page loading. */
const LONG_REQUEST_MS = 5_000;

/**
 * Installed in every document before its scripts run: counts the page's pending short timers, so
 * that "render the real state after 1.5 s" is waited for. A string, not a function: the test
 * runner's transpiler can add helpers that a page does not have.
 */
export const TIMER_HOOK = `(() => {
  if (window.__optoutTimers) return;
  const pending = new Map();
  const set = window.setTimeout; const clear = window.clearTimeout;
  const wrapped = function (handler, ms) {
    if (typeof handler !== 'function') return set.apply(window, arguments);
    const args = Array.prototype.slice.call(arguments, 2);
    const delay = Number(ms) || 0;
    const id = set.call(window, function () { pending.delete(id); return handler.apply(this, arguments); }, ms, ...args);
    if (delay <= ${TIMER_CAP_MS}) pending.set(id, true);
    return id;
  };
  const cleared = function (id) { pending.delete(id); return clear.call(window, id); };
  wrapped.toString = () => 'function setTimeout() { [native code] }';
  cleared.toString = () => 'function clearTimeout() { [native code] }';
  window.setTimeout = wrapped; window.clearTimeout = cleared;
  // Fetches and body reads the page's scripts wait on: each counts until a task after it settled, so
  // the script's own continuation (which may show the real state, or set a timer) has run by then.
  // One open longer than a long request (a long poll, a stream read to its end) is not loading.
  const working = new Map();
  let next = 0;
  const track = (promise) => {
    const id = next++;
    working.set(id, Date.now());
    const done = () => { set.call(window, () => { working.delete(id); }, 0); };
    promise.then(done, done);
    return promise;
  };
  if (typeof window.fetch === 'function') {
    const fetch = window.fetch;
    window.fetch = function () { return track(fetch.apply(this, arguments)); };
    window.fetch.toString = () => 'function fetch() { [native code] }';
  }
  if (window.Response) {
    for (const name of ['json', 'text', 'arrayBuffer', 'blob', 'formData']) {
      const read = Response.prototype[name];
      if (typeof read === 'function') Response.prototype[name] = function () { return track(read.apply(this, arguments)); };
    }
  }
  Object.defineProperty(window, '__optoutTimers', { enumerable: false, value: () => [...pending.keys()] });
  Object.defineProperty(window, '__optoutWorking', {
    enumerable: false,
    value: () => [...working.values()].filter((since) => Date.now() - since < ${LONG_REQUEST_MS}).length,
  });
})()`;

/** What the page's network and navigation did, as the run's readings need it. */
export interface Activity {
  /** Requests open now (long polls and streams excepted). */
  inflight(): number;
  /** When a request last started or ended (ms since epoch). */
  lastAt(): number;
  /** Counts navigations of any frame, so a reading of an earlier document is never reused. */
  navigations(): number;
  stop(): void;
}

export function watchActivity(page: Page): Activity {
  const open = new Map<HTTPRequest, number>();
  let lastAt = Date.now();
  let navs = 0;
  const started = (r: HTTPRequest) => {
    open.set(r, Date.now());
    lastAt = Date.now();
  };
  // Also when the request was already counted as answered: its body has only now arrived, and the
  // page's script that reads it (and may set the real state, or a timer) runs just after this.
  const ended = (r: HTTPRequest) => {
    open.delete(r);
    lastAt = Date.now();
  };
  // The answer ends the wait: a reload can drop the "finished" event of a request answered just before it.
  const answered = (response: HTTPResponse) => {
    if (open.delete(response.request())) lastAt = Date.now();
  };
  const navigated = (frame: Frame) => {
    navs++;
    // A new main document: the requests of the old one will never report back.
    if (frame === page.mainFrame()) open.clear();
  };
  page.on('request', started).on('response', answered).on('requestfinished', ended).on('requestfailed', ended).on('framenavigated', navigated);
  return {
    inflight() {
      const now = Date.now();
      let n = 0;
      for (const since of open.values()) if (now - since < LONG_REQUEST_MS) n++;
      return n;
    },
    lastAt: () => lastAt,
    navigations: () => navs,
    stop() {
      page.off('request', started).off('response', answered).off('requestfinished', ended).off('requestfailed', ended).off('framenavigated', navigated);
    },
  };
}

/** How many fetches and body reads the frame's scripts still wait on (0 when the page has no hook). */
export async function scriptsWaiting(frame: Frame): Promise<number> {
  try {
    return Number(await frame.evaluate('window.__optoutWorking ? window.__optoutWorking() : 0')) || 0;
  } catch {
    return 0;
  }
}

/** The ids of the frame's pending short timers (none when the page has no hook). */
export async function pendingTimers(frame: Frame): Promise<number[]> {
  try {
    const ids = await frame.evaluate('window.__optoutTimers ? window.__optoutTimers() : []');
    return Array.isArray(ids) ? ids.map(Number) : [];
  } catch {
    return [];
  }
}
