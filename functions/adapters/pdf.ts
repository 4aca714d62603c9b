// The signed authorization as a PDF (pdf-lib with fontkit, DejaVu Sans from the dejavu-fonts-ttf
// package: Latin with all its extensions, Greek, Cyrillic and more; nothing is downloaded at run time).
// The rendering is deterministic: the same record gives the same bytes (fixed dates, fixed font
// name), so each letter task can render it again instead of reading it back, and a resent letter
// carries the identical file. A character the font lacks (e.g. CJK) is printed as "?" and the name is
// then also given as Unicode code points: nothing a person can type makes the PDF fail.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { SignedAuthorization } from '../core/authorization.ts';
import type { Language } from '../core/model.ts';

const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/**
 * The font files: from the installed package, or, inside a deployed bundle (no node_modules), from
 * the copy the bundle layout puts at the same relative place (infra/cdk/constructs/functions.ts).
 */
function fontPath(file: string): string {
  try {
    return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
  } catch {
    return fileURLToPath(new URL(`../../node_modules/dejavu-fonts-ttf/ttf/${file}`, import.meta.url));
  }
}

const fonts = new Map<string, Uint8Array>();
function fontBytes(file: string): Uint8Array {
  let bytes = fonts.get(file);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(fontPath(file)));
    fonts.set(file, bytes);
  }
  return bytes;
}

const LABELS: Record<Language, Record<string, string>> = {
  en: {
    title: 'Signed authorization of an authorized agent',
    record: 'Signature and record',
    signature: 'Signed electronically by typing the full name',
    codePoints: 'The signature in Unicode code points (the PDF font cannot show every character)',
    signedAt: 'Signed at',
    version: 'Text version',
    digest: 'SHA-256 of the text above',
    email: 'Email address confirmed',
    emailBy: 'by the link mailed to it at {sent}, confirmed at {at} ({method})',
    emailPending: 'not yet confirmed',
    kept: 'The signer’s network address and browser at signing and at confirmation are kept on record by the agent.',
  },
  de: {
    title: 'Unterzeichnete Vollmacht für einen bevollmächtigten Vertreter',
    record: 'Unterschrift und Nachweis',
    signature: 'Elektronisch unterzeichnet durch Eingabe des vollständigen Namens',
    codePoints: 'Die Unterschrift als Unicode-Codepunkte (die Schrift des PDF kann nicht jedes Zeichen darstellen)',
    signedAt: 'Unterzeichnet am',
    version: 'Textfassung',
    digest: 'SHA-256 des obigen Textes',
    email: 'E-Mail-Adresse bestätigt',
    emailBy: 'über den Link, der am {sent} an sie gesandt wurde, bestätigt am {at} ({method})',
    emailPending: 'noch nicht bestätigt',
    kept: 'Netzwerkadresse und Browser bei Unterzeichnung und Bestätigung bewahrt der Vertreter als Nachweis auf.',
  },
  fr: {
    title: "Autorisation signée d'un mandataire (authorized agent)",
    record: 'Signature et preuve',
    signature: 'Signé électroniquement par la saisie du nom complet',
    codePoints: 'La signature en points de code Unicode (la police du PDF ne peut pas afficher tous les caractères)',
    signedAt: 'Signé le',
    version: 'Version du texte',
    digest: 'SHA-256 du texte ci-dessus',
    email: 'Adresse e-mail confirmée',
    emailBy: 'par le lien qui lui a été envoyé le {sent}, confirmée le {at} ({method})',
    emailPending: 'pas encore confirmée',
    kept: "Le mandataire conserve comme preuve l'adresse réseau et le navigateur du signataire lors de la signature et de la confirmation.",
  },
  es: {
    title: 'Autorización firmada de un representante autorizado (authorized agent)',
    record: 'Firma y constancia',
    signature: 'Firmado electrónicamente escribiendo el nombre completo',
    codePoints: 'La firma en puntos de código Unicode (la fuente del PDF no puede mostrar todos los caracteres)',
    signedAt: 'Firmado el',
    version: 'Versión del texto',
    digest: 'SHA-256 del texto anterior',
    email: 'Dirección de correo electrónico confirmada',
    emailBy: 'mediante el enlace que se le envió el {sent}, confirmada el {at} ({method})',
    emailPending: 'aún no confirmada',
    kept: 'El representante conserva como constancia la dirección de red y el navegador del firmante en la firma y en la confirmación.',
  },
  it: {
    title: 'Autorizzazione firmata di un rappresentante autorizzato (authorized agent)',
    record: 'Firma e prova',
    signature: 'Firmato elettronicamente digitando il nome completo',
    codePoints: 'La firma in punti di codice Unicode (il carattere del PDF non può mostrare ogni carattere)',
    signedAt: 'Firmato il',
    version: 'Versione del testo',
    digest: 'SHA-256 del testo sopra',
    email: 'Indirizzo e-mail confermato',
    emailBy: 'tramite il link inviatogli il {sent}, confermato il {at} ({method})',
    emailPending: 'non ancora confermato',
    kept: "Il rappresentante conserva come prova l'indirizzo di rete e il browser del firmatario al momento della firma e della conferma.",
  },
  nl: {
    title: 'Ondertekende machtiging van een gemachtigde vertegenwoordiger (authorized agent)',
    record: 'Handtekening en bewijs',
    signature: 'Elektronisch ondertekend door de volledige naam in te typen',
    codePoints: 'De handtekening in Unicode-codepunten (het lettertype van de pdf kan niet elk teken weergeven)',
    signedAt: 'Ondertekend op',
    version: 'Tekstversie',
    digest: 'SHA-256 van de tekst hierboven',
    email: 'E-mailadres bevestigd',
    emailBy: 'via de link die op {sent} ernaartoe is gestuurd, bevestigd op {at} ({method})',
    emailPending: 'nog niet bevestigd',
    kept: 'Het netwerkadres en de browser van de ondertekenaar bij ondertekening en bevestiging bewaart de gemachtigde als bewijs.',
  },
  pl: {
    title: 'Podpisane upoważnienie dla upoważnionego pełnomocnika (authorized agent)',
    record: 'Podpis i dowód',
    signature: 'Podpisano elektronicznie przez wpisanie imienia i nazwiska',
    codePoints: 'Podpis w punktach kodowych Unicode (czcionka PDF nie wyświetla każdego znaku)',
    signedAt: 'Data podpisania',
    version: 'Wersja tekstu',
    digest: 'SHA-256 powyższego tekstu',
    email: 'Adres e-mail potwierdzony',
    emailBy: 'linkiem wysłanym na ten adres {sent}, potwierdzony {at} ({method})',
    emailPending: 'jeszcze niepotwierdzony',
    kept: 'Adres sieciowy i przeglądarkę osoby podpisującej przy podpisaniu i potwierdzeniu pełnomocnik przechowuje jako dowód.',
  },
};

