// The decision among the phrases that matched (classify.ts steps 3 to 7): a strong auto-reply wins,
// then the substantive classes in CLASS_PRECEDENCE, then weak auto-reply signs and automation markers;
// every hit, outranked or ignored, is named in the reasons. The winner's details (the extension's
// length, the other channel's URL, what identity proof is asked, the refusal's reason) are read here.
import type { Classification, RefusalReason, ReplyClass } from './classes.ts';
import { extractChannelUrl, extractExtension, sentenceAt } from './extract.ts';
import { REGRET } from './patterns/index.ts';

/** Which class wins when several match (classify.ts step 5; `bounce` only comes from provider patterns here). */
const CLASS_PRECEDENCE: readonly ReplyClass[] = ['bounce', 'identity_requested', 'use_other_channel', 'extension', 'refused', 'confirmed', 'acknowledged'];

/** One phrase that matched, and where. */
export interface Hit {
  class: ReplyClass;
  source: 'provider' | 'generic';
  lang?: string;
  where: 'subject' | 'body';
  text: string;
  index: number;
  refusal?: RefusalReason;
  strength?: 'strong' | 'weak';
}

/** A match that did not count, and why (negated, conditional, contradicted). */
export interface Ignored {
  hit: Hit;
  why: string;
}

function describe(hit: Hit): string {
  const origin = `${hit.source}:${hit.class}${hit.lang ? `:${hit.lang}` : ''}`;
  const place = hit.where === 'subject' ? ' (subject)' : '';
  const refusal = hit.refusal ? ` [${hit.refusal}]` : '';
  return `${origin} "${hit.text}"${place}${refusal}`;
}

/** A weak confirmation (status line) is dropped when the reply regrets something or is still being worked on. */
function usableWeakConfirmation(hit: Hit, hits: Hit[], segments: { subject: string; body: string }, ignored: Ignored[]): boolean {
  if (hit.class !== 'confirmed' || hit.strength !== 'weak') return true;
  if (hits.some((h) => h.class === 'confirmed' && h.strength !== 'weak')) return true;
  const regret = segments.body.match(REGRET) ?? segments.subject.match(REGRET);
  if (regret) {
    ignored.push({ hit, why: `status line, but the reply says "${regret[0]}"` });
    return false;
  }
  const pending = hits.find((h) => h.class === 'acknowledged' && h.strength !== 'weak');
  if (pending) {
    ignored.push({ hit, why: `status line, but the reply says "${pending.text}"` });
    return false;
  }
  return true;
}

/** Picks the class from the hits; `markers` are the automation markers (transport.ts). */
export function decide(hits: Hit[], ignored: Ignored[], segments: { subject: string; body: string }, sender: string, markers: string[]): Classification {
  const strongAuto = hits.filter((h) => h.class === 'auto_reply' && h.strength !== 'weak');
  const substantive = hits.filter((h) => h.class !== 'auto_reply' && usableWeakConfirmation(h, hits, segments, ignored));
  const weakAuto = hits.filter((h) => h.class === 'auto_reply' && h.strength === 'weak');

  let winner: ReplyClass = 'unknown';
  let winning: Hit[] = [];
  const reasons: string[] = [];
  if (strongAuto.length > 0) {
    winner = 'auto_reply';
    winning = strongAuto;
  } else {
    for (const cls of CLASS_PRECEDENCE) {
      const of = substantive.filter((h) => h.class === cls);
      if (of.length > 0) {
        winner = cls;
        winning = of;
        break;
      }
    }
  }
  if (winner === 'unknown' && (weakAuto.length > 0 || markers.length > 0)) {
    winner = 'auto_reply';
    winning = weakAuto;
    reasons.push(...markers);
  }

  reasons.unshift(...winning.map(describe));
  const others = hits.filter((h) => !winning.includes(h));
  if (others.length > 0) reasons.push(...others.map((h) => `outranked: ${describe(h)}`));
  if (winner !== 'auto_reply' && markers.length > 0) reasons.push(`automated (${markers.join(', ')}) but the text says ${winner}`);
  for (const { hit, why } of ignored) reasons.push(`ignored (${why}): ${describe(hit)}`);
  if (winner === 'unknown') reasons.unshift('no rule matched');

  const out: Classification = { class: winner, reasons };
  const first = winning[0];
  const text = first?.where === 'subject' ? segments.subject : segments.body;
  if (winner === 'extension' && first) {
    const { months, days, until } = extractExtension(text, first.index);
    if (until) out.extensionUntil = until;
    if (days !== undefined) out.extensionDays = days;
    else if (months !== undefined || !until) out.extensionMonths = months ?? 2;
  }
  if (winner === 'use_other_channel' && first) {
    const url = extractChannelUrl(text, first.index, sender) ?? extractChannelUrl(segments.body, 0, sender);
    if (url) out.otherChannelUrl = url;
  }
  if (winner === 'identity_requested' && first) out.identityAsk = sentenceAt(text, first.index);
  if (winner === 'refused') out.refusalReason = first?.refusal ?? 'other';
  return out;
}
