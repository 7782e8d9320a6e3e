-- One customer, one record (DESIGN.md): a person met by email and on LinkedIn, or a company
-- known under two names, must not split the team's context. Matching is never guessed
-- silently: the rep confirms ("Same person"), and any member may merge two records.
--
-- A contact has one email and one LinkedIn column. Every further address or profile that
-- leads to the same person (from a merge, or linked when the rep confirmed "Same person")
-- lives in contact_identities, which lookups and filings consult like the columns. Merges
-- are told to members by contact_merges / account_merges: one line in the account's
-- timeline, never an entry and never counted.
--
-- Filings, merges and links all change who is who in an organization, so they take the same
-- per-organization lock that file_interaction has taken since the start
-- ('highcard.file_interaction:' || org_id): two merges racing on the same records run one
-- after the other, and the second finds the first one's result (or a record that is gone).

-- How two spellings of a name are compared: case, accents and extra spaces do not count
-- ("  MÍA  schmidt" = "Mia Schmidt"). The extension folds names the same way
-- (utils/merge/name-key.ts).
create function private.name_key(value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select nullif(btrim(regexp_replace(
    regexp_replace(
      translate(
        replace(replace(replace(lower(normalize(private.trim_text(value), NFD)), 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'),
        'łøđıħŧ', 'lodiht'
      ),
      '[\u0300-\u036f]', '', 'g'
    ),
    '[[:space:]\u00a0\u2000-\u200a\u202f\u205f\u3000]+', ' ', 'g'
  )), '')
$$;
comment on function private.name_key(text) is
  'A name folded for comparison: lowercase, without accents, single spaces. Two contacts with '
  'the same key are offered to the rep as possibly the same person, never merged by themselves.';

revoke all on function private.name_key(text) from public, anon, authenticated;
grant execute on function private.name_key(text) to authenticated, service_role;

-- Candidates for "Is this Mia Schmidt?" are found by this key.
create index contacts_org_id_name_key_idx on public.contacts (org_id, private.name_key(full_name));

create table public.contact_identities (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  contact_id uuid not null,
  email text check (email is null or (private.is_email(email) and email = lower(email))),
  linkedin_url text check (linkedin_url is null or private.is_linkedin_profile_url(linkedin_url)),
  created_at timestamptz not null default now(),
  check ((email is null) <> (linkedin_url is null)),
  foreign key (org_id, contact_id) references public.contacts (org_id, id) on delete cascade
);
comment on table public.contact_identities is
  'Further email addresses and LinkedIn profiles of a contact, beyond the one of each kept on '
  'the contact: those of a contact merged into it, and those linked when a member confirmed '
  '"Same person". Lookups and filings find the contact by them. An address or profile leads to '
  'one contact of the organization only.';
comment on column public.contact_identities.email is 'A further lowercase email address of the contact.';
comment on column public.contact_identities.linkedin_url is
  'A further canonical LinkedIn profile link of the contact, compared without regard to case.';

create unique index contact_identities_org_id_email_key on public.contact_identities (org_id, email)
  where email is not null;
create unique index contact_identities_org_id_linkedin_url_key
  on public.contact_identities (org_id, lower(linkedin_url)) where linkedin_url is not null;
create index contact_identities_contact_id_idx on public.contact_identities (contact_id);

-- No foreign key on keep_id / merged_id: the merged record is gone, and the kept one may be
-- merged in turn later; the line of history stays as it was written.
create table public.contact_merges (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  keep_id uuid not null,
  merged_id uuid not null,
  merged_name text not null,
  merged_email text,
  merged_linkedin_url text,
  kept_name text not null,
  account_id uuid,
  merged_by uuid references auth.users (id) on delete set null,
  merged_at timestamptz not null default now()
);
comment on table public.contact_merges is
  'Two contacts found to be one person: the merged one''s entries, addresses and profiles now '
  'belong to the kept one. Shown to members as one line in the account''s timeline ("Ana merged '
  'Mia Schmidt (LinkedIn) into Mia Schmidt"); never an entry, never counted.';
comment on column public.contact_merges.keep_id is 'The contact that remains.';
comment on column public.contact_merges.merged_id is 'The contact that no longer exists; filings that name it land on keep_id.';
comment on column public.contact_merges.merged_name is 'The merged contact''s name at the time.';
comment on column public.contact_merges.merged_email is 'The merged contact''s email at the time, to tell the two records apart.';
comment on column public.contact_merges.merged_linkedin_url is 'The merged contact''s LinkedIn profile at the time.';
comment on column public.contact_merges.kept_name is 'The kept contact''s name at the time.';
comment on column public.contact_merges.account_id is
  'The account in whose timeline the line shows; follows that account when it is merged.';
comment on column public.contact_merges.merged_by is 'The member who merged them.';

create index contact_merges_org_id_merged_id_idx on public.contact_merges (org_id, merged_id);
create index contact_merges_account_id_idx on public.contact_merges (account_id, merged_at desc);

create table public.account_merges (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  keep_id uuid not null,
  merged_id uuid not null,
  merged_name text not null,
  kept_name text not null,
  merged_by uuid references auth.users (id) on delete set null,
  merged_at timestamptz not null default now()
);
comment on table public.account_merges is
  'Two accounts found to be one company: the merged one''s domains, contacts and entries now '
  'belong to the kept one, and filings under its name land there. Shown to members as one line '
  'in the account''s timeline; never an entry, never counted.';
comment on column public.account_merges.keep_id is 'The account that remains.';
comment on column public.account_merges.merged_id is 'The account that no longer exists; filings that name it land on keep_id.';
comment on column public.account_merges.merged_name is 'The merged account''s name at the time; a filing under this name finds keep_id.';
comment on column public.account_merges.kept_name is 'The kept account''s name at the time.';
comment on column public.account_merges.merged_by is 'The member who merged them.';

create index account_merges_org_id_merged_id_idx on public.account_merges (org_id, merged_id);
create index account_merges_org_id_keep_id_idx on public.account_merges (org_id, keep_id);
create index account_merges_org_id_merged_name_idx on public.account_merges (org_id, lower(merged_name));

alter table public.contact_identities enable row level security;
alter table public.contact_merges enable row level security;
alter table public.account_merges enable row level security;

-- Written only by the functions below (as their owner); members read them.
revoke all on public.contact_identities, public.contact_merges, public.account_merges
  from public, anon, authenticated;
grant select on public.contact_identities, public.contact_merges, public.account_merges to authenticated;
grant all on public.contact_identities, public.contact_merges, public.account_merges to service_role;

create policy "members read their organization's contact identities"
  on public.contact_identities for select to authenticated
  using (org_id in (select private.member_org_ids()));

create policy "members read their organization's contact merges"
  on public.contact_merges for select to authenticated
  using (org_id in (select private.member_org_ids()));

create policy "members read their organization's account merges"
  on public.account_merges for select to authenticated
  using (org_id in (select private.member_org_ids()));

-- Who has this address or profile: the contact's own column first, then its identities.
create function private.contact_by_email(target_org uuid, address text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    (select c.id from public.contacts c where c.org_id = target_org and c.email = lower(address)),
    (select i.contact_id from public.contact_identities i where i.org_id = target_org and i.email = lower(address))
  )
$$;
comment on function private.contact_by_email(uuid, text) is
  'The contact of the organization this email address leads to (its own or a further address), or null.';

create function private.contact_by_profile(target_org uuid, profile text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    (select c.id from public.contacts c
     where c.org_id = target_org and lower(c.linkedin_url) = lower(profile)),
    (select i.contact_id from public.contact_identities i
     where i.org_id = target_org and lower(i.linkedin_url) = lower(profile))
  )
$$;
comment on function private.contact_by_profile(uuid, text) is
  'The contact of the organization this LinkedIn profile leads to (its own or a further one), or null.';

-- An id the extension kept (a lookup answer, an item waiting in the outbox) may name a record
-- merged since: it then means the record it was merged into.
create function private.current_contact_id(target_org uuid, contact uuid)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  current uuid := contact;
  hops integer := 0;
begin
  while current is not null and hops < 50 loop
    if exists (select 1 from public.contacts c where c.id = current and c.org_id = target_org) then
      return current;
    end if;
    select m.keep_id into current from public.contact_merges m
    where m.org_id = target_org and m.merged_id = current
    order by m.merged_at desc limit 1;
    if not found then
      return null;
    end if;
    hops := hops + 1;
  end loop;
  return null;
end;
$$;
comment on function private.current_contact_id(uuid, uuid) is
  'The contact an id stands for today: itself, or the contact it was merged into (following '
  'later merges); null when the organization has no such contact.';

create function private.current_account_id(target_org uuid, account uuid)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  current uuid := account;
  hops integer := 0;
begin
  while current is not null and hops < 50 loop
    if exists (select 1 from public.accounts a where a.id = current and a.org_id = target_org) then
      return current;
    end if;
    select m.keep_id into current from public.account_merges m
    where m.org_id = target_org and m.merged_id = current
    order by m.merged_at desc limit 1;
    if not found then
      return null;
    end if;
    hops := hops + 1;
  end loop;
  return null;
end;
$$;
comment on function private.current_account_id(uuid, uuid) is
  'The account an id stands for today: itself, or the account it was merged into (following '
  'later merges); null when the organization has no such account.';

-- Fills in what a known contact lacks from a capture. Never overwrites a value, and never
-- takes an address or profile that leads to another contact. With link_further (the rep
-- confirmed "Same person"), an address or profile new to the organization is linked even
-- when the contact already has one of that kind.
create function private.complete_contact(target_org uuid, target uuid, person jsonb, account uuid, link_further boolean)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  existing public.contacts%rowtype;
  person_email text := person ->> 'email';
  person_profile text := person ->> 'linkedin_url';
  new_email text;
  new_profile text;
begin
  select * into existing from public.contacts c where c.id = target and c.org_id = target_org for update;
  if not found then
    return;
  end if;

  -- Already leading somewhere (here or to someone else): nothing to link.
  if person_email is not null and private.contact_by_email(target_org, person_email) is not null then
    person_email := null;
  end if;
  if person_profile is not null and private.contact_by_profile(target_org, person_profile) is not null then
    person_profile := null;
  end if;

  new_email := case when existing.email is null then person_email end;
  new_profile := case when existing.linkedin_url is null then person_profile end;

  if new_email is not null or new_profile is not null
    or (existing.title is null and person ->> 'title' is not null)
    or (existing.company is null and person ->> 'company' is not null)
    or (existing.account_id is null and account is not null) then
    update public.contacts c set
      email = coalesce(c.email, new_email),
      linkedin_url = coalesce(c.linkedin_url, new_profile),
      title = coalesce(c.title, person ->> 'title'),
      company = coalesce(c.company, person ->> 'company'),
      account_id = coalesce(c.account_id, account)
    where c.id = existing.id;
  end if;

  if link_further then
    if person_email is not null and new_email is null then
      insert into public.contact_identities (org_id, contact_id, email) values (target_org, target, person_email);
    end if;
    if person_profile is not null and new_profile is null then
      insert into public.contact_identities (org_id, contact_id, linkedin_url) values (target_org, target, person_profile);
    end if;
  end if;
end;
$$;
comment on function private.complete_contact(uuid, uuid, jsonb, uuid, boolean) is
  'Fills in a contact''s missing email, LinkedIn profile, title, company and account from a '
  'capture, never overwriting and never taking an address or profile of another contact. With '
  'link_further, also links an address or profile new to the organization as a further identity.';

-- Replaces the first version (20261123090500): also finds a contact by its further addresses
-- and profiles, and never takes one of those for another contact.
create or replace function private.resolve_contact(target_org uuid, person jsonb, account uuid, caller uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  found_id uuid;
  person_email text := person ->> 'email';
  person_profile text := person ->> 'linkedin_url';
  new_id uuid;
begin
  if person_email is not null then
    found_id := private.contact_by_email(target_org, person_email);
  end if;
  if found_id is null and person_profile is not null then
    found_id := private.contact_by_profile(target_org, person_profile);
  end if;

  if found_id is null then
    insert into public.contacts (org_id, account_id, full_name, email, linkedin_url, title, company, created_by)
    values (target_org, account, person ->> 'full_name', person_email, person_profile,
            person ->> 'title', person ->> 'company', caller)
    returning id into new_id;
    return new_id;
  end if;

  perform private.complete_contact(target_org, found_id, person, account, false);
  return found_id;
end;
$$;
comment on function private.resolve_contact(uuid, jsonb, uuid, uuid) is
  'Finds a contact by email or LinkedIn profile (its own or a further one, ignoring case) and '
  'fills in missing details, or creates the contact.';

-- Replaces the first version (20261123090500): a company filed under the name of an account
-- that was merged away lands on the account it was merged into.
create or replace function private.resolve_account(target_org uuid, account_name text, account_domain text, caller uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  found_id uuid;
  usable_domain text := case
    when account_domain is not null and not private.is_free_mail_domain(account_domain) then account_domain
  end;
begin
  if usable_domain is not null then
    select d.account_id into found_id
    from public.account_domains d
    where d.org_id = target_org and d.domain = usable_domain;
    if found then
      return found_id;
    end if;

    insert into public.accounts (org_id, name, created_by)
    values (target_org, account_name, caller)
    returning id into found_id;
    insert into public.account_domains (org_id, account_id, domain)
    values (target_org, found_id, usable_domain);
    return found_id;
  end if;

  select a.id into found_id
  from public.accounts a
  where a.org_id = target_org and lower(a.name) = lower(account_name)
  order by a.created_at, a.id
  limit 1;
  if found then
    return found_id;
  end if;

  select private.current_account_id(target_org, m.merged_id) into found_id
  from public.account_merges m
  where m.org_id = target_org and lower(m.merged_name) = lower(account_name)
  order by m.merged_at desc
  limit 1;
  if found_id is not null then
    return found_id;
  end if;

  insert into public.accounts (org_id, name, created_by)
  values (target_org, account_name, caller)
  returning id into found_id;
  return found_id;
end;
$$;
comment on function private.resolve_account(uuid, text, text, uuid) is
  'Finds an account by email domain (or, without a usable domain, by name regardless of case, '
  'including the names of accounts merged into it) and creates it when there is none. '
  'Free-mail domains are never used.';

-- What both merges check first, and the lock they take: the organization's filing lock, so
-- filings and merges run one at a time, a racing merge sees this one's result, and a filing
-- never lands on a record being deleted.
create function private.begin_merge(target_org uuid, keep_id uuid, merge_id uuid, noun text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if auth.uid() is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  if target_org is null then
    perform private.refuse('org_id', 'is required');
  end if;
  if not private.is_member(target_org) then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  if keep_id is null then
    perform private.refuse('keep_id', 'is required');
  end if;
  if merge_id is null then
    perform private.refuse('merge_id', 'is required');
  end if;
  if keep_id = merge_id then
    perform private.refuse('merge_id', 'must be another ' || noun || ' than keep_id');
  end if;
  perform pg_advisory_xact_lock(hashtextextended('highcard.file_interaction:' || target_org::text, 0));
end;
$$;
comment on function private.begin_merge(uuid, uuid, uuid, text) is
  'Refuses a merge by a non-member, of a record with itself, or with an id missing; then takes '
  'the organization''s filing lock for the rest of the transaction.';

create function private.merge_contacts(target_org uuid, keep_id uuid, merge_id uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  kept public.contacts%rowtype;
  merged public.contacts%rowtype;
begin
  perform private.begin_merge(target_org, keep_id, merge_id, 'contact');

  select * into kept from public.contacts c where c.id = keep_id and c.org_id = target_org for update;
  if not found then
    raise exception 'keep_id: no such contact in this organization' using errcode = 'P0002';
  end if;
  select * into merged from public.contacts c where c.id = merge_id and c.org_id = target_org for update;
  if not found then
    raise exception 'merge_id: no such contact in this organization' using errcode = 'P0002';
  end if;

  -- Every entry, retracted ones included, keeps its author, text and revisions; an entry
  -- filed without an account joins the kept contact's.
  update public.interactions i set
    contact_id = kept.id,
    account_id = coalesce(i.account_id, kept.account_id)
  where i.org_id = target_org and i.contact_id = merged.id;

  update public.contact_identities i set contact_id = kept.id
  where i.org_id = target_org and i.contact_id = merged.id;

  delete from public.contacts c where c.id = merged.id;

  -- The merged contact's own address and profile now lead to the kept one: into its columns
  -- when it has none of that kind, else as further identities. Nothing of kept is overwritten.
  update public.contacts c set
    email = coalesce(c.email, merged.email),
    linkedin_url = coalesce(c.linkedin_url, merged.linkedin_url),
    title = coalesce(c.title, merged.title),
    company = coalesce(c.company, merged.company),
    account_id = coalesce(c.account_id, merged.account_id)
  where c.id = kept.id;
  if merged.email is not null and kept.email is not null then
    insert into public.contact_identities (org_id, contact_id, email) values (target_org, kept.id, merged.email);
  end if;
  if merged.linkedin_url is not null and kept.linkedin_url is not null then
    insert into public.contact_identities (org_id, contact_id, linkedin_url) values (target_org, kept.id, merged.linkedin_url);
  end if;

  insert into public.contact_merges (
    org_id, keep_id, merged_id, merged_name, merged_email, merged_linkedin_url, kept_name, account_id, merged_by
  ) values (
    target_org, kept.id, merged.id, merged.full_name, merged.email, merged.linkedin_url, kept.full_name,
    coalesce(kept.account_id, merged.account_id), caller
  );
  return kept.id;
end;
$$;
comment on function private.merge_contacts(uuid, uuid, uuid) is
  'Merges one contact into another for a member of their organization. Called by public.merge_contacts.';

create function public.merge_contacts(org_id uuid, keep_id uuid, merge_id uuid)
returns uuid
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.merge_contacts(merge_contacts.org_id, merge_contacts.keep_id, merge_contacts.merge_id)
$$;
comment on function public.merge_contacts(uuid, uuid, uuid) is
  'Any member: two contacts of the organization are one person. Every entry of merge_id moves to '
  'keep_id with its author, revisions and retraction; merge_id''s email and LinkedIn profile lead '
  'to keep_id from now on; merge_id no longer exists. Nothing keep_id has is overwritten. '
  'Returns keep_id and leaves a line in contact_merges.';

create function private.merge_accounts(target_org uuid, keep_id uuid, merge_id uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  kept public.accounts%rowtype;
  merged public.accounts%rowtype;
begin
  perform private.begin_merge(target_org, keep_id, merge_id, 'account');

  select * into kept from public.accounts a where a.id = keep_id and a.org_id = target_org for update;
  if not found then
    raise exception 'keep_id: no such account in this organization' using errcode = 'P0002';
  end if;
  select * into merged from public.accounts a where a.id = merge_id and a.org_id = target_org for update;
  if not found then
    raise exception 'merge_id: no such account in this organization' using errcode = 'P0002';
  end if;

  update public.account_domains d set account_id = kept.id
  where d.org_id = target_org and d.account_id = merged.id;
  update public.contacts c set account_id = kept.id
  where c.org_id = target_org and c.account_id = merged.id;
  -- Row by row through the entries' triggers, so the insights rollup moves with them.
  update public.interactions i set account_id = kept.id
  where i.org_id = target_org and i.account_id = merged.id;
  update public.contact_merges m set account_id = kept.id
  where m.org_id = target_org and m.account_id = merged.id;

  delete from public.accounts a where a.id = merged.id;

  insert into public.account_merges (org_id, keep_id, merged_id, merged_name, kept_name, merged_by)
  values (target_org, kept.id, merged.id, merged.name, kept.name, caller);
  return kept.id;
end;
$$;
comment on function private.merge_accounts(uuid, uuid, uuid) is
  'Merges one account into another for a member of their organization. Called by public.merge_accounts.';

create function public.merge_accounts(org_id uuid, keep_id uuid, merge_id uuid)
returns uuid
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.merge_accounts(merge_accounts.org_id, merge_accounts.keep_id, merge_accounts.merge_id)
$$;
comment on function public.merge_accounts(uuid, uuid, uuid) is
  'Any member: two accounts of the organization are one company. merge_id''s domains, contacts '
  'and entries move to keep_id (entries keep their authors, revisions and retraction); a filing '
  'under merge_id''s name or id lands on keep_id; merge_id no longer exists. Returns keep_id and '
  'leaves a line in account_merges.';

-- The popup's account view: who is known there, with every address and profile, and when the
-- latest entry about each was. A per-customer date, not a count of anything.
create function public.account_contacts(org_id uuid, account_id uuid)
returns table (
  id uuid, full_name text, email text, linkedin_url text, title text, company text,
  further_emails text[], further_linkedin_urls text[], last_entry_at timestamptz
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if not private.is_member(account_contacts.org_id) then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  return query
  select c.id, c.full_name, c.email, c.linkedin_url, c.title, c.company,
    coalesce(array(select i.email from public.contact_identities i
                   where i.contact_id = c.id and i.email is not null order by i.email), '{}'),
    coalesce(array(select i.linkedin_url from public.contact_identities i
                   where i.contact_id = c.id and i.linkedin_url is not null order by i.linkedin_url), '{}'),
    (select e.occurred_at from public.interactions e
     where e.contact_id = c.id and e.retracted_at is null
     order by e.occurred_at desc, e.id desc limit 1)
  from public.contacts c
  where c.org_id = account_contacts.org_id and c.account_id = account_contacts.account_id
  order by lower(c.full_name), c.id
  limit 500;
end;
$$;
comment on function public.account_contacts(uuid, uuid) is
  'The people known at an account (at most 500, by name): name, email, LinkedIn profile, title, '
  'company, further addresses and profiles, and when the latest visible entry about them '
  'happened. Members only.';

-- One line per merge for an account's timeline: contacts merged there, and accounts merged
-- into it (and into those, before). Not entries: nothing here is counted.
create function public.merge_history(org_id uuid, account_id uuid)
returns table (
  kind text, keep_id uuid, merged_id uuid, merged_name text, merged_email text,
  merged_linkedin_url text, kept_name text, merged_by_display_name text, merged_at timestamptz
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if not private.is_member(merge_history.org_id) then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  return query
  with recursive merged_into (id, depth) as (
    select merge_history.account_id, 0
    union
    select m.merged_id, t.depth + 1 from public.account_merges m
    join merged_into t on m.keep_id = t.id
    where m.org_id = merge_history.org_id and t.depth < 50
  ),
  lines as (
    select 'contact'::text as kind, m.keep_id, m.merged_id, m.merged_name, m.merged_email,
      m.merged_linkedin_url, m.kept_name, m.merged_by, m.merged_at
    from public.contact_merges m
    where m.org_id = merge_history.org_id and m.account_id = merge_history.account_id
    union all
    select 'account', m.keep_id, m.merged_id, m.merged_name, null, null, m.kept_name, m.merged_by, m.merged_at
    from public.account_merges m
    where m.org_id = merge_history.org_id and m.keep_id in (select t.id from merged_into t)
  )
  select l.kind, l.keep_id, l.merged_id, l.merged_name, l.merged_email, l.merged_linkedin_url,
    l.kept_name, ms.display_name, l.merged_at
  from lines l
  left join public.memberships ms on ms.org_id = merge_history.org_id and ms.user_id = l.merged_by
  order by l.merged_at desc
  limit 200;
end;
$$;
comment on function public.merge_history(uuid, uuid) is
  'For an account''s timeline: who merged which contact or account into which, and when, newest '
  'first (at most 200). Lines of history, not entries; members only.';

revoke all on function
  private.contact_by_email(uuid, text), private.contact_by_profile(uuid, text),
  private.current_contact_id(uuid, uuid), private.current_account_id(uuid, uuid),
  private.complete_contact(uuid, uuid, jsonb, uuid, boolean),
  private.resolve_contact(uuid, jsonb, uuid, uuid), private.resolve_account(uuid, text, text, uuid),
  private.begin_merge(uuid, uuid, uuid, text),
  private.merge_contacts(uuid, uuid, uuid), public.merge_contacts(uuid, uuid, uuid),
  private.merge_accounts(uuid, uuid, uuid), public.merge_accounts(uuid, uuid, uuid),
  public.account_contacts(uuid, uuid), public.merge_history(uuid, uuid)
  from public, anon, authenticated;
-- The public merges delegate to their private halves, which check membership themselves.
grant execute on function
  private.merge_contacts(uuid, uuid, uuid), public.merge_contacts(uuid, uuid, uuid),
  private.merge_accounts(uuid, uuid, uuid), public.merge_accounts(uuid, uuid, uuid),
  public.account_contacts(uuid, uuid), public.merge_history(uuid, uuid)
  to authenticated, service_role;
grant execute on function
  private.contact_by_email(uuid, text), private.contact_by_profile(uuid, text),
  private.current_contact_id(uuid, uuid), private.current_account_id(uuid, uuid),
  private.complete_contact(uuid, uuid, jsonb, uuid, boolean), private.begin_merge(uuid, uuid, uuid, text),
  private.resolve_contact(uuid, jsonb, uuid, uuid), private.resolve_account(uuid, text, text, uuid)
  to service_role;
