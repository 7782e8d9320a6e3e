// What a site tells the panel about the page in a tab: plain data, read by the content script
// (utils/panel/site-views.ts), kept by the background per tab and shown by the side panel.
import type { LookupResult, PageSource, PageView } from '../messages';
import type { DraftSeed } from '../preview';
import { jobChanged, knownCompanyOf } from './job-change';

/** Something in view the rep can file: a Gmail message, a LinkedIn message or profile, a note. */
export type SourceItem = PageSource;
/** The page in view, as the panel sees it. */
export type SiteView = PageView;

/**
 * The preview's starting point for a source, with what the team knows: a profile whose
 * company moved since the team filed it suggests "job change" (offered, never chosen).
 */
export function seedOf(source: SourceItem, known: LookupResult | null): DraftSeed | { problem: string } {
  const seed = source.seed;
  if ('problem' in seed) return seed;
  const person = seed.contacts[seed.contactIndex];
  if (seed.kind !== 'linkedin_profile' && seed.kind !== 'note') return seed;
  if (!person?.linkedin_url) return seed;
  const moved = jobChanged(knownCompanyOf(known, person.linkedin_url), person.company ?? null);
  return { ...seed, suggestedSignals: moved ? ['job_change'] : [] };
}
