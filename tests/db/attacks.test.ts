// A hostile user against every path into the database: tables, views, RPCs, the private
// helpers an RPC reaches, and column grants. Organization A has an admin, two managers, an
// employee and a colleague; an outsider runs organization B; a member of both tries to merge
// across them; anon tries everything. Each attack asserts the exact refusal (SQLSTATE) or
// that nothing comes back, and what the superuser sees afterwards proves nothing changed.
// Tables, views and functions are listed from the catalog, so one added later is attacked too.
import { readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createOrganization,
  createUser,
  emailCapture,
  expectRefusal,
  file,
  freshDb,
  query,
  rpc,
  superuser,
  type Caller,
  type Filed,
  type User,
} from './helpers.ts';

let db: PGlite;
let admin: User; // Ana: admin of A, no department
let manager: User; // Maria: manager of A, sales; routes entries and coaches Ben
let employee: User; // Ben: member of A, sales; files entries, is coached
let colleague: User; // Cleo: member of A, sales; thanks Ben, dismisses a department route
let otherManager: User; // Dev: manager of A, support
let outsider: User; // Otto: admin of B
let dual: User; // Duo: member of A and of B
let orgA: string;
let orgB: string;
let benEntry: Filed; // Ben's email, with a link into Ben's mailbox
let cleoEntry: Filed; // Cleo's entry about Mia (by email)
let miaLinkedIn: Filed; // Cleo's entry about Mia (by LinkedIn): a second contact record
let gmbhEntry: Filed; // an entry on a second account for Acme
let ottoEntry: Filed; // Otto's entry in B about the same person
let routeToBen: string; // Maria -> Ben: Cleo's entry
let routeToSales: string; // Maria -> sales (Ben, Cleo): Ben's entry
let period: string; // Maria coaching Ben, open
let endedPeriod: string; // Maria coaching Ben, ended early
let benNote: string;
let mariaNote: string;

const BEN_URL = 'https://mail.google.com/mail/u/0/#inbox/BEN-PRIVATE-THREAD';

/** The number of rows a query as `caller` returns. */
async function rows(caller: Caller, sql: string, params: unknown[] = []): Promise<number> {
  return (await query(db, caller, sql, params)).length;
}

/** How many rows every table of ours holds, as the superuser sees it. */
async function census(): Promise<Record<string, number>> {
  const tables = await superuser<{ name: string }>(
    db,
    `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ('public', 'private') and c.relkind = 'r' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await superuser<{ n: number }>(db, `select count(*)::int as n from ${name}`);
    counts[name] = row!.n;
  }
  return counts;
}

beforeAll(async () => {
  db = await freshDb();
  admin = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  manager = await createUser(db, 'maria@highcard.example', { display_name: 'Maria' });
  employee = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  colleague = await createUser(db, 'cleo@highcard.example', { display_name: 'Cleo' });
  otherManager = await createUser(db, 'dev@highcard.example', { display_name: 'Dev' });
  outsider = await createUser(db, 'otto@other.example', { display_name: 'Otto' });
  dual = await createUser(db, 'duo@both.example', { display_name: 'Duo' });
  orgA = await createOrganization(db, admin, 'Highcard');
  orgB = await createOrganization(db, outsider, 'Other');
  await addMember(db, admin, orgA, manager, 'manager', 'sales');
  await addMember(db, admin, orgA, employee, 'member', 'sales');
  await addMember(db, admin, orgA, colleague, 'member', 'sales');
  await addMember(db, admin, orgA, otherManager, 'manager', 'support');
  await addMember(db, admin, orgA, dual, 'member');
  await addMember(db, outsider, orgB, dual, 'member');

  const dana = { full_name: 'Dana Whitfield', email: 'dana@acme-robotics.example', company: 'Acme Robotics' };
  benEntry = await file(db, employee, emailCapture(orgA, { contact: dana, source_url: BEN_URL }));
  cleoEntry = await file(db, colleague, emailCapture(orgA, {
    contact: { full_name: 'Mia Schmidt', email: 'mia@acme-robotics.example' },
    signals: ['churn_risk'],
  }));
  miaLinkedIn = await file(db, colleague, emailCapture(orgA, {
    kind: 'linkedin_message',
    source_url: 'https://www.linkedin.com/messaging/thread/CLEO-PRIVATE/',
    contact: { full_name: 'Mia Schmidt', linkedin_url: 'https://www.linkedin.com/in/mia-schmidt' },
  }));
  gmbhEntry = await file(db, colleague, emailCapture(orgA, {
    contact: { full_name: 'Jo Berg', email: 'jo@acme-gmbh.example', company: 'Acme GmbH' },
  }));
  ottoEntry = await file(db, outsider, emailCapture(orgB, { contact: dana, signals: ['pricing'] }));
  // An edit, so the entry has a revision.
  await query(db, employee, `update public.interactions set title = 'Annual pricing for 40 seats' where id = $1`, [benEntry.id]);

  await rpc(db, colleague, 'thank_author', { interaction_id: benEntry.id, note: 'Saved my call' });
  routeToBen = await rpc<string>(db, manager, 'route_entry', { interaction_id: cleoEntry.id, to_user: employee.id, note: 'Mia may leave' });
  routeToSales = await rpc<string>(db, manager, 'route_entry', { interaction_id: benEntry.id, to_department: 'sales', note: 'Pricing ask' });
  await rpc(db, colleague, 'dismiss_route', { route_id: routeToSales });

  const [day] = await superuser<{ day: string }>(db, `select (private.coaching_today() + 30)::text as day`);
  period = await rpc<string>(db, manager, 'open_coaching_period', { org_id: orgA, employee_id: employee.id, purpose: 'Discovery calls', ends_on: day!.day });
  endedPeriod = await rpc<string>(db, manager, 'open_coaching_period', { org_id: orgA, employee_id: employee.id, purpose: 'Objections', ends_on: day!.day });
  benNote = await rpc<string>(db, employee, 'add_coaching_note', { period_id: period, body: 'I rushed the demo' });
  mariaNote = await rpc<string>(db, manager, 'add_coaching_note', { period_id: period, body: 'Ask before showing' });
  await rpc(db, employee, 'add_coaching_note', { period_id: endedPeriod, body: 'Before the end' });
  await rpc(db, manager, 'end_coaching_period', { id: endedPeriod });
  await rpc(db, outsider, 'create_invite', { org_id: orgB, role: 'member' });
  await rpc(db, admin, 'create_invite', { org_id: orgA, role: 'member' });

  // A plan with a promise taken by Ben and an edit, so A has plan items and their history.
  const promise = await rpc<string>(db, employee, 'add_plan_item', {
    org_id: orgA, account_id: benEntry.account_id, kind: 'step', side: 'ours', body: 'Send the annual pricing',
    contact_id: benEntry.contact_id, take: true, source_interaction_id: benEntry.id,
  });
  await rpc(db, employee, 'edit_plan_item', { id: promise, body: 'Send the annual pricing for 40 seats' });
}, 60_000);

/** Every table and view of the API schema, with a column that scopes it to an organization. */
async function relations(kinds: string): Promise<Array<{ name: string; scope: string }>> {
  const list = await superuser<{ name: string }>(
    db,
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = any ($1::"char"[]) order by 1`,
    [kinds.split('')],
  );
  return list.map(({ name }) => ({ name, scope: name === 'organizations' ? 'id' : 'org_id' }));
}

