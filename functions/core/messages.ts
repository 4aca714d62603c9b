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
  refusedCompellingGrounds: () => 'The company claims compelling legitimate grounds that override your objection (GDPR Art. 21(1)); it must demonstrate them.',
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
  complaintAttached: (v: Vars) => `The complaint draft about ${v.provider} is attached as ${v.file}: open it, check it, and submit it yourself.`,
  submitTo: (v: Vars) => `Submit it to ${v.authority}${v.webform ? ` (${v.webform})` : ''}${v.email ? ` or by email to ${v.email}` : ''}.`,
  orOwnAuthority: (v: Vars) => `You may instead complain to your own authority, ${v.authority}${v.webform ? ` (${v.webform})` : ''}.`,
  noAuthority: () =>
    'We know of no authority for your region: fill in the consumer or data protection authority you send it to, where the draft leaves a place for it.',
  submitToEnforcer: (v: Vars) =>
    `Submit it to the ${v.enforcer}, who enforces the ${v.act}${v.citation ? ` (${v.citation})` : ''}: add the office's address, or use its online complaint form.`,
  requestFailed: (v: Vars) => `We could not finish this request (${v.reason}). You can send it yourself, or contact the operator of this service.`,
  recheckReverted: (v: Vars) => `"${v.label}" had been switched back on. We switched it off again and read it back as off.`,
  recheckStopped: (v: Vars) => `We could not re-check "${v.label}": ${v.reason}. Upload a fresh session on your status page to keep the re-checks going.`,
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
  complaintAttached: (v) => `Der Beschwerdeentwurf zu ${v.provider} hängt als ${v.file} an: öffnen, prüfen und selbst einreichen.`,
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

