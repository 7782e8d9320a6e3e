-- Views for the popup, the sidebar and managers in the dashboard. They run with the reader's
-- own rights (security_invoker), so row level security decides what each person sees.
-- Aggregates are about customers: per account, per signal, per week, never per person
-- (pact rule 3).

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
  case when i.author_id = (select auth.uid()) then i.source_url end as source_url,
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
where i.retracted_at is null
order by i.occurred_at desc, i.id desc;

comment on view public.account_timeline is
  'Every entry the reader can see, newest first, with its account, contact and author. '
  'Retracted entries are left out. Page through an account with account_id = ... and '
  '(occurred_at, id) < (last seen) ordered by occurred_at desc, id desc.';
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
