// When a reading of the page can be trusted. Many settings pages first draw a control in a default
// state and set the real one a moment later (from a fetch, or a timer after hydration); a reading
// taken in between would report "off" for a setting the server keeps on. So a reading counts only
// once the page has settled (document complete, no busy or loading indicator, no request in flight
// for a short quiet window, the short timers that were pending have fired) and the same reading has
// held across that quiet interval. A page that never settles within the step's time is not read.
import type { Frame, Page } from 'puppeteer-core';
import { type Activity, pendingTimers, scriptsWaiting } from './activity.ts';
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
  /** Whether timers set during the quiet interval were added once already (see steadyReading). */
  extended: boolean;
  /** Set when the timers were seen fired: the next reading, taken after that, is the one that counts. */
  timersFired: boolean;
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
    const frames = [...new Set([page.mainFrame(), frame])];
    const states = await Promise.all(frames.map((f) => pageState(f)));
    const waiting = (await Promise.all(frames.map((f) => scriptsWaiting(f)))).reduce((a, b) => a + b, 0);
    const calm = states.every((s) => s.settled) && activity.inflight() === 0 && waiting === 0;
    let streak = streaks.get(page);
    if (!calm) {
      why =
        activity.inflight() > 0
          ? 'requests were still open'
          : waiting > 0
            ? 'its scripts were still waiting for data'
            : 'it still showed a busy or loading indicator';
      streaks.delete(page);
    } else if (!streak || streak.reading !== key || streak.navigations !== activity.navigations() || activity.lastAt() > streak.since) {
      if (streak && streak.reading !== key && streak.navigations === activity.navigations()) why = 'the setting changed while it loaded';
      streak = { since: now, reading: key, navigations: activity.navigations(), timers: await pendingTimers(frame), extended: false, timersFired: false };
      streaks.set(page, streak);
    } else if (now - streak.since >= QUIET_MS) {
      const pending = await pendingTimers(frame);
      const fresh = pending.filter((id) => !streak!.timers.includes(id));
      if (streak.timers.some((id) => pending.includes(id))) why = 'timers it had set were still pending';
      else if (fresh.length > 0 && !streak.extended) {
        // Timers set during the quiet interval (a script that ran after its data arrived, "show the
        // real state in 1.5 s") are waited for too, once: a page that sets one timer after another
        // (a poll, an animation) would otherwise never count as settled.
        streak.timers = fresh;
        streak.extended = true;
        streak.since = now;
        why = 'timers it had set were still pending';
      } else if (!streak.timersFired) {
        // A timer may have fired between this reading and this check (and changed the control):
        // one more reading, taken after the check, decides.
        streak.timersFired = true;
      } else return value;
    }
    if (Date.now() > deadline) {
      throw new StepFailure(`${opts.what} did not settle within ${timeoutMs} ms (${why}), so no reading of it is trusted`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