const fr: Record<MessageKey, Message> = {
  handoverSettings: (v) => `Ouvrez ${v.provider} > ${v.path} et désactivez « ${v.label} ».`,
  handoverWebform: (v) => `Remplissez le formulaire « ${v.label} » de ${v.provider} (sans session, nous ne pouvons pas l'envoyer pour vous).`,
  handoverNone: (v) => `${v.provider} n'offre pour votre région aucun canal que nous puissions utiliser ; contactez-le via ${v.source}.`,
  browserStopped: (v) => `Le navigateur a dû s'arrêter : ${v.reason}.`,
  browserCouldNot: (v) => `Nous n'avons pas pu le faire pour vous (${v.reason}).`,
  browserLateTryFailed: () => 'Nous avons essayé avec votre session, sans pouvoir terminer.',
  bounced: (v) => `Notre courrier à ${v.target} n'a pas pu être remis${v.status ? ` (${v.status})` : ''} ; cette adresse ne fonctionne plus.`,
  identityRequested: (v) =>
    `${v.provider} vous demande de prouver votre identité. ${v.asked ? `Message reçu : « ${v.asked} ». ` : ''}Nous n'envoyons jamais de pièce d'identité pour vous. Pour une opposition à la vente ou au partage au titre du CCPA, elle ne peut pas être exigée (11 CCR §7026(d)) ; pour une opposition au titre du RGPD, seul ce qui est nécessaire pour vous identifier peut être demandé (article 12, paragraphe 6, du RGPD). Répondez directement en rappelant la référence ${v.reference}.`,
  otherChannel: (v) =>
    `${v.provider} demande que cette demande passe par un autre canal${v.url ? ` : ${v.url}` : ''}. Veuillez l'utiliser ; notre courrier (référence ${v.reference}) reste au dossier comme preuve de votre demande.`,
  acknowledged: (v) => `${v.provider} a confirmé avoir reçu votre demande.`,
  confirmed: (v) => `${v.provider} a confirmé votre demande.`,
  confirmationNotTrusted: (v) =>
    `Nous avons reçu de ${v.from} ce qui ressemble à une confirmation, mais le message n'a pas passé l'authentification de l'expéditeur (${v.auth}) ; nous n'en tenons donc pas compte. Si vous lui faites confiance, marquez la demande comme confirmée sur votre page de suivi.`,
  unclearAnswer: (v) =>
    `${v.provider} a répondu, mais nous n'avons pas pu déterminer le sens de la réponse. Lisez-la (lien sur votre page de suivi) et marquez la demande comme confirmée si elle est réglée.`,
  refusedNoData: () =>
    "L'entreprise indique ne détenir aucune donnée pour votre compte. Si c'est inexact (par exemple une autre adresse e-mail), dites-le-lui directement.",
  refusedNotApplicable: () => "L'entreprise estime que la loi ne s'applique pas à elle ou à cette demande.",
  refusedCompellingGrounds: () =>
    "L'entreprise invoque des motifs légitimes impérieux qui prévaudraient sur votre opposition (article 21, paragraphe 1, du RGPD) ; il lui appartient de les démontrer.",
  refusedExemption: () => "L'entreprise invoque une exception.",
  refusedOther: () => "L'entreprise a refusé votre demande.",
  refusedNext: () => "Vous pouvez introduire une réclamation auprès de l'autorité compétente ; nous vous avons envoyé un projet.",
  extensionNotAllowed: (v) =>
    `${v.provider} demande plus de temps, mais une opposition à la vente ou au partage doit être exécutée dans les 15 jours ouvrables (11 CCR §7026(f)) ; aucune prolongation n'est possible. Le délai reste fixé au ${v.due}.`,
  extensionLate: (v) =>
    `${v.provider} n'a demandé une prolongation qu'après l'expiration du délai du ${v.due} ; la loi ne la permet que pendant le premier délai (article 12, paragraphe 3, du RGPD, et de même les lois américaines), le délai est donc maintenu.`,
  extended: (v) => `${v.provider} a prolongé le délai jusqu'au ${v.due}, comme la loi le permet une fois.`,
  escalatedRefused: (v) =>
    `${v.provider} a refusé votre demande. Vous pouvez introduire une réclamation auprès de l'autorité compétente ; un projet figure ci-dessous.`,
  escalatedNoAnswer: (v) =>
    `${v.provider} n'a pas répondu dans les délais, même après un rappel et une mise en demeure. Vous pouvez introduire une réclamation auprès de l'autorité compétente ; un projet figure ci-dessous.`,
  complaintAttached: (v) => `Le projet de réclamation concernant ${v.provider} est joint (${v.file}) : ouvrez-le, vérifiez-le et déposez-le vous-même.`,
  submitTo: (v) => `Adressez-le à ${v.authority}${v.webform ? ` (${v.webform})` : ''}${v.email ? ` ou par e-mail à ${v.email}` : ''}.`,
  orOwnAuthority: (v) => `Vous pouvez aussi vous adresser à votre propre autorité, ${v.authority}${v.webform ? ` (${v.webform})` : ''}.`,
  noAuthority: () =>
    "Nous ne connaissons pas d'autorité pour votre région : indiquez l'autorité de protection des consommateurs ou des données à laquelle vous l'adressez, à l'endroit prévu dans le projet.",
  submitToEnforcer: (v) =>
    `Adressez-le au ${v.enforcer}, chargé de faire appliquer le ${v.act}${v.citation ? ` (${v.citation})` : ''} : ajoutez l'adresse du service ou utilisez son formulaire de plainte en ligne.`,
  requestFailed: (v) =>
    `Nous n'avons pas pu mener cette demande à bien (${v.reason}). Vous pouvez l'envoyer vous-même ou contacter l'exploitant de ce service.`,
  recheckReverted: (v) => `« ${v.label} » avait été réactivé. Nous l'avons désactivé de nouveau et avons vérifié qu'il est bien désactivé.`,
  recheckStopped: (v) =>
    `Nous n'avons pas pu revérifier « ${v.label} » : ${v.reason}. Téléversez une nouvelle session sur votre page de suivi pour poursuivre les vérifications.`,
  recheckFailed: (v) => `La nouvelle vérification de « ${v.label} » a échoué : ${v.reason}. Nous réessaierons lors de la prochaine vérification.`,
};

