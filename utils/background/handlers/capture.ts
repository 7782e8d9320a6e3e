// Filing: a capture goes into the outbox (durable first, pact rule 7), then to the server.
import { backgroundProblemItem } from '../../storage';
import type { TopicHandlers } from './types';
import { outbox } from '../services';

export const captureHandlers = {
  'capture.file': async ({ capture, settles, promise }) => {
    // Durable when this answers; sending follows a moment later (Outbox.sendSoon), and the
    // step it settles is settled (the promise read from it added) once it is on the server,
    // whether or not the panel is open.
    return outbox.file(capture, settles, promise);
  },

  // Only the items of the person the outbox is for: someone else's text is theirs.
  'outbox.list': () => outbox.mine(),

  'outbox.others': () => outbox.others(),

  'outbox.problem': () => backgroundProblemItem.getValue(),

  'outbox.retry': ({ id }) => outbox.retry(id),

  'outbox.discard': async ({ id }) => {
    await outbox.discard(id);
    return outbox.mine();
  },

  'outbox.update': async ({ id, capture }) => {
    const item = await outbox.update(id, capture);
    outbox.sendSoon();
    return item;
  },
} satisfies TopicHandlers;
