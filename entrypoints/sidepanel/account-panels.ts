// Panels in the account view. One without a summary sits between the overview and the
// timeline; one with a summary is folded below the timeline, in order, so the timeline's first
// entry is in view without scrolling. Add one entry to add one; each gets the account's id, its
// overview and who is reading.
import { AccountPeoplePanel } from './AccountPeoplePanel';
import { AccountPlan } from './AccountPlan';
import { AccountSignals } from './AccountSignals';
import { FollowAccount } from './FollowAccount';
import type { AccountPanel } from './types';

export const ACCOUNT_PANELS: readonly AccountPanel[] = [
  // For you: follow the account (kept in this browser only); one button, so it stays on top.
  { id: 'follow', Component: FollowAccount },
  // One customer, one record: the people known here, likely duplicates, merges.
  { id: 'people', summary: 'People and merging', Component: AccountPeoplePanel },
  // Insights: this account's signals in the last 90 days, and over the last 26 weeks.
  { id: 'signal-sparklines', summary: 'Signals', Component: AccountSignals },
  // Plans: what the customer wants and what each side promised (pact rule 13).
  { id: 'plan', summary: 'Plan', Component: AccountPlan },
];
