// The steps of a settings playbook: find the setting by meaning (recovering the way there), read it
// once the page has settled, switch training off and wait until the page saved it, and read it back
// after a reload. Only readBack may prove "off"; the engine reports nothing else as switched off or
// already off.
import type { ElementHandle, HTTPRequest, HTTPResponse } from 'puppeteer-core';
import type { PlaybookLabels, PlaybookSetting } from '../core/providers/playbook.ts';
import { pendingTimers } from './activity.ts';
import { confirmByMeaning, dialogKeys, passInterruption } from './interruptions.ts';
import { ask, pageState } from './page-toolkit.ts';
import { type ControlInfo, HandOver, type Located, type Run, StepFailure } from './run.ts';
import { QUIET_MS, steadyReading } from './settle.ts';
import { mentions, normalise, SAVE_FAILED, SAVED } from './vocabulary.ts';

/** A menu entry that led to a page without the setting and without the next entry is given up after this long. */
const DEAD_END_MS = 1_000;
/** How many menu entries that led nowhere are gone back from, at most. */
const MAX_DETOURS = 3;

function settingOf(run: Run): PlaybookSetting {
  const setting = run.playbook.setting;
  if (!setting) throw new StepFailure('the playbook names no setting');
  return setting;
}

/** Labels in the order they are tried: the person's language first. */
function ordered(labels: PlaybookLabels, langs: string[], inverted = false): { lang: string; label: string; inverted: boolean }[] {
  const map = labels as Record<string, string[]>;
  const order = [...new Set([...langs, ...Object.keys(map)])];
  return order.flatMap((lang) => (map[lang] ?? []).map((label) => ({ lang, label, inverted })));
}

/** Every name the setting may have, both wordings, the person's language first. */
function settingLabels(run: Run) {
  const setting = settingOf(run);
  const inverse = setting.inverse ? ordered(setting.inverse, run.langs, true) : [];
  return [...ordered(setting.labels, run.langs), ...inverse];
}

const shown = (run: Run) => `"${ordered(settingOf(run).labels, run.langs)[0]!.label}"`;

/** Does the control, as it reads now, let the provider train? */
function trainingAllowed(run: Run, info: ControlInfo): boolean {
  if (info.on === null) throw new StepFailure(`the ${info.kind} "${info.name}" shows no on/off state`);
  const onAllows = (settingOf(run).onMeans === 'training') !== info.inverted;
  return onAllows ? info.on : !info.on;
}

/** The one control that is the setting, or null; two equally good candidates are refused. */
async function candidate(run: Run): Promise<Located | null> {
  const labels = settingLabels(run);
  const found: Located[] = [];
  for (const frame of run.frames()) {
    const { info, els } = await ask<ControlInfo>(frame, 'controls', labels);
    for (const [i, c] of info.entries()) found.push({ info: c, el: els[i]!, frame });
  }
  for (const match of ['exact', 'prefix'] as const) {
    for (const lang of run.langs) {
      const hits = found.filter((f) => f.info.match === match && f.info.lang === lang);
      if (hits.length > 1) {
        const names = hits.map((h) => `${h.info.kind} "${h.info.name}"`).join(' and ');
        throw new StepFailure(`two controls could be the setting ${shown(run)} (${names}); not guessing which`);
      }
      if (hits.length === 1) return hits[0]!;
    }
  }
  return null;
}

/**
 * Is something (a notice, a banner) lying over the element, so that a click would land on it? A hit
 * on the control's own label counts as the control (a visually hidden input under its slider).
 */
async function obstructed(el: ElementHandle<Element>): Promise<boolean> {
  await el.scrollIntoView().catch(() => undefined);
  return el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const root = node.getRootNode() as Document | ShadowRoot;
    const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit) return true;
    if (hit === node || node.contains(hit)) return false;
    const labels = node instanceof HTMLInputElement && node.labels ? Array.from(node.labels) : [];
    return !labels.some((label) => label === hit || label.contains(hit));
  });
}

interface PathLink {
  name: string;
  target: string;
  match: 'exact' | 'prefix';
  lang: string;
  label: string;
}

/** A menu entry clicked on the way to the setting. */
interface Followed {
  level: number;
  name: string;
  /** Tells it apart from other entries of the same name. */
  key: string;
  /** The page it was clicked on, to go back to when it led nowhere. */
  from: string;
  at: number;
}

/**
 * The next menu entry of the setting's path, deepest level first; within a level exact names before
 * names that only begin with the label, the person's language first, and none tried before. Clicks it.
 */
