// DNS for mail authentication. On AWS: mailauth's default (the system resolver). Locally there is no
// internet, so OPTOUT_DNS_ZONE may name a JSON zone file {"name": {"TXT": ["..."], "MX": [...]}}
// that stands in for the world's DNS (tests publish their DKIM keys and SPF records there).
import { readFileSync } from 'node:fs';
import type { DNSResolver } from 'mailauth';
import { config } from './config.ts';

type Zone = Record<string, Record<string, string[]>>;

function notFound(name: string, rrtype: string): Error {
  return Object.assign(new Error(`no ${rrtype} record for ${name}`), { code: 'ENOTFOUND' });
}

export function zoneResolver(zone: Zone): DNSResolver {
  return async (name, rrtype) => {
    const records = zone[name.toLowerCase().replace(/\.$/, '')]?.[rrtype.toUpperCase()];
    if (!records?.length) throw notFound(name, rrtype);
    // TXT answers come as arrays of strings (one record may be split), like node:dns.
    return rrtype.toUpperCase() === 'TXT' ? records.map((r) => [r]) : records;
  };
}

/** The resolver to use, or undefined for the system's. */
export function dnsResolver(): DNSResolver | undefined {
  const { dnsZone, dataDir, evidenceBucket } = config();
  if (dnsZone) return zoneResolver(JSON.parse(readFileSync(dnsZone, 'utf8')) as Zone);
  // Local runtime without a zone: answer nothing rather than hang on an unreachable network.
  if (dataDir && !evidenceBucket) return zoneResolver({});
  return undefined;
}