/** Every function in a schema, called with a typed null for each argument. */
async function functions(schema: string): Promise<Array<{ name: string; call: string }>> {
  const list = await superuser<{ name: string; types: string[] }>(
    db,
    `select p.proname as name, array(select format_type(t, null) from unnest(p.proargtypes) t) as types
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1 and p.prokind = 'f' order by 1`,
    [schema],
  );
  return list.map(({ name, types }) => ({
    name,
    call: `select ${schema}.${name}(${types.map((type) => `null::${type}`).join(', ')})`,
  }));
}

describe('anon', () => {
  it('reads no table or view of public or private, and no platform table', async () => {
    const targets = [
      ...(await relations('rv')).map(({ name }) => `public.${name}`),
      'private.signal_weeks', 'private.signal_account_weeks', 'auth.users',
    ];
    expect(targets.length).toBeGreaterThanOrEqual(21);
    for (const target of targets) {
      await expectRefusal(query(db, 'anon', `select 1 from ${target} limit 1`), '42501');
    }
  });

  it('calls no function of public or private', async () => {
    const calls = [...(await functions('public')), ...(await functions('private'))];
    expect(calls.length).toBeGreaterThan(60);
    for (const { name, call } of calls) {
      let code: string | undefined;
      try {
        await query(db, 'anon', call);
      } catch (error) {
        code = (error as { code?: string }).code;
      }
      expect({ name, code }).toEqual({ name, code: '42501' });
    }
  });
});