async function followPath(run: Run, path: PlaybookLabels[], from: number, tried: Set<string>): Promise<Followed | null> {
  for (let level = path.length - 1; level >= from; level--) {
    const wanted = ordered(path[level]!, run.langs);
    const rank = (l: PathLink) => (l.match === 'exact' ? 0 : wanted.length) + wanted.findIndex((w) => w.lang === l.lang && w.label === l.label);
    const hits: { link: PathLink; el: ElementHandle<Element> }[] = [];
    for (const frame of run.frames()) {
      const { info, els } = await ask<PathLink>(frame, 'links', wanted);
      for (const [i, link] of info.entries()) hits.push({ link, el: els[i]! });
    }
    hits.sort((a, b) => rank(a.link) - rank(b.link));
    for (const { link, el } of hits) {
      const key = `${level}|${normalise(link.name)}|${link.target}`;
      if (tried.has(key) || (await obstructed(el))) continue;
      const at = run.page.url();
      await run.click(el, `"${link.name}"`);
      return { level, name: link.name, key, from: at, at: Date.now() };
    }
  }
  return null;
}

/** Has the page been quiet long enough since the last menu entry was followed to call it a dead end? */
async function deadEnd(run: Run, last: Followed): Promise<boolean> {
  const now = Date.now();
  if (now - last.at < DEAD_END_MS || run.activity.inflight() > 0 || now - run.activity.lastAt() < QUIET_MS) return false;
  return (await pendingTimers(run.page.mainFrame())).length === 0;
}

/** Finds the setting, passing cookie banners and notices and following the menu path when it is not here. */
async function locate(run: Run, timeoutMs: number): Promise<Located> {
  const path = settingOf(run).path;
  let next = 0;
  let covered = false;
  const trail: Followed[] = [];
  const tried = new Set<string>();
  const nowhere: string[] = [];
  return run.waitFor(
    async () => {
      if (await passInterruption(run, { notices: false })) return null;
      const hit = await candidate(run);
      if (hit && !(await obstructed(hit.el))) return hit;
      if (hit) {
        covered = true;
        await passInterruption(run, { notices: true, covered: true });
        return null;
      }
      // Not here: once the page has finished loading, a notice or the next menu entry is the way on.
      if (!(await pageState(run.page.mainFrame())).settled) return null;
      if (await passInterruption(run, { notices: true })) return null;
      const step = next < path.length ? await followPath(run, path, next, tried) : null;
      if (step) {
        trail.push(step);
        next = step.level + 1;
        return null;
      }
      // The last entry followed led nowhere: go back and try the next candidate (a bounded number of times).
      const last = trail.at(-1);
      if (last && nowhere.length < MAX_DETOURS && (await deadEnd(run, last))) {
        trail.pop();
        tried.add(last.key);
        nowhere.push(last.name);
        next = last.level;
        if (run.page.url() !== last.from) {
          await run.page.goto(last.from, { waitUntil: 'domcontentloaded', timeout: run.timeoutMs });
          run.answered.clear();
        }
      }
      return null;
    },
    timeoutMs,
    () =>
      `the setting ${shown(run)} did not appear within ${timeoutMs} ms on ${run.where()} (labels tried in ${run.langs.join(', ')}` +
      `${trail.length ? `; followed ${trail.map((f) => `"${f.name}"`).join(' > ')}` : ''}` +
      `${nowhere.length ? `; led nowhere: ${nowhere.map((f) => `"${f}"`).join(', ')}` : ''})` +
      (covered ? '; it was found, but something the engine could not close lay over it' : '; the page may have changed'),
  );
}

/** The setting, read only once the page has settled and the reading held across a quiet interval. */
function steadySetting(run: Run, timeoutMs: number): Promise<Located> {
  return steadyReading({ page: run.page, activity: run.activity, timeoutMs, what: `the page with ${shown(run)}` }, async (remainingMs) => {
    const found = await locate(run, remainingMs);
    return { value: found, key: `${found.info.name}|${found.info.on}|${found.info.inverted}`, frame: found.frame };
  });
}

export async function findSetting(run: Run, step: { timeoutMs?: number }): Promise<void> {
  await locate(run, step.timeoutMs ?? run.timeoutMs);
}

export async function readSetting(run: Run, step: { saveAs: string }): Promise<void> {
  run.readings[step.saveAs] = trainingAllowed(run, (await steadySetting(run, run.timeoutMs)).info);
}

