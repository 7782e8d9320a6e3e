-- Insights: what customers are telling the team, week by week, and what changed (pact rule
-- 11: the record gives back to everyone; pact rule 3: about customers and signals, never about
-- people). Both functions read a rollup kept exact by triggers on interactions, so their cost
-- depends on weeks and signals, not on how many entries the team has filed.
--
-- Two tables in the private schema (not exposed by the API, read only through the functions
-- below, which check membership):
--   signal_account_weeks  per organization, account, week, signal: live entries;
--   signal_weeks          per organization, week, signal: live entries and distinct accounts.
-- Distinct accounts cannot be summed from weekly counts, so signal_weeks.accounts is kept by
-- counting the per-account cells that go from 0 to 1 entries (+1) or from 1 to 0 (-1).

create table private.signal_account_weeks (
  org_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid,
  week date not null,
  signal text not null,
  entries integer not null,
  constraint signal_account_weeks_key unique nulls not distinct (org_id, signal, week, account_id)
);
comment on table private.signal_account_weeks is
  'Insights rollup: live (not retracted) entries per organization, account, week and signal. '
  'Kept exact by triggers on public.interactions; rebuild with private.rebuild_signal_rollup(). '
  'No author, member or department: it is about customers only.';
comment on column private.signal_account_weeks.account_id is 'The account the entries are about; null for entries filed on a contact without an account.';
comment on column private.signal_account_weeks.week is 'The Monday (UTC) starting the week in which the customer said it.';
comment on column private.signal_account_weeks.entries is 'Live entries of this account that week carrying the signal. Rows at 0 are removed.';
-- One account's series (the popup's sparklines).
create index signal_account_weeks_account_idx on private.signal_account_weeks (org_id, account_id, week);
-- Cells that reached 0 in a statement, found without a scan and then removed.
create index signal_account_weeks_empty_idx on private.signal_account_weeks (org_id) where entries <= 0;

create table private.signal_weeks (
  org_id uuid not null references public.organizations (id) on delete cascade,
  week date not null,
  signal text not null,
  entries integer not null,
  accounts integer not null,
  primary key (org_id, week, signal)
);
comment on table private.signal_weeks is
  'Insights rollup: per organization, week and signal, the live entries and the distinct '
  'accounts among them. Derived from private.signal_account_weeks by the same triggers.';
comment on column private.signal_weeks.week is 'The Monday (UTC) starting the week in which the customer said it.';
comment on column private.signal_weeks.entries is 'Live entries that week carrying the signal.';
comment on column private.signal_weeks.accounts is 'Distinct accounts among those entries (entries without an account are not counted here).';
create index signal_weeks_empty_idx on private.signal_weeks (org_id) where entries <= 0;

revoke all on private.signal_account_weeks, private.signal_weeks from public, anon, authenticated;
grant select on private.signal_account_weeks, private.signal_weeks to service_role;

create type private.signal_delta as (org_id uuid, account_id uuid, week date, signal text, entries integer);
comment on type private.signal_delta is 'A change to the insights rollup: +n or -n entries in one cell (organization, account, week, signal).';

create function private.week_of(moment timestamptz)
returns date
language sql
immutable
parallel safe
set search_path = ''
as $$
  select date_trunc('week', moment at time zone 'UTC')::date
$$;
comment on function private.week_of(timestamptz) is 'The Monday (UTC) of the week that contains the moment, as signal_trends counts weeks.';

-- Applies a statement's changes in one pass. The upsert returns each cell's value after the
-- change, taken under the row's lock, so "before" is exact even when colleagues file at once.
create function private.apply_signal_deltas(deltas private.signal_delta[])
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

  with delta as (
    select d.org_id, d.account_id, d.week, d.signal, sum(d.entries)::integer as entries
    from unnest(deltas) d
    group by d.org_id, d.account_id, d.week, d.signal
    having sum(d.entries) <> 0
  ),
  cell as (
    insert into private.signal_account_weeks as r (org_id, account_id, week, signal, entries)
    select d.org_id, d.account_id, d.week, d.signal, d.entries
    from delta d
    order by d.org_id, d.signal, d.week, d.account_id
    on conflict (org_id, signal, week, account_id) do update set entries = r.entries + excluded.entries
    returning r.org_id, r.account_id, r.week, r.signal, r.entries as after
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
  )
  insert into private.signal_weeks as w (org_id, week, signal, entries, accounts)
  select t.org_id, t.week, t.signal, t.entries, t.accounts
  from total t
  order by t.org_id, t.week, t.signal
  on conflict (org_id, week, signal) do update
    set entries = w.entries + excluded.entries, accounts = w.accounts + excluded.accounts;

  delete from private.signal_account_weeks r where r.entries <= 0;
  delete from private.signal_weeks w where w.entries <= 0;
