import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { dispatch } from '../../utils/background/dispatch';
import { installClipEntryPoints } from '../../utils/background/clip';
import { KEPT_IDS_ALARM, mapKeptIds, scheduleKeptIds } from '../../utils/background/kept-ids';
import { followTabs } from '../../utils/background/page-views';
import { installPanel } from '../../utils/background/panel';
import { reconcileOutlook } from '../../utils/background/outlook';
import { checkForYouIfDue, claimUnownedOnce, inBackground, OUTBOX_ALARM, outbox } from '../../utils/background/services';
import { RETIRED_KEYS } from '../../utils/storage';

export default defineBackground(() => {
  // Listeners are registered synchronously so that a message or alarm that woke the worker
  // is delivered.
  // The browser waits on the returned promise for the answer (webextension-polyfill), and
  // dispatch() answers every failure as a result, so nothing is left floating.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message, sender) => dispatch(message, sender));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) {
      inBackground('send what waits', outbox.drain());
      // For you rides on this alarm (at most every 15 minutes): no polling loop of its own.
      inBackground('check For you', checkForYouIfDue());
    }
    // Ids kept in this browser follow colleagues' merges (every 15 minutes).
    if (alarm.name === KEPT_IDS_ALARM) inBackground('lead kept ids to merged records', mapKeptIds());
  });

  // Back online: whatever waited for the network goes now, not at the next alarm.
  self.addEventListener('online', () => inBackground('send what waited for the network', outbox.resume()));

  // The side panel: the toolbar button and Alt+Shift+H open it; it shows what each tab's
  // content script last reported, forgotten when the tab closes or leaves the page.
  installPanel();
  followTabs();
  // "File selection to customer record": the context-menu item and the keyboard command.
  installClipEntryPoints();
  // Outlook on the web runs exactly while the user allows it (Settings, or the browser's own page).
  browser.permissions.onRemoved.addListener(() => inBackground('follow the Outlook permission', reconcileOutlook()));
  inBackground('follow the Outlook permission', reconcileOutlook());

  // A worker that was stopped mid-sync picks up where it was; prune sent items a week old.
  // Whose the items kept before authors were recorded are is decided first, so that this run
  // sends them if they are the signed-in user's. If deciding fails it is tried at the next start
  // and sending goes on: such items wait for no one until then.
  const owners = claimUnownedOnce().catch((error: unknown) => inBackground('decide whose the earlier items are', Promise.reject(error)));
  inBackground('pick up the outbox', owners.then(() => outbox.prune()).then(() => outbox.drain()));
  inBackground('forget what earlier versions kept', storage.removeItems(RETIRED_KEYS));
  inBackground('lead kept ids to merged records', scheduleKeptIds());
});
