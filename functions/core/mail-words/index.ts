// The words of the mails to the person, by language (one file per language, the keys in en.ts).
import type { Language } from '../model.ts';
import { de } from './de.ts';
import { en, type MailWords } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';
import { pl } from './pl.ts';

export type { MailWords };

const WORDS: Record<Language, MailWords> = { en, de, fr, es, it, nl, pl };

export function mailWords(lang: Language): MailWords {
  return WORDS[lang];
}
