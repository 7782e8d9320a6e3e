// The demo data loads on top of the migrations and reads as the demo users expect.
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { query, freshDb, rpc, superuser, type User } from './helpers.ts';

let db: PGlite;
const ana: User = { id: '00000000-0000-4000-8000-0000000000a1', email: 'ana@highcard.example' };
const ben: User = { id: '00000000-0000-4000-8000-0000000000a2', email: 'ben@highcard.example' };
const cleo: User = { id: '00000000-0000-4000-8000-0000000000a3', email: 'cleo@highcard.example' };

beforeAll(async () => {
  db = await freshDb({ seed: true });
});

describe('the seed', () => {
  it('loads a demo organization with members in sales, support and marketing', async () => {
    const members = await query(db, ben, 'select display_name, role, department from public.memberships order by display_name');
    expect(members).toEqual([
      { display_name: 'Ana Lima', role: 'admin', department: 'Sales' },
      { display_name: 'Ben Okafor', role: 'member', department: 'Support' },
      { display_name: 'Cleo Marchetti', role: 'manager', department: 'Marketing' },
      { display_name: 'Dev Sharma', role: 'member', department: 'Sales' },
    ]);
  });

  it('has accounts with domains, contacts and about fifteen entries with signals', async () => {
    const [counts] = await superuser<Record<string, number>>(
      db,
      `select (select count(*)::int from public.accounts) as accounts, (select count(*)::int from public.account_domains) as domains,
              (select count(*)::int from public.contacts) as contacts, (select count(*)::int from public.interactions) as entries,
              (select count(*)::int from public.interactions where cardinality(signals) > 0) as with_signals`,
    );
    expect(counts).toEqual({ accounts: 4, domains: 4, contacts: 6, entries: 15, with_signals: 15 });
  });

  it('shows an edited entry with its revision to colleagues', async () => {
    const [entry] = await query(db, cleo, `select title, revision_count from public.account_timeline where id = 'e0000000-0000-4000-8000-000000000003'`);
    expect(entry).toEqual({ title: 'Procurement needs SSO before signing', revision_count: 1 });
    expect(await query(db, cleo, `select title from public.interaction_revisions`)).toEqual([{ title: 'Procurement wants SSO' }]);
  });

  it('answers the sidebar about Acme Robotics, and the popup with its recent signals', async () => {
    const context = await rpc<{ accounts: Array<{ id: string; name: string }>; entries: unknown[]; people: Array<{ display_name: string }> }>(
      db, ben, 'lookup_context', { emails: ['dana@acme-robotics.example'], linkedin_url: null },
    );
    expect(context.accounts.map((a) => a.name)).toEqual(['Acme Robotics']);
    const [overview] = await query<{ signals_90d: Record<string, number> }>(
      db, ben, 'select signals_90d from public.account_overview where account_id = $1', [context.accounts[0]!.id],
    );
    expect(overview!.signals_90d).toMatchObject({ buying_signal: 3, competitor: 1 });
    expect(context.entries).toHaveLength(5);
    expect(context.people.map((p) => p.display_name).sort()).toEqual(['Ana Lima', 'Ben Okafor', 'Dev Sharma']);
  });

  it('gives the accounts plans: promises of both sides, one of ours overdue, one settled with a revision', async () => {
    const acme = await query<{ kind: string; side: string | null; body: string; outcome: string | null; revision_count: number; source_interaction_id: string | null }>(
      db, ben, 'select * from public.account_plan($1, $2)', ['d0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001'],
    );
    expect(acme.map((item) => [item.kind, item.side, item.outcome])).toEqual([
      ['step', 'ours', null],
      ['step', 'theirs', null],
      ['goal', null, null],
      ['risk', null, null],
      ['step', 'theirs', 'done'],
    ]);
    const settled = acme.at(-1)!;
    expect(settled.revision_count).toBe(1);
    expect(acme.every((item) => item.source_interaction_id !== null)).toBe(true);

    const overdue = await query<{ account_name: string; side: string; body: string }>(
      db, cleo, 'select account_name, side, body from public.due_steps($1, current_date - 1)', ['d0000000-0000-4000-8000-000000000001'],
    );
    expect(overdue.map((step) => [step.account_name, step.side])).toEqual([
      ['Globex Logistics', 'theirs'],
      ['Acme Robotics', 'ours'],
    ]);
    const [{ items }] = (await superuser<{ items: number }>(db, 'select count(*)::int as items from public.plan_items')) as [{ items: number }];
    expect(items).toBe(9);
  });

  it('lets the demo users keep working: filing, editing and inviting', async () => {
    const filed = await rpc<{ account_id: string; created: boolean }>(db, ana, 'file_interaction', {
      capture: {
        id: '0f000000-0000-4000-8000-000000000001',
        org_id: 'd0000000-0000-4000-8000-000000000001',
        kind: 'email',
        source_ref: 'gmail:new-one',
        source_url: null,
        occurred_at: new Date().toISOString(),
        title: 'Signed the order form',
        body: '',
        signals: ['buying_signal'],
        contact: { full_name: 'Raj Patel', email: 'raj.patel@acme-robotics.example' },
      },
    });
    expect(filed).toMatchObject({ account_id: 'a0000000-0000-4000-8000-000000000001', created: true });
    expect(await rpc<string>(db, ana, 'create_invite', { org_id: 'd0000000-0000-4000-8000-000000000001', role: 'member' })).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);
  });
});
