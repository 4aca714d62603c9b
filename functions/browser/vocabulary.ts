// The words the engine understands on any provider's page, in the project's seven languages: how a
// cookie banner says "reject", how a one-time notice says "continue", how a confirmation dialog says
// "yes, switch it off", how a page says "saved" or "that failed". Playbooks add provider-specific
// words; these are the fallback every playbook gets. All entries are lower case, normalised.

/** Cookie-banner buttons that refuse everything optional: the only ones the engine ever clicks. */
export const COOKIE_REJECT = [
  // en
  'reject',
  'decline',
  'refuse',
  'deny',
  'disagree',
  'necessary only',
  'only necessary',
  'essential only',
  'only essential',
  'necessary cookies only',
  'strictly necessary',
  'required only',
  'only required',
  "only what's needed",
  'continue without accepting',
  'continue without agreeing',
  'no, thanks',
  // de
  'ablehnen',
  'verweigern',
  'nur notwendige',
  'nur erforderliche',
  'nur essenzielle',
  'nur technisch notwendige',
  'ohne zustimmung fortfahren',
  'ohne einwilligung fortfahren',
  'nicht einverstanden',
  // fr
  'refuser',
  'rejeter',
  'tout refuser',
  'continuer sans accepter',
  'uniquement les cookies nécessaires',
  'cookies essentiels uniquement',
  'nécessaires uniquement',
  // es
  'rechazar',
  'denegar',
  'solo necesarias',
  'solo las necesarias',
  'solo esenciales',
  'continuar sin aceptar',
  // it
  'rifiuta',
  'rifiutare',
  'nega',
  'solo necessari',
  'solo essenziali',
  'continua senza accettare',
  // nl
  'weigeren',
  'weiger',
  'afwijzen',
  'alleen noodzakelijke',
  'alleen noodzakelijk',
  'alleen essentiële',
  'doorgaan zonder te accepteren',
  // pl
  'odrzuć',
  'odrzucam',
  'odmów',
  'tylko niezbędne',
  'tylko wymagane',
  'kontynuuj bez akceptacji',
];

/** Words that give consent: a button whose name holds one of these is never clicked on a cookie banner. */
export const COOKIE_ACCEPT = [
  'accept',
  'allow',
  'agree',
  'consent',
  "i'm in",
  'sounds good',
  'got it',
  'ok',
  'akzeptieren',
  'zustimmen',
  'einverstanden',
  'erlauben',
  'alle cookies',
  'annehmen',
  'accepter',
  "j'accepte",
  'autoriser',
  'aceptar',
  'permitir',
  'acepto',
  'accetta',
  'accetto',
  'consenti',
  'accepteren',
  'akkoord',
  'toestaan',
  'akceptuj',
  'akceptuję',
  'zgadzam',
  'zezwól',
];

/** Words that mark a cookie banner (any container that holds one of these and consent buttons). */
export const COOKIE_WORDS = ['cookie', 'cookies', 'traceurs', 'galletas', 'tracking', 'tracker'];

/** Whole button names that close a one-time notice without agreeing to anything, best first. */
export const NOTICE_DISMISS = [
  'not now',
  'maybe later',
  'later',
  'skip',
  'no thanks',
  'no, thanks',
  'close',
  'dismiss',
  'continue',
  'got it',
  'ok',
  'okay',
  'understood',
  'next',
  'continue to settings',
  'nicht jetzt',
  'später',
  'überspringen',
  'schließen',
  'weiter',
  'fortfahren',
  'verstanden',
  'alles klar',
  'pas maintenant',
  'plus tard',
  'fermer',
  'continuer',
  'compris',
  "j'ai compris",
  "d'accord",
  'ahora no',
  'más tarde',
  'cerrar',
  'continuar',
  'entendido',
  'omitir',
  'siguiente',
  'non ora',
  'più tardi',
  'chiudi',
  'continua',
  'ho capito',
  'avanti',
  'niet nu',
  'sluiten',
  'doorgaan',
  'begrepen',
  'ga verder',
  'volgende',
  'nie teraz',
  'później',
  'zamknij',
  'kontynuuj',
  'dalej',
  'rozumiem',
  'pomiń',
];

