// One playbook run on one guarded page: what the step handlers share (the page, the person's
// language, readings, screenshots, what is known about the setting) and the waiting that watches for
// login, CAPTCHA and two-factor walls meanwhile.
import type { CookieParam, ElementHandle, Frame, Page } from 'puppeteer-core';
import type { Playbook } from '../core/providers/playbook.ts';
import type { Guard } from './launch.ts';
import { type Activity, watchActivity } from './activity.ts';
import { normalise } from './vocabulary.ts';

export type Wall = 'login' | 'captcha' | 'two_factor';

export interface PlaybookContext {
  /** Values for {{placeholders}} in fill steps: identifier, name, email, reference, letterText. */
  values: Record<string, string>;
  /** The person's session for the provider (never logged). */
  cookies: CookieParam[];
  /** Wait limit for steps that give none; 15 s by default. */
  defaultTimeoutMs?: number;
  /** The person's language: the setting's labels in it are tried first (then the others). */
  lang?: string;
  /** Find and read the setting, change nothing (`optout apply --dry-run`). */
  dryRun?: boolean;
}

/** A step could not do its job; the message names the control or text that was missing. */
export class StepFailure extends Error {}

/** The page put up a wall that a person has to get past. */
export class WallHit extends Error {
  constructor(
    readonly wall: Wall,
    readonly evidence: string,
  ) {
    super(`${wall} wall (${evidence})`);
  }
}

/** Something a careful person would also have to stop at (a disabled control, a consent-only banner). */
export class HandOver extends Error {}

/** The setting's control as found on the page. */
export interface ControlInfo {
  name: string;
  kind: 'switch' | 'checkbox' | 'toggle button';
  on: boolean | null;
  disabled: boolean;
  /** Text around the control (its row), to quote why it is disabled. */
  around: string;
  match: 'exact' | 'prefix';
  lang: string;
  label: string;
  /** Found by the setting's inverse wording: on means the opposite of onMeans. */
  inverted: boolean;
}

export interface Located {
  el: ElementHandle<Element>;
  info: ControlInfo;
  frame: Frame;
}

export interface Run {
  page: Page;
  guard: Guard;
  playbook: Playbook;
  ctx: PlaybookContext;
  timeoutMs: number;
  /** Languages in the order their labels are tried: the person's first. */
  langs: string[];
  readings: Record<string, boolean>;
  screenshots: { label: string; png: Buffer }[];
  /** What the setting steps know; only readBack may set provenOff. */
  toggle: { touched: boolean; switched: boolean; wouldSwitch: boolean; reloadedSinceSwitch: boolean; provenOff: boolean };
  /** Dialog texts answered on this document (cookie banners, notices), so none is answered twice; a reload clears it. */
  answered: Set<string>;
  /** Requests and navigations of the page, for readings that wait until it settled (settle.ts). */
  activity: Activity;
  /** Set while the switch waits for its confirmation: a native confirm() may then be accepted by meaning. */
  expectingConfirm: boolean;
  /** A native alert/confirm/prompt the engine dismissed; the run hands over, quoting it. */
  nativeDialog: string | null;
  /** Clicks an element, giving up after the step time (a click can block while the page is busy). */
  click(el: ElementHandle<Element>, what: string, timeoutMs?: number): Promise<void>;
  /** Stops watching the page. */
  close(): void;
  screenshot(label: string): Promise<void>;
  /** Polls until found() returns a value, watching for walls meanwhile; gives up after timeoutMs. */
  waitFor<T>(found: () => Promise<T | null>, timeoutMs: number, missing: () => string): Promise<T>;
  checkWall(): Promise<void>;
  /** The page's URL on the provider's origin (for messages). */
  where(): string;
  /** The main frame and the frames of the same origin (where a setting may live). */
  frames(): Frame[];
}

const POLL_MS = 150;
const CAPTCHA_VENDORS = /recaptcha|hcaptcha\.com|challenges\.cloudflare\.com|arkoselabs|funcaptcha|captcha-delivery|px-captcha/i;
const LOGIN_PATHS = /\/(login|signin|sign-in|log-in|uas\/login|i\/flow\/login|accounts\/login)(\/|$|\?)/i;

interface PageProbe {
  url: string;
  text: string;
  passwordField: boolean;
  oneTimeCodeField: boolean;
  captchaFrames: string[];
}

