// What the system tells the person (status emails, "what to do" on the status page), in their
// language. One table per language with the same keys, so a message missing in one fails typecheck.
// Technical reasons quoted from a page or a mail (`reason`, `auth`) stay as they came.
import type { Language } from './model.ts';

type Vars = Record<string, string | undefined>;
type Message = (v: Vars) => string;

const en = {
  handoverSettings: (v: Vars) => `Open ${v.provider} > ${v.path} and switch off "${v.label}".`,
  handoverWebform: (v: Vars) => `Fill in ${v.provider}'s form "${v.label}" (we cannot send it for you without a session).`,
  handoverNone: (v: Vars) => `${v.provider} offers no channel for your region that we can use; contact them at ${v.source}.`,
  browserStopped: (v: Vars) => `The browser had to stop: ${v.reason}.`,
  browserCouldNot: (v: Vars) => `We could not do this for you (${v.reason}).`,
  browserLateTryFailed: () => 'We tried with your session but could not finish it.',
  bounced: (v: Vars) => `Our letter to ${v.target} bounced${v.status ? ` (${v.status})` : ''}; that address no longer works.`,
  identityRequested: (v: Vars) =>
    `${v.provider} asks you to prove your identity. ${v.asked ? `They wrote: "${v.asked}". ` : ''}We never send identity documents for you. For an opt-out of sale/sharing under the CCPA they may not require it (11 CCR §7026(d)); for a GDPR objection they may only ask for what they need to identify you (Art. 12(6)). Answer them directly, with the reference ${v.reference}.`,
  otherChannel: (v: Vars) =>
    `${v.provider} asks that this request be made through another channel${v.url ? `: ${v.url}` : ''}. Please use it; our letter (reference ${v.reference}) stays on record as evidence that you asked.`,
  acknowledged: (v: Vars) => `${v.provider} confirmed that it received your request.`,
  confirmed: (v: Vars) => `${v.provider} confirmed your request.`,
  confirmationNotTrusted: (v: Vars) =>
    `We received what looks like a confirmation from ${v.from}, but it did not pass sender authentication (${v.auth}), so we do not count it. If you trust it, mark the request as confirmed on your status page.`,
  unclearAnswer: (v: Vars) =>
    `${v.provider} answered, but we could not tell what the answer means. Please read it (linked on your status page) and mark the request confirmed if it is done.`,
  refusedNoData: () => 'The company says it holds no data for your account. If that is wrong (for example, another email address), tell it directly.',
  refusedNotApplicable: () => 'The company says the law does not apply to it or to this request.',
  refusedCompellingGrounds: () =>
    'The company claims compelling legitimate grounds that override your objection (GDPR Art. 21(1)); it must demonstrate them.',
  refusedExemption: () => 'The company claims an exemption.',
  refusedOther: () => 'The company refused your request.',
  refusedNext: () => 'You can complain to the competent authority; we sent you a draft.',
  extensionNotAllowed: (v: Vars) =>
    `${v.provider} claims more time, but an opt-out of sale/sharing must be honoured within 15 business days (11 CCR §7026(f)); no extension applies. The deadline stays ${v.due}.`,
  extensionLate: (v: Vars) =>
    `${v.provider} claimed an extension only after the deadline of ${v.due} had passed; the law allows one only within the first period (GDPR Art. 12(3), and likewise the US laws), so the deadline stays.`,
  extended: (v: Vars) => `${v.provider} extended the deadline to ${v.due}, as the law allows once.`,
  escalatedRefused: (v: Vars) => `${v.provider} refused your request. You can complain to the competent authority; a draft is below.`,
  escalatedNoAnswer: (v: Vars) =>
    `${v.provider} did not answer in time, even after a reminder and a final notice. You can complain to the competent authority; a draft is below.`,
  submitTo: (v: Vars) => `Submit it to ${v.authority}${v.webform ? ` (${v.webform})` : ''}${v.email ? ` or by email to ${v.email}` : ''}.`,
  orOwnAuthority: (v: Vars) => `You may instead complain to your own authority, ${v.authority}${v.webform ? ` (${v.webform})` : ''}.`,
  noAuthority: () =>
    'We know of no authority for your region: fill in the consumer or data protection authority you send it to, where the draft leaves a place for it.',
  submitToEnforcer: (v: Vars) =>
    `Submit it to the ${v.enforcer}, who enforces the ${v.act}${v.citation ? ` (${v.citation})` : ''}: add the office's address, or use its online complaint form.`,
  requestFailed: (v: Vars) => `We could not finish this request (${v.reason}). You can send it yourself, or contact the operator of this service.`,
  recheckReverted: (v: Vars) => `"${v.label}" had been switched back on. We switched it off again and read it back as off.`,
  recheckStopped: (v: Vars) =>
    `We could not re-check "${v.label}": ${v.reason}. Upload a fresh session on your status page to keep the re-checks going.`,
  recheckFailed: (v: Vars) => `Re-checking "${v.label}" failed: ${v.reason}. We will try again at the next re-check.`,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

const de: Record<MessageKey, Message> = {
  handoverSettings: (v) => `Öffnen Sie ${v.provider} > ${v.path} und schalten Sie „${v.label}“ aus.`,
  handoverWebform: (v) => `Füllen Sie das Formular „${v.label}“ von ${v.provider} aus (ohne Sitzung können wir es nicht für Sie senden).`,
  handoverNone: (v) => `${v.provider} bietet für Ihre Region keinen Weg, den wir nutzen können; wenden Sie sich an ${v.source}.`,
  browserStopped: (v) => `Der Browser musste anhalten: ${v.reason}.`,
  browserCouldNot: (v) => `Wir konnten das nicht für Sie erledigen (${v.reason}).`,
  browserLateTryFailed: () => 'Wir haben es mit Ihrer Sitzung versucht, konnten es aber nicht abschließen.',
  bounced: (v) => `Unser Brief an ${v.target} kam als unzustellbar zurück${v.status ? ` (${v.status})` : ''}; diese Adresse funktioniert nicht mehr.`,
  identityRequested: (v) =>
    `${v.provider} bittet Sie, Ihre Identität nachzuweisen. ${v.asked ? `Dort heißt es: „${v.asked}“. ` : ''}Wir senden niemals Ausweisdokumente für Sie. Für einen DSGVO-Widerspruch darf nur verlangt werden, was zu Ihrer Identifizierung nötig ist (Art. 12 Abs. 6 DSGVO). Antworten Sie direkt und nennen Sie das Aktenzeichen ${v.reference}.`,
  otherChannel: (v) =>
    `${v.provider} möchte, dass diese Anfrage über einen anderen Weg gestellt wird${v.url ? `: ${v.url}` : ''}. Bitte nutzen Sie ihn; unser Brief (Aktenzeichen ${v.reference}) bleibt als Nachweis Ihrer Anfrage erhalten.`,
  acknowledged: (v) => `${v.provider} hat den Eingang Ihrer Anfrage bestätigt.`,
  confirmed: (v) => `${v.provider} hat Ihre Anfrage bestätigt.`,
  confirmationNotTrusted: (v) =>
    `Wir haben von ${v.from} etwas erhalten, das wie eine Bestätigung aussieht, das aber die Absenderprüfung nicht bestanden hat (${v.auth}); daher zählen wir es nicht. Wenn Sie ihm vertrauen, markieren Sie die Anfrage auf Ihrer Statusseite als bestätigt.`,
  unclearAnswer: (v) =>
    `${v.provider} hat geantwortet, aber wir konnten die Antwort nicht eindeutig zuordnen. Bitte lesen Sie sie (verlinkt auf Ihrer Statusseite) und markieren Sie die Anfrage als bestätigt, wenn sie erledigt ist.`,
  refusedNoData: () =>
    'Das Unternehmen gibt an, zu Ihrem Konto keine Daten zu haben. Wenn das nicht stimmt (etwa wegen einer anderen E-Mail-Adresse), teilen Sie es ihm direkt mit.',
  refusedNotApplicable: () => 'Das Unternehmen meint, das Gesetz gelte nicht für es oder für diese Anfrage.',
  refusedCompellingGrounds: () =>
    'Das Unternehmen beruft sich auf zwingende schutzwürdige Gründe, die Ihren Widerspruch überwiegen (Art. 21 Abs. 1 DSGVO); diese muss es nachweisen.',
  refusedExemption: () => 'Das Unternehmen beruft sich auf eine Ausnahme.',
  refusedOther: () => 'Das Unternehmen hat Ihre Anfrage abgelehnt.',
  refusedNext: () => 'Sie können sich bei der zuständigen Behörde beschweren; wir haben Ihnen einen Entwurf geschickt.',
  extensionNotAllowed: (v) =>
    `${v.provider} verlangt mehr Zeit, aber ein Opt-out aus Verkauf/Weitergabe muss binnen 15 Werktagen umgesetzt werden (11 CCR §7026(f)); eine Verlängerung gibt es nicht. Die Frist bleibt der ${v.due}.`,
  extensionLate: (v) =>
    `${v.provider} hat eine Fristverlängerung erst nach Ablauf der Frist am ${v.due} erklärt; das Gesetz erlaubt sie nur innerhalb der ersten Frist (Art. 12 Abs. 3 DSGVO, ebenso die US-Gesetze), die Frist bleibt.`,
  extended: (v) => `${v.provider} hat die Frist bis ${v.due} verlängert, wie es das Gesetz einmal erlaubt.`,
  escalatedRefused: (v) => `${v.provider} hat Ihre Anfrage abgelehnt. Sie können sich bei der zuständigen Behörde beschweren; ein Entwurf folgt unten.`,
  escalatedNoAnswer: (v) =>
    `${v.provider} hat nicht fristgerecht geantwortet, auch nicht nach Erinnerung und letzter Aufforderung. Sie können sich bei der zuständigen Behörde beschweren; ein Entwurf folgt unten.`,
  submitTo: (v) => `Reichen Sie ihn bei ${v.authority} ein${v.webform ? ` (${v.webform})` : ''}${v.email ? ` oder per E-Mail an ${v.email}` : ''}.`,
  orOwnAuthority: (v) => `Sie können sich stattdessen auch bei Ihrer eigenen Behörde beschweren: ${v.authority}${v.webform ? ` (${v.webform})` : ''}.`,
  noAuthority: () =>
    'Für Ihre Region kennen wir keine Behörde: Tragen Sie die Verbraucher- oder Datenschutzbehörde, an die Sie ihn senden, an der vorgesehenen Stelle im Entwurf ein.',
  submitToEnforcer: (v) =>
    `Reichen Sie ihn beim ${v.enforcer} ein, der den ${v.act} durchsetzt${v.citation ? ` (${v.citation})` : ''}: Ergänzen Sie die Anschrift der Behörde oder nutzen Sie ihr Online-Beschwerdeformular.`,
  requestFailed: (v) =>
    `Wir konnten diese Anfrage nicht abschließen (${v.reason}). Sie können sie selbst senden oder sich an den Betreiber dieses Dienstes wenden.`,
  recheckReverted: (v) => `„${v.label}“ war wieder eingeschaltet. Wir haben es erneut ausgeschaltet und geprüft, dass es aus ist.`,
  recheckStopped: (v) =>
    `Wir konnten „${v.label}“ nicht erneut prüfen: ${v.reason}. Laden Sie auf Ihrer Statusseite eine neue Sitzung hoch, damit die Prüfungen weiterlaufen.`,
  recheckFailed: (v) => `Die erneute Prüfung von „${v.label}“ ist fehlgeschlagen: ${v.reason}. Wir versuchen es bei der nächsten Prüfung wieder.`,
};

const MESSAGES: Record<Language, Record<MessageKey, Message>> = { en, de };

export function message(lang: Language, key: MessageKey, vars: Vars = {}): string {
  return MESSAGES[lang][key](vars);
}
