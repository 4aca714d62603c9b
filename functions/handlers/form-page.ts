// The form page (`/`) and its plain HTML post (`POST /submit`), for a browser without JavaScript:
// one service from a list, the place of residence from a list, name, email, signature and consent,
// posted as application/x-www-form-urlencoded. The post is turned into the same body as
// POST /api/submissions and goes through the same submit(); the answer is a page saying the
// confirmation mail was sent, or the form again with each error next to its field. With JavaScript,
// templates/pages/form.js replaces the single list with the grouped catalog, the search and the
// preview, and talks to the JSON API instead.
import { config } from '../adapters/config.ts';
import { TooManyRequests, ValidationError, type FieldIssue } from '../app/errors.ts';
import { providerPlans } from '../app/preview.ts';
import { jurisdictionAllowed, submit } from '../app/submissions.ts';
import { retryAfterSeconds } from '../app/limits.ts';
import { GROUND_CHOICES } from '../core/grounds.ts';
import type { Language } from '../core/model.ts';
import { fill, languageChoices, type PageText, pageText, pickLanguage } from '../core/page-text.ts';
import { residenceGroups } from '../core/residence.ts';
import { render } from '../core/templates.ts';
import { errorPage } from './error-page.ts';

/** The fields of the plain form, by the id of their control (`grounds`: the fieldset of the reason check boxes). */
const FIELDS = ['name', 'email', 'jurisdiction', 'provider', 'identifier', 'grounds', 'grounds-text', 'signature', 'consent'] as const;
type Field = (typeof FIELDS)[number];

type Values = {
  name: string;
  email: string;
  jurisdiction: string;
  provider: string;
  identifier: string;
  groundsText: string;
  signature: string;
  consent: boolean;
  grounds: string[];
};

const EMPTY: Values = { name: '', email: '', jurisdiction: '', provider: '', identifier: '', groundsText: '', signature: '', consent: false, grounds: [] };

export interface FieldError {
  field: Field | null;
  message: string;
  /** The API's own reason, in English. */
  detail: string;
}

/** Which control an API issue belongs to (`accounts.0.identifier` -> identifier), and what to tell the person. */
export function fieldError(issue: FieldIssue, t: PageText): FieldError {
  const [head, second, leaf] = issue.path.split('.');
  const pick = (field: Field | null, message: string): FieldError => ({ field, message, detail: issue.message });
  switch (head) {
    case 'name':
      return pick('name', t.formErrName);
    case 'email':
      return pick('email', t.formErrEmail);
    case 'jurisdiction':
      return pick('jurisdiction', t.formErrResidence);
    case 'signature':
      return pick('signature', t.formErrSignature);
    case 'consent':
      return pick('consent', t.formErrConsent);
    case 'grounds':
      // A choice that is not one of the check boxes (only a crafted post sends one): the reasons, not the text.
      if (second === 'choices') return pick('grounds', t.formErrGroundChoices);
      return pick('grounds-text', t.formErrGrounds);
    case 'accounts':
      if (leaf === 'session') return pick('provider', t.formErrSession);
      if (leaf === 'provider' || issue.path === 'accounts') return pick('provider', t.formErrAccounts);
      // The account's identifier, or the account as a whole (listed twice).
      return pick('identifier', t.formErrIdentifier);
    default:
      return pick(null, t.formErrOther);
  }
}

interface FormState {
  values: Values;
  errors: FieldError[];
  /** A message for the whole form (a limit reached). */
  notice: string | null;
}

