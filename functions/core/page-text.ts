// The words of the pages a person sees (the form, confirm, confirmed, status), in their language.
// The same keys in every language: a text missing in one fails the typecheck. Timeline entries stay
// in English, as the record of what happened.
import { LANGUAGES, type Language } from './model.ts';
import { es, fr, it, nl, pl } from './page-text-languages.ts';

const en = {
  formTitle: 'keep your data out of AI training',
  formIntro:
    'List your accounts. For each one we send the opt-out through the channel the company honours (a GDPR objection or a US privacy-law request by email, its web form, or its settings toggle), follow up until it confirms, and tell you where each request stands.',
  languageNav: 'Language',
  formYou: 'You',
  formName: 'Full name',
  formEmail: 'Email address (we send a confirmation link; companies reply with you in copy)',
  formAccounts: 'Your accounts',
  formService: 'Service',
  formChoose: 'Choose…',
  formSearch: 'Not in the list? Search any company by name or domain',
  formSearchNone: 'No company found. Try its official name or its web address.',
  formSearchLetter: 'a letter to its privacy contact',
  formSearchForm: 'its privacy web form, which you fill in',
  formNoOptOut: '{name}: no opt-out of its own; we send the legal letter',
  formIdentifier: 'Account (username or email address)',
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
  // Personal mode (infra/local/personal.ts): the letters are the person's own, from their own address.
  formEmailPersonal: 'Your email address (letters go from it, and companies reply to it; the replies are read from your inbox)',
  formConsentPersonal: 'I want these requests sent in my own name, from my own email address.',
  formGroupLetterHintPersonal: 'A written objection or opt-out by email, from your own address and in your name. We follow up until the company answers.',
  formAuthorization: 'Your signed authorization',
  formAuthorizationText:
    'I, the person named above, authorize {agent} ({contact}) to act as my authorized agent: to submit in my name and on my behalf, to each business behind the accounts listed above, the opt-out and objection requests the law where I live gives me (under the CCPA: opt-out of sale and sharing, limit on sensitive personal information; under a US state act: opt-out and deletion; under the GDPR: objection, restriction and erasure), a request not to use my data for AI training, reminders and final notices about them, and to receive the replies. {agent} may use my details only for these requests. Each business may confirm this with me directly at my email address. I can revoke it at any time. I sign it electronically, today, by typing my full name below. The exact text, with the businesses and requests filled in, goes with every letter as a PDF.',
  formAuthorizationFor: 'The businesses:',
  formSignature: 'Signature: type your full name, as above',
  formSend: 'Send my requests',
  formSent: 'Almost done: we sent you an email. Open the link in it to confirm your address; nothing is sent before that.',
  // form
  formResidence: 'Where you live',
  formResidenceHint:
    'In Germany, choose your Land; in the United States, your state. The law that protects you, and the authority you can complain to, depend on it.',
  formResidenceGermany: 'Germany: your Land',
  formResidenceUs: 'United States: your state',
  formResidenceCountries: 'Countries',
  formBasicHint: 'Choose one service here. With JavaScript switched on, this form lets you choose several, search for any company and preview the letters.',
  formServices: 'Services',
  formChooseResidenceFirst: 'Choose where you live above: the list then shows what we do for each service.',
  formGroupLetter: 'We send a letter',
  formGroupLetterHint: 'A written objection or opt-out by email, as your authorized agent, with you in copy. We follow up until the company answers.',
  formGroupSession: 'We can switch the setting for you, with your session',
  formGroupSessionHint:
    'Once you have confirmed your address, you can hand over your logged-in session on your status page (never your password): our browser then switches the setting off, reads it back and keeps a screenshot. Until then we show you where to do it yourself.',
  formGroupYourself: 'You fill in a form or switch it yourself; we show you exactly where',
  formGroupYourselfHint:
    'This company takes the opt-out only in its own form or setting. We show you the way and the link, and keep track until you mark it done.',
  formIdentifierFor: 'Your {name} account ({hint})',
  formWhere: 'Where to do it at {name}',
  formSessionOptional: 'Optional: give an exported cookie file now',
  formSessionFile: 'Exported cookie file of your {name} session (you can also hand it over later on your status page)',
  formAdded: '{name} is on your list.',
  formChosenCount: '{count} chosen',
  formPreview: 'Preview what we send',
  formPreviewHeading: 'What we will send',
  formPreviewNote:
    'Each letter exactly as it will go out. {reference} stands for its reference, which it gets when it is sent; the due date counts from today. Nothing has been sent or stored.',
  formPreviewTo: 'To',
  formPreviewCc: 'Copy to',
  formPreviewSubject: 'Subject',
  formPreviewAttached: 'Attached',
  formPreviewDue: 'Answer due by',
  formPreviewLetter: '{name}: letter to {to}',
  formPreviewBrowser: '{name}: we switch it in your account with your session, read it back and keep a screenshot.',
  formPreviewHandover: '{name}: for you to do',
  formPreviewAuthorization: 'The authorization you sign (attached to each letter as {pdf})',
  formPreviewUnsigned: 'Not signed yet: type your full name in the signature field below.',
  formPreviewSigned: 'Signed: {signature}',
  formErrorsHeading: 'Please correct the following',
  formErrName: 'Type your full name, on one line.',
  formErrEmail: 'Type your email address, like name@example.org.',
  formErrResidence: 'Choose where you live from the list.',
  formErrAccounts: 'Choose at least one service.',
  formErrIdentifier: 'Type your username or the email address of this account.',
  formErrSession: 'This cookie file cannot be used for this service.',
  formErrGrounds: 'Check your reasons: your own words may have at most 500 characters.',
  formErrGroundChoices: 'Choose your reasons from the ones listed.',
  formErrSignature: 'Type your full name exactly as above, as your signature.',
  formErrConsent: 'Tick the box to instruct us to send the requests.',
  formErrOther: 'Something was refused',
  formSentTitle: 'Check your email',
  formSentBack: 'Back to the form',
  errorBack: 'Back to the form',
  errorNotFoundTitle: 'Not found',
  errorNoPage: 'There is no page here.',
  errorVerifyLink: 'This confirmation link is not valid. Check that you opened the whole link from the email; if it still does not work, send the form again.',
  errorStatusLink:
    'This link does not open a status page. Check that you opened the whole link from the email. If you deleted everything, the page no longer exists.',
  errorRequestMissing: 'This request is not on your status page.',
  errorNotFound: 'What this link points to does not exist.',
  errorConflictTitle: 'Not possible',
  errorCancelled: 'These requests were cancelled: there is nothing left to confirm.',
  errorRequestClosed: 'This request is already closed: there is nothing more to do for it.',
  errorRequestChanged: 'This request changed in the meantime. Reload the status page and try again.',
  errorConflict: 'This is not possible in the current state of your requests.',
  errorRefusedTitle: 'Refused',
  errorForeignPost: 'This form can only be sent from its own page.',
  errorBadRequest: 'This page could not read what your browser sent (it was too long or not readable text). Go back to the form and try again.',
  verifyTitle: 'Confirm your requests',
  verifyHeading: 'Confirm your {count} opt-out requests',
  verifyBody: 'This confirms that {email} is your address and that Optout Autopilot may send the requests on your behalf. Nothing has been sent yet.',
  verifyButton: 'Confirm and send my requests',
  verifyWhat: 'The letters will go out in the name of {name}, for these accounts:',
  verifyNotYou:
    'If you did not fill in this form yourself, or this is not your name, close this page: nothing will be sent, and everything is deleted after {hours} hours.',
  verifiedTitle: 'Address confirmed',
  verifiedHeading: 'Thank you, your address is confirmed',
  verifiedBody: 'We are sending your requests now and will email you a summary.',
  verifiedLink: 'Open your status page',
  verifiedPrivate: '(keep this link private: it shows your requests)',
  statusTitle: 'Your opt-out requests',
  statusFor: 'For {name}.',
  statusConfirmFirst: 'Confirm your email address first: nothing is sent before that.',
  colHistory: 'History',
  historyNote: 'The history is kept in English, as the record.',
  reference: 'ref',
  sessionUpload: 'Let us do it: upload your exported {provider} cookies (no password)',
  sessionKeep: 'keep the session to re-check the setting every month',
  sessionButton: 'Upload session',
  sessionChooseFile: 'Choose the exported cookie file first.',
  sessionSaved: 'Session saved ({cookies} cookies).',
  sessionSoon: 'We will use it within the hour.',
  markConfirmed: 'Mark as confirmed',
  cancel: 'Cancel',
  screenshot: 'screenshot',
  // status
  statusSummary: 'At a glance',
  summaryNeedsYouOne: '{count} needs you',
  summaryNeedsYouOther: '{count} need you',
  summaryWaitingOne: '{count} sent and waiting',
  summaryWaitingOther: '{count} sent and waiting',
  summaryConfirmedOne: '{count} confirmed',
  summaryConfirmedOther: '{count} confirmed',
  summaryCancelledOne: '{count} cancelled',
  summaryCancelledOther: '{count} cancelled',
  cardDoneEmail: 'Sent as a letter by email to {target}',
  cardTodoEmail: 'A letter by email, being prepared',
  cardDoneSettings: 'Setting switched off in your account',
  cardTodoSettings: 'A setting in your account, to be switched off',
  cardDoneWebform: 'Form sent for you',
  cardTodoWebform: 'A form for you to fill in',
  cardNoChannel: 'No channel we can use',
  cardProgress: 'Progress',
  cardNext: 'Next:',
  stepSentDone: 'Letter sent on {date}',
  stepSentPlanned: 'Letter being sent',
  stepDue: 'Answer due by {date}',
  stepReminderDone: 'Reminder sent on {date}',
  stepReminderPlanned: 'Reminder on {date} if no answer',
  stepReminderSkipped: 'Reminder: not needed',
  stepFinalNoticeDone: 'Final notice sent on {date}',
  stepFinalNoticePlanned: 'Final notice on {date} if still no answer',
  stepFinalNoticeSkipped: 'Final notice: not needed',
  stepComplaintDone: 'Complaint draft sent to you on {date}',
  stepComplaintPlanned: 'Complaint draft on {date} if still no answer',
  stepComplaintSkipped: 'Complaint: not needed',
  stepBrowserDone: 'Done in your account on {date}',
  stepBrowserPlanned: 'Being done for you in the browser',
  stepHandedOver: 'Handed to you on {date}',
  stepConfirmed: 'Confirmed on {date}',
  stepRefused: 'Refused on {date}',
  stepCancelled: 'Cancelled on {date}',
  stepFailed: 'Stopped on {date}',
  nextQueued: 'We are sending it now.',
  nextReminder: 'If {provider} does not answer by {due}, we send a reminder on {date}.',
  nextFinalNotice: 'If {provider} still does not answer, we send a final notice on {date}.',
  nextComplaint: 'If {provider} still does not answer, you get a complaint draft on {date}.',
  nextWaiting: 'We are waiting for the answer of {provider}.',
  nextYou: 'Your turn: {action}',
  nextYouNoAction: 'Your turn: see the history below.',
  nextRefused: 'We are drafting a complaint for you; it comes by email.',
  nextEscalated: 'Your complaint draft is in your mailbox: check it and submit it yourself.',
  nextConfirmed: 'Done: nothing more to do.',
  nextCancelled: 'Cancelled: we send nothing more.',
  nextFailed: 'We could not finish it. You can send it yourself, or contact the operator of this service.',
  actionOpenAt: 'Open the right page at {provider}',
  actionsMore: 'Other actions',
  actionRecheck: 'Keep it off: hand over a session for monthly re-checks',
  dataHeading: 'Your data',
  dataDownload: 'Download everything we hold about you',
  dataDownloadNote: '(a zip: the timeline as JSON, the letters, the replies and the screenshots)',
  deleteLink: 'Delete everything…',
  deleteConfirmTitle: 'Delete everything?',
  deleteExplain:
    'This stops the follow-up of every request (no reminder, final notice or complaint draft will be sent) and deletes your name, address and accounts, every request and its history, your sessions, and the letters, replies and screenshots we keep. You get one last email confirming it; this page then no longer exists. It cannot be undone: download your data first if you want to keep it.',
  deleteCannot: 'Letters already delivered to companies cannot be recalled: they hold them and must still answer them, and may now write to you directly.',
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
  languageNav: 'Sprache',
  formYou: 'Sie',
  formName: 'Vollständiger Name',
  formEmail: 'E-Mail-Adresse (wir senden einen Bestätigungslink; Unternehmen antworten mit Ihnen in Kopie)',
  formAccounts: 'Ihre Konten',
  formService: 'Dienst',
  formChoose: 'Auswählen…',
  formSearch: 'Nicht in der Liste? Jedes Unternehmen nach Name oder Domain suchen',
  formSearchNone: 'Kein Unternehmen gefunden. Versuchen Sie den offiziellen Namen oder die Webadresse.',
  formSearchLetter: 'ein Schreiben an die Datenschutz-Adresse',
  formSearchForm: 'das Datenschutz-Webformular, das Sie selbst ausfüllen',
  formNoOptOut: '{name}: kein eigenes Opt-out; wir senden das rechtliche Schreiben',
  formIdentifier: 'Konto (Benutzername oder E-Mail-Adresse)',
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
  formEmailPersonal:
    'Ihre E-Mail-Adresse (die Briefe gehen von ihr aus, und die Unternehmen antworten dorthin; die Antworten werden aus Ihrem Posteingang gelesen)',
  formConsentPersonal: 'Ich möchte, dass diese Anfragen in meinem eigenen Namen von meiner eigenen E-Mail-Adresse gesendet werden.',
  formGroupLetterHintPersonal:
    'Ein schriftlicher Widerspruch oder Opt-out per E-Mail, von Ihrer eigenen Adresse und in Ihrem Namen. Wir fassen nach, bis das Unternehmen antwortet.',
  formAuthorization: 'Ihre unterzeichnete Vollmacht',
  formAuthorizationText:
    'Ich, die oben genannte Person, bevollmächtige {agent} ({contact}), als mein bevollmächtigter Vertreter (authorized agent) zu handeln: in meinem Namen und für mich an jedes Unternehmen hinter den oben genannten Konten die Opt-out- und Widerspruchsanträge zu richten, die mir das Recht meines Wohnorts gibt (nach dem CCPA: Opt-out aus Verkauf und Weitergabe, Beschränkung sensibler Informationen; nach einem US-Staatsgesetz: Opt-out und Löschung; nach der DSGVO: Widerspruch, Einschränkung und Löschung), die Bitte, meine Daten nicht für KI-Training zu verwenden, Erinnerungen und letzte Aufforderungen dazu, und die Antworten entgegenzunehmen. {agent} darf meine Angaben nur dafür verwenden. Jedes Unternehmen kann dies direkt bei mir unter meiner E-Mail-Adresse bestätigen lassen. Ich kann die Vollmacht jederzeit widerrufen. Ich unterzeichne sie heute elektronisch, indem ich unten meinen vollständigen Namen eingebe. Der genaue Text, mit den Unternehmen und Anträgen, geht mit jedem Brief als PDF mit.',
  formAuthorizationFor: 'Die Unternehmen:',
  formSignature: 'Unterschrift: Ihr vollständiger Name, wie oben',
  formSend: 'Anfragen senden',
  formSent: 'Fast geschafft: Wir haben Ihnen eine E-Mail geschickt. Öffnen Sie den Link darin, um Ihre Adresse zu bestätigen; vorher wird nichts gesendet.',
  // form
  formResidence: 'Wo Sie wohnen',
  formResidenceHint:
    'In Deutschland wählen Sie Ihr Bundesland, in den USA Ihren Bundesstaat: Davon hängen das Recht ab, das Sie schützt, und die Behörde, bei der Sie sich beschweren können.',
  formResidenceGermany: 'Deutschland: Ihr Bundesland',
  formResidenceUs: 'Vereinigte Staaten: Ihr Bundesstaat',
  formResidenceCountries: 'Weitere Länder',
  formBasicHint:
    'Wählen Sie hier einen Dienst. Mit eingeschaltetem JavaScript können Sie in diesem Formular mehrere wählen, jedes Unternehmen suchen und die Briefe vorab ansehen.',
  formServices: 'Dienste',
  formChooseResidenceFirst: 'Wählen Sie oben, wo Sie wohnen: Die Liste zeigt dann, was wir für jeden Dienst tun.',
  formGroupLetter: 'Wir schicken einen Brief',
  formGroupLetterHint:
    'Ein schriftlicher Widerspruch oder Opt-out per E-Mail, als Ihr bevollmächtigter Vertreter, mit Ihnen in Kopie. Wir fassen nach, bis das Unternehmen antwortet.',
  formGroupSession: 'Wir können die Einstellung für Sie umschalten, mit Ihrer Sitzung',
  formGroupSessionHint:
    'Sobald Sie Ihre Adresse bestätigt haben, können Sie auf Ihrer Statusseite Ihre angemeldete Sitzung übergeben (nie Ihr Passwort): Unser Browser schaltet die Einstellung dann aus, liest sie zur Kontrolle wieder aus und speichert ein Bildschirmfoto. Bis dahin zeigen wir Ihnen, wo Sie es selbst tun.',
  formGroupYourself: 'Sie füllen ein Formular aus oder schalten es selbst um; wir zeigen Ihnen genau, wo',
  formGroupYourselfHint:
    'Dieses Unternehmen nimmt den Widerspruch nur über sein eigenes Formular oder seine Einstellung an. Wir zeigen Ihnen den Weg und den Link und behalten es im Blick, bis Sie es als erledigt markieren.',
  formIdentifierFor: 'Ihr Konto bei {name} ({hint})',
  formWhere: 'Wo Sie es bei {name} tun',
  formSessionOptional: 'Optional: jetzt eine exportierte Cookie-Datei mitgeben',
  formSessionFile: 'Exportierte Cookie-Datei Ihrer Sitzung bei {name} (Sie können sie auch später auf Ihrer Statusseite übergeben)',
  formAdded: '{name} steht auf Ihrer Liste.',
  formChosenCount: '{count} ausgewählt',
  formPreview: 'Vorschau: was wir senden',
  formPreviewHeading: 'Was wir senden werden',
  formPreviewNote:
    'Jeder Brief genau so, wie er verschickt wird. {reference} steht für sein Aktenzeichen, das er beim Versand bekommt; die Frist zählt ab heute. Es wurde nichts gesendet und nichts gespeichert.',
  formPreviewTo: 'An',
  formPreviewCc: 'Kopie an',
  formPreviewSubject: 'Betreff',
  formPreviewAttached: 'Anhang',
  formPreviewDue: 'Antwort fällig bis',
  formPreviewLetter: '{name}: Brief an {to}',
  formPreviewBrowser: '{name}: Wir schalten es mit Ihrer Sitzung in Ihrem Konto um, lesen es wieder aus und speichern ein Bildschirmfoto.',
  formPreviewHandover: '{name}: das erledigen Sie',
  formPreviewAuthorization: 'Die Vollmacht, die Sie unterschreiben (jedem Brief als {pdf} beigefügt)',
  formPreviewUnsigned: 'Noch nicht unterschrieben: Geben Sie unten im Feld für die Unterschrift Ihren vollständigen Namen ein.',
  formPreviewSigned: 'Unterschrieben: {signature}',
  formErrorsHeading: 'Bitte korrigieren Sie Folgendes',
  formErrName: 'Geben Sie Ihren vollständigen Namen in einer Zeile ein.',
  formErrEmail: 'Geben Sie Ihre E-Mail-Adresse ein, etwa name@example.org.',
  formErrResidence: 'Wählen Sie aus der Liste, wo Sie wohnen.',
  formErrAccounts: 'Wählen Sie mindestens einen Dienst.',
  formErrIdentifier: 'Geben Sie den Benutzernamen oder die E-Mail-Adresse dieses Kontos ein.',
  formErrSession: 'Diese Cookie-Datei lässt sich für diesen Dienst nicht verwenden.',
  formErrGrounds: 'Prüfen Sie Ihre Gründe: Ihr eigener Text darf höchstens 500 Zeichen haben.',
  formErrGroundChoices: 'Wählen Sie Ihre Gründe aus den aufgeführten aus.',
  formErrSignature: 'Geben Sie als Unterschrift Ihren vollständigen Namen genau wie oben ein.',
  formErrConsent: 'Setzen Sie das Häkchen, um uns mit dem Senden der Anfragen zu beauftragen.',
  formErrOther: 'Etwas wurde abgelehnt',
  formSentTitle: 'Sehen Sie in Ihr Postfach',
  formSentBack: 'Zurück zum Formular',
  errorBack: 'Zurück zum Formular',
  errorNotFoundTitle: 'Nicht gefunden',
  errorNoPage: 'Unter dieser Adresse gibt es keine Seite.',
  errorVerifyLink:
    'Dieser Bestätigungslink ist ungültig. Prüfen Sie, ob Sie den vollständigen Link aus der E-Mail geöffnet haben; klappt es weiterhin nicht, senden Sie das Formular erneut.',
  errorStatusLink:
    'Dieser Link öffnet keine Statusseite. Prüfen Sie, ob Sie den vollständigen Link aus der E-Mail geöffnet haben. Wenn Sie alles gelöscht haben, gibt es die Seite nicht mehr.',
  errorRequestMissing: 'Diese Anfrage steht nicht auf Ihrer Statusseite.',
  errorNotFound: 'Was dieser Link bezeichnet, gibt es nicht.',
  errorConflictTitle: 'Nicht möglich',
  errorCancelled: 'Diese Anfragen wurden abgebrochen: Es gibt nichts mehr zu bestätigen.',
  errorRequestClosed: 'Diese Anfrage ist bereits abgeschlossen: Es gibt dafür nichts mehr zu tun.',
  errorRequestChanged: 'Diese Anfrage hat sich inzwischen geändert. Laden Sie die Statusseite neu und versuchen Sie es noch einmal.',
  errorConflict: 'Das ist beim jetzigen Stand Ihrer Anfragen nicht möglich.',
  errorRefusedTitle: 'Abgelehnt',
  errorForeignPost: 'Dieses Formular lässt sich nur von seiner eigenen Seite aus senden.',
  errorBadRequest:
    'Diese Seite konnte nicht lesen, was Ihr Browser gesendet hat (es war zu lang oder kein lesbarer Text). Gehen Sie zurück zum Formular und versuchen Sie es erneut.',
  verifyTitle: 'Anfragen bestätigen',
  verifyHeading: 'Bestätigen Sie Ihre {count} Opt-out-Anfragen',
  verifyBody:
    'Damit bestätigen Sie, dass {email} Ihre Adresse ist und Optout Autopilot die Anfragen in Ihrem Auftrag senden darf. Bisher wurde nichts gesendet.',
  verifyButton: 'Bestätigen und Anfragen senden',
  verifyWhat: 'Die Schreiben gehen im Namen von {name} hinaus, für diese Konten:',
  verifyNotYou:
    'Wenn Sie dieses Formular nicht selbst ausgefüllt haben oder dies nicht Ihr Name ist, schließen Sie diese Seite: Es wird nichts gesendet, und alles wird nach {hours} Stunden gelöscht.',
  verifiedTitle: 'Adresse bestätigt',
  verifiedHeading: 'Danke, Ihre Adresse ist bestätigt',
  verifiedBody: 'Wir senden Ihre Anfragen jetzt und schicken Ihnen eine Übersicht per E-Mail.',
  verifiedLink: 'Zu Ihrer Statusseite',
  verifiedPrivate: '(geben Sie diesen Link nicht weiter: er zeigt Ihre Anfragen)',
  statusTitle: 'Ihre Opt-out-Anfragen',
  statusFor: 'Für {name}.',
  statusConfirmFirst: 'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse: vorher wird nichts gesendet.',
  colHistory: 'Verlauf',
  historyNote: 'Der Verlauf wird als Nachweis auf Englisch geführt.',
  reference: 'Az.',
  sessionUpload: 'Wir erledigen es: laden Sie Ihre exportierten {provider}-Cookies hoch (kein Passwort)',
  sessionKeep: 'Sitzung behalten, um die Einstellung jeden Monat zu prüfen',
  sessionButton: 'Sitzung hochladen',
  sessionChooseFile: 'Bitte wählen Sie zuerst die exportierte Cookie-Datei.',
  sessionSaved: 'Sitzung gespeichert ({cookies} Cookies).',
  sessionSoon: 'Wir verwenden sie innerhalb einer Stunde.',
  markConfirmed: 'Als erledigt markieren',
  cancel: 'Abbrechen',
  screenshot: 'Bildschirmfoto',
  // status
  statusSummary: 'Auf einen Blick',
  summaryNeedsYouOne: '{count} braucht Sie',
  summaryNeedsYouOther: '{count} brauchen Sie',
  summaryWaitingOne: '{count} gesendet, wartet',
  summaryWaitingOther: '{count} gesendet, warten',
  summaryConfirmedOne: '{count} bestätigt',
  summaryConfirmedOther: '{count} bestätigt',
  summaryCancelledOne: '{count} abgebrochen',
  summaryCancelledOther: '{count} abgebrochen',
  cardDoneEmail: 'Als Brief per E-Mail an {target} gesendet',
  cardTodoEmail: 'Ein Brief per E-Mail, wird vorbereitet',
  cardDoneSettings: 'Einstellung in Ihrem Konto ausgeschaltet',
  cardTodoSettings: 'Eine Einstellung in Ihrem Konto, die auszuschalten ist',
  cardDoneWebform: 'Formular für Sie gesendet',
  cardTodoWebform: 'Ein Formular, das Sie ausfüllen',
  cardNoChannel: 'Kein Weg, den wir nutzen können',
  cardProgress: 'Verlauf der Schritte',
  cardNext: 'Als Nächstes:',
  stepSentDone: 'Brief gesendet am {date}',
  stepSentPlanned: 'Brief wird gesendet',
  stepDue: 'Antwort fällig bis {date}',
  stepReminderDone: 'Erinnerung gesendet am {date}',
  stepReminderPlanned: 'Erinnerung am {date}, falls keine Antwort kommt',
  stepReminderSkipped: 'Erinnerung: nicht nötig',
  stepFinalNoticeDone: 'Letzte Aufforderung gesendet am {date}',
  stepFinalNoticePlanned: 'Letzte Aufforderung am {date}, falls weiter keine Antwort kommt',
  stepFinalNoticeSkipped: 'Letzte Aufforderung: nicht nötig',
  stepComplaintDone: 'Beschwerdeentwurf an Sie gesendet am {date}',
  stepComplaintPlanned: 'Beschwerdeentwurf am {date}, falls weiter keine Antwort kommt',
  stepComplaintSkipped: 'Beschwerde: nicht nötig',
  stepBrowserDone: 'In Ihrem Konto erledigt am {date}',
  stepBrowserPlanned: 'Wird im Browser für Sie erledigt',
  stepHandedOver: 'An Sie übergeben am {date}',
  stepConfirmed: 'Bestätigt am {date}',
  stepRefused: 'Abgelehnt am {date}',
  stepCancelled: 'Abgebrochen am {date}',
  stepFailed: 'Angehalten am {date}',
  nextQueued: 'Wir senden es gerade.',
  nextReminder: 'Antwortet {provider} nicht bis {due}, senden wir am {date} eine Erinnerung.',
  nextFinalNotice: 'Antwortet {provider} weiter nicht, senden wir am {date} eine letzte Aufforderung.',
  nextComplaint: 'Antwortet {provider} weiter nicht, erhalten Sie am {date} einen Beschwerdeentwurf.',
  nextWaiting: 'Wir warten auf die Antwort von {provider}.',
  nextYou: 'Sie sind dran: {action}',
  nextYouNoAction: 'Sie sind dran: siehe den Verlauf unten.',
  nextRefused: 'Wir entwerfen eine Beschwerde für Sie; sie kommt per E-Mail.',
  nextEscalated: 'Ihr Beschwerdeentwurf liegt in Ihrem Postfach: prüfen Sie ihn und reichen Sie ihn selbst ein.',
  nextConfirmed: 'Erledigt: nichts weiter zu tun.',
  nextCancelled: 'Abgebrochen: wir senden nichts mehr.',
  nextFailed: 'Wir konnten es nicht abschließen. Sie können es selbst senden oder sich an den Betreiber dieses Dienstes wenden.',
  actionOpenAt: 'Die richtige Seite bei {provider} öffnen',
  actionsMore: 'Weitere Aktionen',
  actionRecheck: 'Damit es aus bleibt: Sitzung für monatliche Prüfungen übergeben',
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

/** Each language's name in that language, for the pages' language switch. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  nl: 'Nederlands',
  pl: 'Polski',
};

/** The entries of a language switch: every language in its own name, the page's own marked current. */
export function languageChoices(current: Language): { code: Language; name: string; current: boolean }[] {
  return LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code], current: code === current }));
}

/**
 * The form's language: `?lang=` if it names one we have, else the first of the browser's
 * Accept-Language we have, else English.
 */
export function pickLanguage(query: string | undefined, acceptLanguage: string | undefined): Language {
  const known = (code: string | undefined) =>
    (LANGUAGES as readonly string[]).find((l) => l === code?.trim().slice(0, 2).toLowerCase()) as Language | undefined;
  const asked = known(query);
  if (asked) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
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