const es: Record<MessageKey, Message> = {
  handoverSettings: (v) => `Abra ${v.provider} > ${v.path} y desactive «${v.label}».`,
  handoverWebform: (v) => `Rellene el formulario «${v.label}» de ${v.provider} (sin una sesión no podemos enviarlo por usted).`,
  handoverNone: (v) => `${v.provider} no ofrece para su región ningún canal que podamos usar; póngase en contacto a través de ${v.source}.`,
  browserStopped: (v) => `El navegador tuvo que detenerse: ${v.reason}.`,
  browserCouldNot: (v) => `No hemos podido hacerlo por usted (${v.reason}).`,
  browserLateTryFailed: () => 'Lo intentamos con su sesión, pero no pudimos terminarlo.',
  bounced: (v) => `Nuestro escrito a ${v.target} fue devuelto${v.status ? ` (${v.status})` : ''}; esa dirección ya no funciona.`,
  identityRequested: (v) =>
    `${v.provider} le pide que acredite su identidad. ${v.asked ? `Escribieron: «${v.asked}». ` : ''}Nunca enviamos documentos de identidad por usted. Para una exclusión de la venta o el intercambio conforme a la CCPA no pueden exigirla (11 CCR §7026(d)); para una oposición conforme al RGPD solo pueden pedir lo necesario para identificarle (artículo 12, apartado 6, del RGPD). Respóndales directamente indicando la referencia ${v.reference}.`,
  otherChannel: (v) =>
    `${v.provider} pide que esta solicitud se presente por otro canal${v.url ? `: ${v.url}` : ''}. Utilícelo, por favor; nuestro escrito (referencia ${v.reference}) queda como prueba de que usted lo pidió.`,
  acknowledged: (v) => `${v.provider} ha confirmado que recibió su solicitud.`,
  confirmed: (v) => `${v.provider} ha confirmado su solicitud.`,
  confirmationNotTrusted: (v) =>
    `Hemos recibido de ${v.from} algo que parece una confirmación, pero no superó la autenticación del remitente (${v.auth}), por lo que no la contamos. Si confía en ella, marque la solicitud como confirmada en su página de estado.`,
  unclearAnswer: (v) =>
    `${v.provider} ha respondido, pero no hemos podido determinar qué significa la respuesta. Léala (enlazada en su página de estado) y marque la solicitud como confirmada si está resuelta.`,
  refusedNoData: () => 'La empresa dice que no tiene datos de su cuenta. Si no es así (por ejemplo, por otra dirección de correo), indíqueselo directamente.',
  refusedNotApplicable: () => 'La empresa sostiene que la ley no se aplica a ella o a esta solicitud.',
  refusedCompellingGrounds: () =>
    'La empresa alega motivos legítimos imperiosos que prevalecerían sobre su oposición (artículo 21, apartado 1, del RGPD); debe acreditarlos.',
  refusedExemption: () => 'La empresa alega una excepción.',
  refusedOther: () => 'La empresa ha rechazado su solicitud.',
  refusedNext: () => 'Puede presentar una reclamación ante la autoridad competente; le hemos enviado un borrador.',
  extensionNotAllowed: (v) =>
    `${v.provider} pide más tiempo, pero una exclusión de la venta o el intercambio debe atenderse en 15 días hábiles (11 CCR §7026(f)); no cabe prórroga. El plazo sigue siendo el ${v.due}.`,
  extensionLate: (v) =>
    `${v.provider} pidió una prórroga cuando ya había vencido el plazo del ${v.due}; la ley solo la permite dentro del primer plazo (artículo 12, apartado 3, del RGPD, y del mismo modo las leyes de EE. UU.), así que el plazo se mantiene.`,
  extended: (v) => `${v.provider} ha prorrogado el plazo hasta el ${v.due}, como la ley permite una vez.`,
  escalatedRefused: (v) => `${v.provider} ha rechazado su solicitud. Puede presentar una reclamación ante la autoridad competente; abajo tiene un borrador.`,
  escalatedNoAnswer: (v) =>
    `${v.provider} no respondió a tiempo, ni siquiera tras un recordatorio y un último requerimiento. Puede presentar una reclamación ante la autoridad competente; abajo tiene un borrador.`,
  complaintAttached: (v) => `El borrador de reclamación sobre ${v.provider} va adjunto como ${v.file}: ábralo, revíselo y preséntelo usted.`,
  submitTo: (v) => `Preséntela ante ${v.authority}${v.webform ? ` (${v.webform})` : ''}${v.email ? ` o por correo electrónico a ${v.email}` : ''}.`,
  orOwnAuthority: (v) => `También puede reclamar ante su propia autoridad, ${v.authority}${v.webform ? ` (${v.webform})` : ''}.`,
  noAuthority: () =>
    'No conocemos ninguna autoridad para su región: indique la autoridad de consumo o de protección de datos a la que la envía, en el lugar previsto del borrador.',
  submitToEnforcer: (v) =>
    `Preséntela ante el ${v.enforcer}, encargado de aplicar la ${v.act}${v.citation ? ` (${v.citation})` : ''}: añada la dirección de la oficina o utilice su formulario de reclamación en línea.`,
  requestFailed: (v) =>
    `No hemos podido completar esta solicitud (${v.reason}). Puede enviarla usted mismo o ponerse en contacto con quien gestiona este servicio.`,
  recheckReverted: (v) => `«${v.label}» se había vuelto a activar. Lo hemos desactivado de nuevo y comprobado que está desactivado.`,
  recheckStopped: (v) =>
    `No hemos podido volver a comprobar «${v.label}»: ${v.reason}. Suba una sesión nueva en su página de estado para que las comprobaciones continúen.`,
  recheckFailed: (v) => `La nueva comprobación de «${v.label}» ha fallado: ${v.reason}. Lo intentaremos de nuevo en la próxima comprobación.`,
};

