// Settings → Import: the page reads the file and sends batches; each is one call.
import * as records from '../records/import';
import { client } from '../services';
import type { TopicHandlers } from './types';

export const importHandlers = {
  'import.records': async ({ orgId, rows, dryRun }) => records.importRecords(await client(), orgId, rows, dryRun),
} satisfies TopicHandlers;
