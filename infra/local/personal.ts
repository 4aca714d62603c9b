// Personal mode of the local runtime: one person runs Optout Autopilot for themselves, on their own
// computer, with their own mailbox. Design:
// - The mode is chosen by one file: `<data dir>/personal.json`, written by `npx optout setup`
//   (cli/setup.ts). Without it `npm start` runs the demo (SES emulator); with it, personal mode.
// - The file holds the person's identity (name, address, jurisdiction) and their SMTP and IMAP
//   settings. The passwords are sealed with the local key (`<data dir>/keys/session.key`, the same
//   AES-256-GCM key file that seals provider sessions, adapters/secrets.ts), each bound to its field.
// - Mail out goes through their SMTP server (adapters/smtp-mailer.ts) From their address; mail in is
//   read from their inbox over IMAP (adapters/imap-inbox.ts + app/inbox.ts) at the start and every
//   `pollSeconds`. The first read of the inbox starts at the day before setup (`setupAt`): every
//   answer to a letter is newer, the person's older mail is never looked at.
// - Both servers are tried at start: a wrong password or a TLS problem stops the start with a message
//   naming the setting, instead of failing letter by letter later.
// - The web form and status pages listen on this machine only (127.0.0.1).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { JurisdictionSchema } from '../../functions/core/jurisdiction.ts';
import { LANGUAGES } from '../../functions/core/model.ts';
import { localSecretBox, SecretOpenError } from '../../functions/adapters/secrets.ts';
import { isLoopback, MailServerError, type ImapServer, type MailServer } from '../../functions/adapters/mail-servers.ts';
import { checkSmtp, smtpMailer } from '../../functions/adapters/smtp-mailer.ts';
import { checkImap, type InboxHeaders, openInbox } from '../../functions/adapters/imap-inbox.ts';
import type { MailTransport } from '../../functions/adapters/mailer.ts';
import type { Runtime } from '../../functions/runtime/ports.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { type InboxPollOptions, type InboxPollResult, MAX_ATTEMPTS, pollInbox } from '../../functions/app/inbox.ts';
import { receiveMail } from '../../functions/app/mail-in.ts';

const PERSONAL_FILE = 'personal.json';

/** The key file that seals the passwords (and provider sessions): readable only by its owner (0600). */
export function keyFile(dataDir: string): string {
  return join(dataDir, 'keys', 'session.key');
}

const Server = z.strictObject({
  host: z
    .string()
    .trim()
    .min(1, 'is required')
    .regex(/^[\w.:-]+$/, 'must be a host name or address'),
  port: z.number().int().min(1).max(65535),
  security: z.enum(['tls', 'starttls', 'none']),
  user: z.string().min(1, 'is required'),
  /** Sealed with the local key (v1.<iv>.<tag>.<ciphertext>); never the password itself. */
  password: z.string().startsWith('v1.', 'must be a sealed password (run npx optout setup)'),
});

const PersonalFileSchema = z.strictObject({
  version: z.literal(1),
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.string().trim().toLowerCase().pipe(z.email('is not a valid email address')),
  jurisdiction: JurisdictionSchema,
  lang: z.enum(LANGUAGES).optional(),
  /** When setup first wrote the file (kept when it is run again); files from before have none (the file's time then). */
  setupAt: z.iso.datetime().optional(),
  smtp: Server,
  imap: Server.extend({
    mailbox: z.string().min(1).default('INBOX'),
    sentFolder: z.string().min(1).nullable().optional(),
    moveTo: z.string().min(1).optional(),
    pollSeconds: z.number().int().min(5).max(3600).default(60),
  }),
});
export type PersonalFile = z.infer<typeof PersonalFileSchema>;

/** The opened configuration: what the runtime needs, passwords in the clear (memory only). */
export interface PersonalSettings {
  name: string;
  email: string;
  jurisdiction: string;
  lang?: (typeof LANGUAGES)[number];
  smtp: MailServer;
  imap: ImapServer & { pollSeconds: number };
  /** When the person set it up: no letter, so no answer to one, is older. */
  setupAt: Date;
}

/** The person's own settings as typed in setup, passwords in the clear, before sealing. */
export type PersonalInput = Omit<PersonalSettings, 'imap' | 'setupAt'> & { imap: ImapServer & { pollSeconds?: number } };

export class PersonalConfigError extends Error {
  override name = 'PersonalConfigError';
}

