-- Entries: what a customer said or did, filed by a member. Authors own their entries
-- (pact rule 4): only they edit them, every edit keeps the previous text, and only they
-- retract them.

create table public.interactions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid,
  contact_id uuid,
  author_id uuid not null references auth.users (id),
  kind text not null check (kind in ('email', 'linkedin_message', 'linkedin_profile', 'note')),
  source_ref text check (source_ref is null or char_length(source_ref) between 1 and 500),
  source_url text check (source_url is null or private.is_https_url(source_url)),
  occurred_at timestamptz not null,
  title text not null check (char_length(title) between 1 and 300 and private.trim_text(title) = title),
  body text not null default '' check (char_length(body) <= 20000),
  signals text[] not null default '{}' check (private.are_valid_signals(signals)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  retracted_at timestamptz,
  check (kind = 'note' or source_ref is not null),
  check (contact_id is not null or (kind = 'note' and account_id is not null)),
  unique (org_id, id),
  foreign key (org_id, account_id) references public.accounts (org_id, id),
  foreign key (org_id, contact_id) references public.contacts (org_id, id)
);
comment on table public.interactions is
  'Entries: what a customer said, asked, decided or changed, filed by a member from an email, '
  'a LinkedIn message or profile, or as a note. Only the author edits or retracts an entry.';
comment on column public.interactions.id is
  'Made by the extension when its user opens the preview, so sending the same entry twice '
  'files it once.';
comment on column public.interactions.author_id is 'The member who filed the entry and owns it.';
comment on column public.interactions.kind is 'Where it came from: email, linkedin_message, linkedin_profile or note.';
comment on column public.interactions.source_ref is
  'Stable id of the source (Gmail message id, LinkedIn event, or a profile as it was: '
  'url|company|title). The same source is filed once per organization while it is not retracted.';
comment on column public.interactions.source_url is
  'Link back to the source. Only its author is shown it: the source lives in their own mailbox.';
comment on column public.interactions.occurred_at is 'When the customer said or did it, not when it was filed.';
comment on column public.interactions.body is 'Plain text, exactly what the author saw in the preview.';
comment on column public.interactions.signals is
  'Customer signals: buying_signal, objection, pricing, feature_request, churn_risk, '
  'competitor, support_issue, praise, job_change, introduction.';
comment on column public.interactions.retracted_at is
  'Set when the author retracts the entry; it then leaves the shared timeline and only the '
  'author still sees it.';

create table public.interaction_revisions (
  id uuid primary key default gen_random_uuid(),
  interaction_id uuid not null,
  org_id uuid not null,
  title text not null,
  body text not null,
  signals text[] not null,
  edited_by uuid references auth.users (id) on delete set null,
  edited_at timestamptz not null default now(),
  foreign key (org_id, interaction_id) references public.interactions (org_id, id) on delete cascade
);
comment on table public.interaction_revisions is
  'Earlier versions of edited entries. Each row holds the title, body and signals as they '
  'were before an edit; everyone who can see the entry can see its history.';
comment on column public.interaction_revisions.edited_by is 'Who made the edit (always the entry''s author).';
comment on column public.interaction_revisions.edited_at is 'When this version was replaced by the edit.';

-- Timeline order per account and per contact (keyset pagination on occurred_at, id).
create index interactions_account_timeline_idx on public.interactions (account_id, occurred_at desc, id desc)
  where retracted_at is null;
create index interactions_contact_timeline_idx on public.interactions (contact_id, occurred_at desc, id desc)
  where retracted_at is null;
-- The same message filed twice is one entry; a retracted entry frees its source, so the
-- message can be filed again and reach the timeline.
create unique index interactions_source_key on public.interactions (org_id, kind, source_ref)
  where retracted_at is null;
