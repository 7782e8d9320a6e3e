-- Importing who the customers are from another CRM's export (Settings → Import): accounts
-- and contacts only. An import says who the customers are, never what anyone did, so it never
-- creates an entry and writes nothing about the person importing beyond created_by.
--
-- Matching follows filing: accounts by domain, then by name ignoring case; contacts by email,
-- then LinkedIn profile, their further identities included. What a record lacks is filled in,
-- nothing is overwritten, and free-mail domains never attach to an account.
--
-- The work is set-based (5,000 rows per call, 50,000 in ten calls): every statement changes
-- only what is missing, so the same file twice writes nothing the second time, and rows of one
-- file about the same company or person land on one record, as if filed one by one in order.

create function private.import_records(target_org uuid, import_rows jsonb, dry_run boolean)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  caller_role text;
  result jsonb;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  if target_org is null then
    perform private.refuse('org_id', 'is required');
  end if;
  select m.role into caller_role from public.memberships m where m.org_id = target_org and m.user_id = caller;
  if caller_role is null then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  if caller_role not in ('admin', 'manager') then
    raise exception 'org_id: only admins and managers of this organization import records' using errcode = '42501';
  end if;
  if import_rows is null or jsonb_typeof(import_rows) <> 'array' then
    perform private.refuse('rows', 'must be an array of rows');
  end if;
  if jsonb_array_length(import_rows) > 5000 then
    perform private.refuse('rows', 'at most 5000 rows at a time; send the rest in another call');
  end if;

  -- A dry run does all of the work below and then rolls it back: its answer is exactly what
  -- the import would do, and it writes nothing.
  begin
    -- The organization's filing lock: filings and imports take turns on who is who.
    perform pg_advisory_xact_lock(hashtextextended('highcard.file_interaction:' || target_org::text, 0));

    drop table if exists pg_temp.import_rows, pg_temp.import_domains, pg_temp.import_profiles;
    create temporary table import_rows on commit drop as
    select
      (n - 1)::integer as idx,
      jsonb_typeof(r) = 'object' as is_object,
      nullif(private.trim_text(r ->> 'account_name'), '') as account_name,
      nullif(regexp_replace(lower(private.trim_text(r ->> 'domain')), '^www\.', ''), '') as domain,
      nullif(private.trim_text(r ->> 'full_name'), '') as full_name,
      nullif(lower(private.trim_text(r ->> 'email')), '') as email,
      nullif(private.trim_text(r ->> 'linkedin_url'), '') as linkedin_text,
      null::text as linkedin_url,
      nullif(private.trim_text(r ->> 'title'), '') as title,
      null::text as reason,
      null::uuid as account_id,
      null::text as account_key,
      false as account_new,
      null::uuid as contact_id,
      null::text as contact_key,
      false as contact_new
    from jsonb_array_elements(import_rows) with ordinality as e(r, n);
    -- A temporary table has no statistics until analyzed: without them the joins below are
    -- planned as nested loops over thousands of rows.
    create index on pg_temp.import_rows (idx);
    create index on pg_temp.import_rows (account_key);
    create index on pg_temp.import_rows (contact_key);

    update pg_temp.import_rows set linkedin_url = private.canonical_linkedin_url(linkedin_text)
    where linkedin_text is not null;
    analyze pg_temp.import_rows;

    -- The first reason a row cannot go in, in the "<field>: <reason>" form of every refusal.
    update pg_temp.import_rows set reason = case
      when not is_object then 'row: must be an object with account_name and the contact''s details'
      when account_name is null then 'account_name: is required'
      when char_length(account_name) > 200 then 'account_name: at most 200 characters'
      when domain is not null and not private.is_domain(domain) then 'domain: is not a domain name such as acme.example'
      when email is not null and not private.is_email(email) then 'email: is not an email address'
      when linkedin_text is not null and linkedin_url is null then 'linkedin_url: is not a LinkedIn profile link (linkedin.com/in/…)'
      when full_name is not null and char_length(full_name) > 200 then 'full_name: at most 200 characters'
      when title is not null and char_length(title) > 200 then 'title: at most 200 characters'
      when full_name is not null and email is null and linkedin_url is null
        then 'email: a contact needs an email address or a LinkedIn profile'
      when full_name is null and (email is not null or linkedin_url is not null) then 'full_name: is required for a contact'
    end;

    -- A personal provider's domain says nothing about the company: it never attaches.
    update pg_temp.import_rows set domain = null
    where reason is null and domain is not null and private.is_free_mail_domain(domain);

    -- Accounts. Every statement below changes only what is missing, so rows that already match
    -- write nothing. Known domain first, then known name.
    update pg_temp.import_rows r set account_id = d.account_id
    from public.account_domains d
    where r.reason is null and d.org_id = target_org and d.domain = r.domain;
    update pg_temp.import_rows r set account_id = (
      select a.id from public.accounts a
      where a.org_id = target_org and lower(a.name) = lower(r.account_name)
      order by a.created_at, a.id limit 1
    )
    where r.reason is null and r.account_id is null;

    -- A domain new to the organization belongs to the account of the first row that names
    -- it; later rows with that domain land there too, as they would when filed one by one.
    create temporary table import_domains on commit drop as
    select distinct on (r.domain) r.domain, r.idx as owner_idx
    from pg_temp.import_rows r
    where r.reason is null and r.domain is not null
      and not exists (select 1 from public.account_domains d where d.org_id = target_org and d.domain = r.domain)
    order by r.domain, r.idx;
    update pg_temp.import_rows r set
      account_id = o.account_id,
      account_key = case when o.account_id is null then lower(o.account_name) end
    from pg_temp.import_domains d join pg_temp.import_rows o on o.idx = d.owner_idx
    where r.reason is null and r.domain = d.domain and r.idx <> d.owner_idx;
    update pg_temp.import_rows set account_key = lower(account_name)
    where reason is null and account_id is null and account_key is null;
    analyze pg_temp.import_rows;

    -- New accounts: one per name (ignoring case), spelled as the first row spells it.
    with names as (
      select distinct on (lower(r.account_name)) r.account_name
      from pg_temp.import_rows r
      where r.reason is null and lower(r.account_name) in (select k.account_key from pg_temp.import_rows k)
      order by lower(r.account_name), r.idx
    ), created as (
      insert into public.accounts (org_id, name, created_by)
      select target_org, names.account_name, caller from names
      returning id, lower(name) as account_key
    )
    update pg_temp.import_rows r set account_id = created.id, account_new = true
    from created where r.account_key = created.account_key;

    insert into public.account_domains (org_id, account_id, domain)
    select target_org, o.account_id, d.domain
    from pg_temp.import_domains d join pg_temp.import_rows o on o.idx = d.owner_idx;

    -- Contacts: known email first, then known LinkedIn profile.
    -- (Joins rather than private.contact_by_email per row: the same answer, in one pass.)
    update pg_temp.import_rows r set contact_id = known.id
    from (
      select c.email, c.id from public.contacts c where c.org_id = target_org and c.email is not null
      union all
      select i.email, i.contact_id from public.contact_identities i where i.org_id = target_org and i.email is not null
    ) known
    where r.reason is null and r.email = known.email;
    update pg_temp.import_rows r set contact_id = known.id
    from (
      select lower(c.linkedin_url) as profile, c.id from public.contacts c
      where c.org_id = target_org and c.linkedin_url is not null
      union all
      select lower(i.linkedin_url), i.contact_id from public.contact_identities i
      where i.org_id = target_org and i.linkedin_url is not null
    ) known
    where r.reason is null and r.contact_id is null and lower(r.linkedin_url) = known.profile;

    -- Known contacts get what they lack, from the first row that has it; an address or
    -- profile that leads to someone else is never taken.
    with offered as (
      select distinct on (r.email) r.contact_id, r.email, r.idx
      from pg_temp.import_rows r join public.contacts c on c.id = r.contact_id
      where r.email is not null and c.email is null and private.contact_by_email(target_org, r.email) is null
      order by r.email, r.idx
    ), chosen as (
      select distinct on (offered.contact_id) offered.contact_id, offered.email from offered order by offered.contact_id, offered.idx
    )
    update public.contacts c set email = chosen.email from chosen where c.id = chosen.contact_id;
    with offered as (
      select distinct on (lower(r.linkedin_url)) r.contact_id, r.linkedin_url, r.idx
      from pg_temp.import_rows r join public.contacts c on c.id = r.contact_id
      where r.linkedin_url is not null and c.linkedin_url is null
        and private.contact_by_profile(target_org, r.linkedin_url) is null
      order by lower(r.linkedin_url), r.idx
    ), chosen as (
      select distinct on (offered.contact_id) offered.contact_id, offered.linkedin_url from offered order by offered.contact_id, offered.idx
    )
    update public.contacts c set linkedin_url = chosen.linkedin_url from chosen where c.id = chosen.contact_id;
    update public.contacts c set
      title = coalesce(c.title, f.title),
      company = coalesce(c.company, f.company),
      account_id = coalesce(c.account_id, f.account_id)
    from (
      select r.contact_id,
        (array_agg(r.title order by r.idx) filter (where r.title is not null))[1] as title,
        (array_agg(r.account_name order by r.idx))[1] as company,
        (array_agg(r.account_id order by r.idx))[1] as account_id
      from pg_temp.import_rows r where r.contact_id is not null group by r.contact_id
    ) f
    where c.id = f.contact_id
      and ((c.title is null and f.title is not null) or c.company is null or c.account_id is null);

    -- What was just filled in may be what a later row is known by.
    update pg_temp.import_rows r set contact_id = coalesce(
      private.contact_by_email(target_org, r.email), private.contact_by_profile(target_org, r.linkedin_url))
    where r.reason is null and r.contact_id is null and (r.email is not null or r.linkedin_url is not null);

    -- New contacts: one per email address, or per profile for rows without one. A profile
    -- goes to the first person who names it, and rows known only by it are that person.
    update pg_temp.import_rows set contact_key = coalesce('e:' || email, 'l:' || lower(linkedin_url))
    where reason is null and contact_id is null and (email is not null or linkedin_url is not null);
    analyze pg_temp.import_rows;
    create temporary table import_profiles on commit drop as
    select distinct on (owned.contact_key) owned.contact_key, owned.linkedin_url
    from (
      select distinct on (lower(r.linkedin_url)) r.contact_key, r.linkedin_url, r.idx
      from pg_temp.import_rows r
      where r.contact_key like 'e:%' and r.linkedin_url is not null
      order by lower(r.linkedin_url), r.idx
    ) owned
    order by owned.contact_key, owned.idx;
    update pg_temp.import_rows r set contact_key = p.contact_key
    from pg_temp.import_profiles p
    where r.contact_key = 'l:' || lower(p.linkedin_url);
    analyze pg_temp.import_rows;

    with people as (
      select r.contact_key,
        (array_agg(r.account_id order by r.idx))[1] as account_id,
        (array_agg(r.account_name order by r.idx))[1] as account_name,
        (array_agg(r.full_name order by r.idx))[1] as full_name,
        (array_agg(r.linkedin_url order by r.idx))[1] as linkedin_url,
        (array_agg(r.title order by r.idx) filter (where r.title is not null))[1] as title
      from pg_temp.import_rows r where r.contact_key is not null
      group by r.contact_key
    ), created as (
      insert into public.contacts (org_id, account_id, full_name, email, linkedin_url, title, company, created_by)
      select target_org, p.account_id, p.full_name,
        case when p.contact_key like 'e:%' then substr(p.contact_key, 3) end,
        case when p.contact_key like 'e:%' then x.linkedin_url else p.linkedin_url end,
        p.title, p.account_name, caller
      from people p left join pg_temp.import_profiles x on x.contact_key = p.contact_key
      returning id, coalesce('e:' || email, 'l:' || lower(linkedin_url)) as contact_key
    )
    update pg_temp.import_rows r set contact_id = created.id, contact_new = true
    from created where r.contact_key = created.contact_key;

    select jsonb_build_object(
      'accounts_new', count(distinct r.account_id) filter (where r.account_new),
      'accounts_matched', count(distinct r.account_id) filter (where not r.account_new),
      'contacts_new', count(distinct r.contact_id) filter (where r.contact_new),
      'contacts_matched', count(distinct r.contact_id) filter (where not r.contact_new),
      'skipped', coalesce(jsonb_agg(jsonb_build_object('row', r.idx, 'reason', r.reason) order by r.idx)
                          filter (where r.reason is not null), '[]'::jsonb)
    ) into result
    from pg_temp.import_rows r;

    drop table pg_temp.import_rows, pg_temp.import_domains, pg_temp.import_profiles;
    if dry_run then
      raise exception using errcode = 'HCDRY';
    end if;
  exception when sqlstate 'HCDRY' then
    -- The dry run's writes are undone here; its answer was kept in result.
    null;
  end;
  return result;
