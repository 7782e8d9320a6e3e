-- lookup_context's who to ask read the memberships of every author of the latest 500 entries
-- (228 for the largest organization of bench:db at 10M) and then kept the 20 who filed most
-- recently. Each author's last filing is now taken from the entries already in memory, and
-- memberships are read in that order only until 20 colleagues are found, an author without a
-- membership passed over as before; ties with the 20th are read too and ordered by name, so
-- the answer is the same. The function is otherwise that of 20261208100200.

create or replace function private.lookup_context_for(
  emails text[], linkedin_url text, org_id uuid, full_name text
)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
-- Planned once per connection: every read below is by key (see the header), so one plan
-- serves the largest organization and the smallest alike.
set plan_cache_mode = force_generic_plan
as $$
declare
  caller uuid := auth.uid();
  scope uuid[];
  wanted_emails text[];
  wanted_domains text[];
  wanted_profile text := private.canonical_linkedin_url(lookup_context_for.linkedin_url);
  -- No contact's name is longer than 200 characters, so a longer one matches nobody.
  wanted_name text := case when char_length(lookup_context_for.full_name) <= 200
    then private.name_key(lookup_context_for.full_name) end;
  contact_ids uuid[];
  account_ids uuid[];
  result jsonb;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  if cardinality(lookup_context_for.emails) > 100 then
    perform private.refuse('emails', 'at most 100 addresses at a time');
  end if;

  -- The one membership check: every read below is limited to these organizations.
  scope := array(
    select m.org_id from public.memberships m
    where m.user_id = caller
      and (lookup_context_for.org_id is null or m.org_id = lookup_context_for.org_id)
  );
  if lookup_context_for.org_id is not null and cardinality(scope) = 0 then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  if cardinality(scope) = 0 then
    scope := null;
  end if;

  wanted_emails := array(
    select distinct lower(private.trim_text(e))
    from unnest(coalesce(lookup_context_for.emails, '{}')) as e
    where private.is_email(lower(private.trim_text(e)))
  );
  wanted_domains := array(
    select distinct split_part(e, '@', 2) from unnest(wanted_emails) as e
    where not private.is_free_mail_domain(split_part(e, '@', 2))
  );

  -- By the contact's own address or profile, or by a further one (merged or linked).
  contact_ids := array(
    select c.id from public.contacts c
    where c.org_id = any (scope)
      and (c.email = any (wanted_emails) or lower(c.linkedin_url) = lower(wanted_profile))
    union
    select i.contact_id from public.contact_identities i
    where i.org_id = any (scope)
      and (i.email = any (wanted_emails) or lower(i.linkedin_url) = lower(wanted_profile))
  );

  account_ids := array(
    select c.account_id from public.contacts c
    where c.id = any (contact_ids) and c.account_id is not null
    union
    select d.account_id from public.account_domains d
    where d.org_id = any (scope) and d.domain = any (wanted_domains)
  );

  with latest as (
    -- The latest 500 live entries about these people, newest first: each contact's and each
    -- account's own newest 500 straight from the timeline indexes, then merged, so an account
    -- with years of history answers as fast as a new one. The ids are of the caller's
    -- organizations already, and an entry shares its contact's and account's organization
    -- (composite foreign keys), so the timeline indexes are read without an organization
    -- filter (with one, the planner ANDed in every entry of the organization).
    select e.id, e.org_id, e.author_id, e.created_at, e.occurred_at
    from (
      select i.id, i.org_id, i.author_id, i.created_at, i.occurred_at
      from unnest(contact_ids) as k(id)
      cross join lateral (
        select i.id, i.org_id, i.author_id, i.created_at, i.occurred_at
        from public.interactions i
        where i.contact_id = k.id and i.retracted_at is null
        order by i.occurred_at desc, i.id desc
        limit 500
      ) i
      union
      select i.id, i.org_id, i.author_id, i.created_at, i.occurred_at
      from unnest(account_ids) as k(id)
      cross join lateral (
        select i.id, i.org_id, i.author_id, i.created_at, i.occurred_at
        from public.interactions i
        where i.account_id = k.id and i.retracted_at is null
        order by i.occurred_at desc, i.id desc
        limit 500
      ) i
    ) e
    order by e.occurred_at desc, e.id desc
    limit 500
  )
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
      -- What the sidebar shows of an account; contact and signal counts stay in
      -- account_overview for the popup, which reads one account at a time.
      select jsonb_agg(jsonb_build_object(
        'id', a.id, 'org_id', a.org_id, 'name', a.name,
        'domains', coalesce((
          select array_agg(d.domain order by d.domain) from public.account_domains d
          where d.account_id = a.id
        ), '{}'::text[]),
        'last_activity_at', (
          select i.occurred_at from public.interactions i
          where i.account_id = a.id and i.retracted_at is null
          order by i.occurred_at desc, i.id desc limit 1
        )
      ) order by a.name, a.id)
      from public.accounts a
      where a.id = any (account_ids) and a.org_id = any (scope)
    ), '[]'::jsonb),
    'entries', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', t.id, 'org_id', t.org_id, 'account_id', t.account_id, 'account_name', t.account_name,
        'contact_id', t.contact_id, 'contact_name', t.contact_name, 'kind', t.kind,
        'title', t.title, 'body', t.body, 'signals', t.signals, 'occurred_at', t.occurred_at,
        -- The link is the caller's own only, as the view's source_url gives it
        -- (private.own_source_url, a security definer function called once per row).
        'source_url', case when t.author_id = caller then i.source_url end,
        'source_ref', i.source_ref, 'author_id', t.author_id, 'created_at', t.created_at,
        'author_display_name', t.author_display_name, 'author_department', t.author_department,
        'revision_count', t.revision_count
      ) order by t.occurred_at desc, t.id desc)
      -- The timeline's own rows for the latest ten (it leaves retracted entries out).
      from public.account_timeline t
      -- source_ref lets the sidebar mark a message or profile the team already filed.
      join public.interactions i on i.id = t.id
      where t.id = any (array(select l.id from latest l order by l.occurred_at desc, l.id desc limit 10))
    ), '[]'::jsonb),
    'people', coalesce((
      -- Who to ask: the 20 colleagues who filed most recently among the latest 500 entries.
      select jsonb_agg(jsonb_build_object(
        'user_id', p.user_id, 'org_id', p.org_id, 'display_name', p.display_name,
        'department', p.department, 'last_filed_at', p.last_filed_at
      ) order by p.last_filed_at desc, p.display_name, p.user_id, p.org_id)
      from (
        select p.* from (
          -- Each author's memberships read newest filing first, and only until 20 colleagues
          -- are found (with any tied with the 20th, whom their names then order): an author
          -- who left the organization is passed over as before.
          select m.user_id, m.org_id, m.display_name, m.department, a.last_filed_at
          from (
            -- One row per colleague (the entry's author) with when they last filed, from the
            -- entries in memory; the grouping makes each colleague one row, nothing is counted.
            select l.org_id, l.author_id as user_id, max(l.created_at) as last_filed_at
            from latest l
            group by l.org_id, user_id
            order by last_filed_at desc
          ) a
          cross join lateral (
            select m.user_id, m.org_id, m.display_name, m.department
            from public.memberships m
            where m.org_id = a.org_id and m.user_id = a.user_id and m.org_id = any (scope)
            -- A colleague has one membership per organization: the limit only keeps this a
            -- probe by key per author (joined flat, every member of the organization was
            -- read and hashed).
            limit 1
          ) m
          order by a.last_filed_at desc
          fetch first 20 rows with ties
        ) p
        order by p.last_filed_at desc, p.display_name, p.user_id, p.org_id
        limit 20
      ) p
    ), '[]'::jsonb),
    'open_steps', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', s.id, 'org_id', s.org_id, 'account_id', s.account_id, 'side', s.side, 'body', s.body,
        'due_on', s.due_on, 'contact_id', s.contact_id, 'contact_name', c.full_name,
        'taken_by', s.taken_by, 'taken_by_display_name', tm.display_name, 'author_id', s.author_id,
        'source_interaction_id', (
          select i.id from public.interactions i
          where i.id = s.source_interaction_id and i.retracted_at is null
        )
      ) order by s.due_on nulls last, s.id)
      -- What is open with each account before the rep replies: its five soonest steps, both
      -- sides, straight from the open steps' index.
      from unnest(account_ids) as k(id)
      cross join lateral (
        select p.* from public.plan_items p
        where p.account_id = k.id and p.kind = 'step' and p.settled_at is null
          and p.org_id = any (scope)
        order by p.due_on nulls last, p.id
        limit 5
      ) s
      left join public.contacts c on c.id = s.contact_id
      left join public.memberships tm on tm.org_id = s.org_id and tm.user_id = s.taken_by
    ), '[]'::jsonb)
  ) into result;

  -- Someone of the same name the lookup did not match: the sidebar asks "Is this ...?" and
  -- never links them by itself. Only when a name was given, so older callers see no change.
  if lookup_context_for.full_name is not null then
    result := result || jsonb_build_object('candidates', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', c.id, 'org_id', c.org_id, 'full_name', c.full_name, 'email', c.email,
        'linkedin_url', c.linkedin_url, 'account_id', c.account_id, 'account_name', a.name
      ) order by c.full_name, c.id)
      -- The first ten of each organization straight from the name index, in the order shown,
      -- then the first ten of those: a common name reads ten contacts, not all who have it.
      from (
        select c.* from unnest(scope) as s(org_id)
        cross join lateral (
          select c.* from public.contacts c
          where c.org_id = s.org_id
            and private.name_key(c.full_name) = wanted_name
            and not c.id = any (contact_ids)
          order by c.created_at, c.id
          limit 10
        ) c
        where wanted_name is not null
        order by c.created_at, c.id
        limit 10
      ) c
      left join public.accounts a on a.id = c.account_id
    ), '[]'::jsonb));
  end if;

  return result;
end;
$$;

comment on function private.lookup_context_for(text[], text, uuid, text) is
  'lookup_context''s reads, past row level security: checks once that the caller is signed in '
  'and a member (of org_id when given, refusing otherwise with 42501), then reads only the '
  'caller''s organizations, each read by key, with plans made once per connection. Leaves out '
  'retracted entries and gives source_url only for the caller''s own entries, as row level '
  'security and the column grant do; who to ask is the 20 colleagues who filed most recently, '
  'whose memberships are read newest filing first until 20 are found. Read-only.';

revoke all on function private.lookup_context_for(text[], text, uuid, text) from public, anon, authenticated;
grant execute on function private.lookup_context_for(text[], text, uuid, text) to authenticated, service_role;
