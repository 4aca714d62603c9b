// One complete, valid letter input for the letter tests (letters.test.ts, languages.test.ts):
// a Pinterest account of Jane Doe, with the follow-ups referring to a first letter of `basis`.
import type { Law } from '../../functions/core/jurisdiction.ts';
import type { LetterInput, LetterKind } from '../../functions/core/letters.ts';
import type { Basis, Language } from '../../functions/core/model.ts';

export const LETTER_AGENT = 'Optout Autopilot Example';
export const PINTEREST_ADDRESS = 'Palmerston House, 2nd Floor\nFenian Street\nDublin 2\nIreland';

/** The law each first letter is written under. */
export const LAW_OF_BASIS: Record<Basis, Law> = {
  'gdpr-objection': 'gdpr',
  'ccpa-opt-out': 'ccpa',
  'ccpa-delete': 'ccpa',
  'us-state-request': 'us-state',
  'ai-training-request': 'none',
};

export function isFollowUp(kind: LetterKind): kind is 'reminder' | 'final-notice' | 'complaint' {
  return kind === 'reminder' || kind === 'final-notice' || kind === 'complaint';
}

/** `overrides.law` also chooses the law of a follow-up's authority (none for a US state: its act names the enforcer). */
export function letterInput(kind: LetterKind, lang: Language, overrides: Partial<LetterInput> = {}, basis: Basis = 'gdpr-objection'): LetterInput {
  const followUp = isFollowUp(kind);
  const law = overrides.law ?? (followUp ? LAW_OF_BASIS[basis] : LAW_OF_BASIS[kind as Basis]);
  return {
    kind,
    lang,
    law,
    ...(law === 'us-state' ? { usState: 'US-CO' } : {}),
    provider: { name: 'Pinterest', legalEntity: { name: 'Pinterest Europe Ltd.', address: PINTEREST_ADDRESS } },
    person: { name: 'Jane Doe', email: 'jane@example.org' },
    account: { identifier: 'jane-pins-42' },
    agent: { name: LETTER_AGENT },
    reference: 'OA-7K2M-9QXD',
    date: followUp ? '2026-12-01' : '2026-10-25',
    dueDate: followUp ? '2026-12-15' : '2026-11-25',
    ...(followUp
      ? {
          original: { basis, date: '2026-10-25', reference: 'OA-7K2M-9QXD', dueDate: '2026-11-25' },
          authority:
            law === 'us-state'
              ? undefined
              : law === 'ccpa'
                ? {
                    name: 'California Privacy Protection Agency',
                    address: '2101 Arena Blvd\nSacramento, CA 95834',
                    webform: 'https://cppa.ca.gov/webapplications/complaint',
                  }
                : { name: 'Data Protection Commission', address: '21 Fitzwilliam Square South\nDublin 2\nD02 RD28', email: 'info@dataprotection.ie' },
          timeline: [{ date: '2026-11-28', what: 'Reminder sent' }],
          providerAnswer: null,
        }
      : {}),
    ...overrides,
  };
}
