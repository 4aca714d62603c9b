// German: the phrases of privacy teams and ticket systems writing in German, and the words around them.
import { type Language, r } from './build.ts';

/** German compounds count too: Datenschutzanfrage, Auskunftsersuchen, Betroffenenanliegen. */
const REQUEST_DE = '(?:\\S*(?:anfrage|widerspruch|antrag|ersuchen|anliegen)|Opt-?out|Nachricht|E-Mail|Schreiben|Mitteilung)';

export const de: Language = {
  lang: 'de',
  words: {
    negation: String.raw`\b(?:nicht|nie|niemals|kein\w*|weder)\b`,
    hedge: String.raw`\b(?:sobald|wenn|falls|ob|sofern|gegebenenfalls|ggf|eventuell|möglicherweise|bei (?:weiteren |etwaigen )?(?:Fragen|Rückfragen)|in dringenden Fällen|in der Zwischenzeit)\b`,
    possibility: String.raw`\b(?:kann|könnte|könnten)\b(?! Sie\b)`,
    and: 'und',
    opener: 'wir|(?:haben|hat|wurde|wurden|ist|sind|werden|wird) (?:wir|Ihr|Ihre)',
    contrast: 'aber|jedoch|sondern|allerdings',
    regret: String.raw`\b(?:leider|bedauer\w*|nicht|kein\w*|abgelehnt)\b`,
  },
  subject: {
    prefixes: 'aw|wg|antw',
    outOfOffice: 'abwesenheitsnotiz|abwesend|urlaub',
    autoReply: 'automatische antwort',
  },
  bounceText: 'unzustellbar|nicht zugestellt|konnte nicht zugestellt',
  quoting: {
    attributionStart: 'Am',
    attribution: String.raw`^\s*Am\b[\s\S]{0,300}\bschrieb\b[\s\S]{0,300}:\s*$`,
    separator: 'ursprüngliche nachricht|originalnachricht|weitergeleitete nachricht',
    headerFrom: 'von',
    headerNext: 'gesendet|datum|an|betreff',
    requestLabel: 'ihre (?:ursprüngliche )?(?:anfrage|nachricht|e-mail)',
    replyAbove: 'oberhalb dieser zeile',
  },
  patterns: [
    // ---- auto_reply: out of office (strong) ----
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:ich bin|bin ich) ~6 (?:nicht im Büro|abwesend|im Urlaub|außer Haus|nicht erreichbar|auf Dienstreise|in Elternzeit)`,
    },
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\bbefinde mich (?:\S+ ){0,5}?(?:im Urlaub|nicht im Büro|außer Haus|auf Dienstreise|in Elternzeit|im Krankenstand)`,
    },
    { class: 'auto_reply', strength: 'strong', re: r`\b(?:keinen|nur eingeschränkten|eingeschränkten) Zugriff auf (?:meine )?E-Mails` },
    { class: 'auto_reply', strength: 'strong', re: r`\bAbwesenheits(?:notiz|meldung|nachricht)` },
    { class: 'auto_reply', strength: 'strong', re: r`\b(?:nach meiner Rückkehr|ab dem \S+ wieder (?:im Büro|erreichbar))` },
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:ich bin|bin ich) ~6 (?:nicht im Hause?|nicht am Arbeitsplatz|in Urlaub|krank|außer Dienst)\b`,
    },
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:ab|am|nach) ~4 wieder (?:im Büro|im Hause?|erreichbar|für Sie da|da|zurück|an meinem Arbeitsplatz)\b`,
    },
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:Betriebsferien|Betriebsurlaub)\b|\b(?:unser|das) (?:Büro|Team|Kundenservice) ist ~6 geschlossen\b`,
    },
    // ---- auto_reply: no-reply notices (weak) ----
    { class: 'auto_reply', strength: 'weak', re: r`\bantworten Sie (?:bitte )?nicht auf diese (?:E-Mail|Nachricht)` },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\b(?:dieses Postfach|diese (?:E-Mail-)?Adresse) wird nicht (?:mehr )?(?:überwacht|gelesen|bearbeitet|betreut|abgerufen)`,
    },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\bautomatisch (?:generierte|erstellte|versandte|versendete|erzeugte) (?:E-Mail|Nachricht|Antwort)`,
    },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\b(?:wurde|wird) automatisch (?:generiert|erstellt|versandt|versendet|erzeugt|verschickt)|\bautomatische (?:E-Mail|Nachricht|Antwort|Benachrichtigung)\b`,
    },
    // ---- identity_requested ----
    {
      class: 'identity_requested',
      re: r`\b(?:sicherstellen|sicherzustellen|prüfen|überprüfen|nachweisen|feststellen) ~8 (?:Inhaber\w*|tatsächlich von Ihnen|von Ihnen (?:selbst )?stammt|berechtigt)`,
    },
    { class: 'identity_requested', re: r`\b(?:Kopie|Scan|Foto) ~3 (?:Ausweis\w*|Personalausweis\w*|Reisepass\w*|Führerschein\w*)|\bAusweiskopie\b` },
    {
      class: 'identity_requested',
      re: r`\bdamit wir (?:Sie|Ihr \S*konto|Ihre Person|Ihre Kundendaten) ~4 (?:zuordnen|identifizieren|finden) können\b`,
    },
    {
      class: 'identity_requested',
      re: r`\bbenötigen (?:wir )?~4 (?:Kundennummer|Geburtsdatum|Ausweis|Personalausweis|Anschrift|Vertragsnummer|Benutzernamen|Nutzernamen)`,
    },
    {
      class: 'identity_requested',
      re: r`\bKopie ~3 (?:Personalausweis|Ausweis|Reisepass|Pass\b|Passes|Lichtbildausweis|Identitätsnachweis|Führerschein)`,
    },
    {
      class: 'identity_requested',
      re: r`\bIdentität ~3 (?:zu )?(?:bestätigen|verifizieren|nachweisen|nachzuweisen|überprüfen|prüfen|zu prüfen|feststellen)`,
    },
    { class: 'identity_requested', re: r`\b(?:Bestätigung|Verifizierung|Prüfung|Überprüfung|Nachweis|Feststellung) Ihrer Identität` },
    { class: 'identity_requested', re: r`\bIdentitäts(?:nachweis|prüfung|bestätigung|verifizierung|feststellung)` },
    { class: 'identity_requested', re: r`\b(?:melden|loggen) Sie sich ~4 (?:Konto|Kundenkonto|Account|Benutzerkonto)\S* ~2 (?:an|ein)\b` },
    { class: 'identity_requested', re: r`\b(?:klicken|tippen) Sie ~4 (?:Link|Button|Schaltfläche)` },
    { class: 'identity_requested', re: r`\bBestätigungslink|Verifizierungslink` },
    {
      class: 'identity_requested',
      re: r`\b(?:bestätigen|verifizieren) Sie (?:bitte )?(?:zunächst )?(?:Ihre|Ihren|die|den) (?:Anfrage|Antrag|E-Mail-Adresse|Identität|Widerspruch)`,
    },
    {
      class: 'identity_requested',
      re: r`\b(?:teilen|nennen|senden|schicken) Sie uns ~5 (?:E-Mail-Adresse|Kundennummer|Benutzernamen|Geburtsdatum|Telefonnummer|Anschrift|Nutzernamen)`,
    },
    // ---- use_other_channel ----
    {
      class: 'use_other_channel',
      re: r`\bwenden Sie sich ~4 (?:direkt |bitte )?an (?!uns\b|mich\b)(?:[\w.+-]+@|unser\S* (?:Datenschutz\S*|DSB)|den Datenschutz\S*|die Datenschutz\S*)`,
    },
    { class: 'use_other_channel', re: r`\b(?:reichen|stellen) Sie ~4 (?:dort|über|unter|im|in unserem) ~2 (?:erneut |nochmals )?(?:ein|neu)\b` },
    {
      class: 'use_other_channel',
      re: r`\b(?:ausschließlich|nur|nur noch) (?:über|via|per|mittels|unter) ~4 \S*(?:formular|center|portal|zentrum|Center)\S* ~3 (?:entgegen|bearbeiten|annehmen|bearbeitet|angenommen)`,
    },
    { class: 'use_other_channel', re: r`\b(?:nutzen|verwenden|benutzen) Sie ~4 \S*(?:formular|center|portal|zentrum|Center)` },
    {
      class: 'use_other_channel',
      re: r`\b(?:ausschließlich|nur noch|nur) (?:über|via|per|mittels) (?:unser|unsere|unseren|das|die|den) \S*(?:formular|center|portal|zentrum|Datenschutz|Webseite|Website|App)`,
    },
    { class: 'use_other_channel', re: r`\b(?:richten|senden|schicken|stellen) Sie ~4 ${REQUEST_DE}\S* ~4 (?:an|über|unter)\b` },
    { class: 'use_other_channel', re: r`\b(?:können|werden) (?:wir )?~4 (?:nicht per E-Mail|ausschließlich (?:über|via|per)) ` },
    // ---- extension ----
    { class: 'extension', re: r`\b(?:mehr|weitere|zusätzliche) Zeit (?:in Anspruch|benötigen)|\bbenötigen ~4 (?:mehr|weitere|zusätzliche) Zeit` },
    { class: 'extension', re: r`\bVerlängerung (?:nach|gemäß|gem\.) Art` },
    { class: 'extension', re: r`\b\S*frist\S* ~8 (?:zu )?verlänger` },
    { class: 'extension', re: r`\bVerlängerung\S* ~6 (?:in Anspruch|Gebrauch)` },
    { class: 'extension', re: r`\b(?:benötigen|brauchen|dauert|dauern|nimmt|nehmen) ~6 länger als (?:einen|ein|1) Monat` },
    { class: 'extension', re: r`\bverlänger\S* ~6 \S*[Ff]rist` },
    { class: 'extension', re: r`\bFristverlängerung` },
    { class: 'extension', re: r`\b(?:um )?(?:weitere )?(?:zwei|einen|2|1|drei) (?:weitere[n]? )?Monat\S* ~2 verlänger` },
    // ---- refused ----
    { class: 'refused', refusal: 'compelling_grounds', re: r`\bzwingende\S* ~3 Gründe` },
    { class: 'refused', refusal: 'compelling_grounds', re: r`\bberechtigte\S* Interesse\S* ~5 (?:überwieg|überwiegt|überwiegen)` },
    { class: 'refused', refusal: 'compelling_grounds', re: r`\bweiterhin ~3 verarbeiten\b` },
    { class: 'refused', refusal: 'compelling_grounds', re: r`\bInteresse\S* ~8 (?:überwieg\S*|Vorrang)|\bVerarbeitung ~3 fortsetzen\b` },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\b(?:können|werden) (?:wir )?~4 ${REQUEST_DE}\S* ~2 (?:leider )?nicht (?:nachkommen|entsprechen|stattgeben|umsetzen|folgen)`,
    },
    { class: 'refused', refusal: 'other', re: r`\blehnen (?:wir )?~3 ${REQUEST_DE}\S* ~3 ab\b` },
    { class: 'refused', refusal: 'other', re: r`\b${REQUEST_DE}\S* ~3 (?:wird|wurde|ist) ~2 (?:abgelehnt|unbegründet)` },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\b${REQUEST_DE}\S* (?:können|werden) wir (?:\S+ ){0,3}?nicht (?:nachkommen|entsprechen|stattgeben|umsetzen|folgen)`,
    },
    { class: 'refused', refusal: 'not_applicable', re: r`\b(?:verkaufen|veräußern) ~2 keine (?:personenbezogenen )?Daten` },
    { class: 'refused', refusal: 'not_applicable', re: r`\b(?:Widerspruchsrecht|Recht auf \S+|Anspruch) ~8 besteht (?:\S+ ){0,2}?nicht\b` },
    { class: 'refused', refusal: 'not_applicable', re: r`\b(?:nicht anwendbar|keine Anwendung)\b` },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\bkein(?:e|en)? ~3 (?:Konto|Kundenkonto|Benutzerkonto|Account|Daten|Datensatz|Datensätze|Eintrag|Einträge|Informationen)\S* ~6 (?:finden|gefunden|ermitteln|ermittelt|feststellen|vorhanden|gespeichert|zuordnen|vor|bekannt|existiert|angelegt)\b`,
    },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\b(?:existiert|gibt es|besteht|führen wir) ~3 kein(?:e|en)? ~2 (?:Konto|Kundenkonto|Benutzerkonto|Account|Daten|Datensatz|Kundendaten)`,
    },
    { class: 'refused', refusal: 'no_data', re: r`\b(?:speichern|verarbeiten|haben|besitzen) (?:wir )?~2 keine ~2 Daten` },
    { class: 'refused', refusal: 'no_data', re: r`\bnicht in unserem (?:System|Datenbestand|Kundenstamm|Bestand)` },
    { class: 'refused', refusal: 'exemption', re: r`\bAusnahme(?:tatbestand| nach| gemäß)\b` },
    // ---- confirmed ----
    {
      class: 'confirmed',
      re: r`\b${REQUEST_DE}\S* ~4 (?:wurde|ist|wurden|haben wir) ~3 (?:umgesetzt|stattgegeben|entsprochen|vollständig bearbeitet|erfolgreich bearbeitet|ausgeführt|berücksichtigt|durchgeführt|nachgekommen)`,
    },
    {
      class: 'confirmed',
      re: r`\b(?:haben|hat) (?:wir )?~3 ${REQUEST_DE}\S* ~3 (?:umgesetzt|stattgegeben|entsprochen|ausgeführt|berücksichtigt|nachgekommen)`,
    },
    { class: 'confirmed', re: r`\bDaten ~4 (?:wurden|sind|haben wir) ~3 (?:gelöscht|entfernt|anonymisiert)` },
    {
      class: 'confirmed',
      re: r`\b(?:haben|hat) (?:wir )?~12 (?:gelöscht|entfernt|deaktiviert|ausgeschaltet|abgeschaltet|ausgenommen|ausgeschlossen)\b`,
    },
    { class: 'confirmed', re: r`\b(?:wurde|ist|wurden) ~2 (?:deaktiviert|ausgeschaltet|abgeschaltet)\b` },
    {
      class: 'confirmed',
      re: r`\b(?:Daten|Einstellung|Konto|Option|Widerspruch|Antrag) ~4 (?:gelöscht|entfernt|anonymisiert|deaktiviert|ausgeschaltet|umgesetzt) (?:wurden|wurde|worden|ist|sind)\b`,
    },
    { class: 'confirmed', re: r`\bnicht (?:mehr|länger) ~6 (?:für|zum|zur|in) ~3 (?:\S*Training|KI|Künstliche|Trainieren|\S*Modell)` },
    { class: 'confirmed', re: r`\b${REQUEST_DE}\S* ~5 (?:wurde|ist|wurden) ~3 (?:erledigt|abgeschlossen|erfüllt|umgesetzt)\b` },
    {
      class: 'confirmed',
      re: r`\b(?:Löschung|Umsetzung|Sperrung|Deaktivierung) ~4 (?:ist|wurde|wurden) ~2 (?:abgeschlossen|erfolgt|durchgeführt|vorgenommen)\b`,
    },
    { class: 'confirmed', re: r`\b(?:haben|hat) (?:wir )?~12 (?:abgestellt|bereinigt|gestoppt|eingestellt|beendet|gesperrt|vermerkt|umgestellt)\b` },
    { class: 'confirmed', re: r`\b(?:ist|sind|wurde|wurden) ~6 (?:gelöscht|entfernt|deaktiviert|ausgeschlossen|ausgenommen|anonymisiert) worden\b` },
    {
      class: 'confirmed',
      re: r`\b(?:ist|sind) ~6 (?:nun|jetzt|ab sofort|inzwischen|mittlerweile) ~2 (?:deaktiviert|ausgeschaltet|abgeschaltet|gelöscht|entfernt)\b`,
    },
    { class: 'confirmed', strength: 'weak', re: r`\b(?:Status|Ergebnis|Bearbeitungsstatus)\s?:\s?(?:gelöst|erledigt|abgeschlossen|umgesetzt)\b` },
    {
      class: 'confirmed',
      strength: 'weak',
      re: r`\b(?:Ticket|Anfrage|Vorgang|Fall)\b ~4 (?:wurde|ist) (?:als )?(?:gelöst|erledigt|abgeschlossen)\b`,
    },
    // ---- acknowledged ----
    { class: 'acknowledged', re: r`\b(?:in|zur) Bearbeitung\b|\b(?:wird|werden) ~4 (?:derzeit|gerade|aktuell) ~4 (?:bearbeitet|geprüft)` },
    {
      class: 'acknowledged',
      re: r`\b${REQUEST_DE}\S* ~5 (?:ist|sind) ~3 angekommen\b|\bErhalt ~4 (?:bestätigen|bestätigt)|\b(?:bestätigen|bestätigt) ~3 Erhalt\b|\bEingangsbestätigung\b`,
    },
    { class: 'acknowledged', re: r`\bmeldet sich ~4 bei Ihnen\b|\b(?:antworten|antwortet) ~3 Ihnen ~6 (?:Frist|Monats|Woche|Tagen|bald|Kürze)` },
    { class: 'acknowledged', re: r`\b(?:Status|Bearbeitungsstatus)\s?:\s?(?:offen|neu|eingegangen|in Bearbeitung|in Prüfung)\b` },
    { class: 'acknowledged', re: r`\bkümmern uns (?:darum|um Ihr)|\bkommen ~3 auf Sie zu\b|\bmelden uns ~3 bei Ihnen` },
    { class: 'acknowledged', re: r`\b${REQUEST_DE}\S* (?:liegt|liegen) ~4 vor\b|\bSie erhalten ~4 (?:Antwort|Rückmeldung|Nachricht)` },
    { class: 'acknowledged', re: r`\b(?:wir haben|haben wir) ~4 ${REQUEST_DE}\S* ~4 erhalten` },
    {
      class: 'acknowledged',
      re: r`\b${REQUEST_DE}\S* ~4 (?:ist|wurde|wurden) ~3 (?:eingegangen|erhalten|weitergeleitet|registriert|aufgenommen|erfasst|angelegt)`,
    },
    { class: 'acknowledged', re: r`\bEingang ~3 (?:bestätigen|bestätigt)|\b(?:bestätigen|bestätigt) ~3 Eingang` },
    {
      class: 'acknowledged',
      strength: 'weak',
      re: r`\b(?:(?:Ticket|Vorgangs|Referenz|Bearbeitungs|Fall|Anfrage)-?(?:nummer|nr\.?)|Aktenzeichen)\s?:?\s?#?[A-Z0-9][\w-]*\d`,
    },
    { class: 'acknowledged', re: r`\b(?:werden|wird) ~5 (?:bearbeiten|bearbeitet|prüfen|geprüft|beantworten|beantwortet|melden|zurückkommen)\b` },
    { class: 'acknowledged', re: r`\b(?:an|zur) ~4 (?:weitergeleitet|weitergegeben)` },
  ],
};
