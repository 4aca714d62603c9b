// Deployment settings from CDK context, parsed with the runtime's settings schema: required ones fail
// with the flag to pass, bad ones name the value and the rule, defaults are the schema's (cdk.json
// restates none), and every runtime setting the context sets reaches every function's environment.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/adapters/config.ts';
import { CONTEXT_SETTINGS, RUNTIME_SETTINGS } from '../../functions/settings/schema.ts';
import { functionEnvironment, parseSettings } from '../../infra/cdk/settings.ts';
import { type Cfn, CDK_JSON_CONTEXT, REQUIRED_CONTEXT, synth } from './support.ts';

const from = (context: Record<string, unknown>) => () => parseSettings((name) => context[name]);
const full = { ...CDK_JSON_CONTEXT, ...REQUIRED_CONTEXT };

/** A value other than the default for every optional runtime setting the context sets. */
const CHANGED: Record<string, string> = {
  sendGraceSeconds: '300',
  operatorName: 'Example Agent',
  retentionDays: '800',
  maxAccounts: '20',
  reminderGraceDays: '10',
  finalNoticeGraceDays: '5',
  recheckDays: '0',
  unverifiedHours: '48',
  addressMailsPerDay: '2',
  clientSubmissionsPerHour: '5',
  dailyVerificationMails: '500',
  allowedJurisdictions: 'DE,FR',
};

