// Issue 15's matrix: each way real settings pages differ, for Pinterest, LinkedIn and X, run with the
// catalog's own playbooks (unchanged per page) in the person's language. Every case ends either
// switched off (read back after a reload, and off on the server) or in an honest hand-over or
// failure that names the reason, with the server's setting untouched.
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlaybookResult } from '../../functions/browser/engine.ts';
import type { FixtureSites } from '../support/fixture-sites.ts';
import { FEATURES, type Feature, type VariantSite } from '../support/fixture-variants.ts';
import { catalogPlaybook, runOnFixture, useFixtureBrowser } from './support.ts';

export const PROVIDERS = [
  ['pinterest', 'genai-training', 'genai'],
  ['linkedin', 'genai-training', 'genai'],
  ['x', 'grok-training', 'grok'],
] as const;

/** Differences where nobody could do better than stop: each must end in needs_user_action or failed. */
export const STOPPING: [Feature, PlaybookResult['outcome'], RegExp][] = [
  ['managed', 'needs_user_action', /is on and cannot be changed here \(disabled\); the page says: ".*(organi[sz]ation|Organisation)/],
  // Either the failed save is seen as it answers, or (when the answer comes after the save wait) the
  // read-back after the reload finds the setting still on: both are honest failures, checked on the
  // server below. Under load CI saw the second.
  ['failing-save', 'failed', /the site did not save the change: POST \/_fixture\/state answered HTTP 503|after a reload .* the change did not stick/],
  ['ambiguous', 'failed', /two controls could be the setting .* not guessing which/],
];

/** Differences a careful person copes with, every other one: each must end switched off. */
export const SWITCHABLE: Feature[] = FEATURES.filter((feature) => !STOPPING.some(([stopping]) => stopping === feature));

export function variantTexts(slug: string): VariantSite {
  const site = JSON.parse(readFileSync(new URL(`../fixtures/sites/${slug}/site.json`, import.meta.url), 'utf8')) as { variant: VariantSite };
  return site.variant;
}

/** The consent the browser stored after the banner (the fixture keeps the pressed button's text). */
function consentOf(sites: FixtureSites, slug: string, session: string): string | undefined {
  const cookies = sites.requests.filter((r) => r.provider === slug && r.headers.cookie?.includes(session)).map((r) => r.headers.cookie!);
  const last = cookies.reverse().find((c) => c.includes('fx_consent='));
  return last && decodeURIComponent(/fx_consent=([^;]*)/.exec(last)![1]!);
}

export function differenceMatrix(lang: 'en' | 'de'): void {
  let browser: Browser;
  let sites: FixtureSites;
  const tally = { switchedOff: 0, handedOver: 0, failed: 0 };
  useFixtureBrowser((b, s) => {
    browser = b;
    sites = s;
  });
  afterAll(() => {
    console.log(`issue-15 matrix (${lang}): ${JSON.stringify(tally)}`);
  });

  const run = async (slug: string, key: string, features: Feature[], personLang: string = lang) => {
    sites.setMode(slug, 'normal');
    sites.setVariant(slug, { lang, features });
    try {
      const out = await runOnFixture(browser, sites, slug, catalogPlaybook(slug, key), { timeoutMs: 6000, lang: personLang });
      const o = out.result.outcome;
      if (o === 'done') tally.switchedOff++;
      else if (o === 'needs_user_action') tally.handedOver++;
      else tally.failed++;
      return out;
    } finally {
      sites.setVariant(slug, null);
    }
  };

  describe.each(PROVIDERS)(`%s in ${lang}`, (slug, key, setting) => {
    const texts = variantTexts(slug).texts[lang]!;

    it.each(SWITCHABLE)('%s: switched off, read back as off after a reload, off on the server', async (feature) => {
      const { result, session } = await run(slug, key, [feature]);
      expect(result.reason).toBe('the setting was switched off, saved, and read back as off after a reload');
      expect(result.outcome).toBe('done');
      expect(result.readings).toEqual({ before: true, afterClick: false, afterReload: false });
      const server = sites.settings(slug, session)!;
      expect(server[setting]).toBe(false);
      expect(server.decoy).toBe(true); // the look-alike before it was left alone
      if (feature === 'cookie-banner') expect(consentOf(sites, slug, session)).toBe(texts.cookie.buttons[1]);
    });

    it.each(STOPPING)('%s: %s with the reason, nothing changed', async (feature, outcome, reason) => {
      const { result, session } = await run(slug, key, [feature]);
      expect(result.outcome).toBe(outcome);
      expect(result.reason).toMatch(reason);
      expect(result.screenshots.length).toBeGreaterThan(0);
      const server = sites.settings(slug, session)!;
      expect(server[setting]).toBe(true);
      expect(server.decoy).toBe(true);
    });
  });

  it(`all differences at once on an ${lang} LinkedIn page: still switched off`, async () => {
    const all: Feature[] = ['other-control', 'shadow-root', 'decoy', 'overview', 'notice', 'cookie-banner', 'confirm-dialog', 'slow-save', 'inverted'];
    const { result, session } = await run('linkedin', 'genai-training', all);
    expect(result.outcome).toBe('done');
    expect(sites.settings('linkedin', session)!.genai).toBe(false);
  });

  it(`a ${lang} page found when the person's language is the other one`, async () => {
    const { result, session } = await run('x', 'grok-training', ['plain'], lang === 'en' ? 'de' : 'en');
    expect(result.outcome).toBe('done');
    expect(sites.settings('x', session)!.grok).toBe(false);
  });
}
