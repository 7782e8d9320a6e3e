// What "the rollup is exact" means, shared by the PGlite property test and the real-server
// concurrency test: the rollup tables minus a fresh GROUP BY over the live entries, both ways
// (the per-account cells, the weekly totals, and each account's latest week per signal).
import type { PGlite } from '@electric-sql/pglite';
import { superuser, type Row } from './helpers.ts';

/** Rows where the insights rollup and a fresh GROUP BY disagree; [] when it is exact. */
export async function rollupDrift(db: PGlite): Promise<Row[]> {
  const perAccount = await superuser(
    db,
    `with truth as (
       select i.org_id, i.account_id, date_trunc('week', i.occurred_at at time zone 'UTC')::date as week, s.signal,
              count(*)::integer as entries
       from public.interactions i cross join lateral unnest(i.signals) as s(signal)
       where i.retracted_at is null
       group by 1, 2, 3, 4
     )
     (select 'missing' as what, t.* from truth t
      except select 'missing', r.org_id, r.account_id, r.week, r.signal, r.entries from private.signal_account_weeks r)
     union all
     (select 'extra', r.org_id, r.account_id, r.week, r.signal, r.entries from private.signal_account_weeks r
      except select 'extra', t.* from truth t)`,
  );
  const weekly = await superuser(
    db,
    `with truth as (
       select i.org_id, date_trunc('week', i.occurred_at at time zone 'UTC')::date as week, s.signal,
              count(*)::integer as entries, count(distinct i.account_id)::integer as accounts
       from public.interactions i cross join lateral unnest(i.signals) as s(signal)
       where i.retracted_at is null
       group by 1, 2, 3
     )
     (select 'missing' as what, t.* from truth t
      except select 'missing', w.org_id, w.week, w.signal, w.entries, w.accounts from private.signal_weeks w)
     union all
     (select 'extra', w.org_id, w.week, w.signal, w.entries, w.accounts from private.signal_weeks w
      except select 'extra', t.* from truth t)`,
  );
  // Each account's latest week per signal, and how many accounts have each week as theirs.
  const latest = await superuser(
    db,
    `with truth as (
       select i.org_id, s.signal, i.account_id, max(date_trunc('week', i.occurred_at at time zone 'UTC')::date) as latest_week
       from public.interactions i cross join lateral unnest(i.signals) as s(signal)
       where i.retracted_at is null and i.account_id is not null
       group by 1, 2, 3
     ),
     counted as (
       select t.org_id, t.signal, t.latest_week as week, count(*)::integer as accounts from truth t group by 1, 2, 3
     )
     (select 'missing latest' as what, t.org_id, t.signal, t.account_id::text as key, t.latest_week as week, null::integer as accounts from truth t
      except select 'missing latest', l.org_id, l.signal, l.account_id::text, l.latest_week, null::integer from private.signal_account_latest l)
     union all
     (select 'extra latest', l.org_id, l.signal, l.account_id::text, l.latest_week, null::integer from private.signal_account_latest l
      except select 'extra latest', t.org_id, t.signal, t.account_id::text, t.latest_week, null::integer from truth t)
     union all
     (select 'missing count', c.org_id, c.signal, null, c.week, c.accounts from counted c
      except select 'missing count', w.org_id, w.signal, null, w.week, w.accounts from private.signal_latest_weeks w)
     union all
     (select 'extra count', w.org_id, w.signal, null, w.week, w.accounts from private.signal_latest_weeks w
      except select 'extra count', c.org_id, c.signal, null, c.week, c.accounts from counted c)`,
  );
  return [...perAccount, ...weekly, ...latest];
}
