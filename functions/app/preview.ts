// What will happen, shown before anything happens: the form's grouping of providers by what we do for
// the person's jurisdiction (GET /api/providers?jurisdiction=, GET /api/companies?q=&jurisdiction=),
// and the preview of each letter exactly as it will go out, with the authorization the person signs
// (POST /api/preview). Both come from the workflow's own code: planChannel decides the channel,
// composeFirstLetter writes the letter, signAuthorization the authorization text (app/dispatch.ts,
// app/authorization.ts). The preview parses the same input as POST /api/submissions (the same 400s),
// but signature and consent may still be missing; it sends nothing and stores nothing but a counter
// of previews per client address (the same kind as the submission limit, app/limits.ts).
import { z } from 'zod';
import { config } from '../adapters/config.ts';
import { clock } from '../adapters/clock.ts';
import { takeSlot } from '../data/limits.ts';
import { clientKey } from './limits.ts';
import { defaultLanguage, JurisdictionSchema, lawFor } from '../core/jurisdiction.ts';
import { basisFor, LetterInputError, letterLanguage } from '../core/letters.ts';
import { LANGUAGES, type Language } from '../core/model.ts';
import { findProvider, getCatalog, getProvider } from '../core/providers/catalog.ts';
import type { Provider } from '../core/providers/schema.ts';
import { signAuthorization } from './authorization.ts';
import { browserChannel, composeFirstLetter, emailChannels, handover, planChannel } from './dispatch.ts';
import { parseInput, TooManyRequests, ValidationError } from './errors.ts';
import { jurisdictionAllowed, submissionSchema, type SubmissionInput } from './submissions.ts';

/**
 * What we do for one provider, for a person of one jurisdiction who gave no session yet:
 * 'letter': we send a letter by email; 'session': we can switch the setting (or fill in the form) in a
 * browser once the person hands over a session, and until then it is handed to them; 'yourself': the
 * person does it, and `instructions` and `deepLink` say exactly where.
 */
export type PlannedAction = 'letter' | 'session' | 'yourself';

export interface ProviderPlan {
  action: PlannedAction;
  /** The channel used without a session: 'email', or the setting or form handed to the person ('none': no channel at all). */
  channel: 'email' | 'settings' | 'webform' | 'none';
  /** The address a letter goes to. */
  to?: string;
  /** With a session, the browser would switch this instead (also for a provider we write to). */
  withSession?: 'settings' | 'webform';
  /** For 'session' and 'yourself': what the hand-over tells the person, in `lang`, and where it links. */
  instructions?: string;
  deepLink?: string;
}

/** The plan for `provider` in `jurisdiction`, from the same rule chooseChannel applies (no session, the catalog's addresses). */
export function planFor(provider: Provider, jurisdiction: string, lang: Language): ProviderPlan {
  const email = emailChannels(provider, jurisdiction, basisFor(lawFor(jurisdiction)))[0];
  const now = planChannel(provider, jurisdiction, { session: false, email });
  const withSession = planChannel(provider, jurisdiction, { session: true, email });
  const browser = withSession.action === 'browser' ? withSession.channel.type : undefined;
  if (now.action === 'email') return { action: 'letter', channel: 'email', to: now.channel.address, ...(browser ? { withSession: browser } : {}) };
  const { channel, userAction, deepLink } = handover(lang, provider, jurisdiction);
  return {
    action: browser ? 'session' : 'yourself',
    channel: channel?.type ?? 'none',
    ...(browser ? { withSession: browser } : {}),
    instructions: userAction,
    deepLink,
  };
}

const PlanQuerySchema = z.object({
  jurisdiction: JurisdictionSchema.refine((code) => jurisdictionAllowed(code, config().allowedJurisdictions), {
    message: 'is not served by this deployment',
  }).optional(),
  lang: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }).optional(),
});

/** `?jurisdiction=&lang=` of GET /api/providers and GET /api/companies: both optional, checked like the submission's. */
export function parsePlanQuery(query: Record<string, string | undefined>): { jurisdiction?: string; lang: Language } {
  const { jurisdiction, lang } = parseInput(PlanQuerySchema, { jurisdiction: query.jurisdiction, lang: query.lang }, 'invalid query');
  return { jurisdiction, lang: lang ?? (jurisdiction ? defaultLanguage(jurisdiction) : 'en') };
}

const MAX_INCLUDED = 40;

