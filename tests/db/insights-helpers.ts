// What "the rollup is exact" means, shared by the PGlite property test and the real-server
// concurrency test: the rollup tables minus a fresh GROUP BY over the live entries, both ways.
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
  return [...perAccount, ...weekly];
}
