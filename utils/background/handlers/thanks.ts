// "This helped me" (pact rule 10): from the panel, Insights and Settings.
import type { TopicHandlers } from './types';
import * as records from '../records/coaching';
import { client } from '../services';

export const thanksHandlers = {
  'thanks.list': async ({ interactionIds }) => records.entryThanks(await client(), interactionIds),
  'thanks.give': async ({ interactionId, note }) => {
    await records.thankAuthor(await client(), interactionId, note);
    return { id: interactionId };
  },
  'thanks.withdraw': async ({ interactionId }) => {
    await records.withdrawThanks(await client(), interactionId);
    return { id: interactionId };
  },
} satisfies TopicHandlers;
