// What a letter is written from, checked at the door: one zod schema for every letter kind, whose
// first failing field LetterInputError names (a dotted path). Single-line fields follow the API's
// text rules (core/text-rules.ts), since they end up in the subject line and mail headers.
import { z } from 'zod';
import { type Grounds, GroundsSchema } from '../grounds.ts';
import type { Law } from '../jurisdiction.ts';
import { type Basis, BasisSchema, type Language, LanguageSchema } from '../model.ts';
import { multiLine, singleLine } from '../text-rules.ts';
import { usStateLaw } from '../us-states.ts';
import { BASIS_LAWS, isBasis, LETTER_KINDS, type LetterKind } from './kinds.ts';

export interface LetterParty {
  name: string;
  /** Absent when no sourced postal address is known: the letter then prints no address line. */
  address?: string;
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
  /**
   * The authorized agent (deployment operator); null when the person sends the letter themselves.
   * `authorizationFile`: the file name of the person's signed authorization attached to the email
   * (functions/app/authorization.ts); without it the letter claims no signed permission.
   */
  agent: { name: string; authorizationFile?: string } | null;
  reference: string;
  /** YYYY-MM-DD the letter is sent. */
  date: string;
  /** YYYY-MM-DD deadline for the answer to this letter. */
  dueDate: string;
  /** The first letter; required for reminder, final-notice and complaint. */
  original?: { basis: Basis; date: string; reference: string; dueDate: string };
  /**
   * Required for a complaint, and for a final notice unless law is 'none': the addressee of the
   * complaint (functions/core/authorities complaintAuthority). `country` (ISO 3166-1) lets a German
   * authority's letter cite § 19(2) BDSG.
   */
  authority?: { name: string; address: string; email?: string; webform?: string; country?: string };
  /** GDPR complaint: the lead authority (Art. 56) the addressee is asked to forward it to, if another. */
  lead?: { name: string; address: string } | null;
  /** Events since the first letter (reminder sent, reply received...), worded in the letter's language. */
  timeline?: { date: string; what: string }[];
  /** Short summary of what the provider replied, if anything. */
  providerAnswer?: string | null;
  /**
   * The person's own grounds (functions/core/grounds.ts); without them the objection gives generic
   * grounds. The GDPR objection states them (Art. 21(1) asks for them), and the plain request lists
   * them as reasons, since it persuades rather than claims. CCPA and US-state letters leave them out:
   * an opt-out there needs no reason, and giving one would invite the business to weigh it.
   */
  grounds?: Grounds | null;
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
const Block = multiLine(20_000)
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'must not be empty'));

const InputSchema = z
  .object({
    kind: z.enum(LETTER_KINDS),
    lang: LanguageSchema,
    law: z.enum(LAWS),
    usState: z.string().optional(),
    provider: z.object({ name: Line, legalEntity: z.object({ name: Line, address: Block.optional() }) }),
    person: z.object({ name: Line, email: z.email('must be an email address') }),
    account: z.object({ identifier: Line }),
    agent: z
      .object({
        name: Line,
        authorizationFile: z
          .string()
          .regex(/^[\w.-]+\.pdf$/, 'must be a PDF file name')
          .optional(),
      })
      .nullable(),
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
        country: z
          .string()
          .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
          .optional(),
      })
      .optional(),
    lead: z.object({ name: Line, address: Block }).nullable().optional(),
    timeline: z.array(z.object({ date: IsoDate, what: Line })).optional(),
    providerAnswer: z.string().trim().min(1, 'must not be empty (pass null instead)').nullable().optional(),
    grounds: GroundsSchema.nullable().optional(),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (input.dueDate < input.date) issue(['dueDate'], `must not be before date ${input.date}`);
    if (input.law === 'us-state' && !(input.usState && usStateLaw(input.usState))) {
      issue(
        ['usState'],
        `must be a state with a consumer privacy act (functions/core/us-states.ts) when law is "us-state", got ${input.usState ? `"${input.usState}"` : 'none'}`,
      );
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
    // The one-stop shop (Art. 56, 60) exists only between EU/EEA authorities, and only the complaint names it.
    if (input.lead && !(input.law === 'gdpr' && input.kind === 'complaint')) issue(['lead'], 'is named only in a complaint under law "gdpr"');
  });

export type ValidInput = z.infer<typeof InputSchema>;

/** The input, parsed; throws LetterInputError naming the first bad field. */
export function validate(input: unknown): ValidInput {
  const result = InputSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));
  const first = problems[0]!;
  throw new LetterInputError(first.field, `Invalid letter input: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
}
