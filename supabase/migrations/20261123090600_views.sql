-- Views for the popup, the sidebar and managers in the dashboard. They run with the reader's
-- own rights (security_invoker), so row level security decides what each person sees.
-- Aggregates are about customers: per account, per signal, per week, never per person
-- (pact rule 3).

-- No ORDER BY here: a view that sorts itself cannot merge into the reader's query, so
-- PostgREST's `order ... limit 50` would sort an account's whole history for every page.
create view public.account_timeline
with (security_invoker = true)
as
select
  i.id,
  i.org_id,
  i.account_id,
  a.name as account_name,
  i.contact_id,
  c.full_name as contact_name,
  i.kind,
  i.title,
  i.body,
  i.signals,
  i.occurred_at,
  private.own_source_url(i.id) as source_url,
  i.author_id,
  m.display_name as author_display_name,
  m.department as author_department,
  (select count(*) from public.interaction_revisions r where r.interaction_id = i.id)::integer as revision_count,
  i.created_at,
  i.updated_at
from public.interactions i
left join public.accounts a on a.id = i.account_id
left join public.contacts c on c.id = i.contact_id
left join public.memberships m on m.org_id = i.org_id and m.user_id = i.author_id
where i.retracted_at is null;

comment on view public.account_timeline is
  'Every entry the reader can see, with its account, contact and author; retracted entries are '
  'left out. Read it newest first: order by occurred_at desc, id desc (indexed). Page through '
  'an account with account_id = ... and (occurred_at, id) < (the last row seen).';
comment on column public.account_timeline.source_url is
  'Link back to the source, shown only to the entry''s author (it opens their own mailbox).';
comment on column public.account_timeline.author_department is
  'The author''s department, so readers know whom to ask. A label, not a filter.';
comment on column public.account_timeline.revision_count is
  'How many times this entry has been edited; earlier versions are in interaction_revisions.';

create view public.account_overview
with (security_invoker = true)
as
select
  a.org_id,
  a.id as account_id,
  a.name,
  coalesce(
    (select array_agg(d.domain order by d.domain) from public.account_domains d where d.account_id = a.id),
    '{}'::text[]
  ) as domains,
  (
    select max(i.occurred_at) from public.interactions i
    where i.account_id = a.id and i.retracted_at is null
  ) as last_activity_at,
  (select count(*) from public.contacts c where c.account_id = a.id)::integer as contact_count,
  coalesce((
    select jsonb_object_agg(s.signal, s.entries order by s.signal)
    from (
      select tag.signal, count(*) as entries
      from public.interactions i
      cross join lateral unnest(i.signals) as tag(signal)
      where i.account_id = a.id
        and i.retracted_at is null
        and i.occurred_at >= now() - interval '90 days'
      group by tag.signal
    ) s
  ), '{}'::jsonb) as signals_90d
from public.accounts a;

comment on view public.account_overview is
  'One row per account: its domains, when the customer was last heard from, how many contacts '
  'we know there, and which signals they gave in the last 90 days.';
comment on column public.account_overview.last_activity_at is 'When the latest visible entry about this account happened.';
comment on column public.account_overview.contact_count is 'How many people at this account are known.';
comment on column public.account_overview.signals_90d is
  'Signals in entries from the last 90 days, as { "signal": number of entries }.';

create view public.signal_trends
with (security_invoker = true)
as
select
  i.org_id,
  date_trunc('week', i.occurred_at at time zone 'UTC')::date as week,
  tag.signal,
  count(*)::integer as entries,
  count(distinct i.account_id)::integer as accounts
from public.interactions i
cross join lateral unnest(i.signals) as tag(signal)
where i.retracted_at is null
group by i.org_id, date_trunc('week', i.occurred_at at time zone 'UTC')::date, tag.signal;

comment on view public.signal_trends is
  'What customers are telling us, week by week: for each signal, how many entries carried it '
  'and from how many accounts. About customers, never about who filed.';
comment on column public.signal_trends.week is 'The Monday (UTC) starting the week in which the customer said it.';
comment on column public.signal_trends.entries is 'Entries with this signal that week.';
comment on column public.signal_trends.accounts is 'Distinct accounts those entries were about.';

revoke all on public.account_timeline, public.account_overview, public.signal_trends
  from public, anon, authenticated;
grant select on public.account_timeline, public.account_overview, public.signal_trends
  to authenticated, service_role;

-- Account search for the popup. Under row level security Postgres will not push a LIKE
-- filter into an index (the operators are not leakproof), so a PostgREST ilike filter reads
-- every account of the organization; this definer function can use the prefix indexes.
create function private.search_account_ids(target_org uuid, prefix text, max_rows integer)
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  pattern text;
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
      select a.id, lower(a.name) as sort_name
      from public.accounts a
      where a.org_id = target_org and lower(a.name) like pattern || '%'
      union
      select a.id, lower(a.name)
      from public.account_domains d
      join public.accounts a on a.id = d.account_id
      where d.org_id = target_org and d.domain like pattern || '%'
    ) hit
    order by hit.sort_name, hit.id
    limit least(greatest(coalesce(max_rows, 10), 1), 50)
  );
end;
$$;
comment on function private.search_account_ids(uuid, text, integer) is
  'The ids of the organization''s accounts whose name or one of whose domains starts with the '
  'prefix, by name. Members only.';

create function public.search_accounts(org_id uuid, prefix text, max_rows integer default 10)
returns setof public.account_overview
language sql
stable
security invoker
set search_path = ''
as $$
  select o.*
  from public.account_overview o
  where o.account_id = any (private.search_account_ids(search_accounts.org_id, search_accounts.prefix, search_accounts.max_rows))
  order by lower(o.name), o.account_id
$$;
comment on function public.search_accounts(uuid, text, integer) is
  'Account search for the popup: accounts of the organization whose name or a domain starts '
  'with the prefix (any case), as account_overview rows, by name. At most 50.';

revoke all on function private.search_account_ids(uuid, text, integer), public.search_accounts(uuid, text, integer)
  from public, anon, authenticated;
grant execute on function private.search_account_ids(uuid, text, integer), public.search_accounts(uuid, text, integer)
  to authenticated, service_role;
