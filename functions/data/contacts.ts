// Health of the catalog's contact addresses (PK=CONTACT#<provider>, SK=<address>): an address that a
// trusted bounce showed dead (app/bounces.ts) is marked failing, and later letters go to the
// provider's next address (app/dispatch.ts usableEmailChannel). No TTL: the item holds no personal data.
import { key } from './schema.ts';
import { getItem, putItem } from './store.ts';

export interface ContactFailure {
  /** When the failure was recorded (ISO). */
  since: string;
  reason: string;
  /** How the failure was reported ("SES bounce event", "DSN from ..."). */
  reportedBy: string;
}

export async function contactFailing(provider: string, address: string): Promise<boolean> {
  return Boolean((await getItem<{ failing?: boolean }>(key.contact(provider, address)))?.failing);
}

export async function markContactFailing(provider: string, address: string, failure: ContactFailure): Promise<void> {
  await putItem(key.contact(provider, address), { type: 'contact', failing: true, ...failure });
}
