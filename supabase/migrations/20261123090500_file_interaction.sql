-- file_interaction: the one way an entry gets in. It re-checks the capture with the same rules
-- as the extension's zod schema (utils/messages.ts), finds or creates the contact and the
-- account, and files the entry once however often it is sent (pact rule 7).

create function private.validate_capture(capture jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  uuid_pattern constant text := '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$';
  -- RFC 3339 as zod's z.iso.datetime({ offset: true }): seconds and an explicit offset.
  timestamp_pattern constant text :=
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$';
  kinds constant text[] := array['email', 'linkedin_message', 'linkedin_profile', 'note'];
  field text;
  value text;
  entry_kind text;
  source_ref text;
  source_url text;
  occurred timestamptz;
  title text;
  body text;
  signals text[] := '{}';
  signal jsonb;
  contact jsonb;
  clean_contact jsonb;
  account jsonb;
  clean_account jsonb;
begin
  if capture is null or jsonb_typeof(capture) <> 'object' then
    perform private.refuse('capture', 'must be an object');
  end if;

  for field in select k from jsonb_object_keys(capture) as k order by k loop
    if not field = any (array['id', 'org_id', 'kind', 'source_ref', 'source_url', 'occurred_at',
                              'title', 'body', 'signals', 'contact', 'account']) then
      perform private.refuse(field, 'unknown field');
    end if;
  end loop;

  foreach field in array array['id', 'org_id'] loop
    if jsonb_typeof(capture -> field) is distinct from 'string' or (capture ->> field) !~ uuid_pattern then
      perform private.refuse(field, 'must be a uuid');
    end if;
  end loop;

  entry_kind := case when jsonb_typeof(capture -> 'kind') = 'string' then capture ->> 'kind' end;
  if entry_kind is null or not entry_kind = any (kinds) then
    perform private.refuse('kind', 'must be one of email, linkedin_message, linkedin_profile, note');
  end if;

  if coalesce(jsonb_typeof(capture -> 'source_ref'), 'null') <> 'null' then
    if jsonb_typeof(capture -> 'source_ref') <> 'string' then
      perform private.refuse('source_ref', 'must be text');
    end if;
    source_ref := private.trim_text(capture ->> 'source_ref');
    if source_ref = '' then
      perform private.refuse('source_ref', 'must not be empty');
    end if;
    if char_length(source_ref) > 500 then
      perform private.refuse('source_ref', 'must be at most 500 characters');
    end if;
  end if;
  if source_ref is null and entry_kind <> 'note' then
    perform private.refuse('source_ref', 'is required for ' || entry_kind);
  end if;

  if coalesce(jsonb_typeof(capture -> 'source_url'), 'null') <> 'null' then
    source_url := case when jsonb_typeof(capture -> 'source_url') = 'string' then capture ->> 'source_url' end;
    if source_url is null or source_url !~ '^https://' then
      perform private.refuse('source_url', 'must be an https:// link');
    end if;
    if char_length(source_url) > 2048 then
      perform private.refuse('source_url', 'must be at most 2048 characters');
    end if;
    if not private.is_https_url(source_url) then
      perform private.refuse('source_url', 'must be an https:// link');
    end if;
  end if;

  value := case when jsonb_typeof(capture -> 'occurred_at') = 'string' then capture ->> 'occurred_at' end;
  if value is null or value !~ timestamp_pattern then
    perform private.refuse('occurred_at', 'must be an ISO 8601 time with an offset');
  end if;
  begin
    occurred := value::timestamptz;
  exception when others then
    perform private.refuse('occurred_at', 'must be an ISO 8601 time with an offset');
  end;
  -- A day of tolerance for the clock of the rep's machine.
  if occurred > now() + interval '1 day' then
    perform private.refuse('occurred_at', 'must not be in the future');
  end if;

  if jsonb_typeof(capture -> 'title') is distinct from 'string' then
    perform private.refuse('title', 'is required');
  end if;
  title := private.trim_text(capture ->> 'title');
  if title = '' then
    perform private.refuse('title', 'is required');
  end if;
  if char_length(title) > 300 then
    perform private.refuse('title', 'must be at most 300 characters');
  end if;

  if jsonb_typeof(capture -> 'body') is distinct from 'string' then
    perform private.refuse('body', 'must be text');
  end if;
  body := capture ->> 'body';
  if char_length(body) > 20000 then
    perform private.refuse('body', 'must be at most 20000 characters');
  end if;

  if coalesce(jsonb_typeof(capture -> 'signals'), 'null') <> 'null' then
    if jsonb_typeof(capture -> 'signals') <> 'array' then
      perform private.refuse('signals', 'must be a list of signals');
    end if;
    for signal in select s from jsonb_array_elements(capture -> 'signals') as s loop
      value := case when jsonb_typeof(signal) = 'string' then signal #>> '{}' end;
      if value is null or not value = any (private.signal_names()) then
        perform private.refuse('signals', 'unknown signal ' || left(signal::text, 60));
      end if;
      if value = any (signals) then
        perform private.refuse('signals', 'must not repeat a signal');
      end if;
      signals := signals || value;
    end loop;
  end if;

  contact := capture -> 'contact';
  if coalesce(jsonb_typeof(contact), 'null') <> 'null' then
    if jsonb_typeof(contact) <> 'object' then
      perform private.refuse('contact', 'must be an object');
    end if;
    for field in select k from jsonb_object_keys(contact) as k order by k loop
      if not field = any (array['full_name', 'email', 'linkedin_url', 'title', 'company']) then
        perform private.refuse('contact.' || field, 'unknown field');
      end if;
    end loop;

    if jsonb_typeof(contact -> 'full_name') is distinct from 'string' then
      perform private.refuse('contact.full_name', 'is required');
    end if;
    value := private.trim_text(contact ->> 'full_name');
    if value = '' then
      perform private.refuse('contact.full_name', 'is required');
    end if;
    if char_length(value) > 200 then
      perform private.refuse('contact.full_name', 'must be at most 200 characters');
    end if;
    clean_contact := jsonb_build_object('full_name', value);

    foreach field in array array['email', 'linkedin_url', 'title', 'company'] loop
      if coalesce(jsonb_typeof(contact -> field), 'null') = 'null' then
        clean_contact := clean_contact || jsonb_build_object(field, null);
        continue;
      end if;
      if jsonb_typeof(contact -> field) <> 'string' then
        perform private.refuse('contact.' || field, case when field = 'email' then 'must be an email address' else 'must be text' end);
      end if;
      value := private.trim_text(contact ->> field);
      if field = 'email' then
        value := lower(value);
        if not private.is_email(value) and char_length(value) <= 320 then
          perform private.refuse('contact.email', 'must be an email address');
        end if;
        if char_length(value) > 320 then
          perform private.refuse('contact.email', 'must be at most 320 characters');
        end if;
      elsif field = 'linkedin_url' then
        if not private.is_linkedin_profile_url(value) then
          perform private.refuse('contact.linkedin_url', 'must be a profile URL like https://www.linkedin.com/in/name');
        end if;
      else
        if char_length(value) > 200 then
          perform private.refuse('contact.' || field, 'must be at most 200 characters');
        end if;
        value := nullif(value, '');
      end if;
      clean_contact := clean_contact || jsonb_build_object(field, value);
    end loop;

    if clean_contact ->> 'email' is null and clean_contact ->> 'linkedin_url' is null then
      perform private.refuse('contact', 'needs an email or a LinkedIn profile URL');
    end if;
  end if;

  account := capture -> 'account';
  if coalesce(jsonb_typeof(account), 'null') <> 'null' then
    if jsonb_typeof(account) <> 'object' then
      perform private.refuse('account', 'must be an object');
    end if;
    if account ? 'id' then
      for field in select k from jsonb_object_keys(account) as k order by k loop
        if field <> 'id' then
          perform private.refuse('account', 'must be { id } or { name, domain? }');
        end if;
      end loop;
      if jsonb_typeof(account -> 'id') is distinct from 'string' or (account ->> 'id') !~ uuid_pattern then
        perform private.refuse('account.id', 'must be a uuid');
      end if;
      clean_account := jsonb_build_object('id', lower(account ->> 'id'));
    else
      for field in select k from jsonb_object_keys(account) as k order by k loop
        if not field = any (array['name', 'domain']) then
          perform private.refuse('account', 'must be { id } or { name, domain? }');
        end if;
      end loop;
      if jsonb_typeof(account -> 'name') is distinct from 'string' then
        perform private.refuse('account.name', 'is required');
      end if;
      value := private.trim_text(account ->> 'name');
      if value = '' then
        perform private.refuse('account.name', 'is required');
      end if;
      if char_length(value) > 200 then
        perform private.refuse('account.name', 'must be at most 200 characters');
      end if;
      clean_account := jsonb_build_object('name', value, 'domain', null);
      if coalesce(jsonb_typeof(account -> 'domain'), 'null') <> 'null' then
        if jsonb_typeof(account -> 'domain') <> 'string' then
          perform private.refuse('account.domain', 'must be text');
        end if;
        value := lower(private.trim_text(account ->> 'domain'));
        if not private.is_domain(value) then
          perform private.refuse('account.domain', 'must be a domain like acme.example');
        end if;
        clean_account := clean_account || jsonb_build_object('domain', value);
      end if;
    end if;
  end if;

  if clean_contact is null and not (entry_kind = 'note' and clean_account is not null) then
    perform private.refuse('contact', case when entry_kind = 'note'
      then 'is required unless the note is filed on an account' else 'is required' end);
  end if;

  return jsonb_build_object(
    'id', lower(capture ->> 'id'),
    'org_id', lower(capture ->> 'org_id'),
    'kind', entry_kind,
    'source_ref', source_ref,
    'source_url', source_url,
    'occurred_at', occurred,
    'title', title,
    'body', body,
    'signals', to_jsonb(signals),
    'contact', clean_contact,
    'account', clean_account
  );
end;
$$;
comment on function private.validate_capture(jsonb) is
  'Checks a capture against the same rules as the extension and returns it cleaned up '
  '(trimmed title, lowercase email). Refusals name the field: "title: must be at most 300 characters".';

-- Finds the account for a domain or a name in the organization, creating it when needed.
-- Runs inside file_interaction, which already holds the organization's filing lock.
create function private.resolve_account(target_org uuid, account_name text, account_domain text, caller uuid)
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

  insert into public.accounts (org_id, name, created_by)
  values (target_org, account_name, caller)
  returning id into found_id;
  return found_id;
end;
$$;
comment on function private.resolve_account(uuid, text, text, uuid) is
  'Finds an account by email domain (or, without a usable domain, by name regardless of case) '
  'and creates it when there is none. Free-mail domains are never used.';

-- Finds the contact by email or LinkedIn profile, filling in what the record lacks (never
-- overwriting what it has), or creates it.
create function private.resolve_contact(target_org uuid, person jsonb, account uuid, caller uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  existing public.contacts%rowtype;
  person_email text := person ->> 'email';
  person_profile text := person ->> 'linkedin_url';
  new_id uuid;
begin
  if person_email is not null then
    select * into existing from public.contacts c
    where c.org_id = target_org and c.email = person_email;
  end if;
  if existing.id is null and person_profile is not null then
    select * into existing from public.contacts c
    where c.org_id = target_org and lower(c.linkedin_url) = lower(person_profile);
  end if;

  if existing.id is null then
    insert into public.contacts (org_id, account_id, full_name, email, linkedin_url, title, company, created_by)
    values (target_org, account, person ->> 'full_name', person_email, person_profile,
            person ->> 'title', person ->> 'company', caller)
    returning id into new_id;
    return new_id;
  end if;

  -- An address or profile already on another contact stays where it is.
  if existing.email is null and person_email is not null and exists (
    select 1 from public.contacts c where c.org_id = target_org and c.email = person_email
  ) then
    person_email := null;
  end if;
  if existing.linkedin_url is null and person_profile is not null and exists (
    select 1 from public.contacts c
    where c.org_id = target_org and lower(c.linkedin_url) = lower(person_profile)
  ) then
    person_profile := null;
  end if;

  if (existing.email is null and person_email is not null)
    or (existing.linkedin_url is null and person_profile is not null)
    or (existing.title is null and person ->> 'title' is not null)
    or (existing.company is null and person ->> 'company' is not null)
    or (existing.account_id is null and account is not null) then
    update public.contacts c set
      email = coalesce(c.email, person_email),
      linkedin_url = coalesce(c.linkedin_url, person_profile),
      title = coalesce(c.title, person ->> 'title'),
      company = coalesce(c.company, person ->> 'company'),
      account_id = coalesce(c.account_id, account)
    where c.id = existing.id;
  end if;
  return existing.id;
end;
$$;
comment on function private.resolve_contact(uuid, jsonb, uuid, uuid) is
  'Finds a contact by email or LinkedIn profile (ignoring case) and fills in missing details, '
  'or creates the contact.';

create function private.file_interaction(capture jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  item jsonb;
  target_org uuid;
  entry_id uuid;
  existing record;
  account uuid;
  contact uuid;
  email_domain text;
  inserted uuid;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;

  item := private.validate_capture(capture);
  target_org := (item ->> 'org_id')::uuid;
  entry_id := (item ->> 'id')::uuid;

  if not private.is_member(target_org) then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;

  -- One filing at a time per organization: matching and creating contacts and accounts, and
  -- the idempotency checks below, then see every entry committed before this one.
  perform pg_advisory_xact_lock(hashtextextended('highcard.file_interaction:' || target_org::text, 0));

  select i.id, i.org_id, i.author_id, i.account_id, i.contact_id into existing
  from public.interactions i
  where i.id = entry_id;
  if found then
    if existing.author_id <> caller or existing.org_id <> target_org then
      raise exception 'id: is already used by another entry' using errcode = '23505';
    end if;
    return jsonb_build_object('id', existing.id, 'account_id', existing.account_id,
                              'contact_id', existing.contact_id, 'created', false);
  end if;

  if item ->> 'source_ref' is not null then
    select i.id, i.account_id, i.contact_id into existing
    from public.interactions i
    where i.org_id = target_org and i.kind = item ->> 'kind' and i.source_ref = item ->> 'source_ref'
      and i.retracted_at is null;
    if found then
      return jsonb_build_object('id', existing.id, 'account_id', existing.account_id,
                                'contact_id', existing.contact_id, 'created', false);
    end if;
  end if;

  if item -> 'account' ->> 'id' is not null then
    select a.id into account
    from public.accounts a
    where a.id = (item -> 'account' ->> 'id')::uuid and a.org_id = target_org;
    if not found then
      perform private.refuse('account.id', 'no such account in this organization');
    end if;
  elsif item -> 'account' ->> 'name' is not null then
    account := private.resolve_account(target_org, item -> 'account' ->> 'name',
                                       item -> 'account' ->> 'domain', caller);
  elsif item -> 'contact' ->> 'email' is not null then
    email_domain := split_part(item -> 'contact' ->> 'email', '@', 2);
    if not private.is_free_mail_domain(email_domain) and private.is_domain(email_domain) then
      account := private.resolve_account(
        target_org,
        left(coalesce(nullif(item -> 'contact' ->> 'company', ''), email_domain), 200),
        email_domain,
        caller
      );
    end if;
  end if;

  if jsonb_typeof(item -> 'contact') = 'object' then
    contact := private.resolve_contact(target_org, item -> 'contact', account, caller);
    if account is null then
      -- A known person brings their company along even when this message does not.
      select c.account_id into account from public.contacts c where c.id = contact;
    end if;
  end if;

  insert into public.interactions (
    id, org_id, account_id, contact_id, author_id, kind, source_ref, source_url,
    occurred_at, title, body, signals
  ) values (
    entry_id, target_org, account, contact, caller, item ->> 'kind', item ->> 'source_ref',
    item ->> 'source_url', (item ->> 'occurred_at')::timestamptz, item ->> 'title', item ->> 'body',
    array(select jsonb_array_elements_text(item -> 'signals'))
  )
  on conflict do nothing
  returning id into inserted;

  if inserted is null then
    -- Only reachable if a conflicting entry slipped past the lock (a different organization
    -- reusing the id): report what exists instead of filing twice.
    select i.id, i.account_id, i.contact_id, i.author_id into existing
    from public.interactions i
    where i.id = entry_id
       or (i.org_id = target_org and i.kind = item ->> 'kind' and i.source_ref = item ->> 'source_ref'
           and i.retracted_at is null)
    limit 1;
    if existing.author_id <> caller and existing.id = entry_id then
      raise exception 'id: is already used by another entry' using errcode = '23505';
    end if;
    return jsonb_build_object('id', existing.id, 'account_id', existing.account_id,
                              'contact_id', existing.contact_id, 'created', false);
  end if;

  return jsonb_build_object('id', inserted, 'account_id', account, 'contact_id', contact, 'created', true);
end;
$$;
comment on function private.file_interaction(jsonb) is
  'Files a checked capture for the signed-in member. Called by public.file_interaction.';

-- A LinkedIn profile the rep files is the freshest word on where the person works now:
-- filing it updates the contact's name, title and company (other captures only fill in what
-- the contact lacks). The earlier job stays in the earlier profile entries.
create function private.refresh_contact_from_profile(target_contact uuid, person jsonb)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  update public.contacts c set
    full_name = coalesce(nullif(private.trim_text(person ->> 'full_name'), ''), c.full_name),
    title = coalesce(nullif(private.trim_text(person ->> 'title'), ''), c.title),
    company = coalesce(nullif(private.trim_text(person ->> 'company'), ''), c.company)
  where c.id = target_contact
    and private.is_member(c.org_id)
    and (
      c.full_name is distinct from coalesce(nullif(private.trim_text(person ->> 'full_name'), ''), c.full_name)
      or c.title is distinct from coalesce(nullif(private.trim_text(person ->> 'title'), ''), c.title)
      or c.company is distinct from coalesce(nullif(private.trim_text(person ->> 'company'), ''), c.company)
    );
end;
$$;
comment on function private.refresh_contact_from_profile(uuid, jsonb) is
  'After a LinkedIn profile is filed: sets the contact''s name, title and company to what the '
  'profile showed. Only for members of the contact''s organization.';

create function public.file_interaction(capture jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  result jsonb := private.file_interaction(file_interaction.capture);
begin
  if (result ->> 'created')::boolean
    and file_interaction.capture ->> 'kind' = 'linkedin_profile'
    and result ->> 'contact_id' is not null then
    perform private.refresh_contact_from_profile((result ->> 'contact_id')::uuid, file_interaction.capture -> 'contact');
  end if;
  return result;
end;
$$;
comment on function public.file_interaction(jsonb) is
  'Files one entry from the extension: checks the capture, finds or creates the contact and '
  'account, and returns { id, account_id, contact_id, created }. Sending the same entry again '
  '(same id, or same source message) returns the existing entry with created = false and '
  'changes nothing. A filed LinkedIn profile brings the contact''s title and company up to '
  'date. The author is always the signed-in user.';

revoke all on function
  private.validate_capture(jsonb), private.resolve_account(uuid, text, text, uuid),
  private.resolve_contact(uuid, jsonb, uuid, uuid), private.file_interaction(jsonb),
  private.refresh_contact_from_profile(uuid, jsonb), public.file_interaction(jsonb)
  from public, anon, authenticated;
grant execute on function private.validate_capture(jsonb), private.file_interaction(jsonb),
  private.refresh_contact_from_profile(uuid, jsonb), public.file_interaction(jsonb)
  to authenticated, service_role;
grant execute on function private.resolve_account(uuid, text, text, uuid),
  private.resolve_contact(uuid, jsonb, uuid, uuid)
  to service_role;
