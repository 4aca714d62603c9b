// The way to the setting and the control itself, as real pages draw them: a menu inside a modal
// dialog, a menu entry whose name only begins with the label, an entry that leads to a help page,
// a visually hidden checkbox under a drawn slider, a label with a colon and invisible characters,
// and a switch disabled from outside its shadow root.
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { FixtureSites } from '../support/fixture-sites.ts';
import { hardPagesVisited, onHardPage, runOnFixture, useFixtureBrowser } from './support.ts';

let browser: Browser;
let sites: FixtureSites;

useFixtureBrowser((b, s) => {
  browser = b;
  sites = s;
});

describe('the menu path', () => {
  it('inside a modal dialog: followed, not closed', async () => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('menu-in-dialog'), { timeoutMs: 4000 });
    expect(result.outcome).toBe('done');
    expect(sites.settings('pinterest', session)!.genai).toBe(false);
  });

  it('an exact entry is followed before one that only begins with its name', async () => {
    sites.setMode('pinterest', 'normal');
    const before = hardPagesVisited(sites).length;
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('menu-prefix'), { timeoutMs: 4000 });
    expect(result.outcome).toBe('done');
    expect(hardPagesVisited(sites).slice(before)).not.toContain('/_fixture/hard/faq');
    expect(sites.settings('pinterest', session)!.genai).toBe(false);
  });

  it('an entry that leads to a page without the setting is gone back from, and the next one is tried', async () => {
    sites.setMode('pinterest', 'normal');
    const before = hardPagesVisited(sites).length;
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('menu-dead-end'), { timeoutMs: 6000 });
    expect(result.reason).toBe('the setting was switched off, saved, and read back as off after a reload');
    expect(hardPagesVisited(sites).slice(before)).toEqual(
      expect.arrayContaining(['/_fixture/hard/menu-dead-end', '/_fixture/hard/faq', '/_fixture/hard/settings']),
    );
    expect(sites.settings('pinterest', session)!.genai).toBe(false);
  });
});

describe('the control', () => {
  it('a visually hidden checkbox under its slider is clicked through its label, not reported as covered', async () => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('hidden-input'), { timeoutMs: 4000 });
    expect(result.outcome).toBe('done');
    expect(sites.settings('pinterest', session)!.genai).toBe(false);
  });

  it('a label with a trailing colon, a soft hyphen and a zero-width space is still the exact label', async () => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('odd-label'), { timeoutMs: 4000 });
    expect(result.outcome).toBe('done');
    expect(sites.settings('pinterest', session)!.genai).toBe(false);
  });

  it('a switch in a shadow root inside a disabled row is disabled: handed over, nothing changed', async () => {
    sites.setMode('pinterest', 'normal');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', onHardPage('managed-shadow'), { timeoutMs: 4000 });
    expect(result.outcome).toBe('needs_user_action');
    expect(result.reason).toMatch(/is on and cannot be changed here \(disabled\)/);
    expect(sites.settings('pinterest', session)!.genai).toBe(true);
  });
});
