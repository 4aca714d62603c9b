// Personal mode: the person's own mail servers (SMTP out, IMAP in), their settings, and one place that
// turns what nodemailer and imapflow report into an error a person can act on. Each message names the
// setting to change (as `npx optout setup` asks for it) and never carries a stack trace to the screen.
// A failure that may pass by itself (a 4xx answer, a dropped connection) is marked `$retryable`, which
// the workflow wrapper (handlers/task.ts) turns into the ASL's retry; anything else is final.

/** "tls": TLS from the first byte (SMTP 465, IMAP 993); "starttls": upgraded (587, 143); "none": only on this machine. */
export type Security = 'tls' | 'starttls' | 'none';

export interface MailServer {
  host: string;
  port: number;
  security: Security;
  user: string;
  password: string;
}

export interface ImapServer extends MailServer {
  /** The folder replies arrive in; read only, never changed unless `moveTo` is set. */
  mailbox: string;
  /**
   * Where sent letters are filed: a folder name; undefined: the folder the server marks \Sent, if any;
   * null: not at all (Gmail and Outlook file mail sent over SMTP themselves).
   */
  sentFolder?: string | null;
  /** Optional: handled replies are moved here (the only change ever made to the person's mail). */
  moveTo?: string;
}

export type MailProtocol = 'SMTP' | 'IMAP';

export class MailServerError extends Error {
  override name = 'MailServerError';
  constructor(
    message: string,
    /** The setting to look at, as in the configuration file: smtp.password, imap.security, email... */
    readonly setting: string,
    /** Worth trying again later (handlers/task.ts retries errors that say so). */
    readonly $retryable = false,
  ) {
    super(message);
  }
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Plain text passwords never cross the network: "none" is only for servers on this machine. */
export function checkSecurity(protocol: MailProtocol, server: Pick<MailServer, 'host' | 'security'>): void {
  if (server.security === 'none' && !isLoopback(server.host)) {
    const prefix = protocol.toLowerCase();
    throw new MailServerError(
      `${protocol} security "none" is only allowed for a server on this machine, not ${server.host} (setting ${prefix}.security): use "tls" or "starttls"`,
      `${prefix}.security`,
    );
  }
}

interface ErrorFacts {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  responseText?: string;
  command?: string;
  authenticationFailed?: boolean;
  message?: string;
  cause?: unknown;
}

function chain(error: unknown): ErrorFacts[] {
  const out: ErrorFacts[] = [];
  let current = error as ErrorFacts | undefined;
  while (current && typeof current === 'object' && out.length < 5) {
    out.push(current);
    current = current.cause as ErrorFacts | undefined;
  }
  return out;
}

const TLS_PATTERN = /\b(tls|ssl|certificate|cert_|self[- ]signed|wrong version number|handshake|packet length)\b/i;
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNECTION',
  'ESOCKET',
  'EPIPE',
  // nodemailer's own code for a failed DNS lookup (its `originalCode` is ENOTFOUND or EAI_AGAIN).
  'EDNS',
]);
/** A host name that does not resolve: the name is wrong, or this computer is offline. */
const NAME_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EDNS']);

/** The first line each protocol's server sends: "* OK" (IMAP, RFC 9051 7.1), "220" (SMTP, RFC 5321 4.2). */
const GREETING: Record<MailProtocol, RegExp> = { IMAP: /^\* (OK|PREAUTH|BYE)\b/i, SMTP: /^220[ -]/ };
const PORTS: Record<MailProtocol, string> = { SMTP: '465 ("tls") or 587 ("starttls")', IMAP: '993 ("tls") or 143 ("starttls")' };

/**
 * When the server at the port greeted as the other protocol (the IMAP port typed as the SMTP port, or
 * the reverse), the error naming the port setting; undefined otherwise.
 */
