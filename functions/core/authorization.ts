// The person's signed authorization of the operator as their authorized agent (11 CCR §§ 7026, 7063;
// "signed" per 11 CCR § 7001 includes an electronic signature under the UETA, Cal. Civ. Code § 1633.1
// ff.). On the form the person types their full name under this text; the server renders the text
// (templates/authorization/authorization.<lang>.hbs), stores it verbatim with its version, the typed
// signature, the time, the client's address and user agent (functions/app/authorization.ts), adds the
// email-verification trail when the address is confirmed, and every letter sent as agent carries it
// as a PDF (functions/adapters/pdf.ts). The stored text is what was signed: the PDF re-renders from it,
// never from the template, so a later change of the template cannot change a signed authorization.
import { createHash } from 'node:crypto';
import type { Law } from './jurisdiction.ts';
import type { Language } from './model.ts';
import { render } from './templates.ts';
import { type OptOutPurpose, usStateLaw } from './us-states.ts';

/** Bump whenever templates/authorization/* or the request wording below changes. */
export const AUTHORIZATION_VERSION = 'agent-authorization-1';

export interface AuthorizationParty {
  /** The provider's legal entity the letters go to, e.g. "Reddit, Inc.". */
  entity: string;
  /** The service, e.g. "Reddit". */
  service: string;
}

export interface AuthorizationInput {
  lang: Language;
  law: Law;
  /** The person's jurisdiction ("US-CA"): for a US state, which act's rights and agent route. */
  jurisdiction: string;
  person: { name: string; email: string };
  businesses: AuthorizationParty[];
  agent: { name: string; contact: string };
  /** YYYY-MM-DD of signing. */
  date: string;
}

/** What the system keeps of a signed authorization (on the submission item; exported to the person). */
export interface SignedAuthorization {
  version: string;
  lang: Language;
  /** The exact text the person signed, as rendered by the server. */
  text: string;
  /** SHA-256 (hex) of `text`, printed in the PDF so the text can be checked against the record. */
  textSha256: string;
  /** The full name as the person typed it as their signature. */
  signature: string;
  signedAt: string;
  clientAddress: string | null;
  userAgent: string | null;
  /** Added when the person confirms their email address (functions/app/submissions.ts verify). */
  verification?: VerificationTrail;
}

export interface VerificationTrail {
  /** The address the confirmation link was mailed to. */
  email: string;
  /** When the link was mailed (right after the submission was stored). */
  linkSentAt: string;
  confirmedAt: string;
  /** How the link was confirmed: the button on the page the link opens (POST), or the API (GET /api/verify). */
  method: 'POST /verify' | 'GET /api/verify';
  clientAddress: string | null;
  userAgent: string | null;
}

