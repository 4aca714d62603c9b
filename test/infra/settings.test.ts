// Deployment settings from CDK context: required ones fail with the flag to pass, bad ones name
// the value; cdk.json holds only non-secret defaults.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../infra/cdk/settings.ts';
import { CDK_JSON_CONTEXT, REQUIRED_CONTEXT } from './support.ts';

const from = (context: Record<string, unknown>) => () => parseSettings((name) => context[name]);
const full = { ...CDK_JSON_CONTEXT, ...REQUIRED_CONTEXT };

describe('deployment settings', () => {
  it('reads a complete context, with the defaults from cdk.json', () => {
    expect(from(full)()).toEqual({
      domain: 'example.org',
      fromAddress: 'optout@example.org',
      inboundDomain: 'in.example.org',
      retentionDays: 730,
      recheckDays: 180,
      allowedJurisdictions: ['EU', 'EEA', 'GB', 'US-CA'],
      operatorName: 'Optout Autopilot',
      maxAccounts: 40,
      reminderGraceDays: 14,
      finalNoticeGraceDays: 7,
      unverifiedHours: 72,
      addressMailsPerDay: 3,
      clientSubmissionsPerHour: 10,
      dailyVerificationMails: 1000,
      alarmEmail: undefined,
      sandboxRecipients: [],
    });
  });

  it('names each missing required setting and how to pass it', () => {
    expect(from({ ...full, domain: undefined })).toThrow('Missing context "domain": pass -c domain=example.org');
    expect(from({ ...full, fromAddress: '' })).toThrow('Missing context "fromAddress": pass -c fromAddress=optout@example.org');
    expect(from({ ...full, inboundDomain: undefined })).toThrow('Missing context "inboundDomain": pass -c inboundDomain=in.example.org');
    expect(from({ ...full, allowedJurisdictions: undefined })).toThrow('Missing context "allowedJurisdictions"');
    expect(from({ ...full, retentionDays: undefined })).toThrow('Missing context "retentionDays": pass -c retentionDays=730');
  });

  it('rejects malformed values, naming the setting and the value', () => {
    expect(from({ ...full, domain: 'not a domain' })).toThrow('Context "domain" must be a domain name like example.org, got "not a domain"');
    expect(from({ ...full, fromAddress: 'optout@elsewhere.net' })).toThrow('must be an address at the sending domain "example.org"');
    expect(from({ ...full, fromAddress: 'optout' })).toThrow('Context "fromAddress" must be an email address');
    expect(from({ ...full, retentionDays: '-3' })).toThrow('Context "retentionDays" must be a positive whole number');
    expect(from({ ...full, retentionDays: '1.5' })).toThrow('got "1.5"');
    // Shorter than the longest follow-up (92 + 14 + 7 days): TTL would delete requests mid-loop.
    expect(from({ ...full, retentionDays: '90' })).toThrow('Context "retentionDays" must be at least 113');
    // The functions refuse to start above 40 accounts: the synth must refuse first.
    expect(from({ ...full, maxAccounts: '50' })).toThrow('Context "maxAccounts" must be at most 40');
    expect(from({ ...full, retentionDays: '120', reminderGraceDays: '30' })).toThrow('at least 129');
    expect(from({ ...full, allowedJurisdictions: 'DE,Germany' })).toThrow('Context "allowedJurisdictions" has "GERMANY"');
    expect(from({ ...full, addressMailsPerDay: '0' })).toThrow('Context "addressMailsPerDay" must be a positive whole number');
    expect(from({ ...full, alarmEmail: 'ops' })).toThrow('Context "alarmEmail" must be an email address, got "ops"');
    expect(from({ ...full, sandboxRecipients: 'me@example.net,nobody' })).toThrow('"sandboxRecipients" has "nobody"');
  });

  it('accepts lists as comma strings (-c) or JSON arrays (cdk.json), normalised', () => {
    const settings = from({ ...full, allowedJurisdictions: [' de', 'us-ca '], sandboxRecipients: 'Me@Example.net' })();
    expect(settings.allowedJurisdictions).toEqual(['DE', 'US-CA']);
    expect(settings.sandboxRecipients).toEqual(['me@example.net']);
  });

  it('keeps only non-secret defaults in cdk.json', () => {
    expect(Object.keys(CDK_JSON_CONTEXT).sort()).toEqual(
      [
        'addressMailsPerDay',
        'allowedJurisdictions',
        'clientSubmissionsPerHour',
        'dailyVerificationMails',
        'finalNoticeGraceDays',
        'maxAccounts',
        'operatorName',
        'recheckDays',
        'reminderGraceDays',
        'retentionDays',
        'unverifiedHours',
      ].sort(),
    );
  });

  it('makes the CDK app exit with the message, not a stack trace, when context is missing', () => {
    const app = fileURLToPath(new URL('../../infra/cdk/app.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    let failure: { status?: number; stderr?: string } = {};
    try {
      execFileSync(process.execPath, [tsx, app], { env: { PATH: process.env.PATH, CDK_CONTEXT_JSON: '{}' }, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status?: number; stderr?: string };
    }
    expect(failure.status).toBe(1);
    expect(failure.stderr?.trim()).toBe('Missing context "domain": pass -c domain=example.org');
  });
});
