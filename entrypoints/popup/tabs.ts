// The popup's tabs, in order; the tab list shows once there is more than one. Add one entry
// to add one.
import { AccountsTab } from './AccountsTab';
import { ForYouTab } from './ForYouTab';
import type { PopupTab } from './types';

/** Routes to me or my department and news on followed accounts; the popup opens on it when
 * something is waiting, and a dot marks something new. */
export const FOR_YOU_TAB = 'for-you';

export const POPUP_TABS: readonly PopupTab[] = [
  { id: 'accounts', label: 'Accounts', Component: AccountsTab },
  { id: FOR_YOU_TAB, label: 'For you', Component: ForYouTab },
];
