-- "What changed" decides each signal's noise test once, and stops summing a tail as soon as
-- the decision is known.
--
-- With the accounts counted from the latest-week counts (20261208200200), what still grew in
-- signal_changes for the largest organization on the benchmark's server (13k accounts, 1.33M
-- entries, about 25k entries per signal in the 16 weeks) was the test itself. For a signal
-- that did change, private.binomial_tail summed the tail term by term until the terms fell
-- below 1e-15 of the sum: about 6 standard deviations of the binomial, some 400 steps at that
-- size (10 at 1k entries), so the read grew with the square root of the entries. And the
-- query evaluated the test twice for every changed signal (once to keep the row, once for its
-- direction).
--
-- Away from the middle each term is the previous one times a ratio that keeps shrinking, so
-- the rest of the tail is at most term / (1 - ratio): once the sum so far plus that bound is
-- below stop_at, the tail is known to be below it and the loop stops. The caller only asks
-- whether the tail is below 0.025, so the answers are the same; binomial_tail returns its
-- exact sum as before whenever stop_at is 1 (the default) or the tail reaches stop_at.

create or replace function private.binomial_tail(k integer, n integer, p double precision, upper boolean, stop_at double precision default 1)
returns double precision
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  term double precision;
  total double precision := 0;
  ratio double precision;
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
      ratio := (n - j)::double precision / (j + 1) * p / (1 - p);
      term := term * (n - j) / (j + 1) * p / (1 - p);
      j := j + 1;
    else
      exit when j <= 0;
      ratio := j::double precision / (n - j + 1) * (1 - p) / p;
      term := term * j / (n - j + 1) * (1 - p) / p;
      j := j - 1;
    end if;
    exit when term <= total * 1e-15;
    -- The ratios only shrink from here, so what is left is at most term / (1 - ratio): when
    -- even that cannot bring the sum to stop_at, the answer ("below stop_at") is known.
    exit when stop_at < 1 and ratio < 1 and total + term / (1 - ratio) < stop_at;
  end loop;
  return least(total, 1);
end;
$$;
comment on function private.binomial_tail(integer, integer, double precision, boolean, double precision) is
  'P(X >= k) (upper) or P(X <= k) for X ~ Binomial(n, p). With stop_at below 1 it stops as soon '
  'as the tail is known to be at least stop_at (returning a value >= stop_at) or below it '
  '(returning the sum so far, below stop_at); with the default 1 it returns the whole tail.';

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
  -- Each tail once per signal, and only on the side the count moved to.
  tested as materialized (
    select c.signal, c.recent, c.baseline,
           c.baseline * recent_days / baseline_days as expected,
           case
             when c.recent > c.baseline * recent_days / baseline_days and c.recent >= 3
               then private.binomial_tail(c.recent, c.recent + c.baseline, share, true, 0.025)
           end as p_up,
           case
             when c.recent < c.baseline * recent_days / baseline_days
              and c.baseline * recent_days / baseline_days >= 3
               then private.binomial_tail(c.recent, c.recent + c.baseline, share, false, 0.025)
           end as p_down
    from counts c
  ),
  changed as (
    select t.signal, t.recent, t.baseline, t.expected,
           case when t.p_up < 0.025 then 'up' when t.p_down < 0.025 then 'down' end as direction
    from tested t
    where t.p_up < 0.025 or t.p_down < 0.025
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
  'membership check. Tests each signal once, and counts a changed signal''s accounts from the '
  'latest-week counts, not the per-account cells. Example: '
  'select * from private.org_signal_changes(''<org id>'');';

revoke all on function
  private.binomial_tail(integer, integer, double precision, boolean, double precision),
  private.org_signal_changes(uuid, integer, integer, timestamptz)
  from public, anon, authenticated;
grant execute on function private.binomial_tail(integer, integer, double precision, boolean, double precision)
  to authenticated, service_role;
grant execute on function private.org_signal_changes(uuid, integer, integer, timestamptz) to service_role;