// A string, not a function: the test runner's transpiler can add helpers that a page does not have.
const PROBE_SCRIPT = `(() => {
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  return {
    url: location.href,
    text: (document.body ? document.body.innerText : '').slice(0, 50000),
    passwordField: [...document.querySelectorAll('input[type=password]')].some(visible),
    oneTimeCodeField: [...document.querySelectorAll('input[autocomplete=one-time-code]')].some(visible),
    captchaFrames: [...document.querySelectorAll('iframe')].map((f) => f.getAttribute('src') || '').filter(Boolean),
  };
})()`;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Languages to try: the person's first, then those the setting has labels for. */
function languageOrder(playbook: Playbook, lang: string | undefined): string[] {
  const known = Object.keys(playbook.setting?.labels ?? {});
  return [...new Set([...(lang ? [lang] : []), 'en', ...known])];
}

export function createRun(page: Page, guard: Guard, playbook: Playbook, ctx: PlaybookContext, timeoutMs: number): Run {
  async function probe(): Promise<PageProbe | null> {
    try {
      return (await page.evaluate(PROBE_SCRIPT)) as PageProbe;
    } catch {
      return null; // mid-navigation: the next probe sees the new page
    }
  }

  const run: Run = {
    page,
    guard,
    playbook,
    ctx,
    timeoutMs,
    langs: languageOrder(playbook, ctx.lang),
    readings: {},
    screenshots: [],
    toggle: { touched: false, switched: false, wouldSwitch: false, reloadedSinceSwitch: false, provenOff: false },
    answered: new Set(),
    activity: watchActivity(page),
    expectingConfirm: false,
    nativeDialog: null,
    async click(el, what, clickMs = timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const clicked = el.click();
      clicked.catch(() => undefined); // settled below, or abandoned after the time limit
      try {
        await Promise.race([
          clicked,
          new Promise<never>((_resolve, reject) => {
            timer = setTimeout(() => reject(new StepFailure(`clicking ${what} did not return within ${clickMs} ms`)), clickMs);
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      run.activity.stop();
    },
    async screenshot(label) {
      try {
        run.screenshots.push({ label, png: Buffer.from(await page.screenshot({ type: 'png' })) });
      } catch {
        // A crashed or closed page has nothing to show; the reason still tells what happened.
      }
    },
    async checkWall() {
      if (run.nativeDialog) throw new HandOver(run.nativeDialog);
      const p = await probe();
      const wall = p && findWall(p);
      if (wall) throw wall;
    },
    async waitFor(found, waitMs, missing) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const value = await found().catch((err: unknown) => {
          if (err instanceof StepFailure || err instanceof HandOver || err instanceof WallHit) throw err;
          return null;
        });
        if (value !== null) return value;
        await run.checkWall();
        if (Date.now() > deadline) throw new StepFailure(missing());
        await sleep(POLL_MS);
      }
    },
    where: () => guard.providerUrl(page.url()),
    frames() {
      const origin = new URL(page.url()).origin;
      return page.frames().filter((f) => {
        try {
          return f === page.mainFrame() || new URL(f.url()).origin === origin;
        } catch {
          return false;
        }
      });
    },
  };

  function findWall(p: PageProbe): WallHit | null {
    const text = normalise(p.text);
    const said = (phrases: string[]) => phrases.find((phrase) => phrase && text.includes(normalise(phrase)));
    const frame = p.captchaFrames.find((src) => CAPTCHA_VENDORS.test(src));
    const blockedCaptcha = guard.blockedRequests.find((u) => CAPTCHA_VENDORS.test(u));
    const captchaText = said(playbook.walls.captcha);
    if (frame || captchaText || blockedCaptcha) {
      return new WallHit(
        'captcha',
        frame ? `a frame from ${new URL(frame, p.url).host}` : captchaText ? `the page says "${captchaText}"` : `a request to ${blockedCaptcha}`,
      );
    }
    const codeText = said(playbook.walls.twoFactor);
    if (p.oneTimeCodeField || codeText) {
      return new WallHit('two_factor', codeText ? `the page says "${codeText}"` : 'a one-time code field');
    }
    const loginText = said(playbook.walls.login);
    const path = new URL(guard.providerUrl(p.url)).pathname;
    if (p.passwordField || loginText || LOGIN_PATHS.test(path)) {
      return new WallHit('login', loginText ? `the page says "${loginText}"` : p.passwordField ? 'a password field' : `the login page ${path}`);
    }
    return null;
  }

  return run;
}
