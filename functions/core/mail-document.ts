// A mail to the person as one document, rendered twice: the plain-text part and the HTML part
// (multipart/alternative) say the same thing because both come from the same blocks. Design:
// - A block is a paragraph (lines) or a list (items with detail lines). Every line is made of
//   segments: words, or a link.
// - Plain text: a link is written as its address. HTML: a link is an <a> whose label says where it
//   goes; a line may give its own HTML form (only to drop a "Status page: " prefix that the label
//   already says). Addresses inside words (a note, an authority's web form) become links in HTML.
// - The HTML comes from one auto-escaping Handlebars layout (templates/emails/layout/mail.html):
//   nothing of the person's or a company's words can inject markup. No layout tables, no images.
import type { Language } from './model.ts';
import { render } from './templates.ts';

export interface Link {
  href: string;
  /** What the HTML part shows: where the link goes ("Open your status page"). */
  label: string;
}
export type Segment = string | Link;

export interface Line {
  text: Segment[];
  /** The HTML form of the line, when it differs (a label that already says what the text's prefix says). */
  html?: Segment[];
  /** The mail's main action: shown as a prominent link in the HTML part. */
  primary?: boolean;
}

export interface ListItem {
  line: Line;
  details: Line[];
}

export type Block = { kind: 'para'; lines: Line[] } | { kind: 'list'; bullet: '-' | '*'; spaced: boolean; items: ListItem[] };

export interface MailDocument {
  lang: Language;
  subject: string;
  /** The HTML part's <h1> (the text part starts with the greeting, as a letter does). */
  heading: string;
  blocks: Block[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function line(...text: Segment[]): Line {
  return { text };
}

function segmentText(segment: Segment): string {
  return typeof segment === 'string' ? segment : segment.href;
}

function lineText(l: Line): string {
  return l.text.map(segmentText).join('');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'para':
      return block.lines.map(lineText).join('\n');
    case 'list':
      return block.items
        .map((item) => [`${block.bullet} ${lineText(item.line)}`, ...item.details.map((d) => `  ${lineText(d)}`)].join('\n'))
        .join(block.spaced ? '\n\n' : '\n');
  }
}

export function toText(doc: MailDocument): string {
  const text = doc.blocks.map(blockText).join('\n\n');
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Web addresses in running words; trailing punctuation stays outside the link. */
const URL_PATTERN = /https?:\/\/[^\s<>"]+?(?=[.,;:!?)\]"]*(?:\s|$))/g;

interface Part {
  text: string;
  href: string | null;
}

function parts(segments: Segment[]): Part[] {
  return segments.flatMap((segment): Part[] => {
    if (typeof segment !== 'string') return [{ text: segment.label, href: segment.href }];
    const out: Part[] = [];
    let at = 0;
    for (const match of segment.matchAll(URL_PATTERN)) {
      if (match.index > at) out.push({ text: segment.slice(at, match.index), href: null });
      out.push({ text: match[0], href: match[0] });
      at = match.index + match[0].length;
    }
    if (at < segment.length) out.push({ text: segment.slice(at), href: null });
    return out;
  });
}

function htmlLine(l: Line) {
  return { parts: parts(l.html ?? l.text), primary: l.primary === true };
}

/** Every key present in every block (the layout renders in strict mode). */
function htmlBlock(block: Block) {
  const none = { para: null, list: null };
  switch (block.kind) {
    case 'para':
      return { ...none, para: { lines: block.lines.map(htmlLine) } };
    case 'list':
      return { ...none, list: { items: block.items.map((item) => ({ line: htmlLine(item.line), details: item.details.map(htmlLine) })) } };
  }
}

export function toHtml(doc: MailDocument): string {
  return render('emails/layout/mail.html', { lang: doc.lang, title: doc.subject, heading: doc.heading, blocks: doc.blocks.map(htmlBlock) });
}

export function renderDocument(doc: MailDocument): RenderedMail {
  return { subject: doc.subject, text: toText(doc), html: toHtml(doc) };
}