end;
$$;
comment on function private.apply_signal_deltas(private.signal_delta[]) is
  'Adds entry counts to the insights rollup cells and keeps the distinct-account counts exact '
  '(a cell going from 0 to 1 entries adds an account, from 1 to 0 removes one).';

-- Statement-level triggers with transition tables: one merge that moves a thousand entries
-- between accounts is one pass over the rollup, not a thousand.
create function private.keep_signal_rollup()
returns trigger
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.apply_signal_deltas(array(
      select row(n.org_id, n.account_id, private.week_of(n.occurred_at), s.signal, 1)::private.signal_delta
      from new_rows n cross join lateral unnest(n.signals) as s(signal)
      where n.retracted_at is null
    ));
  elsif tg_op = 'DELETE' then
    perform private.apply_signal_deltas(array(
      select row(o.org_id, o.account_id, private.week_of(o.occurred_at), s.signal, -1)::private.signal_delta
      from old_rows o cross join lateral unnest(o.signals) as s(signal)
      where o.retracted_at is null
    ));
  else
    -- Only rows whose counted shape changed: signals, week, account, organization, or
    -- whether the entry is live. An edit of the text alone touches nothing here.
    perform private.apply_signal_deltas(array(
      select row(o.org_id, o.account_id, private.week_of(o.occurred_at), s.signal, -1)::private.signal_delta
      from old_rows o
      join new_rows n on n.id = o.id
      cross join lateral unnest(o.signals) as s(signal)
      where o.retracted_at is null
        and (o.org_id, o.account_id, private.week_of(o.occurred_at), o.signals, o.retracted_at is null)
            is distinct from (n.org_id, n.account_id, private.week_of(n.occurred_at), n.signals, n.retracted_at is null)
      union all
      select row(n.org_id, n.account_id, private.week_of(n.occurred_at), s.signal, 1)::private.signal_delta
      from new_rows n
      join old_rows o on o.id = n.id
      cross join lateral unnest(n.signals) as s(signal)
      where n.retracted_at is null
        and (o.org_id, o.account_id, private.week_of(o.occurred_at), o.signals, o.retracted_at is null)
            is distinct from (n.org_id, n.account_id, private.week_of(n.occurred_at), n.signals, n.retracted_at is null)
    ));
  end if;
  return null;
end;
$$;
comment on function private.keep_signal_rollup() is
  'Keeps the insights rollup exact when entries are filed, edited (signals, occurred_at), '
  'moved (account_id, org_id, e.g. by a merge), retracted, un-retracted or deleted.';

create trigger interactions_signal_rollup_insert after insert on public.interactions
  referencing new table as new_rows
  for each statement execute function private.keep_signal_rollup();
create trigger interactions_signal_rollup_update after update on public.interactions
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.keep_signal_rollup();
create trigger interactions_signal_rollup_delete after delete on public.interactions
  referencing old table as old_rows
  for each statement execute function private.keep_signal_rollup();

-- For bulk loads that skip triggers (session_replication_role = replica, as the benchmark
-- does) and as the backfill of this migration.
create function private.rebuild_signal_rollup(target_org uuid default null)
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
end;
$$;
comment on function private.rebuild_signal_rollup(uuid) is
  'Recomputes the insights rollup from the live entries (one organization, or all). Only needed '
  'after loading entries with triggers switched off; the triggers keep it exact otherwise.';

select private.rebuild_signal_rollup();

-- ---------------------------------------------------------------------------------------
-- "Beyond noise": the exact test for two Poisson counts. If nothing changed, each of the
-- n = recent + baseline entries fell in the recent window with probability
-- p = recent window length / (recent + baseline window length), so recent ~ Binomial(n, p).
-- ---------------------------------------------------------------------------------------

create function private.ln_factorial(n integer)
returns double precision
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when n < 2 then 0::double precision
    when n < 30 then ln(factorial(n))::double precision
    -- Stirling's series; the next term is below 1e-10 from n = 30.
    else n * ln(n::double precision) - n + 0.5 * ln(2 * pi() * n) + 1.0 / (12.0 * n) - 1.0 / (360.0 * power(n::double precision, 3))
  end
