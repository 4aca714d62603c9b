// The words of the mails to the person, in Polish (keys: en.ts).
import type { MailWords } from './en.ts';

export const pl: MailWords = {
  helloName: 'Dzień dobry, {name},',
  hello: 'Dzień dobry,',
  statusPageLine: 'Strona statusu: {link}',
  statusPageLink: 'Otwórz stronę statusu',
  dueLine: 'Termin odpowiedzi: {due}',
  whatLine: 'Co trzeba zrobić: {action}',
  whereLine: 'Gdzie: {link}',
  whereLink: 'Przejdź do właściwego miejsca w serwisie {provider}',

  verifyHeading: 'Prosimy potwierdzić adres e-mail',
  verifyIntro:
    'ktoś (mamy nadzieję, że Państwo) poprosił Optout Autopilot o wysłanie żądań opt-out dotyczących tych kont w imieniu właściciela tego adresu e-mail:',
  verifyAccount: '{provider}: {identifier}',
  verifyNothingYet:
    'Nic jeszcze nie zostało wysłane. Aby potwierdzić, że to Państwa adres e-mail i że mamy działać w Państwa imieniu, prosimy otworzyć ten link:',
  verifyLink: 'Potwierdź mój adres (otwiera stronę potwierdzenia)',
  verifyIgnore:
    'Jeżeli to nie Państwo o to prosili, prosimy zignorować tę wiadomość: bez potwierdzenia niczego nie wysyłamy, a te dane usuwamy po {hours} godzinach.',

  summaryHeading: 'Państwa żądania opt-out zostały wysłane',
  summaryIntro: 'oto stan każdego z Państwa żądań:',
  summaryItem: '{provider} ({identifier}), nr ref. {reference}',
  channelLine: 'Kanał: {channel}',
  statusLine: 'Status: {status}',
  summaryOutro:
    'Firmy odpowiadają na adres zwrotny każdego pisma; czytamy te odpowiedzi za Państwa, wysyłamy przypomnienie po upływie terminu i najwyżej raz dziennie piszemy, co się zmieniło (to, co wymaga Państwa działania, oraz projekt skargi wysyłamy od razu).',
  summaryOutroPersonal:
    'Pisma wyszły z Państwa własnego adresu i na niego firmy odpowiadają: czytamy te odpowiedzi w Państwa skrzynce odbiorczej (niczego w niej nie zmieniając), wysyłamy przypomnienie po upływie terminu i najwyżej raz dziennie piszemy, co się zmieniło (to, co wymaga Państwa działania, oraz projekt skargi wysyłamy od razu).',
  summaryLinkLine: 'Strona statusu (prosimy nie udostępniać tego linku): {link}',
  summaryLink: 'Otwórz stronę statusu (prosimy nie udostępniać tego linku)',

  changeHeading: 'Nowości w sprawie żądania do {provider}',
  changeLine: 'status Państwa żądania do {provider} dotyczącego {identifier} (nr ref. {reference}): {status}.',

  digestHeading: 'Co zmieniło się w Państwa żądaniach opt-out',
  digestIntro:
    'oto co zmieniło się w Państwa żądaniach od naszej ostatniej wiadomości (najwyżej jedna taka wiadomość dziennie; to, co wymaga Państwa działania, wysyłamy od razu):',
  digestItem: '{date} {provider} dla {identifier} (nr ref. {reference}): {status}',
  digestDue: '; termin odpowiedzi: {due}',
  digestOutro:
    'Przypomnienia i ostateczne wezwania do firm nie są przesyłane Państwu w kopii: każde pismo jest na stronie statusu, a projekt skargi otrzymają Państwo, gdy tylko będzie gotowy.',
  digestOutroPersonal:
    'Przypomnienia i ostateczne wezwania do firm również wychodzą z Państwa własnego adresu: każde pismo jest na stronie statusu oraz, jeśli Państwa dostawca poczty go prowadzi, w folderze wysłanych; projekt skargi otrzymają Państwo, gdy tylko będzie gotowy.',

  deletedHeading: 'Państwa dane zostały usunięte',
  deletedIntro:
    'zgodnie z prośbą złożoną na stronie statusu usunęliśmy wszystko, co {operator} przechowywał w związku z Państwa żądaniami opt-out (identyfikator {id}):',
  deletedItems: [
    'imię i nazwisko, adres e-mail, miejsce zamieszkania oraz podane konta;',
    'każde żądanie wraz z historią oraz, jeśli były, sesje (pliki cookie), które nam Państwo przekazali;',
    'wysłane przez nas pisma, otrzymane odpowiedzi i zrzuty ekranu.',
  ],
  deletedStopped:
    'Obsługa została zakończona: nie zostanie wysłane żadne przypomnienie, ostateczne wezwanie ani projekt skargi, a Państwa strona statusu już nie istnieje.',
  deletedCannot: 'Czego nie możemy usunąć:',
  deletedDeliveredPersonal:
    'Pisma już doręczone firmom. Firmy je przechowują i nadal muszą na nie odpowiedzieć; odpowiadają na Twój własny adres, z którego wysłano pisma, a ta usługa nie czyta już tych odpowiedzi za Ciebie.',
  deletedCannotItems: [
    'Pism już doręczonych firmom. Firmy je mają i nadal muszą na nie odpowiedzieć; ponieważ nie możemy już odbierać ich odpowiedzi w Państwa imieniu, firma może napisać bezpośrednio do Państwa (byli Państwo w kopii). Odpowiedzi, która dotrze do nas po dzisiejszym dniu, nie możemy już przypisać do Państwa.',
    'Kopii poza tą usługą: wiadomości w Państwa własnej skrzynce oraz dzienników doręczeń usług pocztowych, które przenosiły nasze wiadomości i przechowują je przez ograniczony czas.',
    'Naszych dzienników technicznych (błędy, wywołania tej usługi), które wygasają samoczynnie po ograniczonym czasie.',
  ],
  deletedLast: 'To ostatnia wiadomość, jaką otrzymają Państwo od nas w sprawie tych żądań.',

  complaintHeading: 'Projekt skargi jest gotowy',
};
