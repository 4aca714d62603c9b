// The settings a person sets (the README's first settings table), in the README's order: the
// environment variables of the local runtime and, for those with a context key, the CDK context of a
// deployment. Part of the one settings schema (schema.ts).
import { LONGEST_GDPR_DEADLINE_DAYS, MAX_ACCOUNTS_LIMIT } from './limits.ts';
import { ALL, LOCAL, optional, required, withDefault } from './meta.ts';
import { domain, email, flag, httpUrl, jurisdictionList, originMap, port, positiveNumber, text, wholeNumber } from './types.ts';

export const SET_BY_YOU = {
  port: withDefault(port, 3000, { env: 'PORT', description: 'web form, API and status pages', runtimes: LOCAL, example: '3000' }),
  sesPort: withDefault(port, 8005, { env: 'SES_PORT', description: 'SES v2 emulator and its mail viewer', runtimes: ['local'], example: '8005' }),
  externalSesEndpoint: optional(httpUrl, {
    env: 'OPTOUT_SES_ENDPOINT',
    description:
      'an SES endpoint already running in another process (e.g. `npx aws-ses-v2-local --port 8005`, then `OPTOUT_SES_ENDPOINT=http://127.0.0.1:8005`): `npm start` starts no emulator of its own, so mail and the delivery log (below) survive a restart or a crash of the app',
    defaultText: 'none',
    runtimes: ['local'],
    example: 'http://127.0.0.1:8005',
  }),
  sendGraceSeconds: withDefault(wholeNumber(1), 120, {
    env: 'OPTOUT_SEND_GRACE_SECONDS',
    description:
      'a letter found "sending" after a crash or a lost SES response is sent again only if the delivery log shows no send after this many seconds (of the clock)',
    runtimes: ALL,
    context: { key: 'sendGraceSeconds' },
    example: '120',
  }),
  smtpPort: withDefault(port, 2525, { env: 'SMTP_PORT', description: 'SMTP server that receives replies', runtimes: ['local'], example: '2525' }),
  host: withDefault(text, '127.0.0.1', { env: 'HOST', description: 'address the local servers listen on', runtimes: LOCAL, example: '127.0.0.1' }),
  dataDir: optional(text, {
    env: 'OPTOUT_DATA_DIR',
    description: 'table data, evidence (letters, replies, screenshots), key files',
    localDefault: '.optout',
    runtimes: LOCAL,
    example: '.optout',
  }),
  clockSpeed: withDefault(positiveNumber, 1, {
    env: 'OPTOUT_CLOCK_SPEED',
    description: 'simulated seconds per real second (86400: a day per second)',
    runtimes: LOCAL,
    example: '86400',
  }),
  fromAddress: required(email, {
    env: 'OPTOUT_FROM_ADDRESS',
    description: 'From of every letter and status email',
    localDefault: 'optout@autopilot.localhost',
    runtimes: ALL,
    context: { key: 'fromAddress', required: true, note: 'an address at `domain`' },
    example: 'optout@example.org',
  }),
  inboundDomain: required(domain, {
    env: 'OPTOUT_INBOUND_DOMAIN',
    description: 'replies go to `reply+<token>@` this domain',
    localDefault: 'in.autopilot.localhost',
    runtimes: ALL,
    context: { key: 'inboundDomain', required: true },
    example: 'in.example.org',
  }),
  publicUrl: required(httpUrl, {
    env: 'OPTOUT_PUBLIC_URL',
    description: 'base of the links in emails',
    defaultText: 'the local URL',
    runtimes: ALL,
    example: 'https://optout.example.org',
  }),
  operatorName: withDefault(text, 'Optout Autopilot', {
    env: 'OPTOUT_OPERATOR_NAME',
    description: 'the authorized agent named in letters',
    runtimes: ALL,
    context: { key: 'operatorName' },
    example: 'Optout Autopilot',
  }),
  retentionDays: withDefault(wholeNumber(1), 730, {
    env: 'OPTOUT_RETENTION_DAYS',
    description: 'personal data (submissions, requests, events, sessions) expires after this many days',
    runtimes: ALL,
    context: {
      key: 'retentionDays',
      note: `on AWS at least ${LONGEST_GDPR_DEADLINE_DAYS} + \`reminderGraceDays\` + \`finalNoticeGraceDays\`, so no request expires during its follow-up (table TTL, bucket lifecycle)`,
    },
    example: '730',
  }),
  maxAccounts: withDefault(wholeNumber(1, MAX_ACCOUNTS_LIMIT), MAX_ACCOUNTS_LIMIT, {
    env: 'OPTOUT_MAX_ACCOUNTS',
    description: `accounts per submission, at most ${MAX_ACCOUNTS_LIMIT} (an inline Map runs ${MAX_ACCOUNTS_LIMIT} iterations at once, and every request's follow-up loop must run at the same time)`,
    runtimes: ALL,
    context: { key: 'maxAccounts' },
    example: '40',
  }),
  reminderGraceDays: withDefault(wholeNumber(1), 14, {
    env: 'OPTOUT_REMINDER_GRACE_DAYS',
    description: 'days between the reminder and the final notice',
    runtimes: ALL,
    context: { key: 'reminderGraceDays' },
    example: '14',
  }),
  finalNoticeGraceDays: withDefault(wholeNumber(1), 7, {
    env: 'OPTOUT_FINAL_NOTICE_GRACE_DAYS',
    description: 'days between the final notice and the escalation',
    runtimes: ALL,
    context: { key: 'finalNoticeGraceDays' },
    example: '7',
  }),
  recheckDays: withDefault(wholeNumber(0), 30, {
    env: 'OPTOUT_RECHECK_DAYS',
    description: 'days between re-checks of a setting switched off in the browser, when the person kept their session; `0` turns re-checks off',
    runtimes: ALL,
    context: { key: 'recheckDays' },
    example: '30',
  }),
  browserJobsIntervalMs: withDefault(wholeNumber(1), 60_000, {
    env: 'OPTOUT_BROWSER_JOBS_INTERVAL_MS',
    description:
      'local only: how often (real time) the scheduler looks for due browser jobs (EventBridge runs them hourly on AWS); at most once an hour of the clock it also deletes table items and evidence files past their retention (DynamoDB TTL and an S3 lifecycle rule do that on AWS)',
    runtimes: LOCAL,
    example: '60000',
  }),
  unverifiedHours: withDefault(wholeNumber(1), 72, {
    env: 'OPTOUT_UNVERIFIED_HOURS',
    description: 'a submission whose address was never confirmed (and any session given with it) is deleted after this',
    runtimes: ALL,
    context: { key: 'unverifiedHours' },
    example: '72',
  }),
  addressMailsPerDay: withDefault(wholeNumber(1), 3, {
    env: 'OPTOUT_ADDRESS_MAILS_PER_DAY',
    description: 'verification mails to one email address in any 24 hours; more answer `429` (personal mode sends none)',
    runtimes: ['local', 'aws'],
    context: { key: 'addressMailsPerDay' },
    example: '3',
  }),
  clientSubmissionsPerHour: withDefault(wholeNumber(1), 10, {
    env: 'OPTOUT_CLIENT_SUBMISSIONS_PER_HOUR',
    description: "submissions from one client address (the socket's; API Gateway's `sourceIp` on AWS; an IPv6 address counts as its /64) in any hour",
    runtimes: ALL,
    context: { key: 'clientSubmissionsPerHour' },
    example: '10',
  }),
  dailyVerificationMails: withDefault(wholeNumber(1), 1000, {
    env: 'OPTOUT_DAILY_VERIFICATION_MAILS',
    description: 'verification mails of the whole deployment per UTC day',
    runtimes: ['local', 'aws'],
    context: { key: 'dailyVerificationMails' },
    example: '1000',
  }),
  allowedJurisdictions: withDefault(jurisdictionList, [], {
    env: 'OPTOUT_ALLOWED_JURISDICTIONS',
    description:
      "comma-separated codes (or `EU`, `EEA`) this deployment serves, e.g. `EU,GB,US-CA`; the form refuses others; required on AWS, where a deployment says whom it serves; in personal mode the person's own jurisdiction",
    defaultText: 'all',
    runtimes: ALL,
    context: { key: 'allowedJurisdictions', required: true },
    example: 'EU,EEA,GB,US-CA',
  }),
  dnsZone: optional(text, {
    env: 'OPTOUT_DNS_ZONE',
    description:
      'a JSON zone file that stands in for DNS when checking SPF/DKIM/DMARC of replies (there is no internet here); without it no reply authenticates, so confirmations must be marked by hand',
    defaultText: 'none',
    runtimes: LOCAL,
    example: 'test/fixtures/dns-zone.json',
  }),
  chromePath: optional(text, {
    env: 'OPTOUT_CHROME_PATH',
    description: 'the desktop Chrome or Chromium `npx optout login` opens (a visible window); by default the usual install locations',
    defaultText: 'none',
    runtimes: LOCAL,
    example: '/usr/bin/chromium',
  }),
  allowOriginOverride: withDefault(flag, false, {
    env: 'OPTOUT_ALLOW_ORIGIN_OVERRIDE',
    description: 'tests only: `1` lets `OPTOUT_ORIGIN_OVERRIDE` point provider origins at local fixture sites; refused when `NODE_ENV=production`',
    defaultText: 'unset',
    runtimes: LOCAL,
    example: '1',
  }),
  originOverride: optional(originMap, {
    env: 'OPTOUT_ORIGIN_OVERRIDE',
    description: 'tests only: the map of provider origins to fixture origins (JSON), used only with `OPTOUT_ALLOW_ORIGIN_OVERRIDE=1`',
    defaultText: 'unset',
    runtimes: LOCAL,
    example: '{"https://www.pinterest.com":"http://127.0.0.1:4100"}',
  }),
};
