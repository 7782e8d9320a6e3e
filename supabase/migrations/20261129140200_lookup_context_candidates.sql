-- lookup_context learns names (DESIGN.md, "One customer, one record"): with full_name, the
-- answer also has `candidates`, contacts of the same name (ignoring case, accents and extra
-- spaces) that the addresses and profile did not match, so the sidebar can ask "Is this Mia
-- Schmidt?". Matches now also come through a contact's further addresses and profiles
-- (contact_identities). Still read-only: nothing about the question is written anywhere.
--
-- The three-argument version is dropped rather than overloaded: PostgREST picks a function by
-- its argument names, and two versions that both accept (emails, linkedin_url, org_id) would be
-- ambiguous. With full_name defaulting to null, calls with and without it reach this one.
--
-- Candidates by name at scale. Under row level security Postgres cannot use the
-- (org_id, name_key(full_name)) index: name_key is not leakproof, so the filter waits for the
-- policy and every contact of the organization is folded (1.2 s at 50k contacts, measured on
-- PGlite). A definer helper that checks membership itself finds the ids by the index; the
-- rows are then read as the caller, as before.

drop function public.lookup_context(text[], text, uuid);

create function private.namesake_ids(target_orgs uuid[], wanted_name text, exclude uuid[])
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array(
    select c.id from public.contacts c
    where wanted_name is not null
      and c.org_id = any (target_orgs)
      and c.org_id in (select private.member_org_ids())
      and private.name_key(c.full_name) = wanted_name
      and not c.id = any (coalesce(exclude, '{}'))
    order by c.created_at, c.id
    limit 10
  ), '{}')
$$;
comment on function private.namesake_ids(uuid[], text, uuid[]) is
  'Up to 10 contacts, of the given organizations the caller belongs to, whose folded name '
  '(private.name_key) is wanted_name, leaving out the excluded ids. Read through the '
  'contacts_org_id_name_key_idx index; for lookup_context''s candidates.';

revoke all on function private.namesake_ids(uuid[], text, uuid[]) from public, anon, authenticated;
grant execute on function private.namesake_ids(uuid[], text, uuid[]) to authenticated, service_role;

create function public.lookup_context(
  emails text[], linkedin_url text, org_id uuid default null, full_name text default null
)
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
  -- No contact's name is longer than 200 characters, so a longer one matches nobody.
  wanted_name text := case when char_length(lookup_context.full_name) <= 200
    then private.name_key(lookup_context.full_name) end;
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

  -- By the contact's own address or profile, or by a further one (merged or linked).
  select coalesce(array_agg(distinct hit.id), '{}') into contact_ids
  from (
    select c.id from public.contacts c
    where c.org_id = any (scope)
      and (c.email = any (wanted_emails) or lower(c.linkedin_url) = lower(wanted_profile))
    union
    select i.contact_id from public.contact_identities i
    where i.org_id = any (scope)
      and (i.email = any (wanted_emails) or lower(i.linkedin_url) = lower(wanted_profile))
  ) hit;

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
        -- bound, so that an account with years of history answers as fast as a new one. The
        -- grouping makes each colleague one row with when they last filed; nothing is counted.
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

  -- Someone of the same name the lookup did not match: the sidebar asks "Is this ...?" and
  -- never links them by itself. Only when a name was given, so older callers see no change.
  if lookup_context.full_name is not null then
    result := result || jsonb_build_object('candidates', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', c.id, 'org_id', c.org_id, 'full_name', c.full_name, 'email', c.email,
        'linkedin_url', c.linkedin_url, 'account_id', c.account_id, 'account_name', a.name
      ) order by c.full_name, c.id)
      from public.contacts c
      left join public.accounts a on a.id = c.account_id
      where c.id = any (private.namesake_ids(scope, wanted_name, contact_ids))
    ), '[]'::jsonb));
  end if;

  return result;
end;
$$;
comment on function public.lookup_context(text[], text, uuid, text) is
  'For the sidebar: given the email addresses or LinkedIn profile in view, returns the matching '
  'contacts (by their own or further addresses and profiles) and accounts, the latest 10 entries '
  'about them, the colleagues who filed about them (with when they last did), and, given '
  'full_name, up to 10 candidates: contacts of that name not matched otherwise (id, full_name, '
  'email, linkedin_url, account_id, account_name). Read-only: the question is not logged '
  'anywhere. Searches all the caller''s organizations unless org_id is given.';

revoke all on function public.lookup_context(text[], text, uuid, text) from public, anon, authenticated;
grant execute on function public.lookup_context(text[], text, uuid, text) to authenticated, service_role;