$$;
comment on function private.ln_factorial(integer) is 'ln(n!), exact below 30 and by Stirling''s series above (for the noise test of signal_changes).';

create function private.binomial_tail(k integer, n integer, p double precision, upper boolean, stop_at double precision default 1)
returns double precision
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  term double precision;
  total double precision := 0;
  j integer := k;
begin
  -- Degenerate cases first: outside 0..n, or a certain outcome.
  if upper and k <= 0 then return 1; end if;
  if not upper and k >= n then return 1; end if;
  if upper and k > n then return 0; end if;
  if not upper and k < 0 then return 0; end if;
  if p <= 0 then return case when upper then 0 else 1 end; end if;
  if p >= 1 then return case when upper then 1 else 0 end; end if;

  term := exp(private.ln_factorial(n) - private.ln_factorial(k) - private.ln_factorial(n - k)
              + k * ln(p) + (n - k) * ln(1 - p));
  -- Sum away from the middle; the terms shrink geometrically, and once the sum passes
  -- stop_at the answer ("not surprising") is known.
  loop
    total := total + term;
    exit when total >= stop_at;
    if upper then
      exit when j >= n;
      term := term * (n - j) / (j + 1) * p / (1 - p);
      j := j + 1;
    else
      exit when j <= 0;
      term := term * j / (n - j + 1) * (1 - p) / p;
      j := j - 1;
    end if;
    exit when term <= total * 1e-15;
  end loop;
  return least(total, 1);
end;
$$;
comment on function private.binomial_tail(integer, integer, double precision, boolean, double precision) is
  'P(X >= k) (upper) or P(X <= k) for X ~ Binomial(n, p); stops early and returns a value '
  '>= stop_at once the tail is known to be at least that large.';

-- ---------------------------------------------------------------------------------------
-- The series and the changes. Three layers each: the public RPC (security invoker), a
-- private function that checks membership, and the computation itself, which the
-- dashboard (postgres, service_role) may call directly for any organization.
-- ---------------------------------------------------------------------------------------

