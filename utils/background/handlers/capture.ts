// Filing: a capture goes into the outbox (durable first, pact rule 7), then to the server.
import { backgroundProblemItem } from '../../storage';
import type { TopicHandlers } from './types';
import { outbox } from '../services';

export const captureHandlers = {
  'capture.file': async ({ capture }) => {
    // Durable when this answers; sending follows a moment later (Outbox.sendSoon).
    return outbox.file(capture);
  },

  'outbox.list': () => outbox.list(),

  'outbox.problem': () => backgroundProblemItem.getValue(),

  'outbox.retry': ({ id }) => outbox.retry(id),

  'outbox.discard': async ({ id }) => {
    await outbox.discard(id);
    return outbox.list();
  },

  'outbox.update': async ({ id, capture }) => {
    const item = await outbox.update(id, capture);
    outbox.sendSoon();
    return item;
  },
} satisfies TopicHandlers;