/** The words form.js needs, in the page's language (the page carries them; the script has none of its own). */
const CLIENT_TEXT_KEYS = [
  'formSent',
  'formChoose',
  'formServices',
  'formChooseResidenceFirst',
  'formGroupLetter',
  'formGroupLetterHint',
  'formGroupSession',
  'formGroupSessionHint',
  'formGroupYourself',
  'formGroupYourselfHint',
  'formIdentifierFor',
  'formWhere',
  'formSessionOptional',
  'formSessionFile',
  'formAdded',
  'formChosenCount',
  'formSearchNone',
  'formSearchLetter',
  'formSearchForm',
  'formNoOptOut',
  'formPreviewHeading',
  'formPreviewNote',
  'formPreviewTo',
  'formPreviewCc',
  'formPreviewSubject',
  'formPreviewAttached',
  'formPreviewDue',
  'formPreviewLetter',
  'formPreviewBrowser',
  'formPreviewHandover',
  'formPreviewAuthorization',
  'formPreviewUnsigned',
  'formPreviewSigned',
  'formErrName',
  'formErrEmail',
  'formErrResidence',
  'formErrAccounts',
  'formErrIdentifier',
  'formErrSession',
  'formErrGrounds',
  'formErrSignature',
  'formErrConsent',
  'formErrOther',
] as const satisfies readonly (keyof PageText)[];

const GROUND_LABELS: Record<(typeof GROUND_CHOICES)[number], keyof PageText> = {
  'photos-of-others': 'formGroundPhotos',
  'creative-work': 'formGroundCreative',
  'special-categories': 'formGroundSpecial',
  'posted-as-minor': 'formGroundMinor',
  safety: 'formGroundSafety',
};

/** The empty form; in personal mode filled with the person's name, address and residence (personal.json, `npx optout setup`). */
function emptyValues(): Values {
  const { personal, fromName, fromAddress, allowedJurisdictions } = config();
  if (!personal) return EMPTY;
  return { ...EMPTY, name: fromName ?? '', email: fromAddress, jurisdiction: allowedJurisdictions[0] ?? '' };
}

/** The form, empty or as it was posted, with its errors. */
export function formPage(lang: Language, state: FormState = { values: emptyValues(), errors: [], notice: null }): string {
  const { personal } = config();
  const words = pageText(lang);
  // Personal mode: the letters are the person's own, from their own address; no agent, nothing to sign.
  const t: PageText = personal
    ? { ...words, formEmail: words.formEmailPersonal, formConsent: words.formConsentPersonal, formGroupLetterHint: words.formGroupLetterHintPersonal }
    : words;
  const { values, errors } = state;
  const field = (id: Field, value = '') => {
    const error = errors.find((e) => e.field === id) ?? null;
    return { value, error, invalid: error !== null, describedBy: error ? `${id}-error` : null };
  };
  const allowed = (code: string) => jurisdictionAllowed(code, config().allowedJurisdictions);
  const groupLabel = { DE: t.formResidenceGermany, US: t.formResidenceUs, countries: t.formResidenceCountries };
  const residence = residenceGroups(lang, allowed).map((group) => ({
    label: groupLabel[group.kind],
    options: group.options.map((o) => ({ ...o, selected: o.code === values.jurisdiction })),
  }));
  const providers = providerPlans({}).providers.map((p) => ({
    slug: p.slug,
    name: p.name,
    // The option's label tells the person when a provider has no opt-out of its own (its text stays the bare name).
    label: p.individualOptOut ? p.name : fill(t.formNoOptOut, { name: p.name }),
    selected: p.slug === values.provider,
  }));
  const clientText = Object.fromEntries(CLIENT_TEXT_KEYS.map((k) => [k, t[k]]));
  return render('pages/form.html', {
    lang,
    personal,
    languages: languageChoices(lang),
    t,
    clientText: JSON.stringify(clientText),
    // The authorization the person signs, in general terms; the server renders the exact text at submit (core/authorization.ts).
    authorizationText: fill(t.formAuthorizationText, { agent: config().operatorName, contact: config().fromAddress }),
    residence,
    providers,
    grounds: GROUND_CHOICES.map((value) => ({ value, label: t[GROUND_LABELS[value]], checked: values.grounds.includes(value) })),
    f: {
      name: field('name', values.name),
      email: field('email', values.email),
      jurisdiction: field('jurisdiction'),
      provider: field('provider'),
      identifier: field('identifier', values.identifier),
      grounds: field('grounds'),
      groundsText: field('grounds-text', values.groundsText),
      signature: field('signature', values.signature),
      consent: { ...field('consent'), checked: values.consent },
    },
    errors: errors.map((e) => ({ ...e, href: `#${e.field ?? 'submission'}` })),
    hasErrors: errors.length > 0 || state.notice !== null,
    notice: state.notice,
  });
}

