// The popup's tabs, in order; the tab list shows once there is more than one. Add one entry
// to add one.
import { AccountsTab } from './AccountsTab';
import type { PopupTab } from './types';

export const POPUP_TABS: readonly PopupTab[] = [{ id: 'accounts', label: 'Accounts', Component: AccountsTab }];
