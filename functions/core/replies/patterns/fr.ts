// French: the phrases of privacy teams and ticket systems writing in French, and the words around them.
// "Votre demande a bien été prise en compte" is the stock receipt of French ticket systems, so for a request
// it is an acknowledgement; for an objection or a choice ("votre opposition a été prise en compte") it is a
// confirmation.
import { type Language, r } from './build.ts';

const REQUEST_FR = '(?:demande|requête|opposition|réclamation|message|courrier|e-?mail|courriel|lettre|sollicitation)';
/** What, once "pris en compte", has been applied: the objection or the choice, not the request as such. */
const CHOICE_FR = '(?:opposition|choix|refus|désinscription|opt-?out|préférences?)';

export const fr: Language = {
  lang: 'fr',
  words: {
    negation: String.raw`\bn'|\b(?:ne|pas|aucun\S*|jamais|guère|ni)\b`,
    hedge: String.raw`\b(?:si|s'ils?(?! vous pla)|dès que|lorsque|quand|une fois que|au cas où|le cas échéant|éventuellement|peut-être|sous réserve|en attendant|en cas d'urgence|pour toute (?:question|demande) urgente)\b`,
    possibility: String.raw`\b(?:peut|peuvent|pourra|pourront|pourrait|pourraient|pouvons|pourrons|pourrions|susceptible)\b(?!-vous)`,
    and: 'et',
    opener: "nous|je|j'",
    contrast: 'mais|cependant|toutefois|néanmoins|en revanche',
    regret: String.raw`\b(?:malheureusement|regrett\S*|désolée?s?|navrée?s?|impossible|ne (?:pouvons|sommes) pas|n'avons pas|rejet\S*)\b`,
  },
  subject: {
    prefixes: 'tr',
    outOfOffice: String.raw`absen(?:t|te|ce)\b|message d'absence|en congés?\b|hors du bureau`,
    autoReply: 'réponse automatique',
  },
  bounceText: 'non remis|non distribu|impossible de remettre|échec de (?:la )?(?:remise|distribution)',
  quoting: {
    attributionStart: 'Le',
    attribution: String.raw`^\s*Le\b[\s\S]{0,300}\ba écrit\s*:\s*$`,
    separator: "message d'origine|message original|message transféré",
    headerFrom: 'de',
    headerNext: 'envoyé|à|objet|date|cc',
    requestLabel: "votre (?:demande|message)(?: (?:initiale?|d'origine))?",
    replyAbove: 'au-dessus de cette ligne',
  },
  patterns: [
    // ---- auto_reply: out of office (strong) ----
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\bje (?:suis|serai) (?:actuellement )?(?:absente?|en congés?|en vacances|hors du bureau|en déplacement|en congé (?:maternité|parental|maladie))\b`,
    },
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\bde retour (?:le|au bureau|à partir du|dès le|lundi|mardi|mercredi|jeudi|vendredi)\b|\bmessage d'absence\b`,
    },
    // ---- auto_reply: no-reply notices (weak) ----
    { class: 'auto_reply', strength: 'weak', re: r`\b(?:merci de|veuillez) ne pas répondre (?:à|a) (?:ce|cet) (?:e-?mail|message|courriel)` },
    { class: 'auto_reply', strength: 'weak', re: r`\b(?:message|e-?mail|courriel) (?:généré|envoyé) automatiquement\b|\b(?:message|réponse) automatique\b` },

    // ---- identity_requested ----
    { class: 'identity_requested', re: r`\b(?:confirmer|vérifier|justifier|prouver|attester|valider) (?:de )?votre identité` },
    { class: 'identity_requested', re: r`\b(?:vérification|justificatif|preuve) (?:de votre |d')identité` },
    {
      class: 'identity_requested',
      re: r`\b(?:copie|scan|photo) ~3 (?:pièce d'identité|carte d'identité|carte nationale d'identité|passeport|titre de séjour|permis de conduire)`,
    },
    {
      class: 'identity_requested',
      re: r`\b(?:joindre|fournir|transmettre|envoyer|communiquer) ~5 (?:pièce d'identité|justificatif d'identité|carte d'identité|passeport)`,
    },
    { class: 'identity_requested', re: r`\blien de (?:confirmation|vérification|validation)\b|\bcliquez (?:sur )?(?:le|ce) ~2 (?:lien|bouton)` },
    {
      class: 'identity_requested',
      re: r`\b(?:merci de|veuillez|pourriez-vous|pouvez-vous) ~3 (?:indiquer|communiquer|préciser|fournir|transmettre|confirmer) ~4 (?:adresse e-?mail|adresse électronique|adresse mail|numéro de client|identifiant|nom d'utilisateur|date de naissance|numéro de téléphone)`,
    },
    { class: 'identity_requested', re: r`\bafin de (?:pouvoir )?(?:vous identifier|retrouver votre compte|identifier votre compte)\b` },

    // ---- use_other_channel ----
    {
      class: 'use_other_channel',
      re: r`\b(?:veuillez|merci d'|merci de|nous vous invitons à|nous vous prions de|vous devez) ~2 (?:utiliser|remplir|compléter|passer par|vous rendre sur|effectuer votre demande via) (?:notre|le|la|l') ~3 (?:formulaire|centre|portail|espace|page|rubrique)`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:uniquement|exclusivement|seulement) (?:via|par|au moyen de|à travers|sur|depuis) (?:notre|le|la|l') ?\S*(?:formulaire|portail|centre|espace|plateforme|site|application)`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:veuillez|merci de|nous vous invitons à) ~2 (?:adresser|envoyer|transmettre|soumettre|renouveler|formuler) (?:votre|cette|la) ~3 ${REQUEST_FR}s? ~4 (?:à|au|via|par|sur|auprès)\b`,
    },

    // ---- extension (Art. 12(3) GDPR) ----
    { class: 'extension', re: r`\bdélai supplémentaire\b|\b(?:deux|2) mois supplémentaires\b` },
    { class: 'extension', re: r`\b(?:prolong|prorog)\S* ~6 délai\b|\bdélai ~6 (?:prolongé|prorogé|étendu)\b|\bprolongation (?:du|de ce) délai\b` },

    // ---- refused ----
    { class: 'refused', refusal: 'compelling_grounds', re: r`\bmotifs légitimes (?:et )?impérieux\b` },
    { class: 'refused', refusal: 'compelling_grounds', re: r`\bintérêts? légitimes? ~6 (?:prévalent|prévaut|prévaloir|l'emporte\S*|priment)\b` },
    {
      class: 'refused',
      refusal: 'not_applicable',
      re: r`\bne (?:vendons|cédons|louons) (?:pas|aucune?) ~3 données\b|\bne s'applique pas\b|\bn'est pas applicable\b`,
    },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\b(?:n'avons|n'a) (?:pas pu|pu) (?:trouver|identifier|retrouver|localiser|rapprocher) ~4 (?:compte|données|information|dossier|client|profil)`,
    },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\b(?:n'avons trouvé|ne (?:détenons|disposons|possédons|traitons|conservons)|n'avons) (?:d')?aucun\S* ~3 (?:compte|données?|information|dossier|client|trace|profil)`,
    },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\baucun(?:e)? (?:compte|donnée|information|dossier|client|profil)s? ~6 (?:trouvée?|associée?|correspond\S*|enregistrée?|identifiée?|rattachée?)\b`,
    },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\bne (?:sommes|pouvons) pas (?:en mesure (?:de |d'))?(?:donner suite|faire droit|accéder|répondre favorablement|accepter|satisfaire)\b`,
    },
    { class: 'refused', refusal: 'other', re: r`\b(?:rejet|refus) de votre ${REQUEST_FR}\b|\b(?:rejeter|refuser|décliner) (?:votre|cette) ~2 ${REQUEST_FR}\b` },
    { class: 'refused', refusal: 'other', re: r`\b${REQUEST_FR} ~3 (?:est|a été) (?:rejetée?|refusée?|jugée? (?:non fondée?|infondée?))\b` },

    // ---- confirmed ----
    {
      class: 'confirmed',
      re: r`\bnous avons (?:bien |dûment )?(?:traité|exécuté|appliqué|fait droit à|donné suite à|donné une suite favorable à) (?:votre|la|cette) ~3 ${REQUEST_FR}\b`,
    },
    { class: 'confirmed', re: r`\bnous avons (?:bien |dûment )?pris en compte (?:votre|la|cette) ~2 ${CHOICE_FR}` },
    { class: 'confirmed', re: r`\b${CHOICE_FR} ~3 (?:a|ont) (?:bien |désormais )?été (?:bien |dûment )?(?:prise?s? en compte|appliquée?s?|enregistrée?s?)` },
    {
      class: 'confirmed',
      re: r`\b${REQUEST_FR} ~3 (?:a|ont) (?:bien |désormais |maintenant )?été (?:bien |dûment )?(?:traitée?|exécutée?|appliquée?|satisfaite?|acceptée?|effectuée?|finalisée?|accueillie?)\b`,
    },
    {
      class: 'confirmed',
      re: r`\b(?:données|compte|contenus?|informations|paramètre|option|réglage)s? ~4 (?:ont|a) (?:bien |désormais |définitivement )?été (?:définitivement )?(?:supprimée?s?|effacée?s?|anonymisée?s?|exclue?s?|désactivée?s?)`,
    },
    { class: 'confirmed', re: r`\bnous avons (?:bien |désormais |définitivement )?(?:supprimé|effacé|désactivé|anonymisé|exclu|cessé d'utiliser)\b` },
    {
      class: 'confirmed',
      re: r`\bne (?:seront|sera) plus (?:utilisée?s?|traitée?s?|exploitée?s?) ~4 (?:pour|à des fins|dans le cadre|afin)\b`,
    },
    { class: 'confirmed', strength: 'weak', re: r`\b(?:statut|état)(?: de la demande| du ticket)?\s?:\s?(?:résolu|traité|clôturé|terminé)e?\b` },

    // ---- acknowledged ----
    { class: 'acknowledged', re: r`\b(?:nous avons|avons) (?:bien )?reçu (?:votre|vos) ~3 ${REQUEST_FR}` },
    { class: 'acknowledged', re: r`\baccus(?:é|ons|ant) (?:de )?(?:bonne )?réception\b|\bconfirm(?:ons|ation de) (?:la )?(?:bonne )?réception\b` },
    {
      class: 'acknowledged',
      re: r`\b${REQUEST_FR} ~3 (?:a|ont) (?:bien )?été (?:bien )?(?:reçue?|enregistrée?|transmise?|prise en compte|créée?|ouverte?)\b`,
    },
    { class: 'acknowledged', re: r`\ben cours (?:de traitement|d'examen|d'analyse|d'instruction)\b` },
    {
      class: 'acknowledged',
      re: r`\bnous (?:reviendrons|revenons) (?:vers vous|rapidement)|\bnous vous (?:répondrons|recontacterons|tiendrons informée?|apporterons une réponse)|\bvous recevrez (?:une|notre) réponse\b`,
    },
    { class: 'acknowledged', re: r`\b(?:sera|seront) ~2 (?:traitée?s?|examinée?s?|étudiée?s?|analysée?s?)\b` },
    { class: 'acknowledged', re: r`\btransmis\S* ~4 (?:à|au|aux) ~3 (?:service|équipe|délégué|DPO|département)\S*` },
    {
      class: 'acknowledged',
      strength: 'weak',
      re: r`\b(?:numéro|n°|référence) (?:de )?(?:ticket|dossier|demande|suivi)?\s?:?\s?#?[A-Z0-9][\w-]*\d`,
    },
  ],
};