const it: Record<MessageKey, Message> = {
  handoverSettings: (v) => `Apra ${v.provider} > ${v.path} e disattivi «${v.label}».`,
  handoverWebform: (v) => `Compili il modulo «${v.label}» di ${v.provider} (senza una sessione non possiamo inviarlo per lei).`,
  handoverNone: (v) => `${v.provider} non offre per la sua regione alcun canale che possiamo usare; lo contatti tramite ${v.source}.`,
  browserStopped: (v) => `Il browser ha dovuto fermarsi: ${v.reason}.`,
  browserCouldNot: (v) => `Non siamo riusciti a farlo per lei (${v.reason}).`,
  browserLateTryFailed: () => 'Abbiamo provato con la sua sessione, ma non siamo riusciti a completare.',
  bounced: (v) => `La nostra lettera a ${v.target} è stata respinta${v.status ? ` (${v.status})` : ''}; questo indirizzo non funziona più.`,
  identityRequested: (v) =>
    `${v.provider} le chiede di provare la sua identità. ${v.asked ? `Hanno scritto: «${v.asked}». ` : ''}Non inviamo mai documenti d'identità per lei. Per un'opposizione alla vendita o alla condivisione ai sensi del CCPA non possono pretenderla (11 CCR §7026(d)); per un'opposizione ai sensi del RGPD possono chiedere solo ciò che serve a identificarla (articolo 12, paragrafo 6, del RGPD). Risponda direttamente indicando il riferimento ${v.reference}.`,
  otherChannel: (v) =>
    `${v.provider} chiede che questa richiesta passi per un altro canale${v.url ? `: ${v.url}` : ''}. La preghiamo di usarlo; la nostra lettera (riferimento ${v.reference}) resta agli atti come prova della sua richiesta.`,
  acknowledged: (v) => `${v.provider} ha confermato di aver ricevuto la sua richiesta.`,
  confirmed: (v) => `${v.provider} ha confermato la sua richiesta.`,
  confirmationNotTrusted: (v) =>
    `Abbiamo ricevuto da ${v.from} qualcosa che sembra una conferma, ma non ha superato l'autenticazione del mittente (${v.auth}), quindi non ne teniamo conto. Se la ritiene affidabile, segni la richiesta come confermata nella sua pagina di stato.`,
  unclearAnswer: (v) =>
    `${v.provider} ha risposto, ma non siamo riusciti a capire che cosa significhi la risposta. La legga (il link è nella sua pagina di stato) e segni la richiesta come confermata se è stata evasa.`,
  refusedNoData: () =>
    'La società afferma di non avere dati per il suo account. Se non è così (ad esempio per un altro indirizzo e-mail), glielo comunichi direttamente.',
  refusedNotApplicable: () => 'La società sostiene che la legge non si applica a essa o a questa richiesta.',
  refusedCompellingGrounds: () =>
    'La società invoca motivi legittimi cogenti che prevarrebbero sulla sua opposizione (articolo 21, paragrafo 1, del RGPD); spetta a essa dimostrarli.',
  refusedExemption: () => "La società invoca un'eccezione.",
  refusedOther: () => 'La società ha respinto la sua richiesta.',
  refusedNext: () => "Può proporre reclamo all'autorità competente; le abbiamo inviato una bozza.",
  extensionNotAllowed: (v) =>
    `${v.provider} chiede più tempo, ma un'opposizione alla vendita o alla condivisione va attuata entro 15 giorni lavorativi (11 CCR §7026(f)); non è prevista proroga. Il termine resta il ${v.due}.`,
  extensionLate: (v) =>
    `${v.provider} ha chiesto una proroga solo dopo la scadenza del termine del ${v.due}; la legge la consente solo entro il primo termine (articolo 12, paragrafo 3, del RGPD, e allo stesso modo le leggi statunitensi), quindi il termine resta.`,
  extended: (v) => `${v.provider} ha prorogato il termine al ${v.due}, come la legge consente una volta.`,
  escalatedRefused: (v) => `${v.provider} ha respinto la sua richiesta. Può proporre reclamo all'autorità competente; qui sotto trova una bozza.`,
  escalatedNoAnswer: (v) =>
    `${v.provider} non ha risposto in tempo, nemmeno dopo un sollecito e una diffida. Può proporre reclamo all'autorità competente; qui sotto trova una bozza.`,
  complaintAttached: (v) => `La bozza di reclamo relativa a ${v.provider} è allegata come ${v.file}: la apra, la controlli e la presenti lei stesso.`,
  submitTo: (v) => `Lo presenti a ${v.authority}${v.webform ? ` (${v.webform})` : ''}${v.email ? ` o via e-mail a ${v.email}` : ''}.`,
  orOwnAuthority: (v) => `Può invece rivolgersi alla sua autorità, ${v.authority}${v.webform ? ` (${v.webform})` : ''}.`,
  noAuthority: () =>
    "Non conosciamo alcuna autorità per la sua regione: indichi l'autorità per i consumatori o per la protezione dei dati a cui lo invia, nello spazio previsto nella bozza.",
  submitToEnforcer: (v) =>
    `Lo presenti al ${v.enforcer}, incaricato dell'applicazione del ${v.act}${v.citation ? ` (${v.citation})` : ''}: aggiunga l'indirizzo dell'ufficio o usi il suo modulo di reclamo online.`,
  requestFailed: (v) => `Non siamo riusciti a completare questa richiesta (${v.reason}). Può inviarla lei stesso o contattare il gestore di questo servizio.`,
  recheckReverted: (v) => `«${v.label}» era stato riattivato. Lo abbiamo disattivato di nuovo e verificato che è disattivato.`,
  recheckStopped: (v) =>
    `Non siamo riusciti a ricontrollare «${v.label}»: ${v.reason}. Carichi una nuova sessione nella sua pagina di stato perché i controlli continuino.`,
  recheckFailed: (v) => `Il nuovo controllo di «${v.label}» non è riuscito: ${v.reason}. Riproveremo al prossimo controllo.`,
};

