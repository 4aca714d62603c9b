// The one generic engine that runs a provider's playbook on a guarded page. Each step goes to its
// handler (steps.ts, setting-steps.ts); this file runs them in order and decides the outcome. It
// reports a setting switched off (or already off) only when a read-back after a reload showed it off,
// and stops with needs_user_action at login, CAPTCHA and two-factor walls, disabled controls,
// consent-only banners and native dialogs it cannot answer by meaning, instead of guessing.
import type { Page } from 'puppeteer-core';
import type { Playbook, PlaybookStep } from '../core/providers/playbook.ts';
import { TIMER_HOOK } from './activity.ts';
import { answerNativeDialogs } from './interruptions.ts';
import { guardOf } from './launch.ts';
import { createRun, HandOver, type PlaybookContext, type Run, StepFailure, type Wall, WallHit } from './run.ts';
import { HANDLERS } from './steps.ts';

export interface PlaybookResult {
  /**
   * done: every step ran (for a setting: switched off and read back as off after a reload);
   * already_off: the setting was off and read back as off after a reload, nothing was changed;
   * would_switch_off: dry run only, the setting was found on and left as it was.
   */
  outcome: 'done' | 'already_off' | 'would_switch_off' | 'needs_user_action' | 'failed';
  reason: string;
  wall?: Wall;
  /** 1-based number of the step that failed or met a wall. */
  failedStep?: number;
  /** Setting readings by saveAs: true means the setting lets the provider train on the data. */
  readings: Record<string, boolean>;
  screenshots: { label: string; png: Buffer }[];
  blockedRequests: string[];
}

const DEFAULT_TIMEOUT_MS = 15_000;
const SETTING_ACTIONS = new Set<PlaybookStep['action']>(['findSetting', 'readSetting', 'switchOff', 'readBack']);

function runStep(run: Run, step: PlaybookStep): Promise<void> {
  const handler = HANDLERS[step.action] as (run: Run, step: PlaybookStep) => Promise<void>;
  return handler(run, step);
}

function wallWords(wall: Wall): string {
  if (wall === 'login') return 'asks to log in: the saved session is missing or expired; capture a new session';
  if (wall === 'captcha') return 'shows a CAPTCHA, which only a person may solve';
  return 'asks for a two-factor code';
}

export async function runPlaybook(page: Page, playbook: Playbook, ctx: PlaybookContext): Promise<PlaybookResult> {
  const guard = guardOf(page);
  if (!guard) throw new Error('runPlaybook needs a page from openGuardedPage (origin guard, Sec-GPC)');
  const run = createRun(page, guard, playbook, ctx, ctx.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  const stopDialogs = answerNativeDialogs(run);
  const hook = await page.evaluateOnNewDocument(TIMER_HOOK);
  try {
    return await runSteps(run, playbook, ctx);
  } finally {
    stopDialogs();
    run.close();
    await page.removeScriptToEvaluateOnNewDocument(hook.identifier).catch(() => undefined);
  }
}

async function runSteps(run: Run, playbook: Playbook, ctx: PlaybookContext): Promise<PlaybookResult> {
  const { guard } = run;

  const finish = (outcome: PlaybookResult['outcome'], reason: string, extra: Partial<PlaybookResult> = {}): PlaybookResult => ({
    outcome,
    reason,
    ...extra,
    readings: run.readings,
    screenshots: run.screenshots,
    blockedRequests: [...guard.blockedRequests],
  });

  const stopped = async (err: unknown, stepNumber: number, step: PlaybookStep): Promise<PlaybookResult> => {
    // A native dialog the engine dismissed explains whatever failed after it.
    if (run.nativeDialog && !(err instanceof WallHit)) err = new HandOver(run.nativeDialog);
    // A failed step may be a wall that appeared late: name the wall rather than the missing control.
    const wall =
      err instanceof WallHit
        ? err
        : await run.checkWall().then(
            () => null,
            (w: unknown) => (w instanceof WallHit ? w : null),
          );
    if (wall) {
      await run.screenshot(`needs_user_action: ${wall.wall}`);
      return finish('needs_user_action', `step ${stepNumber}: the site ${wallWords(wall.wall)} (${wall.evidence}). Do it by hand at ${playbook.deepLink}`, {
        wall: wall.wall,
        failedStep: stepNumber,
      });
    }
    if (err instanceof HandOver) {
      await run.screenshot('needs_user_action');
      return finish('needs_user_action', `step ${stepNumber} (${step.action}): ${err.message}. Do it by hand at ${playbook.deepLink}`, {
        failedStep: stepNumber,
      });
    }
    await run.screenshot(`failed: step ${stepNumber}`);
    const message = err instanceof StepFailure ? err.message : `unexpected error: ${(err as Error).message}`;
    return finish('failed', `step ${stepNumber} (${step.action}): ${message}`, { failedStep: stepNumber });
  };

  try {
    await guard.setCookies(ctx.cookies);
  } catch (err) {
    return finish('failed', `the session cannot be used: ${(err as Error).message}`);
  }

  for (const [index, step] of playbook.steps.entries()) {
    try {
      await runStep(run, step);
      await run.checkWall();
    } catch (err) {
      return stopped(err, index + 1, step);
    }
  }

  if (!playbook.steps.some((s) => SETTING_ACTIONS.has(s.action))) {
    return finish('done', 'all steps completed and the expected confirmation was shown');
  }
  const { toggle } = run;
  if (ctx.dryRun && toggle.wouldSwitch) {
    return finish('would_switch_off', 'dry run: the setting was found on (it lets the provider train); nothing was changed');
  }
  // The only way to "off": a read-back after a reload, with nothing switched after it.
  if (!toggle.provenOff) {
    await run.screenshot('failed: no read-back');
    return finish('failed', 'the setting was not read back as off after a reload, so it is not reported as off');
  }
  return toggle.switched
    ? finish('done', 'the setting was switched off, saved, and read back as off after a reload')
    : finish('already_off', 'the setting was already off (read back after a reload); nothing was changed');
}