/** `?include=dn:a,dn:b`: companies of the long tail the person added from the search, listed with the catalog. */
const IncludeSchema = z
  .string()
  .max(4000, 'is too long')
  .transform((list) => [
    ...new Set(
      list
        .split(',')
        .map((slug) => slug.trim().toLowerCase())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.string().refine((slug) => findProvider(slug) !== undefined, { message: 'is not a provider in the catalog (see GET /api/companies)' }))
      .max(MAX_INCLUDED, `may name at most ${MAX_INCLUDED} companies`),
  )
  .optional();

/** GET /api/providers: the catalog (and any long-tail companies `include` names), and with `jurisdiction` each one's plan. */
export function providerPlans(query: Record<string, string | undefined>) {
  const { jurisdiction, lang } = parsePlanQuery(query);
  const include = parseInput(z.object({ include: IncludeSchema }), { include: query.include }, 'invalid query').include ?? [];
  const catalog = getCatalog();
  // A long-tail slug a curated provider covers comes back as that provider, listed once.
  const listed = [...new Map([...catalog.values(), ...include.map((slug) => getProvider(slug))].map((p) => [p.slug, p])).values()];
  const providers = listed
    .map((p) => ({
      slug: p.slug,
      name: p.name,
      identifierHint: p.identifierHint,
      channels: [...new Set(p.channels.map((c) => c.type))],
      // false: the provider offers no opt-out of its own, only the legal letter is sent.
      individualOptOut: p.individualOptOut !== false,
      ...(jurisdiction ? { plan: planFor(p, jurisdiction, lang) } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return jurisdiction ? { jurisdiction, lang, providers } : { providers };
}

/** Adds each hit's plan when the search names a jurisdiction (GET /api/companies?q=&jurisdiction=). */
export function withPlans<T extends { slug: string }>(hits: T[], query: Record<string, string | undefined>): (T & { plan?: ProviderPlan })[] {
  const { jurisdiction, lang } = parsePlanQuery(query);
  if (!jurisdiction) return hits;
  return hits.map((hit) => {
    const provider = findProvider(hit.slug);
    return provider ? { ...hit, plan: planFor(provider, jurisdiction, lang) } : hit;
  });
}

/** Stands for the reference each letter gets when it is sent (deterministic per submission, unknown before). */
export const PREVIEW_REFERENCE = 'OA-XXXX-XXXX';

/** Previews per client address and hour: several per submission the client may make. */
const PREVIEWS_PER_SUBMISSION = 6;
const HOUR_MS = 3_600_000;

type PreviewInput = Omit<SubmissionInput, 'signature' | 'consent'> & { signature?: string; consent?: true };

function previewSchema(): z.ZodType<PreviewInput> {
  const base = submissionSchema(config().maxAccounts, config().allowedJurisdictions);
  // The person previews before signing: signature and consent may still be missing, and are checked
  // when given (the submission's refinements stay; zod's types only allow narrowing a field here).
  const optional = { signature: base.shape.signature.optional(), consent: base.shape.consent.optional() };
  return base.safeExtend(optional as unknown as Pick<typeof base.shape, 'signature' | 'consent'>) as unknown as z.ZodType<PreviewInput>;
}

export type PreviewAccount =
  | {
      provider: string;
      name: string;
      identifier: string;
      action: 'letter';
      to: string;
      cc: string | null;
      subject: string;
      text: string;
      lang: Language;
      dueDate: string;
      attachments: string[];
    }
  | { provider: string; name: string; identifier: string; action: 'browser'; channel: 'settings' | 'webform'; target: string }
  | { provider: string; name: string; identifier: string; action: 'session' | 'yourself'; channel: string; instructions: string; deepLink: string };

export interface Preview {
  lang: Language;
  jurisdiction: string;
  /** The placeholder standing for each letter's reference. */
  reference: string;
  accounts: PreviewAccount[];
  /** The authorization the person signs (null in personal mode, where letters go out as their own). */
  authorization: { text: string; signature: string | null; pdf: string } | null;
}

/** POST /api/preview. Bad input: the same ValidationError as submit(); over the limit: TooManyRequests. */
export async function previewSubmission(body: unknown, clientAddress: string | undefined): Promise<Preview> {
  const input = parseInput(previewSchema(), body, 'invalid submission');
  const now = clock().now();
  const perHour = config().clientSubmissionsPerHour * PREVIEWS_PER_SUBMISSION;
  const slot = await takeSlot('preview', clientKey(clientAddress), perHour, HOUR_MS, now);
  if (!slot.ok) throw new TooManyRequests(`too many previews from your network (${perHour} an hour); try again later`, slot.retryAt);

  const lang = input.lang ?? defaultLanguage(input.jurisdiction);
  const law = lawFor(input.jurisdiction);
  const basis = basisFor(law);
  const asAgent = !config().personal;
  const attachment = `authorization-${PREVIEW_REFERENCE}.pdf`;
  const person = { name: input.name, email: input.email, jurisdiction: input.jurisdiction, grounds: input.grounds };
  const accounts = input.accounts.map((account, i): PreviewAccount => {
    const provider = getProvider(account.provider);
    const common = { provider: provider.slug, name: provider.name, identifier: account.identifier };
    const session = !!account.session && !!browserChannel(provider, input.jurisdiction);
    const plan = planChannel(provider, input.jurisdiction, { session, email: emailChannels(provider, input.jurisdiction, basis)[0] });
    if (plan.action === 'browser') return { ...common, action: 'browser', channel: plan.channel.type, target: plan.channel.url };
    if (plan.action === 'person') {
      const { userAction, deepLink } = handover(lang, provider, input.jurisdiction);
      const action = planFor(provider, input.jurisdiction, lang).action === 'session' ? 'session' : 'yourself';
      return { ...common, action, channel: plan.channel?.type ?? 'none', instructions: userAction, deepLink };
    }
    const request = { lang: letterLanguage(provider.languages, lang), law, identifier: account.identifier, reference: PREVIEW_REFERENCE, basis };
    try {
      const { letter, due } = composeFirstLetter(request, person, provider, now, asAgent ? attachment : undefined);
      return {
        ...common,
        action: 'letter',
        to: plan.channel.address,
        cc: asAgent ? input.email : null,
        subject: letter.subject,
        text: letter.text,
        lang: letter.lang,
        dueDate: due,
        attachments: asAgent ? [attachment] : [],
      };
    } catch (error) {
      // The letter's own checks refused something the form's did not: still the caller's input.
      if (error instanceof LetterInputError) throw new ValidationError('invalid submission', [{ path: `accounts.${i}`, message: error.message }]);
      throw error;
    }
  });
  const authorization = asAgent
    ? {
        text: signAuthorization({ ...input, signature: input.signature ?? '', law, lang, providers: input.accounts.map((a) => a.provider) }, now).text,
        signature: input.signature ?? null,
        pdf: attachment,
      }
    : null;
  return { lang, jurisdiction: input.jurisdiction, reference: PREVIEW_REFERENCE, accounts, authorization };
}
