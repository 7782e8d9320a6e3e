// Insights for the active organization: the weekly series and what changed, one account's
// series, and the entries behind one week of one signal. The overview answers from the last
// answer kept in this browser when the server cannot be reached, saying so and how old it is.
import { INSIGHT_RECENT_WEEKS } from '../../insights';
import type { InsightsOverview } from '../../messages';
import { insightsCacheItem } from '../../storage';
import type { TopicHandlers } from './types';
import { signalChanges, signalSeries, signalWeekEntries } from '../records/insights';
import { client, requireActiveOrg } from '../services';

async function overview(weeks: number): Promise<InsightsOverview> {
  const orgId = await requireActiveOrg();
  const key = `${orgId}:${weeks}`;
  try {
    const supabase = await client();
    const [series, changes] = await Promise.all([
      signalSeries(supabase, orgId, weeks),
      signalChanges(supabase, orgId, INSIGHT_RECENT_WEEKS),
    ]);
    const answer: InsightsOverview = { orgId, weeks, series, changes, fetchedAt: new Date().toISOString(), cached: false, problem: null };
    const kept = await insightsCacheItem.getValue();
    // One answer per organization and window: a handful of small rows, never entries.
    await insightsCacheItem.setValue({ ...kept, [key]: answer });
    return answer;
  } catch (error) {
    const kept = (await insightsCacheItem.getValue())[key];
    if (!kept) throw error;
    return { ...kept, cached: true, problem: error instanceof Error ? error.message : String(error) };
  }
}

export const insightsHandlers = {
  'insights.overview': async ({ weeks }) => overview(weeks),

  'insights.account': async ({ accountId, weeks }) =>
    signalSeries(await client(), await requireActiveOrg(), weeks, accountId),

  'insights.entries': async ({ signal, week, after, limit }) =>
    signalWeekEntries(await client(), { orgId: await requireActiveOrg(), signal, week, after, limit }),
} satisfies TopicHandlers;
