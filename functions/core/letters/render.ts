// Renders a letter: validates the input (input.ts), builds what the template reads (dates and
// citations in the letter's language, the law's phrases, the original letter a follow-up quotes), and
// renders templates/letters/<kind>.<lang>.hbs with its shared parts. Citations are recorded as the
// template reads them, so a letter lists only the provisions its text cites.
import { usStateLaw } from '../us-states.ts';
import { render } from '../templates.ts';
import { daysBetween, formatLetterDate, joinCitations, joinList } from './formatting.ts';
import { type Letter, type LetterInput, validate } from './input.ts';
import { agentRole, agentRoute, GDPR_AUTHORITY, groundsData, OPT_OUT_PURPOSES } from './phrases.ts';
import { BASIS_PROVISIONS, CitationLog, type Provision, provisionsFor } from './provisions.ts';
import { isBasis } from './kinds.ts';
import { BASIS_TITLES, type TitleFn } from './titles.ts';

/** Renders a letter. Throws LetterInputError naming the field when the input is incomplete or wrong. */
export function renderLetter(input: LetterInput): Letter {
  const v = validate(input);
  const { lang } = v;
  const log = new CitationLog();
  const table = provisionsFor(v.law, v.usState);
  const state = v.law === 'us-state' && v.usState ? usStateLaw(v.usState) : undefined;
  const provision = (key: string): Provision => {
    const p = table[key];
    if (!p) throw new Error(`no provision "${key}" under law "${v.law}"`);
    return p;
  };

  const cite = {};
  for (const [key, p] of Object.entries(table)) log.define(cite, key, p.text[lang], [p]);

  const isGdpr = v.law === 'gdpr' || v.law === 'uk-gdpr';
  const route = state ? agentRoute(state, lang) : null;
  const law = {
    isGdpr,
    isUk: v.law === 'uk-gdpr',
    isCcpa: v.law === 'ccpa',
    isUsState: v.law === 'us-state',
    isNone: v.law === 'none',
    /** For a US state: its name, its act, what its rights cover and who enforces it (functions/core/us-states.ts). */
    usState: state
      ? {
          state: state.state,
          act: state.act,
          citation: state.actCitation,
          optOutPurposes: joinList(
            state.optOutOf.map((p) => OPT_OUT_PURPOSES[p][lang]),
            lang,
          ),
          deletesAll: state.deletes === 'all',
          /** Whether the act gives an appeal against a refusal: only then does the letter ask how to appeal. */
          appeal: state.appeal,
          enforcer: state.enforcer,
          enforcerCitation: state.enforcerCitation ?? null,
          ...route,
        }
      : null,
    authority: v.law === 'gdpr' || v.law === 'uk-gdpr' ? GDPR_AUTHORITY[v.law][lang] : null,
  };

  // A title may itself cite (e.g. Art. 21(1)); collect what each one names.
  const titled = (fn: TitleFn) => {
    const cites: Provision[] = [];
    const text = fn((key) => {
      const p = provision(key);
      cites.push(p);
      return p.text[lang];
    });
    return { text, cites };
  };

  let original: object | null = null;
  if (v.original) {
    const { claims, deadline } = BASIS_PROVISIONS[v.original.basis];
    const claimed = claims.map(provision);
    const deadlineProvision = deadline ? provision(deadline) : null;
    const titles = BASIS_TITLES[v.original.basis][lang];
    const title = titled(titles.full);
    const shortTitle = titled(titles.short);
    original = {
      date: formatLetterDate(v.original.date, lang),
      dueDate: formatLetterDate(v.original.dueDate, lang),
      reference: v.original.reference,
    };
    log.define(original, 'title', title.text, title.cites);
    log.define(original, 'shortTitle', shortTitle.text, shortTitle.cites);
    log.define(
      original,
      'provisions',
      claimed.length
        ? joinCitations(
            claimed.map((p) => p.text[lang]),
            lang,
          )
        : null,
      claimed,
    );
    log.define(original, 'deadline', deadlineProvision?.text[lang] ?? null, deadlineProvision ? [deadlineProvision] : []);
  }

  const timeline = [...(v.timeline ?? [])]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((entry) => ({ date: formatLetterDate(entry.date, lang), what: entry.what }));

  const data: Record<string, unknown> = {
    reference: v.reference,
    date: formatLetterDate(v.date, lang),
    dueDate: formatLetterDate(v.dueDate, lang),
    replyDays: daysBetween(v.date, v.dueDate),
    provider: { name: v.provider.name, entityName: v.provider.legalEntity.name, entityAddress: v.provider.legalEntity.address ?? null },
    person: { name: v.person.name, email: v.person.email },
    account: { identifier: v.account.identifier },
    agent: v.agent ? { name: v.agent.name, authorizationFile: v.agent.authorizationFile ?? null, ...agentRole(route) } : null,
    law,
    cite,
    original,
    authority: v.authority
      ? {
          name: v.authority.name,
          address: v.authority.address,
          email: v.authority.email ?? null,
          webform: v.authority.webform ?? null,
          isGerman: v.authority.country === 'DE',
        }
      : null,
    lead: v.lead ? { name: v.lead.name, address: v.lead.address } : null,
    timeline,
    providerAnswer: v.providerAnswer ?? null,
    grounds: groundsData(v.grounds, v.kind === 'gdpr-objection'),
  };
  // A first letter's heading is its title (titles.ts), the same text its follow-ups quote.
  if (isBasis(v.kind)) {
    const title = titled(BASIS_TITLES[v.kind][lang].full);
    log.define(data, 'title', title.text, title.cites);
  }
  // Shared blocks (address header, reply instructions, signature) are templates of their own.
  data.parts = {
    header: render(`letters/parts/header.${lang}.hbs`, data).trimEnd(),
    agent: render(`letters/parts/agent.${lang}.hbs`, data).trimEnd(),
    signature: render(`letters/parts/signature.${lang}.hbs`, data).trimEnd(),
    // The listed grounds (one line per choice); null when the person gave only a text of their own.
    grounds: v.grounds?.choices.length ? render(`letters/parts/grounds.${lang}.hbs`, data).trimEnd() : null,
  };

  const rendered = render(`letters/${v.kind}.${lang}.hbs`, data);
  const newline = rendered.indexOf('\n');
  const firstLine = newline === -1 ? rendered : rendered.slice(0, newline);
  if (!firstLine.startsWith('Subject: ')) {
    throw new Error(`template letters/${v.kind}.${lang}.hbs must start with "Subject: "`);
  }
  return {
    subject: firstLine.slice('Subject: '.length).trim(),
    text: tidy(newline === -1 ? '' : rendered.slice(newline + 1)),
    lang,
    citations: log.list(),
  };
}

/** Trailing spaces off, at most one blank line in a row, one final newline. */
function tidy(text: string): string {
  return `${text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
