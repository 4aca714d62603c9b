// `npx optout setup`: sets up personal mode (infra/local/personal.ts). Design:
// - Plain questions on stdin/stdout, one answer per line, each with its default in brackets (Enter
//   takes it). The same questions work piped (`printf '...' | npx optout setup`), which is how the
//   test drives it; on a terminal the password is not echoed.
// - The common providers' servers are offered (guessed from the address's domain); every value can
//   still be typed over.
// - Both connections are tried before anything is written, and the SMTP server is asked whether it
//   takes the person's address as the sender (a transaction up to RCPT TO, nothing sent). A wrong
//   password is asked for again (PASSWORD_TRIES in all); any other problem, or a wrong password when
//   the answers run out (piped input), ends the setup with the message (naming the setting) and no file.
// - The configuration goes to `<data dir>/personal.json` (mode 0600), the passwords sealed with the
//   local key `<data dir>/keys/session.key`. `npm start` then runs in personal mode.
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { JurisdictionSchema } from '../functions/core/jurisdiction.ts';
import { checkSmtp } from '../functions/adapters/smtp-mailer.ts';
import { checkImap } from '../functions/adapters/imap-inbox.ts';
import { MailServerError, type Security } from '../functions/adapters/mail-servers.ts';
import { personalFile, savePersonalConfig, keyFile, type PersonalInput } from '../infra/local/personal.ts';
import { localSettings } from '../functions/adapters/config.ts';

interface Preset {
  label: string;
  domains: string[];
  smtp: [host: string, port: number, security: Security];
  imap: [host: string, port: number, security: Security];
  /** null: the provider files mail sent over SMTP in Sent itself; undefined: we append it (the \Sent folder). */
  sentFolder?: null;
  note?: string;
}

export const PRESETS: Record<string, Preset> = {
  gmail: {
    label: 'Gmail / Google Workspace',
    domains: ['gmail.com', 'googlemail.com'],
    smtp: ['smtp.gmail.com', 465, 'tls'],
    imap: ['imap.gmail.com', 993, 'tls'],
    sentFolder: null,
    note: 'needs 2-Step Verification and an app password: https://myaccount.google.com/apppasswords',
  },
  outlook: {
    label: 'Outlook.com / Hotmail / Microsoft 365',
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'outlook.de', 'hotmail.de'],
    smtp: ['smtp-mail.outlook.com', 587, 'starttls'],
    imap: ['outlook.office365.com', 993, 'tls'],
    sentFolder: null,
    note: 'needs an app password (account.microsoft.com > Security > Advanced security options); some Microsoft 365 tenants allow only OAuth and cannot be used',
  },
  icloud: {
    label: 'iCloud Mail',
    domains: ['icloud.com', 'me.com', 'mac.com'],
    smtp: ['smtp.mail.me.com', 587, 'starttls'],
    imap: ['imap.mail.me.com', 993, 'tls'],
    note: 'needs an app-specific password: https://account.apple.com (Sign-In and Security); the user name is your iCloud address',
  },
  yahoo: {
    label: 'Yahoo Mail',
    domains: ['yahoo.com', 'yahoo.de', 'yahoo.co.uk', 'yahoo.fr', 'ymail.com'],
    smtp: ['smtp.mail.yahoo.com', 465, 'tls'],
    imap: ['imap.mail.yahoo.com', 993, 'tls'],
    note: 'needs an app password (Account security > Generate app password)',
  },
  gmx: {
    label: 'GMX',
    domains: ['gmx.de', 'gmx.net', 'gmx.at', 'gmx.ch'],
    smtp: ['mail.gmx.net', 587, 'starttls'],
    imap: ['imap.gmx.net', 993, 'tls'],
    note: 'turn on "POP3/IMAP access" in the GMX settings first',
  },
  webde: {
    label: 'WEB.DE',
    domains: ['web.de'],
    smtp: ['smtp.web.de', 587, 'starttls'],
    imap: ['imap.web.de', 993, 'tls'],
    note: 'turn on "POP3/IMAP access" in the WEB.DE settings first',
  },
  fastmail: {
    label: 'Fastmail',
    domains: ['fastmail.com', 'fastmail.fm'],
    smtp: ['smtp.fastmail.com', 465, 'tls'],
    imap: ['imap.fastmail.com', 993, 'tls'],
    note: 'needs an app password (Settings > Privacy & Security)',
  },
  mailboxorg: { label: 'mailbox.org', domains: ['mailbox.org'], smtp: ['smtp.mailbox.org', 465, 'tls'], imap: ['imap.mailbox.org', 993, 'tls'] },
  posteo: { label: 'Posteo', domains: ['posteo.de', 'posteo.net'], smtp: ['posteo.de', 465, 'tls'], imap: ['posteo.de', 993, 'tls'] },
};

