-- Faster reads, measured by `npm run bench:db` at 1M entries (see README, Benchmarks).
--
-- 1. account_timeline no longer sorts itself. A view with its own ORDER BY cannot be merged
--    into the reader's query, so PostgREST's `order ... limit 50` sorted an account's every
--    entry first (105 ms for an account with 10k entries; 9 ms without). Read it newest first
--    with `order by occurred_at desc, id desc`, which interactions_account_timeline_idx serves.
-- 2. lookup_context picks its candidate accounts and its latest ten entries by id first,
--    names who to ask from the latest 500 entries, and leaves contact and 90-day signal
--    counts to account_overview (the sidebar does not show them).
-- 3. search_accounts: a name or domain prefix search that can use the prefix indexes. Under
--    row level security Postgres will not push a LIKE filter into an index (the operators are
--    not leakproof), so a PostgREST ilike filter reads the whole organization's accounts.

create or replace view public.account_timeline
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
where i.retracted_at is null;

comment on view public.account_timeline is
  'Every entry the reader can see, with its account, contact and author; retracted entries are '
  'left out. Read it newest first: order by occurred_at desc, id desc (indexed). Page through '
  'an account with account_id = ... and (occurred_at, id) < (the last row seen).';

create or replace function public.lookup_context(emails text[], linkedin_url text, org_id uuid default null)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  wanted_emails text[];
  wanted_domains text[];
  wanted_profile text := private.canonical_linkedin_url(lookup_context.linkedin_url);
  scope uuid[];
  contact_ids uuid[];
  account_ids uuid[];
  result jsonb;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  if cardinality(lookup_context.emails) > 100 then
    perform private.refuse('emails', 'at most 100 addresses at a time');
  end if;

  select array_agg(m.org_id) into scope
  from public.memberships m
  where m.user_id = caller
    and (lookup_context.org_id is null or m.org_id = lookup_context.org_id);
  if lookup_context.org_id is not null and scope is null then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;

  select coalesce(array_agg(distinct lower(private.trim_text(e))), '{}') into wanted_emails
  from unnest(coalesce(lookup_context.emails, '{}')) as e
  where private.is_email(lower(private.trim_text(e)));

  select coalesce(array_agg(distinct split_part(e, '@', 2)), '{}') into wanted_domains
  from unnest(wanted_emails) as e
  where not private.is_free_mail_domain(split_part(e, '@', 2));

  select coalesce(array_agg(c.id), '{}') into contact_ids
  from public.contacts c
  where c.org_id = any (scope)
    and (c.email = any (wanted_emails) or lower(c.linkedin_url) = lower(wanted_profile));

  -- Candidate ids first, then the accounts: an OR of two IN lists scanned every account.
  select coalesce(array_agg(a.id), '{}') into account_ids
  from public.accounts a
  where a.org_id = any (scope)
    and a.id = any (array(
      select c.account_id from public.contacts c
      where c.id = any (contact_ids) and c.account_id is not null
      union
      select d.account_id from public.account_domains d
      where d.org_id = any (scope) and d.domain = any (wanted_domains)
    ));

  select jsonb_build_object(
    'contacts', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', c.id, 'org_id', c.org_id, 'account_id', c.account_id, 'full_name', c.full_name,
        'email', c.email, 'linkedin_url', c.linkedin_url, 'title', c.title, 'company', c.company
      ) order by c.full_name, c.id)
      from public.contacts c
      where c.id = any (contact_ids)
    ), '[]'::jsonb),
    'accounts', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', o.account_id, 'org_id', o.org_id, 'name', o.name, 'domains', o.domains,
        'last_activity_at', o.last_activity_at
      ) order by o.name, o.account_id)
      from (
        -- What the sidebar shows of an account; contact and signal counts stay in
        -- account_overview for the popup, which reads one account at a time.
        select a.org_id, a.id as account_id, a.name,
          coalesce((select array_agg(d.domain order by d.domain) from public.account_domains d
                    where d.account_id = a.id), '{}'::text[]) as domains,
          (select i.occurred_at from public.interactions i
           where i.account_id = a.id and i.retracted_at is null
           order by i.occurred_at desc, i.id desc limit 1) as last_activity_at
        from public.accounts a
        where a.id = any (account_ids)
      ) o
    ), '[]'::jsonb),
    'entries', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', t.id, 'org_id', t.org_id, 'account_id', t.account_id, 'account_name', t.account_name,
        'contact_id', t.contact_id, 'contact_name', t.contact_name, 'kind', t.kind,
        'title', t.title, 'body', t.body, 'signals', t.signals, 'occurred_at', t.occurred_at,
        'source_url', t.source_url, 'source_ref', i.source_ref, 'author_id', t.author_id,
        'created_at', t.created_at,
        'author_display_name', t.author_display_name, 'author_department', t.author_department,
        'revision_count', t.revision_count
      ) order by t.occurred_at desc, t.id desc)
      from (
        -- The latest ten ids straight from the entries' indexes, then their timeline rows.
        select * from public.account_timeline t
        where t.id = any (array(
          select i.id from public.interactions i
          where i.retracted_at is null
            and i.org_id = any (scope)
            and (i.contact_id = any (contact_ids) or i.account_id = any (account_ids))
          order by i.occurred_at desc, i.id desc
          limit 10
        ))
      ) t
      -- source_ref lets the sidebar mark a message or profile the team already filed.
      join public.interactions i on i.id = t.id
    ), '[]'::jsonb),
    'people', coalesce((
      select jsonb_agg(jsonb_build_object(
        'user_id', p.user_id, 'org_id', p.org_id, 'display_name', p.display_name,
        'department', p.department, 'last_filed_at', p.last_filed_at
      ) order by p.last_filed_at desc, p.display_name)
      from (
        -- Who to ask: the colleagues behind the latest 500 entries about these people. A
        -- bound, so that an account with years of history answers as fast as a new one.
        select m.user_id, m.org_id, m.display_name, m.department, max(i.created_at) as last_filed_at
        from (
          select i.org_id, i.author_id, i.created_at
          from public.interactions i
          where i.retracted_at is null
            and i.org_id = any (scope)
            and (i.contact_id = any (contact_ids) or i.account_id = any (account_ids))
          order by i.occurred_at desc, i.id desc
          limit 500
        ) i
        join public.memberships m on m.org_id = i.org_id and m.user_id = i.author_id
        group by m.user_id, m.org_id, m.display_name, m.department
      ) p
    ), '[]'::jsonb)
  ) into result;

  return result;
end;
$$;

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
