// What stands between the deep link and the setting, answered the way a careful person would: a
// consent dialog (cookies, trackers, identifiers, "our partners") gets the least consent it offers
// (never "accept all", never "OK"), a one-time notice is closed without agreeing to anything, a dialog
// that holds the setting or the next menu entry is left open (it is the way on), and the provider's
// confirmation dialog is answered by what its buttons mean, never by their position or by which one
// has the focus. Native alert/confirm dialogs get the same care.
import type { Dialog as NativeDialog, ElementHandle } from 'puppeteer-core';
import type { PlaybookLabels } from '../core/providers/playbook.ts';
import { ask } from './page-toolkit.ts';
import { HandOver, type Run, StepFailure } from './run.ts';
import {
  AGREEING_ANSWERS,
  CANCEL,
  CONFIRM,
  CONSENT_WORDS,
  COOKIE_ACCEPT,
  COOKIE_REJECT,
  COOKIE_WORDS,
  DATA_WORDS,
  mentions,
  NOTICE_DISMISS,
  namedLike,
  normalise,
  SWITCH_OFF_WORDS,
  SWITCH_ON_WORDS,
} from './vocabulary.ts';

interface DialogInfo {
  label: string;
  text: string;
  /** It holds the setting's control or a link of its menu path. */
  holds: boolean;
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

function labelsOf(labels: PlaybookLabels | undefined): { lang: string; label: string }[] {
  return Object.entries((labels ?? {}) as Record<string, string[]>).flatMap(([lang, list]) => list.map((label) => ({ lang, label })));
}

/** The visible dialogs and banners of the page and its same-origin frames, with their buttons. */
export async function openDialogs(run: Run): Promise<Dialog[]> {
  const setting = run.playbook.setting;
  const landmarks = {
    setting: [...labelsOf(setting?.labels), ...labelsOf(setting?.inverse)],
    path: (setting?.path ?? []).flatMap((level) => labelsOf(level)),
  };
  const out: Dialog[] = [];
  for (const frame of run.frames()) {
    const { info, els } = await ask<DialogInfo>(frame, 'dialogs', landmarks);
    for (const d of info) out.push({ ...d, els: els.slice(d.first, d.first + d.buttons.length) });
  }
  return out;
}

const keyOf = (d: DialogInfo) => `${d.label}|${d.text.slice(0, 300)}`;

/** A dialog that asks for consent to cookies or tracking, whatever it calls them. */
export function isConsentDialog(d: Pick<DialogInfo, 'label' | 'text'>): boolean {
  return mentions(`${d.label} ${d.text}`, CONSENT_WORDS);
}

/** A dialog that says "cookie" itself: never the provider's confirmation of the switch. */
function isCookieBanner(d: DialogInfo): boolean {
  return mentions(`${d.label} ${d.text}`, COOKIE_WORDS);
}

/** A dialog about the person's data, ads or tracking: no agreeing button is a way out of it. */
function aboutData(d: DialogInfo): boolean {
  return isConsentDialog(d) || mentions(`${d.label} ${d.text}`, DATA_WORDS);
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
  const strict = aboutData(d);
  d.buttons.forEach((b, i) => {
    if (mentions(b.name, AGREEING) || (strict && namedLike(b.name, AGREEING_ANSWERS))) return;
    const at = NOTICE_DISMISS.findIndex((w) => namedLike(b.name, [w]));
    if (at >= 0 && at < rank) [best, rank] = [i, at];
  });
  return best;
}

const buttonNames = (d: DialogInfo) => d.buttons.map((b) => `"${b.name}"`).join(', ') || 'no buttons';

/**
 * Answers at most one interruption: a consent dialog (always), a one-time notice (when `notices`).
 * Returns true when it pressed a button. A consent dialog that offers only consent is handed to the
 * person, and so is a notice about the person's data that covers the setting (`covered`) and can only
 * be agreed to.
 */
export async function passInterruption(run: Run, opts: { notices: boolean; extra?: string[]; covered?: boolean }): Promise<boolean> {
  for (const d of await openDialogs(run)) {
    if (run.answered.has(keyOf(d))) continue; // answered already; it is on its way out
    if (d.holds) continue; // the settings dialog itself, or a menu with the way on
    if (isConsentDialog(d)) {
      const choice = leastConsent(d, opts.extra ?? []);
      if (choice < 0) {
        throw new HandOver(
          isCookieBanner(d)
            ? `a cookie banner covers the page and offers only consent (${buttonNames(d)}); the engine never accepts cookies`
            : `a consent dialog ("${d.text.slice(0, 160)}") offers only consent (${buttonNames(d)}); the engine never agrees to tracking`,
        );
      }
      await run.click(d.els[choice]!, `"${d.buttons[choice]!.name}"`);
      run.answered.add(keyOf(d));
      return true;
    }
    if (opts.notices) {
      const choice = wayOut(d);
      if (choice >= 0) {
        await run.click(d.els[choice]!, `"${d.buttons[choice]!.name}"`);
        run.answered.add(keyOf(d));
        return true;
      }
      if (opts.covered && aboutData(d) && d.buttons.length > 0) {
        throw new HandOver(
          `a dialog about your data ("${d.text.slice(0, 160)}") covers the setting and can only be agreed to (${buttonNames(d)}); nothing was pressed`,
        );
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
    if (before.has(key) || run.answered.has(key) || d.holds || isCookieBanner(d)) continue;
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
    await run.click(d.els[choice]!, `"${d.buttons[choice]!.name}"`);
    run.answered.add(key);
    return true;
  }
  return false;
}

/** Does a native confirm() ask to switch the setting off (so that OK means "yes, off")? */
function asksToSwitchOff(run: Run, message: string): boolean {
  const own = labelsIn(run.playbook.setting?.confirm, run.langs);
  const off = mentions(message, SWITCH_OFF_WORDS) || own.some((w) => mentions(message, [w]));
  return off && !mentions(message, SWITCH_ON_WORDS) && !isConsentDialog({ label: '', text: message });
}

/**
 * Answers the page's native dialogs, which would otherwise block it: a confirm() that asks to switch
 * the setting off, while the switch waits for its confirmation, is accepted; anything else is
 * dismissed and the run hands over, quoting it. Returns the function that stops listening.
 */
export function answerNativeDialogs(run: Run): () => void {
  const onDialog = (dialog: NativeDialog) => {
    const message = dialog.message().replace(/\s+/g, ' ').trim().slice(0, 300);
    if (dialog.type() === 'confirm' && run.expectingConfirm && asksToSwitchOff(run, message)) {
      dialog.accept().catch(() => undefined);
      return;
    }
    run.nativeDialog ??=
      dialog.type() === 'beforeunload'
        ? `the page asked before leaving ("${message || 'changes may not be saved'}"); it was kept open and nothing was confirmed`
        : `the page showed a native ${dialog.type()} dialog ("${message}"); it was dismissed and nothing was confirmed`;
    dialog.dismiss().catch(() => undefined);
  };
  run.page.on('dialog', onDialog);
  return () => run.page.off('dialog', onDialog);
}
