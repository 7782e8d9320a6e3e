// A LinkedIn profile whose current company differs from the one the team filed: the preview
// suggests "job change". Pure.
import type { LookupResult } from '../messages';

/** The company the team has on record for this profile, if any. */
export function knownCompanyOf(known: LookupResult | null, profileUrl: string): string | null {
  const contact = known?.contacts.find(
    (c) => typeof c.linkedin_url === 'string' && c.linkedin_url.toLowerCase() === profileUrl.toLowerCase(),
  );
  return typeof contact?.company === 'string' ? contact.company : null;
}

/** A different current company than the one the team has on record. */
export function jobChanged(known: string | null | undefined, current: string | null): boolean {
  if (!known || !current) return false;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(known) !== norm(current);
}
