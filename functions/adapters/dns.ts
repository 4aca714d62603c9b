// DNS for mail authentication. On AWS: mailauth's default (the system resolver). Locally there is no
// internet, so OPTOUT_DNS_ZONE may name a JSON zone file {"name": {"TXT": ["..."], "MX": [...]}}
// that stands in for the world's DNS (tests publish their DKIM keys and SPF records there).
import { readFileSync } from 'node:fs';
import type { DNSResolver } from 'mailauth';
import { runtime } from '../runtime/scope.ts';
import type { Config } from './config.ts';

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

/** The resolver of the runtime that is running, or undefined for the system's. */
export function dnsResolver(): DNSResolver | undefined {
  return runtime().dns();
}

/** The resolver the settings ask for (read at each call: a test may publish records in the zone file meanwhile). */
export function resolverFor({ dnsZone, dataDir, evidenceBucket }: Pick<Config, 'dnsZone' | 'dataDir' | 'evidenceBucket'>): DNSResolver | undefined {
  if (dnsZone) return zoneResolver(JSON.parse(readFileSync(dnsZone, 'utf8')) as Zone);
  // Local runtime without a zone: answer nothing rather than hang on an unreachable network.
  if (dataDir && !evidenceBucket) return zoneResolver({});
  return undefined;
}
