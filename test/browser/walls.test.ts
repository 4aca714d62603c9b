// What must never end in a false "done": login, CAPTCHA and two-factor walls, renamed controls.
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Playbook } from '../../functions/core/providers/playbook.ts';
import type { FixtureSites } from '../support/fixture-sites.ts';
import { catalogPlaybook, expectPng, FIXTURE_PLAYBOOKS, isToggle, runOnFixture, useFixtureBrowser } from './support.ts';

let browser: Browser;
let sites: FixtureSites;

useFixtureBrowser((b, s) => {
  browser = b;
  sites = s;
});

const WALL_OF = { expired_session: 'login', captcha: 'captcha', two_factor: 'two_factor' } as const;

describe.each(FIXTURE_PLAYBOOKS)('%s playbook %s', (slug, key) => {
  const playbook = catalogPlaybook(slug, key);

  it.each(Object.keys(WALL_OF) as (keyof typeof WALL_OF)[])('%s: needs_user_action with the wall named and a screenshot', async (mode) => {
    sites.setMode(slug, mode);
    const { result, session } = await runOnFixture(browser, sites, slug, playbook);
    expect(result.outcome).toBe('needs_user_action');
    expect(result.wall).toBe(WALL_OF[mode]);
    expect(result.failedStep).toBe(1);
    expect(result.reason).toContain(playbook.deepLink);
    expectPng(result, `needs_user_action: ${WALL_OF[mode]}`);
    if (isToggle(playbook)) expect(Object.values(sites.settings(slug, session)!)).not.toContain(false);
  });

  it('renamed control: fails loudly, naming the step and the control, never done', async () => {
    sites.setMode(slug, 'renamed_control');
    const before = sites.submissions(slug).length;
    const { result, session } = await runOnFixture(browser, sites, slug, playbook, { timeoutMs: 2500 });
    expect(result.outcome).toBe('failed');
    expect(result.failedStep).toBeGreaterThan(1);
    expect(result.reason).toMatch(/^step \d+ \(\w+\): (no textbox ".+" appeared|the setting ".+" did not appear) within 2500 ms on https:\/\//);
    expectPng(result, `failed: step ${result.failedStep}`);
    expect(sites.submissions(slug).length).toBe(before);
    if (isToggle(playbook)) expect(Object.values(sites.settings(slug, session)!)).not.toContain(false);
  });
});

/** The same playbook without the provider-specific wall texts: only the generic signs are left. */
function withoutWallTexts(playbook: Playbook): Playbook {
  return { ...playbook, walls: { login: [], captcha: [], twoFactor: [] } };
}

describe('walls found by generic signs alone', () => {
  it.each([
    ['captcha', 'captcha', /a frame from www\.google\.com/],
    ['two_factor', 'two_factor', /a one-time code field/],
    ['expired_session', 'login', /a password field|the login page/],
  ] as const)('%s -> %s', async (mode, wall, evidence) => {
    sites.setMode('pinterest', mode);
    const { result } = await runOnFixture(browser, sites, 'pinterest', withoutWallTexts(catalogPlaybook('pinterest', 'genai-training')));
    expect(result.outcome).toBe('needs_user_action');
    expect(result.wall).toBe(wall);
    expect(result.reason).toMatch(evidence);
  });

  it('no session at all: the login redirect ends in needs_user_action', async () => {
    sites.setMode('x', 'normal');
    const { result } = await runOnFixture(browser, sites, 'x', catalogPlaybook('x', 'grok-training'), { cookies: 'none' });
    expect(result.outcome).toBe('needs_user_action');
    expect(result.wall).toBe('login');
    expect(result.reason).toContain('Sign in to X');
  });
});