create index interactions_org_id_occurred_at_idx on public.interactions (org_id, occurred_at desc);
-- The author's own entries ("what I have shared") and the edit policy.
create index interactions_author_id_idx on public.interactions (author_id, created_at desc);
create index interaction_revisions_interaction_id_idx on public.interaction_revisions (interaction_id, edited_at);
create index interaction_revisions_org_id_idx on public.interaction_revisions (org_id);

-- Every edit keeps the text it replaces.
create function private.keep_interaction_revision()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.title := private.trim_text(new.title);
  if (new.title, new.body, new.signals) is distinct from (old.title, old.body, old.signals) then
    insert into public.interaction_revisions (interaction_id, org_id, title, body, signals, edited_by)
    values (old.id, old.org_id, old.title, old.body, old.signals, auth.uid());
    new.updated_at := now();
  end if;
  return new;
end;
$$;
comment on function private.keep_interaction_revision() is
  'Before an entry''s title, body or signals change, copies the previous version into '
  'interaction_revisions.';

create trigger interactions_keep_revision before update of title, body, signals on public.interactions
  for each row execute function private.keep_interaction_revision();

alter table public.interactions enable row level security;
alter table public.interaction_revisions enable row level security;

revoke all on public.interactions, public.interaction_revisions from public, anon, authenticated;
-- Entries are filed through file_interaction and retracted through retract_interaction; the
-- only direct write is the author editing the text. source_url is left out of the readable
-- columns: a link into someone's mailbox reaches its author only, through own_source_url.
grant select (
  id, org_id, account_id, contact_id, author_id, kind, source_ref, occurred_at, title, body,
  signals, created_at, updated_at, retracted_at
) on public.interactions to authenticated;
grant update (title, body, signals) on public.interactions to authenticated;
grant select on public.interaction_revisions to authenticated;
grant all on public.interactions, public.interaction_revisions to service_role;

create policy "members read their organization's entries; authors also their retracted ones"
  on public.interactions for select to authenticated
  using (
    org_id in (select private.member_org_ids())
    and (retracted_at is null or author_id = (select auth.uid()))
  );

create policy "authors edit their own entries"
  on public.interactions for update to authenticated
  using (
    author_id = (select auth.uid())
    and retracted_at is null
    and org_id in (select private.member_org_ids())
  )
  with check (
    author_id = (select auth.uid())
    and org_id in (select private.member_org_ids())
  );

create policy "members read the history of entries they can see"
  on public.interaction_revisions for select to authenticated
  using (
    org_id in (select private.member_org_ids())
    and exists (select 1 from public.interactions i where i.id = interaction_revisions.interaction_id)
  );

create function private.retract_interaction(target_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  entry record;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;

  select i.org_id, i.author_id, i.retracted_at into entry
  from public.interactions i
  where i.id = target_id
  for update;
  -- Entries of other organizations, and other people's retracted entries, do not exist
  -- as far as the caller can tell.
  if not found
    or not private.is_member(entry.org_id)
    or (entry.retracted_at is not null and entry.author_id <> caller) then
    raise exception 'id: no such entry' using errcode = 'P0002';
  end if;
  if entry.author_id <> caller then
    raise exception 'id: only its author can retract an entry' using errcode = '42501';
  end if;

  if entry.retracted_at is null then
    update public.interactions i set retracted_at = now() where i.id = target_id;
  end if;
end;
$$;
comment on function private.retract_interaction(uuid) is
  'Retracts an entry after checking that the caller is its author. Called by public.retract_interaction.';

create function public.retract_interaction(id uuid)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.retract_interaction(retract_interaction.id)
$$;
comment on function public.retract_interaction(uuid) is
  'The author takes an entry back: it leaves the shared timeline, views and lookups, and only '
  'the author still sees it. Nobody else, managers and admins included, can retract it.';

revoke all on function
  private.keep_interaction_revision(), private.retract_interaction(uuid), public.retract_interaction(uuid)
  from public, anon, authenticated;
grant execute on function private.retract_interaction(uuid), public.retract_interaction(uuid)
  to authenticated, service_role;

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