const nl: Record<MessageKey, Message> = {
  handoverSettings: (v) => `Open ${v.provider} > ${v.path} en zet "${v.label}" uit.`,
  handoverWebform: (v) => `Vul het formulier "${v.label}" van ${v.provider} in (zonder sessie kunnen wij het niet voor u versturen).`,
  handoverNone: (v) => `${v.provider} biedt voor uw regio geen kanaal dat wij kunnen gebruiken; neem contact op via ${v.source}.`,
  browserStopped: (v) => `De browser moest stoppen: ${v.reason}.`,
  browserCouldNot: (v) => `Wij konden dit niet voor u doen (${v.reason}).`,
  browserLateTryFailed: () => 'Wij hebben het met uw sessie geprobeerd, maar konden het niet afronden.',
  bounced: (v) => `Onze brief aan ${v.target} kwam onbestelbaar terug${v.status ? ` (${v.status})` : ''}; dat adres werkt niet meer.`,
  identityRequested: (v) =>
    `${v.provider} vraagt u uw identiteit aan te tonen. ${v.asked ? `Zij schreven: "${v.asked}". ` : ''}Wij sturen nooit identiteitsbewijzen voor u. Voor een opt-out van verkoop of delen onder de CCPA mogen zij dat niet eisen (11 CCR §7026(d)); voor een bezwaar onder de AVG mogen zij alleen vragen wat nodig is om u te identificeren (artikel 12, lid 6, AVG). Antwoord hun rechtstreeks en vermeld de referentie ${v.reference}.`,
  otherChannel: (v) =>
    `${v.provider} vraagt om dit verzoek via een ander kanaal te doen${v.url ? `: ${v.url}` : ''}. Gebruik dat alstublieft; onze brief (referentie ${v.reference}) blijft bewaard als bewijs dat u het hebt gevraagd.`,
  acknowledged: (v) => `${v.provider} heeft bevestigd dat het uw verzoek heeft ontvangen.`,
  confirmed: (v) => `${v.provider} heeft uw verzoek bevestigd.`,
  confirmationNotTrusted: (v) =>
    `Wij hebben van ${v.from} iets ontvangen dat op een bevestiging lijkt, maar het doorstond de afzendercontrole niet (${v.auth}), dus tellen wij het niet mee. Vertrouwt u het, markeer het verzoek dan op uw statuspagina als bevestigd.`,
  unclearAnswer: (v) =>
    `${v.provider} heeft geantwoord, maar wij konden niet vaststellen wat het antwoord betekent. Lees het (gelinkt op uw statuspagina) en markeer het verzoek als bevestigd als het is afgehandeld.`,
  refusedNoData: () =>
    'Het bedrijf zegt geen gegevens over uw account te hebben. Klopt dat niet (bijvoorbeeld door een ander e-mailadres), laat het dat dan rechtstreeks weten.',
  refusedNotApplicable: () => 'Het bedrijf stelt dat de wet niet op hem of op dit verzoek van toepassing is.',
  refusedCompellingGrounds: () =>
    'Het bedrijf beroept zich op dwingende gerechtvaardigde gronden die zwaarder zouden wegen dan uw bezwaar (artikel 21, lid 1, AVG); die moet het aantonen.',
  refusedExemption: () => 'Het bedrijf beroept zich op een uitzondering.',
  refusedOther: () => 'Het bedrijf heeft uw verzoek geweigerd.',
  refusedNext: () => 'U kunt een klacht indienen bij de bevoegde autoriteit; wij hebben u een concept gestuurd.',
  extensionNotAllowed: (v) =>
    `${v.provider} vraagt meer tijd, maar een opt-out van verkoop of delen moet binnen 15 werkdagen worden uitgevoerd (11 CCR §7026(f)); verlenging is niet mogelijk. De termijn blijft ${v.due}.`,
  extensionLate: (v) =>
    `${v.provider} heeft pas na het verstrijken van de termijn van ${v.due} om verlenging gevraagd; de wet staat dat alleen binnen de eerste termijn toe (artikel 12, lid 3, AVG, en evenzo de Amerikaanse wetten), dus de termijn blijft.`,
  extended: (v) => `${v.provider} heeft de termijn verlengd tot ${v.due}, zoals de wet eenmaal toestaat.`,
  escalatedRefused: (v) => `${v.provider} heeft uw verzoek geweigerd. U kunt een klacht indienen bij de bevoegde autoriteit; hieronder staat een concept.`,
  escalatedNoAnswer: (v) =>
    `${v.provider} heeft niet op tijd geantwoord, ook niet na een herinnering en een laatste aanmaning. U kunt een klacht indienen bij de bevoegde autoriteit; hieronder staat een concept.`,
  complaintAttached: (v) => `De conceptklacht over ${v.provider} is bijgevoegd als ${v.file}: open hem, controleer hem en dien hem zelf in.`,
  submitTo: (v) => `Dien hem in bij ${v.authority}${v.webform ? ` (${v.webform})` : ''}${v.email ? ` of per e-mail aan ${v.email}` : ''}.`,
  orOwnAuthority: (v) => `U kunt ook een klacht indienen bij uw eigen autoriteit, ${v.authority}${v.webform ? ` (${v.webform})` : ''}.`,
  noAuthority: () =>
    'Wij kennen geen autoriteit voor uw regio: vul de consumenten- of privacytoezichthouder waaraan u hem stuurt in op de daarvoor bestemde plaats in het concept.',
  submitToEnforcer: (v) =>
    `Dien hem in bij de ${v.enforcer}, die de ${v.act} handhaaft${v.citation ? ` (${v.citation})` : ''}: vul het adres van het kantoor aan of gebruik het online klachtenformulier.`,
  requestFailed: (v) => `Wij konden dit verzoek niet afronden (${v.reason}). U kunt het zelf versturen of contact opnemen met de beheerder van deze dienst.`,
  recheckReverted: (v) => `"${v.label}" was weer ingeschakeld. Wij hebben het opnieuw uitgeschakeld en gecontroleerd dat het uit staat.`,
  recheckStopped: (v) =>
    `Wij konden "${v.label}" niet opnieuw controleren: ${v.reason}. Upload een nieuwe sessie op uw statuspagina om de controles door te laten gaan.`,
  recheckFailed: (v) => `De nieuwe controle van "${v.label}" is mislukt: ${v.reason}. Wij proberen het bij de volgende controle opnieuw.`,
};

