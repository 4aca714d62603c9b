// What stands between the deep link and the setting, answered the way a careful person would: a cookie
// banner gets the least consent it offers (never "accept all"), a one-time notice is closed without
// agreeing to anything, and the provider's confirmation dialog is answered by what its buttons mean,
// never by their position or by which one has the focus.
import type { ElementHandle } from 'puppeteer-core';
import type { PlaybookLabels } from '../core/providers/playbook.ts';
import { ask } from './page-toolkit.ts';
import { HandOver, type Run, StepFailure } from './run.ts';
import { CANCEL, CONFIRM, COOKIE_ACCEPT, COOKIE_REJECT, COOKIE_WORDS, mentions, NOTICE_DISMISS, namedLike, normalise } from './vocabulary.ts';

interface DialogInfo {
  label: string;
  text: string;
  buttons: { name: string; focused: boolean }[];
  first: number;
}

interface Dialog extends DialogInfo {
  els: ElementHandle<Element>[];
}

/** Words in a notice button that would agree to something: such a button is never a way out. */
const AGREEING = [
  'agree',
  'accept',
  'allow',
  'turn on',
  'enable',
  'consent',
  'zustimmen',
  'akzeptieren',
  'aktivieren',
  'einschalten',
  'erlauben',
  'accepter',
  'activer',
  'aceptar',
  'activar',
  'accetta',
  'attiva',
  'accepteren',
  'inschakelen',
  'akceptuj',
  'włącz',
];

/** The visible dialogs and banners of the page and its same-origin frames, with their buttons. */
export async function openDialogs(run: Run): Promise<Dialog[]> {
  const out: Dialog[] = [];
  for (const frame of run.frames()) {
    const { info, els } = await ask<DialogInfo>(frame, 'dialogs');
    for (const d of info) out.push({ ...d, els: els.slice(d.first, d.first + d.buttons.length) });
  }
  return out;
}

const keyOf = (d: DialogInfo) => `${d.label}|${d.text.slice(0, 300)}`;

export function isCookieBanner(d: DialogInfo): boolean {
  return mentions(`${d.label} ${d.text}`, COOKIE_WORDS);
}

/** The button that refuses the most, or -1 when the banner offers only consent. */
function leastConsent(d: DialogInfo, extra: string[]): number {
  const names = d.buttons.map((b) => normalise(b.name));
  const gives = (n: string) => mentions(n, COOKIE_ACCEPT) && !mentions(n, COOKIE_REJECT);
  const wanted = extra.map(normalise).filter((n) => !gives(n));
  const byPlaybook = names.findIndex((n) => wanted.includes(n));
  if (byPlaybook >= 0) return byPlaybook;
  const all = names.findIndex((n) => mentions(n, COOKIE_REJECT) && /\b(all|alle|tout|todo|tutti|alles|wszystkie)\b/.test(n));
  return all >= 0 ? all : names.findIndex((n) => mentions(n, COOKIE_REJECT));
}

/** The button that closes a notice without agreeing, preferring "not now" over "continue". */
function wayOut(d: DialogInfo): number {
  let best = -1;
  let rank = Number.POSITIVE_INFINITY;
  d.buttons.forEach((b, i) => {
    if (mentions(b.name, AGREEING)) return;
    const at = NOTICE_DISMISS.findIndex((w) => namedLike(b.name, [w]));
    if (at >= 0 && at < rank) [best, rank] = [i, at];
  });
  return best;
}

/**
 * Answers at most one interruption: a cookie banner (always), a one-time notice (when `notices`).
 * Returns true when it pressed a button. A banner that offers only consent is handed to the person.
 */
export async function passInterruption(run: Run, opts: { notices: boolean; extra?: string[] }): Promise<boolean> {
  for (const d of await openDialogs(run)) {
    if (run.answered.has(keyOf(d))) continue; // answered already; it is on its way out
    if (isCookieBanner(d)) {
      const choice = leastConsent(d, opts.extra ?? []);
      if (choice < 0) {
        const names = d.buttons.map((b) => `"${b.name}"`).join(', ');
        throw new HandOver(`a cookie banner covers the page and offers only consent (${names || 'no buttons'}); the engine never accepts cookies`);
      }
      await d.els[choice]!.click();
      run.answered.add(keyOf(d));
      return true;
    }
    if (opts.notices) {
      const choice = wayOut(d);
      if (choice >= 0) {
        await d.els[choice]!.click();
        run.answered.add(keyOf(d));
        return true;
      }
    }
  }
  return false;
}

/** Dialog keys present now, so that a confirmation dialog can be told apart from what was there. */
export async function dialogKeys(run: Run): Promise<Set<string>> {
  return new Set((await openDialogs(run)).map(keyOf));
}

function labelsIn(labels: PlaybookLabels | undefined, langs: string[]): string[] {
  if (!labels) return [];
  const map = labels as Record<string, string[]>;
  return [...langs, ...Object.keys(map)].flatMap((l) => map[l] ?? []).map(normalise);
}

/**
 * Answers a confirmation dialog that appeared after the switch (not in `before`, not a cookie
 * banner) by the meaning of its buttons. Returns true when it confirmed one.
 */
export async function confirmByMeaning(run: Run, before: Set<string>): Promise<boolean> {
  for (const d of await openDialogs(run)) {
    const key = keyOf(d);
    if (before.has(key) || run.answered.has(key) || isCookieBanner(d)) continue;
    const own = labelsIn(run.playbook.setting?.confirm, run.langs);
    let choice = d.buttons.findIndex((b) => own.length > 0 && namedLike(b.name, own));
    if (choice < 0) {
      const generic = d.buttons.map((b, i) => (namedLike(b.name, CONFIRM) && !namedLike(b.name, CANCEL) ? i : -1)).filter((i) => i >= 0);
      if (generic.length > 1) {
        throw new StepFailure(
          `a dialog ("${d.text.slice(0, 120)}") has several buttons that could confirm (${generic.map((i) => `"${d.buttons[i]!.name}"`).join(', ')}); nothing was pressed`,
        );
      }
      choice = generic[0] ?? -1;
    }
    if (choice < 0) {
      const names = d.buttons.map((b) => `"${b.name}"`).join(', ');
      throw new StepFailure(`a dialog appeared ("${d.text.slice(0, 120)}") and none of its buttons (${names}) confirms switching off; nothing was pressed`);
    }
    await d.els[choice]!.click();
    run.answered.add(key);
    return true;
  }
  return false;
}
