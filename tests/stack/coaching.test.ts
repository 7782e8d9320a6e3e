// The background's coaching and thanks queries (utils/background/records/coaching.ts) through
// the real PostgREST: the names arrive with the periods, and each person reads only what is
// theirs.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStack } from '../../supabase/local/stack.ts';
import * as records from '../../utils/background/records/coaching.ts';
import type { Client } from '../../utils/background/supabase.ts';
import { signedUpClient, startTestStack } from './helpers.ts';

let stack: RunningStack;
let maria: Awaited<ReturnType<typeof signedUpClient>>;
let ben: Awaited<ReturnType<typeof signedUpClient>>;
let dev: Awaited<ReturnType<typeof signedUpClient>>;
let orgId: string;

async function join(admin: SupabaseClient, person: SupabaseClient, role: string): Promise<void> {
  const { data: code, error } = await admin.rpc('create_invite', { org_id: orgId, role });
  if (error) throw new Error(error.message);
  const joined = await person.rpc('join_organization', { code });
  if (joined.error) throw new Error(joined.error.message);
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const as = (client: SupabaseClient) => client as unknown as Client;

beforeAll(async () => {
  stack = await startTestStack();
  maria = await signedUpClient(stack, 'Maria');
  ben = await signedUpClient(stack, 'Ben');
  dev = await signedUpClient(stack, 'Dev');
  const created = await maria.client.rpc('create_organization', { name: 'Harbour Freight' });
  orgId = created.data as string;
  await join(maria.client, ben.client, 'member');
  await join(maria.client, dev.client, 'manager');
});
afterAll(async () => {
  await stack?.stop();
});

describe('coaching through the API', () => {
  it('opens, writes, edits, reads with names, ends; another manager reads nothing', async () => {
    const periodId = await records.openCoachingPeriod(as(maria.client), { orgId, employeeId: ben.user.id, purpose: 'Discovery calls', endsOn: day(10) });
    const noteId = await records.addCoachingNote(as(ben.client), periodId, 'First try');
    await records.editCoachingNote(as(ben.client), noteId, 'Second try');
    await expect(records.editCoachingNote(as(maria.client), noteId, 'Not mine')).rejects.toThrow('Only its author can edit a note');

    const [seenByMaria] = await records.coachingPeriods(as(maria.client), orgId);
    expect(seenByMaria).toMatchObject({ id: periodId, manager_name: 'Maria', employee_name: 'Ben', purpose: 'Discovery calls', ended_at: null });
    expect(seenByMaria!.notes.map((note) => note.body)).toEqual(['Second try']);
    expect(await records.coachingPeriods(as(ben.client), orgId)).toHaveLength(1);
    expect(await records.coachingPeriods(as(dev.client), orgId)).toEqual([]);

    await expect(records.endCoachingPeriod(as(ben.client), periodId)).rejects.toThrow(/^Only the manager who opened a coaching period ends it early/);
    await records.endCoachingPeriod(as(maria.client), periodId);
    await expect(records.addCoachingNote(as(ben.client), periodId, 'Too late')).rejects.toThrow('This coaching period has ended.');
    await records.purgeEndedCoaching(as(dev.client));
    expect(await records.coachingPeriods(as(ben.client), orgId)).toHaveLength(1);
  });

  it('a manager who steps down ends their period: the employee reads it as ended, with the manager’s name; they read nothing', async () => {
    const periodId = await records.openCoachingPeriod(as(dev.client), { orgId, employeeId: ben.user.id, purpose: 'Renewals', endsOn: day(10) });
    await records.addCoachingNote(as(dev.client), periodId, 'Ask about the budget first');
    const demoted = await maria.client.rpc('set_member_role', { org_id: orgId, user_id: dev.user.id, role: 'member' });
    expect(demoted.error).toBeNull();
    const seenByBen = (await records.coachingPeriods(as(ben.client), orgId)).find((period) => period.id === periodId);
    expect(seenByBen).toMatchObject({ manager_name: 'Dev', employee_name: 'Ben', ended_at: expect.any(String) });
    expect(seenByBen!.notes.map((note) => note.body)).toEqual(['Ask about the budget first']);
    expect(await records.coachingPeriods(as(dev.client), orgId)).toEqual([]);
    await maria.client.rpc('set_member_role', { org_id: orgId, user_id: dev.user.id, role: 'manager' });
  });

  it('refuses in words the user can act on', async () => {
    await expect(
      records.openCoachingPeriod(as(ben.client), { orgId, employeeId: dev.user.id, purpose: 'x', endsOn: day(10) }),
    ).rejects.toThrow('Only managers and admins open coaching periods.');
    await expect(
      records.openCoachingPeriod(as(maria.client), { orgId, employeeId: ben.user.id, purpose: 'x', endsOn: day(120) }),
    ).rejects.toThrow('Must be at most 90 days from today.');
  });
});

describe('thanks through the API', () => {
  it('the sender and the author read it with the sender’s name; another manager does not', async () => {
    const filed = await maria.client.rpc('file_interaction', {
      capture: {
        id: randomUUID(),
        org_id: orgId,
        kind: 'note',
        occurred_at: '2026-11-20T09:30:00Z',
        title: 'Hamburg wants a pilot',
        body: 'Four weeks first.',
        signals: ['buying_signal'],
        contact: { full_name: 'Mia Schmidt', email: 'mia@acme-robotics.example' },
      },
    });
    expect(filed.error).toBeNull();
    const entryId = (filed.data as { id: string }).id;

    await records.thankAuthor(as(ben.client), entryId, 'Got me through the call');
    await records.thankAuthor(as(ben.client), entryId, null);
    const expected = [{ interaction_id: entryId, from_user: ben.user.id, from_name: 'Ben', note: 'Got me through the call' }];
    expect(await records.entryThanks(as(maria.client), [entryId])).toMatchObject(expected);
    expect(await records.entryThanks(as(ben.client), [entryId])).toMatchObject(expected);
    expect(await records.entryThanks(as(dev.client), [entryId])).toEqual([]);
    await expect(records.thankAuthor(as(maria.client), entryId, null)).rejects.toThrow('You cannot thank yourself for your own entry.');

    await records.withdrawThanks(as(ben.client), entryId);
    expect(await records.entryThanks(as(maria.client), [entryId])).toEqual([]);
  });
});
