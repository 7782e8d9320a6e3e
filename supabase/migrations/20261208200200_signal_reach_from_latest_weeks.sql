-- "What changed" counts the accounts behind a changed signal from a count kept per week.
--
-- signal_changes reports, for each changed signal, the distinct accounts of the recent weeks.
-- It counted them from the per-account rollup: every (account, week) cell of the window,
-- sorted by signal and counted distinct. For the largest organization on the benchmark's
-- server (13k accounts, 1.33M entries) that is 5,450 cells per changed signal over 4 weeks:
-- 4-5 ms of the read's 8 ms, growing with how many accounts were heard from. (At 100k
-- entries no signal of that organization had changed, so nothing was counted: that, not
-- slower reads, is why the read seemed to grow 2.4x.)
--
-- Distinct accounts over a window cannot be summed from weekly distinct counts, but they can
-- be counted by each account's latest week: the accounts heard from in weeks [first, last]
-- are those whose latest week with the signal falls in [first, last], plus those whose latest
-- week is after `last` and who also have a cell in the window (entries dated ahead of now:
-- rare, checked one by one). Two tables, kept by the rollup's triggers:
--   signal_account_latest  per organization, signal, account: the latest week with entries;
--   signal_latest_weeks    per organization, signal, week: how many accounts have it as
--                          their latest.
-- So the count reads at most one row per week of the window. The answers are the same.

create table private.signal_account_latest (
  org_id uuid not null references public.organizations (id) on delete cascade,
  signal text not null,
  account_id uuid not null,
  latest_week date,
  primary key (org_id, signal, account_id)
);
comment on table private.signal_account_latest is
  'Insights rollup: per organization, signal and account, the latest week in which live '
  'entries about the account carried the signal. Derived from private.signal_account_weeks '
  'by the same triggers; lets signal_changes count an window''s distinct accounts by week.';
comment on column private.signal_account_latest.latest_week is
  'The latest week (Monday, UTC) of the account''s cells for the signal; null only inside the '
  'statement that is recomputing it.';
-- Accounts whose latest week is after a window (entries dated ahead): found without a scan.
create index signal_account_latest_week_idx on private.signal_account_latest (org_id, signal, latest_week);

create table private.signal_latest_weeks (
  org_id uuid not null references public.organizations (id) on delete cascade,
  signal text not null,
  week date not null,
  accounts integer not null,
  primary key (org_id, signal, week)
);
comment on table private.signal_latest_weeks is
  'Insights rollup: per organization, signal and week, how many accounts have that week as '
  'their latest with the signal (private.signal_account_latest, counted). Rows at 0 are removed.';
comment on column private.signal_latest_weeks.accounts is
  'Accounts whose latest week with the signal is this one.';
create index signal_latest_weeks_empty_idx on private.signal_latest_weeks (org_id) where accounts <= 0;

revoke all on private.signal_account_latest, private.signal_latest_weeks from public, anon, authenticated;
grant select on private.signal_account_latest, private.signal_latest_weeks to service_role;

-- Keeps the two tables in step after the cells of some (organization, signal, account)
-- triples changed. The triples are locked first, so a colleague changing the same account's
-- cells at the same moment recomputes after this transaction commits and sees its cells.
create function private.apply_signal_latest(deltas private.signal_delta[])
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  -- The touched triples, in key order; an organization being deleted (its entries go in the
  -- same cascade) has nothing left to keep.
  touched private.signal_delta[] := array(
    select distinct row(d.org_id, d.account_id, null::date, d.signal, 0)::private.signal_delta
    from unnest(deltas) d
    where d.account_id is not null
      and exists (select 1 from public.organizations o where o.id = d.org_id)
  );
