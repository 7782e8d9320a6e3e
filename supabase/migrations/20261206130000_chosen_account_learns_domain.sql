-- No duplicate account for a known company under another domain (docs/design.md, "Merges can be
-- undone, and old ids lead on"): when the rep files on an existing account { id } and the
-- contact writes from a domain the organization does not know yet, that domain joins the chosen
-- account, so the next message from it lands there too.
--
-- A free-mail domain is never added (it names no company). A domain another account of the
-- organization already has is left where it is, not moved: the entry is still filed on the
-- chosen account, but which company a domain means is a merge's decision, not a filing's.

create or replace function private.add_domain_to_chosen_account(target_org uuid, account uuid, email text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  email_domain text := lower(split_part(coalesce(email, ''), '@', 2));
begin
  if account is null or email_domain = '' or private.is_free_mail_domain(email_domain)
     or not private.is_domain(email_domain) or char_length(email_domain) > 253 then
    return;
  end if;
  insert into public.account_domains (org_id, account_id, domain)
  values (target_org, account, email_domain)
  on conflict do nothing;
end;
$$;
comment on function private.add_domain_to_chosen_account(uuid, uuid, text) is
  'Adds the email''s domain to an account the rep chose by id, unless it is free mail or another '
  'account of the organization already has it (then it stays with that account).';
revoke all on function private.add_domain_to_chosen_account(uuid, uuid, text) from public, anon, authenticated;
grant execute on function private.add_domain_to_chosen_account(uuid, uuid, text) to authenticated, service_role;

-- Replaces 20261129140100's: the same filing, now teaching a chosen account its new domain.
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

  if item -> 'account' ->> 'id' is not null then
    perform private.add_domain_to_chosen_account(
      target_org, account,
      coalesce(item -> 'contact' ->> 'email', (select c.email from public.contacts c where c.id = contact))
    );
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
  'Files a checked capture for the signed-in member, on a known contact (by id, following '
  'merges) or one found or created by email or LinkedIn profile. On an account chosen by id, '
  'the contact''s new company domain joins that account. Called by public.file_interaction.';

-- create or replace keeps the grants of 20261123090500; restated so this file reads whole.
revoke all on function private.file_interaction(jsonb) from public, anon, authenticated;
grant execute on function private.file_interaction(jsonb) to authenticated, service_role;
