// Dialogs on the way to the setting: a tracking-consent dialog that never says "cookie" gets no
// "OK" (in any of the seven languages), a native confirm() is answered by what it asks, and a
// notice that comes back after the reload is closed again, still without agreeing to anything.
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { FixtureSites } from '../support/fixture-sites.ts';
import { onHardPage, runOnFixture, useFixtureBrowser } from './support.ts';

let browser: Browser;
let sites: FixtureSites;

useFixtureBrowser((b, s) => {
  browser = b;
  sites = s;
});

describe('a consent dialog about trackers and identifiers, with only OK and Settings', () => {
  it.each(['en', 'de', 'fr', 'es', 'it', 'nl', 'pl'])('in %s: handed over, nothing agreed to, the setting untouched', async (lang) => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('consent-only', `?lang=${lang}`), { timeoutMs: 3000, lang });
    expect(result.outcome).toBe('needs_user_action');
    // French calls trackers "traceurs", the word it also uses for cookies: either wording is right.
    expect(result.reason).toMatch(
      /(a consent dialog \(".*"\)|a cookie banner covers the page and) offers only consent \(.*\); the engine never (agrees to tracking|accepts cookies)/,
    );
    expect(sites.consents('pinterest', session)).toEqual([]);
    expect(sites.settings('pinterest', session)!.genai).toBe(true);
  });
});

describe('a native confirm() after the switch', () => {
  it('asking to turn training off: accepted, switched off and read back', async () => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('native-confirm', '?ask=off'), { timeoutMs: 4000 });
    expect(result.outcome).toBe('done');
    expect(sites.settings('pinterest', session)!.genai).toBe(false);
  });

  it('asking something else: dismissed, handed over quoting it, nothing changed, within the step time', async () => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('native-confirm', '?ask=share'), { timeoutMs: 3000 });
    expect(result.outcome).toBe('needs_user_action');
    expect(result.reason).toContain(
      'the page showed a native confirm dialog ("Share your boards with our partners to keep using Pinterest Canvas?"); it was dismissed and nothing was confirmed',
    );
    expect(result.failedStep).toBe(5);
    expect(sites.settings('pinterest', session)!.genai).toBe(true);
  });
});

describe('a notice that covers the page again after the reload', () => {
  it('is closed again with "Not now", and the read-back proves the switch off', async () => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('notice-again'), { timeoutMs: 4000 });
    expect(result.outcome).toBe('done');
    expect(result.readings).toEqual({ before: true, afterClick: false, afterReload: false });
    expect(sites.settings('pinterest', session)!.genai).toBe(false);
  });
});
