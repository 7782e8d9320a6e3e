// Insights' "Accounts waiting on us" and "Accounts whose promises to us are overdue": open
// steps past their date, by account. Only the account, how many of its steps are overdue and
// since when; never who wrote or took a step (pact rules 3 and 13). docs/managers.md's SQL
// for "which accounts wait on us" gives the same rows.
import type { PlanSide } from '../vocabulary';

/** The parts of an open step (due_steps) the lists need: nothing about people. */
export interface OverdueStep {
  account_id: string;
  account_name: string;
  side: PlanSide;
  due_on: string;
}

export interface OverdueAccount {
  account_id: string;
  account_name: string;
  overdue_steps: number;
  /** The oldest due date among them: how long the account has been waiting. */
  oldest_due_on: string;
}

export interface OverdueAccounts {
  /** Accounts with open steps of ours past their date: they wait on us. */
  ours: OverdueAccount[];
  /** Accounts whose own promises to us are past their date. */
  theirs: OverdueAccount[];
}

/** Steps due before `today` (YYYY-MM-DD), by side and account, longest waiting first, then by
 * account name. A step due today is not overdue yet. */
export function overdueByAccount(steps: readonly OverdueStep[], today: string): OverdueAccounts {
  const bySide: Record<PlanSide, Map<string, OverdueAccount>> = { ours: new Map(), theirs: new Map() };
  for (const step of steps) {
    if (!(step.due_on < today)) continue;
    const accounts = bySide[step.side];
    const known = accounts.get(step.account_id);
    if (known) {
      known.overdue_steps += 1;
      if (step.due_on < known.oldest_due_on) known.oldest_due_on = step.due_on;
    } else {
      accounts.set(step.account_id, {
        account_id: step.account_id,
        account_name: step.account_name,
        overdue_steps: 1,
        oldest_due_on: step.due_on,
      });
    }
  }
  const ordered = (accounts: Map<string, OverdueAccount>) =>
    [...accounts.values()].sort(
      (a, b) =>
        compare(a.oldest_due_on, b.oldest_due_on) || compare(a.account_name, b.account_name) || compare(a.account_id, b.account_id),
    );
  return { ours: ordered(bySide.ours), theirs: ordered(bySide.theirs) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
