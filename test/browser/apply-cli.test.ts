// `npx optout apply` against the fixture sites, as a person would run it: the real CLI in a child
// process, the person's session as an exported cookie file, the origin override from the environment.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureSites, startFixtureSites } from '../support/fixture-sites.ts';

let sites: FixtureSites;
let dir: string;

beforeAll(async () => {
  sites = await startFixtureSites();
  dir = mkdtempSync(join(tmpdir(), 'optout-apply-'));
});
afterAll(async () => {
  await sites?.close();
});

interface Ran {
  code: number;
  report: { outcome: string; reason: string; evidence: string[] } | null;
  stderr: string;
}

function apply(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  const cli = new URL('../../cli/optout.ts', import.meta.url).pathname;
  const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
  return new Promise((resolve) => {
    execFile(
      tsx,
      [cli, 'apply', ...args],
      { env: { ...process.env, NODE_ENV: 'test', OPTOUT_ALLOW_ORIGIN_OVERRIDE: '1', OPTOUT_ORIGIN_OVERRIDE: JSON.stringify(sites.origins), ...env } },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        resolve({ code, report: stdout.trim().startsWith('{') ? JSON.parse(stdout) : null, stderr });
      },
    );
  });
}

function sessionFile(provider: string): { path: string; value: string } {
  const cookie = sites.newSession(provider);
  const path = join(dir, `${provider}-${cookie.value}.json`);
  writeFileSync(path, JSON.stringify([cookie]));
  return { path, value: cookie.value };
}

describe('optout apply', () => {
  it('--dry-run finds and reads the setting, changes nothing, and says it would switch it off', async () => {
    sites.setVariant('pinterest', { lang: 'en', features: ['overview', 'cookie-banner'] });
    const session = sessionFile('pinterest');
    const ran = await apply(['pinterest', '--session', session.path, '--dry-run', '--out', dir]);
    expect(ran.report).toMatchObject({ outcome: 'would_switch_off' });
    expect(ran.code).toBe(0);
    expect(sites.settings('pinterest', session.value)!.genai).toBe(true);
    expect(sites.requests.filter((r) => r.method === 'POST' && r.headers.cookie?.includes(session.value))).toEqual([]);
    expect(ran.report!.evidence.length).toBeGreaterThan(0);
    expect(readFileSync(ran.report!.evidence[0]!).subarray(1, 4).toString()).toBe('PNG');
  });

  it('switches it off on a German page with --lang de, then reports already_off, each read back after a reload', async () => {
    sites.setVariant('linkedin', { lang: 'de', features: ['confirm-dialog', 'notice'] });
    const session = sessionFile('linkedin');
    const first = await apply(['linkedin', '--session', session.path, '--lang', 'de', '--out', dir]);
    expect(first.report).toMatchObject({ outcome: 'switched_off', reason: 'the setting was switched off, saved, and read back as off after a reload' });
    expect(first.code).toBe(0);
    expect(sites.settings('linkedin', session.value)!.genai).toBe(false);
    const again = await apply(['linkedin', '--session', session.path, '--lang', 'de', '--dry-run', '--out', dir]);
    expect(again.report).toMatchObject({ outcome: 'already_off', reason: 'the setting was already off (read back after a reload); nothing was changed' });
    expect(again.code).toBe(0);
  });

  it('a setting managed by an organisation: needs_user_action with the reason, exit code 1', async () => {
    sites.setVariant('x', { lang: 'en', features: ['managed'] });
    const session = sessionFile('x');
    const ran = await apply(['x', '--session', session.path, '--out', dir]);
    expect(ran.report!.outcome).toBe('needs_user_action');
    expect(ran.report!.reason).toContain('This setting is managed by your organization.');
    expect(ran.code).toBe(1);
    expect(sites.settings('x', session.value)!.grok).toBe(true);
  });

  it('refuses the origin override when NODE_ENV=production, and asks for --session', async () => {
    const session = sessionFile('x');
    const prod = await apply(['x', '--session', session.path, '--out', dir], { NODE_ENV: 'production' });
    expect(prod.code).toBe(1);
    expect(prod.report).toBeNull();
    expect(prod.stderr).toContain('originOverride is refused');
    const usage = await apply(['x']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('missing --session');
  });
});
