// What a page is doing, watched for the whole run: its open requests, its navigations, and (through
// a hook installed before the page's own scripts) its pending short timers. The readings in
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
  Object.defineProperty(window, '__optoutTimers', { enumerable: false, value: () => [...pending.keys()] });
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
  const ended = (r: HTTPRequest) => {
    if (open.delete(r)) lastAt = Date.now();
  };
  // The answer ends the wait: a reload can drop the "finished" event of a request answered just before it.
  const answered = (response: HTTPResponse) => ended(response.request());
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

/** The ids of the frame's pending short timers (none when the page has no hook). */
export async function pendingTimers(frame: Frame): Promise<number[]> {
  try {
    const ids = await frame.evaluate('window.__optoutTimers ? window.__optoutTimers() : []');
    return Array.isArray(ids) ? ids.map(Number) : [];
  } catch {
    return [];
  }
}