const SECURITIES: Security[] = ['tls', 'starttls', 'none'];

/** How many times a password is asked for before a refused login ends the setup. */
const PASSWORD_TRIES = 3;

class SetupAborted extends Error {}

/** One answer per line from stdin (a terminal or a pipe); the password is not echoed on a terminal. */
function prompter(input: NodeJS.ReadableStream & { isTTY?: boolean }, out: NodeJS.WritableStream) {
  let muted = false;
  const echo = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) out.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input, output: echo, terminal: !!input.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  const read = async (question: string, secret = false): Promise<string> => {
    out.write(question);
    muted = secret && !!input.isTTY;
    const next = await lines.next();
    muted = false;
    if (secret && input.isTTY) out.write('\n');
    if (next.done) throw new SetupAborted('the input ended before every question was answered; nothing was written');
    return String(next.value).trim();
  };
  return {
    /** Asks until `parse` accepts the answer (Enter: the default). */
    async ask<T>(question: string, fallback: string | undefined, parse: (answer: string) => T, secret = false): Promise<T> {
      for (;;) {
        const answer = (await read(`${question}${fallback !== undefined && !secret ? ` [${fallback}]` : ''}: `, secret)) || fallback || '';
        try {
          return parse(answer);
        } catch (error) {
          out.write(`  ${(error as Error).message}\n`);
        }
      }
    },
    close: () => rl.close(),
  };
}

const required = (what: string) => (answer: string) => {
  if (!answer) throw new Error(`${what} is required`);
  return answer;
};
const email = (answer: string) => {
  const parsed = z.email().safeParse(answer.toLowerCase());
  if (!parsed.success) throw new Error(`"${answer}" is not an email address`);
  return parsed.data;
};
const jurisdiction = (answer: string) => {
  const parsed = JurisdictionSchema.safeParse(answer);
  if (!parsed.success) throw new Error(`"${answer}": ${parsed.error.issues[0]!.message} (e.g. DE, DE-BE, FR, GB, US-CA)`);
  return parsed.data;
};
const port = (answer: string) => {
  const value = Number(answer);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`"${answer}" is not a port number`);
  return value;
};
const security = (answer: string) => {
  const value = answer.toLowerCase() as Security;
  if (!SECURITIES.includes(value)) throw new Error(`answer one of ${SECURITIES.join(', ')}`);
  return value;
};
const yes = (answer: string) => /^y(es)?$/i.test(answer);

export interface SetupIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  /** Where a failure is reported (default: stderr). */
  error?: NodeJS.WritableStream;
}