describe('an outsider (member of B) against organization A', () => {
  it('reads nothing of A through any table or view', async () => {
    const list = await relations('rv');
    expect(list.length).toBeGreaterThanOrEqual(19);
    let present = 0;
    for (const { name, scope } of list) {
      const sql = `select ${scope} from public.${name} where ${scope} = $1`;
      if ((await superuser(db, sql, [orgA])).length > 0) present += 1;
      expect({ name, seen: await rows(outsider, sql, [orgA]) }).toEqual({ name, seen: 0 });
    }
    // A has rows almost everywhere (not yet in the merge tables), so the zeros above mean something.
    expect(present).toBeGreaterThanOrEqual(list.length - 3);
  });

  it('writes nothing of A through any table: no insert, no update, no delete', async () => {
    const before = await census();
    for (const { name, scope } of await relations('r')) {
      await expectRefusal(query(db, outsider, `insert into public.${name} (${scope}) values ($1)`, [orgA]), '42501');
      // The scope column is never writable; a column that is (a title, a name) finds no row of A.
      await expectRefusal(query(db, outsider, `update public.${name} set ${scope} = ${scope} where ${scope} = $1`, [orgA]), '42501');
      const writable = await superuser<{ column: string }>(
        db,
        `select a.attname as column from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0
           and not a.attisdropped and has_column_privilege('authenticated', a.attrelid, a.attnum, 'UPDATE') limit 1`,
        [`public.${name}`],
      );
      if (writable[0]) {
        const column = writable[0].column;
        const changed = await query(db, outsider,
          `with u as (update public.${name} set ${column} = ${column} where ${scope} = $1 returning 1) select 1 from u`, [orgA]);
        expect({ name, changed: changed.length }).toEqual({ name, changed: 0 });
      }
      const [deletable] = await superuser<{ allowed: boolean }>(db, `select has_table_privilege('authenticated', $1, 'DELETE') as allowed`, [`public.${name}`]);
      if (deletable!.allowed) {
        const gone = await query(db, outsider, `with d as (delete from public.${name} where ${scope} = $1 returning 1) select 1 from d`, [orgA]);
        expect({ name, gone: gone.length }).toEqual({ name, gone: 0 });
      } else {
        await expectRefusal(query(db, outsider, `delete from public.${name} where ${scope} = $1`, [orgA]), '42501');
      }
    }
    expect(await census()).toEqual(before);
  });

  it('is refused by every RPC given A’s organization, naming org_id', async () => {
    const calls: Array<[string, Record<string, unknown>]> = [
      ['signal_series', { org_id: orgA }],
      ['signal_changes', { org_id: orgA }],
      ['for_you', { org_id: orgA }],
      ['open_coaching_period', { org_id: orgA, employee_id: employee.id, purpose: 'x', ends_on: '2099-01-01' }],
      ['merge_contacts', { org_id: orgA, keep_id: cleoEntry.contact_id, merge_id: miaLinkedIn.contact_id }],
      ['merge_accounts', { org_id: orgA, keep_id: benEntry.account_id, merge_id: gmbhEntry.account_id }],
      ['lookup_context', { emails: ['dana@acme-robotics.example'], linkedin_url: null, org_id: orgA }],
      ['search_accounts', { org_id: orgA, prefix: 'a' }],
      ['account_contacts', { org_id: orgA, account_id: benEntry.account_id }],
      ['merge_history', { org_id: orgA, account_id: benEntry.account_id }],
      ['create_invite', { org_id: orgA, role: 'admin' }],
      ['set_member_role', { org_id: orgA, user_id: outsider.id, role: 'admin' }],
    ];
    for (const [name, args] of calls) {
      await expectRefusal(rpc(db, outsider, name, args), '42501', /^org_id: /);
    }
    await expectRefusal(file(db, outsider, emailCapture(orgA)), '42501', /^org_id: /);
  });

  it('is refused by every RPC given an entry, route or period of A', async () => {
    await expectRefusal(rpc(db, outsider, 'route_entry', { interaction_id: benEntry.id, to_user: outsider.id }), '42501', /^interaction_id: /);
    await expectRefusal(rpc(db, outsider, 'thank_author', { interaction_id: benEntry.id }), '42501', /^interaction_id: /);
    await expectRefusal(rpc(db, outsider, 'withdraw_thanks', { interaction_id: benEntry.id }), '42501', /^interaction_id: /);
    await expectRefusal(rpc(db, outsider, 'dismiss_route', { route_id: routeToSales }), '42501', /^route_id: /);
    await expectRefusal(rpc(db, outsider, 'add_coaching_note', { period_id: period, body: 'hello' }), '42501', /^period_id: /);
    await expectRefusal(rpc(db, outsider, 'end_coaching_period', { id: period }), '42501', /^id: /);
    await expectRefusal(rpc(db, outsider, 'retract_interaction', { id: benEntry.id }), 'P0002', /^id: no such entry/);
  });

  it('gets a refusal or nothing of A from every RPC of public given A’s ids (listed from the catalog)', async () => {
    const list = await superuser<{ name: string; args: string[] }>(
      db,
      `select p.proname as name, coalesce(p.proargnames[1:p.pronargs], '{}') as args from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.prokind = 'f' order by 1`,
    );
    const contactMerge = (name: string) => name.includes('contact');
    const value = (fn: string, arg: string): unknown => {
      const values: Record<string, unknown> = {
      org_id: orgA, interaction_id: benEntry.id, route_id: routeToSales, period_id: period,
      id: fn.includes('coaching') ? period : benEntry.id,
      keep_id: contactMerge(fn) ? cleoEntry.contact_id : benEntry.account_id,
      merge_id: contactMerge(fn) ? miaLinkedIn.contact_id : gmbhEntry.account_id,
      account_id: benEntry.account_id, only_account: benEntry.account_id, employee_id: employee.id,
      user_id: outsider.id, to_user: employee.id, capture: JSON.stringify(emailCapture(orgA)),
      emails: ['dana@acme-robotics.example', 'mia@acme-robotics.example'], full_name: 'Mia Schmidt',
      linkedin_url: 'https://www.linkedin.com/in/mia-schmidt', prefix: 'acme', role: 'admin', body: 'x', purpose: 'x',
      note: 'x', ends_on: '2099-01-01',
      };
      return values[arg] ?? null;
    };
    // What A is made of: none of it may come back to the outsider.
    const secrets = [orgA, benEntry.id, cleoEntry.id, benEntry.account_id, cleoEntry.contact_id, miaLinkedIn.contact_id,
      gmbhEntry.account_id, benEntry.contact_id, routeToBen, routeToSales, period, 'Saved my call', 'Pricing ask', 'Discovery calls'] as string[];
    const scoped = list.filter(({ args }) => args.some((arg) => arg in { org_id: 1, interaction_id: 1, route_id: 1, period_id: 1, id: 1, capture: 1, emails: 1 }));
    expect(scoped.length).toBeGreaterThanOrEqual(20);
    const before = await census();
    for (const { name, args } of scoped) {
      const call = `select to_jsonb(r)::text as text from public.${name}(${args.map((arg, i) => `${arg} => $${i + 1}`).join(', ')}) r`;
      let outcome: string;
      try {
        const answer = (await query<{ text: string }>(db, outsider, call, args.map((arg) => value(name, arg)))).map((row) => row.text).join('\n');
        outcome = secrets.filter((secret) => answer.includes(secret)).length === 0 ? 'nothing of A' : `leaked: ${answer}`;
      } catch (error) {
        const code = (error as { code?: string }).code;
        outcome = code === '42501' || code === 'P0002' ? 'refused' : `failed otherwise: ${code} ${(error as Error).message}`;
      }
      expect({ name, outcome }).toEqual({ name, outcome: expect.stringMatching(/^(refused|nothing of A)$/) });
    }
    expect(await census()).toEqual(before);
  });

  it('cannot reach A’s records from inside B: ids of A are unknown there', async () => {
    const before = await census();
    await expectRefusal(file(db, outsider, emailCapture(orgB, { contact: { id: cleoEntry.contact_id } })), '22023', /^contact\.id: /);
    await expectRefusal(file(db, outsider, emailCapture(orgB, { account: { id: benEntry.account_id } })), '22023', /^account\.id: /);
    // Reusing the id of A's entry files nothing and returns nothing of it.
    await expectRefusal(file(db, outsider, emailCapture(orgB, { id: benEntry.id })), '23505', /^id: /);
    await expectRefusal(rpc(db, outsider, 'merge_contacts', { org_id: orgB, keep_id: ottoEntry.contact_id, merge_id: cleoEntry.contact_id }), 'P0002', /^merge_id: /);
    await expectRefusal(rpc(db, outsider, 'merge_accounts', { org_id: orgB, keep_id: ottoEntry.account_id, merge_id: benEntry.account_id }), 'P0002', /^merge_id: /);
    await expectRefusal(rpc(db, outsider, 'signal_series', { org_id: orgB, only_account: benEntry.account_id }), '22023', /^only_account: /);
    await expectRefusal(rpc(db, outsider, 'open_coaching_period', { org_id: orgB, employee_id: employee.id, purpose: 'x', ends_on: '2099-01-01' }), '22023', /^employee_id: /);
    await expectRefusal(rpc(db, outsider, 'route_entry', { interaction_id: ottoEntry.id, to_user: employee.id }), '22023', /^to_user: /);
    expect(await rows(outsider, 'select * from public.account_contacts($1, $2)', [orgB, benEntry.account_id])).toBe(0);
    expect(await rows(outsider, 'select * from public.merge_history($1, $2)', [orgB, benEntry.account_id])).toBe(0);
    expect(await census()).toEqual(before);
  });

  it('finds only B in a lookup over all its organizations, candidates included', async () => {
    const context = await rpc<Record<string, Array<{ org_id: string }>>>(db, outsider, 'lookup_context', {
      emails: ['dana@acme-robotics.example', 'mia@acme-robotics.example'],
      linkedin_url: 'https://www.linkedin.com/in/mia-schmidt',
      full_name: 'Mia Schmidt',
    });
    const orgs = new Set(Object.values(context).flat().map((item) => item.org_id));
    expect(context.entries!.length).toBe(1);
    expect(context.candidates).toEqual([]);
    expect([...orgs]).toEqual([orgB]);
  });

  it('gets nothing of A from the private helpers the RPCs reach', async () => {
    await expectRefusal(query(db, outsider, 'select * from private.member_signal_series($1, 26, null, null)', [orgA]), '42501');
    await expectRefusal(query(db, outsider, 'select * from private.member_signal_changes($1, 4, 12)', [orgA]), '42501');
    await expectRefusal(query(db, outsider, 'select private.search_account_ids($1, $2, 10)', [orgA, 'a']), '42501');
    await expectRefusal(query(db, outsider, 'select * from private.for_you($1, null)', [orgA]), '42501');
    // Only for the dashboard (service_role): not executable by a signed-in user at all.
    await expectRefusal(query(db, outsider, 'select * from private.org_signal_series($1)', [orgA]), '42501');
    await expectRefusal(query(db, outsider, 'select private.rebuild_signal_rollup($1)', [orgA]), '42501');
    await expectRefusal(query(db, outsider, 'select private.current_contact_id($1, $2)', [orgA, cleoEntry.contact_id]), '42501');
    const [helpers] = await query<Record<string, unknown>>(
      db, outsider,
      `select private.is_member($1) as member, private.own_source_url($2) as url,
              private.namesake_ids(array[$1]::uuid[], 'mia schmidt', '{}') as namesakes`,
      [orgA, benEntry.id],
    );
    expect(helpers).toEqual({ member: false, url: null, namesakes: [] });
    await query(db, outsider, `select private.refresh_contact_from_profile($1, '{"full_name":"Hacked"}'::jsonb)`, [benEntry.contact_id]);
    const [contact] = await superuser<{ full_name: string }>(db, 'select full_name from public.contacts where id = $1', [benEntry.contact_id]);
    expect(contact!.full_name).toBe('Dana Whitfield');
  });
});