const context = (field: 'smtp' | 'imap', email: string) => `personal:${field}.password:${email.toLowerCase()}`;

export function personalFile(dataDir: string): string {
  return join(dataDir, PERSONAL_FILE);
}

/** Seals the passwords and writes `<data dir>/personal.json` (mode 0600, replaced atomically). */
export async function savePersonalConfig(dataDir: string, input: PersonalInput): Promise<string> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const box = localSecretBox(keyFile(dataDir));
  const file: PersonalFile = PersonalFileSchema.parse({
    version: 1,
    name: input.name,
    email: input.email,
    jurisdiction: input.jurisdiction,
    ...(input.lang ? { lang: input.lang } : {}),
    setupAt: earlierSetup(dataDir) ?? new Date().toISOString(),
    smtp: { ...input.smtp, password: await box.seal(Buffer.from(input.smtp.password, 'utf8'), context('smtp', input.email)) },
    imap: { ...input.imap, password: await box.seal(Buffer.from(input.imap.password, 'utf8'), context('imap', input.email)) },
  });
  const path = personalFile(dataDir);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return path;
}

/** The setup time of the file already there, if any (run again, setup keeps the first one). */
function earlierSetup(dataDir: string): string | undefined {
  try {
    const earlier = PersonalFileSchema.shape.setupAt.safeParse((JSON.parse(readFileSync(personalFile(dataDir), 'utf8')) as { setupAt?: unknown }).setupAt);
    return earlier.success ? earlier.data : undefined;
  } catch {
    return undefined;
  }
}

/** Reads and opens `<data dir>/personal.json`; undefined when there is none (demo mode). */
export async function loadPersonalConfig(dataDir: string): Promise<PersonalSettings | undefined> {
  const path = personalFile(dataDir);
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PersonalConfigError(`${path} is not valid JSON (${(error as Error).message}); run "npx optout setup" again`);
  }
  const parsed = PersonalFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PersonalConfigError(`${path}: setting ${issue.path.join('.') || '(file)'} ${issue.message}; run "npx optout setup" again`);
  }
  const file = parsed.data;
  const box = localSecretBox(keyFile(dataDir));
  const open = async (field: 'smtp' | 'imap') => {
    try {
      return (await box.open(file[field].password, context(field, file.email))).toString('utf8');
    } catch (error) {
      if (!(error instanceof SecretOpenError)) throw error;
      throw new PersonalConfigError(
        `the ${field.toUpperCase()} password in ${path} (setting ${field}.password) does not open with the key ${keyFile(dataDir)}: ` +
          'the key file was replaced or the file was copied from another data folder. Run "npx optout setup" again.',
      );
    }
  };
  return {
    name: file.name,
    email: file.email,
    jurisdiction: file.jurisdiction,
    lang: file.lang,
    setupAt: file.setupAt ? new Date(file.setupAt) : statSync(path).mtime,
    smtp: { ...file.smtp, password: await open('smtp') },
    imap: { ...file.imap, password: await open('imap') },
  };
}

/** The settings of the runtime in personal mode, as environment variables (infra/local/stack.ts passes them to localConfig). */
export function personalEnv(settings: PersonalSettings): Record<string, string> {
  return {
    OPTOUT_MODE: 'personal',
    OPTOUT_FROM_ADDRESS: settings.email,
    OPTOUT_FROM_NAME: settings.name,
    // Message-IDs of letters are <reference>.<kind>.1@<the person's mail domain>, as their mail client would make them.
    OPTOUT_INBOUND_DOMAIN: settings.email.split('@').pop()!,
    // The person's own jurisdiction is the only one this copy serves.
    OPTOUT_ALLOWED_JURISDICTIONS: settings.jurisdiction,
  };
}

export function assertLocalHost(host: string): void {
  if (!isLoopback(host)) {
    throw new PersonalConfigError(`personal mode serves the form and status pages on this machine only: HOST must be 127.0.0.1 or localhost, not ${host}`);
  }
}

/** Tries both servers; throws the first MailServerError (wrong password, TLS, unreachable, a From address refused). */
export async function checkMailServers(settings: PersonalSettings): Promise<{ sentFolder?: string }> {
  await checkSmtp(settings.smtp, settings.email);
  const { sentFolder } = await checkImap(settings.imap);
  return { sentFolder };
}

export interface PersonalMail {
  /** Reads the inbox once (also what the timer does); never overlaps a running poll. */
  pollOnce(): Promise<InboxPollResult>;
  stop(): Promise<void>;
}

