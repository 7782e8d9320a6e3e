// Coaching periods and thanks (pact rules 9 and 10). Every query runs as the signed-in user:
// row level security returns only the periods they are the manager or employee of, and only
// the thank-yous they sent or received; the functions check everything else. Nothing here
// counts anything.
import { z } from 'zod';
import { coachingPeriodSchema, entryThanksSchema, type CoachingPeriod, type ThankYou } from '../../messages';
import { HighcardError } from '../../errors';
import { answered } from './answer';
import type { Client } from '../supabase';

// The employee's name comes from the membership the period points at; notes come with their
// period. A manager who left keeps no membership (the period ended and stays for the
// employee until the purge), so managers' names are read from the organization's people.
const PERIOD_COLUMNS =
  'id, org_id, manager_id, employee_id, purpose, starts_on, ends_on, ended_at, created_at, ' +
  'employee:memberships!coaching_periods_org_id_employee_id_fkey(display_name), ' +
  'notes:coaching_notes(id, author_id, body, created_at, updated_at)';

/** An embedded membership: the person's display name (null once they left). */
const named = z.object({ display_name: z.string() }).nullable().optional();
const periodRowSchema = coachingPeriodSchema.omit({ manager_name: true, employee_name: true }).extend({ employee: named });

export async function coachingPeriods(client: Client, orgId: string): Promise<CoachingPeriod[]> {
  const answer = await client.from('coaching_periods').select(PERIOD_COLUMNS).eq('org_id', orgId).order('created_at', { ascending: false });
  const periods = z.array(periodRowSchema).parse(answered(answer) ?? []);
  const managerIds = [...new Set(periods.map((period) => period.manager_id))];
  const names = new Map<string, string>();
  if (managerIds.length) {
    const people = await client.from('memberships').select('user_id, display_name').eq('org_id', orgId).in('user_id', managerIds);
    for (const person of z.array(z.object({ user_id: z.string(), display_name: z.string() })).parse(answered(people) ?? [])) {
      names.set(person.user_id, person.display_name);
    }
  }
  return periods.map(({ employee, ...period }) => ({
    ...period,
    manager_name: names.get(period.manager_id) ?? null,
    employee_name: employee?.display_name ?? null,
  }));
}

export async function purgeEndedCoaching(client: Client): Promise<void> {
  answered(await client.rpc('purge_ended_coaching'));
}

export async function openCoachingPeriod(client: Client, input: { orgId: string; employeeId: string; purpose: string; endsOn: string }): Promise<string> {
  const answer = await client.rpc('open_coaching_period', {
    org_id: input.orgId,
    employee_id: input.employeeId,
    purpose: input.purpose,
    ends_on: input.endsOn,
  });
  return z.string().parse(answered(answer));
}

export async function addCoachingNote(client: Client, periodId: string, body: string): Promise<string> {
  return z.string().parse(answered(await client.rpc('add_coaching_note', { period_id: periodId, body })));
}

/** The author's edit is a direct update: the policy allows it on their own notes while the
 * period is open, so no row back means it was not theirs or the period has ended. */
export async function editCoachingNote(client: Client, noteId: string, body: string): Promise<void> {
  const rows = z.array(z.object({ id: z.string() })).parse(answered(await client.from('coaching_notes').update({ body }).eq('id', noteId).select('id')) ?? []);
  if (!rows.length) throw new HighcardError('refused', 'Only its author can edit a note, and only while the period is open.');
}

export async function endCoachingPeriod(client: Client, periodId: string): Promise<void> {
  answered(await client.rpc('end_coaching_period', { id: periodId }));
}

// The sender's name comes from their membership in the entry's organization.
const THANKS_COLUMNS = 'interaction_id, from_user, note, created_at, sender:memberships!entry_thanks_org_id_from_user_fkey(display_name)';

/** The thank-yous on these entries that the reader may see: their own, and those sent to them. */
export async function entryThanks(client: Client, interactionIds: readonly string[]): Promise<ThankYou[]> {
  if (!interactionIds.length) return [];
  const answer = await client.from('entry_thanks').select(THANKS_COLUMNS).in('interaction_id', [...interactionIds]).order('created_at');
  return z
    .array(entryThanksSchema.omit({ from_name: true }).extend({ sender: named }))
    .parse(answered(answer) ?? [])
    .map(({ sender, ...row }) => ({ ...row, from_name: sender?.display_name ?? null }));
}

export async function thankAuthor(client: Client, interactionId: string, note: string | null): Promise<void> {
  answered(await client.rpc('thank_author', { interaction_id: interactionId, note: note || undefined }));
}

export async function withdrawThanks(client: Client, interactionId: string): Promise<void> {
  answered(await client.rpc('withdraw_thanks', { interaction_id: interactionId }));
}