const pl: Record<MessageKey, Message> = {
  handoverSettings: (v) => `Proszę otworzyć ${v.provider} > ${v.path} i wyłączyć „${v.label}”.`,
  handoverWebform: (v) => `Proszę wypełnić formularz „${v.label}” serwisu ${v.provider} (bez sesji nie możemy go wysłać za Państwa).`,
  handoverNone: (v) => `${v.provider} nie oferuje dla Państwa regionu żadnego kanału, z którego możemy skorzystać; prosimy o kontakt przez ${v.source}.`,
  browserStopped: (v) => `Przeglądarka musiała się zatrzymać: ${v.reason}.`,
  browserCouldNot: (v) => `Nie udało się nam tego zrobić za Państwa (${v.reason}).`,
  browserLateTryFailed: () => 'Próbowaliśmy z Państwa sesją, ale nie udało się tego dokończyć.',
  bounced: (v) => `Nasze pismo do ${v.target} nie zostało doręczone${v.status ? ` (${v.status})` : ''}; ten adres już nie działa.`,
  identityRequested: (v) =>
    `${v.provider} prosi o potwierdzenie Państwa tożsamości. ${v.asked ? `Napisano: „${v.asked}”. ` : ''}Nigdy nie wysyłamy dokumentów tożsamości za Państwa. Przy rezygnacji ze sprzedaży lub udostępniania na podstawie CCPA nie można tego wymagać (11 CCR §7026(d)); przy sprzeciwie na podstawie RODO można żądać tylko tego, co niezbędne do identyfikacji (art. 12 ust. 6 RODO). Prosimy odpowiedzieć bezpośrednio, podając numer referencyjny ${v.reference}.`,
  otherChannel: (v) =>
    `${v.provider} prosi o złożenie tego żądania innym kanałem${v.url ? `: ${v.url}` : ''}. Prosimy z niego skorzystać; nasze pismo (numer referencyjny ${v.reference}) pozostaje dowodem, że żądanie zostało złożone.`,
  acknowledged: (v) => `${v.provider} potwierdził otrzymanie Państwa żądania.`,
  confirmed: (v) => `${v.provider} potwierdził wykonanie Państwa żądania.`,
  confirmationNotTrusted: (v) =>
    `Otrzymaliśmy od ${v.from} wiadomość wyglądającą na potwierdzenie, ale nie przeszła ona uwierzytelnienia nadawcy (${v.auth}), więc jej nie uwzględniamy. Jeśli uznają ją Państwo za wiarygodną, prosimy oznaczyć żądanie jako potwierdzone na stronie statusu.`,
  unclearAnswer: (v) =>
    `${v.provider} odpowiedział, ale nie udało się nam ustalić, co oznacza ta odpowiedź. Prosimy ją przeczytać (link na stronie statusu) i oznaczyć żądanie jako potwierdzone, jeśli zostało załatwione.`,
  refusedNoData: () =>
    'Firma twierdzi, że nie ma danych dotyczących Państwa konta. Jeśli to nieprawda (np. z powodu innego adresu e-mail), prosimy poinformować ją o tym bezpośrednio.',
  refusedNotApplicable: () => 'Firma twierdzi, że prawo nie ma zastosowania do niej lub do tego żądania.',
  refusedCompellingGrounds: () =>
    'Firma powołuje się na ważne prawnie uzasadnione podstawy, które miałyby być nadrzędne wobec Państwa sprzeciwu (art. 21 ust. 1 RODO); musi je wykazać.',
  refusedExemption: () => 'Firma powołuje się na wyjątek.',
  refusedOther: () => 'Firma odrzuciła Państwa żądanie.',
  refusedNext: () => 'Mogą Państwo wnieść skargę do właściwego organu; wysłaliśmy Państwu projekt.',
  extensionNotAllowed: (v) =>
    `${v.provider} prosi o więcej czasu, ale rezygnację ze sprzedaży lub udostępniania trzeba wykonać w ciągu 15 dni roboczych (11 CCR §7026(f)); przedłużenie nie przysługuje. Termin pozostaje bez zmian: ${v.due}.`,
  extensionLate: (v) =>
    `${v.provider} zażądał przedłużenia dopiero po upływie terminu ${v.due}; prawo pozwala na nie tylko w pierwotnym terminie (art. 12 ust. 3 RODO, podobnie prawo USA), więc termin pozostaje bez zmian.`,
  extended: (v) => `${v.provider} przedłużył termin do ${v.due}, na co prawo pozwala jeden raz.`,
  escalatedRefused: (v) => `${v.provider} odrzucił Państwa żądanie. Mogą Państwo wnieść skargę do właściwego organu; projekt znajduje się poniżej.`,
  escalatedNoAnswer: (v) =>
    `${v.provider} nie odpowiedział w terminie, nawet po przypomnieniu i ostatecznym wezwaniu. Mogą Państwo wnieść skargę do właściwego organu; projekt znajduje się poniżej.`,
  complaintAttached: (v) => `Projekt skargi dotyczącej ${v.provider} jest w załączniku ${v.file}: prosimy go otworzyć, sprawdzić i złożyć samodzielnie.`,
  submitTo: (v) => `Prosimy złożyć ją do: ${v.authority}${v.webform ? ` (${v.webform})` : ''}${v.email ? ` lub e-mailem na adres ${v.email}` : ''}.`,
  orOwnAuthority: (v) => `Mogą Państwo zamiast tego złożyć skargę do własnego organu: ${v.authority}${v.webform ? ` (${v.webform})` : ''}.`,
  noAuthority: () =>
    'Nie znamy organu dla Państwa regionu: prosimy wpisać w przewidzianym miejscu projektu organ ochrony konsumentów lub danych, do którego ją Państwo kierują.',
  submitToEnforcer: (v) =>
    `Prosimy złożyć ją do: ${v.enforcer}, który egzekwuje ${v.act}${v.citation ? ` (${v.citation})` : ''}; prosimy dopisać adres urzędu lub skorzystać z jego formularza skargi online.`,
  requestFailed: (v) =>
    `Nie udało się nam zakończyć tego żądania (${v.reason}). Mogą Państwo wysłać je samodzielnie lub skontaktować się z operatorem tej usługi.`,
  recheckReverted: (v) => `„${v.label}” zostało ponownie włączone. Wyłączyliśmy je ponownie i sprawdziliśmy, że jest wyłączone.`,
  recheckStopped: (v) =>
    `Nie udało się ponownie sprawdzić „${v.label}”: ${v.reason}. Prosimy przesłać nową sesję na stronie statusu, aby kontrole były kontynuowane.`,
  recheckFailed: (v) => `Ponowne sprawdzenie „${v.label}” nie powiodło się: ${v.reason}. Spróbujemy ponownie przy następnej kontroli.`,
};

const MESSAGES: Record<Language, Record<MessageKey, Message>> = { en, de, fr, es, it, nl, pl };

export function message(lang: Language, key: MessageKey, vars: Vars = {}): string {
  return MESSAGES[lang][key](vars);
}
