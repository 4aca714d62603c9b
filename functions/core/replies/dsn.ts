// Reading delivery status notifications (RFC 3464) and the plain-text bounces of older mail systems.

export interface DsnRecipient {
  recipient?: string;
  action?: string;
  status?: string;
  diagnostic?: string;
}

const STATUS_CODE = /\b([245]\.\d{1,3}\.\d{1,3})\b/;

/** Parses a message/delivery-status body into its per-recipient blocks (the per-message block is skipped). */
export function parseDeliveryStatus(content: string): DsnRecipient[] {
  const blocks = content.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const out: DsnRecipient[] = [];
  for (const block of blocks) {
    const fields = parseFields(block);
    const address = fields.get('final-recipient') ?? fields.get('original-recipient');
    if (!address && !fields.has('action')) continue;
    const status = fields.get('status')?.match(STATUS_CODE)?.[1];
    const entry: DsnRecipient = {};
    const recipient = address ? addressOf(address) : undefined;
    if (recipient) entry.recipient = recipient;
    const action = fields.get('action')?.toLowerCase();
    if (action) entry.action = action;
    if (status) entry.status = status;
    const diagnostic = fields.get('diagnostic-code');
    if (diagnostic) entry.diagnostic = diagnostic;
    out.push(entry);
  }
  return out;
}

/** Unfolds "Name: value" header-style fields (continuation lines start with white space). */
function parseFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of block.split('\n')) {
    if (/^\s/.test(line) && last) {
      fields.set(last, `${fields.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const m = line.match(/^([A-Za-z-]+)\s*:\s*(.*)$/);
    if (!m?.[1]) continue;
    last = m[1].toLowerCase();
    if (!fields.has(last)) fields.set(last, (m[2] ?? '').trim());
  }
  return fields;
}

/** "rfc822; Privacy@Example.com" -> "privacy@example.com". */
function addressOf(value: string): string | undefined {
  const afterType = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  const m = afterType.match(/<?([^\s<>;]+@[^\s<>;]+?)>?\s*$/) ?? afterType.match(/([^\s<>;]+@[^\s<>;]+)/);
  return m?.[1]?.toLowerCase();
}

/** The first recipient a DSN reports as failed or delayed, else the first one listed. */
export function failedRecipient(recipients: DsnRecipient[]): DsnRecipient | undefined {
  const failing = recipients.find((r) => r.action === 'failed' || r.action === 'delayed' || (r.status !== undefined && /^[45]/.test(r.status)));
  return failing ?? recipients[0];
}

/** True when every reported recipient was delivered, relayed or expanded (a success notice, not a bounce). */
export function allDelivered(recipients: DsnRecipient[]): boolean {
  return (
    recipients.length > 0 &&
    recipients.every((r) => (r.action === 'delivered' || r.action === 'relayed' || r.action === 'expanded') && !/^[45]/.test(r.status ?? ''))
  );
}

const TEXT_RECIPIENT: RegExp[] = [
  // Postfix, qmail: "<privacy@example.com>: host mx... said: 550 5.1.1"
  /^\s*<([^<>\s@]+@[^<>\s]+)>\s*:/m,
  // Exim: "This message was created automatically ... The following address(es) failed:\n\n  privacy@example.com"
  /following (?:address(?:\(es\)|es)?|recipients?)[^\n]*?:\s*\n\s*<?([^\s<>@]+@[^\s<>]+?)>?(?:\s|$)/i,
  // Exchange / Gmail: "Your message to privacy@example.com couldn't be delivered" / "wasn't delivered to x@y"
  /(?:message to|delivered to|delivery to|deliver (?:your message )?to|zugestellt werden an|Empfänger|recipients?)\s*:?\s*<?([^\s<>@(),]+@[^\s<>(),]+?)>?[\s,.;)]/i,
  /Final-Recipient:\s*rfc822;\s*<?([^\s<>]+@[^\s<>]+?)>?\s/i,
];

/** Best-effort recipient and status code from a bounce's human-readable text. */
export function bounceFromText(text: string): DsnRecipient {
  const out: DsnRecipient = {};
  for (const re of TEXT_RECIPIENT) {
    const m = text.match(re);
    if (m?.[1]) {
      out.recipient = m[1].toLowerCase().replace(/[.,;:]+$/, '');
      break;
    }
  }
  const status = text.match(STATUS_CODE)?.[1];
  if (status) out.status = status;
  return out;
}
