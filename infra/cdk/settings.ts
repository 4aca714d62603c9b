// Deployment settings, read from CDK context (`-c name=value` or cdk.json). Missing or malformed
// values fail the synth with a message that names the setting and shows how to pass it.
import { MAX_ACCOUNTS_LIMIT } from '../../functions/adapters/config.ts';
import type { Node } from 'constructs';

export interface DeploySettings {
  /** The sending domain: an SES identity with Easy DKIM is created for it. */
  domain: string;
  /** Every letter comes From this address; it must be at `domain`. */
  fromAddress: string;
  /** Replies arrive at reply+<token>@inboundDomain (MX -> SES inbound). */
  inboundDomain: string;
  retentionDays: number;
  recheckDays: number;
  /** Upper-case jurisdiction codes ("DE", "US-CA") or the groups "EU" / "EEA". */
  allowedJurisdictions: string[];
  operatorName: string;
  maxAccounts: number;
  reminderGraceDays: number;
  finalNoticeGraceDays: number;
  /** Hours an unconfirmed submission is kept; then the abuse limits of the public form (app/limits.ts). */
  unverifiedHours: number;
  addressMailsPerDay: number;
  clientSubmissionsPerHour: number;
  dailyVerificationMails: number;
  /** Alarm notifications go here when set. */
  alarmEmail?: string;
  /**
   * SES sandbox only: verified recipient addresses the functions may send to. In the sandbox SES
   * authorizes SendEmail against the recipient identities too, so they must be in the IAM policy.
   */
  sandboxRecipients: string[];
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^\s@<>()",;]+@([^\s@<>()",;]+)$/;
const JURISDICTION = /^(EU|EEA|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/;

type Lookup = (name: string) => unknown;

function text(lookup: Lookup, name: string, example: string, required: boolean): string | undefined {
  const raw = lookup(name);
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    if (required) throw new SettingsError(`Missing context "${name}": pass -c ${name}=${example}`);
    return undefined;
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw new SettingsError(`Context "${name}" must be a string, got ${JSON.stringify(raw)}: pass -c ${name}=${example}`);
  }
  return String(raw).trim();
}

function positiveInteger(lookup: Lookup, name: string, example: number): number {
  const raw = text(lookup, name, String(example), true)!;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new SettingsError(`Context "${name}" must be a positive whole number of days/items, got "${raw}": pass -c ${name}=${example}`);
  }
  return value;
}

function list(lookup: Lookup, name: string): string[] {
  const raw = lookup(name);
  if (raw === undefined || raw === null) return [];
  const items = Array.isArray(raw) ? raw.map(String) : String(raw).split(',');
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

function domainOf(lookup: Lookup, name: string, example: string): string {
  const value = text(lookup, name, example, true)!.toLowerCase();
  if (!DOMAIN.test(value)) throw new SettingsError(`Context "${name}" must be a domain name like ${example}, got "${value}"`);
  return value;
}

export function readSettings(node: Node): DeploySettings {
  return parseSettings((name) => node.tryGetContext(name));
}

/** Parses settings from any lookup (the construct tree's context in the app, a plain object in tests). */
export function parseSettings(lookup: Lookup): DeploySettings {
  const domain = domainOf(lookup, 'domain', 'example.org');
  const fromAddress = text(lookup, 'fromAddress', `optout@${domain}`, true)!.toLowerCase();
  const fromDomain = EMAIL.exec(fromAddress)?.[1];
  if (!fromDomain) throw new SettingsError(`Context "fromAddress" must be an email address, got "${fromAddress}"`);
  // The IAM grant names the domain identity; a From at another domain would be refused by SES.
  if (fromDomain !== domain) {
    throw new SettingsError(`Context "fromAddress" must be an address at the sending domain "${domain}", got "${fromAddress}"`);
  }
  const inboundDomain = domainOf(lookup, 'inboundDomain', `in.${domain}`);

  const allowedJurisdictions = list(lookup, 'allowedJurisdictions').map((j) => j.toUpperCase());
  if (allowedJurisdictions.length === 0) {
    throw new SettingsError('Missing context "allowedJurisdictions": pass -c allowedJurisdictions=EU,EEA,GB,US-CA');
  }
  const badJurisdiction = allowedJurisdictions.find((j) => !JURISDICTION.test(j));
  if (badJurisdiction) {
    throw new SettingsError(`Context "allowedJurisdictions" has "${badJurisdiction}": use ISO codes like DE or US-CA, or EU / EEA`);
  }

  const alarmEmail = text(lookup, 'alarmEmail', 'ops@example.org', false);
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) {
    throw new SettingsError(`Context "alarmEmail" must be an email address, got "${alarmEmail}"`);
  }
  const sandboxRecipients = list(lookup, 'sandboxRecipients').map((r) => r.toLowerCase());
  const badRecipient = sandboxRecipients.find((r) => !EMAIL.test(r));
  if (badRecipient) throw new SettingsError(`Context "sandboxRecipients" has "${badRecipient}", which is not an email address`);

  const operatorName = text(lookup, 'operatorName', '"Optout Autopilot"', true)!;
  // The functions refuse to start above this (see MAX_ACCOUNTS_LIMIT): fail the synth, not every request.
  const maxAccounts = positiveInteger(lookup, 'maxAccounts', MAX_ACCOUNTS_LIMIT);
  if (maxAccounts > MAX_ACCOUNTS_LIMIT) {
    throw new SettingsError(
      `Context "maxAccounts" must be at most ${MAX_ACCOUNTS_LIMIT} (a Step Functions inline Map runs ${MAX_ACCOUNTS_LIMIT} iterations at once, and every request's follow-up must run), got ${maxAccounts}`,
    );
  }
  const retentionDays = positiveInteger(lookup, 'retentionDays', 730);
  const reminderGraceDays = positiveInteger(lookup, 'reminderGraceDays', 14);
  const finalNoticeGraceDays = positiveInteger(lookup, 'finalNoticeGraceDays', 7);
  // A request must outlive its follow-up, or TTL deletes it before the reminder or the escalation.
  // The longest path: an extended GDPR deadline (three months, at most 92 days), then both grace periods.
  const longestFollowUp = 92 + reminderGraceDays + finalNoticeGraceDays;
  if (retentionDays < longestFollowUp) {
    throw new SettingsError(
      `Context "retentionDays" must be at least ${longestFollowUp} (an extended GDPR deadline of 92 days + reminderGraceDays + finalNoticeGraceDays), got ${retentionDays}`,
    );
  }
  return {
    domain,
    fromAddress,
    inboundDomain,
    retentionDays,
    recheckDays: positiveInteger(lookup, 'recheckDays', 180),
    allowedJurisdictions,
    operatorName,
    maxAccounts,
    reminderGraceDays,
    finalNoticeGraceDays,
    unverifiedHours: positiveInteger(lookup, 'unverifiedHours', 72),
    addressMailsPerDay: positiveInteger(lookup, 'addressMailsPerDay', 3),
    clientSubmissionsPerHour: positiveInteger(lookup, 'clientSubmissionsPerHour', 10),
    dailyVerificationMails: positiveInteger(lookup, 'dailyVerificationMails', 1000),
    alarmEmail,
    sandboxRecipients,
  };
}