create function private.org_signal_series(
  target_org uuid,
  weeks integer default 26,
  only_signal text default null,
  only_account uuid default null,
  as_of timestamptz default now()
)
returns table (week date, signal text, entries integer, accounts integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  last_week date := private.week_of(as_of);
  first_week date;
begin
  if weeks is null or weeks < 1 or weeks > 104 then
    raise exception 'weeks: must be between 1 and 104' using errcode = '22023';
  end if;
  if only_signal is not null and not (only_signal = any (private.signal_names())) then
    raise exception 'only_signal: not a customer signal' using errcode = '22023';
  end if;
  if only_account is not null and not exists (
    select 1 from public.accounts a where a.id = only_account and a.org_id = target_org
  ) then
    raise exception 'only_account: no such account in this organization' using errcode = '22023';
  end if;
  first_week := last_week - 7 * (weeks - 1);

  return query
  with counted as (
    select w.week, w.signal, w.entries, w.accounts
    from private.signal_weeks w
    where only_account is null
      and w.org_id = target_org and w.week between first_week and last_week
      and (only_signal is null or w.signal = only_signal)
    union all
    select r.week, r.signal, r.entries, 1
    from private.signal_account_weeks r
    where only_account is not null
      and r.org_id = target_org and r.account_id = only_account
      and r.week between first_week and last_week
      and (only_signal is null or r.signal = only_signal)
  ),
  present as (
    select distinct c.signal from counted c where c.entries > 0
  ),
  calendar as (
    select (first_week + 7 * k)::date as week from generate_series(0, weeks - 1) as k
  )
  select cal.week, s.signal, coalesce(c.entries, 0)::integer, coalesce(c.accounts, 0)::integer
  from present s
  cross join calendar cal
  left join counted c on c.signal = s.signal and c.week = cal.week
  order by array_position(private.signal_names(), s.signal), cal.week;
end;
$$;
comment on function private.org_signal_series(uuid, integer, text, uuid, timestamptz) is
  'For the dashboard: the weekly series of one organization (see public.signal_series), without '
  'a membership check. Example: select * from private.org_signal_series(''<org id>'', 26);';

create function private.org_signal_changes(
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
  reach as (
    select r.signal, count(distinct r.account_id)::integer as accounts
    from private.signal_account_weeks r
    where r.org_id = target_org and r.week >= recent_first and r.week <= this_week
      and r.signal in (select ch.signal from changed ch)
    group by r.signal
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
  'membership check. Example: select * from private.org_signal_changes(''<org id>'');';

create function private.member_signal_series(target_org uuid, weeks integer, only_signal text, only_account uuid)
returns table (week date, signal text, entries integer, accounts integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not private.is_member(target_org) then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  return query select * from private.org_signal_series(target_org, weeks, only_signal, only_account, now());
end;
$$;
comment on function private.member_signal_series(uuid, integer, text, uuid) is
  'Checks that the caller is a member, then returns private.org_signal_series. Called by public.signal_series.';

create function private.member_signal_changes(target_org uuid, recent_weeks integer, baseline_weeks integer)
returns table (signal text, recent integer, baseline integer, expected numeric, direction text, accounts integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not private.is_member(target_org) then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  return query select * from private.org_signal_changes(target_org, recent_weeks, baseline_weeks, now());
end;
$$;
comment on function private.member_signal_changes(uuid, integer, integer) is
  'Checks that the caller is a member, then returns private.org_signal_changes. Called by public.signal_changes.';

create function public.signal_series(
  org_id uuid,
  weeks integer default 26,
  only_signal text default null,
  only_account uuid default null
)
returns table (week date, signal text, entries integer, accounts integer)
language sql
stable
security invoker
set search_path = ''
as $$
  select * from private.member_signal_series(
    signal_series.org_id, signal_series.weeks, signal_series.only_signal, signal_series.only_account
  )
$$;
comment on function public.signal_series(uuid, integer, text, uuid) is
  'What customers are telling us, week by week: for the last `weeks` weeks (1-104, the current '
  'one included; weeks start on Monday, UTC) and every signal that occurs in them, the live '
  'entries carrying it and the distinct accounts among them, zero-filled. Optionally one signal '
  'or one account. Members only. About customers: nothing here names or counts a person.';

create function public.signal_changes(
  org_id uuid,
  recent_weeks integer default 4,
  baseline_weeks integer default 12
)
returns table (signal text, recent integer, baseline integer, expected numeric, direction text, accounts integer)
language sql
stable
security invoker
set search_path = ''
as $$
  select * from private.member_signal_changes(
    signal_changes.org_id, signal_changes.recent_weeks, signal_changes.baseline_weeks
  )
$$;
comment on function public.signal_changes(uuid, integer, integer) is
  'What changed: per signal, the live entries of the last `recent_weeks` weeks (`recent`, the '
  'current week so far included) against the `baseline_weeks` weeks before them (`baseline`); '
  '`expected` is the baseline scaled to the recent window''s length (the current week counts '
  'only as far as it has gone). Only changes beyond noise are returned, biggest first, with the '
  'distinct `accounts` of the recent window. Beyond noise: if nothing had changed, each of the '
  'recent + baseline entries would fall in the recent window with probability '
  'p = recent length / (recent + baseline length), so `recent` ~ Binomial(n, p) (the exact test '
  'for two Poisson counts). ''up'' when P(X >= recent) < 0.025 and recent >= 3; ''down'' when '
  'P(X <= recent) < 0.025 and expected >= 3 (two-sided p < 0.05, at least 3 entries on the '
  'larger side). A flat series, or 0 becoming 1 or 2, is never reported. Members only.';

revoke all on function
  private.week_of(timestamptz),
  private.apply_signal_deltas(private.signal_delta[]),
  private.keep_signal_rollup(),
  private.rebuild_signal_rollup(uuid),
  private.ln_factorial(integer),
  private.binomial_tail(integer, integer, double precision, boolean, double precision),
  private.org_signal_series(uuid, integer, text, uuid, timestamptz),
  private.org_signal_changes(uuid, integer, integer, timestamptz),
  private.member_signal_series(uuid, integer, text, uuid),
  private.member_signal_changes(uuid, integer, integer),
  public.signal_series(uuid, integer, text, uuid),
  public.signal_changes(uuid, integer, integer)
  from public, anon, authenticated;
grant execute on function
  private.week_of(timestamptz),
  private.ln_factorial(integer),
  private.binomial_tail(integer, integer, double precision, boolean, double precision),
  private.member_signal_series(uuid, integer, text, uuid),
  private.member_signal_changes(uuid, integer, integer),
  public.signal_series(uuid, integer, text, uuid),
  public.signal_changes(uuid, integer, integer)
  to authenticated, service_role;
grant execute on function
  private.rebuild_signal_rollup(uuid),
  private.org_signal_series(uuid, integer, text, uuid, timestamptz),
  private.org_signal_changes(uuid, integer, integer, timestamptz)
  to service_role;
