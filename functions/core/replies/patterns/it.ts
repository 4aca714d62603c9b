// Italian: the phrases of privacy teams and ticket systems writing in Italian, and the words around them.
// "Presa in carico" (taken on) is a receipt, not a result.
import { type Language, r } from './build.ts';

const REQUEST_IT = '(?:richiesta|istanza|opposizione|segnalazione|messaggio|e-?mail|mail|comunicazione|lettera)';

export const it: Language = {
  lang: 'it',
  words: {
    negation: String.raw`\b(?:non|mai|nessun\S*|né|neanche|nemmeno)\b`,
    hedge: String.raw`\b(?:se|qualora|quando|una volta che|non appena|nel caso|eventualmente|forse|nel frattempo|in caso di urgenza|per urgenze)\b`,
    possibility: String.raw`\b(?:può|possono|potrà|potranno|potrebbe|potrebbero|possiamo|potremo)\b`,
    and: 'e|ed',
    opener: 'abbiamo|la informiamo|le comunichiamo|noi',
    contrast: 'ma|tuttavia|però|sebbene',
    regret: String.raw`\b(?:purtroppo|siamo spiacenti|ci dispiace|spiacenti|rammaric\S*|non (?:possiamo|è possibile|siamo in grado)|respint\S*|rigettat\S*)\b`,
  },
  subject: {
    prefixes: 'r|rif|i|inoltro',
    outOfOffice: String.raw`fuori (?:ufficio|sede)|assente\b|in ferie`,
    autoReply: 'risposta automatica',
  },
  bounceText: 'non recapitabile|mancato recapito|impossibile recapitare|recapito non riuscito',
  quoting: {
    attributionStart: 'Il(?: giorno)?',
    attribution: String.raw`^\s*Il\b[\s\S]{0,300}\bha scritto\s*:\s*$`,
    separator: 'messaggio originale|messaggio inoltrato',
    headerFrom: 'da',
    headerNext: 'inviato|a|oggetto|data|cc',
    requestLabel: 'la sua (?:richiesta|messaggio)(?: originale)?',
    replyAbove: 'sopra questa riga',
  },
  patterns: [
    // ---- auto_reply: out of office (strong) ----
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:sono|sarò) (?:attualmente )?(?:fuori ufficio|fuori sede|in ferie|assente|in vacanza|in congedo|in trasferta)\b`,
    },
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:rientrerò|sarò di ritorno|sarò nuovamente in ufficio) (?:il|in ufficio|dal|lunedì|martedì|mercoledì|giovedì|venerdì)\b`,
    },
    // ---- auto_reply: no-reply notices (weak) ----
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\b(?:si prega di non|la preghiamo di non|non) rispondere a questa (?:e-?mail|mail|messaggio|comunicazione)`,
    },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\b(?:messaggio|e-?mail|mail) (?:generat[oa]|inviat[oa]) automaticamente\b|\b(?:risposta|messaggio) automatic[oa]\b`,
    },

    // ---- identity_requested ----
    { class: 'identity_requested', re: r`\b(?:verificare|confermare|accertare|comprovare|attestare) (?:la )?(?:sua|tua|vostra) identità` },
    { class: 'identity_requested', re: r`\b(?:verifica|accertamento|conferma) (?:della (?:sua |tua |vostra )?|dell')identità` },
    {
      class: 'identity_requested',
      re: r`\b(?:copia|scansione|foto|fotografia) ~3 (?:documento d'identità|documento di identità|carta d'identità|passaporto|patente)`,
    },
    { class: 'identity_requested', re: r`\blink di (?:verifica|conferma)\b|\bclicc(?:a|hi|are) (?:sul|il) ~2 (?:link|pulsante)` },
    {
      class: 'identity_requested',
      re: r`\b(?:indicarci|fornirci|comunicarci|inviarci|confermarci|indicare|fornire|comunicare) ~4 (?:indirizzo e-?mail|codice cliente|nome utente|data di nascita|numero di telefono) ~4 (?:associat|collegat|registrat|utilizzat)`,
    },

    // ---- use_other_channel ----
    {
      class: 'use_other_channel',
      re: r`\b(?:la preghiamo di|la invitiamo a|si prega di|ti preghiamo di|ti invitiamo a|è necessario|occorre) ~2 (?:utilizzare|compilare|usare|accedere a|inoltrare la richiesta tramite|inviare la richiesta tramite) (?:il|la|l'|nostro|nostra|apposito|apposita|il nostro|la nostra|l'apposito|l'apposita) ~3 (?:modulo|portale|centro|pagina|sezione|form)`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:esclusivamente|unicamente|solo|soltanto) (?:tramite|attraverso|mediante|via|dal|dalla|sul|sulla) (?:il |la |l')?(?:nostro |nostra |apposito |apposita )?\S*(?:modulo|portale|centro|form|piattaforma|sito)`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:la preghiamo di|si prega di|ti preghiamo di) ~2 (?:inoltrare|inviare|indirizzare|presentare) (?:la|la sua|questa) ~3 ${REQUEST_IT} ~4 (?:a|al|all'|tramite|attraverso)\b`,
    },

    // ---- extension (Art. 12(3) GDPR) ----
    { class: 'extension', re: r`\bprorog\S* ~6 termine\b|\btermine ~6 (?:prorogato|esteso|prorogare|estendere)\b|\bproroga\b` },
    { class: 'extension', re: r`\bulteriori (?:due|2) mesi\b|\b(?:due|2) mesi (?:ulteriori|aggiuntivi|in più)\b` },

    // ---- refused ----
    {
      class: 'refused',
      refusal: 'compelling_grounds',
      re: r`\bmotivi legittimi (?:cogenti|prevalenti)\b|\binteress[ei] legittim[oi] ~6 (?:prevalent\S*|prevalgono|prevale)\b`,
    },
    { class: 'refused', refusal: 'not_applicable', re: r`\bnon (?:vendiamo|cediamo) ~3 dati\b|\bnon (?:è|risulta) applicabile\b` },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\bnon (?:abbiamo (?:trovato|individuato|rilevato)|risulta|risultano|è stato possibile (?:trovare|individuare|identificare)|siamo riusciti a (?:trovare|individuare)|trattiamo|conserviamo|deteniamo|disponiamo di) ~3 (?:alcun\S* )?(?:account|dat[oi]|informazion[ei]|profilo|utente|cliente|registrazion[ei])`,
    },
    { class: 'refused', refusal: 'no_data', re: r`\bnessun (?:account|dato|profilo|utente|cliente) ~4 (?:associat|collegat|registrat|risulta|trovat)` },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\bnon (?:possiamo|siamo in grado di|è possibile) (?:dare seguito|accogliere|soddisfare|evadere|accettare) ~3 ${REQUEST_IT}`,
    },
    { class: 'refused', refusal: 'other', re: r`\b${REQUEST_IT} ~3 (?:è stata|viene|è) (?:respinta|rigettata|rifiutata|non accolta)\b` },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\b(?:respingere|rigettare|rifiutare|respingiamo|rigettiamo) ~2 (?:la sua|la vostra|la|questa) ~2 ${REQUEST_IT}`,
    },

    // ---- confirmed ----
    {
      class: 'confirmed',
      re: r`\babbiamo (?:già |correttamente )?(?:elaborato|evaso|accolto|gestito|eseguito|dato seguito|applicato|dato corso) (?:la|la sua|la vostra|questa|alla sua|alla) ~3 ${REQUEST_IT}`,
    },
    {
      class: 'confirmed',
      re: r`\b${REQUEST_IT} ~3 (?:è stata|sono state|è) (?:correttamente |regolarmente |debitamente )?(?:evasa|accolta|elaborata|gestita|eseguita|completata|soddisfatta)\b`,
    },
    {
      class: 'confirmed',
      re: r`\b(?:dati|account|contenuti|impostazione|opzione)\S* ~4 (?:sono stati|è stato|è stata|sono state|vengono|sono) (?:ora |definitivamente )?(?:cancellat\S*|eliminat\S*|rimoss\S*|anonimizzat\S*|esclus\S*|disattivat\S*)`,
    },
    {
      class: 'confirmed',
      re: r`\babbiamo (?:provveduto a )?(?:cancellato|cancellare|eliminato|eliminare|disattivato|disattivare|rimosso|escluso|escludere|interrotto)\b`,
    },
    { class: 'confirmed', re: r`\bnon (?:saranno|verranno|sarà|verrà) più (?:utilizzat\S*|trattat\S*|usat\S*) ~4 (?:per|a fini|ai fini)\b` },
    { class: 'confirmed', strength: 'weak', re: r`\b(?:stato|esito)(?: della richiesta| del ticket)?\s?:\s?(?:risolt[oa]|chius[oa]|completat[oa]|evas[oa])\b` },

    // ---- acknowledged ----
    {
      class: 'acknowledged',
      re: r`\babbiamo (?:correttamente |regolarmente )?ricevuto (?:la|la sua|la vostra|il suo|il vostro|la tua|il tuo) ~3 ${REQUEST_IT}`,
    },
    { class: 'acknowledged', re: r`\b(?:confermiamo|conferma(?:re)? di) (?:l'avvenuta )?ricezione\b|\bavvenuta ricezione\b` },
    {
      class: 'acknowledged',
      re: r`\b${REQUEST_IT} ~3 (?:è stata|è) (?:correttamente )?(?:ricevuta|registrata|presa in carico|inoltrata|trasmessa|aperta)\b`,
    },
    {
      class: 'acknowledged',
      re: r`\bin (?:fase di )?lavorazione\b|\bin corso di (?:valutazione|elaborazione|verifica|gestione|lavorazione)\b|\bstiamo (?:verificando|valutando|esaminando|elaborando|lavorando)\b`,
    },
    {
      class: 'acknowledged',
      re: r`\b(?:le|vi|ti) (?:risponderemo|daremo riscontro|forniremo (?:un )?riscontro|faremo sapere|ricontatteremo)\b|\b(?:sarà|verrà) ricontattat[oa]\b`,
    },
    { class: 'acknowledged', re: r`\b(?:inoltrat|trasmess)\S* ~4 (?:al|alla|all'|ai) ~3 (?:team|ufficio|reparto|DPO|responsabile)\b` },
    {
      class: 'acknowledged',
      strength: 'weak',
      re: r`\b(?:numero (?:di )?(?:ticket|pratica|richiesta|riferimento)|riferimento|pratica)\s?:?\s?(?:n\. ?)?#?[A-Z0-9][\w-]*\d`,
    },
  ],
};
