// Supervisory authorities for escalation. One function, complaintAuthority(), decides whom a person's
// complaint goes to, for the escalation step, the final notice, the complaint letter and the CLI:
// - GDPR (EU/EEA): the person's own authority (Art. 77(1), habitual residence; in Germany the Land's
//   authority for companies), which forwards to the lead authority of the controller's main
//   establishment (Art. 56, 60; Germany also § 19(2) BDSG). The letter names that lead authority; for a
//   German controller it is the authority of its Land (legalEntity.land), never the federal BfDI.
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

/** Where a controller is established: its country, and for a German one its Land ("DE-NW"). */
export interface ControllerPlace {
  country: string;
  land?: string;
}

/**
 * The supervisory authority of the place where the provider's controller is established: the national
 * authority (IE -> Data Protection Commission), but for a German controller the authority of its Land
 * (DeepL SE, Cologne, "DE-NW" -> LDI NRW): BDSG § 40(1) makes the Länder authorities supervise
 * companies, § 19(1) makes the Land of the main establishment the lead in the EU procedure; the federal
 * BfDI supervises federal bodies, telecoms and postal services, not platforms (research/law.md).
 * `controller` is an entity ({ country, land }) or a code ("IE", "DE-NW").
 * Throws NoAuthorityError for a German controller without its Land (no lead rather than a wrong one) and
 * for countries without a GDPR-style authority in our data (e.g. "US").
 */
export function leadAuthorityFor(controller: string | ControllerPlace): Authority {
  const found = controllerAuthority(controller);
  if (found) return found;
  const shown = typeof controller === 'string' ? controller : (controller.land ?? controller.country);
  if (normalize(shown) === 'DE') {
    throw new NoAuthorityError(
      `No supervisory authority for the German controller: its Land is not known (a German company is supervised by its Land's authority, not the federal BfDI); record legalEntity.land`,
    );
  }
  throw new NoAuthorityError(
    `No supervisory authority for controller country "${shown}": a controller outside the EU/EEA/GB/CH has no lead authority; complain to the person's own authority instead`,
  );
}

/** The authority of a controller's place: a German Land's for companies, else the national one; undefined where none. */
function controllerAuthority(controller: string | ControllerPlace): Authority | undefined {
  const code = normalize(typeof controller === 'string' ? controller : (controller.land ?? controller.country));
  const country = code.slice(0, 2);
  if (country === 'DE') {
    // Only a Land names the authority; "DE" alone would be the BfDI, which does not supervise companies.
    return code.length > 2 ? allAuthorities().find((a) => a.scope === 'state' && a.region === code) : undefined;
  }
  return national(country);
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

/**
 * The EU/EEA authority of a controller (for a German one, its Land's), or undefined outside the EU/EEA
 * and for a German controller whose Land is not known (no lead named rather than a wrong one).
 */
function gdprAuthorityOf(controller: ControllerPlace): Authority | undefined {
  const country = normalize(controller.country).slice(0, 2);
  return (GDPR_COUNTRIES as readonly string[]).includes(country) ? controllerAuthority(controller) : undefined;
}

/**
 * Whom a person in `jurisdiction` complains to about `provider`, and which lead authority the
 * complaint names. The one place that decides it: the workflow, the letters and `optout authority`
 * all call this.
 */
export function complaintAuthority(jurisdiction: string, provider: { legalEntity: ControllerPlace }): ComplaintRoute {
  const code = normalize(jurisdiction);
  const law = lawFor(code);
  switch (law) {
    case 'gdpr': {
      const own = authorityForPerson(code);
      const leadAuthority = gdprAuthorityOf(provider.legalEntity);
      // No authority of their own (not expected in the EU/EEA): the lead authority is the addressee.
      if (!own) return { law, complaintTo: leadAuthority ? contact(leadAuthority) : null, lead: null, remedy: REMEDIES.gdpr };
      // The controller's authority is named unless it is the person's own. A German controller's is its
      // Land's (DeepL, Cologne: LDI NRW), also for a person in another Land, whose authority forwards
      // the complaint to it (§ 19(2) BDSG). A controller outside the EU/EEA, or a German one whose Land
      // is not known, has none we can name.
      const lead = leadAuthority && leadAuthority.id !== own.id ? contact(leadAuthority) : null;
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