function utc(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

const PAGE = { width: 595.28, height: 841.89, margin: 56 }; // A4
const SIZE = 10.5;
const LEADING = 14.5;

class Writer {
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly supported: Set<number>,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  /** Characters the font has no glyph for become "?"; returns whether any did. */
  printable(text: string): { text: string; replaced: boolean } {
    let replaced = false;
    let out = '';
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      if (cp === 0x09) out += ' ';
      else if (this.supported.has(cp)) out += char;
      else {
        out += '?';
        replaced = true;
      }
    }
    return { text: out, replaced };
  }

  paragraph(text: string, options: { bold?: boolean; size?: number; indent?: number } = {}): void {
    const font = options.bold ? this.bold : this.regular;
    const size = options.size ?? SIZE;
    const indent = options.indent ?? 0;
    const width = PAGE.width - 2 * PAGE.margin - indent;
    for (const line of this.wrap(this.printable(text).text, font, size, width)) {
      if (this.y < PAGE.margin) this.newPage();
      this.page.drawText(line, { x: PAGE.margin + indent, y: this.y, size, font, color: rgb(0, 0, 0) });
      this.y -= size > SIZE ? size * 1.4 : LEADING;
    }
  }

  gap(lines = 0.6): void {
    this.y -= LEADING * lines;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    if (text === '') return [''];
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A single word wider than the line (a long address): break it by characters.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
    return lines;
  }
}

/** The signed authorization as PDF bytes (same record, same bytes). */
export async function renderAuthorizationPdf(record: SignedAuthorization, agentName: string): Promise<Buffer> {
  const labels = LABELS[record.lang];
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fontBytes(FONT_FILES.regular), { subset: true, customName: 'DejaVuSans' });
  const bold = await doc.embedFont(fontBytes(FONT_FILES.bold), { subset: true, customName: 'DejaVuSans-Bold' });
  const supported = new Set(regular.getCharacterSet());
  const signedAt = new Date(record.signedAt);
  doc.setTitle(labels.title!);
  doc.setAuthor(agentName);
  doc.setSubject(`${record.version}; ${record.textSha256}`);
  doc.setCreator(agentName);
  doc.setProducer('pdf-lib');
  doc.setLanguage(record.lang);
  doc.setCreationDate(signedAt);
  doc.setModificationDate(signedAt);

  const w = new Writer(doc, regular, bold, supported);
  const [heading, ...body] = record.text.trimEnd().split('\n');
  w.paragraph(heading ?? labels.title!, { bold: true, size: 15 });
  w.gap(0.4);
  for (const line of body) {
    if (line.trim() === '') w.gap();
    else if (line.startsWith('- ')) w.paragraph(`• ${line.slice(2)}`, { indent: 10 });
    else w.paragraph(line);
  }

  w.gap(1.2);
  w.paragraph(labels.record!, { bold: true, size: 12 });
  w.gap(0.3);
  w.paragraph(`${labels.signature}:`);
  const signature = w.printable(record.signature);
  w.paragraph(record.signature, { bold: true, size: 14, indent: 10 });
  if (signature.replaced) {
    const points = [...record.signature].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
    w.paragraph(`${labels.codePoints}: ${points}`);
  }
  w.paragraph(`${labels.signedAt}: ${utc(record.signedAt)}`);
  w.paragraph(`${labels.version}: ${record.version}`);
  w.paragraph(`${labels.digest}: ${record.textSha256}`);
  const v = record.verification;
  w.paragraph(
    `${labels.email}: ${v ? `${v.email}, ${labels.emailBy!.replace('{sent}', utc(v.linkSentAt)).replace('{at}', utc(v.confirmedAt)).replace('{method}', v.method)}` : labels.emailPending}`,
  );
  w.paragraph(labels.kept!);
  return Buffer.from(await doc.save());
}
