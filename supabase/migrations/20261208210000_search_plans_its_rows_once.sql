-- The account search plans the read of its rows once per connection instead of on every call.
--
-- On the benchmark's server (bench:db, 10M entries) the largest organization's search for 20
-- accounts took 3.4-4.5 ms in the database against 0.1-0.3 ms for a trivial call: about
-- 1.5 ms finding the ids (private.search_account_ids, planned per call on purpose: how many
-- accounts match a prefix varies), about 1 ms planning the read of their account_overview
-- rows, and 1-2 ms reading them (each row's domains, latest entry, contacts and last 90 days'
-- signals by the account's key, about 0.05-0.1 ms). That read is planned for every call only
-- because a SQL function's statements are: its plan does not depend on the organization or the
-- prefix (every part is an index probe by the account's key, 20 accounts or fewer), so here it
-- is a PL/pgSQL statement with a generic plan, kept for the connection's life. The answers
-- are the same: it is the same read of account_overview.
--
-- Reading signals_90d from the weekly per-account rollup (weeks wholly inside the 90 days,
-- plus the entries of the partial week at the edge) gave the same answers there but read more
-- pages, not fewer (375 buffers against 275 for 20 accounts): an account has about as many
-- rollup cells in 90 days as entries, and each is its own heap fetch.
create function private.account_overview_rows(target_org uuid, account_ids uuid[])
returns setof public.account_overview
language plpgsql
stable
security definer
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
begin
  return query
  select o.*
  from public.account_overview o
  where o.org_id = target_org
    and o.account_id = any (account_ids)
  order by lower(o.name), o.account_id;
end;
$$;
comment on function private.account_overview_rows(uuid, uuid[]) is
  'account_overview for the given accounts of one organization, by name, read without row '
  'level security: only for callers that have checked membership of target_org '
  '(private.search_accounts_for). Planned once per connection (plan_cache_mode): every read '
  'is by the account''s key, whatever the organization.';

revoke all on function private.account_overview_rows(uuid, uuid[]) from public, anon, authenticated;
grant execute on function private.account_overview_rows(uuid, uuid[]) to service_role;

create or replace function private.search_accounts_for(target_org uuid, prefix text, max_rows integer)
returns setof public.account_overview
language sql
stable
security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
  select *
  from private.account_overview_rows(target_org, private.search_account_ids(target_org, prefix, max_rows))
$$;
comment on function private.search_accounts_for(uuid, text, integer) is
  'The rows of public.search_accounts: account_overview for the accounts '
  'private.search_account_ids finds (which refuses a non-member of target_org), read within '
  'that organization without row level security''s per-read membership checks '
  '(private.account_overview_rows, planned once per connection). Planned per call '
  '(plan_cache_mode).';

revoke all on function private.search_accounts_for(uuid, text, integer) from public, anon, authenticated;
grant execute on function private.search_accounts_for(uuid, text, integer) to authenticated, service_role;