describe('coaching stays between the manager and the employee', () => {
  it('the admin, another manager, a colleague and the outsider read no period and no note', async () => {
    for (const reader of [admin, otherManager, colleague, outsider, dual]) {
      expect(await rows(reader, 'select id from public.coaching_periods')).toBe(0);
      expect(await rows(reader, 'select id from public.coaching_notes')).toBe(0);
      expect(await rows(reader, 'select p.id from public.coaching_periods p join public.coaching_notes n on n.period_id = p.id')).toBe(0);
    }
    expect(await rows(manager, 'select id from public.coaching_notes where period_id = $1', [period])).toBe(2);
    expect(await rows(employee, 'select id from public.coaching_notes where period_id = $1', [period])).toBe(2);
  });

  it('two people coached by one manager each see only their own period', async () => {
    const [day] = await superuser<{ day: string }>(db, `select (private.coaching_today() + 10)::text as day`);
    const cleoPeriod = await rpc<string>(db, manager, 'open_coaching_period', { org_id: orgA, employee_id: colleague.id, purpose: 'Renewals', ends_on: day!.day });
    await rpc(db, colleague, 'add_coaching_note', { period_id: cleoPeriod, body: 'Only for Maria' });
    const ids = async (reader: User, table: string) => (await query<{ id: string }>(db, reader, `select id from public.${table}`)).map((row) => row.id);
    expect(await ids(colleague, 'coaching_periods')).toEqual([cleoPeriod]);
    expect((await ids(employee, 'coaching_periods')).sort()).toEqual([period, endedPeriod].sort());
    expect((await ids(employee, 'coaching_notes'))).not.toEqual(expect.arrayContaining(await ids(colleague, 'coaching_notes')));
    expect(await rows(employee, 'select id from public.coaching_notes where period_id = $1', [cleoPeriod])).toBe(0);
    // Anyone may run the purge; it deletes only what is due, nothing that is running or just ended.
    await rpc(db, outsider, 'purge_ended_coaching');
    expect(await superuser(db, 'select id from public.coaching_periods where id = any ($1::uuid[])', [[period, endedPeriod, cleoPeriod]])).toHaveLength(3);
  });

  it('nobody else writes in, ends or adds to a period, whatever their role', async () => {
    for (const intruder of [admin, otherManager, colleague]) {
      await expectRefusal(rpc(db, intruder, 'add_coaching_note', { period_id: period, body: 'hello' }), '42501', /^period_id: not a coaching period of yours/);
      await expectRefusal(rpc(db, intruder, 'end_coaching_period', { id: period }), '42501', /^id: not a coaching period of yours/);
    }
    await expectRefusal(rpc(db, employee, 'end_coaching_period', { id: period }), '42501', /^id: only the manager/);
  });

  it('no note is added after the period ended, and none is edited then', async () => {
    await expectRefusal(rpc(db, employee, 'add_coaching_note', { period_id: endedPeriod, body: 'After the end' }), '22023', /^period_id: this coaching period has ended/);
    const edited = await query(db, employee, `update public.coaching_notes set body = 'Changed later' where period_id = $1 returning id`, [endedPeriod]);
    expect(edited).toEqual([]);
  });

  it('the manager cannot edit the employee’s note, nor the employee the manager’s', async () => {
    expect(await query(db, manager, `update public.coaching_notes set body = 'Rewritten' where id = $1 returning id`, [benNote])).toEqual([]);
    expect(await query(db, employee, `update public.coaching_notes set body = 'Rewritten' where id = $1 returning id`, [mariaNote])).toEqual([]);
    const bodies = await superuser<{ body: string }>(db, 'select body from public.coaching_notes where id = any ($1::uuid[]) order by body', [[benNote, mariaNote]]);
    expect(bodies.map((row) => row.body)).toEqual(['Ask before showing', 'I rushed the demo']);
  });

  it('the tables take no direct writes: no insert, no moving a note, no longer period, no delete', async () => {
    await expectRefusal(query(db, manager,
      `insert into public.coaching_periods (org_id, manager_id, employee_id, purpose, starts_on, ends_on) values ($1, $2, $3, 'x', current_date, current_date + 365)`,
      [orgA, manager.id, colleague.id]), '42501');
    await expectRefusal(query(db, employee,
      `insert into public.coaching_notes (period_id, org_id, author_id, body) values ($1, $2, $3, 'forged')`,
      [period, orgA, manager.id]), '42501');
    await expectRefusal(query(db, manager, `update public.coaching_periods set ends_on = ends_on + 365 where id = $1`, [period]), '42501');
    await expectRefusal(query(db, manager, `update public.coaching_periods set ended_at = null where id = $1`, [endedPeriod]), '42501');
    await expectRefusal(query(db, employee, `update public.coaching_notes set author_id = $2 where id = $1`, [benNote, manager.id]), '42501');
    await expectRefusal(query(db, employee, `update public.coaching_notes set period_id = $2 where id = $1`, [benNote, endedPeriod]), '42501');
    await expectRefusal(query(db, employee, `update public.coaching_notes set created_at = now() where id = $1`, [benNote]), '42501');
    await expectRefusal(query(db, manager, `delete from public.coaching_notes where id = $1`, [benNote]), '42501');
    await expectRefusal(query(db, manager, `delete from public.coaching_periods where id = $1`, [period]), '42501');
    const [row] = await superuser<{ days: number }>(db, 'select ends_on - starts_on as days from public.coaching_periods where id = $1', [period]);
    expect(row!.days).toBe(30);
  });
});

