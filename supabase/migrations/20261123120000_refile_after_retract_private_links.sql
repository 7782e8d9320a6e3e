-- Two fixes from review.
--
-- 1. A retracted entry no longer holds its source. The same message or profile filed after
--    a retraction is a new entry (the old one stays retracted, visible to its author only);
--    before, filing it again answered with the retracted entry, which the extension took
--    for "filed" while nothing reached the timeline.
-- 2. An entry's link back to its source (a mailbox URL) is readable by its author only, on
--    every path: colleagues could read source_url from the interactions table itself, not
--    only through the views that hid it.

alter table public.interactions drop constraint interactions_source_key;
create unique index interactions_source_key on public.interactions (org_id, kind, source_ref)
  where retracted_at is null;
comment on index public.interactions_source_key is
  'The same source (message or profile) is filed once per organization while it is not retracted.';

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

create function private.own_source_url(entry uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select i.source_url from public.interactions i
  where i.id = entry and i.author_id = (select auth.uid())
$$;
comment on function private.own_source_url(uuid) is
  'The entry''s link back to its source, for its author; null for everyone else.';

revoke select on public.interactions from authenticated;
grant select (
  id, org_id, account_id, contact_id, author_id, kind, source_ref, occurred_at, title, body,
  signals, created_at, updated_at, retracted_at
) on public.interactions to authenticated;

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
  private.own_source_url(i.id) as source_url,
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

create function private.my_source_urls()
returns table (id uuid, source_url text)
language sql
stable
security definer
set search_path = ''
as $$
  select i.id, i.source_url from public.interactions i
  where i.author_id = (select auth.uid()) and i.source_url is not null
$$;
comment on function private.my_source_urls() is 'The source links of the signed-in member''s own entries.';

create function public.my_source_urls()
returns table (id uuid, source_url text)
language sql
stable
security invoker
set search_path = ''
as $$
  select * from private.my_source_urls()
$$;
comment on function public.my_source_urls() is
  'For "What I have shared": the links back to the sources of my own entries (my mailbox, my '
  'LinkedIn). Nobody else''s.';

revoke all on function private.own_source_url(uuid), private.my_source_urls(), public.my_source_urls()
  from public, anon, authenticated;
grant execute on function private.own_source_url(uuid), private.my_source_urls(), public.my_source_urls()
  to authenticated, service_role;