/** Runs the questions, tests both servers, writes the file; returns the exit code. */
export async function runSetup(argv: string[], io: SetupIo = { input: process.stdin, output: process.stdout, error: process.stderr }): Promise<number> {
  const flagged = argv.length === 2 && argv[0] === '--data-dir' && !!argv[1];
  if (argv.length > 0 && !flagged) {
    (io.error ?? process.stderr).write('usage: optout setup [--data-dir DIR]   (default: $OPTOUT_DATA_DIR or .optout)\n');
    return 2;
  }
  const dataDir = flagged ? argv[1]! : localSettings().dataDir;
  const say = (text: string) => io.output.write(`${text}\n`);
  const p = prompter(io.input, io.output);
  try {
    say('Personal mode: letters go out From your own address, through your own mail account, and replies are read from your inbox.');
    say(`Settings are written to ${personalFile(dataDir)}; passwords are sealed with the key ${keyFile(dataDir)}.\n`);
    if (existsSync(personalFile(dataDir)) && !(await p.ask('A configuration exists already. Replace it? (y/N)', 'n', yes))) {
      say('Nothing changed.');
      return 0;
    }
    const name = await p.ask('Your full name (as it goes under the letters)', undefined, required('your name'));
    const address = await p.ask('Your email address (letters go From it)', undefined, email);
    const where = await p.ask('Where you live (a country code; Germany and the US with the region: DE-BE, FR, GB, US-CA)', undefined, jurisdiction);

    const keys = Object.keys(PRESETS);
    const domain = address.split('@').pop()!;
    const guessed = keys.find((k) => PRESETS[k]!.domains.includes(domain));
    say('\nYour mail provider:');
    for (const [i, k] of keys.entries()) say(`  ${i + 1}. ${PRESETS[k]!.label}`);
    say(`  ${keys.length + 1}. other (you type the servers)`);
    const choice = await p.ask('Number', String(guessed ? keys.indexOf(guessed) + 1 : keys.length + 1), (answer) => {
      const n = Number(answer);
      if (!Number.isInteger(n) || n < 1 || n > keys.length + 1) throw new Error(`answer 1 to ${keys.length + 1}`);
      return n;
    });
    const preset = choice <= keys.length ? PRESETS[keys[choice - 1]!] : undefined;
    if (preset?.note) say(`  ${preset.label}: ${preset.note}.`);

    const smtpHost = await p.ask('SMTP server (outgoing)', preset?.smtp[0], required('the SMTP server'));
    const smtpPort = await p.ask('SMTP port', String(preset?.smtp[1] ?? 465), port);
    const smtpSecurity = await p.ask('SMTP security (tls, starttls, none)', preset?.smtp[2] ?? (smtpPort === 587 ? 'starttls' : 'tls'), security);
    const imapHost = await p.ask('IMAP server (incoming)', preset?.imap[0], required('the IMAP server'));
    const imapPort = await p.ask('IMAP port', String(preset?.imap[1] ?? 993), port);
    const imapSecurity = await p.ask('IMAP security (tls, starttls, none)', preset?.imap[2] ?? (imapPort === 143 ? 'starttls' : 'tls'), security);
    const user = await p.ask('User name', address, required('the user name'));
    const passwordQuestion = 'Password (an app password where your provider has them)';
    const password = await p.ask(passwordQuestion, undefined, required('the password'), true);
    const imapPassword = await p.ask('IMAP password (Enter: the same)', '', (answer) => answer, true);

    const settings: PersonalInput = {
      name,
      email: address,
      jurisdiction: where,
      smtp: { host: smtpHost, port: smtpPort, security: smtpSecurity, user, password },
      imap: {
        host: imapHost,
        port: imapPort,
        security: imapSecurity,
        user,
        password: imapPassword || password,
        mailbox: 'INBOX',
        ...(preset && 'sentFolder' in preset ? { sentFolder: preset.sentFolder } : {}),
      },
    };

    /**
     * Runs `check`; when the server refuses the password, says so and asks for it again (PASSWORD_TRIES
     * in all). The input running out ends it with the server's message, not "the input ended".
     */
    const withPasswordRetries = async <T>(setting: string, check: () => Promise<T>, retype: (typed: string) => void, question: string): Promise<T> => {
      for (let tries = 1; ; tries += 1) {
        try {
          return await check();
        } catch (error) {
          if (!(error instanceof MailServerError) || error.setting !== setting || tries >= PASSWORD_TRIES) throw error;
          say(`  ${error.message}`);
          say(`  Type the password again (try ${tries + 1} of ${PASSWORD_TRIES}).`);
          try {
            retype(await p.ask(question, undefined, required('the password'), true));
          } catch (ended) {
            throw ended instanceof SetupAborted ? error : ended;
          }
        }
      }
    };

    say(`\nTesting SMTP ${smtpHost}:${smtpPort} (${smtpSecurity}), with ${address} as the sender...`);
    await withPasswordRetries(
      'smtp.password',
      () => checkSmtp(settings.smtp, address),
      (typed) => {
        settings.smtp.password = typed;
        // "The same" for IMAP means the password that works.
        if (!imapPassword) settings.imap.password = typed;
      },
      passwordQuestion,
    );
    say(`  SMTP: logged in; it accepts ${address} as the sender.`);
    say(`Testing IMAP ${imapHost}:${imapPort} (${imapSecurity})...`);
    const imap = await withPasswordRetries(
      'imap.password',
      () => checkImap(settings.imap),
      (typed) => {
        settings.imap.password = typed;
      },
      'IMAP password',
    );
    const filing =
      settings.imap.sentFolder === null
        ? 'your provider files them in Sent itself'
        : imap.sentFolder
          ? `they are filed in your folder "${imap.sentFolder}"`
          : 'your server marks no Sent folder, so they are not filed';
    say(`  IMAP: logged in; ${settings.imap.mailbox} holds ${imap.messages} messages. Sent letters: ${filing}.`);

    const file = await savePersonalConfig(dataDir, settings);
    say(`\nWrote ${file} (readable only by you). Passwords are sealed with ${keyFile(dataDir)}.`);
    say('Start with `npm start`: it now runs in personal mode. Delete that file to go back to the demo.');
    return 0;
  } catch (error) {
    if (error instanceof MailServerError || error instanceof SetupAborted) {
      (io.error ?? process.stderr).write(`optout setup: ${error.message}${error instanceof MailServerError ? '\nNothing was written.' : ''}\n`);
      return 1;
    }
    throw error;
  } finally {
    p.close();
  }
}