const log = (level: 'info' | 'error', msg: string, extra: Record<string, unknown> = {}) =>
  (level === 'error' ? console.error : console.log)(JSON.stringify({ level, msg, ...extra }));

/** The person's SMTP server as the runtime's mail transport (functions/runtime/compose.ts composeLocal). */
export function personalTransport(settings: PersonalSettings): MailTransport {
  return smtpMailer(settings.smtp, {
    imap: settings.imap,
    onFiled: (messageId, outcome) => {
      if (outcome.error) log('error', 'sent letter not filed in the Sent folder', { messageId, error: outcome.error });
    },
  });
}

export interface PersonalMailOptions {
  /** How often (ms) the inbox is read; default the file's pollSeconds; 0: only when pollOnce is called (tests). */
  pollMs?: number;
  /** Where a reply given up after app/inbox.ts MAX_ATTEMPTS is kept (`<data dir>/dead-letter/inbox`). */
  deadLetterDir?: string;
  /** Tests only: makes handling this message fail, as a bug or an outage would. */
  fault?: (raw: Buffer) => boolean;
}

/** IMAP SEARCH SINCE compares days, in the server's time zone: one day of margin. */
const DAY_MS = 86_400_000;

/** Keeps a reply that was given up, once per content (`<sha256>.eml`), or its headers when its text could not be read. */
function keepDeadLetter(dir: string, message: InboxHeaders, raw: Buffer | undefined): string {
  mkdirSync(dir, { recursive: true });
  const body = raw ?? Buffer.from(`${JSON.stringify(message, null, 2)}\n`);
  const file = join(dir, `${createHash('sha256').update(body).digest('hex')}.${raw ? 'eml' : 'json'}`);
  writeFileSync(file, body, { mode: 0o600 });
  return file;
}

/**
 * Reads the inbox, in `runtime`, at once and then every `pollSeconds` (options.pollMs). Mail goes out
 * through personalTransport, which the stack hands to the composition root.
 */
export function startPersonalMail(settings: PersonalSettings, runtime: Runtime, options: PersonalMailOptions = {}): PersonalMail {
  let last: Promise<unknown> = Promise.resolve();
  let busy = 0;
  const { deadLetterDir, fault } = options;
  const pollOptions: InboxPollOptions = {
    ownAddress: settings.email,
    mailbox: settings.imap.mailbox,
    moveTo: settings.imap.moveTo,
    since: new Date(settings.setupAt.getTime() - DAY_MS),
    deadLetter: (message, raw, error) => {
      let kept: string | undefined;
      try {
        kept = deadLetterDir ? keepDeadLetter(deadLetterDir, message, raw) : undefined;
      } catch (writeError) {
        log('error', 'inbox dead letter not kept', { error: (writeError as Error).message });
      }
      log('error', `reply given up after ${MAX_ATTEMPTS} attempts`, {
        uid: message.uid,
        from: message.from,
        subject: message.subject,
        error: error.message,
        deadLetter: kept,
      });
      return kept;
    },
    ...(fault
      ? {
          receive: (raw, envelope) => {
            if (fault(raw)) return Promise.reject(new Error('injected mail-in fault'));
            return receiveMail(raw, envelope);
          },
        }
      : {}),
  };
  const pollOnce = (): Promise<InboxPollResult> => {
    busy += 1;
    const run = last
      .catch(() => undefined)
      .then(() => runWith(runtime, () => pollInbox(() => openInbox(settings.imap), pollOptions)))
      .finally(() => {
        busy -= 1;
      });
    last = run;
    return run;
  };
  const intervalMs = options.pollMs ?? settings.imap.pollSeconds * 1000;
  const tick = () => {
    if (busy > 0) return;
    pollOnce().then(
      (result) => {
        if (result.handled.length) log('info', 'replies read from the inbox', { handled: result.handled.map((h) => h.result.outcome) });
      },
      (error: Error) => log('error', 'inbox poll failed', { error: error instanceof MailServerError ? error.message : String(error) }),
    );
  };
  const timer = intervalMs > 0 ? setInterval(tick, intervalMs) : undefined;
  timer?.unref();
  // At once, not a poll interval after the start: replies that came while the app was not running.
  if (timer) tick();
  return {
    pollOnce,
    async stop() {
      if (timer) clearInterval(timer);
      await last.catch(() => undefined);
    },
  };
}
