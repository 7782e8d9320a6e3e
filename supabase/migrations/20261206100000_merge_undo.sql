-- Merges can be undone, and old ids lead on (docs/design.md). A merge is a member's judgement
-- and can be wrong (two different "Mia Schmidt"s): for 30 days any member may undo it. What a
-- merge moved is written down in private.merge_details, out of the API; undo_merge moves
-- exactly that back, leaves what was filed on the kept record since where it is, and marks the
-- history line undone. After 30 days purge_merge_details() forgets the details and the merge
-- is final. resolve_ids tells the extension what each id it keeps stands for today.
--
-- Undo takes the organization's filing lock, like merges and filings, so an undo racing a
-- merge or a filing on the same records runs before or after it, never in between.

alter table public.contact_merges
  add column undone_at timestamptz,
  add column undone_by uuid references auth.users (id) on delete set null;
alter table public.account_merges
  add column undone_at timestamptz,
  add column undone_by uuid references auth.users (id) on delete set null;
comment on column public.contact_merges.id is 'The merge, as undo_merge names it.';
comment on column public.contact_merges.undone_at is
  'When a member undid the merge: both contacts exist again and the line reads "<who> undid the merge of <name>".';
comment on column public.contact_merges.undone_by is 'The member who undid the merge.';
comment on column public.account_merges.id is 'The merge, as undo_merge names it.';
comment on column public.account_merges.undone_at is
  'When a member undid the merge: both accounts exist again and the line reads "<who> undid the merge of <name>".';
comment on column public.account_merges.undone_by is 'The member who undid the merge.';

-- An undone merge no longer redirects; the lookups below skip it.
create index contact_merges_org_id_merged_id_live_idx on public.contact_merges (org_id, merged_id, merged_at desc)
  where undone_at is null;
create index account_merges_org_id_merged_id_live_idx on public.account_merges (org_id, merged_id, merged_at desc)
  where undone_at is null;

