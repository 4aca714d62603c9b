// Readings are trusted only once the page has settled: a control drawn in a default state and set
// from the server (or after hydration) a moment later must never be read in between. A save the
// server answers with 201 but never stores must end in a failure, not in "done" or "already off".
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

describe('a page that shows its real state late', () => {
  it('a checkbox set from a slow fetch is read only after the fetch: the unsaved switch fails, never already_off', async () => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('late-state'), { timeoutMs: 6000 });
    expect(result.readings.before).toBe(true);
    expect(result.outcome).toBe('failed');
    expect(result.reason).toMatch(/\(readBack\): after a reload .* lets the provider train again: the change did not stick/);
    expect(sites.settings('pinterest', session)!.genai).toBe(true);
  });

  it('the same page with the setting really off: already_off, after the slow fetch answered', async () => {
    sites.setMode('pinterest', 'already_off');
    try {
      const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('late-state'), { timeoutMs: 6000 });
      expect(result.outcome).toBe('already_off');
      expect(result.readings).toEqual({ before: false, afterClick: false, afterReload: false });
      expect(sites.settings('pinterest', session)!.genai).toBe(false);
    } finally {
      sites.setMode('pinterest', 'normal');
    }
  });

  it('a switch that shows "off" for 1.5 s after the reload (a timer, no request) is read after the timer: not done', async () => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('late-hydration'), { timeoutMs: 6000 });
    expect(result.outcome).toBe('failed');
    expect(result.readings).toEqual({ before: true, afterClick: false, afterReload: true });
    expect(result.reason).toMatch(/the change did not stick/);
    expect(sites.settings('pinterest', session)!.genai).toBe(true);
  });

  it('a page that never stops loading is not read: failed with the reason, nothing changed', async () => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('busy-forever'), { timeoutMs: 2500 });
    expect(result.outcome).toBe('failed');
    expect(result.reason).toMatch(/\(readSetting\): the page with .* did not settle within 2500 ms \(it still showed a busy or loading indicator\)/);
    expect(sites.settings('pinterest', session)!.genai).toBe(true);
  });

  it('a page that settles at once is still switched off and read back', async () => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('settings'));
    expect(result.outcome).toBe('done');
    expect(result.readings).toEqual({ before: true, afterClick: false, afterReload: false });
    expect(sites.settings('pinterest', session)!.genai).toBe(false);
  });
});
