// For you's queries: the routes waiting for the reader (public.for_you), the entries they point
// at and what colleagues filed on followed accounts (account_timeline), sending and dismissing
// a route. The followed account ids are a filter in one read, never stored on the server.
import { z } from 'zod';
import { routeArgs, type RouteTarget } from '../../for-you';
import { followedEntrySchema, type FollowedEntry, type ForYouRoute } from '../../messages';
import { answered } from './answer';
import type { Client } from '../supabase';

const routeRowSchema = z.object({
  route_id: z.string(),
  interaction_id: z.string(),
  routed_by_display_name: z.string(),
  note: z.string().nullable(),
  routed_at: z.string(),
});
const entryRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  occurred_at: z.string(),
  account_id: z.string().nullable(),
  account_name: z.string().nullable(),
});

/** Routes to the reader or their department, newest routed first, each with its entry's title and
 * account. for_you returns live entries only, so every route finds its entry. */
export async function forYouRoutes(client: Client, orgId: string): Promise<ForYouRoute[]> {
  const routes = z.array(routeRowSchema).parse(answered(await client.rpc('for_you', { org_id: orgId })) ?? []);
  if (!routes.length) return [];
  const ids = [...new Set(routes.map((route) => route.interaction_id))];
  const answer = await client.from('account_timeline').select('id, title, occurred_at, account_id, account_name').in('id', ids);
  const entries = new Map(z.array(entryRowSchema).parse(answered(answer) ?? []).map((entry) => [entry.id, entry]));
  return routes.flatMap((route) => {
    const entry = entries.get(route.interaction_id);
    return entry
      ? [{ ...route, title: entry.title, occurred_at: entry.occurred_at, account_id: entry.account_id, account_name: entry.account_name }]
      : [];
  });
}

const FOLLOWED_LIMIT = 50;

/** What colleagues filed on the followed accounts after `since`, newest filed first. */
export async function followedSince(
  client: Client,
  orgId: string,
  accountIds: readonly string[],
  since: string,
  me: string,
): Promise<FollowedEntry[]> {
  if (!accountIds.length) return [];
  const answer = await client
    .from('account_timeline')
    .select('id, account_id, account_name, title, author_display_name, occurred_at, created_at')
    .eq('org_id', orgId)
    .in('account_id', [...accountIds])
    .neq('author_id', me)
    .gt('created_at', since)
    .order('created_at', { ascending: false })
    .limit(FOLLOWED_LIMIT);
  return z.array(followedEntrySchema).parse(answered(answer) ?? []);
}

export async function routeEntry(
  client: Client,
  route: { interactionId: string; target: RouteTarget; note: string | null | undefined },
): Promise<string> {
  const answer = await client.rpc('route_entry', routeArgs(route.interactionId, route.target, route.note));
  return z.string().parse(answered(answer));
}

export async function dismissRoute(client: Client, routeId: string): Promise<void> {
  answered(await client.rpc('dismiss_route', { route_id: routeId }));
}