export function wrongService(protocol: MailProtocol, server: MailServer, greeting: string | undefined): MailServerError | undefined {
  const other: MailProtocol = protocol === 'SMTP' ? 'IMAP' : 'SMTP';
  if (!greeting || !GREETING[other].test(greeting.trim())) return undefined;
  const prefix = protocol.toLowerCase();
  return new MailServerError(
    `the ${protocol} port ${server.host}:${server.port} answered like an ${other} server, not ${protocol} (setting ${prefix}.port): ` +
      `${protocol} usually uses port ${PORTS[protocol]}. Server said: ${short(greeting)}`,
    `${prefix}.port`,
  );
}

/** One line, without the server's multi-line noise. */
function short(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * What went wrong talking to the person's server, as a MailServerError naming the setting.
 * `from` is the From address (for a refused sender).
 */
export function explainMailError(protocol: MailProtocol, server: MailServer, error: unknown, from?: string): MailServerError {
  if (error instanceof MailServerError) return error;
  const facts = chain(error);
  const first = facts[0] ?? {};
  const prefix = protocol.toLowerCase();
  const where = `${server.host}:${server.port}`;
  const detail = short(first.response ?? first.responseText ?? first.message);
  const codes = facts.map((f) => f.code).filter(Boolean) as string[];
  const text = facts.map((f) => `${f.code ?? ''} ${f.message ?? ''}`).join(' ');
  const greetedAs = wrongService(protocol, server, first.response ?? first.responseText);
  if (greetedAs) return greetedAs;

  if (first.code === 'EAUTH' || facts.some((f) => f.authenticationFailed)) {
    return new MailServerError(
      `${protocol} login failed for user "${server.user}" at ${where}: the server refused the password (setting ${prefix}.password, or ${prefix}.user). ` +
        'Gmail, Outlook, iCloud and Yahoo need an app password here, not the password you log in with. Run "npx optout setup" to change it.' +
        (detail ? ` Server said: ${detail}` : ''),
      `${prefix}.password`,
    );
  }
  if (first.code === 'ETLS' || (TLS_PATTERN.test(text) && !first.responseCode)) {
    const hint = protocol === 'SMTP' ? 'port 465 uses "tls", port 587 "starttls"' : 'port 993 uses "tls", port 143 "starttls"';
    return new MailServerError(
      `${protocol} TLS problem with ${where} (setting ${prefix}.security is "${server.security}"; ${hint}): ${detail}`,
      `${prefix}.security`,
    );
  }
  if (protocol === 'SMTP' && first.code === 'EENVELOPE' && /MAIL FROM/i.test(first.command ?? '')) {
    const permanent = (first.responseCode ?? 500) >= 500;
    return new MailServerError(
      `the SMTP server ${where} refused the From address ${from ?? '(unknown)'} (setting email): ${detail}. ` +
        'Letters go From the address you log in with, or one your provider lets you send as.',
      'email',
      !permanent,
    );
  }
  if (first.responseCode) {
    const permanent = first.responseCode >= 500;
    return new MailServerError(
      `the ${protocol} server ${where} refused ${first.command ? `"${first.command}"` : 'the request'}: ${detail}`,
      `${prefix}.host`,
      !permanent,
    );
  }
  if (/greeting never received/i.test(text)) {
    return new MailServerError(
      `${protocol} server ${where} did not answer as expected (setting ${prefix}.security is "${server.security}": a port that expects TLS from the start needs "tls"): ${detail}`,
      `${prefix}.security`,
      true,
    );
  }
  const lookup = facts.map((f) => f.originalCode ?? f.code).find((c) => c && NAME_CODES.has(c));
  if (lookup) {
    return new MailServerError(
      `cannot find the ${protocol} server ${server.host}: the name does not resolve (setting ${prefix}.host; check its spelling, and that this computer is online)`,
      `${prefix}.host`,
      true,
    );
  }
  if (codes.some((c) => CONNECTION_CODES.has(c)) || first.code === 'NoConnection') {
    return new MailServerError(`cannot reach the ${protocol} server ${where} (settings ${prefix}.host and ${prefix}.port): ${detail}`, `${prefix}.host`, true);
  }
  return new MailServerError(`${protocol} error with ${where}: ${detail || 'unknown error'}`, `${prefix}.host`, true);
}
