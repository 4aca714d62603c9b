// The public form's abuse limits: anyone can type any address into the form, so without limits the
// deployment would mail whoever an attacker names, burning its SES reputation and budget.
// Checked after the input is valid and before anything is stored or mailed, in this order:
//   1. submissions from one client address (as API Gateway sees it; locally the socket address) per hour;
//   2. verification mails to one email address per 24 hours (sliding window);
//   3. verification mails of the whole deployment per UTC day.
// A refused submission answers 429 with the time it may be tried again. A slot taken by step 1 or 2
// stays taken when a later step refuses: the attempt counts, so retrying in a loop does not help.
import { config } from '../adapters/config.ts';
import { clock } from '../adapters/clock.ts';
import { countDaily, takeSlot } from '../data/limits.ts';
import { TooManyRequests } from './errors.ts';

const HOUR_MS = 3_600_000;

function when(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export async function admitSubmission(email: string, clientAddress: string | undefined): Promise<void> {
  const { clientSubmissionsPerHour, addressMailsPerDay, dailyVerificationMails } = config();
  const now = clock().now();
  const client = await takeSlot('client', clientAddress ?? 'unknown', clientSubmissionsPerHour, HOUR_MS, now);
  if (!client.ok) {
    throw new TooManyRequests(
      `too many submissions from your network (${clientSubmissionsPerHour} an hour); try again after ${when(client.retryAt)}`,
      client.retryAt,
    );
  }
  const address = await takeSlot('address', email, addressMailsPerDay, 24 * HOUR_MS, now);
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
