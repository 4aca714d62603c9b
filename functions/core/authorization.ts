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
import { citeGdpr, formatLetterDate } from './letters.ts';
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

/** "25 November 2026" in the text's language, as in the letters. */
function longDate(isoDate: string, lang: Language): string {
  return formatLetterDate(isoDate, lang);
}

const AND: Record<Language, string> = { en: ' and ', de: ' und ', fr: ' et ', es: ' y ', it: ' e ', nl: ' en ', pl: ' i ' };

function joinList(items: string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${AND[lang]}${items[items.length - 1]}`;
}

const PURPOSES: Record<OptOutPurpose, Record<Language, string>> = {
  'targeted-advertising': {
    en: 'targeted advertising',
    de: 'zielgerichtete Werbung',
    fr: 'la publicité ciblée',
    es: 'la publicidad dirigida',
    it: 'la pubblicità mirata',
    nl: 'gerichte reclame',
    pl: 'reklamy ukierunkowanej',
  },
  sale: {
    en: 'the sale of my personal data',
    de: 'den Verkauf meiner personenbezogenen Daten',
    fr: 'la vente de mes données personnelles',
    es: 'la venta de mis datos personales',
    it: 'la vendita dei miei dati personali',
    nl: 'de verkoop van mijn persoonsgegevens',
    pl: 'sprzedaży moich danych osobowych',
  },
  profiling: {
    en: 'profiling with legal or similarly significant effects',
    de: 'Profiling mit rechtlichen oder ähnlich erheblichen Wirkungen',
    fr: 'le profilage produisant des effets juridiques ou des effets similaires importants',
    es: 'la elaboración de perfiles con efectos jurídicos o igualmente significativos',
    it: 'la profilazione con effetti giuridici o analogamente significativi',
    nl: 'profilering met rechtsgevolgen of vergelijkbare aanzienlijke gevolgen',
    pl: 'profilowania wywołującego skutki prawne lub podobnie istotne skutki',
  },
  'profiling-automated': {
    en: 'profiling in furtherance of automated decisions',
    de: 'Profiling zur Vorbereitung automatisierter Entscheidungen',
    fr: 'le profilage en vue de décisions automatisées',
    es: 'la elaboración de perfiles en apoyo de decisiones automatizadas',
    it: 'la profilazione finalizzata a decisioni automatizzate',
    nl: 'profilering ter ondersteuning van geautomatiseerde besluiten',
    pl: 'profilowania służącego zautomatyzowanym decyzjom',
  },
  'profiling-solely-automated': {
    en: 'profiling in furtherance of solely automated decisions',
    de: 'Profiling zur Vorbereitung ausschließlich automatisierter Entscheidungen',
    fr: 'le profilage en vue de décisions exclusivement automatisées',
    es: 'la elaboración de perfiles en apoyo de decisiones exclusivamente automatizadas',
    it: 'la profilazione finalizzata a decisioni basate unicamente sul trattamento automatizzato',
    nl: 'profilering ter ondersteuning van uitsluitend geautomatiseerde besluiten',
    pl: 'profilowania służącego decyzjom opartym wyłącznie na zautomatyzowanym przetwarzaniu',
  },
};

/** The requests in each language; `c` cites a GDPR article in that language's style (functions/core/letters.ts). */
interface RequestWording {
  ai: string;
  gdpr: (c: (article: number, paragraph?: number, point?: string) => string) => string;
  ccpa: [string, string];
  stateOptOut: (purposes: string, citation: string) => string;
  stateDeletion: (citation: string) => string;
  /** Appended to a state request the agent only transmits. */
  own: string;
}

const WORDING: Record<Language, RequestWording> = {
  en: {
    ai: 'to ask that my personal data, including content I have posted, is not used to train, fine-tune or otherwise develop AI models',
    gdpr: (c) =>
      `to object to the processing of my personal data for AI training (${c(21, 1)}), and to ask for the restriction of that processing (${c(18, 1, 'd')}) and for the erasure of the data used for it (${c(17, 1, 'c')})`,
    ccpa: [
      'to opt out of the sale and sharing of my personal information (Cal. Civ. Code § 1798.120)',
      'to limit the use and disclosure of my sensitive personal information (Cal. Civ. Code § 1798.121)',
    ],
    stateOptOut: (purposes, citation) => `to opt out of the processing of my personal data for ${purposes} (${citation})`,
    stateDeletion: (citation) => `to request the deletion of my personal data (${citation})`,
    own: ' (as my own request, which the agent transmits for me)',
  },
  de: {
    ai: 'zu verlangen, dass meine personenbezogenen Daten, einschließlich meiner veröffentlichten Inhalte, nicht zum Training, Feintuning oder zur sonstigen Entwicklung von KI-Modellen verwendet werden',
    gdpr: (c) =>
      `der Verarbeitung meiner personenbezogenen Daten für KI-Training zu widersprechen (${c(21, 1)}) und die Einschränkung dieser Verarbeitung (${c(18, 1, 'd')}) sowie die Löschung der dafür verwendeten Daten (${c(17, 1, 'c')}) zu verlangen`,
    ccpa: [
      'dem Verkauf und der Weitergabe meiner personenbezogenen Informationen zu widersprechen (Cal. Civ. Code § 1798.120)',
      'die Verwendung und Offenlegung meiner sensiblen personenbezogenen Informationen zu beschränken (Cal. Civ. Code § 1798.121)',
    ],
    stateOptOut: (purposes, citation) => `der Verarbeitung meiner personenbezogenen Daten für ${purposes} zu widersprechen (${citation})`,
    stateDeletion: (citation) => `die Löschung meiner personenbezogenen Daten zu verlangen (${citation})`,
    own: ' (als mein eigener Antrag, den der Vertreter für mich übermittelt)',
  },
  fr: {
    ai: "demander que mes données personnelles, y compris les contenus que j'ai publiés, ne soient pas utilisées pour entraîner, affiner ou développer de toute autre manière des modèles d'IA",
    gdpr: (c) =>
      `m'opposer au traitement de mes données personnelles pour l'entraînement de l'IA (${c(21, 1)}), et demander la limitation de ce traitement (${c(18, 1, 'd')}) et l'effacement des données utilisées à cette fin (${c(17, 1, 'c')})`,
    ccpa: [
      "m'opposer à la vente et au partage de mes informations personnelles (Cal. Civ. Code § 1798.120)",
      "limiter l'utilisation et la communication de mes informations personnelles sensibles (Cal. Civ. Code § 1798.121)",
    ],
    stateOptOut: (purposes, citation) => `m'opposer au traitement de mes données personnelles pour ${purposes} (${citation})`,
    stateDeletion: (citation) => `demander la suppression de mes données personnelles (${citation})`,
    own: ' (en tant que ma propre demande, que le mandataire transmet pour moi)',
  },
  es: {
    ai: 'pedir que mis datos personales, incluidos los contenidos que he publicado, no se utilicen para entrenar, ajustar o desarrollar de otro modo modelos de IA',
    gdpr: (c) =>
      `oponerme al tratamiento de mis datos personales para entrenar IA (${c(21, 1)}) y solicitar la limitación de ese tratamiento (${c(18, 1, 'd')}) y la supresión de los datos utilizados para ello (${c(17, 1, 'c')})`,
    ccpa: [
      'excluirme de la venta y el intercambio de mi información personal (Cal. Civ. Code § 1798.120)',
      'limitar el uso y la divulgación de mi información personal sensible (Cal. Civ. Code § 1798.121)',
    ],
    stateOptOut: (purposes, citation) => `excluirme del tratamiento de mis datos personales para ${purposes} (${citation})`,
    stateDeletion: (citation) => `solicitar la supresión de mis datos personales (${citation})`,
    own: ' (como solicitud propia, que el representante transmite por mí)',
  },
  it: {
    ai: 'chiedere che i miei dati personali, compresi i contenuti che ho pubblicato, non siano utilizzati per addestrare, perfezionare o comunque sviluppare modelli di IA',
    gdpr: (c) =>
      `oppormi al trattamento dei miei dati personali per l'addestramento dell'IA (${c(21, 1)}) e chiedere la limitazione di tale trattamento (${c(18, 1, 'd')}) e la cancellazione dei dati utilizzati a tal fine (${c(17, 1, 'c')})`,
    ccpa: [
      'oppormi alla vendita e alla condivisione delle mie informazioni personali (Cal. Civ. Code § 1798.120)',
      "limitare l'uso e la comunicazione delle mie informazioni personali sensibili (Cal. Civ. Code § 1798.121)",
    ],
    stateOptOut: (purposes, citation) => `oppormi al trattamento dei miei dati personali per ${purposes} (${citation})`,
    stateDeletion: (citation) => `chiedere la cancellazione dei miei dati personali (${citation})`,
    own: ' (come mia richiesta, che il rappresentante trasmette per me)',
  },
  nl: {
    ai: 'te vragen dat mijn persoonsgegevens, met inbegrip van content die ik heb geplaatst, niet worden gebruikt om AI-modellen te trainen, te verfijnen of anderszins te ontwikkelen',
    gdpr: (c) =>
      `bezwaar te maken tegen de verwerking van mijn persoonsgegevens voor AI-training (${c(21, 1)}), en te vragen om beperking van die verwerking (${c(18, 1, 'd')}) en om wissing van de daarvoor gebruikte gegevens (${c(17, 1, 'c')})`,
    ccpa: [
      'een opt-out te maken van de verkoop en het delen van mijn persoonsgegevens (Cal. Civ. Code § 1798.120)',
      'het gebruik en de verstrekking van mijn gevoelige persoonsgegevens te beperken (Cal. Civ. Code § 1798.121)',
    ],
    stateOptOut: (purposes, citation) => `een opt-out te maken van de verwerking van mijn persoonsgegevens voor ${purposes} (${citation})`,
    stateDeletion: (citation) => `om verwijdering van mijn persoonsgegevens te vragen (${citation})`,
    own: ' (als mijn eigen verzoek, dat de gemachtigde voor mij doorstuurt)',
  },
  pl: {
    ai: 'żądania, aby moje dane osobowe, w tym opublikowane przeze mnie treści, nie były wykorzystywane do trenowania, dostrajania ani innego rozwijania modeli AI',
    gdpr: (c) =>
      `wniesienia sprzeciwu wobec przetwarzania moich danych osobowych do trenowania AI (${c(21, 1)}) oraz żądania ograniczenia tego przetwarzania (${c(18, 1, 'd')}) i usunięcia wykorzystanych do tego danych (${c(17, 1, 'c')})`,
    ccpa: [
      'rezygnacji ze sprzedaży i udostępniania moich informacji osobowych (Cal. Civ. Code § 1798.120)',
      'ograniczenia wykorzystywania i ujawniania moich wrażliwych informacji osobowych (Cal. Civ. Code § 1798.121)',
    ],
    stateOptOut: (purposes, citation) => `sprzeciwu wobec przetwarzania moich danych osobowych w celu ${purposes} (${citation})`,
    stateDeletion: (citation) => `żądania usunięcia moich danych osobowych (${citation})`,
    own: ' (jako mojego własnego żądania, które pełnomocnik przekazuje za mnie)',
  },
};

/** The requests the person authorizes, per law, worded for the authorization text. */
export function authorizedRequests(law: Law, jurisdiction: string, lang: Language): string[] {
  const w = WORDING[lang];
  switch (law) {
    case 'gdpr':
    case 'uk-gdpr':
      return [w.gdpr((article, paragraph, point) => citeGdpr(law, lang, article, paragraph, point)), w.ai];
    case 'ccpa':
      return [...w.ccpa, w.ai];
    case 'us-state': {
      const state = usStateLaw(jurisdiction);
      if (!state) return [w.ai];
      const purposes = joinList(
        state.optOutOf.map((p) => PURPOSES[p][lang]),
        lang,
      );
      const own = (covered: boolean) => (covered ? '' : w.own);
      const agentOptOut = !!state.agent && state.optOutOf.every((p) => state.agent!.optOutOf.includes(p));
      return [`${w.stateOptOut(purposes, state.optOut)}${own(agentOptOut)}`, `${w.stateDeletion(state.deletion)}${own(!!state.agent?.deletion)}`, w.ai];
    }
    case 'none':
      return [w.ai];
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
