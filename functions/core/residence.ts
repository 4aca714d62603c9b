// The form's list of places a person may live in, in the page's language: the German Länder and the
// US states first (residents of those two countries name their Land or state, since the law and the
// authority depend on it: plain "DE" is refused, and a state act or the CCPA applies per state), then
// every other country. Country names come from Intl.DisplayNames (ICU's CLDR data, so in every
// language Node knows); Land and state names are proper names, with the usual exonyms per language.
// The codes are the ones the API takes (functions/core/countries.ts).
import { GERMAN_LAENDER, ISO_COUNTRIES, US_SUBDIVISIONS } from './countries.ts';
import type { Language } from './model.ts';

/** US states and DC by their English names (ISO 3166-2:US); the outlying areas are offered as countries. */
const US_STATES: Record<string, string> = {
  'US-AL': 'Alabama',
  'US-AK': 'Alaska',
  'US-AZ': 'Arizona',
  'US-AR': 'Arkansas',
  'US-CA': 'California',
  'US-CO': 'Colorado',
  'US-CT': 'Connecticut',
  'US-DE': 'Delaware',
  'US-DC': 'District of Columbia',
  'US-FL': 'Florida',
  'US-GA': 'Georgia',
  'US-HI': 'Hawaii',
  'US-ID': 'Idaho',
  'US-IL': 'Illinois',
  'US-IN': 'Indiana',
  'US-IA': 'Iowa',
  'US-KS': 'Kansas',
  'US-KY': 'Kentucky',
  'US-LA': 'Louisiana',
  'US-ME': 'Maine',
  'US-MD': 'Maryland',
  'US-MA': 'Massachusetts',
  'US-MI': 'Michigan',
  'US-MN': 'Minnesota',
  'US-MS': 'Mississippi',
  'US-MO': 'Missouri',
  'US-MT': 'Montana',
  'US-NE': 'Nebraska',
  'US-NV': 'Nevada',
  'US-NH': 'New Hampshire',
  'US-NJ': 'New Jersey',
  'US-NM': 'New Mexico',
  'US-NY': 'New York',
  'US-NC': 'North Carolina',
  'US-ND': 'North Dakota',
  'US-OH': 'Ohio',
  'US-OK': 'Oklahoma',
  'US-OR': 'Oregon',
  'US-PA': 'Pennsylvania',
  'US-RI': 'Rhode Island',
  'US-SC': 'South Carolina',
  'US-SD': 'South Dakota',
  'US-TN': 'Tennessee',
  'US-TX': 'Texas',
  'US-UT': 'Utah',
  'US-VT': 'Vermont',
  'US-VA': 'Virginia',
  'US-WA': 'Washington',
  'US-WV': 'West Virginia',
  'US-WI': 'Wisconsin',
  'US-WY': 'Wyoming',
};

