// Which law protects a person, from the jurisdiction they give (ISO 3166-1 alpha-2, or US-CA style).
import { z } from 'zod';
import type { Language } from './model.ts';
import { usStateLaw } from './us-states.ts';
import { GERMAN_LAENDER, isKnownJurisdiction, SUBDIVISION_REQUIRED } from './countries.ts';
import { textRules } from './text-rules.ts';

/** EU member states plus the EEA (IS, LI, NO): GDPR applies. */
export const GDPR_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
] as const;

/** 'us-state': one of the state consumer privacy acts in functions/core/us-states.ts. */
export type Law = 'gdpr' | 'uk-gdpr' | 'ccpa' | 'us-state' | 'none';

export const JurisdictionSchema = z
  .string({ message: 'must be a text: an ISO country code like "FR", "DE-BE" for a German Land, or "US-CA" for a US state' })
  // Before trimming: a CR/LF or control character around the code is refused, not silently cut off.
  .superRefine(textRules())
  .trim()
  .toUpperCase()
  // "UK" is common usage; ISO says GB.
  .transform((code) => (code === 'UK' ? 'GB' : code))
  .pipe(
    z
      .string()
      .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, {
        message: 'must be an ISO country code like "FR", "DE-BE" for a German Land, or "US-CA" for a US state',
        abort: true,
      })
      .refine(isKnownJurisdiction, {
        message: 'is not a country code in ISO 3166-1 nor a supported subdivision (German Länder: "DE-BE" style; US states: "US-CA" style)',
        abort: true,
      })
      // Germany: the complaint goes to the person's Land authority, so the Land is needed.
      .superRefine((code, ctx) => {
        const reason = SUBDIVISION_REQUIRED.get(code);
        if (reason) ctx.addIssue({ code: 'custom', message: reason });
      }),
  );
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

/** "DE-BE" -> "DE"; any other code unchanged (US states have laws of their own). */
function countryLevel(code: string): string {
  return GERMAN_LAENDER.has(code) ? code.slice(0, 2) : code;
}

export function lawFor(jurisdiction: string): Law {
  const code = jurisdiction.toUpperCase();
  if ((GDPR_COUNTRIES as readonly string[]).includes(countryLevel(code))) return 'gdpr';
  if (code === 'GB' || code === 'UK') return 'uk-gdpr';
  if (code === 'US-CA') return 'ccpa';
  if (usStateLaw(code)) return 'us-state';
  return 'none';
}

/** Region tags a catalog channel may be limited to. */
export function regionTags(jurisdiction: string): string[] {
  const code = jurisdiction.toUpperCase();
  const tags = ['global', code];
  if (countryLevel(code) !== code) tags.push(countryLevel(code));
  const law = lawFor(code);
  if (law === 'gdpr') tags.push('EU', 'EEA');
  if (law === 'uk-gdpr') tags.push('GB', 'UK');
  if (code.startsWith('US-')) tags.push('US');
  return tags;
}

/**
 * The main language of each country whose language we write, where the person names none. Belgium:
 * Dutch, the language of most of its people (a French speaker picks French on the form). Luxembourg:
 * French, the language of its legislation and of its data protection authority. Switzerland: German,
 * its most spoken language. Spanish for the Spanish-speaking countries of the Americas as well.
 */
const MAIN_LANGUAGE: Record<Exclude<Language, 'en'>, readonly string[]> = {
  de: ['DE', 'AT', 'LI', 'CH'],
  fr: ['FR', 'LU', 'MC'],
  es: ['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY'],
  it: ['IT', 'SM', 'VA'],
  nl: ['NL', 'BE', 'SR'],
  pl: ['PL'],
};

/** The language a person most likely writes in (their letters' and status emails' default). */
export function defaultLanguage(jurisdiction: string): Language {
  const country = countryLevel(jurisdiction.trim().toUpperCase());
  for (const [lang, countries] of Object.entries(MAIN_LANGUAGE) as [Language, readonly string[]][]) {
    if (countries.includes(country)) return lang;
  }
  return 'en';
}
