// The one generic engine that runs a provider's playbook on a guarded page. It finds controls the way a
// person does (accessible role + name, or visible text), reports success only from a read-back, and
// stops with needs_user_action at login, CAPTCHA and two-factor walls instead of guessing.
import type { CookieParam, ElementHandle, Page } from 'puppeteer-core';
import type { Playbook, PlaybookControl, PlaybookStep } from '../core/providers/playbook.ts';
import { guardOf } from './launch.ts';

export type Wall = 'login' | 'captcha' | 'two_factor';

export interface PlaybookResult {
  outcome: 'done' | 'already_off' | 'needs_user_action' | 'failed';
  reason: string;
  wall?: Wall;
  /** 1-based number of the step that failed or met a wall. */
  failedStep?: number;
  readings: Record<string, boolean>;
  screenshots: { label: string; png: Buffer }[];
  blockedRequests: string[];
}

export interface PlaybookContext {
  /** Values for {{placeholders}} in fill steps: identifier, name, email, reference, letterText. */
  values: Record<string, string>;
  /** The person's session for the provider (never logged). */
  cookies: CookieParam[];
  /** Wait limit for steps that give none; 15 s by default. */
  defaultTimeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const COOKIE_BANNER_TIMEOUT_MS = 3_000;
const POLL_MS = 150;
const CAPTCHA_VENDORS = /recaptcha|hcaptcha\.com|challenges\.cloudflare\.com|arkoselabs|funcaptcha|captcha-delivery|px-captcha/i;
const LOGIN_PATHS = /\/(login|signin|sign-in|log-in|uas\/login|i\/flow\/login|accounts\/login)(\/|$|\?)/i;

/** A step could not do its job; the message names the control or text that was missing. */
class StepFailure extends Error {}

/** The page put up a wall that a person has to get past. */
class WallHit extends Error {
  constructor(
    readonly wall: Wall,
    readonly evidence: string,
  ) {
    super(`${wall} wall (${evidence})`);
  }
}

function describeControl(control: PlaybookControl): string {
  return 'role' in control ? `${control.role} "${control.name}"` : `text "${control.text}"`;
}

function selectorFor(control: PlaybookControl): string {
  if ('role' in control) {
    const name = control.name.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    return `::-p-aria([name="${name}"][role="${control.role}"])`;
  }
  return `::-p-text(${JSON.stringify(control.text)})`;
}

/** Whitespace and typographic apostrophes vary between pages and help articles. */
function normalise(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Replaces {{name}} placeholders; returns the names that had no (or an empty) value. */
export function fillTemplate(template: string, values: Record<string, string>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = template.replace(/\{\{\s*([A-Za-z][\w]*)\s*\}\}/g, (_m, key: string) => {
    const value = values[key];
    if (value === undefined || value === '') missing.push(key);
    return value ?? '';
  });
  return { text, missing };
}

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

export async function runPlaybook(page: Page, playbook: Playbook, ctx: PlaybookContext): Promise<PlaybookResult> {
  const guard = guardOf(page);
  if (!guard) throw new Error('runPlaybook needs a page from openGuardedPage (origin guard, Sec-GPC)');
  const timeoutDefault = ctx.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const readings: Record<string, boolean> = {};
  const screenshots: { label: string; png: Buffer }[] = [];
  let toggles = 0;
  let changed = 0;

  const finish = (outcome: PlaybookResult['outcome'], reason: string, extra: Partial<PlaybookResult> = {}): PlaybookResult => ({
    outcome,
    reason,
    ...extra,
    readings,
    screenshots,
    blockedRequests: [...guard.blockedRequests],
  });

  async function screenshot(label: string): Promise<void> {
    try {
      screenshots.push({ label, png: Buffer.from(await page.screenshot({ type: 'png' })) });
    } catch {
      // A crashed or closed page has nothing to show; the reason still tells what happened.
    }
  }

  async function probe(): Promise<PageProbe | null> {
    try {
      return (await page.evaluate(PROBE_SCRIPT)) as PageProbe;
    } catch {
      return null; // mid-navigation: the next probe sees the new page
    }
  }

  function findWall(p: PageProbe): WallHit | null {
    const text = normalise(p.text);
    const said = (phrases: string[]) => phrases.find((phrase) => phrase && text.includes(normalise(phrase)));
    const frame = p.captchaFrames.find((src) => CAPTCHA_VENDORS.test(src));
    const blockedCaptcha = guard?.blockedRequests.find((u) => CAPTCHA_VENDORS.test(u));
    const captchaText = said(playbook.walls.captcha);
    if (frame || captchaText || blockedCaptcha) {
      return new WallHit('captcha', frame ? `a frame from ${new URL(frame, p.url).host}` : captchaText ? `the page says "${captchaText}"` : `a request to ${blockedCaptcha}`);
    }
    const codeText = said(playbook.walls.twoFactor);
    if (p.oneTimeCodeField || codeText) {
      return new WallHit('two_factor', codeText ? `the page says "${codeText}"` : 'a one-time code field');
    }
    const loginText = said(playbook.walls.login);
    const path = new URL(guard?.providerUrl(p.url) ?? p.url).pathname;
    if (p.passwordField || loginText || LOGIN_PATHS.test(path)) {
      return new WallHit('login', loginText ? `the page says "${loginText}"` : p.passwordField ? 'a password field' : `the login page ${path}`);
    }
    return null;
  }

  async function checkWall(): Promise<void> {
    const p = await probe();
    const wall = p && findWall(p);
    if (wall) throw wall;
  }

  /** Polls until found() returns a value, watching for walls meanwhile; gives up after timeoutMs. */
  async function waitFor<T>(found: () => Promise<T | null>, timeoutMs: number, missing: () => string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await found().catch(() => null);
      if (value !== null) return value;
      await checkWall();
      if (Date.now() > deadline) throw new StepFailure(missing());
      await sleep(POLL_MS);
    }
  }

  async function visibleControl(control: PlaybookControl): Promise<ElementHandle<Element> | null> {
    for (const el of await page.$$(selectorFor(control))) {
      if (await el.isVisible()) return el;
    }
    return null;
  }

  const where = () => guard.providerUrl(page.url());

  function waitForControl(control: PlaybookControl, timeoutMs: number): Promise<ElementHandle<Element>> {
    return waitFor(
      () => visibleControl(control),
      timeoutMs,
      () => `no ${describeControl(control)} appeared within ${timeoutMs} ms on ${where()}; the page may have changed`,
    );
  }

  async function readState(el: ElementHandle<Element>, control: PlaybookControl): Promise<boolean> {
    const state = await el.evaluate((node) => {
      const aria = node.getAttribute('aria-checked');
      if (aria === 'true' || aria === 'false') return aria;
      if (node instanceof HTMLInputElement && (node.type === 'checkbox' || node.type === 'radio')) return String(node.checked);
      return null;
    });
    if (state === null) throw new StepFailure(`${describeControl(control)} shows no on/off state (no aria-checked, not a checkbox)`);
    return state === 'true';
  }

  async function hasText(text: string): Promise<boolean | null> {
    const p = await probe();
    return p && normalise(p.text).includes(normalise(text)) ? true : null;
  }

  async function runStep(step: PlaybookStep): Promise<void> {
    switch (step.action) {
      case 'goto': {
        const response = await page.goto(step.url, { waitUntil: 'domcontentloaded', timeout: timeoutDefault }).catch((err: Error) => {
          const blocked = guard?.blockedRequests.at(-1);
          throw new StepFailure(`could not open ${step.url}: ${err.message}${blocked ? ` (last blocked request: ${blocked})` : ''}`);
        });
        await checkWall();
        if (response && response.status() >= 400) {
          throw new StepFailure(`${step.url} answered HTTP ${response.status()}; the page may have moved`);
        }
        return;
      }
      case 'dismissCookies': {
        const buttons = step.buttons.map((name) => ({ role: 'button' as const, name }));
        const deadline = Date.now() + (step.timeoutMs ?? COOKIE_BANNER_TIMEOUT_MS);
        while (Date.now() <= deadline) {
          for (const control of buttons) {
            const el = await visibleControl(control).catch(() => null);
            if (el) {
              await el.click();
              // Wait for the banner to go, so the next click does not land on its overlay.
              await waitFor(async () => ((await visibleControl(control)) ? null : true), timeoutDefault, () => `the cookie banner stayed after clicking "${control.name}"`);
              return;
            }
          }
          await checkWall();
          await sleep(POLL_MS);
        }
        return; // no banner: consent already stored, or none asked in this region
      }
      case 'waitForText':
      case 'expectText': {
        const timeoutMs = step.timeoutMs ?? timeoutDefault;
        await waitFor(() => hasText(step.text), timeoutMs, () => `the text "${step.text}" did not appear within ${timeoutMs} ms on ${where()}`);
        return;
      }
      case 'waitForControl':
        await waitForControl(step.control, step.timeoutMs ?? timeoutDefault);
        return;
      case 'readToggle': {
        const el = await waitForControl(step.control, timeoutDefault);
        readings[step.saveAs] = await readState(el, step.control);
        return;
      }
      case 'expectToggle': {
        const el = await waitForControl(step.control, timeoutDefault);
        const state = await readState(el, step.control);
        if (step.saveAs) readings[step.saveAs] = state;
        if (state !== step.want) {
          throw new StepFailure(`${describeControl(step.control)} reads ${state ? 'on' : 'off'}, expected ${step.want ? 'on' : 'off'}: the change was not saved`);
        }
        return;
      }
      case 'setToggle': {
        toggles++;
        const timeoutMs = step.timeoutMs ?? timeoutDefault;
        const el = await waitForControl(step.control, timeoutMs);
        const before = await readState(el, step.control);
        if (before === step.want) {
          if (step.saveAs) readings[step.saveAs] = before;
          return;
        }
        await el.click();
        const confirm = step.confirm ? { role: 'button' as const, name: step.confirm } : null;
        let confirmed = false;
        const after = await waitFor(
          async () => {
            if (confirm && !confirmed) {
              const button = await visibleControl(confirm);
              if (button) {
                await button.click();
                confirmed = true;
              }
            }
            // Re-query every time: sites re-render the control after saving.
            const current = await visibleControl(step.control);
            return current && (await readState(current, step.control)) === step.want ? step.want : null;
          },
          timeoutMs,
          () =>
            `${describeControl(step.control)} still reads ${before ? 'on' : 'off'} ${timeoutMs} ms after clicking it` +
            (confirm && !confirmed ? ` (no dialog button "${confirm.name}" appeared)` : ''),
        );
        if (step.saveAs) readings[step.saveAs] = after;
        changed++;
        return;
      }
      case 'click': {
        const el = await waitForControl(step.control, step.timeoutMs ?? timeoutDefault);
        await el.click();
        return;
      }
      case 'confirmDialog': {
        const control = { role: 'button' as const, name: step.button };
        const el = await waitForControl(control, step.timeoutMs ?? timeoutDefault);
        await el.click();
        return;
      }
      case 'fill': {
        const { text, missing } = fillTemplate(step.value, ctx.values);
        if (missing.length > 0) {
          if (step.optional) return;
          throw new StepFailure(`${describeControl(step.control)} needs ${missing.map((m) => `"${m}"`).join(', ')}, which was not given`);
        }
        const el = await waitForControl(step.control, timeoutDefault);
        if (await el.evaluate((node) => node instanceof HTMLSelectElement)) {
          const ok = await el.evaluate((node, wanted) => {
            const select = node as HTMLSelectElement;
            const option = Array.from(select.options).find((o) => o.text.trim() === wanted || o.value === wanted);
            if (!option) return false;
            select.value = option.value;
            select.dispatchEvent(new Event('change', { bubbles: true }));
            return true;
          }, text);
          if (!ok) throw new StepFailure(`${describeControl(step.control)} has no option "${text}"`);
          return;
        }
        await el.focus();
        await el.evaluate((node) => {
          if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) node.select();
        });
        await page.keyboard.press('Backspace');
        // One insertText instead of a key press per character: long letters go in at once.
        await page.keyboard.sendCharacter(text);
        const value = await el.evaluate((node) => (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement ? node.value : node.textContent ?? ''));
        if (value.replace(/\r\n/g, '\n') !== text.replace(/\r\n/g, '\n')) {
          throw new StepFailure(`${describeControl(step.control)} did not keep the value typed into it (it may limit the length)`);
        }
        return;
      }
      case 'reload':
        await page.reload({ waitUntil: 'domcontentloaded', timeout: timeoutDefault });
        return;
      case 'screenshot':
        await screenshot(step.label);
        return;
    }
  }

