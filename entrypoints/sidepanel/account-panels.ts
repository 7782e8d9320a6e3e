// Panels in the account view, between the overview and the timeline, in order. Add one entry
// to add one; each gets the account's id, its overview and who is reading.
import { AccountPeoplePanel } from './AccountPeoplePanel';
import { AccountPlan } from './AccountPlan';
import { AccountSignals } from './AccountSignals';
import { FollowAccount } from './FollowAccount';
import type { AccountPanel } from './types';

export const ACCOUNT_PANELS: readonly AccountPanel[] = [
  // For you: follow the account (kept in this browser only).
  { id: 'follow', Component: FollowAccount },
  // Plans: what the customer wants and what each side promised (pact rule 13).
  { id: 'plan', Component: AccountPlan },
  // Insights: this account's signals over the last 26 weeks, a sparkline each.
  { id: 'signal-sparklines', Component: AccountSignals },
  // One customer, one record: the people known here, likely duplicates, merges.
  { id: 'people', Component: AccountPeoplePanel },
];
