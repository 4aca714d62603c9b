// The codes a person may give as their place of residence: ISO 3166-1 alpha-2 countries, and the
// subdivisions a law in this system depends on (ISO 3166-2:US: the states, DC and the outlying areas;
// ISO 3166-2:DE: the 16 Länder, whose authorities supervise the companies of their Land).
// Source: ISO 3166 Maintenance Agency, officially assigned codes (249 countries).

export const ISO_COUNTRIES: ReadonlySet<string> = new Set(
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV
  BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES
  ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE
  IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
  MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU
  NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM
  SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE
  VG VI VN VU WF WS YE YT ZA ZM ZW`.split(/\s+/),
);

export const US_SUBDIVISIONS: ReadonlySet<string> = new Set(
  `AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND
  OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR UM VI`
    .split(/\s+/)
    .map((state) => `US-${state}`),
);

/**
 * The German Länder (ISO 3166-2:DE) with their names. A German resident's complaint goes to the
 * authority of their Land (the BfDI supervises federal bodies, telecoms and post, not platforms), so
 * German residents give their Land, never plain "DE".
 */
const GERMAN_LAENDER_NAMES = {
  'DE-BW': 'Baden-Württemberg',
  'DE-BY': 'Bayern',
  'DE-BE': 'Berlin',
  'DE-BB': 'Brandenburg',
  'DE-HB': 'Bremen',
  'DE-HH': 'Hamburg',
  'DE-HE': 'Hessen',
  'DE-MV': 'Mecklenburg-Vorpommern',
  'DE-NI': 'Niedersachsen',
  'DE-NW': 'Nordrhein-Westfalen',
  'DE-RP': 'Rheinland-Pfalz',
  'DE-SL': 'Saarland',
  'DE-SN': 'Sachsen',
  'DE-ST': 'Sachsen-Anhalt',
  'DE-SH': 'Schleswig-Holstein',
  'DE-TH': 'Thüringen',
} as const;

/** A German Land's ISO 3166-2 code ("DE-BE"). */
export type GermanLandCode = keyof typeof GERMAN_LAENDER_NAMES;
export const GERMAN_LAND_CODES = Object.keys(GERMAN_LAENDER_NAMES) as GermanLandCode[];
export const GERMAN_LAENDER: ReadonlyMap<string, string> = new Map(Object.entries(GERMAN_LAENDER_NAMES));

/** Countries whose residents must name their subdivision, with the reason given when they do not. */
export const SUBDIVISION_REQUIRED: ReadonlyMap<string, string> = new Map([
  [
    'DE',
    `name your Land: ${[...GERMAN_LAENDER].map(([code, name]) => `${code} (${name})`).join(', ')}; complaints go to your Land's data protection authority`,
  ],
]);

/** Whether `code` (upper case) is a country or a supported subdivision. */
export function isKnownJurisdiction(code: string): boolean {
  return ISO_COUNTRIES.has(code) || US_SUBDIVISIONS.has(code) || GERMAN_LAENDER.has(code);
}