/** Where a language names a state or Land differently from its own (English, German) name. */
const EXONYMS: Partial<Record<Language, Record<string, string>>> = {
  en: {
    'DE-BY': 'Bavaria',
    'DE-HE': 'Hesse',
    'DE-NI': 'Lower Saxony',
    'DE-NW': 'North Rhine-Westphalia',
    'DE-RP': 'Rhineland-Palatinate',
    'DE-SN': 'Saxony',
    'DE-ST': 'Saxony-Anhalt',
    'DE-TH': 'Thuringia',
    'DE-MV': 'Mecklenburg-Western Pomerania',
  },
  de: { 'US-CA': 'Kalifornien' },
  fr: {
    'US-CA': 'Californie',
    'US-NC': 'Caroline du Nord',
    'US-SC': 'Caroline du Sud',
    'US-ND': 'Dakota du Nord',
    'US-SD': 'Dakota du Sud',
    'US-FL': 'Floride',
    'US-GA': 'Géorgie',
    'US-HI': 'Hawaï',
    'US-LA': 'Louisiane',
    'US-NM': 'Nouveau-Mexique',
    'US-PA': 'Pennsylvanie',
    'US-VA': 'Virginie',
    'US-WV': 'Virginie-Occidentale',
    'DE-BY': 'Bavière',
    'DE-HE': 'Hesse',
    'DE-NI': 'Basse-Saxe',
    'DE-NW': 'Rhénanie-du-Nord-Westphalie',
    'DE-RP': 'Rhénanie-Palatinat',
    'DE-SN': 'Saxe',
    'DE-ST': 'Saxe-Anhalt',
    'DE-TH': 'Thuringe',
    'DE-MV': 'Mecklembourg-Poméranie-Occidentale',
    'DE-SL': 'Sarre',
    'DE-HH': 'Hambourg',
    'DE-HB': 'Brême',
  },
  es: {
    'US-NC': 'Carolina del Norte',
    'US-SC': 'Carolina del Sur',
    'US-ND': 'Dakota del Norte',
    'US-SD': 'Dakota del Sur',
    'US-HI': 'Hawái',
    'US-LA': 'Luisiana',
    'US-MO': 'Misuri',
    'US-NJ': 'Nueva Jersey',
    'US-NM': 'Nuevo México',
    'US-NY': 'Nueva York',
    'US-PA': 'Pensilvania',
    'US-WV': 'Virginia Occidental',
    'DE-BY': 'Baviera',
    'DE-HE': 'Hesse',
    'DE-NI': 'Baja Sajonia',
    'DE-NW': 'Renania del Norte-Westfalia',
    'DE-RP': 'Renania-Palatinado',
    'DE-SN': 'Sajonia',
    'DE-ST': 'Sajonia-Anhalt',
    'DE-TH': 'Turingia',
    'DE-MV': 'Mecklemburgo-Pomerania Occidental',
    'DE-SL': 'Sarre',
    'DE-HH': 'Hamburgo',
    'DE-HB': 'Bremen',
  },
  it: {
    'US-NC': 'Carolina del Nord',
    'US-SC': 'Carolina del Sud',
    'US-ND': 'Dakota del Nord',
    'US-SD': 'Dakota del Sud',
    'US-NM': 'Nuovo Messico',
    'US-WV': 'Virginia Occidentale',
    'DE-BY': 'Baviera',
    'DE-HE': 'Assia',
    'DE-NI': 'Bassa Sassonia',
    'DE-NW': 'Renania Settentrionale-Vestfalia',
    'DE-RP': 'Renania-Palatinato',
    'DE-SN': 'Sassonia',
    'DE-ST': 'Sassonia-Anhalt',
    'DE-TH': 'Turingia',
    'DE-MV': 'Meclemburgo-Pomerania Anteriore',
    'DE-SL': 'Saarland',
    'DE-HH': 'Amburgo',
    'DE-HB': 'Brema',
  },
  nl: {
    'US-CA': 'Californië',
    'US-NC': 'North Carolina',
    'US-SC': 'South Carolina',
    'US-HI': 'Hawaï',
    'DE-BY': 'Beieren',
    'DE-NI': 'Nedersaksen',
    'DE-NW': 'Noordrijn-Westfalen',
    'DE-RP': 'Rijnland-Palts',
    'DE-SN': 'Saksen',
    'DE-ST': 'Saksen-Anhalt',
    'DE-TH': 'Thüringen',
    'DE-MV': 'Mecklenburg-Voor-Pommeren',
  },
  pl: {
    'US-CA': 'Kalifornia',
    'US-NC': 'Karolina Północna',
    'US-SC': 'Karolina Południowa',
    'US-ND': 'Dakota Północna',
    'US-SD': 'Dakota Południowa',
    'US-FL': 'Floryda',
    'US-HI': 'Hawaje',
    'US-LA': 'Luizjana',
    'US-NM': 'Nowy Meksyk',
    'US-NY': 'Nowy Jork',
    'US-PA': 'Pensylwania',
    'US-VA': 'Wirginia',
    'US-WV': 'Wirginia Zachodnia',
    'DE-BW': 'Badenia-Wirtembergia',
    'DE-BY': 'Bawaria',
    'DE-BB': 'Brandenburgia',
    'DE-HE': 'Hesja',
    'DE-NI': 'Dolna Saksonia',
    'DE-NW': 'Nadrenia Północna-Westfalia',
    'DE-RP': 'Nadrenia-Palatynat',
    'DE-SN': 'Saksonia',
    'DE-ST': 'Saksonia-Anhalt',
    'DE-TH': 'Turyngia',
    'DE-MV': 'Meklemburgia-Pomorze Przednie',
    'DE-SL': 'Saara',
    'DE-SH': 'Szlezwik-Holsztyn',
    'DE-HH': 'Hamburg',
    'DE-HB': 'Brema',
  },
};

export interface ResidenceOption {
  code: string;
  name: string;
}

export interface ResidenceGroup {
  /** 'DE' (the Länder), 'US' (the states) or 'countries'. */
  kind: 'DE' | 'US' | 'countries';
  options: ResidenceOption[];
}

/**
 * The places to offer, grouped and sorted in `lang`, keeping only codes `allowed` accepts (a deployment
 * may serve some jurisdictions only). Germany and the United States are never offered as a whole.
 */
export function residenceGroups(lang: Language, allowed: (code: string) => boolean = () => true): ResidenceGroup[] {
  const regionNames = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(lang);
  const exonyms = EXONYMS[lang] ?? {};
  const sorted = (options: ResidenceOption[]) => options.filter((o) => allowed(o.code)).sort((a, b) => collator.compare(a.name, b.name));
  const laender = sorted([...GERMAN_LAENDER].map(([code, name]) => ({ code, name: exonyms[code] ?? name })));
  const states = sorted([...US_SUBDIVISIONS].filter((code) => US_STATES[code]).map((code) => ({ code, name: exonyms[code] ?? US_STATES[code]! })));
  const countries = sorted([...ISO_COUNTRIES].filter((code) => code !== 'DE' && code !== 'US').map((code) => ({ code, name: regionNames.of(code) ?? code })));
  return [
    { kind: 'DE' as const, options: laender },
    { kind: 'US' as const, options: states },
    { kind: 'countries' as const, options: countries },
  ].filter((group) => group.options.length > 0);
}
