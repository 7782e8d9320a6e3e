// Old ids lead on: a page asks what ids it holds stand for today in the active organization.
import type { TopicHandlers } from './types';
import { resolveIds } from '../records/ids';
import { client, requireActiveOrg } from '../services';

export const idsHandlers = {
  'ids.resolve': async ({ accountIds, contactIds }) => resolveIds(await client(), await requireActiveOrg(), accountIds, contactIds),
} satisfies TopicHandlers;
