-- Plans made for the values of each call, not one plan for every organization.
--
-- One server holds organizations of very different sizes (bench:db: 10M entries across 1,000
-- organizations, the largest with 1.3M entries and 13k accounts, the smallest with about
-- 1,300). A prepared statement (PostgREST's, or a plpgsql function's) switches to a generic
-- plan after five calls, planned for an average organization and for unknown arguments: a
-- prefix search (`like $1 || '%'`) can then no longer narrow the index to the prefix and reads
-- the whole organization's accounts and domains; due_steps keeps its "only mine" and "these
-- accounts" conditions as ORs and walks every open step of the organization; a filter on
-- org_id is estimated for an average organization. Measured on the largest organization:
-- due_steps(only_mine) 264 ms -> 5.8 ms, search_accounts 68 -> 34 ms.
-- Planning each call costs a fraction of a millisecond; a generic plan that is wrong for a big
-- organization costs hundreds.

-- Requests through the API: PostgREST prepares its statements, so after five requests the
-- followed accounts' new entries were read with a plan that also walked the organization's
-- every entry (408 ms for the largest; 6 ms planned per call). Set for this database (new
-- connections), not for a role: PostgREST 12 did not apply a role's plan_cache_mode.
-- Only the database's owner may; where the migration runs as someone else, it says so and
-- the functions below still plan per call.
do $$
begin
  execute format('alter database %I set plan_cache_mode = force_custom_plan', current_database());
exception when insufficient_privilege then
  raise notice 'plan_cache_mode was not set for the database (not its owner): set it there with '
    'alter database ... set plan_cache_mode = force_custom_plan';
end;
$$;

-- The functions whose statements depend most on their arguments, however they are called.
alter function private.search_account_ids(uuid, text, integer) set plan_cache_mode = force_custom_plan;
alter function public.due_steps(uuid, date, boolean, uuid[]) set plan_cache_mode = force_custom_plan;
alter function public.account_plan(uuid, uuid) set plan_cache_mode = force_custom_plan;
alter function public.lookup_context(text[], text, uuid, text) set plan_cache_mode = force_custom_plan;
