// Renders the letters a request sends: the first letter for a legal basis (GDPR objection, CCPA
// opt-out or deletion, plain request) and the follow-ups (reminder, final notice, complaint draft),
// in English or German. The prose lives in templates/letters/<kind>.<lang>.hbs; this module validates
// the input, formats dates and legal citations for the language, and records which provisions the
// rendered text actually cites.
import { z } from 'zod';
import { multiLine, singleLine } from './text-rules.ts';
import type { Law } from './jurisdiction.ts';
import { type OptOutPurpose, usStateLaw } from './us-states.ts';
import { BASES, type Basis, BasisSchema, type Language, LanguageSchema } from './model.ts';
import { render } from './templates.ts';

export const FOLLOW_UP_KINDS = ['reminder', 'final-notice', 'complaint'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const LETTER_KINDS = [...BASES, ...FOLLOW_UP_KINDS] as const;
export type LetterKind = Basis | FollowUpKind;

export interface LetterParty {
  name: string;
  address: string;
}

export interface LetterInput {
  kind: LetterKind;
  lang: Language;
  law: Law;
  provider: { name: string; legalEntity: LetterParty };
  person: { name: string; email: string };
  account: { identifier: string };
  /** The person's state ("US-CO") when law is 'us-state': it decides which act the letter cites. */
  usState?: string;
  /** The authorized agent (deployment operator); null when the person sends the letter themselves. */
  agent: { name: string } | null;
  reference: string;
  /** YYYY-MM-DD the letter is sent. */
  date: string;
  /** YYYY-MM-DD deadline for the answer to this letter. */
  dueDate: string;
  /** The first letter; required for reminder, final-notice and complaint. */
  original?: { basis: Basis; date: string; reference: string; dueDate: string };
  /** Required for a complaint, and for a final notice unless law is 'none'. */
  authority?: { name: string; address: string; email?: string; webform?: string };
  /** Events since the first letter (reminder sent, reply received...), worded in the letter's language. */
  timeline?: { date: string; what: string }[];
  /** Short summary of what the provider replied, if anything. */
  providerAnswer?: string | null;
}

export interface Letter {
  subject: string;
  text: string;
  lang: Language;
  /** The legal provisions the text cites, e.g. 'GDPR Art. 21(1)', 'Cal. Civ. Code § 1798.120'. */
  citations: string[];
}

/** Bad letter input; `field` is the dotted path of the first offending field. */
export class LetterInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'LetterInputError';
    this.field = field;
  }
}

// ---------------------------------------------------------------------------------------------
// Choosing the basis and the language

/** The legal action a first letter takes for a person under `law`. */
export function basisFor(law: Law, preferDeletion = false): Basis {
  switch (law) {
    case 'gdpr':
    case 'uk-gdpr':
      return 'gdpr-objection';
    case 'ccpa':
      return preferDeletion ? 'ccpa-delete' : 'ccpa-opt-out';
    case 'us-state':
      return 'us-state-request';
    case 'none':
      return 'ai-training-request';
  }
}

/** The person's language if the provider takes it, otherwise the provider's first language. */
export function letterLanguage(providerLanguages: Language[], personLanguage: Language): Language {
  if (providerLanguages.includes(personLanguage)) return personLanguage;
  return providerLanguages[0] ?? personLanguage;
}

// ---------------------------------------------------------------------------------------------
// Legal provisions, formatted per language. Every citation in a letter comes from here, so a
// wrong article number is corrected in one place.

interface Provision {
  /** Language-neutral name, as returned in Letter.citations. */
  id: string;
  text: Record<Language, string>;
}

function gdprArticle(law: 'gdpr' | 'uk-gdpr', article: number, paragraph?: number, point?: string): Provision {
  const enName = law === 'uk-gdpr' ? 'UK GDPR' : 'GDPR';
  const deName = law === 'uk-gdpr' ? 'UK GDPR' : 'DSGVO';
  // English style "Art. 18(1)(d) GDPR", German style "Art. 18 Abs. 1 lit. d DSGVO".
  const en = `Art. ${article}${paragraph ? `(${paragraph})` : ''}${point ? `(${point})` : ''}`;
  const de = `Art. ${article}${paragraph ? ` Abs. ${paragraph}` : ''}${point ? ` lit. ${point}` : ''}`;
  return { id: `${enName} ${en}`, text: { en: `${en} ${enName}`, de: `${de} ${deName}` } };
}

