// The words of the mails to the person, in German (keys: en.ts).
import type { MailWords } from './en.ts';

export const de: MailWords = {
  helloName: 'Hallo {name},',
  hello: 'Hallo,',
  statusPageLine: 'Statusseite: {link}',
  statusPageLink: 'Ihre Statusseite öffnen',
  dueLine: 'Antwort fällig bis: {due}',
  whatLine: 'Was zu tun ist: {action}',
  whereLine: 'Wo: {link}',
  whereLink: 'Zur richtigen Stelle bei {provider}',

  verifyHeading: 'Bestätigen Sie Ihre E-Mail-Adresse',
  verifyIntro:
    'jemand (hoffentlich Sie) hat Optout Autopilot beauftragt, im Namen der Inhaberin oder des Inhabers dieser E-Mail-Adresse für diese Konten Widersprüche und Opt-outs zu senden:',
  verifyAccount: '{provider}: {identifier}',
  verifyNothingYet:
    'Noch wurde nichts gesendet. Bitte bestätigen Sie mit diesem Link, dass dies Ihre E-Mail-Adresse ist und dass wir in Ihrem Auftrag handeln sollen:',
  verifyLink: 'Meine Adresse bestätigen (öffnet die Bestätigungsseite)',
  verifyIgnore:
    'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: ohne Bestätigung senden wir nichts, und wir löschen diese Angaben nach {hours} Stunden.',

  summaryHeading: 'Ihre Opt-out-Anfragen sind unterwegs',
  summaryIntro: 'so steht es um Ihre Anfragen:',
  summaryItem: '{provider} ({identifier}), Az. {reference}',
  channelLine: 'Kanal: {channel}',
  statusLine: 'Status: {status}',
  summaryOutro:
    'Die Unternehmen antworten an die Antwortadresse des jeweiligen Briefs; wir lesen diese Antworten für Sie, erinnern nach Fristablauf und schreiben Ihnen höchstens einmal am Tag, was sich geändert hat (was Sie braucht, und den Beschwerdeentwurf sofort).',
  summaryOutroPersonal:
    'Die Briefe gingen von Ihrer eigenen Adresse, und die Unternehmen antworten dorthin: Wir lesen diese Antworten in Ihrem Posteingang (ohne dort etwas zu verändern), erinnern nach Fristablauf und schreiben Ihnen höchstens einmal am Tag, was sich geändert hat (was Sie braucht, und den Beschwerdeentwurf sofort).',
  summaryLinkLine: 'Ihre Statusseite (bitte nicht weitergeben): {link}',
  summaryLink: 'Ihre Statusseite öffnen (bitte nicht weitergeben)',

  changeHeading: 'Neues zu Ihrer Anfrage an {provider}',
  changeLine: 'Ihre Anfrage an {provider} für {identifier} (Az. {reference}) ist jetzt: {status}.',

  digestHeading: 'Was sich an Ihren Opt-out-Anfragen geändert hat',
  digestIntro: 'das hat sich seit unserer letzten Mail an Ihren Anfragen geändert (höchstens eine solche Mail am Tag; was Sie braucht, kommt sofort):',
  digestItem: '{date} {provider} für {identifier} (Az. {reference}): {status}',
  digestDue: '; Antwort fällig bis {due}',
  digestOutro:
    'Erinnerungen und letzte Aufforderungen an die Unternehmen gehen nicht in Kopie an Sie: jeder Brief steht auf der Statusseite, und der Beschwerdeentwurf kommt zu Ihnen, sobald er fertig ist.',
  digestOutroPersonal:
    'Auch Erinnerungen und letzte Aufforderungen an die Unternehmen gehen von Ihrer eigenen Adresse: Jeder Brief steht auf der Statusseite und, wo Ihr Mailanbieter einen führt, in Ihrem Ordner „Gesendet“; der Beschwerdeentwurf kommt zu Ihnen, sobald er fertig ist.',

  deletedHeading: 'Ihre Daten sind gelöscht',
  deletedIntro:
    'wie Sie es auf Ihrer Statusseite verlangt haben, haben wir alles gelöscht, was {operator} zu Ihren Opt-out-Anfragen gespeichert hatte (Kennung {id}):',
  deletedItems: [
    'Ihren Namen, Ihre E-Mail-Adresse, Ihren Wohnort und die Konten, die Sie angegeben haben;',
    'jede Anfrage mit ihrem Verlauf und, falls vorhanden, die Sitzungen (Cookies), die Sie uns gegeben haben;',
    'die Briefe, die wir gesendet haben, die Antworten, die wir erhalten haben, und die Bildschirmfotos.',
  ],
  deletedStopped:
    'Die Nachverfolgung ist beendet: Es werden keine Erinnerung, keine letzte Aufforderung und kein Beschwerdeentwurf mehr gesendet, und Ihre Statusseite gibt es nicht mehr.',
  deletedCannot: 'Was wir nicht löschen können:',
  deletedDeliveredPersonal:
    'Bereits zugestellte Schreiben an Unternehmen. Diese bewahren sie auf und bleiben verpflichtet, sie zu beantworten; sie antworten an Ihre eigene Adresse, von der die Schreiben ausgingen, und dieser Dienst liest diese Antworten nicht mehr für Sie.',
  deletedCannotItems: [
    'Briefe, die Unternehmen bereits zugestellt wurden. Die Unternehmen haben sie und müssen sie weiterhin beantworten; da wir ihre Antworten nicht mehr für Sie entgegennehmen können, schreiben sie Ihnen womöglich direkt (Sie waren in Kopie). Eine Antwort, die uns nach heute erreicht, können wir Ihnen nicht mehr zuordnen.',
    'Kopien außerhalb dieses Dienstes: die E-Mails in Ihrem eigenen Postfach und die Zustellprotokolle der Maildienste, die unsere E-Mails befördert haben und diese eine begrenzte Zeit aufbewahren.',
    'Unsere Betriebsprotokolle (Fehler, Aufrufe dieses Dienstes), die nach begrenzter Zeit von selbst gelöscht werden.',
  ],
  deletedLast: 'Dies ist die letzte E-Mail, die Sie von uns zu diesen Anfragen erhalten.',

  complaintHeading: 'Ihr Beschwerdeentwurf liegt bereit',
};
