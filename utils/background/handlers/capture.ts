// Filing: a capture goes into the outbox (durable first, pact rule 7), then to the server.
import { backgroundProblemItem } from '../../storage';
import type { TopicHandlers } from '../dispatch';
import { inBackground, outbox } from '../services';

export const captureHandlers = {
  'capture.file': async ({ capture }) => {
    const item = await outbox.file(capture);
    inBackground('send what was filed', outbox.drain());
    return item;
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
    inBackground('send what was filed', outbox.drain());
    return item;
  },
} satisfies TopicHandlers;
