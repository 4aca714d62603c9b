// Personal mode of the local runtime: one person runs Optout Autopilot for themselves, on their own
// computer, with their own mailbox. Design:
// - The mode is chosen by one file: `<data dir>/personal.json`, written by `npx optout setup`
//   (cli/setup.ts). Without it `npm start` runs the demo (SES emulator); with it, personal mode.
// - The file holds the person's identity (name, address, jurisdiction) and their SMTP and IMAP
//   settings. The passwords are sealed with the local key (`<data dir>/keys/session.key`, the same
//   AES-256-GCM key file that seals provider sessions, adapters/secrets.ts), each bound to its field.
// - Mail out goes through their SMTP server (adapters/smtp-mailer.ts) From their address; mail in is
//   read from their inbox over IMAP (adapters/imap-inbox.ts + app/inbox.ts) every `pollSeconds`.
// - Both servers are tried at start: a wrong password or a TLS problem stops the start with a message
//   naming the setting, instead of failing letter by letter later.
// - The web form and status pages listen on this machine only (127.0.0.1).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { JurisdictionSchema } from '../../functions/core/jurisdiction.ts';
import { LANGUAGES } from '../../functions/core/model.ts';
import { localSecretBox, SecretOpenError } from '../../functions/adapters/secrets.ts';
import { isLoopback, MailServerError, type ImapServer, type MailServer } from '../../functions/adapters/mail-servers.ts';
import { checkSmtp, smtpMailer } from '../../functions/adapters/smtp-mailer.ts';
import { checkImap, openInbox } from '../../functions/adapters/imap-inbox.ts';
import type { MailTransport } from '../../functions/adapters/mailer.ts';
import type { Runtime } from '../../functions/runtime/ports.ts';
import { runWith } from '../../functions/runtime/scope.ts';
import { pollInbox, type InboxPollResult } from '../../functions/app/inbox.ts';

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
}

/** The person's own settings as typed in setup, passwords in the clear, before sealing. */
export type PersonalInput = Omit<PersonalSettings, 'imap'> & { imap: ImapServer & { pollSeconds?: number } };

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
    smtp: { ...input.smtp, password: await box.seal(Buffer.from(input.smtp.password, 'utf8'), context('smtp', input.email)) },
    imap: { ...input.imap, password: await box.seal(Buffer.from(input.imap.password, 'utf8'), context('imap', input.email)) },
  });
  const path = personalFile(dataDir);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return path;
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

/** Tries both servers; throws the first MailServerError (wrong password, TLS, unreachable). */
export async function checkMailServers(settings: PersonalSettings): Promise<{ sentFolder?: string }> {
  await checkSmtp(settings.smtp);
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

/**
 * Reads the inbox, in `runtime`, every `pollSeconds` (`pollMs` overrides it; 0: only when pollOnce is
 * called). Mail goes out through personalTransport, which the stack hands to the composition root.
 */
export function startPersonalMail(settings: PersonalSettings, runtime: Runtime, options: { pollMs?: number } = {}): PersonalMail {
  let last: Promise<unknown> = Promise.resolve();
  let busy = 0;
  const pollOnce = (): Promise<InboxPollResult> => {
    busy += 1;
    const run = last
      .catch(() => undefined)
      .then(() =>
        runWith(runtime, () =>
          pollInbox(() => openInbox(settings.imap), { ownAddress: settings.email, mailbox: settings.imap.mailbox, moveTo: settings.imap.moveTo }),
        ),
      )
      .finally(() => {
        busy -= 1;
      });
    last = run;
    return run;
  };
  const intervalMs = options.pollMs ?? settings.imap.pollSeconds * 1000;
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          if (busy > 0) return;
          pollOnce().then(
            (result) => {
              if (result.handled.length) log('info', 'replies read from the inbox', { handled: result.handled.map((h) => h.result.outcome) });
            },
            (error: Error) => log('error', 'inbox poll failed', { error: error instanceof MailServerError ? error.message : String(error) }),
          );
        }, intervalMs)
      : undefined;
  timer?.unref();
  return {
    pollOnce,
    async stop() {
      if (timer) clearInterval(timer);
      await last.catch(() => undefined);
    },
  };
}
