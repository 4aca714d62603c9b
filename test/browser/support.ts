// Shared by the browser tests: the catalog's own playbooks, run against the fixture sites.
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { closeGuardedPage, launchBrowser, openGuardedPage } from '../../functions/browser/launch.ts';
import { type PlaybookResult, runPlaybook } from '../../functions/browser/engine.ts';
import { getProvider } from '../../functions/core/providers/catalog.ts';
import type { Playbook } from '../../functions/core/providers/playbook.ts';
import { type FixtureSites, startFixtureSites } from '../support/fixture-sites.ts';

/** The settings playbooks issue 12 added, with their fixture sites (kept apart to time and list them). */
export const NEW_SETTINGS_PLAYBOOKS: [string, string][] = [
  ['anthropic', 'improve-claude'],
  ['google', 'gemini-activity'],
  ['microsoft', 'text-training'],
  ['microsoft', 'voice-training'],
  ['grammarly', 'product-improvement'],
  ['mistral', 'le-chat-training'],
  ['perplexity', 'ai-data-retention'],
  ['github', 'copilot-training'],
  ['tumblr', 'third-party-sharing'],
  ['wordpress-com', 'third-party-sharing'],
  ['youtube', 'third-party-training'],
];

/** Every (provider, playbook) pair of the catalog that has a fixture site. */
export const FIXTURE_PLAYBOOKS: [string, string][] = [
  ['pinterest', 'genai-training'],
  ['linkedin', 'genai-training'],
  ['linkedin', 'ts-dpro-objection'],
  ['x', 'grok-training'],
  ['quora', 'llm-training'],
  ['openai', 'improve-model'],
  ['facebook', 'ai-objection'],
  ['instagram', 'ai-objection'],
  // Issue 12: settings toggles with a small fixture page each (providers/<slug>.json, test/fixtures/sites/<slug>/).
  ...NEW_SETTINGS_PLAYBOOKS,
];

export const VALUES = {
  name: 'Ada Example',
  email: 'ada@example.org',
  letterText: 'I object to the use of my personal data for training AI models (GDPR Art. 21).\nPlease confirm.',
};

export function catalogPlaybook(slug: string, key: string): Playbook {
  const playbook = getProvider(slug).playbooks[key];
  if (!playbook) throw new Error(`providers/${slug}.json has no playbook "${key}"`);
  return playbook;
}

export function isToggle(playbook: Playbook): boolean {
  return playbook.steps.some((s) => s.action === 'switchOff');
}

/** Runs a playbook on a fresh guarded page; returns the result and the session cookie's value. */
export async function runOnFixture(
  browser: Browser,
  sites: FixtureSites,
  slug: string,
  playbook: Playbook,
  opts: { cookies?: 'session' | 'none'; timeoutMs?: number; lang?: string; dryRun?: boolean } = {},
): Promise<{ result: PlaybookResult; session: string }> {
  const cookie = sites.newSession(slug);
  const page = await openGuardedPage(browser, { allowedOrigins: getProvider(slug).origins, originOverride: sites.origins });
  try {
    const result = await runPlaybook(page, playbook, {
      values: VALUES,
      cookies: opts.cookies === 'none' ? [] : [cookie],
      defaultTimeoutMs: opts.timeoutMs ?? 5000,
      lang: opts.lang,
      dryRun: opts.dryRun,
    });
    return { result, session: cookie.value };
  } finally {
    await closeGuardedPage(page);
  }
}

export function expectPng(result: PlaybookResult, label: string): void {
  const shot = result.screenshots.find((s) => s.label === label);
  expect(shot, `screenshot "${label}" in ${result.screenshots.map((s) => s.label).join(', ')}`).toBeDefined();
  expect(shot!.png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(shot!.png.length).toBeGreaterThan(1000);
}

/**
 * One Chromium and one set of fixture sites per test file (launching per test would dominate the
 * run time); the origin override is allowed only while the file runs.
 */
export function useFixtureBrowser(ready: (browser: Browser, sites: FixtureSites) => void): void {
  let browser: Browser | undefined;
  let sites: FixtureSites | undefined;
  beforeAll(async () => {
    vi.stubEnv('OPTOUT_ALLOW_ORIGIN_OVERRIDE', '1');
    sites = await startFixtureSites();
    browser = await launchBrowser();
    ready(browser, sites);
  });
  afterAll(async () => {
    await browser?.close();
    await sites?.close();
    vi.unstubAllEnvs();
  });
}

/**
 * The Pinterest playbook of the catalog, unchanged but for where it starts: one of the hard pages
 * (test/fixtures/sites/common/hard/<name>.html), served on Pinterest's fixture origin.
 */
export function onHardPage(name: string, query = ''): Playbook {
  const playbook = catalogPlaybook('pinterest', 'genai-training');
  const url = `https://www.pinterest.com/_fixture/hard/${name}${query}`;
  return { ...playbook, deepLink: url, steps: playbook.steps.map((s) => (s.action === 'goto' ? { ...s, url } : s)) };
}

/** The paths the browser asked the Pinterest fixture for under /_fixture/hard/. */
export function hardPagesVisited(sites: FixtureSites): string[] {
  return sites.requests.filter((r) => r.provider === 'pinterest' && r.path.startsWith('/_fixture/hard/')).map((r) => r.path);
}
