// Pages that make the engine work harder: late rendering, controls found by text, dialogs, unsaved
// toggles, form values. None of them may end in a false "done".
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { runPlaybook } from '../../functions/browser/engine.ts';
import { closeGuardedPage, openGuardedPage } from '../../functions/browser/launch.ts';
import type { Playbook } from '../../functions/core/providers/playbook.ts';
import type { FixtureSites } from '../support/fixture-sites.ts';
import { catalogPlaybook, runOnFixture, useFixtureBrowser } from './support.ts';

let browser: Browser;
let sites: FixtureSites;

useFixtureBrowser((b, s) => {
  browser = b;
  sites = s;
});

describe('pages that make the engine work harder', () => {
  it('controls that render 2.5 s late are waited for', async () => {
    sites.setMode('pinterest', 'slow');
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', catalogPlaybook('pinterest', 'genai-training'), { timeoutMs: 6000 });
    expect(result.outcome).toBe('done');
    expect(sites.settings('pinterest', session)!.genai).toBe(false);
  });

  it('finds a control by its visible text: opening ChatGPT settings from the home page', async () => {
    sites.setMode('openai', 'normal');
    const playbook = catalogPlaybook('openai', 'improve-model');
    const fromHome: Playbook = {
      ...playbook,
      steps: [
        { action: 'goto', url: 'https://chatgpt.com/' },
        playbook.steps[1]!, // the cookie banner
        { action: 'waitForText', text: 'What can I help with?' },
        { action: 'click', control: { text: 'Settings' } },
        ...playbook.steps.slice(2),
      ],
    };
    const { result, session } = await runOnFixture(browser, sites, 'openai', fromHome);
    expect(result.outcome).toBe('done');
    expect(sites.settings('openai', session)!.training).toBe(false);
    // Without the click the settings stay closed and the switch is never found.
    const noClick = { ...fromHome, steps: fromHome.steps.filter((s) => s.action !== 'click') };
    const { result: closed } = await runOnFixture(browser, sites, 'openai', noClick, { timeoutMs: 2000 });
    expect(closed.outcome).toBe('failed');
    expect(closed.reason).toContain('no switch "Improve the model for everyone" appeared');
  });

  it('a confirmation dialog that the playbook does not answer leaves the toggle on: failed, not done', async () => {
    sites.setMode('quora', 'normal');
    const playbook = catalogPlaybook('quora', 'llm-training');
    const unanswered: Playbook = {
      ...playbook,
      steps: playbook.steps.map((s) => (s.action === 'setToggle' ? { ...s, confirm: undefined } : s)),
    };
    const { result, session } = await runOnFixture(browser, sites, 'quora', unanswered, { timeoutMs: 2500 });
    expect(result.outcome).toBe('failed');
    expect(result.reason).toMatch(/setToggle\): switch "Allow large language models to be trained on your content" still reads on/);
    expect(sites.settings('quora', session)!.llm).toBe(true);
  });

  it('a toggle the server refuses to save fails at the read-back', async () => {
    sites.setMode('linkedin', 'not_saved');
    const playbook = catalogPlaybook('linkedin', 'genai-training');
    const { result, session } = await runOnFixture(browser, sites, 'linkedin', playbook, { timeoutMs: 2500 });
    expect(result.outcome).toBe('failed');
    expect(result.failedStep).toBe(playbook.steps.findIndex((s) => s.action === 'setToggle') + 1);
    expect(result.reason).toContain('still reads on');
    expect(result.readings).toEqual({ before: true });
    expect(sites.settings('linkedin', session)!.genai).toBe(true);
  });

  it('a value the form needs but was not given fails before anything is sent, naming it', async () => {
    sites.setMode('facebook', 'normal');
    const page = await openGuardedPage(browser, { allowedOrigins: ['https://www.facebook.com'], originOverride: sites.origins });
    try {
      const before = sites.submissions('facebook').length;
      const result = await runPlaybook(page, catalogPlaybook('facebook', 'ai-objection'), {
        values: { letterText: 'I object.' },
        cookies: [sites.newSession('facebook')],
        defaultTimeoutMs: 3000,
      });
      expect(result.outcome).toBe('failed');
      expect(result.reason).toBe('step 3 (fill): textbox "Email address" needs "email", which was not given');
      expect(sites.submissions('facebook').length).toBe(before);
    } finally {
      await closeGuardedPage(page);
    }
  });

  it('an optional field without a value is left empty and the form is still sent', async () => {
    sites.setMode('instagram', 'normal');
    const page = await openGuardedPage(browser, {
      allowedOrigins: ['https://help.instagram.com', 'https://www.instagram.com'],
      originOverride: sites.origins,
    });
    try {
      const result = await runPlaybook(page, catalogPlaybook('instagram', 'ai-objection'), {
        values: { email: 'ada@example.org' },
        cookies: [sites.newSession('instagram')],
        defaultTimeoutMs: 3000,
      });
      expect(result.outcome).toBe('done');
      expect(sites.submissions('instagram').at(-1)!.fields).toEqual({ email: 'ada@example.org', impact: '' });
    } finally {
      await closeGuardedPage(page);
    }
  });
});
