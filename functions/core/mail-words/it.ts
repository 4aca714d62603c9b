// The words of the mails to the person, in Italian (keys: en.ts).
import type { MailWords } from './en.ts';

export const it: MailWords = {
  helloName: 'Gentile {name},',
  hello: 'Gentile utente,',
  statusPageLine: 'Pagina di stato: {link}',
  statusPageLink: 'Apra la sua pagina di stato',
  dueLine: 'Risposta dovuta entro il: {due}',
  whatLine: 'Che cosa deve fare: {action}',
  whereLine: 'Dove: {link}',
  whereLink: 'Vada al punto giusto su {provider}',

  verifyHeading: 'Confermi il suo indirizzo e-mail',
  verifyIntro:
    'qualcuno (speriamo lei) ha chiesto a Optout Autopilot di inviare richieste di opt-out per questi account, a nome del titolare di questo indirizzo e-mail:',
  verifyAccount: '{provider}: {identifier}',
  verifyNothingYet:
    'Non è ancora stato inviato nulla. Per confermare che questo è il suo indirizzo e-mail e che desidera che agiamo per suo conto, apra questo link:',
  verifyLink: 'Confermare il mio indirizzo (apre la pagina di conferma)',
  verifyIgnore: "Se non l'ha chiesto lei, ignori questa e-mail: senza conferma non inviamo nulla, e cancelliamo questi dati dopo {hours} ore.",

  summaryHeading: 'Le sue richieste di opt-out sono partite',
  summaryIntro: 'ecco a che punto è ciascuna delle sue richieste:',
  summaryItem: '{provider} ({identifier}), rif. {reference}',
  channelLine: 'Canale: {channel}',
  statusLine: 'Stato: {status}',
  summaryOutro:
    "Le società rispondono all'indirizzo di risposta di ciascuna lettera; leggiamo queste risposte per lei, le sollecitiamo alla scadenza dei termini e le scriviamo al massimo una volta al giorno che cosa è cambiato (ciò che richiede il suo intervento, e la bozza di reclamo, subito).",
  summaryOutroPersonal:
    'Le lettere sono partite dal suo indirizzo, e le società rispondono lì: leggiamo queste risposte nella sua casella di posta (senza modificarvi nulla), le sollecitiamo alla scadenza dei termini e le scriviamo al massimo una volta al giorno che cosa è cambiato (ciò che richiede il suo intervento, e la bozza di reclamo, subito).',
  summaryLinkLine: 'La sua pagina di stato (non condivida questo link): {link}',
  summaryLink: 'Apra la sua pagina di stato (non condivida questo link)',

  changeHeading: 'Novità sulla sua richiesta a {provider}',
  changeLine: 'la sua richiesta a {provider} per {identifier} (rif. {reference}) è ora: {status}.',

  digestHeading: 'Che cosa è cambiato nelle sue richieste di opt-out',
  digestIntro:
    'ecco che cosa è cambiato nelle sue richieste dalla nostra ultima e-mail (al massimo una e-mail di questo tipo al giorno; ciò che richiede il suo intervento le arriva subito):',
  digestItem: '{date} {provider} per {identifier} (rif. {reference}): {status}',
  digestDue: '; risposta dovuta entro il {due}',
  digestOutro:
    'I solleciti e le diffide inviati alle società non le vengono inoltrati in copia: ogni lettera è sulla pagina di stato, e la bozza di reclamo le arriva appena è pronta.',
  digestOutroPersonal:
    'Anche i solleciti e le diffide alle società partono dal suo indirizzo: ogni lettera è sulla pagina di stato e, se il suo provider di posta ne ha una, nella cartella della posta inviata; la bozza di reclamo le arriva appena è pronta.',

  deletedHeading: 'I suoi dati sono stati cancellati',
  deletedIntro:
    'come ha chiesto nella sua pagina di stato, abbiamo cancellato tutto ciò che {operator} conservava sulle sue richieste di opt-out (identificativo {id}):',
  deletedItems: [
    'il suo nome, il suo indirizzo e-mail, il luogo di residenza e gli account che aveva indicato;',
    'ogni richiesta con la sua cronologia e, se presenti, le sessioni (cookie) che ci aveva affidato;',
    'le lettere che abbiamo inviato, le risposte che abbiamo ricevuto e le schermate acquisite.',
  ],
  deletedStopped: 'Il monitoraggio è terminato: non verrà inviato alcun sollecito, diffida o bozza di reclamo, e la sua pagina di stato non esiste più.',
  deletedCannot: 'Che cosa non possiamo cancellare:',
  deletedDeliveredPersonal:
    'Le lettere già consegnate alle aziende. Le conservano e restano tenute a rispondere; rispondono al suo indirizzo, da cui sono partite le lettere, e questo servizio non legge più quelle risposte per lei.',
  deletedCannotItems: [
    'Le lettere già recapitate alle società. Le società le conservano e restano tenute a rispondere; poiché non possiamo più ricevere le loro risposte per lei, una società potrebbe scriverle direttamente (lei era in copia). Una risposta che ci giunga dopo oggi non può più esserle associata.',
    'Le copie al di fuori di questo servizio: le e-mail nella sua casella di posta e i registri di consegna dei servizi di posta che hanno trasportato le nostre e-mail, conservati per un periodo limitato.',
    'I nostri log tecnici (errori, chiamate a questo servizio), che scadono da soli dopo un periodo limitato.',
  ],
  deletedLast: "Questa è l'ultima e-mail che riceverà da noi su queste richieste.",

  complaintHeading: 'La sua bozza di reclamo è pronta',
};
