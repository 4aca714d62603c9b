// The letters there are (a first letter per legal basis, then the follow-ups), and which one a request
// sends: the basis its law gives (basisFor), the laws a basis may be used under, and the language
// (letterLanguage).
import type { Law } from '../jurisdiction.ts';
import { BASES, type Basis, type Language } from '../model.ts';

const FOLLOW_UP_KINDS = ['reminder', 'final-notice', 'complaint'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const LETTER_KINDS = [...BASES, ...FOLLOW_UP_KINDS] as const;
export type LetterKind = Basis | FollowUpKind;

/** The legal action a first letter takes for a person under `law`. */
export function basisFor(law: Law, preferDeletion = false): Basis {
  switch (law) {
    case 'gdpr':
    case 'uk-gdpr':
      return 'gdpr-objection';
    case 'ccpa':
      return preferDeletion ? 'ccpa-delete' : 'ccpa-opt-out';
    case 'us-state':
      return 'us-state-request';
    case 'none':
      return 'ai-training-request';
  }
}

/** The person's language if the provider takes it, otherwise the provider's first language. */
export function letterLanguage(providerLanguages: Language[], personLanguage: Language): Language {
  if (providerLanguages.includes(personLanguage)) return personLanguage;
  return providerLanguages[0] ?? personLanguage;
}

/** Which laws a basis may be used under (a plain request works anywhere). */
export const BASIS_LAWS: Record<Basis, readonly Law[]> = {
  'gdpr-objection': ['gdpr', 'uk-gdpr'],
  'ccpa-opt-out': ['ccpa'],
  'ccpa-delete': ['ccpa'],
  'us-state-request': ['us-state'],
  'ai-training-request': ['gdpr', 'uk-gdpr', 'ccpa', 'us-state', 'none'],
};

export function isBasis(kind: LetterKind): kind is Basis {
  return (BASES as readonly string[]).includes(kind);
}