/** US citations read the same in English and German letters. */
function usProvision(citation: string): Provision {
  return { id: citation, text: { en: citation, de: citation } };
}

function gdprProvisions(law: 'gdpr' | 'uk-gdpr') {
  return {
    art6_1f: gdprArticle(law, 6, 1, 'f'),
    art12_3: gdprArticle(law, 12, 3),
    art12_4: gdprArticle(law, 12, 4),
    art17_1c: gdprArticle(law, 17, 1, 'c'),
    art18_1d: gdprArticle(law, 18, 1, 'd'),
    art19: gdprArticle(law, 19),
    art21_1: gdprArticle(law, 21, 1),
    art77_1: gdprArticle(law, 77, 1),
    art78_2: gdprArticle(law, 78, 2),
  };
}

const CCPA_PROVISIONS = {
  civ105: usProvision('Cal. Civ. Code § 1798.105'),
  civ105c: usProvision('Cal. Civ. Code § 1798.105(c)'),
  civ120: usProvision('Cal. Civ. Code § 1798.120'),
  civ121: usProvision('Cal. Civ. Code § 1798.121'),
  ccr7021a: usProvision('11 CCR § 7021(a)'),
  ccr7021b: usProvision('11 CCR § 7021(b)'),
  ccr7025: usProvision('11 CCR § 7025'),
  ccr7026d: usProvision('11 CCR § 7026(d)'),
  ccr7026f: usProvision('11 CCR § 7026(f)'),
};

type ProvisionTable = Record<string, Provision>;

function provisionsFor(law: Law, usState: string | undefined): ProvisionTable {
  if (law === 'gdpr' || law === 'uk-gdpr') return gdprProvisions(law);
  if (law === 'ccpa') return CCPA_PROVISIONS;
  const state = law === 'us-state' && usState ? usStateLaw(usState) : undefined;
  if (state) return { optOut: usProvision(state.optOut), deletion: usProvision(state.deletion), response: usProvision(state.response) };
  return {};
}

/** Per basis: the rights the first letter exercises, and the provision setting its answer deadline. */
const BASIS_PROVISIONS: Record<Basis, { claims: string[]; deadline: string | null }> = {
  'gdpr-objection': { claims: ['art21_1', 'art18_1d', 'art17_1c', 'art19'], deadline: 'art12_3' },
  'ccpa-opt-out': { claims: ['civ120', 'civ121'], deadline: 'ccr7026f' },
  'ccpa-delete': { claims: ['civ105', 'civ105c'], deadline: 'ccr7021b' },
  'us-state-request': { claims: ['optOut', 'deletion'], deadline: 'response' },
  'ai-training-request': { claims: [], deadline: null },
};

/** Titles of the first letters, quoted in the follow-ups: `full` in the body, `short` in subject lines. */
type TitleFn = (cite: (key: string) => string) => string;
const BASIS_TITLES: Record<Basis, Record<Language, { full: TitleFn; short: TitleFn }>> = {
  'gdpr-objection': {
    en: {
      full: (cite) => `Objection to AI training under ${cite('art21_1')}`,
      short: (cite) => `objection under ${cite('art21_1')}`,
    },
    de: {
      full: (cite) => `Widerspruch gegen KI-Training nach ${cite('art21_1')}`,
      short: (cite) => `Widerspruch nach ${cite('art21_1')}`,
    },
  },
  'ccpa-opt-out': {
    en: {
      full: () => 'Request to opt out of sale/sharing and to limit the use of sensitive personal information',
      short: () => 'CCPA opt-out request',
    },
    de: {
      full: () => 'Opt-out aus Verkauf und Weitergabe sowie Beschränkung sensibler personenbezogener Informationen',
      short: () => 'CCPA-Opt-out',
    },
  },
  'ccpa-delete': {
    en: { full: () => 'Request to delete my personal information', short: () => 'CCPA deletion request' },
    de: { full: () => 'Antrag auf Löschung meiner personenbezogenen Informationen', short: () => 'CCPA-Löschantrag' },
  },
  'us-state-request': {
    en: {
      full: () => 'Request to opt out of the processing of my personal data and to delete it',
      short: () => 'opt-out and deletion request',
    },
    de: {
      full: () => 'Widerspruch gegen die Verarbeitung meiner personenbezogenen Daten (Opt-out) und Antrag auf ihre Löschung',
      short: () => 'Opt-out- und Löschantrag',
    },
  },
  'ai-training-request': {
    en: { full: () => 'Request not to use my data for AI training', short: () => 'request about AI training' },
    de: { full: () => 'Bitte, meine Daten nicht für KI-Training zu verwenden', short: () => 'Bitte zum KI-Training' },
  },
};

