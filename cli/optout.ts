// `npx optout <command>`: the local operator's tools. Each command validates its flags and names the
// one that is wrong; exit code 2 for bad usage, 1 for a failure.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getCatalog, getProvider, letterAddressee } from '../functions/core/providers/catalog.ts';
import { BASES, LANGUAGES, type Basis, type Language } from '../functions/core/model.ts';
import { defaultLanguage, JurisdictionSchema, lawFor } from '../functions/core/jurisdiction.ts';
import { basisFor, renderLetter } from '../functions/core/letters.ts';
import { DEADLINE_LAWS, deadlineFor, deadlinePlaceFor, dueDate, toDateString } from '../functions/core/deadlines.ts';
import { deadlineCommand } from './deadline.ts';
import { classifyFile } from './classify-file.ts';
import { AUTHORITIES_FILE, type AuthorityContact, complaintAuthority } from '../functions/core/authorities/index.ts';
import { importAuthorities, serializeAuthorities } from './import-authorities.ts';

class UsageError extends Error {}

const USAGE = `usage: optout <command> [options]

  start                                   run the whole system locally (same as npm start)
  providers [--json]                      list the provider catalog (--json: [{slug, name, channels: [{type}], playbooks,
                                          individualOptOut?}])
  letter --provider P --basis B --name N --identifier I [--lang L] [--jurisdiction J] [--reference R] [--email E]
                                          print a letter (basis: ${BASES.join(', ')}; lang: ${LANGUAGES.join(', ')};
                                          --lang defaults to the main language of the jurisdiction, e.g. fr for FR;
                                          --jurisdiction defaults to DE-BE, US-CA, US-CO or US, whichever the basis fits)
  deadline --law L --from YYYY-MM-DD [--country CC] [--jurisdiction US-XX]
                                          print {"due": "YYYY-MM-DD"} (law: ${DEADLINE_LAWS.join(', ')};
                                          --country: the controller's, for gdpr/gdpr-extended, e.g. IE or IE,GB;
                                          --jurisdiction: the person's state, for us-state/us-state-extended)
  classify <file.eml> [--provider P]      print {"class": ..., "reasons": [...]} for a reply
  setup [--data-dir DIR]                  set up personal mode: your name, address, and your own mail account (SMTP + IMAP)
  login <provider> [--out cookies.json]   log in in a visible browser and save the session cookies for upload
  apply <provider> --session <cookie file> [--dry-run] [--lang L] [--out DIR]
                                          switch the provider's AI-training setting off with your session; prints
                                          {"outcome", "reason", "evidence"}; exit 0 for switched_off, already_off and
                                          (with --dry-run, which changes nothing) would_switch_off
  authority --jurisdiction J --provider P print {"complaintTo": ..., "lead": ...}: whom a person in J complains to about P
  import-authorities <datenanfragen checkout> [--out file]
                                          rebuild the supervisory-authority facts from a datenanfragen checkout
  import-companies <datenanfragen checkout> [--out file]
                                          rebuild the long-tail catalog (functions/core/providers/companies.json) from its company records`;

function need(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`missing --${name}`);
  return value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}

