// Filing: a capture goes into the outbox (durable first, pact rule 7), then to the server.
import { HighcardError } from '../../errors';
import { backgroundProblemItem } from '../../storage';
import type { TopicHandlers } from './types';
import { inBackground, outbox, unownedAskable } from '../services';

export const captureHandlers = {
  'capture.file': async ({ capture, settles, promise }) => {
    // Durable when this answers; sending follows a moment later (Outbox.sendSoon), and the
    // step it settles is settled (the promise read from it added) once it is on the server,
    // whether or not the panel is open.
    return outbox.file(capture, settles, promise);
  },

  // Only the items of the person the outbox is for: someone else's text is theirs.
  'outbox.list': () => outbox.mine(),

  'outbox.others': async () => outbox.others((await unownedAskable())?.orgIds ?? []),

  // Items nobody could be named for are asked about, never sent as anyone unasked.
  'outbox.unowned': async () => {
    const asked = await unownedAskable();
    return { count: asked ? (await outbox.unowned(asked.orgIds)).length : 0 };
  },

  'outbox.decideUnowned': async ({ choice }) => {
    const asked = await unownedAskable();
    if (!asked) throw new HighcardError('signed_out', 'Sign in to Highcard first: only the person signed in here can answer for these items.');
    const count = await outbox.decideUnowned(choice, asked.signedIn, asked.orgIds);
    if (choice === 'send' && count) inBackground('send the items you took as yours', outbox.resume());
    return { count };
  },

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