end;
$$;
comment on function private.import_records(uuid, jsonb, boolean) is
  'Does the work of public.import_records for an admin or manager of the organization.';

create function public.import_records(org_id uuid, rows jsonb, dry_run boolean default false)
returns jsonb
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.import_records(import_records.org_id, import_records.rows, coalesce(import_records.dry_run, false))
$$;
comment on function public.import_records(uuid, jsonb, boolean) is
  'Admins and managers bring in accounts and contacts from another CRM''s export: rows is an '
  'array of at most 5000 { account_name, domain?, full_name?, email?, linkedin_url?, title? }. '
  'Accounts match by domain, then by name ignoring case; contacts by email, then LinkedIn '
  'profile. Blanks are filled, nothing is overwritten, no entry is ever created, free-mail '
  'domains never attach to an account, and the same rows twice change nothing the second time. '
  'Returns { accounts_new, accounts_matched, contacts_new, contacts_matched, skipped: '
  '[{ row, reason }] } where row is the index in rows. With dry_run it answers the same and '
  'writes nothing.';

revoke all on function private.import_records(uuid, jsonb, boolean), public.import_records(uuid, jsonb, boolean)
  from public, anon, authenticated;
grant execute on function private.import_records(uuid, jsonb, boolean), public.import_records(uuid, jsonb, boolean)
  to authenticated, service_role;
