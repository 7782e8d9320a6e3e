// Coaching periods (pact rule 9): Settings → Coaching and the panel's notice.
import type { TopicHandlers } from './types';
import * as records from '../records/coaching';
import { client } from '../services';

export const coachingHandlers = {
  // Deletes what is due whenever Coaching opens, on top of the nightly pg_cron job where the
  // database has one.
  'coaching.purge': async () => {
    await records.purgeEndedCoaching(await client());
    return {};
  },
  'coaching.list': async ({ orgId }) => records.coachingPeriods(await client(), orgId),
  'coaching.open': async (input) => ({ id: await records.openCoachingPeriod(await client(), input) }),
  'coaching.addNote': async ({ periodId, body }) => ({ id: await records.addCoachingNote(await client(), periodId, body) }),
  'coaching.editNote': async ({ noteId, body }) => {
    await records.editCoachingNote(await client(), noteId, body);
    return { id: noteId };
  },
  'coaching.end': async ({ periodId }) => {
    await records.endCoachingPeriod(await client(), periodId);
    return { id: periodId };
  },
} satisfies TopicHandlers;