/** A jurisdiction whose law fits the basis, when --jurisdiction is not given. */
const JURISDICTION_OF_BASIS: Record<Basis, string> = {
  'gdpr-objection': 'DE-BE',
  'ccpa-opt-out': 'US-CA',
  'ccpa-delete': 'US-CA',
  'us-state-request': 'US-CO',
  'ai-training-request': 'US',
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Interactive, with its own questions and flags (cli/setup.ts).
  if (command === 'setup') return (await import('./setup.ts')).runSetup(rest);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      provider: { type: 'string' },
      basis: { type: 'string' },
      lang: { type: 'string' },
      name: { type: 'string' },
      identifier: { type: 'string' },
      jurisdiction: { type: 'string' },
      reference: { type: 'string' },
      email: { type: 'string' },
      law: { type: 'string' },
      from: { type: 'string' },
      country: { type: 'string' },
      out: { type: 'string' },
      session: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  switch (command) {
    case 'start':
      await import('../infra/local/main.ts');
      return -1; // keeps running
    case 'providers': {
      if (values.json) {
        const list = [...getCatalog().values()].map((p) => ({
          slug: p.slug,
          name: p.name,
          channels: p.channels.map((c) => ({ type: c.type })),
          playbooks: Object.keys(p.playbooks),
          ...(p.individualOptOut === undefined ? {} : { individualOptOut: p.individualOptOut }),
        }));
        console.log(JSON.stringify(list, null, 2));
        return 0;
      }
      const rows = [...getCatalog().values()].map((p) => [p.slug, p.name, [...new Set(p.channels.map((c) => c.type))].join('+'), p.quality, p.checkedAt]);
      const header = ['slug', 'name', 'channels', 'quality', 'checked'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const row of [header, ...rows])
        console.log(
          row
            .map((cell, i) => cell.padEnd(widths[i]!))
            .join('  ')
            .trimEnd(),
        );
      return 0;
    }
    case 'letter': {
      const provider = getProvider(need(values, 'provider'));
      const basis = oneOf(need(values, 'basis'), BASES, 'basis');
      const jurisdiction = ((values.jurisdiction as string | undefined) ?? JURISDICTION_OF_BASIS[basis]).toUpperCase();
      // Without --lang, the language a person there most likely writes in.
      const lang = values.lang === undefined ? defaultLanguage(jurisdiction) : (oneOf(need(values, 'lang'), LANGUAGES, 'lang') as Language);
      const today = toDateString(new Date());
      const law = lawFor(jurisdiction);
      if (basis !== 'ai-training-request' && basisFor(law) !== basis && !(law === 'ccpa' && basis === 'ccpa-delete')) {
        throw new UsageError(`--basis ${basis} does not fit --jurisdiction ${jurisdiction} (law: ${law}); use --basis ${basisFor(law)} there`);
      }
      const letter = renderLetter({
        kind: basis,
        lang,
        law,
        usState: law === 'us-state' ? jurisdiction : undefined,
        provider: { name: provider.name, legalEntity: letterAddressee(provider, law, jurisdiction) },
        person: { name: need(values, 'name'), email: (values.email as string | undefined) ?? 'you@example.org' },
        account: { identifier: need(values, 'identifier') },
        agent: null,
        reference: (values.reference as string | undefined) ?? 'OA-DEMO-0001',
        date: today,
        dueDate: dueDate(deadlineFor(basis), today, deadlinePlaceFor(provider, law, jurisdiction)),
      });
      console.log(`Subject: ${letter.subject}\n\n${letter.text}`);
      return 0;
    }
    case 'deadline':
      console.log(
        JSON.stringify(
          deadlineCommand({
            law: need(values, 'law'),
            from: need(values, 'from'),
            country: values.country as string | undefined,
            jurisdiction: values.jurisdiction as string | undefined,
          }),
        ),
      );
      return 0;
    case 'classify': {
      const file = positionals[0];
      if (!file) throw new UsageError('classify needs a file: optout classify reply.eml');
      const patterns = values.provider ? getProvider(values.provider as string).replyPatterns : [];
      const result = await classifyFile(file, patterns);
      console.log(JSON.stringify({ class: result.class, reasons: result.reasons }, null, 2));
      return 0;
    }
    case 'login': {
      const slug = positionals[0];
      if (!slug) throw new UsageError('login needs a provider: optout login pinterest');
      const provider = getProvider(slug);
      const { captureSessionInteractively } = await import('./login.ts');
      const cookies = await captureSessionInteractively(provider);
      const out = (values.out as string | undefined) ?? `${provider.slug}-cookies.json`;
      writeFileSync(out, JSON.stringify(cookies, null, 2), { mode: 0o600 });
      console.log(`Saved ${cookies.length} cookies for ${provider.name} to ${out} (readable only by you). Upload it with the form; delete it afterwards.`);
      return 0;
    }
    case 'apply': {
      const slug = positionals[0];
      if (!slug) throw new UsageError('apply needs a provider: optout apply pinterest --session cookies.json');
      const provider = getProvider(slug);
      const lang = values.lang === undefined ? undefined : oneOf(values.lang as string, LANGUAGES, 'lang');
      const { applySetting } = await import('./apply.ts');
      const report = await applySetting(provider, {
        sessionFile: need(values, 'session'),
        dryRun: values['dry-run'] === true,
        lang,
        evidenceDir: values.out as string | undefined,
      });
      console.log(JSON.stringify(report, null, 2));
      return ['switched_off', 'already_off', 'would_switch_off'].includes(report.outcome) ? 0 : 1;
    }
    case 'authority': {
      // The same function the workflow uses for the final notice and the complaint draft.
      const parsed = JurisdictionSchema.safeParse(need(values, 'jurisdiction'));
      if (!parsed.success) throw new UsageError(`--jurisdiction ${parsed.error.issues[0]!.message}`);
      const provider = getProvider(need(values, 'provider'));
      const route = complaintAuthority(parsed.data, provider);
      const shown = (a: AuthorityContact | null) =>
        a && {
          name: a.name,
          ...(a.email ? { email: a.email } : {}),
          ...(a.web ? { web: a.web } : {}),
          ...(a.address ? { address: a.address } : {}),
          language: a.language,
        };
      console.log(JSON.stringify({ complaintTo: shown(route.complaintTo), lead: shown(route.lead), law: route.law, remedy: route.remedy }, null, 2));
      return 0;
    }
    case 'import-authorities': {
      const dir = positionals[0];
      if (!dir) throw new UsageError('import-authorities needs the path of a datenanfragen checkout');
      const authorities = importAuthorities(dir, (warning) => console.error(`warning: ${warning}`));
      const out = (values.out as string | undefined) ?? AUTHORITIES_FILE;
      writeFileSync(out, serializeAuthorities(authorities));
      console.log(`Wrote ${authorities.length} authorities to ${out}`);
      return 0;
    }
    case 'import-companies': {
      const dir = positionals[0];
      if (!dir) throw new UsageError('import-companies needs the path of a datenanfragen checkout');
      const { importCompaniesCommand } = await import('./import-companies.ts');
      const warn = (line: string) => console.error(`warning: ${line}`);
      console.log(importCompaniesCommand({ checkout: dir, out: values.out as string | undefined, curated: getCatalog().values(), warn }));
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return command ? 0 : 2;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: Error) => {
    const usage = error instanceof UsageError || (error.name === 'TypeError' && /option|argument/i.test(error.message));
    console.error(`optout: ${error.message}`);
    if (usage) console.error(`\n${USAGE}`);
    process.exitCode = usage ? 2 : 1;
  },
);
