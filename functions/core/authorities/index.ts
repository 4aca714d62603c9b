// Supervisory authorities for escalation: the lead authority where the provider's EU controller is
// established, and the person's own authority (GDPR Art. 77); for California residents the CPPA.
import { readFileSync } from 'node:fs';
import { type Authority, AuthorityFileSchema } from './authority.ts';
import { AUTHORITIES_FILE } from './import.ts';

export type { Authority } from './authority.ts';
export { AuthorityImportError, importAuthorities, serializeAuthorities } from './import.ts';

export class NoAuthorityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoAuthorityError';
  }
}

const EXTRA_FILE = new URL('./extra.json', import.meta.url);

let cached: Authority[] | undefined;

/** The imported authorities plus the hand-added ones, loaded and validated once. */
export function allAuthorities(): Authority[] {
  if (!cached) {
    const imported = AuthorityFileSchema.parse(JSON.parse(readFileSync(AUTHORITIES_FILE, 'utf8')));
    const extra = AuthorityFileSchema.parse(JSON.parse(readFileSync(EXTRA_FILE, 'utf8')));
    cached = [...imported.authorities, ...extra.authorities];
  }
  return cached;
}

function normalize(code: string): string {
  const upper = code.trim().toUpperCase();
  // "UK" is common usage; ISO says GB.
  if (upper === 'UK') return 'GB';
  if (upper.startsWith('UK-')) return `GB-${upper.slice(3)}`;
  return upper;
}

function national(country: string): Authority | undefined {
  return allAuthorities().find((a) => a.scope === 'national' && a.country === country);
}

/**
 * The national authority of the country where the provider's controller is established
 * (IE -> Data Protection Commission). For a German controller this is the federal BfDI, which
 * forwards to the Land authority; the catalog does not record the Land.
 * Throws NoAuthorityError for countries without a GDPR-style authority in our data (e.g. "US").
 */
export function leadAuthorityFor(controllerCountry: string): Authority {
  const country = normalize(controllerCountry).slice(0, 2);
  const found = national(country);
  if (!found) {
    throw new NoAuthorityError(
      `No supervisory authority for controller country "${controllerCountry}": a controller outside the EU/EEA/GB/CH has no lead authority; complain to the person's own authority instead`,
    );
  }
  return found;
}

/**
 * The person's own authority: a German Land code ("DE-BY") gives the Land authority for companies,
 * any other EU/EEA/GB/CH code its national authority, "US-CA" the California Privacy Protection Agency.
 * Undefined where we know of none (other US states, other countries).
 */
export function authorityForPerson(jurisdiction: string): Authority | undefined {
  const code = normalize(jurisdiction);
  if (code.includes('-')) {
    const state = allAuthorities().find((a) => a.scope === 'state' && a.region === code);
    if (state) return state;
    // Only countries with a national authority fall back to it; US states have none.
    return national(code.slice(0, 2));
  }
  return national(code);
}
