// Pages that make the engine work harder: late rendering, controls found by text, dialogs, unsaved
// toggles, form values. None of them may end in a false "done".
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { runPlaybook } from '../../functions/browser/engine.ts';
import { closeGuardedPage, openGuardedPage } from '../../functions/browser/launch.ts';
import { type Playbook, PlaybookSchema } from '../../functions/core/providers/playbook.ts';
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
        { action: 'dismissCookies', buttons: [] },
        { action: 'waitForText', text: 'What can I help with?' },
        { action: 'click', control: { text: 'Settings' } },
        ...playbook.steps.slice(1),
      ],
    };
    const { result, session } = await runOnFixture(browser, sites, 'openai', fromHome);
    expect(result.outcome).toBe('done');
    expect(sites.settings('openai', session)!.training).toBe(false);
    // Without the click the settings stay closed and the switch is never found.
    const noClick = { ...fromHome, steps: fromHome.steps.filter((s) => s.action !== 'click') };
    const { result: closed } = await runOnFixture(browser, sites, 'openai', noClick, { timeoutMs: 2000 });
    expect(closed.outcome).toBe('failed');
    expect(closed.reason).toContain('the setting "Improve the model for everyone" did not appear within 2000 ms');
  });

  it('a confirmation dialog is answered by meaning even when the playbook names no button for it', async () => {
    sites.setMode('quora', 'normal');
    const playbook = catalogPlaybook('quora', 'llm-training');
    // Without the provider's own word the generic "Confirm" is understood; "Cancel" is never pressed.
    const { result, session } = await runOnFixture(browser, sites, 'quora', { ...playbook, setting: { ...playbook.setting!, confirm: undefined } });
    expect(result.outcome).toBe('done');
    expect(sites.settings('quora', session)!.llm).toBe(false);
  });

  it('a toggle the server refuses to save fails when the save answers, naming the HTTP status', async () => {
    sites.setMode('linkedin', 'not_saved');
    const playbook = catalogPlaybook('linkedin', 'genai-training');
    const { result, session } = await runOnFixture(browser, sites, 'linkedin', playbook, { timeoutMs: 2500 });
    expect(result.outcome).toBe('failed');
    expect(result.failedStep).toBe(playbook.steps.findIndex((s) => s.action === 'switchOff') + 1);
    expect(result.reason).toMatch(/the site did not save the change: POST \/_fixture\/state answered HTTP 503/);
    expect(result.readings).toEqual({ before: true });
    expect(sites.settings('linkedin', session)!.genai).toBe(true);
  });

  it('nothing is reported off without a read-back after a reload: the schema refuses it, the engine too', async () => {
    sites.setMode('pinterest', 'normal');
    const playbook = catalogPlaybook('pinterest', 'genai-training');
    const noReadBack: Playbook = { ...playbook, steps: playbook.steps.filter((s) => s.action !== 'reload' && s.action !== 'readBack') };
    expect(PlaybookSchema.safeParse(noReadBack).success).toBe(false);
    const { result, session } = await runOnFixture(browser, sites, 'pinterest', noReadBack);
    expect(result.outcome).toBe('failed');
    expect(result.reason).toBe('the setting was not read back as off after a reload, so it is not reported as off');
    expect(sites.settings('pinterest', session)!.genai).toBe(false); // switched, but not proven
    // A read-back without a reload in between proves nothing either.
    const noReload: Playbook = { ...playbook, steps: playbook.steps.filter((s) => s.action !== 'reload') };
    const { result: unreloaded } = await runOnFixture(browser, sites, 'pinterest', noReload);
    expect(unreloaded.outcome).toBe('failed');
    expect(unreloaded.reason).toContain('(readBack): a read-back needs a reload after the switch');
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
