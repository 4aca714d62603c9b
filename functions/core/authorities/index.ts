// Supervisory authorities for escalation. One function, complaintAuthority(), decides whom a person's
// complaint goes to, for the escalation step, the final notice, the complaint letter and the CLI:
// - GDPR (EU/EEA): the person's own authority (Art. 77(1), habitual residence; in Germany the Land's
//   authority for companies), which forwards to the lead authority of the controller's main
//   establishment (Art. 56, 60; Germany also § 19(2) BDSG). The letter names that lead authority.
// - UK GDPR: the ICO, always (no one-stop shop with the EU); the remedy is DPA 2018 s. 166.
// - California: the CPPA; Utah: the Division of Consumer Protection; other US states with an act: the
//   attorney general named in functions/core/us-states.ts (no address on record).
// Each authority's facts carry their source (authorities.json from the datenanfragen records, extra.json
// by hand).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GDPR_COUNTRIES, type Law, lawFor } from '../jurisdiction.ts';
import { LANGUAGES, type Language } from '../model.ts';
import { usStateLaw } from '../us-states.ts';
import { type Authority, AuthorityFileSchema } from './authority.ts';

export type { Authority } from './authority.ts';

/** The imported authorities (written by `optout import-authorities`, cli/import-authorities.ts). */
export const AUTHORITIES_FILE: string = fileURLToPath(new URL('./authorities.json', import.meta.url));

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

/** An addressee as the letters and the CLI show it. */
export interface AuthorityContact {
  /** Our authority id; absent for a US attorney general, of whom we keep only the name. */
  id?: string;
  name: string;
  email?: string;
  /** The complaint web form. */
  web?: string;
  /** One line, parts separated by ", ". */
  address?: string;
  /** ISO 3166-1 country of the authority (a German one is asked to forward under § 19(2) BDSG). */
  country?: string;
  /** The language a complaint to it is written in: its own where letters exist (en, de), else English. */
  language: Language;
}

export interface ComplaintRoute {
  law: Law;
  /** Whom the person's complaint is addressed to; null where we know of no one (the draft leaves it open). */
  complaintTo: AuthorityContact | null;
  /** The lead authority (GDPR Art. 56) where it is not the addressee, named in the complaint's body. */
  lead: AuthorityContact | null;
  /** What the person can do if the authority does not deal with the complaint (a citation), if any. */
  remedy: string | null;
}

/** The remedies when an authority does not handle a complaint; the letters cite the same provisions. */
const REMEDIES = { gdpr: 'GDPR Art. 78(2)', 'uk-gdpr': 'DPA 2018 s. 166' } as const;

/** The complaint's language for an authority: its own where we have letters, otherwise English. */
function complaintLanguage(authorityLanguage: string): Language {
  return (LANGUAGES as readonly string[]).includes(authorityLanguage) ? (authorityLanguage as Language) : 'en';
}

function contact(a: Authority): AuthorityContact {
  return {
    id: a.id,
    name: a.name,
    ...(a.email ? { email: a.email } : {}),
    ...(a.webform ? { web: a.webform } : {}),
    address: a.address,
    country: a.country,
    language: complaintLanguage(a.language),
  };
}

/** The EU/EEA authority of a controller's country, or undefined outside the EU/EEA. */
function gdprAuthorityOf(controllerCountry: string): Authority | undefined {
  const country = normalize(controllerCountry).slice(0, 2);
  return (GDPR_COUNTRIES as readonly string[]).includes(country) ? national(country) : undefined;
}

/**
 * Whom a person in `jurisdiction` complains to about `provider`, and which lead authority the
 * complaint names. The one place that decides it: the workflow, the letters and `optout authority`
 * all call this.
 */
export function complaintAuthority(jurisdiction: string, provider: { legalEntity: { country: string } }): ComplaintRoute {
  const code = normalize(jurisdiction);
  const law = lawFor(code);
  switch (law) {
    case 'gdpr': {
      const own = authorityForPerson(code);
      const controllerAuthority = gdprAuthorityOf(provider.legalEntity.country);
      // No authority of their own (not expected in the EU/EEA): the lead authority is the addressee.
      if (!own) return { law, complaintTo: controllerAuthority ? contact(controllerAuthority) : null, lead: null, remedy: REMEDIES.gdpr };
      // A controller in the person's own country has no other lead authority to name. (For a German
      // controller that is the authority of its Land, which the catalog does not record; the person's
      // Land authority forwards under § 19(2) BDSG.) A controller outside the EU/EEA has none.
      const lead = controllerAuthority && controllerAuthority.country !== own.country ? contact(controllerAuthority) : null;
      return { law, complaintTo: contact(own), lead, remedy: REMEDIES.gdpr };
    }
    case 'uk-gdpr': {
      const ico = national('GB');
      return { law, complaintTo: ico ? contact(ico) : null, lead: null, remedy: REMEDIES['uk-gdpr'] };
    }
    case 'ccpa':
    case 'us-state': {
      // The CPPA, Utah's Division of Consumer Protection; otherwise the state's attorney general.
      const agency = authorityForPerson(code);
      if (agency) return { law, complaintTo: contact(agency), lead: null, remedy: null };
      const state = usStateLaw(code);
      return { law, complaintTo: state ? { name: state.enforcer, language: 'en' } : null, lead: null, remedy: null };
    }
    case 'none': {
      // No privacy law of ours applies; a national authority we know (e.g. Switzerland's) is still named.
      const own = authorityForPerson(code);
      return { law, complaintTo: own ? contact(own) : null, lead: null, remedy: null };
    }
  }
}
