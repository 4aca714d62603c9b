// Optout Autopilot session hand-over: the content script on an Optout status page (/status/<id>?t=).
// It asks the page's own API which requests a session would get done now (sessionUse 'first-try'),
// offers one button for those providers, and on an explicit click shows a dialog that says which
// cookies of which origins would be sent, and where. Only after "Send" in that dialog does it ask the
// service worker to read and send them. It never reads cookies itself, and never a password field.
(() => {
  const TEXTS = {
    en: {
      heading: 'Hand over your session in one click',
      intro:
        'These requests can be done for you in your browser session: {names}. You are logged in there in this browser? Then hand the session over instead of exporting a cookie file.',
      button: 'Hand over my session for {names}…',
      unknown: 'This version of the extension does not know {names}: use the cookie file upload for it.',
      dialogHeading: 'What will be sent',
      dialogWhat:
        'For each service you tick: every cookie this browser holds for the addresses below (name and value; among them the ones that keep you logged in). Nothing else: no password, no other site, no browsing history.',
      dialogWhere: 'Sent to:',
      dialogSealed:
        'This is your Optout service (the page you are on). It seals the cookies at once, uses them only to switch the setting, and deletes them after use unless you tick the box below.',
      keep: 'Keep my session for monthly re-checks of the setting',
      send: 'Send',
      cancel: 'Cancel',
      sent: '{name}: {count} cookies handed over ({list}). The setting will be switched within the hour; this page shows it.',
      sentOne: '{name}: 1 cookie handed over ({list}). The setting will be switched within the hour; this page shows it.',
      noCookies: '{name}: this browser holds no cookies for {origins}. Log in there, then try again.',
      refused: '{name}: not accepted ({message}).',
      failed: '{name}: could not be sent ({message}).',
    },
    de: {
      heading: 'Sitzung mit einem Klick übergeben',
      intro:
        'Diese Anfragen können in Ihrer Browser-Sitzung für Sie erledigt werden: {names}. Sind Sie dort in diesem Browser angemeldet? Dann übergeben Sie die Sitzung, statt eine Cookie-Datei zu exportieren.',
      button: 'Meine Sitzung für {names} übergeben…',
      unknown: 'Diese Version der Erweiterung kennt {names} nicht: Laden Sie dafür eine Cookie-Datei hoch.',
      dialogHeading: 'Was gesendet wird',
      dialogWhat:
        'Für jeden angekreuzten Dienst: alle Cookies, die dieser Browser für die unten genannten Adressen hält (Name und Wert; darunter die, die Sie angemeldet halten). Sonst nichts: kein Passwort, keine andere Website, kein Verlauf.',
      dialogWhere: 'Gesendet an:',
      dialogSealed:
        'Das ist Ihr Optout-Dienst (die Seite, auf der Sie sind). Er versiegelt die Cookies sofort, verwendet sie nur, um die Einstellung umzuschalten, und löscht sie danach, außer Sie kreuzen unten das Kästchen an.',
      keep: 'Sitzung für monatliche Nachprüfungen der Einstellung behalten',
      send: 'Senden',
      cancel: 'Abbrechen',
      sent: '{name}: {count} Cookies übergeben ({list}). Die Einstellung wird innerhalb einer Stunde umgeschaltet; diese Seite zeigt es.',
      sentOne: '{name}: 1 Cookie übergeben ({list}). Die Einstellung wird innerhalb einer Stunde umgeschaltet; diese Seite zeigt es.',
      noCookies: '{name}: Dieser Browser hält keine Cookies für {origins}. Melden Sie sich dort an und versuchen Sie es noch einmal.',
      refused: '{name}: nicht angenommen ({message}).',
      failed: '{name}: konnte nicht gesendet werden ({message}).',
    },
    fr: {
      heading: 'Transmettre votre session en un clic',
      intro:
        "Ces demandes peuvent être faites pour vous dans votre session de navigateur : {names}. Votre session y est ouverte dans ce navigateur ? Transmettez alors la session au lieu d'exporter un fichier de cookies.",
      button: 'Transmettre ma session pour {names}…',
      unknown: "Cette version de l'extension ne connaît pas {names} : envoyez pour cela un fichier de cookies.",
      dialogHeading: 'Ce qui sera envoyé',
      dialogWhat:
        "Pour chaque service coché : tous les cookies que ce navigateur détient pour les adresses ci-dessous (nom et valeur ; parmi eux, ceux qui maintiennent votre session ouverte). Rien d'autre : aucun mot de passe, aucun autre site, aucun historique de navigation.",
      dialogWhere: 'Envoyé à :',
      dialogSealed:
        "C'est votre service Optout (la page sur laquelle vous êtes). Il scelle aussitôt les cookies, ne s'en sert que pour modifier le paramètre et les supprime après usage, sauf si vous cochez la case ci-dessous.",
      keep: 'Conserver ma session pour revérifier le paramètre chaque mois',
      send: 'Envoyer',
      cancel: 'Annuler',
      sent: "{name} : {count} cookies transmis ({list}). Le paramètre sera modifié dans l'heure ; cette page l'indiquera.",
      sentOne: "{name} : 1 cookie transmis ({list}). Le paramètre sera modifié dans l'heure ; cette page l'indiquera.",
      noCookies: '{name} : ce navigateur ne détient aucun cookie pour {origins}. Connectez-vous-y, puis réessayez.',
      refused: '{name} : non accepté ({message}).',
      failed: "{name} : n'a pas pu être envoyé ({message}).",
    },
    es: {
      heading: 'Entregue su sesión con un clic',
      intro:
        'Estas solicitudes se pueden hacer por usted en su sesión del navegador: {names}. ¿Ha iniciado sesión allí en este navegador? Entonces entregue la sesión en lugar de exportar un archivo de cookies.',
      button: 'Entregar mi sesión de {names}…',
      unknown: 'Esta versión de la extensión no conoce {names}: suba para ello un archivo de cookies.',
      dialogHeading: 'Qué se enviará',
      dialogWhat:
        'Para cada servicio que marque: todas las cookies que este navegador guarda para las direcciones de abajo (nombre y valor; entre ellas, las que mantienen su sesión iniciada). Nada más: ninguna contraseña, ningún otro sitio, ningún historial de navegación.',
      dialogWhere: 'Se envía a:',
      dialogSealed:
        'Es su servicio Optout (la página en la que está). Sella las cookies de inmediato, las usa solo para cambiar el ajuste y las borra después de usarlas, salvo que marque la casilla de abajo.',
      keep: 'Conservar mi sesión para volver a comprobar el ajuste cada mes',
      send: 'Enviar',
      cancel: 'Cancelar',
      sent: '{name}: {count} cookies entregadas ({list}). El ajuste se cambiará en el plazo de una hora; esta página lo mostrará.',
      sentOne: '{name}: 1 cookie entregada ({list}). El ajuste se cambiará en el plazo de una hora; esta página lo mostrará.',
      noCookies: '{name}: este navegador no guarda ninguna cookie de {origins}. Inicie sesión allí y vuelva a intentarlo.',
      refused: '{name}: no aceptado ({message}).',
      failed: '{name}: no se pudo enviar ({message}).',
    },
    it: {
      heading: 'Consegni la sua sessione con un clic',
      intro:
        "Queste richieste possono essere eseguite per lei nella sua sessione del browser: {names}. Ha effettuato l'accesso lì in questo browser? Allora consegni la sessione invece di esportare un file di cookie.",
      button: 'Consegna la mia sessione per {names}…',
      unknown: "Questa versione dell'estensione non conosce {names}: per questo carichi un file di cookie.",
      dialogHeading: 'Che cosa verrà inviato',
      dialogWhat:
        "Per ogni servizio spuntato: tutti i cookie che questo browser conserva per gli indirizzi qui sotto (nome e valore; tra questi, quelli che mantengono attivo il suo accesso). Nient'altro: nessuna password, nessun altro sito, nessuna cronologia di navigazione.",
      dialogWhere: 'Inviato a:',
      dialogSealed:
        "È il suo servizio Optout (la pagina su cui si trova). Sigilla subito i cookie, li usa solo per modificare l'impostazione e li cancella dopo l'uso, a meno che non spunti la casella qui sotto.",
      keep: "Conservare la mia sessione per ricontrollare l'impostazione ogni mese",
      send: 'Invia',
      cancel: 'Annulla',
      sent: "{name}: {count} cookie consegnati ({list}). L'impostazione verrà modificata entro un'ora; questa pagina lo mostrerà.",
      sentOne: "{name}: 1 cookie consegnato ({list}). L'impostazione verrà modificata entro un'ora; questa pagina lo mostrerà.",
      noCookies: '{name}: questo browser non conserva alcun cookie per {origins}. Acceda lì e riprovi.',
      refused: '{name}: non accettato ({message}).',
      failed: '{name}: impossibile inviare ({message}).',
    },
    nl: {
      heading: 'Uw sessie met één klik overdragen',
      intro:
        'Deze verzoeken kunnen in uw browsersessie voor u worden afgehandeld: {names}. Bent u daar in deze browser ingelogd? Draag dan de sessie over in plaats van een cookiebestand te exporteren.',
      button: 'Mijn sessie voor {names} overdragen…',
      unknown: 'Deze versie van de extensie kent {names} niet: upload daarvoor een cookiebestand.',
      dialogHeading: 'Wat er wordt verzonden',
      dialogWhat:
        'Voor elke dienst die u aanvinkt: alle cookies die deze browser voor de adressen hieronder bewaart (naam en waarde; daaronder de cookies die u ingelogd houden). Verder niets: geen wachtwoord, geen andere website, geen browsegeschiedenis.',
      dialogWhere: 'Verzonden naar:',
      dialogSealed:
        'Dit is uw Optout-dienst (de pagina waarop u bent). Die verzegelt de cookies meteen, gebruikt ze alleen om de instelling om te zetten en verwijdert ze daarna, tenzij u hieronder het vakje aanvinkt.',
      keep: 'Mijn sessie bewaren om de instelling elke maand opnieuw te controleren',
      send: 'Verzenden',
      cancel: 'Annuleren',
      sent: '{name}: {count} cookies overgedragen ({list}). De instelling wordt binnen het uur omgezet; deze pagina laat het zien.',
      sentOne: '{name}: 1 cookie overgedragen ({list}). De instelling wordt binnen het uur omgezet; deze pagina laat het zien.',
      noCookies: '{name}: deze browser bewaart geen cookies voor {origins}. Log daar in en probeer het opnieuw.',
      refused: '{name}: niet geaccepteerd ({message}).',
      failed: '{name}: kon niet worden verzonden ({message}).',
    },
    pl: {
      heading: 'Przekazanie sesji jednym kliknięciem',
      intro:
        'Te żądania można załatwić za Państwa w sesji przeglądarki: {names}. Są Państwo tam zalogowani w tej przeglądarce? W takim razie proszę przekazać sesję zamiast eksportować plik cookie.',
      button: 'Przekaż moją sesję dla: {names}…',
      unknown: 'Ta wersja rozszerzenia nie obsługuje usług: {names}. Proszę w tym celu przesłać plik cookie.',
      dialogHeading: 'Co zostanie wysłane',
      dialogWhat:
        'Dla każdej zaznaczonej usługi: wszystkie pliki cookie, które ta przeglądarka przechowuje dla poniższych adresów (nazwa i wartość; wśród nich te, dzięki którym są Państwo zalogowani). Nic więcej: żadnego hasła, żadnej innej witryny, żadnej historii przeglądania.',
      dialogWhere: 'Wysyłane do:',
      dialogSealed:
        'To Państwa usługa Optout (strona, na której Państwo są). Od razu szyfruje pliki cookie, używa ich tylko do przełączenia ustawienia i usuwa je po użyciu, chyba że zaznaczą Państwo pole poniżej.',
      keep: 'Zachowaj moją sesję do comiesięcznych kontroli ustawienia',
      send: 'Wyślij',
      cancel: 'Anuluj',
      sent: '{name}: przekazano pliki cookie: {count} ({list}). Ustawienie zostanie przełączone w ciągu godziny; ta strona to pokaże.',
      sentOne: '{name}: przekazano 1 plik cookie ({list}). Ustawienie zostanie przełączone w ciągu godziny; ta strona to pokaże.',
      noCookies: '{name}: ta przeglądarka nie przechowuje plików cookie dla {origins}. Proszę się tam zalogować i spróbować ponownie.',
      refused: '{name}: nie przyjęto ({message}).',
      failed: '{name}: nie udało się wysłać ({message}).',
    },
  };

  const match = /^\/status\/([\w-]{8,64})$/.exec(location.pathname);
  const token = new URLSearchParams(location.search).get('t');
  if (!match || !token) return;
  const root = document.documentElement;
  // The status page's language (en, de, fr, es, it, nl, pl, as the rest of the product), else English.
  const language = (root.lang || 'en').slice(0, 2).toLowerCase();
  const text = Object.hasOwn(TEXTS, language) ? TEXTS[language] : TEXTS.en;
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
  const mark = (state) => root.setAttribute('data-optout-handover', state);

  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    for (const child of children) node.append(child);
    return node;
  }

  function dialogFor(offer, onSend) {
    const dialog = el('dialog', { id: 'optout-handover-dialog', class: 'optout-handover-dialog', 'aria-labelledby': 'optout-handover-dialog-heading' });
    const list = el(
      'ul',
      { class: 'optout-handover-providers' },
      offer.providers.map((p) =>
        el('li', { 'data-provider': p.slug }, [
          el('label', {}, [el('input', { type: 'checkbox', name: 'provider', value: p.slug, checked: '' }), ` ${p.name}: `]),
          ...p.origins.flatMap((origin, i) => [i > 0 ? ', ' : '', el('code', { class: 'optout-handover-origin' }, [origin])]),
        ]),
      ),
    );
    const keep = el('input', { type: 'checkbox', name: 'keep' });
    const send = el('button', { type: 'button', 'data-action': 'send' }, [text.send]);
    const cancel = el('button', { type: 'button', 'data-action': 'cancel' }, [text.cancel]);
    dialog.append(
      el('h2', { id: 'optout-handover-dialog-heading' }, [text.dialogHeading]),
      el('p', {}, [text.dialogWhat]),
      list,
      el('p', {}, [`${text.dialogWhere} `, el('code', { class: 'optout-handover-destination' }, [offer.destination])]),
      el('p', {}, [text.dialogSealed]),
      el('p', {}, [el('label', {}, [keep, ` ${text.keep}`])]),
      el('p', {}, [cancel, ' ', send]),
    );
    cancel.addEventListener('click', () => dialog.close());
    send.addEventListener('click', (event) => {
      // Only the person's own click sends: a script on the page cannot click for them.
      if (!event.isTrusted) return;
      const chosen = [...list.querySelectorAll('input[name=provider]:checked')].map((box) => box.value);
      dialog.close();
      if (chosen.length > 0) onSend(chosen, keep.checked);
    });
    return dialog;
  }

  function resultText(result, names) {
    const name = names.get(result.provider) ?? result.provider;
    if (result.result === 'sent') return fill(result.count === 1 ? text.sentOne : text.sent, { name, count: result.count, list: result.names.join(', ') });
    if (result.result === 'no-cookies') return fill(text.noCookies, { name, origins: result.origins.join(', ') });
    if (result.result === 'refused') return fill(text.refused, { name, message: result.message });
    return fill(text.failed, { name, message: result.message });
  }

  async function offer() {
    const api = `${location.origin}/api/submissions/${match[1]}?t=${encodeURIComponent(token)}`;
    const response = await fetch(api, { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return mark('not-a-status-page');
    const view = await response.json();
    const wanted = [...new Set((view.requests ?? []).filter((r) => r.sessionUse === 'first-try').map((r) => r.provider))];
    if (wanted.length === 0) return mark('none');
    const described = await chrome.runtime.sendMessage({ type: 'describe', providers: wanted });
    if (described.error) return mark('refused');
    const names = new Map(described.providers.map((p) => [p.slug, p.name]));
    const listed = described.providers.map((p) => p.name).join(', ');
    const panel = el('section', { id: 'optout-handover', class: 'optout-handover', 'aria-labelledby': 'optout-handover-heading', 'data-state': 'offered' });
    const results = el('ul', { class: 'optout-handover-results', role: 'status' });
    panel.append(el('h2', { id: 'optout-handover-heading' }, [text.heading]));
    if (described.providers.length > 0) {
      const button = el('button', { type: 'button', 'data-action': 'open' }, [fill(text.button, { names: listed })]);
      const dialog = dialogFor(described, async (chosen, keep) => {
        panel.setAttribute('data-state', 'sending');
        results.replaceChildren();
        const answer = await chrome.runtime.sendMessage({ type: 'handover', providers: chosen, keep });
        for (const result of answer.results ?? []) {
          results.append(el('li', { 'data-provider': result.provider, 'data-result': result.result }, [resultText(result, names)]));
        }
        if (answer.error) results.append(el('li', { 'data-result': 'failed' }, [answer.error]));
        panel.setAttribute('data-state', 'done');
      });
      button.addEventListener('click', () => dialog.showModal());
      panel.append(el('p', {}, [fill(text.intro, { names: listed })]), el('p', {}, [button]), dialog);
    }
    if (described.unknown.length > 0)
      panel.append(el('p', { class: 'optout-handover-unknown' }, [fill(text.unknown, { names: described.unknown.join(', ') })]));
    panel.append(results);
    const main = document.querySelector('main') ?? document.body;
    main.insertBefore(panel, main.querySelector('h1')?.nextSibling ?? main.firstChild);
    mark('offered');
  }

  offer().catch((error) => {
    mark('failed');
    console.warn('Optout hand-over:', error);
  });
})();
