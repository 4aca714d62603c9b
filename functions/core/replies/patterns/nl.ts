// Dutch: the phrases of privacy teams and ticket systems writing in Dutch, and the words around them.
// Dutch puts the participle last ("wij hebben uw verzoek verwerkt"), so phrases bridge the object with a gap.
import { type Language, r } from './build.ts';

const REQUEST_NL = '(?:\\S*verzoek|\\S*bezwaar|\\S*aanvraag|bericht|e-?mail|mail|brief|opt-?out)';

export const nl: Language = {
  lang: 'nl',
  words: {
    negation: String.raw`\b(?:niet|geen|nooit|noch|niets)\b`,
    hedge: String.raw`\b(?:als|indien|zodra|wanneer|mits|tenzij|eventueel|misschien|in de tussentijd|intussen|voor dringende (?:zaken|vragen))\b`,
    possibility: String.raw`\b(?:kan|kunnen|zou|zouden)\b(?! (?:u|je|jij)\b)`,
    and: 'en',
    opener: 'wij|we|ik|(?:hebben|is|zijn|wordt|worden) (?:wij|we|uw)',
    contrast: 'maar|echter|hoewel|desondanks',
    regret: String.raw`\b(?:helaas|spijt|excuses|afgewezen|geweigerd|niet (?:mogelijk|in staat))\b`,
  },
  subject: {
    prefixes: 'antw|doorst',
    outOfOffice: 'afwezig|buiten kantoor|met vakantie|afwezigheidsmelding',
    autoReply: 'automatisch antwoord',
  },
  bounceText: 'onbestelbaar|kan niet worden (?:bezorgd|afgeleverd)|niet afgeleverd|bezorging mislukt',
  quoting: {
    attributionStart: 'Op',
    attribution: String.raw`^\s*Op\b[\s\S]{0,300}\b(?:schreef|geschreven)\b[\s\S]{0,300}:\s*$`,
    separator: 'oorspronkelijk bericht|origineel bericht|doorgestuurd bericht',
    headerFrom: 'van',
    headerNext: 'verzonden|aan|onderwerp|datum|cc',
    requestLabel: 'uw (?:oorspronkelijke )?(?:verzoek|vraag|bericht)',
    replyAbove: 'boven deze regel',
  },
  patterns: [
    // ---- auto_reply: out of office (strong) ----
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:ik ben|ben ik) ~4 (?:afwezig|met vakantie|op vakantie|niet op kantoor|met verlof|niet aanwezig|buiten kantoor)\b`,
    },
    { class: 'auto_reply', strength: 'strong', re: r`\bweer (?:aanwezig|op kantoor|bereikbaar)\b|\bafwezigheids(?:melding|bericht)\b` },
    // ---- auto_reply: no-reply notices (weak) ----
    { class: 'auto_reply', strength: 'weak', re: r`\b(?:reageer|antwoord) (?:alstublieft |a\.u\.b\. )?niet op (?:dit|deze) (?:e-?mail|bericht|mail)` },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\bautomatisch (?:gegenereerd|verzonden|verstuurd) (?:bericht|e-?mail)\b|\b(?:bericht|e-?mail) (?:is )?automatisch (?:gegenereerd|verzonden|verstuurd)\b|\bautomatisch antwoord\b`,
    },

    // ---- identity_requested ----
    { class: 'identity_requested', re: r`\b(?:uw|je) identiteit ~3 (?:te )?(?:verifiëren|bevestigen|controleren|vaststellen|aantonen|vast te stellen)` },
    { class: 'identity_requested', re: r`\b(?:verificatie|controle|vaststelling|bevestiging) van (?:uw|je) identiteit\b` },
    { class: 'identity_requested', re: r`\b(?:kopie|scan|foto) ~3 (?:identiteitsbewijs|paspoort|ID-kaart|identiteitskaart|rijbewijs)` },
    { class: 'identity_requested', re: r`\b(?:verificatie|bevestigings)link\b|\bklik op (?:de|deze) ~2 (?:link|knop)\b` },
    {
      class: 'identity_requested',
      re: r`\b(?:laat|stuur|geef|bevestig) ~4 (?:e-?mailadres|klantnummer|gebruikersnaam|geboortedatum|telefoonnummer) ~4 (?:gekoppeld|verbonden|geregistreerd|gebruikt|hoort)`,
    },

    // ---- use_other_channel ----
    {
      class: 'use_other_channel',
      re: r`\b(?:gebruik|vul) ~3 (?:ons|onze|het|de) ~3 (?:formulier|webformulier|privacyformulier|contactformulier|portaal|privacyportaal|privacycentrum)\b`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:uitsluitend|alleen|enkel) (?:via|met|door middel van|in) (?:ons|onze|het|de) \S*(?:formulier|portaal|centrum|app|website)`,
    },
    { class: 'use_other_channel', re: r`\b(?:stuur|richt|dien) (?:uw|je|het) ~3 ${REQUEST_NL} ~4 (?:naar|aan|via|in bij)\b` },

    // ---- extension (Art. 12(3) GDPR) ----
    { class: 'extension', re: r`\b\S*termijn ~6 (?:verleng\S*|verlengd)\b|\bverleng\S* ~6 \S*termijn\b` },
    { class: 'extension', re: r`\b(?:twee|2) (?:extra|aanvullende|additionele) maanden\b|\bmet (?:nog )?(?:twee|2) maanden\b` },

    // ---- refused ----
    { class: 'refused', refusal: 'compelling_grounds', re: r`\bdwingende (?:gerechtvaardigde )?gronden\b` },
    { class: 'refused', refusal: 'compelling_grounds', re: r`\bgerechtvaardigde? belang\S* ~6 (?:zwaarder (?:weegt|wegen)|prevaleert|prevaleren|gaat voor)\b` },
    { class: 'refused', refusal: 'not_applicable', re: r`\b(?:verkopen|delen) (?:wij |we )?geen ~3 gegevens\b|\bis niet van toepassing\b` },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\bgeen (?:account|gegevens|persoonsgegevens|klantgegevens|klant|profiel|gebruiker|registratie)\S* ~6 (?:gevonden|vinden|aangetroffen|bekend|geregistreerd|gekoppeld|terugvinden)\b`,
    },
    { class: 'refused', refusal: 'no_data', re: r`\b(?:verwerken|bewaren|hebben|beschikken over) (?:wij |we )?geen ~2 (?:persoons)?gegevens\b` },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\b(?:kunnen|zullen) (?:wij |we )?~3 ${REQUEST_NL} ~2 niet (?:honoreren|inwilligen|toekennen|uitvoeren|in behandeling nemen|accepteren)\b`,
    },
    { class: 'refused', refusal: 'other', re: r`\b${REQUEST_NL} ~3 (?:wordt|is|werd) (?:afgewezen|geweigerd|niet gehonoreerd|ongegrond verklaard)\b` },
    { class: 'refused', refusal: 'other', re: r`\bwijzen (?:wij |we )?~3 ${REQUEST_NL} ~2 af\b` },

    // ---- confirmed ----
    {
      class: 'confirmed',
      re: r`\b(?:wij hebben|we hebben|hebben wij|hebben we) ~3 ${REQUEST_NL} ~4 (?:verwerkt|uitgevoerd|gehonoreerd|ingewilligd|toegekend|afgehandeld|doorgevoerd)\b`,
    },
    {
      class: 'confirmed',
      re: r`\b${REQUEST_NL} ~4 (?:is|werd|zijn) ~3 (?:verwerkt|uitgevoerd|gehonoreerd|ingewilligd|toegekend|afgehandeld|doorgevoerd|gegrond verklaard)\b`,
    },
    {
      class: 'confirmed',
      re: r`\b(?:gegevens|account|instelling|content|inhoud)\S* ~4 (?:zijn|is|werden|werd) ~3 (?:verwijderd|gewist|uitgeschakeld|gedeactiveerd|geanonimiseerd|uitgesloten|uitgezet)\b`,
    },
    { class: 'confirmed', re: r`\b(?:wij hebben|we hebben|hebben wij|hebben we) ~8 (?:verwijderd|gewist|uitgeschakeld|gedeactiveerd|uitgezet|uitgesloten)\b` },
    { class: 'confirmed', re: r`\b(?:niet langer|niet meer) (?:gebruikt|verwerkt|ingezet|gebruiken|verwerken) ~4 (?:voor|om|bij)\b` },
    { class: 'confirmed', strength: 'weak', re: r`\bstatus\s?:\s?(?:opgelost|afgehandeld|gesloten|voltooid)\b` },

    // ---- acknowledged ----
    { class: 'acknowledged', re: r`\b(?:wij hebben|we hebben|hebben wij|hebben we) ~3 ${REQUEST_NL} ~3 (?:goed )?ontvangen\b` },
    { class: 'acknowledged', re: r`\bontvangstbevestiging\b|\bbevestigen (?:hierbij )?(?:de )?ontvangst\b` },
    {
      class: 'acknowledged',
      re: r`\b${REQUEST_NL} ~4 (?:is|werd) ~3 (?:ontvangen|geregistreerd|doorgestuurd|doorgezet|aangemaakt|in behandeling genomen)\b`,
    },
    { class: 'acknowledged', re: r`\bin behandeling\b|\b(?:wordt|worden) ~3 (?:momenteel|op dit moment) ~3 (?:behandeld|bekeken|onderzocht|verwerkt)\b` },
    {
      class: 'acknowledged',
      re: r`\b(?:nemen|neemt) ~4 contact (?:met u|met je) op\b|\bu (?:ontvangt|hoort) ~4 (?:van ons|reactie|antwoord|bericht)\b|\bkomen ~3 (?:bij u|bij je|erop) terug\b`,
    },
    { class: 'acknowledged', re: r`\bdoorgestuurd (?:naar|aan) ~3 (?:team|afdeling|functionaris|DPO|privacyteam)\S*` },
    {
      class: 'acknowledged',
      strength: 'weak',
      re: r`\b(?:referentienummer|zaaknummer|dossiernummer|kenmerk)\s?:?\s?#?[A-Z0-9][\w-]*\d`,
    },
  ],
};
