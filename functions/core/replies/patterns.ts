// Every generic phrase the reply classifier knows, English and German, in one place.
//
// Patterns run against normalised text: quoted parts removed, all whitespace collapsed to single spaces,
// typographic quotes and dashes made plain (see normalise() in classify.ts). So a space in a pattern
// matches exactly one space. Write `~N` for "up to N words" (lazy); such a gap never swallows a negation
// word and never runs past the end of a sentence, so "we have not turned off" cannot match "we have ~3 turned off".
import type { RefusalReason } from './classes.ts';

export type TextClass = 'acknowledged' | 'confirmed' | 'refused' | 'identity_requested' | 'use_other_channel' | 'extension' | 'auto_reply';

export interface GenericPattern {
  class: TextClass;
  lang: 'en' | 'de';
  re: RegExp;
  /** refused only: what kind of refusal this phrase expresses. */
  refusal?: RefusalReason;
  /**
   * auto_reply: an out-of-office text is decisive; a "do not reply" notice only counts when nothing else matched.
   * confirmed: a weak one (a portal's "Status: Completed" line) only counts when no other class matched and
   * the reply carries no word of regret (see classify.ts).
   * acknowledged: a weak one (a bare ticket number) does not stand against a weak confirmation.
   */
  strength?: 'strong' | 'weak';
}

/** Words that, before a match in the same clause, mean the phrase is denied. */
export const NEGATION = /\b(?:not|no longer|cannot|can ?not|never|unable|nicht|nie|niemals|kein\w*|weder)\b|n't\b/i;
/** Words that, before a match in the same clause, make it conditional or hypothetical. */
export const HEDGE =
  /\b(?:if|once|whether|unless|as soon as|may|might|sobald|wenn|falls|ob|sofern|gegebenenfalls|ggf|eventuell|möglicherweise|bei (?:weiteren |etwaigen )?(?:Fragen|Rückfragen)|in dringenden Fällen|in urgent cases|for urgent (?:matters|requests|issues)|in the meantime|in der Zwischenzeit)\b/i;
/** Extra hedges for classes where a mere possibility is common boilerplate ("the period can be extended"). */
export const HEDGE_POSSIBILITY = /\b(?:can|could|kann|könnte|könnten)\b(?! (?:you|Sie)\b)/i;
/** Clause boundaries: a negation before one of these does not reach the match. */
export const CLAUSE_BREAK =
  /[.!?;:]\s|,\s(?:and|und)\b|,\s(?=(?:we|we've|I|I've|wir)\b|(?:haben|hat|wurde|wurden|ist|sind|werden|wird) (?:wir|Ihr|Ihre)\b)|\b(?:but|however|although|aber|jedoch|sondern|allerdings)\b|\n/gi;
/** Words of regret or denial: a reply using any of them is never confirmed by a mere status line. */
export const REGRET =
  /\b(?:unfortunately|regret|regrettably|sorry|unable|cannot|can ?not|could not|couldn't|not able|did not|didn't|declined?|rejected|denied|refused|leider|bedauer\w*|nicht|kein\w*|abgelehnt)\b/i;

const NOT_NEGATION = String.raw`(?!(?:not|no|nicht|kein\w*|never|nie|cannot)\b)`;
/** Abbreviations ending in a dot that do not end a sentence (a gap may run over them). */
const ABBREVIATIONS = String.raw`(?:Art|Abs|lit|Nr|No|Sec|Cal|Civ|Reg|ca|bzw|ggf|vgl|gem|z\.B|e\.g|i\.e|Mr|Ms|Mrs|Dr)\.`;

/** Builds a case-insensitive RegExp; `~N` becomes a lazy gap of up to N words without negations. */
function r(strings: TemplateStringsArray, ...values: unknown[]): RegExp {
  const src = String.raw(strings, ...values).replace(/~(\d+) /g, (_m, n: string) => `(?:${NOT_NEGATION}(?:${ABBREVIATIONS}|\\S*[^\\s.!?;]) ){0,${n}}?`);
  return new RegExp(src, 'i');
}

const REQUEST_EN = '(?:request|objection|opt-?out|instruction|submission|application|e-?mail|message|letter|inquiry|enquiry)';
/** German compounds count too: Datenschutzanfrage, Auskunftsersuchen, Betroffenenanliegen. */
const REQUEST_DE = '(?:\\S*(?:anfrage|widerspruch|antrag|ersuchen|anliegen)|Opt-?out|Nachricht|E-Mail|Schreiben|Mitteilung)';
/** Things a request asks for that can be "done": English nouns a completion phrase may have as subject. */
const DONE_EN = '(?:request|objection|opt-?out|instruction|preference|choice|selection|ticket|case)';
/** Verbs (past participle) that say the request was carried out. */
const DONE_VERB_EN =
  '(?:processed|actioned|completed|fulfilled|implemented|applied|honou?red|executed|upheld|granted|respected|carried out|put into effect|given effect)';

