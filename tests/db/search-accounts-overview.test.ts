// search_accounts answers exactly the account_overview rows a member reads, for the accounts
// whose values are hardest to get right: entries on both sides of the 90-day edge (and in the
// week that straddles it), retracted entries, edited signals, and accounts merged into another.
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, freshDb, query, rpc, superuser, type User } from './helpers.ts';

let db: PGlite;
let ana: User;
let bea: User;
let orgId: string;
const accountIds: Record<string, string> = {};

/** An entry about the account, `ago` before now (an interval), filed by the author. */
async function entry(author: User, account: string, ago: string, signals: string[], retracted = false): Promise<string> {
  const [row] = await superuser<{ id: string }>(
    db,
    `insert into public.interactions (org_id, account_id, author_id, kind, occurred_at, title, signals, retracted_at)
     values ($1, $2, $3, 'note', now() - $4::interval, 'Call', $5, case when $6 then now() end) returning id`,
    [orgId, accountIds[account], author.id, ago, signals, retracted],
  );
  return row!.id;
}

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example');
  bea = await createUser(db, 'bea@highcard.example');
  orgId = await createOrganization(db, ana, 'Highcard Demo');
  await addMember(db, ana, orgId, bea, 'member', 'sales');
  for (const name of ['Pine Edge', 'Pine Keep', 'Pine Merged', 'Pine Quiet']) {
    const [row] = await superuser<{ id: string }>(db, `insert into public.accounts (org_id, name) values ($1, $2) returning id`, [orgId, name]);
    accountIds[name] = row!.id;
    const domain = `${name.toLowerCase().replace(' ', '-')}.example`;
    await superuser(db, `insert into public.account_domains (org_id, account_id, domain) values ($1, $2, $3)`, [orgId, row!.id, domain]);
  }
  for (const [account, people] of [['Pine Edge', 3], ['Pine Keep', 1], ['Pine Merged', 2]] as const) {
    for (let n = 0; n < people; n++) {
      await superuser(db, `insert into public.contacts (org_id, account_id, full_name, email) values ($1, $2, $3, $4)`, [
        orgId,
        accountIds[account],
        `Person ${n}`,
        `p${n}@${account.toLowerCase().replace(' ', '-')}.example`,
      ]);
    }
  }

  // Either side of the edge by an hour, in the week that straddles it and in whole weeks inside.
  await entry(ana, 'Pine Edge', '90 days 1 hour', ['pricing', 'objection']);
  await entry(ana, 'Pine Edge', '89 days 23 hours', ['pricing']);
  await entry(bea, 'Pine Edge', '88 days', ['competitor']);
  await entry(bea, 'Pine Edge', '30 days', ['pricing', 'churn_risk']);
  await entry(ana, 'Pine Edge', '120 days', ['buying_signal']);
  // Retracted inside the window, by its author and by a colleague's entry retracted later.
  await entry(ana, 'Pine Edge', '10 days', ['praise'], true);
  const later = await entry(bea, 'Pine Edge', '5 days', ['churn_risk']);
  await rpc(db, bea, 'retract_interaction', { id: later });
  // Signals edited after filing, inside the window and beyond it.
  const edited = await entry(ana, 'Pine Keep', '20 days', ['pricing']);
  await superuser(db, `update public.interactions set signals = $2 where id = $1`, [edited, ['objection', 'feature_request']]);
  const old = await entry(ana, 'Pine Keep', '100 days', ['praise']);
  await superuser(db, `update public.interactions set signals = $2 where id = $1`, [old, ['competitor']]);
  // Pine Merged's entries, contacts and domain become Pine Keep's.
  await entry(bea, 'Pine Merged', '2 days', ['pricing']);
  await entry(bea, 'Pine Merged', '91 days', ['pricing']);
  await entry(bea, 'Pine Merged', '89 days', ['objection']);
  await rpc(db, ana, 'merge_accounts', { org_id: orgId, keep_id: accountIds['Pine Keep'], merge_id: accountIds['Pine Merged'] });
});

describe('account search against the overview', () => {
  it('answers the same rows as account_overview read by each member', async () => {
    for (const reader of [ana, bea]) {
      const searched = await query(db, reader, `select * from public.search_accounts(org_id => $1, prefix => 'pine', max_rows => 50)`, [orgId]);
      const overview = await query(
        db,
        reader,
        `select o.* from public.account_overview o
         where o.org_id = $1 and lower(o.name) like 'pine%'
         order by lower(o.name), o.account_id`,
        [orgId],
      );
      expect(searched.map((row) => row.name)).toEqual(['Pine Edge', 'Pine Keep', 'Pine Quiet']);
      expect(searched).toEqual(overview);
    }
  });

  it('counts only live entries from the last 90 days, as edited, with merged accounts folded in', async () => {
    const rows = await query<{ name: string; domains: string[]; contact_count: number; signals_90d: Record<string, number>; last_activity_at: string | null }>(
      db,
      ana,
      `select * from public.search_accounts(org_id => $1, prefix => 'pine', max_rows => 50)`,
      [orgId],
    );
    const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
    expect(byName['Pine Edge']!.signals_90d).toEqual({ pricing: 2, competitor: 1, churn_risk: 1 });
    expect(byName['Pine Edge']!.contact_count).toBe(3);
    expect(byName['Pine Keep']!.signals_90d).toEqual({ pricing: 1, objection: 2, feature_request: 1 });
    expect(byName['Pine Keep']!.contact_count).toBe(3);
    expect(byName['Pine Keep']!.domains).toEqual(['pine-keep.example', 'pine-merged.example']);
    expect(byName['Pine Quiet']!.signals_90d).toEqual({});
    expect(byName['Pine Quiet']!.last_activity_at).toBeNull();
  });
});
