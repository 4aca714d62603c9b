// Phrases the templates get ready-made, in each language, because they depend on the law: what a US
// state's opt-out covers, whom a GDPR complaint goes to, which parts of a US state request the agent
// only transmits (agentRoute), and the person's grounds as flags (groundsData).
import type { Grounds } from '../grounds.ts';
import type { Language } from '../model.ts';
import type { OptOutPurpose, UsStateLaw } from '../us-states.ts';
import { joinList } from './formatting.ts';

/** The purposes a US state's opt-out covers, as "I opt out of the processing of my personal data <...>". */
export const OPT_OUT_PURPOSES: Record<OptOutPurpose, Record<Language, string>> = {
  'targeted-advertising': {
    en: 'for targeted advertising',
    de: 'für zielgerichtete Werbung (targeted advertising)',
    fr: 'à des fins de publicité ciblée (targeted advertising)',
    es: 'con fines de publicidad dirigida (targeted advertising)',
    it: 'per finalità di pubblicità mirata (targeted advertising)',
    nl: 'voor gerichte reclame (targeted advertising)',
    pl: 'w celu reklamy ukierunkowanej (targeted advertising)',
  },
  sale: {
    en: 'for the sale of personal data',
    de: 'für den Verkauf personenbezogener Daten',
    fr: 'aux fins de la vente de données personnelles',
    es: 'para la venta de datos personales',
    it: 'per la vendita di dati personali',
    nl: 'voor de verkoop van persoonsgegevens',
    pl: 'w celu sprzedaży danych osobowych',
  },
  profiling: {
    en: 'for profiling in furtherance of decisions that produce legal or similarly significant effects concerning me',
    de: 'für Profiling zur Vorbereitung von Entscheidungen, die mir gegenüber rechtliche oder ähnlich erhebliche Wirkungen entfalten',
    fr: 'à des fins de profilage en vue de décisions produisant des effets juridiques ou des effets similaires importants à mon égard',
    es: 'para la elaboración de perfiles en apoyo de decisiones que produzcan efectos jurídicos o efectos igualmente significativos sobre mí',
    it: 'per la profilazione finalizzata a decisioni che producono effetti giuridici o effetti analogamente significativi che mi riguardano',
    nl: 'voor profilering ter ondersteuning van besluiten die rechtsgevolgen of vergelijkbare aanzienlijke gevolgen voor mij hebben',
    pl: 'w celu profilowania służącego podejmowaniu decyzji wywołujących wobec mnie skutki prawne lub podobnie istotne skutki',
  },
  'profiling-automated': {
    en: 'for profiling in furtherance of automated decisions that produce legal or similarly significant effects concerning me',
    de: 'für Profiling zur Vorbereitung automatisierter Entscheidungen, die mir gegenüber rechtliche oder ähnlich erhebliche Wirkungen entfalten',
    fr: 'à des fins de profilage en vue de décisions automatisées produisant des effets juridiques ou des effets similaires importants à mon égard',
    es: 'para la elaboración de perfiles en apoyo de decisiones automatizadas que produzcan efectos jurídicos o efectos igualmente significativos sobre mí',
    it: 'per la profilazione finalizzata a decisioni automatizzate che producono effetti giuridici o effetti analogamente significativi che mi riguardano',
    nl: 'voor profilering ter ondersteuning van geautomatiseerde besluiten die rechtsgevolgen of vergelijkbare aanzienlijke gevolgen voor mij hebben',
    pl: 'w celu profilowania służącego podejmowaniu zautomatyzowanych decyzji wywołujących wobec mnie skutki prawne lub podobnie istotne skutki',
  },
  'profiling-solely-automated': {
    en: 'for profiling in furtherance of solely automated decisions that produce legal or similarly significant effects concerning me',
    de: 'für Profiling zur Vorbereitung ausschließlich automatisierter Entscheidungen, die mir gegenüber rechtliche oder ähnlich erhebliche Wirkungen entfalten',
    fr: 'à des fins de profilage en vue de décisions exclusivement automatisées produisant des effets juridiques ou des effets similaires importants à mon égard',
    es: 'para la elaboración de perfiles en apoyo de decisiones exclusivamente automatizadas que produzcan efectos jurídicos o efectos igualmente significativos sobre mí',
    it: 'per la profilazione finalizzata a decisioni basate unicamente sul trattamento automatizzato che producono effetti giuridici o effetti analogamente significativi che mi riguardano',
    nl: 'voor profilering ter ondersteuning van uitsluitend geautomatiseerde besluiten die rechtsgevolgen of vergelijkbare aanzienlijke gevolgen voor mij hebben',
    pl: 'w celu profilowania służącego podejmowaniu decyzji opartych wyłącznie na zautomatyzowanym przetwarzaniu, wywołujących wobec mnie skutki prawne lub podobnie istotne skutki',
  },
};

/**
 * Who to complain to under each GDPR variant, phrased for "...complaint with X" / "...Beschwerde bei X";
 * in the other languages with their preposition ("auprès d'une autorité de contrôle", "ante una
 * autoridad de control", "a un'autorità di controllo", "bij een toezichthoudende autoriteit", "do
 * organu nadzorczego").
 */