  const wallResult = async (wall: WallHit, stepNumber: number) => {
    await screenshot(`needs_user_action: ${wall.wall}`);
    const what =
      wall.wall === 'login'
        ? 'asks to log in: the saved session is missing or expired; capture a new session'
        : wall.wall === 'captcha'
          ? 'shows a CAPTCHA, which only a person may solve'
          : 'asks for a two-factor code';
    return finish('needs_user_action', `step ${stepNumber}: the site ${what} (${wall.evidence}). Do it by hand at ${playbook.deepLink}`, {
      wall: wall.wall,
      failedStep: stepNumber,
    });
  };

  try {
    await guard.setCookies(ctx.cookies);
  } catch (err) {
    return finish('failed', `the session cannot be used: ${(err as Error).message}`);
  }

  for (const [index, step] of playbook.steps.entries()) {
    const stepNumber = index + 1;
    try {
      await runStep(step);
      await checkWall();
    } catch (err) {
      if (err instanceof WallHit) return wallResult(err, stepNumber);
      // A failed step may be a wall that appeared late: name the wall rather than the missing control.
      const p = await probe();
      const wall = p && findWall(p);
      if (wall) return wallResult(wall, stepNumber);
      await screenshot(`failed: step ${stepNumber}`);
      const message = err instanceof StepFailure ? err.message : `unexpected error: ${(err as Error).message}`;
      return finish('failed', `step ${stepNumber} (${step.action}): ${message}`, { failedStep: stepNumber });
    }
  }

  if (toggles > 0 && changed === 0) {
    return finish('already_off', 'the setting was already in the wanted state; nothing was changed');
  }
  return finish('done', toggles > 0 ? 'the setting was changed and read back' : 'all steps completed and the expected confirmation was shown');
}
