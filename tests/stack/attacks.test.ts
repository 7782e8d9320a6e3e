// The paths PostgREST adds on top of SQL, tried with supabase-js as a hostile colleague or
// outsider: another schema by header, embedding a private table through a foreign key,
// aggregates, select=*, and filtering or sorting on a column that is not theirs. The database
// tests (tests/db/attacks.test.ts) prove the rules in SQL; these prove the API adds no way round.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStack } from '../../supabase/local/stack.ts';
import { clientFor, signedUpClient, startTestStack } from './helpers.ts';

let stack: RunningStack;
let admin: SupabaseClient; // Ana: admin, opens a coaching period for Ben (so she is its manager)
let author: SupabaseClient; // Ben: files an entry
let colleague: SupabaseClient; // Cleo: thanks Ben
let bystander: SupabaseClient; // Dev: a member who is neither author, sender nor recipient
let outsider: SupabaseClient; // Otto: another organization
let orgId: string;
let entryId: string;
let benId: string;

/** The data of a request that must succeed; anything else fails the test with the error. */
async function ok<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T> | null> {
  const { data, error } = await promise;
  if (error) throw new Error(JSON.stringify(error));
  return data ?? null;
}

beforeAll(async () => {
  stack = await startTestStack();
  const ana = await signedUpClient(stack, 'Ana');
  const ben = await signedUpClient(stack, 'Ben');
  const cleo = await signedUpClient(stack, 'Cleo');
  const dev = await signedUpClient(stack, 'Dev');
  const otto = await signedUpClient(stack, 'Otto');
  [admin, author, colleague, bystander, outsider] = [ana.client, ben.client, cleo.client, dev.client, otto.client];
  benId = ben.user.id;
  orgId = await ok(admin.rpc('create_organization', { name: 'Highcard' })) as string;
  await ok(outsider.rpc('create_organization', { name: 'Other' }));
  for (const client of [author, colleague, bystander]) {
    const code = await ok(admin.rpc('create_invite', { org_id: orgId, role: 'member' }));
    await ok(client.rpc('join_organization', { code }));
  }
  entryId = randomUUID();
  await ok(author.rpc('file_interaction', {
    capture: {
      id: entryId, org_id: orgId, kind: 'email', source_ref: `msg-${entryId}`,
      source_url: 'https://mail.google.com/mail/u/0/#inbox/BEN-PRIVATE', occurred_at: '2026-11-20T09:30:00Z',
      title: 'Asked about annual pricing', body: 'Could you send the annual pricing?', signals: ['pricing'],
      contact: { full_name: 'Dana Whitfield', email: 'dana@acme-robotics.example' },
    },
  }));
  await ok(colleague.rpc('thank_author', { interaction_id: entryId, note: 'Saved my call' }));
  const route = await ok(colleague.rpc('route_entry', { interaction_id: entryId, to_user: benId, note: 'Pricing ask' }));
  await ok(author.rpc('dismiss_route', { route_id: route }));
  const endsOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const period = await ok(admin.rpc('open_coaching_period', { org_id: orgId, employee_id: benId, purpose: 'Discovery calls', ends_on: endsOn }));
  await ok(author.rpc('add_coaching_note', { period_id: period, body: 'I rushed the demo' }));
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('PostgREST paths around the rules', () => {
  it('serves no schema but public by header, to anyone', async () => {
    for (const client of [clientFor(stack), colleague]) {
      const table = await client.schema('private').from('signal_weeks').select('entries');
      expect(table.error?.code).toBe('PGRST106');
      const helper = await client.schema('private').rpc('member_signal_series', { target_org: orgId, weeks: 4, only_signal: null, only_account: null });
      expect(helper.error?.code).toBe('PGRST106');
    }
  });

  it('embeds nothing private through a foreign key: thanks, routes, dismissals, coaching', async () => {
    const entry = await ok(bystander.from('interactions').select('id, entry_thanks(note), entry_routes(note)').eq('id', entryId));
    expect(entry).toEqual([{ id: entryId, entry_thanks: [], entry_routes: [] }]);
    // Ben dismissed Cleo's route: neither a bystander nor Cleo, the sender, can tell.
    for (const reader of [bystander, colleague]) {
      const people = await ok(reader.from('memberships').select('user_id, route_dismissals(route_id)').eq('org_id', orgId));
      expect(people?.length).toBe(4);
      expect((people ?? []).flatMap((person) => person.route_dismissals)).toEqual([]);
    }
    const own = await ok(author.from('memberships').select('user_id, route_dismissals(route_id)').eq('user_id', benId));
    expect((own ?? []).flatMap((person) => person.route_dismissals)).toHaveLength(1);
    const periods = await ok(bystander.from('coaching_periods').select('id, coaching_notes(body)'));
    expect(periods).toEqual([]);
    const orgs = await ok(bystander.from('organizations').select('id, coaching_periods(purpose), entry_routes(note)').eq('id', orgId));
    expect(orgs).toEqual([{ id: orgId, coaching_periods: [], entry_routes: [] }]);
    // The two people of the period, the author and the sender see theirs, embedded the same way.
    expect(await ok(admin.from('coaching_periods').select('purpose, coaching_notes(body)')))
      .toEqual([{ purpose: 'Discovery calls', coaching_notes: [{ body: 'I rushed the demo' }] }]);
    const mine = await ok(author.from('interactions').select('id, entry_thanks(note)').eq('id', entryId));
    expect(mine).toEqual([{ id: entryId, entry_thanks: [{ note: 'Saved my call' }] }]);
  });

  // PostgREST's aggregates stay off (its default), so no request groups and counts for the
  // reader. What Highcard itself promises, that none of its functions and views counts per
  // person, is read from the catalog in tests/db/no-counting-people.test.ts.
  it('counts nothing: aggregates are off', async () => {
    for (const [table, columns] of [
      ['entry_thanks', 'count()'], ['interactions', 'author_id, count()'], ['coaching_notes', 'count()'],
      ['plan_items', 'taken_by, count()'],
    ] as const) {
      const result = await author.from(table).select(columns);
      expect({ table, code: result.error?.code }).toEqual({ table, code: 'PGRST123' });
    }
  });

  it('refuses select=*, filters and sorts on another’s source link, and embedding it', async () => {
    expect((await colleague.from('interactions').select('*').eq('id', entryId)).error?.code).toBe('42501');
    expect((await colleague.from('interactions').select('id').like('source_url', '%BEN%')).error?.code).toBe('42501');
    expect((await colleague.from('interactions').select('id').order('source_url')).error?.code).toBe('42501');
    expect((await colleague.from('accounts').select('id, interactions(source_url)')).error?.code).toBe('42501');
    const timeline = await ok(colleague.from('account_timeline').select('id, source_url').eq('id', entryId));
    expect(timeline).toEqual([{ id: entryId, source_url: null }]);
  });

  it('gives an outsider and anon nothing of the organization', async () => {
    for (const table of ['interactions', 'entry_thanks', 'entry_routes', 'coaching_notes', 'account_timeline', 'plan_items']) {
      expect({ table, rows: await ok(outsider.from(table).select('org_id').eq('org_id', orgId)) }).toEqual({ table, rows: [] });
      const anon = await clientFor(stack).from(table).select('org_id');
      expect({ table, code: anon.error?.code }).toEqual({ table, code: '42501' });
    }
    expect((await outsider.rpc('signal_series', { org_id: orgId })).error?.code).toBe('42501');
    expect((await outsider.rpc('for_you', { org_id: orgId })).error?.code).toBe('42501');
  });
});
