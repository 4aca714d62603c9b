// The playbook's step handlers, one small function per action, in one table. Form and navigation steps
// live here; the setting steps (find, read, switch off, read back) in setting-steps.ts.
import type { ElementHandle } from 'puppeteer-core';
import type { PlaybookControl, PlaybookStep } from '../core/providers/playbook.ts';
import { isConsentDialog, openDialogs, passInterruption } from './interruptions.ts';
import { type Run, StepFailure } from './run.ts';
import { findSetting, readBack, readSetting, switchOff } from './setting-steps.ts';
import { normalise } from './vocabulary.ts';

const COOKIE_BANNER_TIMEOUT_MS = 3_000;

type StepOf<A extends PlaybookStep['action']> = Extract<PlaybookStep, { action: A }>;
export type Handlers = { [A in PlaybookStep['action']]: (run: Run, step: StepOf<A>) => Promise<void> };

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

async function visibleControl(run: Run, control: PlaybookControl): Promise<ElementHandle<Element> | null> {
  for (const el of await run.page.$$(selectorFor(control))) {
    if (await el.isVisible()) return el;
  }
  return null;
}

function waitForControl(run: Run, control: PlaybookControl, timeoutMs: number): Promise<ElementHandle<Element>> {
  return run.waitFor(
    () => visibleControl(run, control),
    timeoutMs,
    () => `no ${describeControl(control)} appeared within ${timeoutMs} ms on ${run.where()}; the page may have changed`,
  );
}

async function hasText(run: Run, text: string): Promise<true | null> {
  const body = (await run.page.evaluate('document.body ? document.body.innerText : ""').catch(() => '')) as string;
  return normalise(body).includes(normalise(text)) ? true : null;
}

/** Replaces {{name}} placeholders; returns the names that had no (or an empty) value. */
function fillTemplate(template: string, values: Record<string, string>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = template.replace(/\{\{\s*([A-Za-z][\w]*)\s*\}\}/g, (_m, key: string) => {
    const value = values[key];
    if (value === undefined || value === '') missing.push(key);
    return value ?? '';
  });
  return { text, missing };
}

async function goto(run: Run, step: StepOf<'goto'>): Promise<void> {
  const response = await run.page.goto(step.url, { waitUntil: 'domcontentloaded', timeout: run.timeoutMs }).catch((err: Error) => {
    const blocked = run.guard.blockedRequests.at(-1);
    throw new StepFailure(`could not open ${step.url}: ${err.message}${blocked ? ` (last blocked request: ${blocked})` : ''}`);
  });
  run.answered.clear(); // a new document: its banners and notices are new too
  await run.checkWall();
  if (response && response.status() >= 400) throw new StepFailure(`${step.url} answered HTTP ${response.status()}; the page may have moved`);
}

async function dismissCookies(run: Run, step: StepOf<'dismissCookies'>): Promise<void> {
  const timeoutMs = step.timeoutMs ?? COOKIE_BANNER_TIMEOUT_MS;
  const answered = await run
    .waitFor(
      async () => ((await passInterruption(run, { notices: false, extra: step.buttons })) ? true : null),
      timeoutMs,
      () => 'no banner',
    )
    .catch((err: unknown) => {
      if (err instanceof StepFailure) return false; // no banner: consent already stored, or none asked here
      throw err;
    });
  if (!answered) return;
  // Wait for the banner to go, so the next click does not land on its overlay.
  await run.waitFor(
    async () => ((await openDialogs(run)).some(isConsentDialog) ? null : true),
    run.timeoutMs,
    () => 'the cookie banner stayed after refusing cookies',
  );
}

async function waitForText(run: Run, step: StepOf<'waitForText'> | StepOf<'expectText'>): Promise<void> {
  const timeoutMs = step.timeoutMs ?? run.timeoutMs;
  await run.waitFor(
    () => hasText(run, step.text),
    timeoutMs,
    () => `the text "${step.text}" did not appear within ${timeoutMs} ms on ${run.where()}`,
  );
}

async function click(run: Run, step: StepOf<'click'>): Promise<void> {
  await run.click(await waitForControl(run, step.control, step.timeoutMs ?? run.timeoutMs), describeControl(step.control));
}

async function confirmDialog(run: Run, step: StepOf<'confirmDialog'>): Promise<void> {
  const control = { role: 'button', name: step.button } as const;
  await run.click(await waitForControl(run, control, step.timeoutMs ?? run.timeoutMs), describeControl(control));
}

async function fill(run: Run, step: StepOf<'fill'>): Promise<void> {
  const { text, missing } = fillTemplate(step.value, run.ctx.values);
  if (missing.length > 0) {
    if (step.optional) return;
    throw new StepFailure(`${describeControl(step.control)} needs ${missing.map((m) => `"${m}"`).join(', ')}, which was not given`);
  }
  const el = await waitForControl(run, step.control, run.timeoutMs);
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
  await run.page.keyboard.press('Backspace');
  // One insertText instead of a key press per character: long letters go in at once.
  await run.page.keyboard.sendCharacter(text);
  const value = await el.evaluate((node) => (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement ? node.value : (node.textContent ?? '')));
  if (value.replace(/\r\n/g, '\n') !== text.replace(/\r\n/g, '\n')) {
    throw new StepFailure(`${describeControl(step.control)} did not keep the value typed into it (it may limit the length)`);
  }
}

async function reload(run: Run): Promise<void> {
  await run.page.reload({ waitUntil: 'domcontentloaded', timeout: run.timeoutMs });
  // A notice or banner that comes back after the reload is answered again (still refusing).
  run.answered.clear();
  run.toggle.reloadedSinceSwitch = true;
}

export const HANDLERS: Handlers = {
  goto,
  dismissCookies,
  waitForText,
  expectText: waitForText,
  waitForControl: async (run, step) => void (await waitForControl(run, step.control, step.timeoutMs ?? run.timeoutMs)),
  findSetting,
  readSetting,
  switchOff,
  readBack,
  click,
  confirmDialog,
  fill,
  reload,
  screenshot: (run, step) => run.screenshot(step.label),
};