/** Names that mean "yes, do what I asked" in a confirmation dialog (whole name or its first words). */
export const CONFIRM = [
  'confirm',
  'yes',
  'turn off',
  'switch off',
  'opt out',
  'disable',
  'stop',
  'save',
  'done',
  'ok',
  'continue',
  'bestätigen',
  'ja',
  'ausschalten',
  'deaktivieren',
  'abschalten',
  'speichern',
  'fertig',
  'weiter',
  'confirmer',
  'oui',
  'désactiver',
  'enregistrer',
  'continuer',
  'confirmar',
  'sí',
  'si',
  'desactivar',
  'guardar',
  'continuar',
  'conferma',
  'sì',
  'disattiva',
  'salva',
  'continua',
  'bevestigen',
  'ja',
  'uitschakelen',
  'uitzetten',
  'opslaan',
  'doorgaan',
  'potwierdź',
  'tak',
  'wyłącz',
  'zapisz',
  'kontynuuj',
];

/** Names that back out of a confirmation dialog: never the button the engine presses there. */
export const CANCEL = [
  'cancel',
  'no',
  'keep',
  'keep on',
  'keep it on',
  'go back',
  'back',
  'not now',
  'close',
  'abbrechen',
  'nein',
  'behalten',
  'beibehalten',
  'zurück',
  'schließen',
  'annuler',
  'non',
  'retour',
  'fermer',
  'cancelar',
  'volver',
  'cerrar',
  'annulla',
  'indietro',
  'chiudi',
  'annuleren',
  'nee',
  'terug',
  'sluiten',
  'anuluj',
  'nie',
  'wróć',
  'zamknij',
];

/** What a page shows once a change is stored. */
export const SAVED = [
  'saved',
  'changes saved',
  'settings saved',
  'setting updated',
  'preferences updated',
  'your changes have been saved',
  'gespeichert',
  'änderungen gespeichert',
  'einstellung aktualisiert',
  'enregistré',
  'modifications enregistrées',
  'guardado',
  'cambios guardados',
  'salvato',
  'modifiche salvate',
  'opgeslagen',
  'wijzigingen opgeslagen',
  'zapisano',
  'zmiany zapisane',
];

/** What a page shows when a change was not stored (only read from live regions: role=status/alert). */
export const SAVE_FAILED = [
  'something went wrong',
  'try again',
  "couldn't save",
  'could not save',
  'not saved',
  'error',
  'fehler',
  'schiefgelaufen',
  'nicht gespeichert',
  'versuche es später',
  'erreur',
  'réessayer',
  'non enregistré',
  'inténtalo',
  'no se ha guardado',
  'errore',
  'riprova',
  'fout',
  'probeer het later',
  'niet opgeslagen',
  'błąd',
  'spróbuj ponownie',
  'nie zapisano',
];

/** Whitespace, case and typographic apostrophes vary between pages and help articles. */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** True when `name` is one of `words`, or starts with one followed by a separator ("Yes, turn off"). */
export function namedLike(name: string, words: string[]): boolean {
  const n = normalise(name).replace(/[.!…]+$/, '');
  return words.some((w) => n === w || n.startsWith(`${w},`) || n.startsWith(`${w} `) || n.startsWith(`${w}:`));
}

/** True when `text` holds one of `words` as a whole word or phrase. */
export function mentions(text: string, words: string[]): boolean {
  const n = ` ${normalise(text).replace(/[^\p{L}\p{N}' ]+/gu, ' ')} `;
  return words.some((w) =>
    n.includes(
      ` ${w
        .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()} `,
    ),
  );
}
