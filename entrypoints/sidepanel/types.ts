// What the popup's shell hands to its parts. To add a tab, a header link or a panel in the
// account view, add one entry to tabs.ts, header-links.ts or account-panels.ts
// (see .scratch/SHELL_READY).
import type { FunctionComponent } from 'preact';
import type { AccountOverview, SessionState } from '../../utils/messages';

/** A colleague's route: shown beside the entry it opened. */
export interface RoutedNote {
  from: string;
  note: string | null;
}

/** Signed in, with an active organization: every tab can rely on these. */
export interface PanelProps {
  session: SessionState;
  orgId: string;
  userId: string;
  /** The account open in the Accounts tab, or null for its search. */
  accountId: string | null;
  /** Switch to the Accounts tab with this account open (from any tab); with an entry id, its
   * timeline opens at that entry (For you). */
  openAccount: (accountId: string, entryId?: string, routed?: RoutedNote) => void;
  /** The entry the open account's timeline should show (opened from For you), or null. */
  focusEntryId: string | null;
  /** Who brought that entry to the reader and why, shown beside it; null when not a route. */
  focusRoute: RoutedNote | null;
  /** Back to the Accounts tab's search. */
  closeAccount: () => void;
}

export interface PanelPart {
  id: string;
  /** The tab's name, short: "Accounts", "For you". */
  label: string;
  Component: FunctionComponent<PanelProps>;
}

export interface HeaderLink {
  id: string;
  label: string;
  /** Shown only once the user is signed in, or has an active organization. */
  needs?: 'user' | 'organization';
  open: () => void | Promise<void>;
}

export interface AccountPanelProps {
  accountId: string;
  orgId: string;
  userId: string;
  overview: AccountOverview;
  /** The panel changed the account (a merge): the view reloads its overview and timeline. */
  onChanged?: () => void;
}

export interface AccountPanel {
  id: string;
  /** Set for a panel folded below the timeline under this heading; unset ones sit above it. */
  summary?: string;
  Component: FunctionComponent<AccountPanelProps>;
}
