// Capture anywhere: the clip window's selection and the account's contacts, the read
// failures the sidebars report (kept in this browser only), and Outlook on the web's switch.
import { withFailure, stampFailure } from '../../read-failures';
import { readFailuresItem } from '../../storage';
import { discardClip, keepClip, NothingSelected, openClipWindow, takeClip } from '../clip';
import type { TopicHandlers } from './types';
import { disableOutlook, enableOutlook, outlookStatus } from '../outlook';

export const clipHandlers = {
  // The context menu and the command arrive here after reading the tab (../clip.ts); tests
  // and extension pages hand a selection in directly.
  'clip.open': async ({ selection, mode }) => {
    try {
      const clipId = await keepClip(selection, Date.now(), mode);
      await openClipWindow(clipId);
      return { clipId };
    } catch (error) {
      if (!(error instanceof NothingSelected)) throw error;
      await openClipWindow(null);
      return { clipId: null };
    }
  },

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
