// Plans' queries: an account's plan (account_plan) with the words each item came from
// (account_timeline), what is due (due_steps), an item's history (plan_item_revisions) and
// the functions that change an item. No query here counts anything per person (pact rule 13).
import { z } from 'zod';
import { excerpt } from '../../format';
import {
  dueStepSchema,
  planItemSchema,
  planRevisionSchema,
  type DueStep,
  type PlanItem,
  type PlanOutcome,
  type PlanRevision,
  type PromiseToAdd,
} from '../../messages';
import type { Client } from '../supabase';
import type { AddOutcome, PromisePlace, SettleOutcome } from '../../outbox';
import { answered, classify } from './answer';

/** How much of the entry an item came from is shown beside it. */
const WORDS_MAX = 160;

const planRowSchema = planItemSchema
  .omit({ source_excerpt: true, written_by_me: true, taken_by_me: true, settled_by_me: true })
  .extend({ taken_by: z.string().nullable(), settled_by: z.string().nullable() });

const wordsRowSchema = z.object({ id: z.string(), title: z.string(), body: z.string() });

/** The start of each live entry's text, by id: the customer's words an item came from. A
 * retracted entry is not in account_timeline, so its words are never shown. */
async function entryWords(client: Client, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const answer = await client.from('account_timeline').select('id, title, body').in('id', wanted);
  const rows = z.array(wordsRowSchema).parse(answered(answer) ?? []);
  return new Map(rows.map((row) => [row.id, excerpt(row.body.trim() || row.title, WORDS_MAX).text]));
}

/** An account's plan as account_plan orders it, with what `me` may do to each item. */
export async function accountPlan(client: Client, orgId: string, accountId: string, me: string): Promise<PlanItem[]> {
  const rows = z.array(planRowSchema).parse(answered(await client.rpc('account_plan', { org_id: orgId, account_id: accountId })) ?? []);
  const words = await entryWords(
    client,
    rows.flatMap((row) => (row.source_interaction_id ? [row.source_interaction_id] : [])),
  );
  return rows.map(({ taken_by, settled_by, ...row }) => ({
    ...row,
    source_excerpt: row.source_interaction_id ? (words.get(row.source_interaction_id) ?? null) : null,
    written_by_me: row.author_id === me,
    taken_by_me: taken_by === me,
    settled_by_me: settled_by !== null && settled_by === me,
  }));
}

export interface NewItem {
  id: string;
  orgId: string;
  accountId: string;
  kind: string;
  side?: string | null;
  body: string;
  dueOn?: string | null;
  contactId?: string | null;
  take: boolean;
  sourceInteractionId?: string | null;
}

/** add_plan_item with the page's id: the same id again returns the item it already made. */
export async function addPlanItem(client: Client, item: NewItem): Promise<string> {
  const answer = await client.rpc('add_plan_item', {
    id: item.id,
    org_id: item.orgId,
    account_id: item.accountId,
    kind: item.kind,
    body: item.body,
    side: item.side ?? undefined,
    due_on: item.dueOn ?? undefined,
    contact_id: item.contactId ?? undefined,
    take: item.take,
    source_interaction_id: item.sourceInteractionId ?? undefined,
  });
  return z.string().parse(answered(answer));
}

export interface PlanChange {
  id: string;
  body?: string | null;
  dueOn?: string | null;
  contactId?: string | null;
  clearDueOn?: boolean;
  clearContactId?: boolean;
}

/** edit_plan_item: what is left out (undefined or null) stays as it is; the clear flags take
 * the date or the contact off. */
export async function editPlanItem(client: Client, change: PlanChange): Promise<void> {
  answered(
    await client.rpc('edit_plan_item', {
      id: change.id,
      body: change.body ?? undefined,
      due_on: change.dueOn ?? undefined,
      contact_id: change.contactId ?? undefined,
      clear_due_on: change.clearDueOn || undefined,
      clear_contact_id: change.clearContactId || undefined,
    }),
  );
}

export async function takeStep(client: Client, id: string): Promise<void> {
  answered(await client.rpc('take_step', { id }));
}

export async function releaseStep(client: Client, id: string): Promise<void> {
  answered(await client.rpc('release_step', { id }));
}