export const GENERIC_PATTERNS: GenericPattern[] = [
  // ---- auto_reply: out of office (strong) ----
  {
    class: 'auto_reply',
    strength: 'strong',
    lang: 'en',
    re: r`\b(?:I am|I'm|I will be|I'll be) (?:currently |now )?(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|on (?:annual |parental |maternity |paternity |sick |study )?leave|on (?:holiday|vacation)|travell?ing|absent|off work)\b`,
  },
  { class: 'auto_reply', strength: 'strong', lang: 'en', re: r`\b(?:out of (?:the )?office|OOO) (?:until|till|from|through|returning)\b` },
  { class: 'auto_reply', strength: 'strong', lang: 'en', re: r`\b(?:limited|no|intermittent) access to (?:my )?e-?mails?\b` },
  {
    class: 'auto_reply',
    strength: 'strong',
    lang: 'en',
    re: r`\bI (?:will|shall) (?:be back|return|reply|respond) ~4 (?:on my return|when I return|upon my return|after my return)`,
  },
  {
    class: 'auto_reply',
    strength: 'strong',
    lang: 'de',
    re: r`\b(?:ich bin|bin ich) ~6 (?:nicht im Büro|abwesend|im Urlaub|außer Haus|nicht erreichbar|auf Dienstreise|in Elternzeit)`,
  },
  { class: 'auto_reply', strength: 'strong', lang: 'en', re: r`\b(?:I am|I'm) (?:currently )?away\b|\bI will be back (?:on|in|from|after|at)\b` },
  {
    class: 'auto_reply',
    strength: 'strong',
    lang: 'en',
    re: r`\b(?:won't be|will not be|am not|I'm not) (?:regularly )?(?:checking|reading|monitoring) (?:my )?(?:e-?mails?|messages|inbox)`,
  },
  {
    class: 'auto_reply',
    strength: 'strong',
    lang: 'de',
    re: r`\bbefinde mich (?:\S+ ){0,5}?(?:im Urlaub|nicht im Büro|außer Haus|auf Dienstreise|in Elternzeit|im Krankenstand)`,
  },
  { class: 'auto_reply', strength: 'strong', lang: 'de', re: r`\b(?:keinen|nur eingeschränkten|eingeschränkten) Zugriff auf (?:meine )?E-Mails` },
  { class: 'auto_reply', strength: 'strong', lang: 'de', re: r`\bAbwesenheits(?:notiz|meldung|nachricht)` },
  { class: 'auto_reply', strength: 'strong', lang: 'de', re: r`\b(?:nach meiner Rückkehr|ab dem \S+ wieder (?:im Büro|erreichbar))` },
  {
    class: 'auto_reply',
    strength: 'strong',
    lang: 'en',
    re: r`\b(?:I am|I'm|I will be|I'll be) (?:currently )?away from (?:work|the office|my desk|my e-?mail)\b`,
  },
  {
    class: 'auto_reply',
    strength: 'strong',
    lang: 'en',
    re: r`\b(?:our|the) (?:office|offices|team|support team|customer service)(?: \S+)? (?:is|are|will be) (?:currently )?closed (?:for|until|from|between|over|during)\b`,
  },
  {
    class: 'auto_reply',
    strength: 'strong',
    lang: 'de',
    re: r`\b(?:ich bin|bin ich) ~6 (?:nicht im Hause?|nicht am Arbeitsplatz|in Urlaub|krank|außer Dienst)\b`,
  },
  {
    class: 'auto_reply',
    strength: 'strong',
    lang: 'de',
    re: r`\b(?:ab|am|nach) ~4 wieder (?:im Büro|im Hause?|erreichbar|für Sie da|da|zurück|an meinem Arbeitsplatz)\b`,
  },
  {
    class: 'auto_reply',
    strength: 'strong',
    lang: 'de',
    re: r`\b(?:Betriebsferien|Betriebsurlaub)\b|\b(?:unser|das) (?:Büro|Team|Kundenservice) ist ~6 geschlossen\b`,
  },
  // ---- auto_reply: no-reply notices (weak) ----
  { class: 'auto_reply', strength: 'weak', lang: 'en', re: r`\b(?:please )?do not reply (?:directly )?to this (?:e-?mail|message|address|notification)` },
  {
    class: 'auto_reply',
    strength: 'weak',
    lang: 'en',
    re: r`\b(?:this|the) ~2 (?:e-?mail address|address|mailbox|inbox) (?:is|has been) (?:no longer|not|un)(?: being)? ?(?:monitored|in use|active|checked|attended|staffed|read)`,
  },
  {
    class: 'auto_reply',
    strength: 'weak',
    lang: 'en',
    re: r`\b(?:this is an|this is a|this) (?:automated|automatic|auto-generated|automatically generated|system-generated) (?:message|e-?mail|response|reply|notification)`,
  },
  {
    class: 'auto_reply',
    strength: 'weak',
    lang: 'en',
    re: r`\b(?:does not|doesn't|cannot|can't) (?:accept|receive) (?:incoming|inbound)? ?(?:e-?mails?|messages|replies)`,
  },
  {
    class: 'auto_reply',
    strength: 'weak',
    lang: 'en',
    re: r`\be-?mails? (?:sent )?to this (?:address|mailbox|inbox) (?:are|is|will) not (?:be )?(?:processed|read|answered|monitored)`,
  },
  { class: 'auto_reply', strength: 'weak', lang: 'de', re: r`\bantworten Sie (?:bitte )?nicht auf diese (?:E-Mail|Nachricht)` },
  {
    class: 'auto_reply',
    strength: 'weak',
    lang: 'de',
    re: r`\b(?:dieses Postfach|diese (?:E-Mail-)?Adresse) wird nicht (?:mehr )?(?:überwacht|gelesen|bearbeitet|betreut|abgerufen)`,
  },
  {
    class: 'auto_reply',
    strength: 'weak',
    lang: 'de',
    re: r`\bautomatisch (?:generierte|erstellte|versandte|versendete|erzeugte) (?:E-Mail|Nachricht|Antwort)`,
  },
  {
    class: 'auto_reply',
    strength: 'weak',
    lang: 'de',
    re: r`\b(?:wurde|wird) automatisch (?:generiert|erstellt|versandt|versendet|erzeugt|verschickt)|\bautomatische (?:E-Mail|Nachricht|Antwort|Benachrichtigung)\b`,
  },
  {
    class: 'auto_reply',
    strength: 'weak',
    lang: 'en',
    re: r`\b(?:sent|generated) (?:from|by) an? (?:unmonitored|unattended|automated|automatic) (?:mailbox|address|system|inbox)|\bwas (?:sent|generated) automatically\b`,
  },

  // ---- identity_requested ----
  {
    class: 'identity_requested',
    lang: 'en',
    re: r`\b(?:copy|scan|photo|picture|image) of (?:your|a|the) ~2 (?:passport|ID\b|identity card|identity document|ID card|driver'?s licen[cs]e|photo ID|national ID|government[- ]issued)`,
  },
  { class: 'identity_requested', lang: 'en', re: r`\b(?:verify|confirm|prove|authenticate|validate|establish) your identity\b` },
  {
    class: 'identity_requested',
    lang: 'en',
    re: r`\bto (?:verify|confirm|validate|complete) (?:your|this|the) ~3 (?:request|identity|e-?mail address|account)s?,? (?:please )?(?:click|tap|follow|use|open|visit)\b`,
  },
  { class: 'identity_requested', lang: 'en', re: r`\bproof of (?:identity|address|ID)\b` },
  {
    class: 'identity_requested',
    lang: 'en',
    re: r`\b(?:click|tap|follow|use|open|visit) (?:on )?(?:the|this) ~2 (?:link|button)(?: below| above)? ~2 to (?:verify|confirm|validate|complete|authenticate)`,
  },
  {
    class: 'identity_requested',
    lang: 'en',
    re: r`\b(?:log|sign)[- ]?in (?:to|into) your ~2 account ~3 (?:and|to) ~1 (?:confirm|verify|complete|submit|authenticate|approve)`,
  },
  {
    class: 'identity_requested',
    lang: 'en',
    re: r`\b(?:provide|send|reply with|tell us|give us|confirm) (?:us )?(?:with )?(?:the|your) ~2 (?:e-?mail address|username|user name|phone number|account (?:ID|number|name)|customer number|date of birth|full name|postal address)(?:es)? ~3 (?:associated|linked|registered|used|connected|on file)`,
  },
  { class: 'identity_requested', lang: 'en', re: r`\bplease ~3 verify (?:your|the) (?:request|e-?mail address|account)` },
  { class: 'identity_requested', lang: 'en', re: r`\b(?:verification|confirmation) link\b` },
  {
    class: 'identity_requested',
    lang: 'en',
    re: r`\b(?:confirm|prove|verify|show) that you are the (?:\S+ )?(?:account holder|account owner|owner|person|data subject)`,
  },
  { class: 'identity_requested', lang: 'en', re: r`\breply from the e-?mail address ~2 (?:registered|associated|linked|on file|used)` },
  {
    class: 'identity_requested',
    lang: 'en',
    re: r`\bwe (?:will )?(?:need|require) ~3 (?:date of birth|account (?:ID|number)|customer number|username|user name|phone number|postal address|photo ID)`,
  },
  {
    class: 'identity_requested',
    lang: 'en',
    re: r`\b(?:upload|submit|send|provide|attach|share) ~4 (?:photo ID|ID document|identity document|government[- ]issued|driving licen[cs]e|driver'?s licen[cs]e|passport|selfie|proof of identity)`,
  },
  {
    class: 'identity_requested',
    lang: 'en',
    re: r`\b(?:complete|pass|finish|go through) (?:our|the|an?) ~2 (?:identity|verification|ID|security) (?:check|verification|process|step)`,
  },
  {
    class: 'identity_requested',
    lang: 'en',
    re: r`\b(?:additional|further|extra) (?:identity )?verification (?:is )?(?:needed|required|necessary)|\b(?:need|require) (?:some )?(?:additional|further|extra) (?:identity )?verification\b`,
  },
  { class: 'identity_requested', lang: 'en', re: r`\b(?:confirm|verify|check) that ~6 (?:belongs to you|is yours|is really you|it's you|it is you|you own)\b` },
  {
    class: 'identity_requested',
    lang: 'en',
    re: r`\b(?:to (?:help us )?(?:locate|find|identify|look up) (?:your|the) (?:account|record|profile)s?),? (?:please|could you|can you|would you)\b`,
  },
  {
    class: 'identity_requested',
    lang: 'de',
    re: r`\b(?:sicherstellen|sicherzustellen|prüfen|überprüfen|nachweisen|feststellen) ~8 (?:Inhaber\w*|tatsächlich von Ihnen|von Ihnen (?:selbst )?stammt|berechtigt)`,
  },
  { class: 'identity_requested', lang: 'de', re: r`\b(?:Kopie|Scan|Foto) ~3 (?:Ausweis\w*|Personalausweis\w*|Reisepass\w*|Führerschein\w*)|\bAusweiskopie\b` },
  {
    class: 'identity_requested',
    lang: 'de',
    re: r`\bdamit wir (?:Sie|Ihr \S*konto|Ihre Person|Ihre Kundendaten) ~4 (?:zuordnen|identifizieren|finden) können\b`,
  },
  {
    class: 'identity_requested',
    lang: 'de',
    re: r`\bbenötigen (?:wir )?~4 (?:Kundennummer|Geburtsdatum|Ausweis|Personalausweis|Anschrift|Vertragsnummer|Benutzernamen|Nutzernamen)`,
  },
  {
    class: 'identity_requested',
    lang: 'de',
    re: r`\bKopie ~3 (?:Personalausweis|Ausweis|Reisepass|Pass\b|Passes|Lichtbildausweis|Identitätsnachweis|Führerschein)`,
  },
  {
    class: 'identity_requested',
    lang: 'de',
    re: r`\bIdentität ~3 (?:zu )?(?:bestätigen|verifizieren|nachweisen|nachzuweisen|überprüfen|prüfen|zu prüfen|feststellen)`,
  },
  { class: 'identity_requested', lang: 'de', re: r`\b(?:Bestätigung|Verifizierung|Prüfung|Überprüfung|Nachweis|Feststellung) Ihrer Identität` },
  { class: 'identity_requested', lang: 'de', re: r`\bIdentitäts(?:nachweis|prüfung|bestätigung|verifizierung|feststellung)` },
  { class: 'identity_requested', lang: 'de', re: r`\b(?:melden|loggen) Sie sich ~4 (?:Konto|Kundenkonto|Account|Benutzerkonto)\S* ~2 (?:an|ein)\b` },
  { class: 'identity_requested', lang: 'de', re: r`\b(?:klicken|tippen) Sie ~4 (?:Link|Button|Schaltfläche)` },
  { class: 'identity_requested', lang: 'de', re: r`\bBestätigungslink|Verifizierungslink` },
  {
    class: 'identity_requested',
    lang: 'de',
    re: r`\b(?:bestätigen|verifizieren) Sie (?:bitte )?(?:zunächst )?(?:Ihre|Ihren|die|den) (?:Anfrage|Antrag|E-Mail-Adresse|Identität|Widerspruch)`,
  },
  {
    class: 'identity_requested',
    lang: 'de',
    re: r`\b(?:teilen|nennen|senden|schicken) Sie uns ~5 (?:E-Mail-Adresse|Kundennummer|Benutzernamen|Geburtsdatum|Telefonnummer|Anschrift|Nutzernamen)`,
  },

  // ---- use_other_channel ----
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\bplease ~2 (?:submit|send|make|file|direct|resubmit|re-submit|raise|lodge|forward|address) (?:your|this|the|such|any|all) ~3 ${REQUEST_EN}s? ~4 (?:through|via|using|at|on|to|in|with)\b`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\bplease ~2 (?:use|visit|complete|fill (?:in|out)|go to|access|head to|submit) (?:our|the) ~3 (?:web ?form|online form|form|privacy (?:center|centre|portal|hub)|portal|self-service|dashboard|request page|help cent(?:er|re))`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\b(?:you (?:will )?(?:need|must|have) to|you'll need to|kindly) ~2 (?:use|visit|complete|fill (?:in|out)|submit ~3 (?:through|via|using)) (?:our|the) `,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\b(?:can|will|are able to|do) only (?:accept|process|handle|action|respond to|consider|review) ~4 (?:requests|objections|opt-?outs|enquiries|inquiries|submissions)\b`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\b(?:requests|objections|opt-?outs|submissions) ~4 (?:must|need to|should|have to) be (?:submitted|made|sent|filed|raised|directed) (?:through|via|using|at|on|in|to)\b`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\bfor ~3 (?:requests|enquiries|inquiries|matters|questions|concerns)(?: \S+){0,3}?,? (?:please )?(?:visit|go to|use|write to|e-?mail|reach us at|contact \S+ (?:at|via))\b`,
  },
  { class: 'use_other_channel', lang: 'en', re: r`\bplease ~2 (?:write|send|e-?mail|resend|re-send|forward) ~4 to [\w.+-]+@[\w-]+\.[\w.-]+` },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\b(?:handle|process|accept|manage|receive) (?:all )?~2 (?:requests|enquiries|inquiries|objections) (?:only )?(?:via|through|using|in|on) (?:our|the)\b`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\bto (?:opt out|object|turn (?:this|it) off|switch (?:this|it) off|disable)\b[^.]{0,60}?\b(?:head|go|navigate) to\b`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\b(?:cannot|can't|are not able to|are unable to) (?:change|update|turn off|switch off|disable) (?:this|the|that) setting (?:for you|on your behalf)`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\b(?:requests|enquiries|inquiries|objections|matters|opt-?outs) ~4 (?:are|is|can only be|must be|will only be) (?:only |exclusively |solely )?(?:handled|processed|accepted|dealt with|managed|received|submitted|reviewed) (?:only |exclusively |solely )?(?:through|via|using|by|at|on|in) (?:our|the)\b`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\bkindly ~2 (?:submit|send|direct|resubmit|forward|address|raise) (?:your|this|the) ~3 ${REQUEST_EN}s? ~4 (?:through|via|using|at|on|to|in|with)\b`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\b(?:fill (?:in|out)|complete|use|submit) (?:our|the) ~3 (?:web ?form|online form|request form|privacy form|form|privacy (?:center|centre|portal|hub)|request (?:center|centre|portal))(?: at| here| on)? https?://`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\b(?:this|the) (?:inbox|mailbox|e-?mail address|address) is (?:only )?(?:for|used for|reserved for) ~4 (?:only|enquiries|inquiries|orders)\b`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\b(?:you can|you may|you're able to|you are able to) (?:manage|change|do|control|turn off|switch off|disable) (?:this|that|it) (?:yourself|directly|in the app|in your (?:account )?settings)\b`,
  },
  {
    class: 'use_other_channel',
    lang: 'en',
    re: r`\b(?:go|navigate|head) to (?:your )?(?:Settings|Account Settings|Privacy Settings|Einstellungen)\b ~12 (?:toggle|switch|turn|uncheck|untick|opt)`,
  },
  {
    class: 'use_other_channel',
    lang: 'de',
    re: r`\bwenden Sie sich ~4 (?:direkt |bitte )?an (?!uns\b|mich\b)(?:[\w.+-]+@|unser\S* (?:Datenschutz\S*|DSB)|den Datenschutz\S*|die Datenschutz\S*)`,
  },
  { class: 'use_other_channel', lang: 'de', re: r`\b(?:reichen|stellen) Sie ~4 (?:dort|über|unter|im|in unserem) ~2 (?:erneut |nochmals )?(?:ein|neu)\b` },
  {
    class: 'use_other_channel',
    lang: 'de',
    re: r`\b(?:ausschließlich|nur|nur noch) (?:über|via|per|mittels|unter) ~4 \S*(?:formular|center|portal|zentrum|Center)\S* ~3 (?:entgegen|bearbeiten|annehmen|bearbeitet|angenommen)`,
  },
  { class: 'use_other_channel', lang: 'de', re: r`\b(?:nutzen|verwenden|benutzen) Sie ~4 \S*(?:formular|center|portal|zentrum|Center)` },
  {
    class: 'use_other_channel',
    lang: 'de',
    re: r`\b(?:ausschließlich|nur noch|nur) (?:über|via|per|mittels) (?:unser|unsere|unseren|das|die|den) \S*(?:formular|center|portal|zentrum|Datenschutz|Webseite|Website|App)`,
  },
  { class: 'use_other_channel', lang: 'de', re: r`\b(?:richten|senden|schicken|stellen) Sie ~4 ${REQUEST_DE}\S* ~4 (?:an|über|unter)\b` },
  { class: 'use_other_channel', lang: 'de', re: r`\b(?:können|werden) (?:wir )?~4 (?:nicht per E-Mail|ausschließlich (?:über|via|per)) ` },

  // ---- extension ----
  {
    class: 'extension',
    lang: 'en',
    re: r`\bwe(?: will| must| need to| have to| are| have| hereby| would like to| shall| therefore| unfortunately| now| are going to| have decided to){0,3} (?:extend|extending|extended)\b`,
  },
  {
    class: 'extension',
    lang: 'en',
    re: r`\b(?:is|has been|have been|will be|are|was|is being) (?:hereby |therefore |now )?extended (?:by|until|to|for) (?:up to |a further |another |an additional |a maximum of |a period of )?(?:\d|one|two|three|forty|ninety|an? (?:further|additional)|further|additional|another)`,
  },
  {
    class: 'extension',
    lang: 'en',
    re: r`\b(?:up to )?(?:\d{1,3}|forty-five|thirty|sixty|ninety) (?:more|additional|extra|further) (?:calendar |business )?days\b`,
  },
  {
    class: 'extension',
    lang: 'en',
    re: r`\b(?:need|require|take|taking|needs|requires) (?:up to )?(?:one|two|a|1|2) (?:more|additional|further|extra) months?\b`,
  },
  {
    class: 'extension',
    lang: 'en',
    re: r`\b(?:require|requires|need|needs|take|use|invoke|invoking|making use of|make use of|apply|applying|exercising|exercise) ~2 (?:an? |the |this |our )?(?:extension|additional time|more time|further time)\b`,
  },
  { class: 'extension', lang: 'en', re: r`\b(?:an? )?(?:additional|further|another) (?:45|forty-five) (?:calendar |business )?days\b` },
  { class: 'extension', lang: 'en', re: r`\b(?:one|two|a|1|2) (?:additional|further|extra) months?\b` },
  { class: 'extension', lang: 'de', re: r`\b(?:mehr|weitere|zusätzliche) Zeit (?:in Anspruch|benötigen)|\bbenötigen ~4 (?:mehr|weitere|zusätzliche) Zeit` },
  { class: 'extension', lang: 'de', re: r`\bVerlängerung (?:nach|gemäß|gem\.) Art` },
  { class: 'extension', lang: 'de', re: r`\b\S*frist\S* ~8 (?:zu )?verlänger` },
  { class: 'extension', lang: 'de', re: r`\bVerlängerung\S* ~6 (?:in Anspruch|Gebrauch)` },
  { class: 'extension', lang: 'de', re: r`\b(?:benötigen|brauchen|dauert|dauern|nimmt|nehmen) ~6 länger als (?:einen|ein|1) Monat` },
  { class: 'extension', lang: 'de', re: r`\bverlänger\S* ~6 \S*[Ff]rist` },
  { class: 'extension', lang: 'de', re: r`\bFristverlängerung` },
  { class: 'extension', lang: 'de', re: r`\b(?:um )?(?:weitere )?(?:zwei|einen|2|1|drei) (?:weitere[n]? )?Monat\S* ~2 verlänger` },

  // ---- refused ----
  { class: 'refused', refusal: 'compelling_grounds', lang: 'en', re: r`\bcompelling (?:legitimate )?grounds\b` },
  { class: 'refused', refusal: 'compelling_grounds', lang: 'en', re: r`\blegitimate interests? ~4 (?:override|outweigh|prevail over)` },
  { class: 'refused', refusal: 'compelling_grounds', lang: 'en', re: r`\bwe will (?:therefore |still )?continue to (?:process|use)\b` },
  {
    class: 'refused',
    refusal: 'compelling_grounds',
    lang: 'en',
    re: r`\binterests? ~8 (?:override|overrides|outweigh|outweighs|prevail over|prevails over|take precedence over|takes precedence over) (?:your|the data subject's|those of)\b`,
  },
  {
    class: 'refused',
    refusal: 'not_applicable',
    lang: 'en',
    re: r`\b(?:do|does|did) not (?:sell|share) (?:your |any |the )?(?:personal )?(?:data|information)`,
  },
  {
    class: 'refused',
    refusal: 'not_applicable',
    lang: 'en',
    re: r`\b(?:CCPA|CPRA|GDPR|Act|law|regulation|right|request|statute|provision|Article \d+)s? ~9 (?:does|do) not apply\b`,
  },
  { class: 'refused', refusal: 'not_applicable', lang: 'en', re: r`\b(?:is|are) not applicable\b` },
  {
    class: 'refused',
    refusal: 'not_applicable',
    lang: 'en',
    re: r`\b(?:does|do|did) not (?:give|grant|provide|confer) (?:you )?(?:a|the|any) right\b|\bthere is no right to (?:object|opt out)\b`,
  },
  {
    class: 'refused',
    refusal: 'other',
    lang: 'en',
    re: r`\b(?:are|were) not (?:required|obliged|obligated) to (?:comply|honou?r|action|stop|delete|act on|grant|accept)\b`,
  },
  {
    class: 'refused',
    refusal: 'not_applicable',
    lang: 'en',
    re: r`\bonly (?:available|applies|apply|extends?) to ~3 (?:residents|consumers|users|individuals)\b`,
  },
  {
    class: 'refused',
    refusal: 'no_data',
    lang: 'en',
    re: r`\b(?:could not|couldn't|did not|didn't|were unable to|was unable to|are unable to|have been unable to|were not able to|was not able to|weren't able to|cannot|can't) (?:find|locate|identify|match)\b(?: \S+){0,5}? (?:an? |any )?(?:account|record|data|personal (?:data|information)|information|user|customer|profile)`,
  },
  {
    class: 'refused',
    refusal: 'no_data',
    lang: 'en',
    re: r`\bno ~2 (?:account|records?|data|personal (?:data|information)|information|user|customer profile|profile)s? ~4 (?:found|on file|associated|linked|matching|exists?|held|registered)\b`,
  },
  {
    class: 'refused',
    refusal: 'no_data',
    lang: 'en',
    re: r`\b(?:did not|didn't|does not|doesn't) (?:return|show|reveal|contain|produce|match) (?:any )?(?:records?|results?|matches|data|accounts?)\b`,
  },
  {
    class: 'refused',
    refusal: 'no_data',
    lang: 'en',
    re: r`\b(?:hold|have|store|keep|process) no (?:personal )?(?:data|information|records?) (?:about|on|for|relating to|concerning) you`,
  },
  { class: 'refused', refusal: 'no_data', lang: 'en', re: r`\bnot (?:in|on) (?:our|any of our) (?:system|records|database|files)` },
  {
    class: 'refused',
    refusal: 'no_data',
    lang: 'en',
    re: r`\b(?:do not|don't) (?:hold|have|store|keep|process|maintain) (?:any )?(?:personal )?(?:data|information|records?|account) (?:about|on|for|relating to|concerning|of|in relation to) you`,
  },
  {
    class: 'refused',
    refusal: 'exemption',
    lang: 'en',
    re: r`\b(?:is|are|falls?|remains?) ~2 exempt\b|\bexemption (?:under|in|pursuant|applies)\b|\bfalls? under (?:an|the) exemption`,
  },
  {
    class: 'refused',
    refusal: 'other',
    lang: 'en',
    re: r`\b(?:unable|not able|cannot|can ?not|can't|will not|won't|not in a position) (?:to )?(?:comply with|accommodate|honou?r|grant|action|act on|fulfil+|give effect to|accept|uphold|process|agree to) (?:your|this|the) ~2 (?:request|objection|opt-?out)`,
  },
  {
    class: 'refused',
    refusal: 'other',
    lang: 'en',
    re: r`\b(?:must |have to |therefore |hereby )?(?:decline|reject|deny|refuse)(?:d|s)? (?:your|the|this) ~2 (?:request|objection)`,
  },
  { class: 'refused', refusal: 'other', lang: 'en', re: r`\b(?:cannot|can't|will not|won't) be (?:accepted|upheld|granted|honou?red|actioned)\b` },
  {
    class: 'refused',
    refusal: 'other',
    lang: 'en',
    re: r`\b(?:unable|not able|cannot|can ?not|can't|will not|won't|not in a position) (?:to )?(?:comply with|accommodate|honou?r|grant|action|fulfil+|accept|uphold|agree to|act on) (?:it|them)\b`,
  },
  {
    class: 'refused',
    refusal: 'other',
    lang: 'en',
    re: r`\b(?:will|shall) (?:therefore )?not be (?:acting on|actioning|honou?ring|granting|upholding|implementing) (?:it|your|this|the)\b`,
  },
  { class: 'refused', refusal: 'exemption', lang: 'en', re: r`\bprocessed (?:in order )?to comply with (?:a|our) legal obligation` },
  {
    class: 'refused',
    refusal: 'other',
    lang: 'en',
    re: r`\b(?:request|objection) (?:has been|was|is) (?:\S+ )?(?:declined|rejected|denied|refused|not upheld)\b`,
  },
  { class: 'refused', refusal: 'compelling_grounds', lang: 'de', re: r`\bzwingende\S* ~3 Gründe` },
  { class: 'refused', refusal: 'compelling_grounds', lang: 'de', re: r`\bberechtigte\S* Interesse\S* ~5 (?:überwieg|überwiegt|überwiegen)` },
  { class: 'refused', refusal: 'compelling_grounds', lang: 'de', re: r`\bweiterhin ~3 verarbeiten\b` },
  { class: 'refused', refusal: 'compelling_grounds', lang: 'de', re: r`\bInteresse\S* ~8 (?:überwieg\S*|Vorrang)|\bVerarbeitung ~3 fortsetzen\b` },
  {
    class: 'refused',
    refusal: 'other',
    lang: 'de',
    re: r`\b(?:können|werden) (?:wir )?~4 ${REQUEST_DE}\S* ~2 (?:leider )?nicht (?:nachkommen|entsprechen|stattgeben|umsetzen|folgen)`,
  },
  { class: 'refused', refusal: 'other', lang: 'de', re: r`\blehnen (?:wir )?~3 ${REQUEST_DE}\S* ~3 ab\b` },
  { class: 'refused', refusal: 'other', lang: 'de', re: r`\b${REQUEST_DE}\S* ~3 (?:wird|wurde|ist) ~2 (?:abgelehnt|unbegründet)` },
  {
    class: 'refused',
    refusal: 'other',
    lang: 'de',
    re: r`\b${REQUEST_DE}\S* (?:können|werden) wir (?:\S+ ){0,3}?nicht (?:nachkommen|entsprechen|stattgeben|umsetzen|folgen)`,
  },
  { class: 'refused', refusal: 'not_applicable', lang: 'de', re: r`\b(?:verkaufen|veräußern) ~2 keine (?:personenbezogenen )?Daten` },
  { class: 'refused', refusal: 'not_applicable', lang: 'de', re: r`\b(?:Widerspruchsrecht|Recht auf \S+|Anspruch) ~8 besteht (?:\S+ ){0,2}?nicht\b` },
  { class: 'refused', refusal: 'not_applicable', lang: 'de', re: r`\b(?:nicht anwendbar|keine Anwendung)\b` },
  {
    class: 'refused',
    refusal: 'no_data',
    lang: 'de',
    re: r`\bkein(?:e|en)? ~3 (?:Konto|Kundenkonto|Benutzerkonto|Account|Daten|Datensatz|Datensätze|Eintrag|Einträge|Informationen)\S* ~6 (?:finden|gefunden|ermitteln|ermittelt|feststellen|vorhanden|gespeichert|zuordnen|vor|bekannt|existiert|angelegt)\b`,
  },
  {
    class: 'refused',
    refusal: 'no_data',
    lang: 'de',
    re: r`\b(?:existiert|gibt es|besteht|führen wir) ~3 kein(?:e|en)? ~2 (?:Konto|Kundenkonto|Benutzerkonto|Account|Daten|Datensatz|Kundendaten)`,
  },
  { class: 'refused', refusal: 'no_data', lang: 'de', re: r`\b(?:speichern|verarbeiten|haben|besitzen) (?:wir )?~2 keine ~2 Daten` },
  { class: 'refused', refusal: 'no_data', lang: 'de', re: r`\bnicht in unserem (?:System|Datenbestand|Kundenstamm|Bestand)` },
  { class: 'refused', refusal: 'exemption', lang: 'de', re: r`\bAusnahme(?:tatbestand| nach| gemäß)\b` },

  // ---- confirmed ----
  {
    class: 'confirmed',
    lang: 'en',
    re: r`\b(?:we have|we've) (?:now )?(?:successfully |fully )?(?:processed|actioned|completed|fulfilled|implemented|applied|honou?red|executed|upheld|granted|accepted|recorded) (?:your|the) ~3 (?:request|objection|opt-?out|instruction)s?\b`,
  },
  {
    class: 'confirmed',
    lang: 'en',
    re: r`\b(?:request|objection|opt-?out)s? (?:\([^)]*\) )?(?:has|have) (?:now )?been (?:successfully |fully )?(?:processed|actioned|completed|fulfilled|implemented|applied|honou?red|executed|upheld|granted)\b`,
  },
  { class: 'confirmed', lang: 'en', re: r`\b(?:request|objection|opt-?out) (?:was|is) (?:successful|upheld|granted|complete)\b` },
  { class: 'confirmed', lang: 'en', re: r`\b(?:you have|you've|you are|you're|has been|have been) (?:now )?(?:successfully )?opted[- ]out\b` },
  { class: 'confirmed', lang: 'en', re: r`\b(?:we have|we've) (?:now )?(?:turned|switched) ~10 off\b` },
  { class: 'confirmed', lang: 'en', re: r`\b(?:has|have) (?:now )?been (?:turned|switched) off\b|\bis now (?:turned |switched )?off\b` },
  { class: 'confirmed', lang: 'en', re: r`\b(?:we have|we've) (?:now )?(?:disabled|deactivated|excluded|opted) ` },
  { class: 'confirmed', lang: 'en', re: r`\b(?:has|have) (?:now )?been ~2 (?:disabled|deactivated|excluded from)\b` },
  { class: 'confirmed', lang: 'en', re: r`\b(?:we have|we've) (?:now )?(?:permanently |successfully )?(?:deleted|erased|removed) (?:your|all|the)\b` },
  {
    class: 'confirmed',
    lang: 'en',
    re: r`\b(?:data|information|account|content|records?|posts) ~4 (?:has|have) (?:now )?been (?:permanently |successfully |fully )?(?:deleted|erased|removed)`,
  },
  { class: 'confirmed', lang: 'en', re: r`\bwe (?:will|shall) (?:no longer|not) (?:use|process) your ~3 (?:data|information|content)\b` },
  { class: 'confirmed', lang: 'en', re: r`\b(?:data|information|content) (?:will|shall) (?:no longer|not) be (?:used|processed)\b` },
  {
    class: 'confirmed',
    lang: 'en',
    re: r`\b(?:data|information|content|posts|photos|messages|account|profile)s? ~4 (?:will|shall|won't) (?:no longer |not )?be (?:used|processed|included) (?:for|in|to train|to improve)\b`,
  },
  {
    class: 'confirmed',
    lang: 'en',
    re: r`\b(?:setting|preference|toggle|option)s? ~5 (?:has|have) (?:now )?been (?:set|updated|changed|switched) to (?:"|')?(?:off|disabled|opted out|do not)`,
  },
  {
    class: 'confirmed',
    lang: 'en',
    re: r`\b(?:will|shall) (?:no longer|not) be (?:included|used) (?:in|for) (?:any )?(?:future |further )?(?:\S+ )?(?:training|models?)\b`,
  },
  { class: 'confirmed', lang: 'en', re: r`\b(?:we have|we've) (?:now )?(?:stopped|ceased) (?:using|processing)\b` },
  { class: 'confirmed', lang: 'en', re: r`\bopt-?out (?:is|has been) (?:now )?(?:in effect|effective|active|confirmed)\b` },
  { class: 'confirmed', lang: 'en', re: r`\b${DONE_EN}s? ~10 (?:has|have) (?:now )?been (?:successfully |fully )?${DONE_VERB_EN}\b` },
  { class: 'confirmed', lang: 'en', re: r`\b(?:objection|opt-?out)s? ~3 (?:has|have) (?:now )?been accepted\b` },
  { class: 'confirmed', lang: 'en', re: r`\b(?:preference|choice|selection|setting)s? ~3 (?:has|have) (?:now )?been (?:recorded|saved|updated|applied)\b` },
  { class: 'confirmed', lang: 'en', re: r`\b(?:we have|we've|I have|I've) (?:now )?(?:finished|completed) (?:processing|handling|actioning) (?:your|the)\b` },
  { class: 'confirmed', lang: 'en', re: r`\b(?:we have|we've|I have|I've) (?:now )?(?:gone ahead and )?(?:turned|switched|toggled) (?:off|on the opt-?out)\b` },
  {
    class: 'confirmed',
    lang: 'en',
    re: r`\b(?:request|objection|opt-?out) (?:is|is now) (?:complete|completed|fulfilled|done|closed as (?:completed|fulfilled))\b`,
  },
  {
    class: 'confirmed',
    lang: 'en',
    re: r`\b(?:is|are|has been|have been) (?:now )?(?:excluded|removed|exempted|taken out) from ~5 (?:training|model|AI|dataset|datasets|data sets?|data we use)`,
  },
  { class: 'confirmed', lang: 'en', re: r`\b(?:has|have) (?:now )?been (?:purged|wiped|scrubbed|anonymi[sz]ed)\b` },
  {
    class: 'confirmed',
    lang: 'en',
    re: r`\b(?:we|I) (?:have |'ve )?(?:now )?(?:stopped|ceased) (?:using|processing)\b|\bwe (?:no longer|will no longer) (?:use|process)\b`,
  },
  {
    class: 'confirmed',
    strength: 'weak',
    lang: 'en',
    re: r`\b(?:request |ticket |case )?(?:status|outcome|result)\s?:\s?(?:completed?|fulfilled|done|solved|resolved|actioned|closed - completed)\b`,
  },
  {
    class: 'confirmed',
    strength: 'weak',
    lang: 'en',
    re: r`\b(?:request|ticket|case)\b ~4 (?:is|has been|was) (?:now )?(?:complete|completed|solved|resolved|fulfilled)\b`,
  },
  {
    class: 'confirmed',
    lang: 'de',
    re: r`\b${REQUEST_DE}\S* ~4 (?:wurde|ist|wurden|haben wir) ~3 (?:umgesetzt|stattgegeben|entsprochen|vollständig bearbeitet|erfolgreich bearbeitet|ausgeführt|berücksichtigt|durchgeführt|nachgekommen)`,
  },
  {
    class: 'confirmed',
    lang: 'de',
    re: r`\b(?:haben|hat) (?:wir )?~3 ${REQUEST_DE}\S* ~3 (?:umgesetzt|stattgegeben|entsprochen|ausgeführt|berücksichtigt|nachgekommen)`,
  },
  { class: 'confirmed', lang: 'de', re: r`\bDaten ~4 (?:wurden|sind|haben wir) ~3 (?:gelöscht|entfernt|anonymisiert)` },
  {
    class: 'confirmed',
    lang: 'de',
    re: r`\b(?:haben|hat) (?:wir )?~12 (?:gelöscht|entfernt|deaktiviert|ausgeschaltet|abgeschaltet|ausgenommen|ausgeschlossen)\b`,
  },
  { class: 'confirmed', lang: 'de', re: r`\b(?:wurde|ist|wurden) ~2 (?:deaktiviert|ausgeschaltet|abgeschaltet)\b` },
  {
    class: 'confirmed',
    lang: 'de',
    re: r`\b(?:Daten|Einstellung|Konto|Option|Widerspruch|Antrag) ~4 (?:gelöscht|entfernt|anonymisiert|deaktiviert|ausgeschaltet|umgesetzt) (?:wurden|wurde|worden|ist|sind)\b`,
  },
  { class: 'confirmed', lang: 'de', re: r`\bnicht (?:mehr|länger) ~6 (?:für|zum|zur|in) ~3 (?:\S*Training|KI|Künstliche|Trainieren|\S*Modell)` },
  { class: 'confirmed', lang: 'de', re: r`\b${REQUEST_DE}\S* ~5 (?:wurde|ist|wurden) ~3 (?:erledigt|abgeschlossen|erfüllt|umgesetzt)\b` },
  {
    class: 'confirmed',
    lang: 'de',
    re: r`\b(?:Löschung|Umsetzung|Sperrung|Deaktivierung) ~4 (?:ist|wurde|wurden) ~2 (?:abgeschlossen|erfolgt|durchgeführt|vorgenommen)\b`,
  },
  { class: 'confirmed', lang: 'de', re: r`\b(?:haben|hat) (?:wir )?~12 (?:abgestellt|bereinigt|gestoppt|eingestellt|beendet|gesperrt|vermerkt|umgestellt)\b` },
  { class: 'confirmed', lang: 'de', re: r`\b(?:ist|sind|wurde|wurden) ~6 (?:gelöscht|entfernt|deaktiviert|ausgeschlossen|ausgenommen|anonymisiert) worden\b` },
  {
    class: 'confirmed',
    lang: 'de',
    re: r`\b(?:ist|sind) ~6 (?:nun|jetzt|ab sofort|inzwischen|mittlerweile) ~2 (?:deaktiviert|ausgeschaltet|abgeschaltet|gelöscht|entfernt)\b`,
  },
  { class: 'confirmed', strength: 'weak', lang: 'de', re: r`\b(?:Status|Ergebnis|Bearbeitungsstatus)\s?:\s?(?:gelöst|erledigt|abgeschlossen|umgesetzt)\b` },
  {
    class: 'confirmed',
    strength: 'weak',
    lang: 'de',
    re: r`\b(?:Ticket|Anfrage|Vorgang|Fall)\b ~4 (?:wurde|ist) (?:als )?(?:gelöst|erledigt|abgeschlossen)\b`,
  },

  // ---- acknowledged ----
  { class: 'acknowledged', lang: 'en', re: r`\b(?:we|I) (?:have|'ve) (?:now |duly |successfully )?received your ~3 ${REQUEST_EN}` },
  {
    class: 'acknowledged',
    lang: 'en',
    re: r`\b(?:your|this|the) ~3 (?:${REQUEST_EN}|ticket|case) (?:\(?#?[\w-]*\d[\w-]*\)? )?(?:has|have) been (?:successfully )?(?:received|logged|created|registered|opened|forwarded|passed on|escalated|assigned|recorded)`,
  },
  { class: 'acknowledged', lang: 'en', re: r`\b(?:confirm|confirms|confirming|acknowledge|acknowledges|acknowledging) (?:the )?receipt of\b` },
  { class: 'acknowledged', lang: 'en', re: r`\bthis (?:e-?mail|message|is to) (?:confirms?|acknowledges?) (?:that )?(?:we (?:have )?received)\b` },
  {
    class: 'acknowledged',
    strength: 'weak',
    lang: 'en',
    re: r`\b(?:ticket|case|reference|request|incident|tracking) (?:number|no\.?|ID|#)\s?:?\s?#?[A-Z0-9][\w-]*\d`,
  },
  {
    class: 'acknowledged',
    lang: 'en',
    re: r`\bwe (?:will|shall|'ll|aim to|endeavou?r to|will aim to|will endeavou?r to) ~2 (?:respond|reply|get back to you|be in touch|revert|follow up|review|look into|investigate|process|handle|action|contact you|come back to you)\b`,
  },
  {
    class: 'acknowledged',
    lang: 'en',
    re: r`\b(?:we are|we're|is being|are being|is currently being|is now being) (?:currently |now )?(?:reviewing|looking into|processing|investigating|reviewed|processed|handled|investigated|assessed|assessing)\b`,
  },
  {
    class: 'acknowledged',
    lang: 'en',
    re: r`\b(?:forwarded|passed|referred|escalated|assigned) ~3 to (?:our|the) ~3 (?:team|department|officer|DPO|specialists?)\b`,
  },
  {
    class: 'acknowledged',
    lang: 'en',
    re: r`\b(?:your|this) ~3 (?:request|e-?mail|message|objection|letter|enquiry|inquiry)s? ~4 (?:has|have) (?:safely )?reached us\b`,
  },
  { class: 'acknowledged', lang: 'en', re: r`\bwill ~2 (?:be in touch|get back to you|respond to you|contact you|revert to you|come back to you)\b` },
  { class: 'acknowledged', strength: 'weak', lang: 'en', re: r`\b(?:reference|ref\.?|ticket|case)\s?:\s?#?[A-Z]{2,}[-_]?\d{3,}\b` },
  { class: 'acknowledged', lang: 'en', re: r`\b(?:we|I) (?:have|'ve) (?:now )?(?:got|logged|registered|noted) your ~3 ${REQUEST_EN}` },
  {
    class: 'acknowledged',
    lang: 'en',
    re: r`\b(?:an?|your|this|the) (?:new )?(?:ticket|case|request) (?:\(?#?[\w-]*\d[\w-]*\)? )?(?:has been|was|is) (?:now )?(?:opened|created|logged|raised)`,
  },
  {
    class: 'acknowledged',
    lang: 'en',
    re: r`\b(?:is|are) (?:currently |now )?(?:under review|in progress|being (?:reviewed|looked at|worked on|assessed|considered|handled))\b|\bwe are (?:currently |now )?working on (?:your|the|this|it)\b`,
  },
  { class: 'acknowledged', lang: 'en', re: r`\b(?:it's|it is|this is) (?:now )?with (?:our|the) ~3 (?:team|department|DPO|officer)\b` },
  {
    class: 'acknowledged',
    lang: 'en',
    re: r`\b(?:expect to|you will|you'll|you should) hear (?:back )?from us\b|\bget in touch\b|\bwill (?:write to|update|notify|inform) you\b|\bwill (?:let you know|keep you (?:updated|informed|posted))\b`,
  },
  {
    class: 'acknowledged',
    lang: 'en',
    re: r`\b(?:ticket |request |case )?status\s?:\s?(?:open|new|received|pending|in progress|under review|submitted|acknowledged)\b`,
  },
  { class: 'acknowledged', lang: 'en', re: r`\bthank you for (?:submitting|sending|filing) your ~3 (?:request|objection|opt-?out)` },
  {
    class: 'acknowledged',
    lang: 'en',
    re: r`\b(?:will|shall) ~3 (?:review|consider|assess|look at) (?:the|your|this|it)\b ~8 (?:and (?:respond|reply|get back)|within)`,
  },
  { class: 'acknowledged', lang: 'de', re: r`\b(?:in|zur) Bearbeitung\b|\b(?:wird|werden) ~4 (?:derzeit|gerade|aktuell) ~4 (?:bearbeitet|geprüft)` },
  {
    class: 'acknowledged',
    lang: 'de',
    re: r`\b${REQUEST_DE}\S* ~5 (?:ist|sind) ~3 angekommen\b|\bErhalt ~4 (?:bestätigen|bestätigt)|\b(?:bestätigen|bestätigt) ~3 Erhalt\b|\bEingangsbestätigung\b`,
  },
  { class: 'acknowledged', lang: 'de', re: r`\bmeldet sich ~4 bei Ihnen\b|\b(?:antworten|antwortet) ~3 Ihnen ~6 (?:Frist|Monats|Woche|Tagen|bald|Kürze)` },
  { class: 'acknowledged', lang: 'de', re: r`\b(?:Status|Bearbeitungsstatus)\s?:\s?(?:offen|neu|eingegangen|in Bearbeitung|in Prüfung)\b` },
  { class: 'acknowledged', lang: 'de', re: r`\bkümmern uns (?:darum|um Ihr)|\bkommen ~3 auf Sie zu\b|\bmelden uns ~3 bei Ihnen` },
  { class: 'acknowledged', lang: 'de', re: r`\b${REQUEST_DE}\S* (?:liegt|liegen) ~4 vor\b|\bSie erhalten ~4 (?:Antwort|Rückmeldung|Nachricht)` },
  { class: 'acknowledged', lang: 'de', re: r`\b(?:wir haben|haben wir) ~4 ${REQUEST_DE}\S* ~4 erhalten` },
  {
    class: 'acknowledged',
    lang: 'de',
    re: r`\b${REQUEST_DE}\S* ~4 (?:ist|wurde|wurden) ~3 (?:eingegangen|erhalten|weitergeleitet|registriert|aufgenommen|erfasst|angelegt)`,
  },
  { class: 'acknowledged', lang: 'de', re: r`\bEingang ~3 (?:bestätigen|bestätigt)|\b(?:bestätigen|bestätigt) ~3 Eingang` },
  {
    class: 'acknowledged',
    strength: 'weak',
    lang: 'de',
    re: r`\b(?:(?:Ticket|Vorgangs|Referenz|Bearbeitungs|Fall|Anfrage)-?(?:nummer|nr\.?)|Aktenzeichen)\s?:?\s?#?[A-Z0-9][\w-]*\d`,
  },
  { class: 'acknowledged', lang: 'de', re: r`\b(?:werden|wird) ~5 (?:bearbeiten|bearbeitet|prüfen|geprüft|beantworten|beantwortet|melden|zurückkommen)\b` },
  { class: 'acknowledged', lang: 'de', re: r`\b(?:an|zur) ~4 (?:weitergeleitet|weitergegeben)` },
];