/** Which laws a basis may be used under (a plain request works anywhere). */
const BASIS_LAWS: Record<Basis, readonly Law[]> = {
  'gdpr-objection': ['gdpr', 'uk-gdpr'],
  'ccpa-opt-out': ['ccpa'],
  'ccpa-delete': ['ccpa'],
  'us-state-request': ['us-state'],
  'ai-training-request': ['gdpr', 'uk-gdpr', 'ccpa', 'us-state', 'none'],
};

/**
 * Records the provisions the rendered text cites. Values handed to the template are getters:
 * Handlebars reads a value only where the text uses it, so untaken {{#if}} branches cite nothing.
 */
class CitationLog {
  private readonly ids = new Set<string>();

  define(target: object, key: string, text: string | null, provisions: Provision[]): void {
    Object.defineProperty(target, key, {
      enumerable: true,
      get: () => {
        if (text !== null) for (const p of provisions) this.ids.add(p.id);
        return text;
      },
    });
  }

  list(): string[] {
    return [...this.ids];
  }
}

// ---------------------------------------------------------------------------------------------
// Input validation

const LAWS = ['gdpr', 'uk-gdpr', 'ccpa', 'us-state', 'none'] as const satisfies readonly Law[];

function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a calendar date');

// The same text rules as the API's (core/text-rules.ts): single-line fields end up in the subject
// line and mail headers, so no line breaks, control or text-direction characters.
const Line = singleLine(1000);
const Block = multiLine(20_000).transform((s) => s.trim()).pipe(z.string().min(1, 'must not be empty'));

const InputSchema = z
  .object({
    kind: z.enum(LETTER_KINDS),
    lang: LanguageSchema,
    law: z.enum(LAWS),
    usState: z.string().optional(),
    provider: z.object({ name: Line, legalEntity: z.object({ name: Line, address: Block }) }),
    person: z.object({ name: Line, email: z.email('must be an email address') }),
    account: z.object({ identifier: Line }),
    agent: z.object({ name: Line }).nullable(),
    reference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/, 'must be letters, digits and dashes, like OA-7K2M-9QXD'),
    date: IsoDate,
    dueDate: IsoDate,
    original: z
      .object({
        basis: BasisSchema,
        date: IsoDate,
        reference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/, 'must be letters, digits and dashes'),
        dueDate: IsoDate,
      })
      .optional(),
    authority: z
      .object({
        name: Line,
        address: Block,
        email: z.email('must be an email address').optional(),
        webform: z.url('must be a URL').optional(),
      })
      .optional(),
    timeline: z.array(z.object({ date: IsoDate, what: Line })).optional(),
    providerAnswer: z.string().trim().min(1, 'must not be empty (pass null instead)').nullable().optional(),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (input.dueDate < input.date) issue(['dueDate'], `must not be before date ${input.date}`);
    if (input.law === 'us-state' && !(input.usState && usStateLaw(input.usState))) {
      issue(['usState'], `must be a state with a consumer privacy act (functions/core/us-states.ts) when law is "us-state", got ${input.usState ? `"${input.usState}"` : 'none'}`);
    }
    if (isBasis(input.kind) && !BASIS_LAWS[input.kind].includes(input.law)) {
      issue(['law'], `a ${input.kind} letter needs law ${BASIS_LAWS[input.kind].map((l) => `"${l}"`).join(' or ')}`);
    }
    if (isBasis(input.kind)) return;
    const { original } = input;
    if (!original) {
      issue(['original'], `is required for a ${input.kind}`);
    } else {
      if (!BASIS_LAWS[original.basis].includes(input.law)) {
        issue(['original', 'basis'], `${original.basis} does not fit law "${input.law}"`);
      }
      if (original.dueDate < original.date) issue(['original', 'dueDate'], 'must not be before original.date');
      // A follow-up says the deadline was missed; that must be true on the day it is sent.
      // ...except a complaint about a refusal: the answer came, and it is what is complained about.
      const refusalComplaint = input.kind === 'complaint' && !!input.providerAnswer;
      if (original.dueDate >= input.date && !refusalComplaint) {
        issue(['original', 'dueDate'], `has not passed yet on ${input.date}; a ${input.kind} comes after the deadline`);
      }
    }
    // Where we know the authority (GDPR, UK GDPR, CCPA) the follow-ups must name it. A US state's act
    // names its enforcer (the complaint leaves its address to fill in), and under no law the person
    // fills in the addressee of the draft.
    const knowsAuthority = input.law === 'gdpr' || input.law === 'uk-gdpr' || input.law === 'ccpa';
    const needsAuthority = knowsAuthority && (input.kind === 'complaint' || input.kind === 'final-notice');
    if (needsAuthority && !input.authority) issue(['authority'], `is required for a ${input.kind} under law "${input.law}"`);
  });