-- One row per merge that can still be undone. Arrays of ids rather than a row per moved thing:
-- a merge is written and undone as a whole, and undo moves each kind back in one statement
-- (one pass of the entries' statement-level triggers over the insights rollup).
create table private.merge_details (
  merge_id uuid primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  record text not null check (record in ('contact', 'account')),
  merged_record jsonb not null,
  entry_ids uuid[] not null default '{}',
  entries_given_account uuid[] not null default '{}',
  given_account_id uuid,
  identity_ids uuid[] not null default '{}',
  added_identity_ids uuid[] not null default '{}',
  kept_filled jsonb not null default '{}',
  domains text[] not null default '{}',
  contact_ids uuid[] not null default '{}',
  contact_merge_ids uuid[] not null default '{}',
  plan_item_ids uuid[] not null default '{}',
  created_at timestamptz not null default now()
);
comment on table private.merge_details is
  'What a merge moved, kept for 30 days so that a member can undo it (undo_merge), then '
  'deleted by purge_merge_details(). Never exposed through the API.';
comment on column private.merge_details.merge_id is 'The id of the contact_merges or account_merges line.';
comment on column private.merge_details.merged_record is 'The merged contact or account as it was, restored by undo.';
comment on column private.merge_details.entry_ids is 'Entries the merge moved to the kept record.';
comment on column private.merge_details.entries_given_account is
  'Entries of the merged contact that had no account and took the kept contact''s (given_account_id).';
comment on column private.merge_details.identity_ids is 'Further addresses and profiles of the merged contact, moved to the kept one.';
comment on column private.merge_details.added_identity_ids is
  'Further identities the merge made on the kept contact for the merged contact''s own address and profile.';
comment on column private.merge_details.kept_filled is
  'The kept contact''s empty columns the merge filled from the merged one, with the value given.';
comment on column private.merge_details.domains is 'Domains the account merge moved.';
comment on column private.merge_details.contact_ids is 'Contacts the account merge moved.';
comment on column private.merge_details.contact_merge_ids is 'Contact merge lines the account merge moved to the kept account''s timeline.';
comment on column private.merge_details.plan_item_ids is 'Plan items the merge moved.';

alter table private.merge_details enable row level security;
revoke all on private.merge_details from public, anon, authenticated;
grant all on private.merge_details to service_role;

-- Replaces 20261129140000's: an undone merge no longer leads anywhere.
create or replace function private.current_contact_id(target_org uuid, contact uuid)
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
    where m.org_id = target_org and m.merged_id = current and m.undone_at is null
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
  'later merges, skipping undone ones); null when the organization has no such contact.';

create or replace function private.current_account_id(target_org uuid, account uuid)
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
    where m.org_id = target_org and m.merged_id = current and m.undone_at is null
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
  'later merges, skipping undone ones); null when the organization has no such account.';

-- Replaces 20261129140000's: a name whose merge was undone belongs to its own account again
-- (found above by name), never to the account it was once merged into.
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
  where m.org_id = target_org and lower(m.merged_name) = lower(account_name) and m.undone_at is null
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
  'including the names of accounts merged into it and not undone) and creates it when there is '
  'none. Free-mail domains are never used.';

-- Replaces 20261129140000's: the same merge, now writing down what it moved.
create or replace function private.merge_contacts(target_org uuid, keep_id uuid, merge_id uuid)
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
  line_id uuid;
  moved_entries uuid[];
  given_account uuid[];
  moved_identities uuid[];
  added_identities uuid[] := '{}';
  added uuid;
  filled jsonb := '{}';
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
  -- filed without an account joins the kept contact's. One statement: the entries'
  -- statement-level triggers move the insights rollup in one pass.
  select coalesce(array_agg(i.id), '{}') into given_account
  from public.interactions i
  where i.org_id = target_org and i.contact_id = merged.id and i.account_id is null
    and kept.account_id is not null;
  with moved as (
    update public.interactions i set
      contact_id = kept.id,
      account_id = coalesce(i.account_id, kept.account_id)
    where i.org_id = target_org and i.contact_id = merged.id
    returning i.id
  )
  select coalesce(array_agg(m.id), '{}') into moved_entries from moved m;

  with moved as (
    update public.contact_identities i set contact_id = kept.id
    where i.org_id = target_org and i.contact_id = merged.id
    returning i.id
  )
  select coalesce(array_agg(m.id), '{}') into moved_identities from moved m;

  delete from public.contacts c where c.id = merged.id;

  -- The merged contact's own address and profile now lead to the kept one: into its columns
  -- when it has none of that kind, else as further identities. Nothing of kept is overwritten.
  filled := jsonb_strip_nulls(jsonb_build_object(
    'email', case when kept.email is null then merged.email end,
    'linkedin_url', case when kept.linkedin_url is null then merged.linkedin_url end,
    'title', case when kept.title is null then merged.title end,
    'company', case when kept.company is null then merged.company end,
    'account_id', case when kept.account_id is null then merged.account_id end
  ));
  update public.contacts c set
    email = coalesce(c.email, merged.email),
    linkedin_url = coalesce(c.linkedin_url, merged.linkedin_url),
    title = coalesce(c.title, merged.title),
    company = coalesce(c.company, merged.company),
    account_id = coalesce(c.account_id, merged.account_id)
  where c.id = kept.id;
  if merged.email is not null and kept.email is not null then
    insert into public.contact_identities (org_id, contact_id, email) values (target_org, kept.id, merged.email)
    returning id into added;
    added_identities := added_identities || added;
  end if;
  if merged.linkedin_url is not null and kept.linkedin_url is not null then
    insert into public.contact_identities (org_id, contact_id, linkedin_url) values (target_org, kept.id, merged.linkedin_url)
    returning id into added;
    added_identities := added_identities || added;
  end if;

  insert into public.contact_merges (
    org_id, keep_id, merged_id, merged_name, merged_email, merged_linkedin_url, kept_name, account_id, merged_by
  ) values (
    target_org, kept.id, merged.id, merged.full_name, merged.email, merged.linkedin_url, kept.full_name,
    coalesce(kept.account_id, merged.account_id), caller
  )
  returning id into line_id;

  insert into private.merge_details (
    merge_id, org_id, record, merged_record, entry_ids, entries_given_account, given_account_id,
    identity_ids, added_identity_ids, kept_filled
  ) values (
    line_id, target_org, 'contact', to_jsonb(merged), moved_entries, given_account, kept.account_id,
    moved_identities, added_identities, filled
  );
  return kept.id;
end;
$$;
comment on function private.merge_contacts(uuid, uuid, uuid) is
  'Merges one contact into another for a member of their organization, and writes down what '
  'moved (private.merge_details) so the merge can be undone for 30 days. The entries move in '
  'one statement; the insights rollup follows through their statement-level triggers. Called '
  'by public.merge_contacts.';

create or replace function private.merge_accounts(target_org uuid, keep_id uuid, merge_id uuid)
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
  line_id uuid;
  moved_domains text[];
  moved_contacts uuid[];
  moved_entries uuid[];
  moved_lines uuid[];
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

  with moved as (
    update public.account_domains d set account_id = kept.id
    where d.org_id = target_org and d.account_id = merged.id
    returning d.domain
  )
  select coalesce(array_agg(m.domain), '{}') into moved_domains from moved m;
  with moved as (
    update public.contacts c set account_id = kept.id
    where c.org_id = target_org and c.account_id = merged.id
    returning c.id
  )
  select coalesce(array_agg(m.id), '{}') into moved_contacts from moved m;
  -- One statement: the entries' statement-level triggers move the insights rollup in one pass.
  with moved as (
    update public.interactions i set account_id = kept.id
    where i.org_id = target_org and i.account_id = merged.id
    returning i.id
  )
  select coalesce(array_agg(m.id), '{}') into moved_entries from moved m;
  with moved as (
    update public.contact_merges m set account_id = kept.id
    where m.org_id = target_org and m.account_id = merged.id
    returning m.id
  )
  select coalesce(array_agg(m.id), '{}') into moved_lines from moved m;

  delete from public.accounts a where a.id = merged.id;

  insert into public.account_merges (org_id, keep_id, merged_id, merged_name, kept_name, merged_by)
  values (target_org, kept.id, merged.id, merged.name, kept.name, caller)
  returning id into line_id;

  insert into private.merge_details (
    merge_id, org_id, record, merged_record, entry_ids, domains, contact_ids, contact_merge_ids
  ) values (
    line_id, target_org, 'account', to_jsonb(merged), moved_entries, moved_domains, moved_contacts, moved_lines
  );
  return kept.id;
end;
$$;
comment on function private.merge_accounts(uuid, uuid, uuid) is
  'Merges one account into another for a member of their organization, and writes down what '
  'moved (private.merge_details) so the merge can be undone for 30 days. The entries move in '
  'one statement; the insights rollup follows through their statement-level triggers. Called '
  'by public.merge_accounts.';

comment on function public.merge_contacts(uuid, uuid, uuid) is
  'Any member: two contacts of the organization are one person. Every entry of merge_id moves to '
  'keep_id with its author, revisions and retraction; merge_id''s email and LinkedIn profile lead '
  'to keep_id from now on; merge_id no longer exists. Nothing keep_id has is overwritten. '
  'Returns keep_id and leaves a line in contact_merges, whose id undo_merge takes for 30 days.';
comment on function public.merge_accounts(uuid, uuid, uuid) is
  'Any member: two accounts of the organization are one company. merge_id''s domains, contacts '
  'and entries move to keep_id (entries keep their authors, revisions and retraction); a filing '
  'under merge_id''s name or id lands on keep_id; merge_id no longer exists. Returns keep_id and '
  'leaves a line in account_merges, whose id undo_merge takes for 30 days.';

-- A restored record's creator may have left for good since.
create function private.known_user(candidate uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select u.id from auth.users u where u.id = candidate
$$;
comment on function private.known_user(uuid) is 'The user id when the user still exists, else null.';

create function private.undo_contact_merge(line public.contact_merges, details private.merge_details)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  target_org uuid := line.org_id;
  restored public.contacts;
  kept public.contacts%rowtype;
begin
  select * into kept from public.contacts c where c.id = line.keep_id and c.org_id = target_org for update;
  restored := jsonb_populate_record(null::public.contacts, details.merged_record);

  -- The merged contact's own address and profile leave the kept one first: they were made
  -- further identities, or filled columns the kept contact did not have.
  delete from public.contact_identities i
  where i.id = any (details.added_identity_ids) and i.contact_id = kept.id;
  update public.contacts c set
    email = case when c.email = details.kept_filled ->> 'email' then null else c.email end,
    linkedin_url = case when c.linkedin_url = details.kept_filled ->> 'linkedin_url' then null else c.linkedin_url end,
    title = case when c.title = details.kept_filled ->> 'title' then null else c.title end,
    company = case when c.company = details.kept_filled ->> 'company' then null else c.company end,
    account_id = case
      when c.account_id = private.current_account_id(target_org, (details.kept_filled ->> 'account_id')::uuid) then null
      else c.account_id
    end
  where c.id = kept.id
    and (c.email = details.kept_filled ->> 'email'
      or c.linkedin_url = details.kept_filled ->> 'linkedin_url'
      or c.title = details.kept_filled ->> 'title'
      or c.company = details.kept_filled ->> 'company'
      or c.account_id = private.current_account_id(target_org, (details.kept_filled ->> 'account_id')::uuid));

  -- Back as it was, on the account its own has become (or none), with its own address and
  -- profile unless someone else holds them by now.
  restored.account_id := private.current_account_id(target_org, restored.account_id);
  restored.created_by := private.known_user(restored.created_by);
  if restored.email is not null and private.contact_by_email(target_org, restored.email) is not null then
    restored.email := null;
  end if;
  if restored.linkedin_url is not null and private.contact_by_profile(target_org, restored.linkedin_url) is not null then
    restored.linkedin_url := null;
  end if;
  insert into public.contacts select restored.*;

  update public.contact_identities i set contact_id = restored.id
  where i.id = any (details.identity_ids) and i.contact_id = kept.id;

  -- Exactly the entries the merge moved, where they still are; what was filed on the kept
  -- contact since stays there. One statement, one pass over the insights rollup.
  update public.interactions i set
    contact_id = restored.id,
    account_id = case
      when i.id = any (details.entries_given_account)
        and i.account_id is not distinct from private.current_account_id(target_org, details.given_account_id)
        then null
      else i.account_id
    end
  where i.org_id = target_org and i.id = any (details.entry_ids) and i.contact_id = kept.id;

  return restored.id;
end;
$$;
comment on function private.undo_contact_merge(public.contact_merges, private.merge_details) is
  'Restores a merged contact and moves back what its merge moved. Called by private.undo_merge.';

create function private.undo_account_merge(line public.account_merges, details private.merge_details)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  target_org uuid := line.org_id;
  restored public.accounts;
begin
  perform 1 from public.accounts a where a.id = line.keep_id and a.org_id = target_org for update;
  restored := jsonb_populate_record(null::public.accounts, details.merged_record);
  restored.created_by := private.known_user(restored.created_by);
  insert into public.accounts select restored.*;

  update public.account_domains d set account_id = restored.id
  where d.org_id = target_org and d.domain = any (details.domains) and d.account_id = line.keep_id;
  update public.contacts c set account_id = restored.id
  where c.org_id = target_org and c.id = any (details.contact_ids) and c.account_id = line.keep_id;
  -- Exactly the entries the merge moved, where they still are; what was filed on the kept
  -- account since stays there. One statement, one pass over the insights rollup.
  update public.interactions i set account_id = restored.id
  where i.org_id = target_org and i.id = any (details.entry_ids) and i.account_id = line.keep_id;
  update public.contact_merges m set account_id = restored.id
  where m.org_id = target_org and m.id = any (details.contact_merge_ids) and m.account_id = line.keep_id;

  return restored.id;
end;
$$;
comment on function private.undo_account_merge(public.account_merges, private.merge_details) is
  'Restores a merged account and moves back what its merge moved. Called by private.undo_merge.';

create function private.undo_merge(target_org uuid, target_merge uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  contact_line public.contact_merges;
  account_line public.account_merges;
  details private.merge_details;
  noun text;
  kept_label text;
  kept_id uuid;
  merged_when timestamptz;
  restored uuid;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  if target_org is null then
    perform private.refuse('org_id', 'is required');
  end if;
  if not private.is_member(target_org) then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  if target_merge is null then
    perform private.refuse('merge_id', 'is required');
  end if;
  perform pg_advisory_xact_lock(hashtextextended('highcard.file_interaction:' || target_org::text, 0));

  select * into contact_line from public.contact_merges m
  where m.id = target_merge and m.org_id = target_org for update;
  if found then
    noun := 'contact';
    kept_id := contact_line.keep_id;
    kept_label := contact_line.kept_name;
    merged_when := contact_line.merged_at;
  else
    select * into account_line from public.account_merges m
    where m.id = target_merge and m.org_id = target_org for update;
    if not found then
      raise exception 'merge_id: no such merge in this organization' using errcode = 'P0002';
    end if;
    noun := 'account';
    kept_id := account_line.keep_id;
    kept_label := account_line.kept_name;
    merged_when := account_line.merged_at;
  end if;

  if coalesce(contact_line.undone_at, account_line.undone_at) is not null then
    perform private.refuse('merge_id', 'this merge has already been undone');
  end if;
  if merged_when <= now() - interval '30 days' then
    perform private.refuse('merge_id', 'a merge can be undone for 30 days only, and this one is older');
  end if;
  select * into details from private.merge_details d where d.merge_id = target_merge;
  if not found then
    perform private.refuse('merge_id', 'what this merge moved is no longer kept, so it cannot be undone');
  end if;

  if (noun = 'contact' and not exists (select 1 from public.contacts c where c.id = kept_id and c.org_id = target_org))
    or (noun = 'account' and not exists (select 1 from public.accounts a where a.id = kept_id and a.org_id = target_org)) then
    if (noun = 'contact' and exists (
          select 1 from public.contact_merges m
          where m.org_id = target_org and m.merged_id = kept_id and m.undone_at is null))
      or (noun = 'account' and exists (
          select 1 from public.account_merges m
          where m.org_id = target_org and m.merged_id = kept_id and m.undone_at is null)) then
      perform private.refuse('merge_id', format(
        '%s has since been merged into another %s; undo that merge first', kept_label, noun));
    end if;
    perform private.refuse('merge_id', format('the %s it was merged into (%s) no longer exists', noun, kept_label));
  end if;

  if noun = 'contact' then
    restored := private.undo_contact_merge(contact_line, details);
    update public.contact_merges m set undone_at = now(), undone_by = caller where m.id = target_merge;
  else
    restored := private.undo_account_merge(account_line, details);
    update public.account_merges m set undone_at = now(), undone_by = caller where m.id = target_merge;
  end if;
  delete from private.merge_details d where d.merge_id = target_merge;
  return restored;
end;
$$;
comment on function private.undo_merge(uuid, uuid) is
  'Undoes a merge of contacts or accounts for a member, after checking that it can be undone. '
  'Called by public.undo_merge.';

create function public.undo_merge(org_id uuid, merge_id uuid)
returns uuid
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.undo_merge(undo_merge.org_id, undo_merge.merge_id)
$$;
comment on function public.undo_merge(uuid, uuid) is
  'Any member, within 30 days of a merge (the id of its contact_merges or account_merges line): '
  'the merged contact or account exists again under its old id with its name, addresses and '
  'profiles or domains; exactly what the merge moved (entries, further identities, contacts, '
  'domains, plan items) goes back; what was filed on the kept record since stays there. Refused, '
  'naming merge_id, when the merge was undone already, is older than 30 days, or the kept record '
  'no longer exists or has been merged into another since. Returns the restored record''s id.';

-- Details are kept 30 days; a merge older than that cannot be undone anyway.
create function private.purge_merge_details()
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  delete from private.merge_details d
  where not exists (
    select 1 from public.contact_merges m where m.id = d.merge_id and m.merged_at > now() - interval '30 days'
    union all
    select 1 from public.account_merges m where m.id = d.merge_id and m.merged_at > now() - interval '30 days'
  )
$$;
comment on function private.purge_merge_details() is
  'Deletes what merges moved once they are 30 days old. Called by public.purge_merge_details.';

create function public.purge_merge_details()
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.purge_merge_details()
$$;
comment on function public.purge_merge_details() is
  'Forgets what merges older than 30 days moved (they can no longer be undone) and nothing '
  'else. Safe to call at any time by anyone signed in; pg_cron runs it nightly where installed.';

-- What each id the extension keeps stands for today.
create function private.resolve_ids(target_org uuid, wanted_accounts uuid[], wanted_contacts uuid[])
returns table (kind text, old_id uuid, current_id uuid)
language plpgsql
stable
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
  if cardinality(wanted_accounts) > 1000 then
    perform private.refuse('account_ids', 'at most 1000 ids at a time');
  end if;
  if cardinality(wanted_contacts) > 1000 then
    perform private.refuse('contact_ids', 'at most 1000 ids at a time');
  end if;

  return query
  select w.kind, w.old_id,
    case w.kind
      when 'account' then private.current_account_id(target_org, w.old_id)
      else private.current_contact_id(target_org, w.old_id)
    end
  from (
    select distinct on (x.kind, x.old_id) x.kind, x.old_id, x.sort
    from (
      select 'account'::text as kind, a.id as old_id, a.n as sort
      from unnest(coalesce(wanted_accounts, '{}')) with ordinality as a (id, n)
      union all
      select 'contact', c.id, 1000000 + c.n
      from unnest(coalesce(wanted_contacts, '{}')) with ordinality as c (id, n)
    ) x
    where x.old_id is not null
    order by x.kind, x.old_id, x.sort
  ) w
  order by w.sort;
end;
$$;
comment on function private.resolve_ids(uuid, uuid[], uuid[]) is
  'Checks membership, then maps each id to the record it stands for today. Called by public.resolve_ids.';

create function public.resolve_ids(org_id uuid, account_ids uuid[] default '{}', contact_ids uuid[] default '{}')
returns table (kind text, old_id uuid, current_id uuid)
language sql
stable
security invoker
set search_path = ''
as $$
  select * from private.resolve_ids(resolve_ids.org_id, resolve_ids.account_ids, resolve_ids.contact_ids)
$$;
comment on function public.resolve_ids(uuid, uuid[], uuid[]) is
  'Members: for each account and contact id (at most 1000 of each), the record it leads to now: '
  'itself, the record it was merged into (following later merges; an undone merge no longer '
  'leads on), or null when it is gone or not of this organization. One row per distinct id, '
  'accounts first, in the order given. The extension maps every id it keeps through it.';

create function private.merge_details_kept(target_merge uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.merge_details d where d.merge_id = target_merge)
$$;
comment on function private.merge_details_kept(uuid) is
  'Whether what a merge moved is still kept (so it can be undone); says nothing else about it.';

-- One line per merge for an account's timeline; an undone merge is one line saying so.
drop function public.merge_history(uuid, uuid);
create function public.merge_history(org_id uuid, account_id uuid)
returns table (
  id uuid, kind text, keep_id uuid, merged_id uuid, merged_name text, merged_email text,
  merged_linkedin_url text, kept_name text, merged_by_display_name text, merged_at timestamptz,
  undone_at timestamptz, undone_by_display_name text, undo_until timestamptz
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
    where m.org_id = merge_history.org_id and m.undone_at is null and t.depth < 50
  ),
  lines as (
    select m.id, 'contact'::text as kind, m.keep_id, m.merged_id, m.merged_name, m.merged_email,
      m.merged_linkedin_url, m.kept_name, m.merged_by, m.merged_at, m.undone_at, m.undone_by
    from public.contact_merges m
    where m.org_id = merge_history.org_id and m.account_id = merge_history.account_id
    union all
    select m.id, 'account', m.keep_id, m.merged_id, m.merged_name, null, null, m.kept_name,
      m.merged_by, m.merged_at, m.undone_at, m.undone_by
    from public.account_merges m
    where m.org_id = merge_history.org_id and m.keep_id in (select t.id from merged_into t)
  )
  select l.id, l.kind, l.keep_id, l.merged_id, l.merged_name, l.merged_email, l.merged_linkedin_url,
    l.kept_name, ms.display_name, l.merged_at, l.undone_at, us.display_name,
    case
      when l.undone_at is null and l.merged_at > now() - interval '30 days'
        and private.merge_details_kept(l.id)
        then l.merged_at + interval '30 days'
    end
  from lines l
  left join public.memberships ms on ms.org_id = merge_history.org_id and ms.user_id = l.merged_by
  left join public.memberships us on us.org_id = merge_history.org_id and us.user_id = l.undone_by
  order by coalesce(l.undone_at, l.merged_at) desc
  limit 200;
end;
$$;
comment on function public.merge_history(uuid, uuid) is
  'For an account''s timeline: who merged which contact or account into which, and when, newest '
  'first (at most 200). An undone merge is one line, at the moment it was undone, with who undid '
  'it ("Ana undid the merge of Mia Schmidt (LinkedIn)"). undo_until: until when undo_merge '
  'accepts the line''s id (null when it no longer does). Lines of history, not entries; members only.';

revoke all on function
  private.current_contact_id(uuid, uuid), private.current_account_id(uuid, uuid),
  private.resolve_account(uuid, text, text, uuid),
  private.merge_contacts(uuid, uuid, uuid), private.merge_accounts(uuid, uuid, uuid),
  private.known_user(uuid),
  private.undo_contact_merge(public.contact_merges, private.merge_details),
  private.undo_account_merge(public.account_merges, private.merge_details),
  private.undo_merge(uuid, uuid), public.undo_merge(uuid, uuid),
  private.purge_merge_details(), public.purge_merge_details(),
  private.resolve_ids(uuid, uuid[], uuid[]), public.resolve_ids(uuid, uuid[], uuid[]),
  private.merge_details_kept(uuid), public.merge_history(uuid, uuid)
  from public, anon, authenticated;
-- The public functions delegate to their private halves, which check membership themselves.
grant execute on function
  private.merge_contacts(uuid, uuid, uuid), private.merge_accounts(uuid, uuid, uuid),
  private.undo_merge(uuid, uuid), public.undo_merge(uuid, uuid),
  private.purge_merge_details(), public.purge_merge_details(),
  private.resolve_ids(uuid, uuid[], uuid[]), public.resolve_ids(uuid, uuid[], uuid[]),
  private.merge_details_kept(uuid), public.merge_history(uuid, uuid)
  to authenticated, service_role;
grant execute on function
  private.current_contact_id(uuid, uuid), private.current_account_id(uuid, uuid),
  private.resolve_account(uuid, text, text, uuid), private.known_user(uuid),
  private.undo_contact_merge(public.contact_merges, private.merge_details),
  private.undo_account_merge(public.account_merges, private.merge_details)
  to service_role;

-- Forgetting on time does not depend on anyone calling the purge: where pg_cron is installed
-- (hosted Supabase, `supabase start`) it runs nightly. Elsewhere the undo check on the merge's
-- date refuses late undos all the same, and the extension calls the purge on its schedule.
do $$
begin
  if not exists (select 1 from pg_extension where extname = 'pg_cron') then
    raise notice 'pg_cron is not installed here: merge details are purged when the extension calls purge_merge_details';
    return;
  end if;
  execute $sql$select cron.schedule('highcard-purge-merge-details', '23 3 * * *', 'select public.purge_merge_details()')$sql$;
end;
$$;
