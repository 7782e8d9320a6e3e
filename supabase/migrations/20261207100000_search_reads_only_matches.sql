-- Account search reads the matches of one organization and nothing else.
--
-- On one server shared by 1,000 organizations (bench:db, 10M entries) the popup's search for
-- the largest organization (13k accounts) took 53 ms through the API and grew 3x against the
-- same search at 100k entries. Its plan: the domain half found the 585 domains starting with
-- the prefix in the organization's own index (0.4 ms), then joined them to `accounts` by
-- hashing every account of every organization (a sequential scan of 100k rows, 33 ms): with
-- Debian's random_page_cost = 4 the planner prefers one scan to 585 index probes, and the
-- scan grows with the whole server. Here the name of each matched domain's account is read by
-- its primary key, one probe per match, so the search costs what the organization's matches
-- cost, however many teams share the server. The name half stops at the first max_rows names
-- it needs, since only those can make the page.
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
        -- A scalar sub-select, not a join: one primary-key probe per matched domain.
        select d.account_id,
               (select lower(a.name) from public.accounts a where a.id = d.account_id and a.org_id = target_org)
        from public.account_domains d
        where d.org_id = target_org and d.domain like pattern || '%'
      )
    ) hit
    where hit.sort_name is not null
    order by hit.sort_name, hit.id
    limit wanted
  );
end;
$$;
comment on function private.search_account_ids(uuid, text, integer) is
  'The ids of the organization''s accounts whose name or one of whose domains starts with the '
  'prefix, by name; at most max_rows (1-50, 10 when null). Members only. Reads only the '
  'organization''s matches (each matched domain''s account by its key), so its cost does not '
  'grow with the other organizations on the server. Planned per call (plan_cache_mode).';

revoke all on function private.search_account_ids(uuid, text, integer) from public, anon, authenticated;
grant execute on function private.search_account_ids(uuid, text, integer) to authenticated, service_role;
