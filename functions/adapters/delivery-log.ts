// The delivery log: did a letter the outbox found "sending" actually go out? One port, asked by the
// same code on every runtime (app/outbox.ts), with one reader per runtime:
// - AWS: SES publishes a Send event for every message of the configuration set (-> EventBridge -> the
//   MailEvents function), which records it in the table by the letter id it carries as the message
//   tag `letter` (data/outbox.ts recordDelivery). Read by letter id.
// - local demo: the SES emulator's own store (GET <endpoint>/store). It keeps no custom headers and no
//   tags, but a letter's recipients, subject and text are deterministic (the outbox resends the bytes it
//   stored at the claim), so they identify it. With OPTOUT_SES_ENDPOINT the emulator runs in another
//   process and its store outlives the app.
// - personal mode: the person's SMTP server keeps no log we can read. Its acceptance is recorded in the
//   table right after send() resolves; a letter still "sending" after a crash inside that call is sent
//   again after the grace period, with the same Message-ID and bytes (a possible duplicate that mail
//   clients and ticket systems fold into one thread). The reader answers "not seen".
import { findDelivery } from '../data/outbox.ts';
import { runtime } from '../runtime/scope.ts';

export interface DeliveryQuery {
  letterId: string;
  /** The letter's recipients (To), its subject and its text part, as the MIME the outbox stored. */
  to: string[];
  subject: string;
  text: string;
}

export interface DeliveryLog {
  /** SES's message id when the log shows the letter accepted, else undefined. */
  find(query: DeliveryQuery): Promise<{ sesMessageId: string } | undefined>;
}

interface EmulatorMail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

const normalize = (text: string | undefined) => (text ?? '').replace(/\r\n/g, '\n').trim();

/** The SES emulator's store as a delivery log (demo mode and the tests). */
export function emulatorLog(endpoint: string): DeliveryLog {
  return {
    async find(query) {
      const response = await fetch(`${endpoint.replace(/\/$/, '')}/store`);
      if (!response.ok) throw new Error(`SES emulator store answered ${response.status}`);
      const { emails } = (await response.json()) as { emails: EmulatorMail[] };
      const to = query.to.map((a) => a.toLowerCase());
      const text = normalize(query.text);
      const found = emails.find(
        (m) =>
          m.subject === query.subject &&
          to.every((address) => m.destination.to.some((t) => t.toLowerCase().includes(address))) &&
          normalize(m.body.text) === text,
      );
      return found ? { sesMessageId: found.messageId } : undefined;
    },
  };
}

/** SES Send events recorded in the table by letter id (AWS). */
export const tableLog: DeliveryLog = {
  async find(query) {
    const record = await findDelivery(query.letterId);
    return record ? { sesMessageId: record.sesMessageId } : undefined;
  },
};

/** Personal mode: no readable log (see the top of this file). */
export const noLog: DeliveryLog = {
  async find() {
    return undefined;
  },
};

/** The log of the runtime that is running (chosen by functions/runtime/compose.ts). */
export function deliveryLog(): DeliveryLog {
  return runtime().deliveryLog;
}
