// What each mail to the person says, in their language: verification, summary, a change that needs
// them, the digest (which also carries complaint drafts) and the deletion. Each builder turns the use case's view into
// one MailDocument (core/mail-document.ts), sent as plain text plus HTML with the same content. The
// sentences are in core/mail-words/, the subjects in templates/emails/<kind>.<lang>.subject.hbs.
// Letters to companies are not built here: they stay plain text (core/letters.ts).
import { type Block, type Line, type Link, line, renderDocument, type RenderedMail } from './mail-document.ts';
import { mailWords, type MailWords } from './mail-words/index.ts';
import type { Language } from './model.ts';
import { fill } from './page-text.ts';
import { render } from './templates.ts';

/** One request as the mails show it (app/notify.ts builds it). */
export interface RequestLine {
  provider: string;
  identifier: string;
  reference: string;
  channel: string;
  status: string;
  dueDate: string | null;
  userAction: string | null;
  deepLink: string | null;
}

export interface DigestChange {
  date: string;
  provider: string;
  identifier: string;
  reference: string;
  status: string;
  dueDate: string | null;
  note: string | null;
}

type Vars = Record<string, string | number>;

function subject(kind: string, lang: Language, vars: object): string {
  return render(`emails/${kind}.${lang}.subject.hbs`, vars).trim();
}

function para(...lines: Line[]): Block {
  return { kind: 'para', lines };
}

/** A line whose `{link}` placeholder is a link; in HTML only the link, whose label says the rest. */
function linkLine(template: string, link: Link, vars: Vars = {}, primary = false): Line {
  const [before = '', after = ''] = fill(template, vars).split('{link}');
  return { text: [before, link, after], html: [link], primary };
}

function statusPage(w: MailWords, href: string): Block {
  return para(linkLine(w.statusPageLine, { href, label: w.statusPageLink }, {}, true));
}

/** "What to do" and "Where" of a request handed to the person. */
function todo(w: MailWords, r: RequestLine): Line[] {
  if (!r.userAction) return [];
  const what = line(fill(w.whatLine, { action: r.userAction }));
  if (!r.deepLink) return [what];
  return [what, linkLine(w.whereLine, { href: r.deepLink, label: fill(w.whereLink, { provider: r.provider }) })];
}

export function verifyMail(lang: Language, v: { link: string; accounts: { provider: string; identifier: string }[]; hours: number }): RenderedMail {
  const w = mailWords(lang);
  return renderDocument({
    lang,
    subject: subject('verify', lang, {}),
    heading: w.verifyHeading,
    blocks: [
      para(line(w.hello)),
      para(line(w.verifyIntro)),
      { kind: 'list', bullet: '-', spaced: false, items: v.accounts.map((a) => ({ line: line(fill(w.verifyAccount, { ...a })), details: [] })) },
      para(line(w.verifyNothingYet)),
      para({ text: [{ href: v.link, label: w.verifyLink }], primary: true }),
      para(line(fill(w.verifyIgnore, { hours: v.hours }))),
    ],
  });
}

/** `personal`: personal mode, where the letters went from the person's own address and replies are read in their inbox. */
export function summaryMail(lang: Language, v: { name: string; requests: RequestLine[]; link: string; personal?: boolean }): RenderedMail {
  const w = mailWords(lang);
  const items = v.requests.map((r) => ({
    line: line(fill(w.summaryItem, { provider: r.provider, identifier: r.identifier, reference: r.reference })),
    details: [
      line(fill(w.channelLine, { channel: r.channel })),
      line(fill(w.statusLine, { status: r.status })),
      ...(r.dueDate ? [line(fill(w.dueLine, { due: r.dueDate }))] : []),
      ...todo(w, r),
    ],
  }));
  return renderDocument({
    lang,
    subject: subject('summary', lang, { count: v.requests.length }),
    heading: w.summaryHeading,
    blocks: [
      para(line(fill(w.helloName, { name: v.name }))),
      para(line(w.summaryIntro)),
      { kind: 'list', bullet: '*', spaced: true, items },
      para(line(v.personal ? w.summaryOutroPersonal : w.summaryOutro)),
      para(linkLine(w.summaryLinkLine, { href: v.link, label: w.summaryLink }, {}, true)),
    ],
  });
}

/** A change of one request that needs the person now (a hand-over, a failure). */
export function changeMail(lang: Language, v: RequestLine & { name: string; note: string | null; link: string }): RenderedMail {
  const w = mailWords(lang);
  const todoLines = todo(w, v);
  return renderDocument({
    lang,
    subject: subject('change', lang, v),
    heading: fill(w.changeHeading, { provider: v.provider }),
    blocks: [
      para(line(fill(w.helloName, { name: v.name }))),
      para(line(fill(w.changeLine, { provider: v.provider, identifier: v.identifier, reference: v.reference, status: v.status }))),
      ...(v.note ? [para(line(v.note))] : []),
      ...(v.dueDate ? [para(line(fill(w.dueLine, { due: v.dueDate })))] : []),
      ...(todoLines.length ? [para(...todoLines)] : []),
      statusPage(w, v.link),
    ],
  });
}

/**
 * Every change since the last digest, oldest first. With complaint drafts attached (`drafts`, the
 * prompt mail of app/notify.ts) its heading says so; each draft's change note names its file.
 */
export function digestMail(lang: Language, v: { name: string; changes: DigestChange[]; link: string; drafts?: number; personal?: boolean }): RenderedMail {
  const w = mailWords(lang);
  const items = v.changes.map((c) => ({
    line: line(
      fill(w.digestItem, { date: c.date, provider: c.provider, identifier: c.identifier, reference: c.reference, status: c.status }) +
        (c.dueDate ? fill(w.digestDue, { due: c.dueDate }) : ''),
    ),
    details: c.note ? [line(c.note)] : [],
  }));
  return renderDocument({
    lang,
    subject: subject('digest', lang, { count: v.changes.length }),
    heading: v.drafts ? w.complaintHeading : w.digestHeading,
    blocks: [
      para(line(fill(w.helloName, { name: v.name }))),
      para(line(w.digestIntro)),
      { kind: 'list', bullet: '-', spaced: true, items },
      para(line(v.personal ? w.digestOutroPersonal : w.digestOutro)),
      statusPage(w, v.link),
    ],
  });
}

/** The last mail: what was deleted, and what could not be. */
export function deletedMail(lang: Language, v: { id: string; operator: string; personal?: boolean }): RenderedMail {
  const w = mailWords(lang);
  const bullets = (texts: string[]): Block => ({ kind: 'list', bullet: '-', spaced: false, items: texts.map((t) => ({ line: line(t), details: [] })) });
  return renderDocument({
    lang,
    subject: subject('deleted', lang, {}),
    heading: w.deletedHeading,
    blocks: [
      para(line(w.hello)),
      para(line(fill(w.deletedIntro, { operator: v.operator, id: v.id }))),
      bullets(w.deletedItems),
      para(line(w.deletedStopped)),
      para(line(w.deletedCannot)),
      // Personal mode: the letters went from the person's own address, and the answers come back there.
      bullets(v.personal ? [w.deletedDeliveredPersonal, ...w.deletedCannotItems.slice(1)] : w.deletedCannotItems),
      para(line(w.deletedLast)),
    ],
  });
}
