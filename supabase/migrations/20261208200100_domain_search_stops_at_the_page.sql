-- Account search by domain reads its matches in one index, without visiting each account.
--
-- On one server shared by 1,000 organizations (bench:db, 10M entries) a four-letter prefix
-- matched 287 of the largest organization's 13k accounts by name and 585 of its domains.
-- Only the first max_rows accounts by name are shown, but a matched domain's account can sort
-- anywhere, so the search read every matched domain's account by its key to learn its name
-- (585 probes, 1.5 ms of the 2.2 ms the ids took, grown 2x against 7 matches at 100k). Here
-- each domain keeps its account's sort key (lower(name)), kept in step by triggers when a
-- domain is added or moves to another account (a merge, its undo) and when an account is
-- renamed, and the organization's domain index carries it with the account's id: the domain
-- half reads its matches from the index alone and keeps the first max_rows accounts, as the
-- name half does. The answers are the same: the key is exactly the expression the search
-- sorts by.

alter table public.account_domains add column account_sort_name text;
comment on column public.account_domains.account_sort_name is
  'lower(name) of the domain''s account, kept by triggers: the account search orders domain '
  'matches by it without reading each account.';

update public.account_domains d
set account_sort_name = lower(a.name)
from public.accounts a
where a.id = d.account_id;

alter table public.account_domains alter column account_sort_name set not null;

-- Replaces the organization's domain index (same name and key, so the lookups that use it
-- for an exact domain are unchanged) with one that also carries what the search returns.
drop index public.account_domains_org_id_domain_prefix_idx;
create index account_domains_org_id_domain_prefix_idx
  on public.account_domains (org_id, domain text_pattern_ops) include (account_id, account_sort_name);
comment on index public.account_domains_org_id_domain_prefix_idx is
  'Domain prefix search within one organization (search_accounts): like ''acme%'' under '
  'org_id = ..., answered from the index alone with the account and its sort key.';

create function private.set_domain_account_sort_name()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.account_sort_name := (select lower(a.name) from public.accounts a where a.id = new.account_id);
  return new;
end;
$$;
comment on function private.set_domain_account_sort_name() is
  'Before a domain is stored or changed (moved to another account by a merge or its undo), '
  'copies its account''s sort key (lower(name)) onto it.';

create trigger account_domains_account_sort_name before insert or update on public.account_domains
  for each row execute function private.set_domain_account_sort_name();

create function private.rename_domains_with_account()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.account_domains d
  set account_sort_name = lower(new.name)
  where d.account_id = new.id;
  return null;
end;
$$;
comment on function private.rename_domains_with_account() is
  'After an account is renamed, gives its domains the new sort key (lower(name)).';

create trigger accounts_rename_domains after update of name on public.accounts
  for each row when (lower(old.name) is distinct from lower(new.name))
  execute function private.rename_domains_with_account();

revoke all on function private.set_domain_account_sort_name(), private.rename_domains_with_account()
  from public, anon, authenticated;

create or replace function private.search_account_ids(target_org uuid, prefix text, max_rows integer)
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
declare
  pattern text;
  wanted integer := least(greatest(coalesce(max_rows, 10), 1), 50);
begin
  if not private.is_member(target_org) then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  pattern := replace(replace(replace(lower(btrim(coalesce(prefix, ''))), '\', '\\'), '%', '\%'), '_', '\_');
  if pattern = '' then
    return '{}';
  end if;
  return array(
    select hit.id from (
      (
        select a.id, lower(a.name) as sort_name
        from public.accounts a
        where a.org_id = target_org and lower(a.name) like pattern || '%'
        order by lower(a.name), a.id
        limit wanted
      )
      union
      (
        -- Each account once (it may have several matching domains), then the first by name.
        select d.account_id, d.account_sort_name
        from public.account_domains d
        where d.org_id = target_org and d.domain like pattern || '%'
        group by d.account_id, d.account_sort_name
        order by d.account_sort_name, d.account_id
        limit wanted
      )
    ) hit
    order by hit.sort_name, hit.id
    limit wanted
  );
end;
$$;
comment on function private.search_account_ids(uuid, text, integer) is
  'The ids of the organization''s accounts whose name or one of whose domains starts with the '
  'prefix, by name; at most max_rows (1-50, 10 when null). Members only. Reads only the '
  'organization''s matches, the domains'' from their index alone (with each account''s sort '
  'key), so its cost does not grow with the other organizations on the server. Planned per '
  'call (plan_cache_mode).';

revoke all on function private.search_account_ids(uuid, text, integer) from public, anon, authenticated;
grant execute on function private.search_account_ids(uuid, text, integer) to authenticated, service_role;