/** Watches the requests a switch sends: a save is done when they all answered, and failed when one did not. */
function watchSaves(run: Run) {
  // Counted by method and URL: the request objects of the request and response events may differ.
  const pending = new Map<string, number>();
  const state = { ok: 0, failed: '' };
  const mutation = (r: HTTPRequest) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method()) && !r.isNavigationRequest();
  const keyOf = (r: HTTPRequest) => `${r.method()} ${r.url()}`;
  const what = (r: HTTPRequest) => `${r.method()} ${new URL(run.guard.providerUrl(r.url())).pathname}`;
  const settle = (r: HTTPRequest) => {
    const n = pending.get(keyOf(r)) ?? 0;
    if (n <= 1) pending.delete(keyOf(r));
    else pending.set(keyOf(r), n - 1);
  };
  const onRequest = (r: HTTPRequest) => {
    if (mutation(r)) pending.set(keyOf(r), (pending.get(keyOf(r)) ?? 0) + 1);
  };
  const onResponse = (response: HTTPResponse) => {
    const r = response.request();
    if (!mutation(r)) return;
    settle(r);
    const status = response.status();
    if (status >= 200 && status < 400) state.ok++;
    else state.failed ||= `${what(r)} answered HTTP ${status}`;
  };
  const onFailed = (r: HTTPRequest) => {
    if (!mutation(r)) return;
    settle(r);
    state.failed ||= `${what(r)} failed (${r.failure()?.errorText ?? 'no answer'})`;
  };
  run.page.on('request', onRequest).on('response', onResponse).on('requestfailed', onFailed);
  const stop = () => run.page.off('request', onRequest).off('response', onResponse).off('requestfailed', onFailed);
  return { pending, state, stop };
}

async function liveText(run: Run): Promise<string[]> {
  const all = await Promise.all(run.frames().map((f) => pageState(f)));
  return all.flatMap((s) => s.live);
}

export async function switchOff(run: Run, step: { saveAs?: string; timeoutMs?: number }): Promise<void> {
  const timeoutMs = step.timeoutMs ?? run.timeoutMs;
  run.toggle = { ...run.toggle, touched: true, reloadedSinceSwitch: false, provenOff: false };
  let found = await steadySetting(run, timeoutMs);
  if (await passInterruption(run, { notices: false })) found = await steadySetting(run, timeoutMs); // a late banner
  if (!trainingAllowed(run, found.info)) {
    if (step.saveAs) run.readings[step.saveAs] = false;
    return;
  }
  if (found.info.disabled) {
    throw new HandOver(`the ${found.info.kind} "${found.info.name}" is on and cannot be changed here (disabled); the page says: "${found.info.around}"`);
  }
  if (run.ctx.dryRun) {
    run.toggle.wouldSwitch = true;
    return;
  }
  const before = await dialogKeys(run);
  const liveBefore = new Set(await liveText(run));
  const saves = watchSaves(run);
  run.expectingConfirm = true;
  try {
    await run.click(found.el, `the ${found.info.kind} "${found.info.name}"`);
    run.toggle.switched = true;
    await run.waitFor(
      async () => {
        if (await confirmByMeaning(run, before)) return null;
        const saidFailed = async () => {
          const live = (await liveText(run)).filter((t) => !liveBefore.has(t));
          const failed = saves.state.failed || live.find((t) => mentions(t, SAVE_FAILED));
          if (failed) throw new StepFailure(`the site did not save the change: ${saves.state.failed || `the page says "${failed}"`}`);
          return live;
        };
        const live = await saidFailed();
        const now = await candidate(run);
        if (!now || trainingAllowed(run, now.info) || saves.pending.size > 0) return null;
        if (saves.state.ok > 0 || live.some((t) => mentions(t, SAVED))) return true;
        // No save request seen and nothing said: a quiet network is the last sign; then ask again.
        await run.page.waitForNetworkIdle({ idleTime: 500, timeout: 1500 }).catch(() => undefined);
        await saidFailed();
        return saves.pending.size === 0 ? true : null; // the read-back after the reload is the proof
      },
      timeoutMs,
      () =>
        `${shown(run)} still lets the provider train, or its save had not finished, ${timeoutMs} ms after switching it${saves.pending.size ? ` (${saves.pending.size} save request(s) unanswered)` : ''}`,
    );
  } finally {
    run.expectingConfirm = false;
    saves.stop();
  }
  if (step.saveAs) run.readings[step.saveAs] = false;
}

export async function readBack(run: Run, step: { saveAs?: string }): Promise<void> {
  if (run.toggle.touched && !run.toggle.reloadedSinceSwitch) throw new StepFailure('a read-back needs a reload after the switch');
  const allowed = trainingAllowed(run, (await steadySetting(run, run.timeoutMs)).info);
  if (step.saveAs) run.readings[step.saveAs] = allowed;
  if (run.ctx.dryRun && run.toggle.wouldSwitch) return; // nothing was changed: the read-back shows it still on
  if (allowed) throw new StepFailure(`after a reload ${shown(run)} lets the provider train again: the change did not stick`);
  if (run.toggle.touched && run.toggle.reloadedSinceSwitch) run.toggle.provenOff = true;
}