type ValidInput = z.infer<typeof InputSchema>;

function isBasis(kind: LetterKind): kind is Basis {
  return (BASES as readonly string[]).includes(kind);
}

function validate(input: unknown): ValidInput {
  const result = InputSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));
  const first = problems[0]!;
  throw new LetterInputError(
    first.field,
    `Invalid letter input: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<Language, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

/** "25 November 2026" (en), "25. November 2026" (de). */
export function formatLetterDate(isoDate: string, lang: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthName = MONTHS[lang][month - 1];
  return lang === 'de' ? `${day}. ${monthName} ${year}` : `${day} ${monthName} ${year}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function joinList(items: string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'de' ? ' und ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** The purposes a US state's opt-out covers, as "I opt out of the processing of my personal data <...>". */
const OPT_OUT_PURPOSES: Record<OptOutPurpose, Record<Language, string>> = {
  'targeted-advertising': { en: 'for targeted advertising', de: 'für zielgerichtete Werbung (targeted advertising)' },
  sale: { en: 'for the sale of personal data', de: 'für den Verkauf personenbezogener Daten' },
  profiling: {
    en: 'for profiling in furtherance of decisions that produce legal or similarly significant effects concerning me',
    de: 'für Profiling zur Vorbereitung von Entscheidungen, die mir gegenüber rechtliche oder ähnlich erhebliche Wirkungen entfalten',
  },
};

/** Who to complain to under each GDPR variant, phrased for "...complaint with X" / "...Beschwerde bei X". */
const GDPR_AUTHORITY: Record<'gdpr' | 'uk-gdpr', Record<Language, string>> = {
  gdpr: { en: 'a supervisory authority', de: 'einer Aufsichtsbehörde' },
  'uk-gdpr': { en: "the Information Commissioner's Office (ICO)", de: "dem Information Commissioner's Office (ICO)" },
};

/** Renders a letter. Throws LetterInputError naming the field when the input is incomplete or wrong. */
export function renderLetter(input: LetterInput): Letter {
  const v = validate(input);
  const { lang } = v;
  const log = new CitationLog();
  const table = provisionsFor(v.law, v.usState);
  const state = v.law === 'us-state' && v.usState ? usStateLaw(v.usState) : undefined;
  const provision = (key: string): Provision => {
    const p = table[key];
    if (!p) throw new Error(`no provision "${key}" under law "${v.law}"`);
    return p;
  };

  const cite = {};
  for (const [key, p] of Object.entries(table)) log.define(cite, key, p.text[lang], [p]);

  const isGdpr = v.law === 'gdpr' || v.law === 'uk-gdpr';
  const law = {
    isGdpr,
    isUk: v.law === 'uk-gdpr',
    isCcpa: v.law === 'ccpa',
    isUsState: v.law === 'us-state',
    isNone: v.law === 'none',
    /** For a US state: its name, its act, what its rights cover and who enforces it (functions/core/us-states.ts). */
    usState: state
      ? {
          state: state.state,
          act: state.act,
          citation: state.actCitation,
          optOutPurposes: joinList(state.optOutOf.map((p) => OPT_OUT_PURPOSES[p][lang]), lang),
          deletesAll: state.deletes === 'all',
          enforcer: state.enforcer,
          enforcerCitation: state.enforcerCitation ?? null,
        }
      : null,
    authority: v.law === 'gdpr' || v.law === 'uk-gdpr' ? GDPR_AUTHORITY[v.law][lang] : null,
  };

  let original: object | null = null;
  if (v.original) {
    const { claims, deadline } = BASIS_PROVISIONS[v.original.basis];
    const claimed = claims.map(provision);
    const deadlineProvision = deadline ? provision(deadline) : null;
    // A title may itself cite (e.g. Art. 21(1)); collect what each one names.
    const titled = (fn: TitleFn) => {
      const cites: Provision[] = [];
      const text = fn((key) => {
        const p = provision(key);
        cites.push(p);
        return p.text[lang];
      });
      return { text, cites };
    };
    const titles = BASIS_TITLES[v.original.basis][lang];
    const title = titled(titles.full);
    const shortTitle = titled(titles.short);
    original = {
      date: formatLetterDate(v.original.date, lang),
      dueDate: formatLetterDate(v.original.dueDate, lang),
      reference: v.original.reference,
    };
    log.define(original, 'title', title.text, title.cites);
    log.define(original, 'shortTitle', shortTitle.text, shortTitle.cites);
    log.define(original, 'provisions', claimed.length ? joinList(claimed.map((p) => p.text[lang]), lang) : null, claimed);
    log.define(original, 'deadline', deadlineProvision?.text[lang] ?? null, deadlineProvision ? [deadlineProvision] : []);
  }

  const timeline = [...(v.timeline ?? [])]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((entry) => ({ date: formatLetterDate(entry.date, lang), what: entry.what }));

  const data: Record<string, unknown> = {
    reference: v.reference,
    date: formatLetterDate(v.date, lang),
    dueDate: formatLetterDate(v.dueDate, lang),
    replyDays: daysBetween(v.date, v.dueDate),
    provider: { name: v.provider.name, entityName: v.provider.legalEntity.name, entityAddress: v.provider.legalEntity.address },
    person: { name: v.person.name, email: v.person.email },
    account: { identifier: v.account.identifier },
    agent: v.agent ? { name: v.agent.name } : null,
    law,
    cite,
    original,
    authority: v.authority
      ? { name: v.authority.name, address: v.authority.address, email: v.authority.email ?? null, webform: v.authority.webform ?? null }
      : null,
    timeline,
    providerAnswer: v.providerAnswer ?? null,
  };
  // Shared blocks (address header, reply instructions, signature) are templates of their own.
  data.parts = {
    header: render(`letters/parts/header.${lang}.hbs`, data).trimEnd(),
    agent: render(`letters/parts/agent.${lang}.hbs`, data).trimEnd(),
    signature: render(`letters/parts/signature.${lang}.hbs`, data).trimEnd(),
  };

  const rendered = render(`letters/${v.kind}.${lang}.hbs`, data);
  const newline = rendered.indexOf('\n');
  const firstLine = newline === -1 ? rendered : rendered.slice(0, newline);
  if (!firstLine.startsWith('Subject: ')) {
    throw new Error(`template letters/${v.kind}.${lang}.hbs must start with "Subject: "`);
  }
  return {
    subject: firstLine.slice('Subject: '.length).trim(),
    text: tidy(newline === -1 ? '' : rendered.slice(newline + 1)),
    lang,
    citations: log.list(),
  };
}

/** Trailing spaces off, at most one blank line in a row, one final newline. */
function tidy(text: string): string {
  return `${text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
