-- Insights rollup: removals only ever lower existing cells. Before this, a removal that found
-- no cell inserted one with a negative count; deleting an organization (its entries and its
-- rollup rows go in the same cascade, in no fixed order) then failed on the rollup's foreign
-- key. Growth is still an upsert; shrinking is a plain UPDATE of the cells that exist.

create or replace function private.apply_signal_deltas(deltas private.signal_delta[])
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if coalesce(cardinality(deltas), 0) = 0 then
    return;
  end if;

  -- Each statement returns a cell's value after the change, taken under the row's lock, so
  -- "before" (after minus the change) is exact even when colleagues file at the same moment.
  with delta as (
    select d.org_id, d.account_id, d.week, d.signal, sum(d.entries)::integer as entries
    from unnest(deltas) d
    group by d.org_id, d.account_id, d.week, d.signal
    having sum(d.entries) <> 0
  ),
  grown as (
    insert into private.signal_account_weeks as r (org_id, account_id, week, signal, entries)
    select d.org_id, d.account_id, d.week, d.signal, d.entries
    from delta d
    where d.entries > 0
    order by d.org_id, d.signal, d.week, d.account_id
    on conflict (org_id, signal, week, account_id) do update set entries = r.entries + excluded.entries
    returning r.org_id, r.account_id, r.week, r.signal, r.entries as after
  ),
  shrunk as (
    update private.signal_account_weeks r
    set entries = r.entries + d.entries
    from delta d
    where d.entries < 0
      and r.org_id = d.org_id and r.signal = d.signal and r.week = d.week
      and r.account_id is not distinct from d.account_id
    returning r.org_id, r.account_id, r.week, r.signal, r.entries as after
  ),
  cell as (
    select * from grown
    union all
    select * from shrunk
  ),
  total as (
    select c.org_id, c.week, c.signal,
           sum(d.entries)::integer as entries,
           sum(case
                 when c.account_id is null then 0
                 when c.after - d.entries <= 0 and c.after > 0 then 1
                 when c.after - d.entries > 0 and c.after <= 0 then -1
                 else 0
               end)::integer as accounts
    from cell c
    join delta d
      on d.org_id = c.org_id and d.signal = c.signal and d.week = c.week
     and d.account_id is not distinct from c.account_id
    group by c.org_id, c.week, c.signal
  ),
  total_grown as (
    insert into private.signal_weeks as w (org_id, week, signal, entries, accounts)
    select t.org_id, t.week, t.signal, t.entries, t.accounts
    from total t
    where t.entries > 0
    order by t.org_id, t.week, t.signal
    on conflict (org_id, week, signal) do update
      set entries = w.entries + excluded.entries, accounts = w.accounts + excluded.accounts
    returning 1
  )
  update private.signal_weeks w
  set entries = w.entries + t.entries, accounts = w.accounts + t.accounts
  from total t
  where t.entries <= 0
    and w.org_id = t.org_id and w.week = t.week and w.signal = t.signal;

  delete from private.signal_account_weeks r where r.entries <= 0;
  delete from private.signal_weeks w where w.entries <= 0;
end;
$$;
comment on function private.apply_signal_deltas(private.signal_delta[]) is
  'Adds entry counts to the insights rollup cells and keeps the distinct-account counts exact '
  '(a cell going from 0 to 1 entries adds an account, from 1 to 0 removes one). Removals only '
  'lower cells that exist, so deleting an organization never re-creates its rows.';

revoke all on function private.apply_signal_deltas(private.signal_delta[]) from public, anon, authenticated;
