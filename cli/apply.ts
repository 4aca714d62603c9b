// `optout apply <provider> --session <cookie file>`: runs the provider's settings playbook from the
// command line with the person's own session, the way the workflow does (same engine, same guard,
// same origin override outside production), and reports what the read-back showed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostSettings } from '../functions/adapters/config.ts';
import type { Playbook } from '../functions/core/providers/playbook.ts';
import type { Provider } from '../functions/core/providers/schema.ts';
import { parseCookieExport } from '../functions/browser/cookies.ts';
import { runPlaybook } from '../functions/browser/engine.ts';
import { closeGuardedPage, launchBrowser, openGuardedPage } from '../functions/browser/launch.ts';

export interface ApplyReport {
  /**
   * switched_off / already_off: read back as off after a reload; would_switch_off: --dry-run found it
   * on and changed nothing; needs_user_action: a person has to do it (reason says why); failed.
   */
  outcome: 'switched_off' | 'already_off' | 'would_switch_off' | 'needs_user_action' | 'failed';
  reason: string;
  /** Screenshots written for this run. */
  evidence: string[];
}

export interface ApplyOptions {
  sessionFile: string;
  dryRun?: boolean;
  lang?: string;
  /** Where the screenshots go; a new folder per run under it. */
  evidenceDir?: string;
  defaultTimeoutMs?: number;
}

/** The playbook of the provider's settings channel (the one that switches a setting off). */
function settingsPlaybook(provider: Provider): { key: string; playbook: Playbook } {
  const fromChannel = provider.channels.find((c) => c.type === 'settings' && c.playbook);
  const keys = [...(fromChannel?.type === 'settings' && fromChannel.playbook ? [fromChannel.playbook] : []), ...Object.keys(provider.playbooks)];
  for (const key of keys) {
    const playbook = provider.playbooks[key];
    if (playbook?.steps.some((s) => s.action === 'switchOff')) return { key, playbook };
  }
  throw new Error(`${provider.name} has no settings playbook (providers/${provider.slug}.json); apply only runs settings toggles`);
}

/** Test-only mapping of provider origins to fixture servers; openGuardedPage refuses it in production. */
function originOverride(): Record<string, string> | undefined {
  return hostSettings().originOverride;
}

export async function applySetting(provider: Provider, opts: ApplyOptions): Promise<ApplyReport> {
  const { key, playbook } = settingsPlaybook(provider);
  // Parsing errors name the problem, never a cookie value.
  const cookies = parseCookieExport(readFileSync(opts.sessionFile, 'utf8'), provider.origins);
  const browser = await launchBrowser();
  let result: Awaited<ReturnType<typeof runPlaybook>>;
  try {
    const page = await openGuardedPage(browser, { allowedOrigins: provider.origins, originOverride: originOverride() });
    try {
      result = await runPlaybook(page, playbook, {
        values: {},
        cookies,
        lang: opts.lang,
        dryRun: opts.dryRun,
        defaultTimeoutMs: opts.defaultTimeoutMs,
      });
    } finally {
      await closeGuardedPage(page);
    }
  } finally {
    await browser.close();
  }
  const dir = join(opts.evidenceDir ?? 'optout-evidence', `${provider.slug}-${key}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const evidence: string[] = [];
  if (result.screenshots.length > 0) mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [i, shot] of result.screenshots.entries()) {
    const path = join(dir, `${i + 1}-${shot.label.replace(/[^\w-]+/g, '-')}.png`);
    writeFileSync(path, shot.png, { mode: 0o600 });
    evidence.push(path);
  }
  const outcome = result.outcome === 'done' ? 'switched_off' : result.outcome;
  return { outcome, reason: result.reason, evidence };
}
