// Capture anywhere: the clip window's selection and the account's contacts, the read
// failures the sidebars report (kept in this browser only), and Outlook on the web's switch.
import { withFailure, stampFailure } from '../../read-failures';
import { readFailuresItem } from '../../storage';
import { discardClip, keepClip, takeClip } from '../clip';
import type { TopicHandlers } from './types';
import { disableOutlook, enableOutlook, outlookStatus } from '../outlook';

export const clipHandlers = {
  // The context menu and the command keep the selection themselves (../clip.ts); tests and
  // extension pages hand one in here, and the side panel shows it.
  'clip.open': async ({ selection, mode }) => ({ clipId: await keepClip(selection, Date.now(), mode) }),

  'clip.get': async ({ clipId }) => takeClip(clipId),

  'clip.discard': async ({ clipId }) => {
    await discardClip(clipId);
    return {};
  },

  'readFailure.record': async (failure) => {
    await readFailuresItem.setValue(withFailure(await readFailuresItem.getValue(), stampFailure(failure)));
    return {};
  },

  'readFailures.list': async () => readFailuresItem.getValue(),

  'outlook.status': async () => outlookStatus(),
  'outlook.enable': async () => enableOutlook(),
  'outlook.disable': async () => disableOutlook(),
} satisfies TopicHandlers;