/** Case, spacing and Unicode composition aside, the signature must be the name the person gave. */
export function signatureMatches(name: string, signature: string): boolean {
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('und').replace(/\s+/g, '');
  return fold(name) === fold(signature);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const MONTHS: Record<Language, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

function longDate(isoDate: string, lang: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return lang === 'de' ? `${day}. ${MONTHS.de[month - 1]} ${year}` : `${day} ${MONTHS.en[month - 1]} ${year}`;
}

function joinList(items: string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${lang === 'de' ? ' und ' : ' and '}${items[items.length - 1]}`;
}

const PURPOSES: Record<OptOutPurpose, Record<Language, string>> = {
  'targeted-advertising': { en: 'targeted advertising', de: 'zielgerichtete Werbung' },
  sale: { en: 'the sale of my personal data', de: 'den Verkauf meiner personenbezogenen Daten' },
  profiling: { en: 'profiling with legal or similarly significant effects', de: 'Profiling mit rechtlichen oder ähnlich erheblichen Wirkungen' },
  'profiling-automated': { en: 'profiling in furtherance of automated decisions', de: 'Profiling zur Vorbereitung automatisierter Entscheidungen' },
  'profiling-solely-automated': {
    en: 'profiling in furtherance of solely automated decisions',
    de: 'Profiling zur Vorbereitung ausschließlich automatisierter Entscheidungen',
  },
};

const AI = {
  en: 'to ask that my personal data, including content I have posted, is not used to train, fine-tune or otherwise develop AI models',
  de: 'zu verlangen, dass meine personenbezogenen Daten, einschließlich meiner veröffentlichten Inhalte, nicht zum Training, Feintuning oder zur sonstigen Entwicklung von KI-Modellen verwendet werden',
};

/** The requests the person authorizes, per law, worded for the authorization text. */
export function authorizedRequests(law: Law, jurisdiction: string, lang: Language): string[] {
  const en = lang === 'en';
  switch (law) {
    case 'gdpr':
    case 'uk-gdpr': {
      const name = law === 'uk-gdpr' ? 'UK GDPR' : en ? 'GDPR' : 'DSGVO';
      return en
        ? [
            `to object to the processing of my personal data for AI training (Art. 21(1) ${name}), and to ask for the restriction of that processing (Art. 18(1)(d) ${name}) and for the erasure of the data used for it (Art. 17(1)(c) ${name})`,
            AI.en,
          ]
        : [
            `der Verarbeitung meiner personenbezogenen Daten für KI-Training zu widersprechen (Art. 21 Abs. 1 ${name}) und die Einschränkung dieser Verarbeitung (Art. 18 Abs. 1 lit. d ${name}) sowie die Löschung der dafür verwendeten Daten (Art. 17 Abs. 1 lit. c ${name}) zu verlangen`,
            AI.de,
          ];
    }
    case 'ccpa':
      return en
        ? [
            'to opt out of the sale and sharing of my personal information (Cal. Civ. Code § 1798.120)',
            'to limit the use and disclosure of my sensitive personal information (Cal. Civ. Code § 1798.121)',
            AI.en,
          ]
        : [
            'dem Verkauf und der Weitergabe meiner personenbezogenen Informationen zu widersprechen (Cal. Civ. Code § 1798.120)',
            'die Verwendung und Offenlegung meiner sensiblen personenbezogenen Informationen zu beschränken (Cal. Civ. Code § 1798.121)',
            AI.de,
          ];
    case 'us-state': {
      const state = usStateLaw(jurisdiction);
      if (!state) return [en ? AI.en : AI.de];
      const purposes = joinList(state.optOutOf.map((p) => PURPOSES[p][lang]), lang);
      const own = (covered: boolean) =>
        covered ? '' : en ? ' (as my own request, which the agent transmits for me)' : ' (als mein eigener Antrag, den der Vertreter für mich übermittelt)';
      const agentOptOut = !!state.agent && state.optOutOf.every((p) => state.agent!.optOutOf.includes(p));
      return en
        ? [
            `to opt out of the processing of my personal data for ${purposes} (${state.optOut})${own(agentOptOut)}`,
            `to request the deletion of my personal data (${state.deletion})${own(!!state.agent?.deletion)}`,
            AI.en,
          ]
        : [
            `der Verarbeitung meiner personenbezogenen Daten für ${purposes} zu widersprechen (${state.optOut})${own(agentOptOut)}`,
            `die Löschung meiner personenbezogenen Daten zu verlangen (${state.deletion})${own(!!state.agent?.deletion)}`,
            AI.de,
          ];
    }
    case 'none':
      return [en ? AI.en : AI.de];
  }
}

/** The authorization text for the person to sign (the form shows it; the server's rendering is what is kept). */
export function renderAuthorizationText(input: AuthorizationInput): string {
  const text = render(`authorization/authorization.${input.lang}.hbs`, {
    version: AUTHORIZATION_VERSION,
    person: input.person,
    agent: input.agent,
    businesses: input.businesses,
    requests: authorizedRequests(input.law, input.jurisdiction, input.lang),
    date: longDate(input.date, input.lang),
  });
  return `${text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
