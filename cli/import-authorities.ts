// `optout import-authorities <datenanfragen checkout> [--out file]`: converts a datenanfragen checkout's
// supervisory-authorities/*.json (CC0) into our own compact functions/core/authorities/authorities.json,
// which functions/core/authorities reads (hand-added authorities live in extra.json there).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type Authority, type AuthorityFile, AuthoritySchema } from '../functions/core/authorities/authority.ts';

export class AuthorityImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthorityImportError';
  }
}

// Only the fields we read; the records carry more (phone, PGP keys...), which we leave out.
const RecordSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  'relevant-countries': z.array(z.string()).min(1),
  name: z.string().min(1),
  address: z.string().min(1),
  email: z.string().email().optional(),
  webform: z.string().url().optional(),
  'complaint-language': z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  comments: z.array(z.string()).optional(),
});

// German data protection supervision is split by Land: the Land authority supervises companies
// established there. The records do not say which Land, so the mapping lives here.
const GERMAN_STATE_OF: Record<string, string> = {
  debawueldb: 'DE-BW',
  debaylda: 'DE-BY',
  deberlbdi: 'DE-BE',
  debralda: 'DE-BB',
  debrelfdi: 'DE-HB',
  dehmbbfdi: 'DE-HH',
  dehessbdi: 'DE-HE',
  demvldi: 'DE-MV',
  dendslfd: 'DE-NI',
  denrwldi: 'DE-NW',
  derlpbdi: 'DE-RP',
  desaarudz: 'DE-SL',
  desaechsdsb: 'DE-SN',
  desalbd: 'DE-ST',
  deshuld: 'DE-SH',
  detlfdi: 'DE-TH',
};
/** The federal commissioner stands for Germany as a whole. */
const GERMAN_NATIONAL = 'debfdi';

/**
 * Facts a record gets wrong for our use, corrected at import; each says where the right one comes from.
 * Italy: the record's address is the Garante's certified-mail (PEC) box, which takes no ordinary email.
 */
const CORRECTIONS: Record<string, { email?: string; note: string }> = {
  itgpdp: {
    email: 'protocollo@gpdp.it',
    note: 'Ordinary email protocollo@gpdp.it, as the Garante lists it beside its PEC box (g7privacy2024.gpdp.it/privacy-policy, checked 2026-11); protocollo@pec.gpdp.it takes certified mail (PEC) only. The Garante asks for a signed complaint with a copy of an identity document.',
  },
};

/** A certified-mail (PEC) box: "x@pec.example.it". Ordinary email to it is refused. */
const CERTIFIED_MAIL = /@pec\./i;

// Records without complaint-language: use the authority's first official language.
const FALLBACK_LANGUAGE: Record<string, string> = { BE: 'fr', DE: 'de', LU: 'fr', RO: 'ro' };

/**
 * Reads `<checkoutDir>/supervisory-authorities/*.json` and returns our records, sorted by id.
 * Records we cannot place (no single country, unknown German sector body) are reported to `warn`.
 */
export function importAuthorities(checkoutDir: string, warn: (message: string) => void = () => {}): Authority[] {
  const dir = join(checkoutDir, 'supervisory-authorities');
  if (!existsSync(dir)) throw new AuthorityImportError(`${dir} does not exist: is ${checkoutDir} a datenanfragen data checkout?`);

  const problems: string[] = [];
  const authorities: Authority[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      problems.push(`${file}: not valid JSON: ${(err as Error).message}`);
      continue;
    }
    const parsed = RecordSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
      continue;
    }
    const record = parsed.data;
    const countries = record['relevant-countries'].filter((c) => /^[a-z]{2}$/.test(c));
    const first = countries[0];
    if (countries.length !== 1 || first === undefined) {
      warn(`${file}: skipped, relevant-countries ${JSON.stringify(record['relevant-countries'])} is not one country`);
      continue;
    }
    const country = first.toUpperCase();

    let scope: Authority['scope'] = 'national';
    let region: string | undefined;
    if (country === 'DE' && record.slug !== GERMAN_NATIONAL) {
      region = GERMAN_STATE_OF[record.slug];
      scope = region ? 'state' : 'sector';
    }

    const language = record['complaint-language'] ?? FALLBACK_LANGUAGE[country];
    if (!language) {
      problems.push(`${file}: complaint-language: missing, and no fallback language is known for ${country}`);
      continue;
    }

    const correction = CORRECTIONS[record.slug];
    let email = correction?.email ?? record.email;
    if (email && CERTIFIED_MAIL.test(email)) {
      warn(
        `${file}: email ${email} is a certified-mail (PEC) address that takes no ordinary email; left out (add the ordinary one to CORRECTIONS in cli/import-authorities.ts)`,
      );
      email = undefined;
    }
    const notes = [record.comments?.length ? oneLine(record.comments) : '', correction?.note ?? ''].filter(Boolean);

    const authority: Authority = {
      id: record.slug,
      name: record.name,
      country,
      ...(region ? { region } : {}),
      scope,
      address: record.address
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(', '),
      ...(email ? { email } : {}),
      ...(record.webform ? { webform: record.webform } : {}),
      language,
      source: record.slug,
      // Comments carry complaint conditions (e.g. Bulgaria wants a qualified e-signature on email).
      ...(notes.length ? { note: notes.join(' ') } : {}),
    };
    authorities.push(AuthoritySchema.parse(authority));
  }

  // Lookups need exactly one general authority per country.
  const nationals = new Map<string, string>();
  for (const a of authorities) {
    if (a.scope !== 'national') continue;
    const other = nationals.get(a.country);
    if (other) problems.push(`${a.id}.json: two national authorities for ${a.country} (${other} and ${a.id}); map one of them in cli/import-authorities.ts`);
    nationals.set(a.country, a.id);
  }
  if (problems.length > 0) throw new AuthorityImportError(`Cannot import ${dir}:\n- ${problems.join('\n- ')}`);

  warnUnmappedGermanSectors(authorities, warn);
  return authorities.sort((a, b) => a.id.localeCompare(b.id));
}

/** Multi-line record comments as one line: "Zuständig für ...: Bistum A, Bistum B". */
function oneLine(comments: string[]): string {
  return comments
    .map((c) =>
      c
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(', ')
        .replace(/:,/g, ':'),
    )
    .join(' ');
}

const KNOWN_GERMAN_SECTOR_BODIES = new Set([
  'debayldb', // Bavarian public bodies (BayLDA handles companies)
  'deekdbfd', // Protestant church
  'dekathbayddsb',
  'dekathdsz',
  'dekathffdsz',
  'dekathnordddsb',
  'dekathostddsb', // Catholic dioceses
  'derf',
  'derfdw', // public broadcasters
]);

function warnUnmappedGermanSectors(authorities: Authority[], warn: (message: string) => void): void {
  for (const a of authorities) {
    if (a.scope === 'sector' && !KNOWN_GERMAN_SECTOR_BODIES.has(a.id)) {
      warn(`${a.id}: German authority not in the Land mapping of cli/import-authorities.ts; recorded as a sector authority`);
    }
  }
}

/** The committed file's exact text for a list of authorities. */
export function serializeAuthorities(authorities: Authority[]): string {
  const file: AuthorityFile = {
    about:
      'Generated by `optout import-authorities` (cli/import-authorities.ts) from the datenanfragen supervisory-authorities records (CC0). Do not edit by hand: re-run the importer. Hand-added authorities live in extra.json.',
    authorities,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
