// Where a request's deadline runs, from its provider and law: the controller's country (GDPR holidays),
// the person's state (US state acts) and the zones where the due day ends. One function, so dispatch,
// mail-in and the follow-up loop all read the same place.
import type { Law } from '../jurisdiction.ts';
import { letterAddressee } from '../providers/catalog.ts';
import type { Provider } from '../providers/schema.ts';
import type { DeadlinePlace } from './rules.ts';
import { CALIFORNIA_TIME_ZONE, COUNTRY_TIME_ZONES, LATEST_TIME_ZONE, LATEST_US_TIME_ZONE, usAddressTimeZone } from './zones.ts';

/**
 * - GDPR: the holidays and zone of the controller's country (`legalEntity.country`; for a German
 *   controller its Land, `legalEntity.land`, else every Land's holidays); UK GDPR adds the UK's bank
 *   holidays and London.
 * - CCPA: Los Angeles, and the zone of the US addressee's address if that is later.
 * - US state acts: the person's state's period; the zone of the US addressee's address, or Hawaii (the
 *   latest US state zone) when the address names no state.
 * - No law (a courtesy month): as GDPR, for the addressee (the US company for a person in the US).
 * `jurisdiction` is the person's ("US-CO", "US-NY", "FR"): it names the state whose act applies, and a
 * person in the US gets the provider's US company as addressee (letterAddressee), whose place this is.
 */
export function deadlinePlaceFor(provider: Provider, law: Law, jurisdiction?: string): Required<DeadlinePlace> {
  const addressee = letterAddressee(provider, law, jurisdiction);
  const countryZone = (country: string) => COUNTRY_TIME_ZONES[country] ?? LATEST_TIME_ZONE;
  const addressZone = addressee.country === 'US' && addressee.address ? usAddressTimeZone(addressee.address) : undefined;
  // A German controller's holidays are its Land's ("DE-NW"); without a Land, "DE" counts every Land's.
  const holidayPlace = addressee.land ?? addressee.country;
  switch (law) {
    case 'ccpa':
      return { countries: [], usState: 'US-CA', timeZones: unique([CALIFORNIA_TIME_ZONE, addressZone]) };
    case 'us-state':
      return { countries: [], usState: jurisdiction ?? '', timeZones: [addressZone ?? LATEST_US_TIME_ZONE] };
    case 'uk-gdpr':
      return { countries: unique([holidayPlace, 'GB']), usState: '', timeZones: unique([countryZone(addressee.country), COUNTRY_TIME_ZONES.GB]) };
    default:
      return { countries: [holidayPlace], usState: '', timeZones: [countryZone(addressee.country)] };
  }
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}
