// Plans and promises (pact rule 13): what the customer wants and what each side promised,
// beside the customer's words. Every answer here is about an account; none counts, scores or
// ranks anything per person.
import { z } from 'zod';
import { LIMITS } from '../limits';
import { PLAN_KINDS, PLAN_OUTCOMES, PLAN_SIDES } from '../vocabulary';
import { entryRef, id, message } from './shared';

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

/** An account with open steps past their date (utils/plans/overdue.ts): no person in it. */
export const overdueAccountSchema = z.object({
  account_id: z.string(),
  account_name: z.string(),
  overdue_steps: z.number(),
  oldest_due_on: z.string(),
});

/** Insights' two lists: accounts waiting on us, and accounts whose promises to us are late. */
export const overdueAccountsSchema = z.object({
  ours: z.array(overdueAccountSchema),
  theirs: z.array(overdueAccountSchema),
  /** due_steps answers at most 500 steps, oldest first: when it did, later ones are not counted. */
  capped: z.boolean(),
});
export type OverdueAccountsAnswer = z.infer<typeof overdueAccountsSchema>;

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

const planId = { id };
const text = (limit: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(limit, { error: `must be at most ${limit} characters` });

/** What a new plan item says. `id` is made by the page when the form opens: a retried add (a
 * lost answer, a second press) returns the item already made instead of making another. */
const newItemFields = z.object({
  id,
  accountId: id,
  kind: z.enum(PLAN_KINDS),
  side: z.enum(PLAN_SIDES).nullish(),
  body: text(LIMITS.planBody),
  dueOn: isoDate.nullish(),
  contactId: id.nullish(),
  take: z.boolean().default(false),
});
const sideOfStep = (item: { kind: string; side?: string | null }) => (item.kind === 'step') === Boolean(item.side);
const sideProblem = () => ({ error: 'a step says whose promise it is; a goal, risk or question does not', path: ['side'] });

/** "Add as a promise", with the entry it came from when the team has filed it. */
const addRequest = newItemFields.extend({ sourceInteractionId: id.nullish() }).refine(sideOfStep, sideProblem());

/** "Add as a promise" on a message not filed yet: the promise goes with the filing into the
 * outbox, which adds it with the entry the server made (the entry's account when it has one). */
export const promiseToAddSchema = newItemFields.refine(sideOfStep, sideProblem());
export type PromiseToAdd = z.infer<typeof promiseToAddSchema>;

export const planMessages = {
  /** An account's plan (account_plan), each item with what the reader may do to it. */
  'plan.list': message(z.object({ accountId: id }), z.object({ items: z.array(planItemSchema) })),
  'plan.add': message(addRequest, entryRef),
  /** The author's change; what is left out stays as it is (edit_plan_item). `clearDueOn` and
   * `clearContactId` take the date or the person off. */
  'plan.edit': message(
    z
      .object({
        id,
        body: text(LIMITS.planBody).nullish(),
        dueOn: isoDate.nullish(),
        contactId: id.nullish(),
        clearDueOn: z.boolean().default(false),
        clearContactId: z.boolean().default(false),
      })
      .refine((edit) => !(edit.clearDueOn && edit.dueOn), { error: 'give a due date or clear it, not both', path: ['dueOn'] })
      .refine((edit) => !(edit.clearContactId && edit.contactId), { error: 'give a contact or clear it, not both', path: ['contactId'] }),
    entryRef,
  ),
  /** Only ever for the signed-in user: no message names anyone else. */
  'plan.take': message(z.object(planId), entryRef),
  'plan.release': message(z.object(planId), entryRef),
  'plan.settle': message(
    z.object({
      id,
      outcome: z.enum(PLAN_OUTCOMES),
      note: z.string().trim().max(LIMITS.planNote, { error: `must be at most ${LIMITS.planNote} characters` }).nullish(),
      /** The entry that settled it (the customer's answer, just filed). */
      interactionId: id.nullish(),
    }),
    entryRef,
  ),
  'plan.reopen': message(z.object(planId), entryRef),
  'plan.withdraw': message(z.object(planId), entryRef),
  'plan.revisions': message(z.object(planId), z.array(planRevisionSchema)),
  /** For you → Due: the reader's steps and those on accounts this browser follows, due on or
   * before `until` (overdue included), in date order (due_steps). */
  'plan.due': message(z.object({ until: isoDate }), z.object({ steps: z.array(dueStepSchema) })),
  /** Insights: the organization's open steps due before `today` (the reader's calendar day),
   * by account and side; never by person (due_steps, grouped in utils/plans/overdue.ts). */
  'plan.overdueAccounts': message(z.object({ today: isoDate }), overdueAccountsSchema),
} as const;
