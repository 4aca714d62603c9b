// The first letters' titles in each language, one place for both uses: the first letter prints `full`
// as its heading, and the follow-ups (the reminder, the final notice and the complaint) quote the same
// `full` in their body and `short` in subject lines, so a follow-up names the letter exactly as it was
// sent. A title may cite a provision itself (provisions.ts), through `cite`.
import type { Basis, Language } from '../model.ts';

/** Titles of the first letters: `full` is their heading and what follow-ups quote; `short` in follow-ups' subject lines. */
export type TitleFn = (cite: (key: string) => string) => string;
export const BASIS_TITLES: Record<Basis, Record<Language, { full: TitleFn; short: TitleFn }>> = {
  'gdpr-objection': {
    en: {
      full: (cite) => `Objection under ${cite('art21_1')} to the use of my personal data for AI training`,
      short: (cite) => `objection under ${cite('art21_1')}`,
    },
    de: {
      full: (cite) => `Widerspruch nach ${cite('art21_1')} gegen die Verwendung meiner personenbezogenen Daten für KI-Training`,
      short: (cite) => `Widerspruch nach ${cite('art21_1')}`,
    },
    fr: {
      full: (cite) => `Opposition, en vertu de l'${cite('art21_1')}, à l'utilisation de mes données personnelles pour l'entraînement de l'IA`,
      short: (cite) => `opposition en vertu de l'${cite('art21_1')}`,
    },
    es: {
      full: (cite) => `Oposición, conforme al ${cite('art21_1')}, al uso de mis datos personales para entrenar IA`,
      short: (cite) => `oposición (${cite('art21_1')})`,
    },
    it: {
      full: (cite) => `Opposizione, ai sensi dell'${cite('art21_1')}, all'uso dei miei dati personali per l'addestramento dell'IA`,
      short: (cite) => `opposizione (${cite('art21_1')})`,
    },
    nl: {
      full: (cite) => `Bezwaar op grond van ${cite('art21_1')} tegen het gebruik van mijn persoonsgegevens voor AI-training`,
      short: (cite) => `bezwaar op grond van ${cite('art21_1')}`,
    },
    pl: {
      full: (cite) => `Sprzeciw na podstawie ${cite('art21_1')} wobec wykorzystywania moich danych osobowych do trenowania AI`,
      short: (cite) => `sprzeciw na podstawie ${cite('art21_1')}`,
    },
  },
  'ccpa-opt-out': {
    en: {
      full: () => 'Request to opt out of the sale and sharing of my personal information and to limit the use of my sensitive personal information',
      short: () => 'CCPA opt-out request',
    },
    de: {
      full: () =>
        'Opt-out aus Verkauf und Weitergabe meiner personenbezogenen Informationen und Beschränkung der Nutzung sensibler personenbezogener Informationen',
      short: () => 'CCPA-Opt-out',
    },
    fr: {
      full: () =>
        "Demande d'opposition à la vente et au partage de mes informations personnelles et de limitation de l'utilisation de mes informations personnelles sensibles",
      short: () => "demande d'opt-out CCPA",
    },
    es: {
      full: () => 'Solicitud de exclusión de la venta y el intercambio de mi información personal y de limitación del uso de mi información personal sensible',
      short: () => 'solicitud de exclusión (opt-out) CCPA',
    },
    it: {
      full: () =>
        "Richiesta di opposizione alla vendita e alla condivisione delle mie informazioni personali e di limitazione dell'uso delle mie informazioni personali sensibili",
      short: () => 'richiesta di opt-out CCPA',
    },
    nl: {
      full: () =>
        'Verzoek om opt-out van de verkoop en het delen van mijn persoonsgegevens en om beperking van het gebruik van mijn gevoelige persoonsgegevens',
      short: () => 'CCPA-opt-outverzoek',
    },
    pl: {
      full: () =>
        'Żądanie rezygnacji ze sprzedaży i udostępniania moich informacji osobowych oraz ograniczenia wykorzystania moich wrażliwych informacji osobowych',
      short: () => 'żądanie opt-out na podstawie CCPA',
    },
  },
  'ccpa-delete': {
    en: { full: () => 'Request to delete my personal information', short: () => 'CCPA deletion request' },
    de: { full: () => 'Antrag auf Löschung meiner personenbezogenen Informationen', short: () => 'CCPA-Löschantrag' },
    fr: { full: () => 'Demande de suppression de mes informations personnelles', short: () => 'demande de suppression CCPA' },
    es: { full: () => 'Solicitud de eliminación de mi información personal', short: () => 'solicitud de eliminación CCPA' },
    it: { full: () => 'Richiesta di cancellazione delle mie informazioni personali', short: () => 'richiesta di cancellazione CCPA' },
    nl: { full: () => 'Verzoek om verwijdering van mijn persoonsgegevens', short: () => 'CCPA-verwijderingsverzoek' },
    pl: { full: () => 'Żądanie usunięcia moich informacji osobowych', short: () => 'żądanie usunięcia na podstawie CCPA' },
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
    fr: {
      full: () => "Demande d'opposition au traitement de mes données personnelles (opt-out) et de leur suppression",
      short: () => "demande d'opt-out et de suppression",
    },
    es: {
      full: () => 'Solicitud de exclusión (opt-out) del tratamiento de mis datos personales y de su supresión',
      short: () => 'solicitud de exclusión y supresión',
    },
    it: {
      full: () => 'Richiesta di opposizione (opt-out) al trattamento dei miei dati personali e di cancellazione degli stessi',
      short: () => 'richiesta di opt-out e cancellazione',
    },
    nl: {
      full: () => 'Verzoek om opt-out van de verwerking van mijn persoonsgegevens en om verwijdering ervan',
      short: () => 'opt-out- en verwijderingsverzoek',
    },
    pl: {
      full: () => 'Żądanie rezygnacji (opt-out) z przetwarzania moich danych osobowych i ich usunięcia',
      short: () => 'żądanie opt-out i usunięcia danych',
    },
  },
  'ai-training-request': {
    en: { full: () => 'Request not to use my data for AI training', short: () => 'request about AI training' },
    de: { full: () => 'Bitte, meine Daten nicht für KI-Training zu verwenden', short: () => 'Bitte zum KI-Training' },
    fr: { full: () => "Demande de ne pas utiliser mes données pour l'entraînement de l'IA", short: () => "demande relative à l'entraînement de l'IA" },
    es: { full: () => 'Solicitud de que no se utilicen mis datos para entrenar IA', short: () => 'solicitud sobre el entrenamiento de IA' },
    it: { full: () => "Richiesta di non utilizzare i miei dati per l'addestramento dell'IA", short: () => "richiesta sull'addestramento dell'IA" },
    nl: { full: () => 'Verzoek om mijn gegevens niet voor AI-training te gebruiken', short: () => 'verzoek over AI-training' },
    pl: { full: () => 'Prośba o niewykorzystywanie moich danych do trenowania AI', short: () => 'prośba dotycząca trenowania AI' },
  },
};