/** The plain form's fields as the JSON body of POST /api/submissions (what form.js would send for one account). */
function submissionBody(values: Values, lang: string | null) {
  const text = values.groundsText.trim();
  return {
    name: values.name,
    email: values.email,
    jurisdiction: values.jurisdiction,
    accounts: values.provider ? [{ provider: values.provider, identifier: values.identifier }] : [],
    consent: values.consent,
    signature: values.signature,
    ...(lang ? { lang } : {}),
    ...(values.grounds.length || text ? { grounds: text ? { choices: values.grounds, text } : { choices: values.grounds } } : {}),
  };
}

function readForm(body: string | undefined): { values: Values; lang: string | null } {
  const form = new URLSearchParams(body ?? '');
  const text = (name: string) => form.get(name) ?? '';
  return {
    values: {
      name: text('name'),
      email: text('email'),
      jurisdiction: text('jurisdiction'),
      provider: text('provider'),
      identifier: text('identifier'),
      // A text area posts its line breaks as CRLF; the API takes LF.
      groundsText: text('groundsText').replace(/\r\n?/g, '\n'),
      signature: text('signature'),
      consent: form.get('consent') === 'yes',
      grounds: form.getAll('ground'),
    },
    lang: form.get('lang'),
  };
}

export type FormPostResult =
  | { status: 200 | 400 | 429; page: string; retryAfterSeconds?: number }
  | { status: 303; location: string }
  | { status: 403; page: string };

/**
 * Whether a form post comes from this site's own page: browsers say where a post comes from
 * (Sec-Fetch-Site; Origin on older ones), so another site cannot make its visitors submit for it.
 * Clients that say neither (scripts) are let through: they could post to the JSON API just as well.
 */
export function postedFromOwnPage(headers: Record<string, string | undefined>): boolean {
  const site = headers['sec-fetch-site'];
  if (site) return site === 'same-origin' || site === 'none';
  const origin = headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}

/** POST /submit: the plain form. Never throws for the caller's input. */
export async function formPost(body: string | undefined, headers: Record<string, string | undefined>, clientAddress?: string): Promise<FormPostResult> {
  const { values, lang: asked } = readForm(body);
  const lang = pickLanguage(asked ?? undefined, headers['accept-language']);
  const t = pageText(lang);
  if (!postedFromOwnPage(headers)) {
    return { status: 403, page: errorPage(lang, { kind: 'foreign-post' }) };
  }
  try {
    const result = await submit(submissionBody(values, asked), clientAddress, headers['user-agent']);
    if (result.status === 'verified') return { status: 303, location: result.statusUrl };
    return { status: 200, page: render('pages/sent.html', { lang, t }) };
  } catch (error) {
    if (error instanceof ValidationError) {
      // In the order of the page, so the list reads like the form.
      const order = (e: FieldError) => (e.field ? FIELDS.indexOf(e.field) : FIELDS.length);
      const errors = error.issues.map((issue) => fieldError(issue, t)).sort((a, b) => order(a) - order(b));
      return { status: 400, page: formPage(lang, { values, errors, notice: null }) };
    }
    if (error instanceof TooManyRequests) {
      // Real seconds: the limits count on the app's clock, which may run fast locally (app/limits.ts).
      return { status: 429, page: formPage(lang, { values, errors: [], notice: error.message }), retryAfterSeconds: retryAfterSeconds(error.retryAt) };
    }
    throw error;
  }
}
