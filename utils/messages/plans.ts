// Plans and promises (pact rule 13): what the customer wants and what each side promised,
// beside the customer's words. Every answer here is about an account; none counts, scores or
// ranks anything per person.
import { z } from 'zod';
import { PLAN_KINDS, PLAN_OUTCOMES, PLAN_SIDES } from '../vocabulary';

export { PLAN_KINDS, PLAN_OUTCOMES, PLAN_SIDES } from '../vocabulary';
export type { PlanKind, PlanOutcome, PlanSide } from '../vocabulary';

/** A calendar day as the database keeps due dates (`date`): YYYY-MM-DD, no time, no zone. */
export const isoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

/** One item of an account's plan (account_plan), with what the reader may do to it. The
 * `*_me` flags are worked out by the background from the signed-in user; the server's rows
 * carry ids, and the page never sees anyone's id but the author's. */
export const planItemSchema = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  side: z.enum(PLAN_SIDES).nullable(),
  body: z.string(),
  due_on: z.string().nullable(),
  contact_id: z.string().nullable(),
  contact_name: z.string().nullable(),
  taken_by_display_name: z.string().nullable(),
  author_id: z.string(),
  author_display_name: z.string().nullable(),
  source_interaction_id: z.string().nullable(),
  /** The start of the entry it came from: the customer's words (null when there is none, or
   * when that entry was retracted). */
  source_excerpt: z.string().nullable(),
  created_at: z.string(),
  settled_at: z.string().nullable(),
  outcome: z.enum(PLAN_OUTCOMES).nullable(),
  settled_note: z.string().nullable(),
  revision_count: z.number(),
  /** The reader wrote it: they may edit and withdraw it. */
  written_by_me: z.boolean(),
  /** The reader took this step: they may release it. */
  taken_by_me: z.boolean(),
  /** The reader settled it: they may reopen it (as may its author). */
  settled_by_me: z.boolean(),
});
export type PlanItem = z.infer<typeof planItemSchema>;

/** An earlier version of a plan item's text and date (plan_item_revisions), newest first. */
export const planRevisionSchema = z.object({
  id: z.string(),
  body: z.string(),
  due_on: z.string().nullable(),
  edited_at: z.string(),
});
export type PlanRevision = z.infer<typeof planRevisionSchema>;

/** An open step due soon or overdue (due_steps), with its account to open. */
export const dueStepSchema = z.object({
  id: z.string(),
  account_id: z.string(),
  account_name: z.string(),
  side: z.enum(PLAN_SIDES),
  body: z.string(),
  due_on: z.string(),
  contact_name: z.string().nullable(),
  taken_by_display_name: z.string().nullable(),
  source_interaction_id: z.string().nullable(),
});
export type DueStep = z.infer<typeof dueStepSchema>;

/** A step still open with the customer beside the page (lookup_context's open_steps), with
 * the words it came from when the panel has them. */
export const openStepSchema = z.object({
  id: z.string(),
  account_id: z.string(),
  side: z.enum(PLAN_SIDES),
  body: z.string(),
  due_on: z.string().nullable(),
  contact_name: z.string().nullable(),
  taken_by_display_name: z.string().nullable(),
  source_excerpt: z.string().nullable(),
});
export type OpenStep = z.infer<typeof openStepSchema>;
