// Polish: the phrases of privacy teams and ticket systems writing in Polish, and the words around them.
// Polish inflects, so stems take an ending E ("żądani${E}" for żądanie, żądania, żądaniu).
import { type Language, r } from './build.ts';

/** An inflection ending: Polish letters only, so a stem never runs over a full stop ("wiadomości."). */
const E = '[a-ząćęłńóśźż]*';

const REQUEST_PL = `(?:żądani${E}|wnios${E}|sprzeciw${E}|zgłoszeni${E}|prośb${E}|wiadomoś${E}|e-?mail${E}|pism${E})`;

export const pl: Language = {
  lang: 'pl',
  words: {
    negation: String.raw`\b(?:nie|nigdy|żadn${E}|ani)\b`,
    hedge: String.raw`\b(?:jeśli|jeżeli|gdy|gdyby|kiedy|o ile|w przypadku|ewentualnie|może|możliwe|w międzyczasie|w pilnych sprawach)\b`,
    possibility: String.raw`\b(?:może|mogą|możemy|moglibyśmy|mógłby)\b`,
    and: 'i|oraz|a',
    opener: 'my|ja',
    contrast: 'ale|jednak|jednakże|natomiast|lecz|choć|chociaż',
    regret: String.raw`\b(?:niestety|przykro nam|z przykrością|przepraszamy|nie (?:możemy|jesteśmy w stanie|udało)|odrzucon${E}|odmow${E})\b`,
  },
  subject: {
    prefixes: 'odp|pd',
    outOfOffice: `poza biurem|nieobecn${E}|urlop`,
    autoReply: 'automatyczna odpowiedź|odpowiedź automatyczna|autoodpowiedź',
  },
  bounceText: 'nie (?:można|udało się) dostarczyć|niedostarczon|nie została dostarczona',
  quoting: {
    attributionStart: String.raw`W dniu|(?:pon|wt|śr|czw|pt|sob|niedz)(?=\.)`,
    attribution: String.raw`^\s*(?:W dniu\b|(?:pon|wt|śr|czw|pt|sob|niedz)\.)[\s\S]{0,300}\b(?:pisze|napisał(?:a|\(a\))?)\s*:\s*$`,
    separator: 'wiadomość oryginalna|oryginalna wiadomość|przekazana wiadomość',
    headerFrom: 'od',
    headerNext: 'wysłano|wysłane|do|temat|data|dw',
    requestLabel: '(?:państwa|pana|pani|twoje) (?:zgłoszenie|wiadomość|żądanie)',
    replyAbove: 'powyżej tej linii',
  },
  patterns: [
    // ---- auto_reply: out of office (strong) ----
    { class: 'auto_reply', strength: 'strong', re: r`\b(?:jestem|będę) (?:obecnie )?(?:poza biurem|na urlopie|nieobecn${E}|na zwolnieniu)` },
    { class: 'auto_reply', strength: 'strong', re: r`\bpoza biurem do\b|\bpo (?:moim )?powrocie\b|\bwracam (?:do biura )?(?:w dniu|dnia)\b` },
    // ---- auto_reply: no-reply notices (weak) ----
    { class: 'auto_reply', strength: 'weak', re: r`\b(?:prosimy|proszę) nie odpowiadać na (?:tę|tą|tego|niniejszą) ~2 (?:wiadomość|e-?mail${E}|maila)` },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\bwiadomość (?:została )?wygenerowana automatycznie|\b(?:wiadomość|odpowiedź) automatyczna\b|\bautomatyczna (?:wiadomość|odpowiedź)`,
    },

    // ---- identity_requested ----
    {
      class: 'identity_requested',
      re: r`\b(?:potwierdzeni${E}|potwierdzić|weryfikacj${E}|zweryfikować|zweryfikowania|ustaleni${E}|ustalić) (?:Pani/Pana |Pana/Pani |Pana |Pani |Państwa |Twojej |swojej )?tożsamości`,
    },
    { class: 'identity_requested', re: r`\b(?:kopi${E}|skan${E}|zdjęci${E}) ~3 (?:dowodu osobistego|paszportu|dokumentu tożsamości|prawa jazdy)` },
    { class: 'identity_requested', re: r`\blink (?:weryfikacyjny|aktywacyjny|potwierdzający)\b|\bklikn${E} (?:w )?(?:link|przycisk)\b` },
    {
      class: 'identity_requested',
      re: r`\b(?:podanie|podać|przesłanie|przesłać|wskazanie|wskazać|potwierdzenie) ~4 (?:adres${E} e-?mail|numer${E} klienta|nazw${E} użytkownika|dat${E} urodzenia|numer${E} telefonu)`,
    },

    // ---- use_other_channel ----
    {
      class: 'use_other_channel',
      re: r`\b(?:prosimy|proszę|należy) ~3 (?:skorzystać z|skorzystanie z|wypełnić|wypełnienie|użyć|złożyć je przez|złożenie go przez) ~3 (?:formularz${E}|portal${E}|centrum|stron${E}|panel${E})`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:wyłącznie|jedynie|tylko) (?:przez|za pośrednictwem|poprzez|za pomocą) ~3 (?:formularz${E}|portal${E}|centrum|stron${E}|aplikacj${E}|panel${E})`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:prosimy|proszę) (?:o )?(?:przesłanie|skierowanie|kierowanie|wysłanie|przesłać|skierować|wysłać) ~3 ${REQUEST_PL} ~4 (?:na adres|do|przez|za pośrednictwem)\b`,
    },

    // ---- extension (Art. 12(3) GDPR) ----
    { class: 'extension', re: r`\bprzedłuż${E} ~6 termin${E}|\btermin${E} ~6 (?:przedłużon${E}|przedłużeni${E}|przedłużyć|wydłużon${E}|wydłużeni${E})` },
    { class: 'extension', re: r`\bo (?:kolejne|dodatkowe) (?:dwa|2) miesiące` },

    // ---- refused ----
    {
      class: 'refused',
      refusal: 'compelling_grounds',
      re: r`\bważn${E} prawnie uzasadnion${E} podstaw${E}|\bprawnie uzasadnion${E} interes${E} ~6 (?:nadrzędn${E}|przeważ${E})`,
    },
    { class: 'refused', refusal: 'not_applicable', re: r`\bnie (?:sprzedajemy|udostępniamy) ~3 danych\b|\bnie ma zastosowania\b` },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\bnie (?:znaleźliśmy|odnaleźliśmy|posiadamy|przetwarzamy|przechowujemy|zidentyfikowaliśmy|udało (?:nam )?się (?:odnaleźć|znaleźć|zidentyfikować)) ~3 (?:żadn${E} )?(?:kont${E}|danych|informacji|profil${E}|użytkownik${E}|klient${E})`,
    },
    { class: 'refused', refusal: 'no_data', re: r`\bżadn${E} (?:kont${E}|danych|profil${E}) ~4 (?:powiązan${E}|przypisan${E}|zarejestrowan${E})` },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\bnie (?:możemy|jesteśmy w stanie) (?:uwzględnić|zrealizować|przyjąć|spełnić|rozpatrzyć pozytywnie) ~3 ${REQUEST_PL}`,
    },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\b${REQUEST_PL} ~3 (?:został|zostało|zostaje|została) (?:odrzucon${E}|nieuwzględnion${E}|rozpatrzon${E} negatywnie)`,
    },
    { class: 'refused', refusal: 'other', re: r`\b(?:odmawiamy|odrzucamy) ~3 (?:${REQUEST_PL}|realizacji)` },

    // ---- confirmed ----
    {
      class: 'confirmed',
      re: r`\b${REQUEST_PL} ~4 (?:został|zostało|zostały|została) ~2 (?:zrealizowan${E}|uwzględnion${E}|wykonan${E}|rozpatrzon${E} pozytywnie|przetworzon${E})`,
    },
    {
      class: 'confirmed',
      re: r`\b(?:dane|konto|ustawieni${E}|treści|opcj${E})${E} ~4 (?:zostały|zostało|został|została) ~2 (?:usunięt${E}|wyłączon${E}|zanonimizowan${E}|wykluczon${E}|dezaktywowan${E})`,
    },
    { class: 'confirmed', re: r`\b(?:usunęliśmy|wyłączyliśmy|zrealizowaliśmy|uwzględniliśmy|dezaktywowaliśmy|wykluczyliśmy|zanonimizowaliśmy)\b` },
    { class: 'confirmed', re: r`\bnie (?:będą|będzie) (?:już )?(?:wykorzystywan${E}|przetwarzan${E}|używan${E}) ~4 (?:do|w celu|w celach)\b` },
    { class: 'confirmed', strength: 'weak', re: r`\bstatus\s?:\s?(?:zamknięt${E}|rozwiązan${E}|zrealizowan${E}|zakończon${E})` },

    // ---- acknowledged ----
    { class: 'acknowledged', re: r`\botrzymaliśmy ~4 ${REQUEST_PL}` },
    { class: 'acknowledged', re: r`\bpotwierdzamy (?:otrzymanie|wpływ|odbiór)\b` },
    { class: 'acknowledged', re: r`\b${REQUEST_PL} ~4 (?:został|zostało|zostały|została) ~2 (?:przyjęt${E}|zarejestrowan${E}|przekazan${E}|otrzyman${E})` },
    {
      class: 'acknowledged',
      re: r`\bw trakcie (?:realizacji|rozpatrywania|weryfikacji|analizy)\b|\b(?:jest|są) (?:obecnie )?(?:rozpatrywan${E}|analizowan${E}|weryfikowan${E})`,
    },
    { class: 'acknowledged', re: r`\b(?:odpowiemy|skontaktujemy się|poinformujemy|udzielimy odpowiedzi)\b` },
    { class: 'acknowledged', re: r`\bprzekazal${E} ~4 do ~3 (?:działu|zespołu|inspektora|IOD|DPO)\b|\bprzekazaliśmy ~4 (?:do|inspektorowi)\b` },
    {
      class: 'acknowledged',
      strength: 'weak',
      re: r`\b(?:numer (?:zgłoszenia|sprawy|referencyjny)|nr (?:zgłoszenia|sprawy)|zgłoszenie nr|sygnatura)\s?:?\s?#?[A-Z0-9][\w/-]*\d`,
    },
  ],
};