begin
  if coalesce(cardinality(touched), 0) = 0 then
    return;
  end if;

  insert into private.signal_account_latest as l (org_id, signal, account_id, latest_week)
  select t.org_id, t.signal, t.account_id, null::date
  from unnest(touched) t
  order by 1, 2, 3
  on conflict (org_id, signal, account_id) do nothing;

  perform 1
  from private.signal_account_latest l
  join unnest(touched) t on (l.org_id, l.signal, l.account_id) = (t.org_id, t.signal, t.account_id)
  order by l.org_id, l.signal, l.account_id
  for update of l;

  with fresh as (
    select l.org_id, l.signal, l.account_id, l.latest_week as before,
           (select max(r.week) from private.signal_account_weeks r
            where r.org_id = l.org_id and r.account_id = l.account_id and r.signal = l.signal) as after
    from private.signal_account_latest l
    join unnest(touched) t on (l.org_id, l.signal, l.account_id) = (t.org_id, t.signal, t.account_id)
  ),
  moved as (
    update private.signal_account_latest l
    set latest_week = f.after
    from fresh f
    where (l.org_id, l.signal, l.account_id) = (f.org_id, f.signal, f.account_id)
      and f.before is distinct from f.after
    returning f.org_id, f.signal, f.before, f.after
  ),
  counted as (
    select m.org_id, m.signal, m.before as week, -1 as accounts from moved m where m.before is not null
    union all
    select m.org_id, m.signal, m.after, 1 from moved m where m.after is not null
  )
  insert into private.signal_latest_weeks as w (org_id, signal, week, accounts)
  select c.org_id, c.signal, c.week, sum(c.accounts)::integer
  from counted c
  group by c.org_id, c.signal, c.week
  having sum(c.accounts) <> 0
  order by 1, 2, 3
  on conflict (org_id, signal, week) do update set accounts = w.accounts + excluded.accounts;

  delete from private.signal_account_latest l
  using unnest(touched) t
  where (l.org_id, l.signal, l.account_id) = (t.org_id, t.signal, t.account_id) and l.latest_week is null;
  delete from private.signal_latest_weeks w where w.accounts <= 0;
end;
$$;
comment on function private.apply_signal_latest(private.signal_delta[]) is
  'After private.apply_signal_deltas changed some cells: recomputes the latest week of each '
  'touched (organization, signal, account) and moves its count in private.signal_latest_weeks.';

-- As before (20261129110100), then the latest weeks of the accounts it touched.
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

  perform private.apply_signal_latest(deltas);
end;
$$;
comment on function private.apply_signal_deltas(private.signal_delta[]) is
  'Adds entry counts to the insights rollup cells and keeps the distinct-account counts exact '
  '(a cell going from 0 to 1 entries adds an account, from 1 to 0 removes one). Removals only '
  'lower cells that exist, so deleting an organization never re-creates its rows. Then keeps '
  'each touched account''s latest week per signal (private.apply_signal_latest).';

create or replace function private.rebuild_signal_rollup(target_org uuid default null)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  -- Entries filed while the rollup is rebuilt would be counted twice or not at all.
  lock table public.interactions in share mode;
  delete from private.signal_account_weeks r where target_org is null or r.org_id = target_org;
  delete from private.signal_weeks w where target_org is null or w.org_id = target_org;
  delete from private.signal_account_latest l where target_org is null or l.org_id = target_org;
  delete from private.signal_latest_weeks w where target_org is null or w.org_id = target_org;
  insert into private.signal_account_weeks (org_id, account_id, week, signal, entries)
  select i.org_id, i.account_id, private.week_of(i.occurred_at), s.signal, count(*)::integer
  from public.interactions i
  cross join lateral unnest(i.signals) as s(signal)
  where i.retracted_at is null and (target_org is null or i.org_id = target_org)
  group by i.org_id, i.account_id, private.week_of(i.occurred_at), s.signal;
  insert into private.signal_weeks (org_id, week, signal, entries, accounts)
  select r.org_id, r.week, r.signal, sum(r.entries)::integer, count(r.account_id)::integer
  from private.signal_account_weeks r
  where target_org is null or r.org_id = target_org
  group by r.org_id, r.week, r.signal;
  perform private.rebuild_signal_latest(target_org);
end;
$$;
comment on function private.rebuild_signal_rollup(uuid) is
  'Recomputes the insights rollup from the live entries (one organization, or all). Only needed '
  'after loading entries with triggers switched off; the triggers keep it exact otherwise.';

create function private.rebuild_signal_latest(target_org uuid default null)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  delete from private.signal_account_latest l where target_org is null or l.org_id = target_org;
  delete from private.signal_latest_weeks w where target_org is null or w.org_id = target_org;
  insert into private.signal_account_latest (org_id, signal, account_id, latest_week)
  select r.org_id, r.signal, r.account_id, max(r.week)
  from private.signal_account_weeks r
  where r.account_id is not null and (target_org is null or r.org_id = target_org)
  group by r.org_id, r.signal, r.account_id;
  insert into private.signal_latest_weeks (org_id, signal, week, accounts)
  select l.org_id, l.signal, l.latest_week, count(*)::integer
  from private.signal_account_latest l
  where target_org is null or l.org_id = target_org
  group by l.org_id, l.signal, l.latest_week;
end;
$$;
comment on function private.rebuild_signal_latest(uuid) is
  'Recomputes each account''s latest week per signal, and their counts per week, from the '
  'per-account rollup (one organization, or all). Part of private.rebuild_signal_rollup.';

