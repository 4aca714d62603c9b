// What the settings / web-form channel hands the engine and how it words a confirmation: the
// person's language goes to the engine (so their labels are tried first), and a sent web form is
// never recorded as a switch "read back as off".
import { describe, expect, it } from 'vitest';
import { confirmationDetail, playbookContext } from '../../functions/app/browser-channel.ts';
import type { RequestRecord, Submission } from '../../functions/data/store.ts';
import { catalogPlaybook } from './support.ts';

const request = { identifier: 'erika.pins', reference: 'OPT-1234' } as RequestRecord;
const submission = { name: 'Erika Mustermann', email: 'erika@example.org', lang: 'de' } as Submission;

describe('the browser channel', () => {
  it("passes the person's language to the engine, with the form's values and the session", () => {
    const cookies = [{ name: 'sid', value: 'x', domain: '.pinterest.com' }];
    expect(playbookContext(request, submission, cookies)).toEqual({
      values: { identifier: 'erika.pins', name: 'Erika Mustermann', email: 'erika@example.org', reference: 'OPT-1234' },
      cookies,
      lang: 'de',
    });
  });

  it('words a web form as sent with the confirmation shown, never as switched off', () => {
    const playbook = catalogPlaybook('facebook', 'ai-objection');
    const detail = confirmationDetail({ type: 'webform', label: 'Object to AI training' }, playbook, { outcome: 'done', reason: 'all steps completed' });
    expect(detail).toBe(`"Object to AI training": the form was sent and the provider's confirmation was shown (${playbook.description}).`);
    expect(detail).not.toMatch(/switched off|read back/);
  });

  it('words a settings toggle by what the read-back showed', () => {
    const playbook = catalogPlaybook('pinterest', 'genai-training');
    const channel = { type: 'settings', label: 'Use your data to train Pinterest Canvas' } as const;
    expect(confirmationDetail(channel, playbook, { outcome: 'done', reason: '' })).toBe(
      `"Use your data to train Pinterest Canvas" switched off and read back as off (${playbook.description}).`,
    );
    expect(confirmationDetail(channel, playbook, { outcome: 'already_off', reason: '' })).toBe(
      '"Use your data to train Pinterest Canvas" was already off; read back, nothing to change.',
    );
  });
});
