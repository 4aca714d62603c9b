// The words of the pages a person sees (the form, confirm, confirmed, status), in their language.
// The same keys in every language: a text missing in one fails the typecheck. Timeline entries stay
// in English, as the record of what happened.
import { LANGUAGES, type Language } from './model.ts';
import { es, fr, it, nl, pl } from './page-text-languages.ts';

const en = {
  formTitle: 'keep your data out of AI training',
  formIntro:
    'List your accounts. For each one we send the opt-out through the channel the company honours (a GDPR objection or a US privacy-law request by email, its web form, or its settings toggle), follow up until it confirms, and tell you where each request stands.',
  formOtherLanguage: 'Deutsch',
  formYou: 'You',
  formName: 'Full name',
  formEmail: 'Email address (we send a confirmation link; companies reply with you in copy)',
  formJurisdiction: 'Where you live (country code such as FR or GB; in Germany your Land, DE-BE style: DE-BW, DE-BY, DE-BE, DE-HH, DE-NW...; US-CA style for a US state)',
  formAccounts: 'Your accounts',
  formService: 'Service',
  formChoose: 'Choose…',
  formSearch: 'Not in the list? Search any company by name or domain',
  formSearchNone: 'No company found. Try its official name or its web address.',
  formSearchLetter: 'a letter to its privacy contact',
  formSearchForm: 'its privacy web form, which you fill in',
  formNoOptOut: '{name}: no opt-out of its own; we send the legal letter',
  formIdentifier: 'Account (username or email address)',
  formSession: 'Session cookies (optional: an exported cookie file lets us switch the setting for you)',
  formRemove: 'Remove',
  formAdd: 'Add an account',
  formGrounds: 'Your reasons (optional)',
  formGroundsHint:
    'A GDPR objection must give reasons from your own situation. The letters state the ones you choose here; without any, they give general reasons.',
  formGroundPhotos: 'My posts show my children or other people',
  formGroundCreative: 'My posts include my own creative or professional work',
  formGroundSpecial: 'My posts reveal sensitive information (health, religion, political views, sexuality)',
  formGroundMinor: 'I posted some of it when I was a minor',
  formGroundSafety: 'I have been harassed or threatened, or fear it',
  formGroundsText: 'In your own words (optional, at most 500 characters; it goes into the letters word for word, also into letters in other languages)',
  formConsent: 'I instruct Optout Autopilot to send these requests on my behalf, as my authorized agent.',
  formAuthorization: 'Your signed authorization',
  formAuthorizationText:
    'I, the person named above, authorize {agent} ({contact}) to act as my authorized agent: to submit in my name and on my behalf, to each business behind the accounts listed above, the opt-out and objection requests the law where I live gives me (under the CCPA: opt-out of sale and sharing, limit on sensitive personal information; under a US state act: opt-out and deletion; under the GDPR: objection, restriction and erasure), a request not to use my data for AI training, reminders and final notices about them, and to receive the replies. {agent} may use my details only for these requests. Each business may confirm this with me directly at my email address. I can revoke it at any time. I sign it electronically, today, by typing my full name below. The exact text, with the businesses and requests filled in, goes with every letter as a PDF.',
  formAuthorizationFor: 'The businesses:',
  formSignature: 'Signature: type your full name, as above',
  formSend: 'Send my requests',
  formSent: 'Almost done: we sent you an email. Open the link in it to confirm your address; nothing is sent before that.',
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
  dataHeading: 'Your data',
  dataDownload: 'Download everything we hold about you',
  dataDownloadNote: '(a zip: the timeline as JSON, the letters, the replies and the screenshots)',
  deleteLink: 'Delete everything…',
  deleteConfirmTitle: 'Delete everything?',
  deleteExplain:
    'This stops the follow-up of every request (no reminder, final notice or complaint draft will be sent) and deletes your name, address and accounts, every request and its history, your sessions, and the letters, replies and screenshots we keep. You get one last email confirming it; this page then no longer exists. It cannot be undone: download your data first if you want to keep it.',
  deleteCannot:
    'Letters already delivered to companies cannot be recalled: they hold them and must still answer them, and may now write to you directly.',
  deleteConfirm: 'Yes, delete everything. I understand that this cannot be undone.',
  deleteConfirmMissing: 'Tick the box to confirm the deletion.',
  deleteButton: 'Delete everything',
  deleteBack: 'Back to the status page',
  deletedTitle: 'Deleted',
  deletedHeading: 'Everything is deleted',
  deletedBody:
    'We stopped the follow-up of your requests and deleted your details, the requests and their history, your sessions, and the letters, replies and screenshots. An email confirming the deletion is on its way.',
};

