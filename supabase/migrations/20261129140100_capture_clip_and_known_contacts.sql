-- The capture grows (DESIGN.md, "The capture" and "One customer, one record"):
-- - kind 'clip': a selection filed from any page. Its source_ref is the SHA-256 of the page
--   address and the text, so the same selection filed twice is one entry, and the address
--   itself stays in the author-only source_url.
-- - contact { id, email?, linkedin_url?, title?, company? }: a contact the organization
--   already has, confirmed by the rep ("Same person"); the entry lands on it and what it lacks
--   is filled in (an address or profile new to the organization is linked to it).
-- - Nothing is ever cut: a value over its limit is refused with a message naming the field,
--   and a text of only spaces is refused like an empty title.
-- Replaces validate_capture and private.file_interaction of 20261123090500 (public
-- file_interaction, its grants and the profile refresh are unchanged).

alter table public.interactions drop constraint interactions_kind_check;
alter table public.interactions add constraint interactions_kind_check
  check (kind in ('email', 'linkedin_message', 'linkedin_profile', 'note', 'clip'));
comment on column public.interactions.kind is
  'Where it came from: email, linkedin_message, linkedin_profile, note, or clip (a selection '
  'filed from any web page).';

create or replace function private.validate_capture(capture jsonb)
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
  kinds constant text[] := array['email', 'linkedin_message', 'linkedin_profile', 'note', 'clip'];
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
  known boolean;
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
    perform private.refuse('kind', 'must be one of email, linkedin_message, linkedin_profile, note, clip');
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
  -- Every member reads source_ref, but a clip's address is its author's alone (source_url):
  -- only its hash, never the address itself, may be the key.
  if entry_kind = 'clip' and source_ref !~ '^[0-9a-f]{64}$' then
    perform private.refuse('source_ref', 'must be the SHA-256 of the address and the text (64 lowercase hex characters) for a clip');
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
  -- An empty text is a title-only entry; a text of only spaces is a mistake, not a text.
  if body <> '' and private.trim_text(body) = '' then
    perform private.refuse('body', 'must not be only spaces');
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
    -- { id } names a contact the organization already has (the rep confirmed "Same person"):
    -- no name, since the record keeps its own; the rest only fills in what it lacks.
    known := contact ? 'id';
    for field in select k from jsonb_object_keys(contact) as k order by k loop
      if not field = any (case when known then array['id', 'email', 'linkedin_url', 'title', 'company']
                               else array['full_name', 'email', 'linkedin_url', 'title', 'company'] end) then
        perform private.refuse('contact.' || field, case when known and field = 'full_name'
          then 'must not be given with contact.id' else 'unknown field' end);
      end if;
    end loop;

    if known then
      if jsonb_typeof(contact -> 'id') is distinct from 'string' or (contact ->> 'id') !~ uuid_pattern then
        perform private.refuse('contact.id', 'must be a uuid');
      end if;
      clean_contact := jsonb_build_object('id', lower(contact ->> 'id'));
    else
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
    end if;

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
        -- Refused, never cut: what is filed is what the preview showed (pact rule 1).
        if char_length(value) > 200 then
          perform private.refuse('contact.' || field, 'must be at most 200 characters');
        end if;
        value := nullif(value, '');
      end if;
      clean_contact := clean_contact || jsonb_build_object(field, value);
    end loop;

    if not known and clean_contact ->> 'email' is null and clean_contact ->> 'linkedin_url' is null then
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

create or replace function private.file_interaction(capture jsonb)
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

  -- A contact named by id: the one the rep confirmed, or the one it has been merged into
  -- since (an item may wait in the outbox while a colleague merges).
  if item -> 'contact' ->> 'id' is not null then
    contact := private.current_contact_id(target_org, (item -> 'contact' ->> 'id')::uuid);
    if contact is null then
      perform private.refuse('contact.id', 'no such contact in this organization');
    end if;
  end if;

  if item -> 'account' ->> 'id' is not null then
    account := private.current_account_id(target_org, (item -> 'account' ->> 'id')::uuid);
    if account is null then
      perform private.refuse('account.id', 'no such account in this organization');
    end if;
  elsif item -> 'account' ->> 'name' is not null then
    account := private.resolve_account(target_org, item -> 'account' ->> 'name',
                                       item -> 'account' ->> 'domain', caller);
  elsif item -> 'contact' ->> 'email' is not null then
    email_domain := split_part(item -> 'contact' ->> 'email', '@', 2);
    if not private.is_free_mail_domain(email_domain) and private.is_domain(email_domain) then
      -- Named after the company, else the domain; refused, never cut, when that is too long.
      if nullif(item -> 'contact' ->> 'company', '') is null and char_length(email_domain) > 200 then
        perform private.refuse('contact.email', 'a domain of more than 200 characters cannot name an account; give the company');
      end if;
      account := private.resolve_account(
        target_org,
        coalesce(nullif(item -> 'contact' ->> 'company', ''), email_domain),
        email_domain,
        caller
      );
    end if;
  end if;

  if contact is not null then
    -- The rep said "Same person": link this address or profile to them unless it leads to
    -- someone else; fill in what they lack, never overwrite.
    perform private.complete_contact(target_org, contact, item -> 'contact', account, true);
    if account is null then
      select c.account_id into account from public.contacts c where c.id = contact;
    end if;
  elsif jsonb_typeof(item -> 'contact') = 'object' then
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

comment on function private.validate_capture(jsonb) is
  'Checks a capture against the same rules as the extension and returns it cleaned up '
  '(trimmed title, lowercase email). Refusals name the field: "title: must be at most 300 '
  'characters". Nothing is cut to fit; a text of only spaces is refused; a clip''s source_ref '
  'must be a SHA-256 in hex; contact may be { id, ... } of a known contact.';
comment on function private.file_interaction(jsonb) is
  'Files a checked capture for the signed-in member, on a known contact (by id, following '
  'merges) or one found or created by email or LinkedIn profile. Called by public.file_interaction.';

-- create or replace keeps the grants of 20261123090500; restated so this file reads whole.
revoke all on function private.validate_capture(jsonb), private.file_interaction(jsonb)
  from public, anon, authenticated;
grant execute on function private.validate_capture(jsonb), private.file_interaction(jsonb)
  to authenticated, service_role;