export async function settlePlanItem(
  client: Client,
  settle: { id: string; outcome: PlanOutcome; note?: string | null; interactionId?: string | null },
): Promise<void> {
  answered(
    await client.rpc('settle_plan_item', {
      id: settle.id,
      outcome: settle.outcome,
      note: settle.note || undefined,
      interaction_id: settle.interactionId ?? undefined,
    }),
  );
}

/** "This settles it" after the reply reached the server (the outbox, even with the panel
 * closed): settled as done with that entry. A step settled or withdrawn meanwhile, or that the
 * entry can no longer settle, is skipped without a word; offline or signed out, it waits. */
export async function settleWithFiledReply(client: Client, planItemId: string, entryId: string): Promise<SettleOutcome> {
  const answer = await client.rpc('settle_plan_item', { id: planItemId, outcome: 'done', interaction_id: entryId });
  if (!answer.error) return 'settled';
  return classify(answer).kind === 'refused' ? 'skipped' : 'later';
}

/** "Add as a promise" after the message it was read from reached the server (the outbox, even
 * with the panel closed), with that entry as its source. The same id again returns the item
 * already made; a refusal is answered with the server's words; offline or signed out, it waits. */
export async function addPromiseOfFiled(client: Client, promise: PromiseToAdd, place: PromisePlace): Promise<AddOutcome> {
  const answer = await client.rpc('add_plan_item', {
    id: promise.id,
    org_id: place.orgId,
    account_id: place.accountId,
    kind: promise.kind,
    body: promise.body,
    side: promise.side ?? undefined,
    due_on: promise.dueOn ?? undefined,
    contact_id: promise.contactId ?? undefined,
    take: promise.take,
    source_interaction_id: place.entryId ?? undefined,
  });
  if (!answer.error) return { kind: 'added' };
  const outcome = classify(answer);
  return outcome.kind === 'refused' ? { kind: 'refused', message: outcome.message } : { kind: 'later' };
}

export async function reopenPlanItem(client: Client, id: string): Promise<void> {
  answered(await client.rpc('reopen_plan_item', { id }));
}

export async function withdrawPlanItem(client: Client, id: string): Promise<void> {
  answered(await client.rpc('withdraw_plan_item', { id }));
}

/** Earlier versions of an item, newest first; every member reads them (RLS). */
export async function planRevisions(client: Client, id: string): Promise<PlanRevision[]> {
  const answer = await client
    .from('plan_item_revisions')
    .select('id, body, due_on, edited_at')
    .eq('plan_item_id', id)
    .order('edited_at', { ascending: false })
    .order('id', { ascending: false });
  return z.array(planRevisionSchema).parse(answered(answer) ?? []);
}

/** Open steps due on or before `until`: the reader's own (taken or written) and, when this
 * browser follows accounts, those on them — one list by date, each step once. */
export async function dueSteps(client: Client, orgId: string, until: string, followed: readonly string[]): Promise<DueStep[]> {
  const asks = [client.rpc('due_steps', { org_id: orgId, until, only_mine: true })];
  if (followed.length) asks.push(client.rpc('due_steps', { org_id: orgId, until, account_ids: [...followed] }));
  const answers = await Promise.all(asks);
  const byId = new Map<string, DueStep>();
  for (const answer of answers) {
    for (const step of z.array(dueStepSchema).parse(answered(answer) ?? [])) byId.set(step.id, step);
  }
  return [...byId.values()].sort((a, b) => (a.due_on === b.due_on ? (a.id < b.id ? -1 : 1) : a.due_on < b.due_on ? -1 : 1));
}

/** due_steps answers at most this many steps (its `limit`). */
export const DUE_STEPS_MAX = 500;

/** Every open step of the organization due on or before `until`, oldest first, with whether
 * due_steps stopped at its limit. */
export async function organizationDueSteps(client: Client, orgId: string, until: string): Promise<{ steps: DueStep[]; capped: boolean }> {
  const steps = z.array(dueStepSchema).parse(answered(await client.rpc('due_steps', { org_id: orgId, until })) ?? []);
  return { steps, capped: steps.length >= DUE_STEPS_MAX };
}