export const GDPR_AUTHORITY: Record<'gdpr' | 'uk-gdpr', Record<Language, string>> = {
  gdpr: {
    en: 'a supervisory authority',
    de: 'einer Aufsichtsbehörde',
    fr: "auprès d'une autorité de contrôle",
    es: 'ante una autoridad de control',
    it: "a un'autorità di controllo",
    nl: 'bij een toezichthoudende autoriteit',
    pl: 'do organu nadzorczego',
  },
  'uk-gdpr': {
    en: "the Information Commissioner's Office (ICO)",
    de: "dem Information Commissioner's Office (ICO)",
    fr: "auprès de l'Information Commissioner's Office (ICO)",
    es: "ante la Information Commissioner's Office (ICO)",
    it: "all'Information Commissioner's Office (ICO)",
    nl: "bij het Information Commissioner's Office (ICO)",
    pl: "do Information Commissioner's Office (ICO)",
  },
};

/** A US state letter's parts the agent only transmits: "the opt-out <purposes>", "the deletion request". */
const OWN_PARTS: Record<Language, { optOut: (purposes: string) => string; deletion: string }> = {
  en: { optOut: (purposes) => `the opt-out ${purposes}`, deletion: 'the deletion request' },
  de: { optOut: (purposes) => `den Widerspruch ${purposes}`, deletion: 'den Löschantrag' },
  fr: { optOut: (purposes) => `l'opposition ${purposes}`, deletion: 'la demande de suppression' },
  es: { optOut: (purposes) => `la exclusión ${purposes}`, deletion: 'la solicitud de supresión' },
  it: { optOut: (purposes) => `l'opposizione ${purposes}`, deletion: 'la richiesta di cancellazione' },
  nl: { optOut: (purposes) => `de opt-out ${purposes}`, deletion: 'het verwijderingsverzoek' },
  pl: { optOut: (purposes) => `sprzeciw ${purposes}`, deletion: 'żądanie usunięcia danych' },
};

/**
 * The person's grounds as the templates read them: one flag per choice, and their own text.
 * `citeArt9`: the letter invokes the GDPR (an objection), so the special-categories ground carries its
 * Art. 9 consequence right after it (explicit consent, Art. 9(2)(a), unless the company names another
 * exception of Art. 9(2), e.g. (e), data manifestly made public); a plain request cites nothing.
 */
export function groundsData(grounds: Grounds | null | undefined, citeArt9 = false) {
  if (!grounds) return null;
  const chose = new Set(grounds.choices);
  return {
    photosOfOthers: chose.has('photos-of-others'),
    creativeWork: chose.has('creative-work'),
    specialCategories: chose.has('special-categories'),
    citeArt9,
    postedAsMinor: chose.has('posted-as-minor'),
    safety: chose.has('safety'),
    text: grounds.text ?? null,
  };
}

/**
 * What a US state's act lets the agent ask for (functions/core/us-states.ts `agent`), and what the
 * letter therefore asks as the person's own request: `agentPurposes` is the opt-out the agent makes,
 * `ownParts` the rest ("the deletion request"), which the agent only transmits. No agent route: all of it.
 */
export function agentRoute(state: UsStateLaw, lang: Language) {
  const agent = state.agent;
  const covered = agent ? state.optOutOf.filter((p) => agent.optOutOf.includes(p)) : [];
  const uncovered = state.optOutOf.filter((p) => !covered.includes(p));
  const own: string[] = [];
  if (uncovered.length > 0) {
    const purposes = joinList(
      uncovered.map((p) => OPT_OUT_PURPOSES[p][lang]),
      lang,
    );
    own.push(OWN_PARTS[lang].optOut(purposes));
  }
  if (!agent?.deletion) own.push(OWN_PARTS[lang].deletion);
  return {
    agentRoute: covered.length > 0,
    agentPurposes: joinList(
      covered.map((p) => OPT_OUT_PURPOSES[p][lang]),
      lang,
    ),
    ownParts: own.length > 0 ? joinList(own, lang) : null,
  };
}

/**
 * What the sender is, for every line that names it (the body's agent part, the signature, the
 * complaint's "Complainant" paragraph), by the same rule as agentRoute: under a US state act without
 * an agent route (e.g. Utah, Iowa) it only transmits the person's own requests (`onlyTransmits`); with a
 * route that covers only some of the letter it is the authorized agent for that part alone (`partly`);
 * otherwise (CCPA, GDPR, a route covering everything) the authorized agent (`asAgent`). Never more than
 * the system can show.
 */
export function agentRole(route: { agentRoute: boolean; ownParts: string | null } | null) {
  if (!route) return { asAgent: true, partly: false, onlyTransmits: false };
  return {
    asAgent: route.agentRoute && route.ownParts === null,
    partly: route.agentRoute && route.ownParts !== null,
    onlyTransmits: !route.agentRoute,
  };
}
