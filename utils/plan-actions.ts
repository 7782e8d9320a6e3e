// What the plan's components ask their page to do. The components stay presentational (props
// in, events out); the panel's hooks answer each event by asking the background.
import { LIMITS } from './limits';
import type { PlanKind, PlanOutcome, PlanRevision, PlanSide, Result } from './messages';

/** Someone at the customer a promise can be with. */
export interface PlanContact {
  id: string;
  full_name: string;
}

/** A new item as the rep wrote it ("Add as a promise"). */
export interface NewPlanItem {
  kind: PlanKind;
  /** Steps only. */
  side: PlanSide | null;
  body: string;
  /** Steps only; YYYY-MM-DD. */
  due_on: string | null;
  contact_id: string | null;
  /** "I'll do it": an 'ours' step taken by the rep for themselves, never for anyone else. */
  take: boolean;
}

/** The author's change to an item's text, date or person: the item as it should be, so a
 * null date or person means "none" (the page asks the server to take it off). */
export interface PlanEdit {
  body: string;
  due_on: string | null;
  contact_id: string | null;
}

export interface Settlement {
  outcome: PlanOutcome;
  note: string | null;
}

/** Everything PlanView can ask for. Each answers with a Result so the item can show the
 * server's refusal beside itself. */
export interface PlanActions {
  edit(id: string, change: PlanEdit): Promise<Result<unknown>>;
  withdraw(id: string): Promise<Result<unknown>>;
  settle(id: string, settlement: Settlement): Promise<Result<unknown>>;
  reopen(id: string): Promise<Result<unknown>>;
  /** Only ever for the reader themselves: there is no way to name someone else. */
  take(id: string): Promise<Result<unknown>>;
  release(id: string): Promise<Result<unknown>>;
  revisions(id: string): Promise<Result<PlanRevision[]>>;
  /** Puts the open promises, in words for the customer, on the clipboard. */
  copyForCustomer(): Promise<Result<unknown>>;
}

/** What is wrong with an item's text, in words for the rep, or null. */
export function planBodyProblem(body: string): string | null {
  const length = body.trim().length;
  if (!length) return 'Write what it is, in a few words.';
  if (length > LIMITS.planBody) return `Keep it to ${LIMITS.planBody} characters (it has ${length}).`;
  return null;
}