export type PageText = Record<keyof typeof en, string>;

const de: PageText = {
  formTitle: 'Ihre Daten raus aus dem KI-Training',
  formIntro:
    'Listen Sie Ihre Konten auf. Für jedes senden wir den Widerspruch auf dem Weg, den das Unternehmen anerkennt (einen Widerspruch nach der DSGVO oder einen Antrag nach US-Datenschutzrecht per E-Mail, sein Webformular oder seine Kontoeinstellung), fassen nach, bis es bestätigt, und sagen Ihnen, wo jede Anfrage steht.',
  formOtherLanguage: 'English',
  formYou: 'Sie',
  formName: 'Vollständiger Name',
  formEmail: 'E-Mail-Adresse (wir senden einen Bestätigungslink; Unternehmen antworten mit Ihnen in Kopie)',
  formJurisdiction: 'Wo Sie wohnen (Ländercode wie AT oder FR; in Deutschland Ihr Land, etwa DE-BE: DE-BW, DE-BY, DE-BE, DE-HH, DE-NW...; US-CA für einen US-Bundesstaat)',
  formAccounts: 'Ihre Konten',
  formService: 'Dienst',
  formChoose: 'Auswählen…',
  formSearch: 'Nicht in der Liste? Jedes Unternehmen nach Name oder Domain suchen',
  formSearchNone: 'Kein Unternehmen gefunden. Versuchen Sie den offiziellen Namen oder die Webadresse.',
  formSearchLetter: 'ein Schreiben an die Datenschutz-Adresse',
  formSearchForm: 'das Datenschutz-Webformular, das Sie selbst ausfüllen',
  formNoOptOut: '{name}: kein eigenes Opt-out; wir senden das rechtliche Schreiben',
  formIdentifier: 'Konto (Benutzername oder E-Mail-Adresse)',
  formSession: 'Sitzungs-Cookies (optional: mit einer exportierten Cookie-Datei schalten wir die Einstellung für Sie um)',
  formRemove: 'Entfernen',
  formAdd: 'Konto hinzufügen',
  formGrounds: 'Ihre Gründe (optional)',
  formGroundsHint:
    'Ein Widerspruch nach der DSGVO muss Gründe aus Ihrer besonderen Situation nennen. Die Briefe nennen die, die Sie hier auswählen; ohne Auswahl nennen sie allgemeine Gründe.',
  formGroundPhotos: 'Meine Inhalte zeigen meine Kinder oder andere Menschen',
  formGroundCreative: 'Meine Inhalte enthalten eigene kreative oder berufliche Arbeiten',
  formGroundSpecial: 'Meine Inhalte lassen sensible Informationen erkennen (Gesundheit, Religion, politische Überzeugung, Sexualität)',
  formGroundMinor: 'Einen Teil davon habe ich veröffentlicht, als ich minderjährig war',
  formGroundSafety: 'Ich bin belästigt oder bedroht worden oder befürchte das',
  formGroundsText: 'In Ihren eigenen Worten (optional, höchstens 500 Zeichen; der Text steht wörtlich in den Briefen, auch in englischen)',
  formConsent: 'Ich beauftrage Optout Autopilot, diese Anfragen als mein bevollmächtigter Vertreter in meinem Namen zu senden.',
  formAuthorization: 'Ihre unterzeichnete Vollmacht',
  formAuthorizationText:
    'Ich, die oben genannte Person, bevollmächtige {agent} ({contact}), als mein bevollmächtigter Vertreter (authorized agent) zu handeln: in meinem Namen und für mich an jedes Unternehmen hinter den oben genannten Konten die Opt-out- und Widerspruchsanträge zu richten, die mir das Recht meines Wohnorts gibt (nach dem CCPA: Opt-out aus Verkauf und Weitergabe, Beschränkung sensibler Informationen; nach einem US-Staatsgesetz: Opt-out und Löschung; nach der DSGVO: Widerspruch, Einschränkung und Löschung), die Bitte, meine Daten nicht für KI-Training zu verwenden, Erinnerungen und letzte Mahnungen dazu, und die Antworten entgegenzunehmen. {agent} darf meine Angaben nur dafür verwenden. Jedes Unternehmen kann dies direkt bei mir unter meiner E-Mail-Adresse bestätigen lassen. Ich kann die Vollmacht jederzeit widerrufen. Ich unterzeichne sie heute elektronisch, indem ich unten meinen vollständigen Namen eingebe. Der genaue Text, mit den Unternehmen und Anträgen, geht mit jedem Brief als PDF mit.',
  formAuthorizationFor: 'Die Unternehmen:',
  formSignature: 'Unterschrift: Ihr vollständiger Name, wie oben',
  formSend: 'Anfragen senden',
  formSent: 'Fast geschafft: Wir haben Ihnen eine E-Mail geschickt. Öffnen Sie den Link darin, um Ihre Adresse zu bestätigen; vorher wird nichts gesendet.',
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
  dataHeading: 'Ihre Daten',
  dataDownload: 'Alles herunterladen, was wir über Sie gespeichert haben',
  dataDownloadNote: '(ein Zip: der Verlauf als JSON, die Briefe, die Antworten und die Bildschirmfotos)',
  deleteLink: 'Alles löschen…',
  deleteConfirmTitle: 'Alles löschen?',
  deleteExplain:
    'Damit endet die Nachverfolgung jeder Anfrage (es werden keine Erinnerung, keine letzte Aufforderung und kein Beschwerdeentwurf mehr gesendet), und wir löschen Ihren Namen, Ihre Adresse und Konten, jede Anfrage mit ihrem Verlauf, Ihre Sitzungen sowie die gespeicherten Briefe, Antworten und Bildschirmfotos. Sie erhalten eine letzte E-Mail als Bestätigung; danach gibt es diese Seite nicht mehr. Das lässt sich nicht rückgängig machen: Laden Sie Ihre Daten vorher herunter, wenn Sie sie behalten möchten.',
  deleteCannot:
    'Briefe, die Unternehmen bereits zugestellt wurden, lassen sich nicht zurückholen: Die Unternehmen haben sie, müssen sie weiterhin beantworten und schreiben Ihnen nun womöglich direkt.',
  deleteConfirm: 'Ja, alles löschen. Mir ist klar, dass sich das nicht rückgängig machen lässt.',
  deleteConfirmMissing: 'Bitte setzen Sie das Häkchen, um das Löschen zu bestätigen.',
  deleteButton: 'Alles löschen',
  deleteBack: 'Zurück zur Statusseite',
  deletedTitle: 'Gelöscht',
  deletedHeading: 'Alles ist gelöscht',
  deletedBody:
    'Wir haben die Nachverfolgung Ihrer Anfragen beendet und Ihre Angaben, die Anfragen mit ihrem Verlauf, Ihre Sitzungen sowie die Briefe, Antworten und Bildschirmfotos gelöscht. Eine E-Mail mit der Bestätigung ist unterwegs.',
};

const TEXT: Record<Language, PageText> = { en, de, fr, es, it, nl, pl };

/** The page texts for `lang`; `{name}` placeholders are left for the page (or its script) to fill. */
export function pageText(lang: Language): PageText {
  return TEXT[lang];
}

/**
 * The form's language: `?lang=` if it names one we have, else the first of the browser's
 * Accept-Language we have, else English.
 */
export function pickLanguage(query: string | undefined, acceptLanguage: string | undefined): Language {
  const known = (code: string | undefined) => (LANGUAGES as readonly string[]).find((l) => l === code?.trim().slice(0, 2).toLowerCase()) as Language | undefined;
  const asked = known(query);
  if (asked) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const lang = known(tag);
    if (lang) return lang;
  }
  return 'en';
}

/** Fills `{name}` placeholders; the page templates escape the result. */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
