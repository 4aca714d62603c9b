// The catalog's playbooks, run by the real engine in the packaged Chromium against the fixture sites.
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { FixtureSites } from '../support/fixture-sites.ts';
import { catalogPlaybook, expectPng, FIXTURE_PLAYBOOKS, isToggle, runOnFixture, VALUES, useFixtureBrowser } from './support.ts';

let browser: Browser;
let sites: FixtureSites;

useFixtureBrowser((b, s) => {
  browser = b;
  sites = s;
});

describe.each(FIXTURE_PLAYBOOKS)('%s playbook %s', (slug, key) => {
  const playbook = catalogPlaybook(slug, key);

  it('is marked fixture-only and starts at its deep link', () => {
    expect(playbook.quality).toBe('fixture-only');
    expect(playbook.steps[0]).toEqual({ action: 'goto', url: playbook.deepLink });
  });

  it('normal path: done, confirmed by the server and by a read-back, with before/after screenshots', async () => {
    sites.setMode(slug, 'normal');
    const before = sites.submissions(slug).length;
    const { result, session } = await runOnFixture(browser, sites, slug, playbook);
    expect(result.reason).not.toMatch(/failed|wall/);
    expect(result.outcome).toBe('done');
    expectPng(result, 'before');
    expectPng(result, 'after');
    if (isToggle(playbook)) {
      expect(result.readings).toEqual({ before: true, afterClick: false, afterReload: false });
      const server = sites.settings(slug, session)!;
      expect(Object.values(server)).toContain(false);
      // Only the one setting changed: the neighbours on the same page kept their state.
      expect(Object.values(server).filter((v) => v === false)).toHaveLength(1);
    } else {
      const sent = sites.submissions(slug).slice(before);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.fields.email).toBe(VALUES.email);
      expect(Object.values(sent[0]!.fields)).toContain(VALUES.letterText);
    }
  });
});

describe.each(FIXTURE_PLAYBOOKS.filter(([slug, key]) => isToggle(catalogPlaybook(slug, key))))('%s toggle %s', (slug, key) => {
  it('already off: reported as already_off, nothing clicked', async () => {
    sites.setMode(slug, 'already_off');
    const { result, session } = await runOnFixture(browser, sites, slug, catalogPlaybook(slug, key));
    expect(result.outcome).toBe('already_off');
    expect(result.readings.before).toBe(false);
    expect(Object.values(sites.settings(slug, session)!).every((v) => v === false)).toBe(true);
    const posts = sites.requests.filter((r) => r.provider === slug && r.method === 'POST');
    expect(posts.filter((r) => r.headers.cookie?.includes(session))).toEqual([]);
  });
});