-- The backfill: from the per-account rollup, which the triggers have kept exact.
select private.rebuild_signal_latest();

create or replace function private.org_signal_changes(
  target_org uuid,
  recent_weeks integer default 4,
  baseline_weeks integer default 12,
  as_of timestamptz default now()
)
returns table (signal text, recent integer, baseline integer, expected numeric, direction text, accounts integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  this_week date := private.week_of(as_of);
  recent_first date;
  baseline_first date;
  -- The current week is under way: the recent window is as long as the time that has passed.
  recent_days double precision;
  baseline_days double precision;
  share double precision;
begin
  if recent_weeks is null or recent_weeks < 1 or recent_weeks > 52 then
    raise exception 'recent_weeks: must be between 1 and 52' using errcode = '22023';
  end if;
  if baseline_weeks is null or baseline_weeks < 1 or baseline_weeks > 104 then
    raise exception 'baseline_weeks: must be between 1 and 104' using errcode = '22023';
  end if;
  recent_first := this_week - 7 * (recent_weeks - 1);
  baseline_first := recent_first - 7 * baseline_weeks;
  recent_days := 7 * (recent_weeks - 1)
    + least(7, greatest(1.0 / 24, extract(epoch from (as_of - (this_week::timestamp at time zone 'UTC'))) / 86400));
  baseline_days := 7 * baseline_weeks;
  share := recent_days / (recent_days + baseline_days);

  return query
  with counts as (
    select w.signal,
           coalesce(sum(w.entries) filter (where w.week >= recent_first), 0)::integer as recent,
           coalesce(sum(w.entries) filter (where w.week < recent_first), 0)::integer as baseline
    from private.signal_weeks w
    where w.org_id = target_org and w.week >= baseline_first and w.week <= this_week
    group by w.signal
  ),
  judged as (
    select c.signal, c.recent, c.baseline,
           c.baseline * recent_days / baseline_days as expected,
           case
             when c.recent > c.baseline * recent_days / baseline_days
              and c.recent >= 3
              and private.binomial_tail(c.recent, c.recent + c.baseline, share, true, 0.025) < 0.025
               then 'up'
             when c.recent < c.baseline * recent_days / baseline_days
              and c.baseline * recent_days / baseline_days >= 3
              and private.binomial_tail(c.recent, c.recent + c.baseline, share, false, 0.025) < 0.025
               then 'down'
           end as direction
    from counts c
  ),
  changed as (
    select * from judged j where j.direction is not null
  ),
  -- The accounts heard from in the recent weeks: those whose latest week is among them, and
  -- those whose latest week is later (dated ahead of as_of) with a cell among them.
  reach as (
    select ch.signal,
           (coalesce((
              select sum(w.accounts) from private.signal_latest_weeks w
              where w.org_id = target_org and w.signal = ch.signal
                and w.week >= recent_first and w.week <= this_week
            ), 0)
            + (
              select count(*) from private.signal_account_latest l
              where l.org_id = target_org and l.signal = ch.signal and l.latest_week > this_week
                and exists (
                  select 1 from private.signal_account_weeks r
                  where r.org_id = target_org and r.signal = ch.signal and r.account_id = l.account_id
                    and r.week >= recent_first and r.week <= this_week
                )
            ))::integer as accounts
    from changed ch
  )
  select ch.signal, ch.recent, ch.baseline, round(ch.expected::numeric, 1), ch.direction,
         coalesce(re.accounts, 0)
  from changed ch
  left join reach re on re.signal = ch.signal
  order by abs(ch.recent - ch.expected) desc, ch.signal;
end;
$$;
comment on function private.org_signal_changes(uuid, integer, integer, timestamptz) is
  'For the dashboard: what changed in one organization (see public.signal_changes), without a '
  'membership check. Counts a changed signal''s accounts from the latest-week counts, not the '
  'per-account cells. Example: select * from private.org_signal_changes(''<org id>'');';

revoke all on function
  private.apply_signal_latest(private.signal_delta[]),
  private.apply_signal_deltas(private.signal_delta[]),
  private.rebuild_signal_rollup(uuid),
  private.rebuild_signal_latest(uuid),
  private.org_signal_changes(uuid, integer, integer, timestamptz)
  from public, anon, authenticated;
grant execute on function
  private.rebuild_signal_rollup(uuid),
  private.rebuild_signal_latest(uuid),
  private.org_signal_changes(uuid, integer, integer, timestamptz)
  to service_role;
