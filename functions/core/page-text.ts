// The words of the pages a person sees after the form (confirm, confirmed, status), in their
// language. The same keys in every language: a text missing in one fails the typecheck. Timeline
// entries stay in English, as the record of what happened.
import type { Language } from './model.ts';

const en = {
  verifyTitle: 'Confirm your requests',
  verifyHeading: 'Confirm your {count} opt-out requests',
  verifyBody: 'This confirms that {email} is your address and that Optout Autopilot may send the requests on your behalf. Nothing has been sent yet.',
  verifyButton: 'Confirm and send my requests',
  verifiedTitle: 'Address confirmed',
  verifiedHeading: 'Thank you, your address is confirmed',
  verifiedBody: 'We are sending your requests now and will email you a summary.',
  verifiedLink: 'Open your status page',
  verifiedPrivate: '(keep this link private: it shows your requests)',
  statusTitle: 'Your opt-out requests',
  statusFor: 'For {name}.',
  statusConfirmFirst: 'Confirm your email address first: nothing is sent before that.',
  colService: 'Service',
  colChannel: 'Channel',
  colStatus: 'Status',
  colDue: 'Due',
  colHistory: 'History',
  historyNote: 'The history is kept in English, as the record.',
  reference: 'ref',
  openLink: 'Open',
  sessionUpload: 'Let us do it: upload your exported {provider} cookies (no password)',
  sessionKeep: 'keep the session to re-check the setting every month',
  sessionButton: 'Upload session',
  sessionChooseFile: 'Choose the exported cookie file first.',
  sessionSaved: 'Session saved ({cookies} cookies).',
  sessionSoon: 'We will use it within the hour.',
  markConfirmed: 'Mark as confirmed',
  cancel: 'Cancel',
  screenshot: 'screenshot',
};

type PageText = Record<keyof typeof en, string>;

const de: PageText = {
  verifyTitle: 'Anfragen bestätigen',
  verifyHeading: 'Bestätigen Sie Ihre {count} Opt-out-Anfragen',
  verifyBody: 'Damit bestätigen Sie, dass {email} Ihre Adresse ist und Optout Autopilot die Anfragen in Ihrem Auftrag senden darf. Bisher wurde nichts gesendet.',
  verifyButton: 'Bestätigen und Anfragen senden',
  verifiedTitle: 'Adresse bestätigt',
  verifiedHeading: 'Danke, Ihre Adresse ist bestätigt',
  verifiedBody: 'Wir senden Ihre Anfragen jetzt und schicken Ihnen eine Übersicht per E-Mail.',
  verifiedLink: 'Zu Ihrer Statusseite',
  verifiedPrivate: '(geben Sie diesen Link nicht weiter: er zeigt Ihre Anfragen)',
  statusTitle: 'Ihre Opt-out-Anfragen',
  statusFor: 'Für {name}.',
  statusConfirmFirst: 'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse: vorher wird nichts gesendet.',
  colService: 'Dienst',
  colChannel: 'Weg',
  colStatus: 'Stand',
  colDue: 'Frist',
  colHistory: 'Verlauf',
  historyNote: 'Der Verlauf wird als Nachweis auf Englisch geführt.',
  reference: 'Az.',
  openLink: 'Öffnen',
  sessionUpload: 'Wir erledigen es: laden Sie Ihre exportierten {provider}-Cookies hoch (kein Passwort)',
  sessionKeep: 'Sitzung behalten, um die Einstellung jeden Monat zu prüfen',
  sessionButton: 'Sitzung hochladen',
  sessionChooseFile: 'Bitte wählen Sie zuerst die exportierte Cookie-Datei.',
  sessionSaved: 'Sitzung gespeichert ({cookies} Cookies).',
  sessionSoon: 'Wir verwenden sie innerhalb einer Stunde.',
  markConfirmed: 'Als erledigt markieren',
  cancel: 'Abbrechen',
  screenshot: 'Bildschirmfoto',
};

const TEXT: Record<Language, PageText> = { en, de };

/** The page texts for `lang`; `{name}` placeholders are left for the page (or its script) to fill. */
export function pageText(lang: Language): PageText {
  return TEXT[lang];
}

/** Fills `{name}` placeholders; the page templates escape the result. */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