describe('thanks are seen by the author and the sender only', () => {
  it('nobody else reads a thank-you', async () => {
    for (const reader of [admin, manager, otherManager, outsider, dual]) {
      expect(await rows(reader, 'select from_user from public.entry_thanks')).toBe(0);
    }
    expect(await query(db, employee, 'select from_user, note from public.entry_thanks')).toEqual([{ from_user: colleague.id, note: 'Saved my call' }]);
    expect(await query(db, colleague, 'select from_user, note from public.entry_thanks')).toEqual([{ from_user: colleague.id, note: 'Saved my call' }]);
  });

  it('no one forges, moves or deletes a thank-you directly, and nobody thanks themself', async () => {
    await expectRefusal(query(db, manager,
      `insert into public.entry_thanks (interaction_id, org_id, from_user, note) values ($1, $2, $3, 'forged')`,
      [benEntry.id, orgA, otherManager.id]), '42501');
    await expectRefusal(query(db, colleague, `update public.entry_thanks set note = 'changed' where from_user = $1`, [colleague.id]), '42501');
    await expectRefusal(query(db, colleague, `update public.entry_thanks set from_user = $2 where from_user = $1`, [colleague.id, manager.id]), '42501');
    await expectRefusal(query(db, employee, `delete from public.entry_thanks where interaction_id = $1`, [benEntry.id]), '42501');
    await expectRefusal(rpc(db, employee, 'thank_author', { interaction_id: benEntry.id }), '42501', /^interaction_id: you cannot thank yourself/);
    const thanks = await superuser(db, 'select from_user, note from public.entry_thanks');
    expect(thanks).toEqual([{ from_user: colleague.id, note: 'Saved my call' }]);
  });

  it('no view or function of public returns anything that mentions thanks', async () => {
    const leaks = await superuser<{ name: string }>(
      db,
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('v', 'm') and pg_get_viewdef(c.oid) ~* 'thank'
       union all
       select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.prosrc ~* 'entry_thanks|thank' and p.proname not in ('thank_author', 'withdraw_thanks')`,
    );
    expect(leaks).toEqual([]);
  });
});

describe('routes are seen by their sender and recipients only; dismissals by the one who dismissed', () => {
  it('a non-recipient reads no route', async () => {
    for (const reader of [admin, otherManager, outsider, dual]) {
      expect(await rows(reader, 'select id from public.entry_routes')).toBe(0);
    }
    for (const reader of [admin, otherManager, dual]) {
      expect(await rows(reader, 'select * from public.for_you($1)', [orgA])).toBe(0);
    }
    expect(await rows(manager, 'select id from public.entry_routes')).toBe(2);
  });

  it('neither the sender nor another recipient learns of a dismissal', async () => {
    expect(await rows(colleague, 'select route_id from public.route_dismissals')).toBe(1);
    for (const reader of [manager, employee, admin, otherManager]) {
      expect(await rows(reader, 'select route_id from public.route_dismissals')).toBe(0);
    }
    // Ben, the other recipient of the department route, still has it; Cleo no longer does.
    const ben = await query<{ route_id: string }>(db, employee, 'select route_id from public.for_you($1)', [orgA]);
    expect(ben.map((row) => row.route_id).sort()).toEqual([routeToBen, routeToSales].sort());
    expect(await rows(colleague, 'select route_id from public.for_you($1)', [orgA])).toBe(0);
    // The sender's view of the route is the same row whoever dismissed it.
    expect(await query(db, manager, 'select id, to_user, to_department, note from public.entry_routes where id = $1', [routeToSales]))
      .toEqual([{ id: routeToSales, to_user: null, to_department: 'sales', note: 'Pricing ask' }]);
    await expectRefusal(rpc(db, manager, 'dismiss_route', { route_id: routeToSales }), '42501', /^route_id: /);
    await expectRefusal(rpc(db, otherManager, 'dismiss_route', { route_id: routeToBen }), '42501', /^route_id: /);
  });

  it('the tables take no direct writes: no forged route, no forged or removed dismissal', async () => {
    await expectRefusal(query(db, employee,
      `insert into public.entry_routes (org_id, interaction_id, routed_by, to_user, note) values ($1, $2, $3, $4, 'forged')`,
      [orgA, cleoEntry.id, manager.id, colleague.id]), '42501');
    await expectRefusal(query(db, manager, `update public.entry_routes set routed_by = $2 where id = $1`, [routeToBen, admin.id]), '42501');
    await expectRefusal(query(db, manager, `update public.entry_routes set note = 'changed' where id = $1`, [routeToBen]), '42501');
    await expectRefusal(query(db, manager, `delete from public.entry_routes where id = $1`, [routeToBen]), '42501');
    await expectRefusal(query(db, employee,
      `insert into public.route_dismissals (route_id, org_id, user_id) values ($1, $2, $3)`, [routeToSales, orgA, employee.id]), '42501');
    await expectRefusal(query(db, colleague, `delete from public.route_dismissals where user_id = $1`, [colleague.id]), '42501');
  });

  it('a retracted entry cannot be routed, and its routes leave For you and the table', async () => {
    const later = await file(db, employee, emailCapture(orgA, { title: 'Will be retracted' }));
    const route = await rpc<string>(db, manager, 'route_entry', { interaction_id: later.id, to_user: colleague.id });
    expect(await rows(colleague, 'select route_id from public.for_you($1) where route_id = $2', [orgA, route])).toBe(1);
    await rpc(db, employee, 'retract_interaction', { id: later.id });
    expect(await rows(colleague, 'select route_id from public.for_you($1) where route_id = $2', [orgA, route])).toBe(0);
    for (const reader of [colleague, manager]) {
      expect(await rows(reader, 'select id from public.entry_routes where id = $1', [route])).toBe(0);
    }
    await expectRefusal(rpc(db, manager, 'route_entry', { interaction_id: later.id, to_user: colleague.id }), '42501', /^interaction_id: /);
    await expectRefusal(rpc(db, employee, 'route_entry', { interaction_id: later.id, to_user: colleague.id }), '42501', /^interaction_id: /);
    await expectRefusal(rpc(db, manager, 'thank_author', { interaction_id: later.id }), '42501', /^interaction_id: /);
  });
});

describe('merges stay inside one organization', () => {
  it('a member of both cannot merge a record of A with one of B, either way', async () => {
    const before = await census();
    await expectRefusal(rpc(db, dual, 'merge_contacts', { org_id: orgA, keep_id: cleoEntry.contact_id, merge_id: ottoEntry.contact_id }), 'P0002', /^merge_id: /);
    await expectRefusal(rpc(db, dual, 'merge_contacts', { org_id: orgB, keep_id: ottoEntry.contact_id, merge_id: cleoEntry.contact_id }), 'P0002', /^merge_id: /);
    await expectRefusal(rpc(db, dual, 'merge_contacts', { org_id: orgB, keep_id: cleoEntry.contact_id, merge_id: ottoEntry.contact_id }), 'P0002', /^keep_id: /);
    await expectRefusal(rpc(db, dual, 'merge_accounts', { org_id: orgA, keep_id: benEntry.account_id, merge_id: ottoEntry.account_id }), 'P0002', /^merge_id: /);
    await expectRefusal(rpc(db, dual, 'merge_accounts', { org_id: orgB, keep_id: ottoEntry.account_id, merge_id: benEntry.account_id }), 'P0002', /^merge_id: /);
    await expectRefusal(rpc(db, dual, 'merge_contacts', { org_id: orgA, keep_id: cleoEntry.contact_id, merge_id: cleoEntry.contact_id }), '22023', /^merge_id: /);
    await expectRefusal(rpc(db, dual, 'merge_accounts', { org_id: orgA, keep_id: benEntry.account_id, merge_id: benEntry.account_id }), '22023', /^merge_id: /);
    expect(await census()).toEqual(before);
  });

  it('the merge tables and further identities take no direct writes', async () => {
    await rpc(db, colleague, 'merge_contacts', { org_id: orgA, keep_id: cleoEntry.contact_id, merge_id: miaLinkedIn.contact_id });
    for (const table of ['contact_merges', 'account_merges']) {
      await expectRefusal(query(db, colleague,
        `insert into public.${table} (org_id, keep_id, merged_id, merged_name, kept_name, merged_by) values ($1, $2, $2, 'x', 'y', $3)`,
        [orgA, cleoEntry.contact_id, admin.id]), '42501');
      await expectRefusal(query(db, colleague, `update public.${table} set merged_by = $2 where org_id = $1`, [orgA, admin.id]), '42501');
      await expectRefusal(query(db, colleague, `delete from public.${table} where org_id = $1`, [orgA]), '42501');
    }
    await expectRefusal(query(db, outsider,
      `insert into public.contact_identities (org_id, contact_id, email) values ($1, $2, 'otto@other.example')`,
      [orgA, cleoEntry.contact_id]), '42501');
    await expectRefusal(query(db, colleague,
      `insert into public.contact_identities (org_id, contact_id, email) values ($1, $2, 'boss@acme-robotics.example')`,
      [orgA, cleoEntry.contact_id]), '42501');
    await expectRefusal(query(db, colleague, `update public.contact_identities set contact_id = $2 where org_id = $1`, [orgA, benEntry.contact_id]), '42501');
    await expectRefusal(query(db, colleague, `delete from public.contact_identities where org_id = $1`, [orgA]), '42501');
    expect(await rows(colleague, 'select id from public.contact_merges')).toBe(1);
    expect(await rows(outsider, 'select id from public.contact_merges')).toBe(0);
    expect(await rows(outsider, 'select id from public.contact_identities')).toBe(0);
  });
});

describe('insights: the rollup is private and per organization', () => {
  it('no signed-in user or anon reads or writes a table of private, and the API exposes only public', async () => {
    const tables = await superuser<{ name: string; readable: boolean }>(
      db,
      `select c.oid::regclass::text as name,
              has_table_privilege('authenticated', c.oid, 'select, insert, update, delete, truncate, references, trigger')
              or has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger') as readable
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'private' and c.relkind in ('r', 'v', 'm', 'S', 'p', 'f')`,
    );
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['private.signal_account_weeks', 'private.signal_weeks']));
    expect(tables.filter((table) => table.readable)).toEqual([]);
    await expectRefusal(query(db, employee, 'select email from auth.users'), '42501');
    for (const caller of [employee, outsider] as const) {
      await expectRefusal(query(db, caller, 'select * from private.signal_weeks'), '42501');
      await expectRefusal(query(db, caller, 'select * from private.signal_account_weeks'), '42501');
      await expectRefusal(query(db, caller, `update private.signal_weeks set entries = 0`), '42501');
    }
    // PostgREST serves public only (and, locally, auth_admin to the service role alone).
    expect(readFileSync('supabase/config.toml', 'utf8')).toMatch(/^schemas = \["public"\]$/m);
    expect(readFileSync('supabase/local/postgrest.ts', 'utf8')).toMatch(/PGRST_DB_SCHEMAS: 'public, auth_admin'/);
  });

  it('gives anon no usage on private, and nobody but the service role auth_admin', async () => {
    const schemas = await superuser<{ name: string; anon: boolean; authenticated: boolean; create: boolean }>(
      db,
      `select nspname as name, has_schema_privilege('anon', oid, 'usage') as anon,
              has_schema_privilege('authenticated', oid, 'usage') as authenticated,
              has_schema_privilege('anon', oid, 'create') or has_schema_privilege('authenticated', oid, 'create') as create
       from pg_namespace where nspname in ('private', 'auth_admin', 'public') order by 1`,
    );
    const byName = Object.fromEntries(schemas.map((schema) => [schema.name, schema]));
    expect(byName.private).toMatchObject({ anon: false, create: false });
    // Signed-in users need usage on private: the public RPCs (security invoker) call their
    // private halves by name. Its tables are closed (above) and each function checks the caller.
    expect(byName.private!.authenticated).toBe(true);
    expect(byName.public).toMatchObject({ create: false });
    if (byName.auth_admin) expect(byName.auth_admin).toMatchObject({ anon: false, authenticated: false });
  });

  it('counts only the caller’s organization, whatever ids it is given', async () => {
    const series = await rpc<unknown>(db, outsider, 'signal_series', { org_id: orgB, weeks: 104 });
    expect(series).not.toBe(undefined);
    const weeks = await query<{ signal: string; entries: number }>(db, outsider,
      'select signal, sum(entries)::int as entries from public.signal_series($1, 104) group by signal', [orgB]);
    expect(weeks).toEqual([{ signal: 'pricing', entries: 1 }]);
  });
});

describe('source_url reaches its author only, on every path', () => {
  it('is refused when a colleague reads the column, and null for them everywhere it is shown', async () => {
    await expectRefusal(query(db, colleague, 'select source_url from public.interactions where id = $1', [benEntry.id]), '42501');
    await expectRefusal(query(db, colleague, 'select * from public.interactions where id = $1', [benEntry.id]), '42501');
    await expectRefusal(query(db, colleague, 'select i from public.interactions i where id = $1', [benEntry.id]), '42501');
    await expectRefusal(query(db, employee, 'select to_jsonb(i) from public.interactions i where id = $1', [benEntry.id]), '42501');
    // Filtering or sorting on the column (?source_url=like.*, ?order=source_url) is reading it.
    await expectRefusal(query(db, colleague, `select id from public.interactions where source_url like '%BEN%'`), '42501');
    await expectRefusal(query(db, colleague, 'select id from public.interactions order by source_url limit 1'), '42501');
    for (const reader of [colleague, manager, admin]) {
      expect(await query(db, reader, 'select source_url from public.account_timeline where id = $1', [benEntry.id])).toEqual([{ source_url: null }]);
      expect(await query(db, reader, 'select private.own_source_url($1) as url', [benEntry.id])).toEqual([{ url: null }]);
      const mine = await query<{ id: string }>(db, reader, 'select id from public.my_source_urls()');
      expect(mine.map((row) => row.id)).not.toContain(benEntry.id);
      const context = await rpc<{ entries: Array<{ id: string; source_url: string | null }> }>(db, reader, 'lookup_context', {
        emails: ['dana@acme-robotics.example'], linkedin_url: null, org_id: orgA,
      });
      expect(context.entries.find((entry) => entry.id === benEntry.id)).toMatchObject({ source_url: null });
    }
    expect(await query(db, employee, 'select source_url from public.account_timeline where id = $1', [benEntry.id])).toEqual([{ source_url: BEN_URL }]);
  });

  it('is in no other view, function result or history that a colleague can read', async () => {
    // Every relation of public and every table-returning function: where a column holds a
    // link, it is account_timeline's author-only one or my_source_urls (the caller's own).
    const columns = await superuser<{ owner: string }>(
      db,
      `select c.relname || '.' || a.attname as owner from pg_attribute a
         join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped and a.attname ~ 'url'
          and a.attname !~ 'linkedin'
       union all
       select p.proname || '.' || arg from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
         unnest(p.proargnames) as arg
        where n.nspname = 'public' and arg ~ 'url' and arg !~ 'linkedin'`,
    );
    expect(columns.map((row) => row.owner).sort()).toEqual(['account_timeline.source_url', 'interactions.source_url', 'my_source_urls.source_url']);
    for (const reader of [colleague, manager]) {
      const found = await query<{ text: string }>(db, reader,
        `select to_jsonb(r)::text as text from public.for_you($1) r
         union all select to_jsonb(r)::text from public.merge_history($1, $2) r
         union all select to_jsonb(r)::text from public.account_contacts($1, $2) r
         union all select to_jsonb(r)::text from public.interaction_revisions r
         union all select to_jsonb(r)::text from public.search_accounts($1, 'acme') r`,
        [orgA, benEntry.account_id]);
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((row) => row.text.includes('BEN-PRIVATE') || row.text.includes('mail.google.com'))).toEqual([]);
    }
  });
});

describe('column grants: authors edit only the text of their own entries', () => {
  it('a colleague cannot change another’s title, body or signals, managers and admins included', async () => {
    for (const intruder of [colleague, manager, admin]) {
      for (const set of [`title = 'Hijacked'`, `body = 'Hijacked'`, `signals = '{praise}'`]) {
        expect(await query(db, intruder, `update public.interactions set ${set} where id = $1 returning id`, [benEntry.id])).toEqual([]);
      }
    }
    const [row] = await superuser(db, 'select title, body, signals from public.interactions where id = $1', [benEntry.id]);
    expect(row).toEqual({ title: 'Annual pricing for 40 seats', body: 'Could you send the annual pricing for 40 seats?', signals: ['pricing', 'buying_signal'] });
  });

  it('an author cannot move, re-own, un-retract or re-date their own entry', async () => {
    const assignments = [
      ['author_id', colleague.id], ['org_id', orgB], ['account_id', gmbhEntry.account_id], ['contact_id', cleoEntry.contact_id],
      ['retracted_at', new Date().toISOString()], ['created_at', new Date().toISOString()], ['source_url', 'https://evil.example/'],
      ['kind', 'note'], ['source_ref', 'other'], ['occurred_at', new Date().toISOString()], ['id', colleague.id],
    ] as const;
    for (const [column, value] of assignments) {
      await expectRefusal(query(db, employee, `update public.interactions set ${column} = $2 where id = $1`, [benEntry.id, value]), '42501');
    }
    // Revisions are written by the trigger only.
    await expectRefusal(query(db, employee,
      `insert into public.interaction_revisions (interaction_id, org_id, title, body, signals, edited_by) values ($1, $2, 'x', 'y', '{}', $3)`,
      [benEntry.id, orgA, colleague.id]), '42501');
    await expectRefusal(query(db, employee, `update public.interaction_revisions set title = 'rewritten history' where interaction_id = $1`, [benEntry.id]), '42501');
    await expectRefusal(query(db, employee, `delete from public.interaction_revisions where interaction_id = $1`, [benEntry.id]), '42501');
  });

  it('a member cannot raise their own role or rename a colleague', async () => {
    await expectRefusal(query(db, employee, `update public.memberships set role = 'admin' where user_id = $1`, [employee.id]), '42501');
    await expectRefusal(query(db, employee, `update public.memberships set org_id = $2 where user_id = $1`, [employee.id, orgB]), '42501');
    expect(await query(db, employee, `update public.memberships set display_name = 'Boss' where user_id = $1 returning user_id`, [manager.id])).toEqual([]);
    expect(await query(db, manager, `update public.organizations set name = 'Renamed' where id = $1 returning id`, [orgA])).toEqual([]);
    expect(await rows(manager, 'select code from public.invites')).toBe(0);
    await expectRefusal(rpc(db, manager, 'create_invite', { org_id: orgA, role: 'admin' }), '42501', /^org_id: only admins/);
    await expectRefusal(rpc(db, manager, 'set_member_role', { org_id: orgA, user_id: manager.id, role: 'admin' }), '42501', /^role: /);
  });
});

describe('a member who leaves organization A', () => {
  it('loses every path into it at once: tables, views and RPCs', async () => {
    // Duo leaves A (as an admin removing a member would, in the dashboard); Duo stays in B.
    await superuser(db, 'delete from public.memberships where org_id = $1 and user_id = $2', [orgA, dual.id]);
    for (const { name, scope } of await relations('rv')) {
      expect({ name, seen: await rows(dual, `select ${scope} from public.${name} where ${scope} = $1`, [orgA]) }).toEqual({ name, seen: 0 });
    }
    for (const name of ['signal_series', 'signal_changes', 'for_you']) {
      await expectRefusal(rpc(db, dual, name, { org_id: orgA }), '42501', /^org_id: /);
    }
    await expectRefusal(rpc(db, dual, 'thank_author', { interaction_id: benEntry.id }), '42501', /^interaction_id: /);
    await expectRefusal(rpc(db, dual, 'route_entry', { interaction_id: benEntry.id, to_department: 'sales' }), '42501', /^interaction_id: /);
    await expectRefusal(file(db, dual, emailCapture(orgA)), '42501', /^org_id: /);
    expect(await rows(dual, 'select signal from public.signal_series($1)', [orgB])).toBeGreaterThan(0);
  });
});
