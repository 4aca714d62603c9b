// Lunar New Year (month 1, day 1 of the Chinese calendar) as a Gregorian day number, for California's
// Gov. Code § 6700 holiday. ICU's Chinese calendar (Intl) finds the lunation, and the new moon time is
// refined with Meeus' algorithm because ICU's approximation puts some near-midnight new moons on the wrong
// day (e.g. 2027: ICU says Feb 7, the Hong Kong Observatory says Feb 6).
import { civilToDays, formatDate, MS_PER_DAY } from './calendar.ts';

let chineseFormat: Intl.DateTimeFormat | undefined;

/**
 * Step 1: ICU decides which new moon starts month 1 (this needs solar terms and leap-month rules).
 * Step 2: the exact instant of that new moon (Meeus) decides its date in China standard time, because
 * ICU's lower-precision new moon can land on the wrong side of midnight.
 */
export function lunarNewYearDay(year: number): number {
  chineseFormat ??= new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
  if (chineseFormat.resolvedOptions().calendar !== 'chinese') {
    throw new Error('This Node.js build has no Chinese calendar (full ICU is needed for Lunar New Year)');
  }
  // Search one day beyond Jan 21 - Feb 20 on each side, since ICU may be a day off.
  let icuDay: number | undefined;
  for (let day = civilToDays(year, 1, 20); day <= civilToDays(year, 2, 21); day += 1) {
    const parts = chineseFormat.formatToParts(new Date(day * MS_PER_DAY));
    const monthPart = parts.find((p) => p.type === 'month')?.value;
    const dayPart = parts.find((p) => p.type === 'day')?.value;
    if (monthPart === '1' && dayPart === '1') {
      icuDay = day;
      break;
    }
  }
  if (icuDay === undefined) throw new Error(`ICU found no Chinese new year between ${year}-01-20 and ${year}-02-21`);

  const julianDay = icuDay + UNIX_EPOCH_JULIAN_DAY;
  const lunation = Math.round((julianDay - MEEUS_NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const utcMs = (newMoonJde(lunation) - UNIX_EPOCH_JULIAN_DAY) * MS_PER_DAY - deltaTSeconds(year) * 1000;
  // China has used UTC+8 since 1929; before that Beijing mean solar time (116°25' E), as Reingold-Dershowitz.
  const offsetHours = year < 1929 ? 1397 / 180 : 8;
  const chinaDay = Math.floor((utcMs + offsetHours * 3_600_000) / MS_PER_DAY);
  if (Math.abs(chinaDay - icuDay) > 1) {
    throw new Error(`Lunar New Year ${year}: ICU (${formatDate(icuDay)}) and Meeus (${formatDate(chinaDay)}) disagree`);
  }
  return chinaDay;
}

const UNIX_EPOCH_JULIAN_DAY = 2_440_587.5;
const MEEUS_NEW_MOON_EPOCH = 2_451_550.097_66;
const SYNODIC_MONTH = 29.530_588_861;
const RAD = Math.PI / 180;

/** Meeus, Astronomical Algorithms (2nd ed.), ch. 49: Julian Ephemeris Day of new moon number `k`. */
function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const e = 1 - 0.002_516 * t - 0.000_007_4 * t * t;
  const m = (2.5534 + 29.105_356_7 * k - 0.000_001_4 * t ** 2 - 0.000_000_11 * t ** 3) * RAD;
  const mp = (201.5643 + 385.816_935_28 * k + 0.010_758_2 * t ** 2 + 0.000_012_38 * t ** 3 - 0.000_000_058 * t ** 4) * RAD;
  const f = (160.7108 + 390.670_502_84 * k - 0.001_611_8 * t ** 2 - 0.000_002_27 * t ** 3 + 0.000_000_011 * t ** 4) * RAD;
  const omega = (124.7746 - 1.563_755_88 * k + 0.002_067_2 * t ** 2 + 0.000_002_15 * t ** 3) * RAD;
  const s = Math.sin;
  let jde = 2_451_550.097_66 + SYNODIC_MONTH * k + 0.000_154_37 * t ** 2 - 0.000_000_15 * t ** 3 + 0.000_000_000_73 * t ** 4;
  jde +=
    -0.4072 * s(mp) +
    0.172_41 * e * s(m) +
    0.016_08 * s(2 * mp) +
    0.010_39 * s(2 * f) +
    0.007_39 * e * s(mp - m) -
    0.005_14 * e * s(mp + m) +
    0.002_08 * e * e * s(2 * m) -
    0.001_11 * s(mp - 2 * f) -
    0.000_57 * s(mp + 2 * f) +
    0.000_56 * e * s(2 * mp + m) -
    0.000_42 * s(3 * mp) +
    0.000_42 * e * s(m + 2 * f) +
    0.000_38 * e * s(m - 2 * f) -
    0.000_24 * e * s(2 * mp - m) -
    0.000_17 * s(omega) -
    0.000_07 * s(mp + 2 * m) +
    0.000_04 * s(2 * mp - 2 * f) +
    0.000_04 * s(3 * m) +
    0.000_03 * s(mp + m - 2 * f) +
    0.000_03 * s(2 * mp + 2 * f) -
    0.000_03 * s(mp + m + 2 * f) +
    0.000_03 * s(mp - m + 2 * f) -
    0.000_02 * s(mp - m - 2 * f) -
    0.000_02 * s(3 * mp + m) +
    0.000_02 * s(4 * mp);
  // Planetary arguments: [constant, rate per lunation, coefficient].
  const planetary: readonly [number, number, number][] = [
    [299.77, 0.107_408, 0.000_325],
    [251.88, 0.016_321, 0.000_165],
    [251.83, 26.651_886, 0.000_164],
    [349.42, 36.412_478, 0.000_126],
    [84.66, 18.206_239, 0.000_11],
    [141.74, 53.303_771, 0.000_062],
    [207.14, 2.453_732, 0.000_06],
    [154.84, 7.306_86, 0.000_056],
    [34.52, 27.261_239, 0.000_047],
    [207.19, 0.121_824, 0.000_042],
    [291.34, 1.844_379, 0.000_04],
    [161.72, 24.198_154, 0.000_037],
    [239.56, 25.513_099, 0.000_035],
    [331.55, 3.592_518, 0.000_023],
  ];
  planetary.forEach(([constant, rate, coefficient], index) => {
    const argument = constant + rate * k - (index === 0 ? 0.009_173 * t * t : 0);
    jde += coefficient * s(argument * RAD);
  });
  return jde;
}

/** ΔT = TT - UT in seconds (Espenak & Meeus polynomials); off by seconds, which only matters at midnight. */
function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494_119 * t - 0.059_893_9 * t ** 2 + 0.006_196_6 * t ** 3 - 0.000_197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.844_93 * t - 0.0761 * t ** 2 + 0.002_093_6 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060_374 * t ** 2 + 0.001_727_5 * t ** 3 + 0.000_651_814 * t ** 4 + 0.000_023_735_99 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.322_17 * t + 0.005_589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  return year < 2150 ? -20 + 32 * u * u - 0.5628 * (2150 - year) : -20 + 32 * u * u;
}