/** Subjects (after Re:/AW: prefixes are removed) that mark an automatic reply. Strong: an out-of-office. */
export const SUBJECT_AUTO_REPLY: { re: RegExp; strength: 'strong' | 'weak' }[] = [
  { re: /^(?:out of (?:the )?office|OOO\b|abwesenheitsnotiz|abwesend|urlaub|vacation|on leave)/i, strength: 'strong' },
  { re: /^(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response|responder)|autoreply|automatische antwort)/i, strength: 'weak' },
];

/** Reply prefixes removed from a subject before it is matched. */
export const SUBJECT_PREFIX = /^\s*(?:(?:re|aw|wg|fw|fwd|antw|sv|vs)\s*(?:\[\d+\])?\s*:|\[(?:external|extern)\])\s*/i;

/** Local parts of mail-system senders; their mail is a bounce when it also reads like one. */
export const DAEMON_SENDER = /^(?:mailer-daemon|mailerdaemon|mail-daemon|postmaster|mail\.delivery\.system)$/i;
/** A daemon's mail that says delivery failed. */
export const BOUNCE_TEXT =
  /undeliver|could(?: not|n't) be delivered|delivery (?:has )?failed|delivery status notification|returned to sender|returning message to sender|permanent (?:fatal )?error|user unknown|mailbox (?:unavailable|full|is full)|unzustellbar|nicht zugestellt|konnte nicht zugestellt|wasn't able to deliver/i;
/** Sender addresses that never read replies. */
export const NO_REPLY_SENDER = /^(?:no-?reply|do-?not-?reply|donotreply|noreply-\w+|notifications?|mailer)(?:[+.-][\w.-]*)?$/i;
