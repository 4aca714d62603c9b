// Where a request's deadline runs, from its provider and law: the controller's country (GDPR holidays),
// the person's state (US state acts) and the zones where the due day ends. One function, so dispatch,
// mail-in and the follow-up loop all read the same place.
import type { Law } from '../jurisdiction.ts';
import { letterAddressee } from '../providers/catalog.ts';
import type { Provider } from '../providers/schema.ts';
import type { DeadlinePlace } from './rules.ts';
import { CALIFORNIA_TIME_ZONE, COUNTRY_TIME_ZONES, LATEST_TIME_ZONE, LATEST_US_TIME_ZONE, usAddressTimeZone } from './zones.ts';

/**
 * - GDPR: the holidays and zone of the controller's country (`legalEntity.country`); UK GDPR adds the
 *   UK's bank holidays and London.
 * - CCPA: Los Angeles, and the zone of the US addressee's address if that is later.
 * - US state acts: the person's state's period; the zone of the US addressee's address, or Hawaii (the
 *   latest US state zone) when the address names no state.
 * - No law (a courtesy month): as GDPR, for the addressee.
 */
export function deadlinePlaceFor(provider: Provider, law: Law, jurisdiction?: string): Required<DeadlinePlace> {
  const addressee = letterAddressee(provider, law);
  const countryZone = (country: string) => COUNTRY_TIME_ZONES[country] ?? LATEST_TIME_ZONE;
  const addressZone = addressee.country === 'US' && addressee.address ? usAddressTimeZone(addressee.address) : undefined;
  switch (law) {
    case 'ccpa':
      return { countries: [], usState: 'US-CA', timeZones: unique([CALIFORNIA_TIME_ZONE, addressZone]) };
    case 'us-state':
      return { countries: [], usState: jurisdiction ?? '', timeZones: [addressZone ?? LATEST_US_TIME_ZONE] };
    case 'uk-gdpr':
      return { countries: unique([addressee.country, 'GB']), usState: '', timeZones: unique([countryZone(addressee.country), COUNTRY_TIME_ZONES.GB]) };
    default:
      return { countries: [addressee.country], usState: '', timeZones: [countryZone(addressee.country)] };
  }
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}