describe('deployment settings', () => {
  it('reads a complete context, with the defaults from the settings schema', () => {
    expect(from(full)()).toEqual({
      domain: 'example.org',
      fromAddress: 'optout@example.org',
      inboundDomain: 'in.example.org',
      retentionDays: 730,
      recheckDays: 30,
      allowedJurisdictions: ['EU', 'EEA', 'GB', 'US-CA'],
      operatorName: 'Optout Autopilot',
      maxAccounts: 40,
      reminderGraceDays: 14,
      finalNoticeGraceDays: 7,
      unverifiedHours: 72,
      addressMailsPerDay: 3,
      clientSubmissionsPerHour: 10,
      dailyVerificationMails: 1000,
      sendGraceSeconds: 120,
      alarmEmail: undefined,
      sandboxRecipients: [],
      stackName: 'OptoutAutopilot',
    });
  });

  it('names each missing required setting and how to pass it', () => {
    expect(from({ ...full, domain: undefined })).toThrow('Missing context "domain": pass -c domain=example.org');
    expect(from({ ...full, fromAddress: '' })).toThrow('Missing context "fromAddress": pass -c fromAddress=optout@example.org');
    expect(from({ ...full, inboundDomain: undefined })).toThrow('Missing context "inboundDomain": pass -c inboundDomain=in.example.org');
    expect(from({ ...full, allowedJurisdictions: undefined })).toThrow('Missing context "allowedJurisdictions": pass -c allowedJurisdictions=EU,EEA,GB,US-CA');
    expect(from({ ...full, allowedJurisdictions: ' , ' })).toThrow('Missing context "allowedJurisdictions"');
  });

  it('rejects malformed values, naming the setting, the rule and the value', () => {
    expect(from({ ...full, domain: 'not a domain' })).toThrow('Context "domain" must be a domain name like example.org, got "not a domain"');
    expect(from({ ...full, fromAddress: 'optout@elsewhere.net' })).toThrow('must be an address at the sending domain "example.org"');
    expect(from({ ...full, fromAddress: 'optout' })).toThrow('Context "fromAddress" must be an email address, got "optout"');
    expect(from({ ...full, retentionDays: '-3' })).toThrow('Context "retentionDays" must be a whole number of 1 or more, got "-3"');
    expect(from({ ...full, retentionDays: '1.5' })).toThrow('got "1.5"');
    // Shorter than the longest follow-up (92 + 14 + 7 days): TTL would delete requests mid-loop.
    expect(from({ ...full, retentionDays: '90' })).toThrow('Context "retentionDays" must be at least 113');
    // The functions refuse to start above 40 accounts: the synth refuses first, with the same rule.
    expect(from({ ...full, maxAccounts: '50' })).toThrow('Context "maxAccounts" must be a whole number from 1 to 40, got "50"');
    expect(from({ ...full, retentionDays: '120', reminderGraceDays: '30' })).toThrow('at least 129');
    expect(from({ ...full, allowedJurisdictions: 'DE,Germany' })).toThrow('Context "allowedJurisdictions" has "GERMANY"');
    expect(from({ ...full, addressMailsPerDay: '0' })).toThrow('Context "addressMailsPerDay" must be a whole number of 1 or more, got "0"');
    expect(from({ ...full, sendGraceSeconds: 'soon' })).toThrow('Context "sendGraceSeconds" must be a whole number of 1 or more, got "soon"');
    expect(from({ ...full, alarmEmail: 'ops' })).toThrow('Context "alarmEmail" must be an email address, got "ops"');
    expect(from({ ...full, sandboxRecipients: 'me@example.net,nobody' })).toThrow('"sandboxRecipients" has "nobody"');
    expect(from({ ...full, operatorName: { name: 'x' } })).toThrow('Context "operatorName" must be text, got {"name":"x"}');
    expect(from({ ...full, stackName: '1st' })).toThrow('Context "stackName" must be a stack name');
  });

  it('accepts 0 re-check days, the documented "never re-check"', () => {
    expect(from({ ...full, recheckDays: 0 })().recheckDays).toBe(0);
    expect(from({ ...full, recheckDays: '0' })().recheckDays).toBe(0);
  });

  it('accepts lists as comma strings (-c) or JSON arrays (cdk.json), normalised', () => {
    const settings = from({ ...full, allowedJurisdictions: [' de', 'us-ca '], sandboxRecipients: 'Me@Example.net' })();
    expect(settings.allowedJurisdictions).toEqual(['DE', 'US-CA']);
    expect(settings.sandboxRecipients).toEqual(['me@example.net']);
  });

  it('keeps no default in cdk.json: only the one choice a deployment must make', () => {
    expect(CDK_JSON_CONTEXT).toEqual({ allowedJurisdictions: 'EU,EEA,GB,US-CA' });
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

describe("the functions' environment from the context", () => {
  it('carries the default of every context setting the functions read, as the local runtime has it', () => {
    const environment = functionEnvironment(from(full)());
    const mapped = RUNTIME_SETTINGS.filter((e) => e.meta.context);
    expect(Object.keys(environment).sort()).toEqual(mapped.map((e) => e.meta.env!).sort());
    // What the stack and the local runtime set themselves, besides the context.
    const wiring = { AWS_REGION: 'eu-west-1', TABLE_NAME: 't', OPTOUT_PUBLIC_URL: 'https://x.example' };
    const deployed = loadConfig({ ...environment, ...wiring });
    const local = loadConfig({ ...wiring, OPTOUT_FROM_ADDRESS: 'optout@example.org', OPTOUT_INBOUND_DOMAIN: 'in.example.org' });
    for (const e of mapped.filter((s) => !s.meta.context!.required)) {
      expect(deployed[e.key as keyof typeof deployed], e.key).toEqual(local[e.key as keyof typeof local]);
    }
  });

  it('gives every function each context setting (OPTOUT_SEND_GRACE_SECONDS too) under its variable', () => {
    const optional = CONTEXT_SETTINGS.filter((e) => e.meta.env && !e.meta.context.required).map((e) => e.meta.context.key);
    expect(Object.keys(CHANGED).sort()).toEqual(optional.concat('allowedJurisdictions').sort());
    const { template } = synth(CHANGED);
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as Cfn[];
    expect(functions.length).toBeGreaterThan(10);
    for (const fn of functions) {
      const variables = fn.Properties.Environment.Variables as Record<string, unknown>;
      for (const [key, value] of Object.entries(CHANGED)) {
        const setting = CONTEXT_SETTINGS.find((e) => e.meta.context.key === key)!;
        expect(variables[setting.meta.env!], `${fn.Properties.Description}: ${setting.meta.env}`).toBe(value);
      }
    }
  });
});
