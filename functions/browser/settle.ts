// When a reading of the page can be trusted. Many settings pages first draw a control in a default
// state and set the real one a moment later (from a fetch, or a timer after hydration); a reading
// taken in between would report "off" for a setting the server keeps on. So a reading counts only
// once the page has settled (document complete, no busy or loading indicator, no request in flight
// for a short quiet window, the short timers that were pending have fired) and the same reading has
// held across that quiet interval. A page that never settles within the step's time is not read.
import type { Frame, Page } from 'puppeteer-core';
import { type Activity, pendingTimers } from './activity.ts';
import { pageState } from './page-toolkit.ts';
import { StepFailure } from './run.ts';

/** How long the network must stay quiet, with the same reading, before the reading counts. */
export const QUIET_MS = 250;
const POLL_MS = 50;

interface Streak {
  since: number;
  reading: string;
  navigations: number;
  /** Short timers pending when the reading was first seen: the reading counts once they all fired. */
  timers: number[];
}

/** The current run of equal readings, per page: a reading taken just before can count for the next step. */
const streaks = new WeakMap<Page, Streak>();

export interface SteadyOptions {
  page: Page;
  activity: Activity;
  timeoutMs: number;
  /** What the page did not do in time, for the failure message. */
  what: string;
}

/**
 * Reads until the page has settled and `read` has given the same answer across a quiet interval;
 * returns the last reading. `key` says what counts as "the same" (the control's name and state).
 */
export async function steadyReading<T>(opts: SteadyOptions, read: (remainingMs: number) => Promise<{ value: T; key: string; frame: Frame }>): Promise<T> {
  const { page, activity, timeoutMs } = opts;
  const deadline = Date.now() + timeoutMs;
  let why = 'it kept loading';
  for (;;) {
    const { value, key, frame } = await read(Math.max(deadline - Date.now(), 1));
    const now = Date.now();
    const states = await Promise.all([...new Set([page.mainFrame(), frame])].map((f) => pageState(f)));
    const calm = states.every((s) => s.settled) && activity.inflight() === 0;
    let streak = streaks.get(page);
    if (!calm) {
      why = activity.inflight() > 0 ? 'requests were still open' : 'it still showed a busy or loading indicator';
      streaks.delete(page);
    } else if (!streak || streak.reading !== key || streak.navigations !== activity.navigations() || activity.lastAt() > streak.since) {
      if (streak && streak.reading !== key && streak.navigations === activity.navigations()) why = 'the setting changed while it loaded';
      streak = { since: now, reading: key, navigations: activity.navigations(), timers: await pendingTimers(frame) };
      streaks.set(page, streak);
    } else if (now - streak.since >= QUIET_MS) {
      const pending = new Set(await pendingTimers(frame));
      if (!streak.timers.some((id) => pending.has(id))) return value;
      why = 'timers it had set were still pending';
    }
    if (Date.now() > deadline) {
      throw new StepFailure(`${opts.what} did not settle within ${timeoutMs} ms (${why}), so no reading of it is trusted`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
