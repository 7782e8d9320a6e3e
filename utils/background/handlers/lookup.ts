// The side panel's lookup (pact rule 1: only the addresses in view leave, and only when
// allowed; a lookup remembers nothing but the answer, in this browser).
import { HighcardError } from '../../errors';
import { lookupKey } from '../../lookup-cache';
import { activeOrgItem, readItems, settingsItem } from '../../storage';
import type { TopicHandlers } from './types';
import * as records from '../records/lookup';
import { currentSettings } from '../policy';
import { client, lookupCache, NO_ORGANIZATION } from '../services';

export const lookupHandlers = {
  lookup: async ({ emails, linkedinUrl, prefer, manual, fullName }) => {
    // Pact rule 1: with automatic lookup off, nothing is asked until the rep asks, whatever
    // an open tab last knew of the setting.
    const [stored, orgId] = await readItems(settingsItem, activeOrgItem);
    const settings = await currentSettings(undefined, stored);
    if (!manual && !settings.autoLookup) return { skipped: true };
    if (!orgId) throw new HighcardError('refused', NO_ORGANIZATION);
    const key = lookupKey(orgId, emails, linkedinUrl);
    if (prefer === 'cache') {
      const cached = await lookupCache.get(key);
      if (cached) {
        return { skipped: false, result: cached.value, fetchedAt: cached.fetchedAt, fromCache: true };
      }
    }
    // With the name in view the answer also offers same-name candidates.
    const result = await records.lookupContext(await client(), orgId, emails, linkedinUrl, fullName ?? null);
    const fetchedAt = Date.now();
    await lookupCache.set(key, result, fetchedAt);
    return { skipped: false, result, fetchedAt, fromCache: false };
  },
} satisfies TopicHandlers;
