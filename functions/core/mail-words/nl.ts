// The words of the mails to the person, in Dutch (keys: en.ts).
import type { MailWords } from './en.ts';

export const nl: MailWords = {
  helloName: 'Beste {name},',
  hello: 'Hallo,',
  statusPageLine: 'Statuspagina: {link}',
  statusPageLink: 'Uw statuspagina openen',
  dueLine: 'Antwoord uiterlijk op: {due}',
  whatLine: 'Wat u moet doen: {action}',
  whereLine: 'Waar: {link}',
  whereLink: 'Naar de juiste plek bij {provider}',

  verifyHeading: 'Bevestig uw e-mailadres',
  verifyIntro: 'iemand (hopelijk u) heeft Optout Autopilot gevraagd opt-outverzoeken te versturen voor deze accounts, namens de houder van dit e-mailadres:',
  verifyAccount: '{provider}: {identifier}',
  verifyNothingYet: 'Er is nog niets verstuurd. Open deze link om te bevestigen dat dit uw e-mailadres is en dat wij namens u mogen handelen:',
  verifyLink: 'Mijn adres bevestigen (opent de bevestigingspagina)',
  verifyIgnore:
    'Hebt u hier niet om gevraagd, negeer deze e-mail dan: zonder bevestiging versturen wij niets, en wij verwijderen deze gegevens na {hours} uur.',

  summaryHeading: 'Uw opt-outverzoeken zijn onderweg',
  summaryIntro: 'zo staan uw verzoeken ervoor:',
  summaryItem: '{provider} ({identifier}), ref. {reference}',
  channelLine: 'Kanaal: {channel}',
  statusLine: 'Status: {status}',
  summaryOutro:
    'Bedrijven antwoorden aan het antwoordadres van elke brief; wij lezen die antwoorden voor u, sturen een herinnering als een termijn verstrijkt en mailen u hoogstens één keer per dag wat er veranderd is (wat u nodig heeft, en de conceptklacht, meteen).',
  summaryOutroPersonal:
    'De brieven zijn vanaf uw eigen adres verstuurd, en bedrijven antwoorden daarop: wij lezen die antwoorden in uw inbox (zonder daar iets te veranderen), sturen een herinnering als een termijn verstrijkt en mailen u hoogstens één keer per dag wat er veranderd is (wat u nodig heeft, en de conceptklacht, meteen).',
  summaryLinkLine: 'Uw statuspagina (houd deze link voor uzelf): {link}',
  summaryLink: 'Uw statuspagina openen (houd deze link voor uzelf)',

  changeHeading: 'Nieuws over uw verzoek aan {provider}',
  changeLine: 'uw verzoek aan {provider} voor {identifier} (ref. {reference}) is nu: {status}.',

  digestHeading: 'Wat er veranderd is aan uw opt-outverzoeken',
  digestIntro: "dit is er sinds onze laatste e-mail met uw verzoeken gebeurd (hoogstens één zo'n e-mail per dag; wat u nodig heeft, komt meteen):",
  digestItem: '{date} {provider} voor {identifier} (ref. {reference}): {status}',
  digestDue: '; antwoord uiterlijk op {due}',
  digestOutro:
    'Herinneringen en laatste aanmaningen aan de bedrijven krijgt u niet in kopie: elke brief staat op de statuspagina, en de conceptklacht komt naar u zodra die klaar is.',
  digestOutroPersonal:
    'Ook herinneringen en laatste aanmaningen aan de bedrijven gaan vanaf uw eigen adres: elke brief staat op de statuspagina en, als uw e-mailprovider er een heeft, in uw map Verzonden; de conceptklacht komt naar u zodra die klaar is.',

  deletedHeading: 'Uw gegevens zijn verwijderd',
  deletedIntro: 'zoals u op uw statuspagina vroeg, hebben wij alles verwijderd wat {operator} over uw opt-outverzoeken bewaarde (kenmerk {id}):',
  deletedItems: [
    'uw naam, uw e-mailadres, uw woonplaats en de accounts die u opgaf;',
    'elk verzoek met zijn geschiedenis en, indien aanwezig, de sessies (cookies) die u ons gaf;',
    'de brieven die wij verstuurden, de antwoorden die wij ontvingen en de schermafbeeldingen.',
  ],
  deletedStopped:
    'De opvolging is gestopt: er worden geen herinnering, laatste aanmaning of conceptklacht meer verstuurd, en uw statuspagina bestaat niet meer.',
  deletedCannot: 'Wat wij niet kunnen verwijderen:',
  deletedDeliveredPersonal:
    'Brieven die al bij bedrijven zijn bezorgd. Die bewaren ze en blijven verplicht erop te antwoorden; ze antwoorden aan uw eigen adres, waarvandaan de brieven zijn verstuurd, en deze dienst leest die antwoorden niet meer voor u.',
  deletedCannotItems: [
    'Brieven die al bij bedrijven zijn bezorgd. De bedrijven hebben ze en moeten ze nog steeds beantwoorden; omdat wij hun antwoorden niet meer voor u kunnen ontvangen, schrijft een bedrijf u misschien rechtstreeks (u stond in kopie). Een antwoord dat ons na vandaag bereikt, kunnen wij niet meer aan u koppelen.',
    'Kopieën buiten deze dienst: de e-mails in uw eigen mailbox en de afleverlogboeken van de maildiensten die onze e-mails vervoerden, die deze een beperkte tijd bewaren.',
    'Onze technische logboeken (fouten, aanroepen van deze dienst), die na een beperkte tijd vanzelf verlopen.',
  ],
  deletedLast: 'Dit is de laatste e-mail die u van ons over deze verzoeken ontvangt.',

  complaintHeading: 'Uw conceptklacht ligt klaar',
};
