// What the person is told exists in each language and never shows a missing value as "undefined".
import { describe, expect, it } from 'vitest';
import { MESSAGE_KEYS, message } from '../../functions/core/messages.ts';
import { LANGUAGES } from '../../functions/core/model.ts';

const KEYS = MESSAGE_KEYS;

const FULL = {
  file: 'complaint-pinterest-OA-1.eml',
  provider: 'Pinterest',
  path: 'Settings > Privacy',
  label: 'Use your data',
  source: 'https://x',
  reason: 'CAPTCHA',
  target: 'a@b.c',
  status: '5.1.1',
  asked: 'Send ID',
  reference: 'OA-1',
  url: 'https://form',
  from: 'x@y.z',
  auth: 'dmarc=fail',
  due: '2026-12-01',
  authority: 'DPC',
  webform: 'https://dpc',
  email: 'info@dpc',
  enforcer: 'Colorado Attorney General',
  act: 'Colorado Privacy Act',
  citation: 'C.R.S. § 6-1-1311',
};

describe('messages to the person', () => {
  it.each(LANGUAGES.flatMap((lang) => KEYS.map((key) => [lang, key] as const)))('%s %s reads without gaps', (lang, key) => {
    const full = message(lang, key, FULL);
    const bare = message(lang, key, {
      file: 'f.eml',
      provider: 'Pinterest',
      label: 'Use your data',
      reason: 'x',
      reference: 'OA-1',
      due: '2026-12-01',
      authority: 'DPC',
      from: 'x',
      auth: 'y',
      target: 't',
      path: 'p',
      source: 's',
      enforcer: 'e',
      act: 'a',
      citation: 'c',
    });
    for (const text of [full, bare]) {
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/undefined|null|\$\{/);
    }
  });

  it('speaks German to a German person', () => {
    expect(message('de', 'handoverSettings', FULL)).toBe('Öffnen Sie Pinterest > Settings > Privacy und schalten Sie „Use your data“ aus.');
    expect(message('en', 'handoverSettings', FULL)).toBe('Open Pinterest > Settings > Privacy and switch off "Use your data".');
  });
});
