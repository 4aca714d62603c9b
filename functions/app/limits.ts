// The public form's abuse limits: anyone can type any address into the form, so without limits the
// deployment would mail whoever an attacker names, burning its SES reputation and budget.
// Checked after the input is valid and before anything is stored or mailed, in this order:
//   1. submissions from one client network (the address as API Gateway sees it, locally the socket's;
//      an IPv6 address counts as its /64, see clientKey) per hour;
//   2. verification mails to one email address per 24 hours (sliding window);
//   3. verification mails of the whole deployment per UTC day.
// Personal mode sends no verification mail (the address is the person's own, proven in setup), so
// only step 1 applies there.
// A refused submission answers 429 with the time it may be tried again. A slot taken by step 1 or 2
// stays taken when a later step refuses: the attempt counts, so retrying in a loop does not help.
import { config } from '../adapters/config.ts';
import { clock } from '../adapters/clock.ts';
import { countDaily, takeSlot } from '../data/limits.ts';
import { TooManyRequests } from './errors.ts';

const HOUR_MS = 3_600_000;
/** Mail providers that ignore dots in the local part: erika.m@gmail.com is erikam@gmail.com. */
const DOTS_IGNORED = new Set(['gmail.com', 'googlemail.com']);

/**
 * The mailbox an address delivers to, as the per-address counter's key: without a +tag
 * (victim+1@, victim+2@ reach one inbox), and for Gmail without dots in the local part. The address
 * itself is stored and mailed as typed; only the counter is keyed by the mailbox.
 */
export function mailboxKey(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return email.toLowerCase();
  const domain = email.slice(at + 1).toLowerCase();
  let local = email.slice(0, at).toLowerCase().replace(/\+.*$/, '');
  if (DOTS_IGNORED.has(domain)) local = local.replaceAll('.', '');
  return `${local}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`;
}

/**
 * The network a client address stands for, as the per-client counters' key: an IPv4 address itself,
 * an IPv6 address its /64 (one subscriber usually holds a whole /64, and could otherwise change
 * address for every submission). An IPv4-mapped IPv6 address (::ffff:192.0.2.1) is its IPv4 address.
 */
export function clientKey(clientAddress: string | undefined): string {
  const address = (clientAddress ?? 'unknown').trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Seconds a client waits until `retryAt`, for Retry-After: the limits count on the app's clock (which
 * may run faster locally, OPTOUT_CLOCK_SPEED), the client waits in real seconds.
 */
export function retryAfterSeconds(retryAt: Date): number {
  return Math.max(1, clock().realSecondsUntil(retryAt));
}

function when(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export async function admitSubmission(email: string, clientAddress: string | undefined): Promise<void> {
  const { clientSubmissionsPerHour, addressMailsPerDay, dailyVerificationMails } = config();
  const now = clock().now();
  const client = await takeSlot('client', clientKey(clientAddress), clientSubmissionsPerHour, HOUR_MS, now);
  if (!client.ok) {
    throw new TooManyRequests(
      `too many submissions from your network (${clientSubmissionsPerHour} an hour); try again after ${when(client.retryAt)}`,
      client.retryAt,
    );
  }
  if (config().personal) return;
  const address = await takeSlot('address', mailboxKey(email), addressMailsPerDay, 24 * HOUR_MS, now);
  if (!address.ok) {
    throw new TooManyRequests(
      `we already sent ${addressMailsPerDay} confirmation emails to this address in the last 24 hours; open one of them, or try again after ${when(address.retryAt)}`,
      address.retryAt,
    );
  }
  const daily = await countDaily('verification-mails', dailyVerificationMails, now);
  if (!daily.ok) {
    throw new TooManyRequests(`this service has sent as many confirmation emails today as it may; try again after ${when(daily.retryAt)}`, daily.retryAt);
  }
}
