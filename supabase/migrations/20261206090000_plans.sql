-- Plans and promises (docs/design.md, pact rule 13): what the customer wants, and what each
-- side promised, beside the customer's words. A plan item is open to every member of the
-- organization; its author owns its text (edits keep the previous body and date in
-- plan_item_revisions, visible to everyone who sees the item); only you can put your own
-- name on a step (taken_by is set by take_step, to the caller, and by nothing else).
--
-- There are no quotas here: nothing counts, sums or ranks plan items per person, and nothing
-- reports a share of steps done. No column is a number or a flag; the catalog tests hold
-- every function that reads these tables to that.
--
-- Members never write the tables directly: every change is an RPC below (a security definer
-- half in private that checks who is calling), so no direct INSERT or UPDATE can set taken_by
-- to someone else or touch another author's text. Reads go through row level security.

create table public.plan_items (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid not null,
  kind text not null check (kind in ('goal', 'step', 'risk', 'question')),
  side text check (side in ('ours', 'theirs')),
  body text not null check (char_length(body) between 1 and 500 and private.trim_text(body) = body),
  due_on date,
  contact_id uuid,
  taken_by uuid,
  source_interaction_id uuid,
  author_id uuid not null references auth.users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  settled_at timestamptz,
  settled_by uuid references auth.users (id) on delete set null,
  outcome text check (outcome in ('done', 'dropped')),
  settled_note text check (settled_note is null or (
    char_length(settled_note) between 1 and 500 and private.trim_text(settled_note) = settled_note
  )),
  settled_interaction_id uuid,
  -- A step says whose promise it is; nothing else has a side or a due date.
  check ((kind = 'step') = (side is not null)),
  check (due_on is null or kind = 'step'),
  check (taken_by is null or side = 'ours'),
  check ((settled_at is null) = (outcome is null)),
  check (settled_at is not null or (settled_by is null and settled_note is null and settled_interaction_id is null)),
  unique (org_id, id),
  -- Checked at commit: a merge deletes the merged record before its line moves the plan items
  -- (see private.move_plan_items_with_merge below).
  foreign key (org_id, account_id) references public.accounts (org_id, id) deferrable initially deferred,
  foreign key (org_id, contact_id) references public.contacts (org_id, id) deferrable initially deferred,
  foreign key (org_id, source_interaction_id) references public.interactions (org_id, id),
  foreign key (org_id, settled_interaction_id) references public.interactions (org_id, id),
  -- Someone who leaves the organization no longer holds a step: it is free to take again.
  foreign key (org_id, taken_by) references public.memberships (org_id, user_id) on delete set null (taken_by)
);
comment on table public.plan_items is
  'An account''s plan: what the customer wants (goal), what each side promised (step), what '
  'could go wrong (risk) and what is still open to ask (question), in the customer''s words '
  'where possible. Every member reads and settles them; only the author edits or withdraws an '
  'item. Written only through add_plan_item and the functions beside it. Never counted per person.';
comment on column public.plan_items.id is
  'Made by the extension when its user adds the item, so a retried add makes it once.';
comment on column public.plan_items.account_id is 'The account the plan belongs to; follows the account when it is merged.';
comment on column public.plan_items.kind is 'goal, step, risk or question.';
comment on column public.plan_items.side is
  'For a step only: ours (we promised it) or theirs (the customer promised it). Empty for '
  'goals, risks and questions.';
comment on column public.plan_items.body is 'What was wanted or promised, 1 to 500 characters of plain text; its author''s words.';
comment on column public.plan_items.due_on is 'For a step only, optional: the date it was promised for.';
comment on column public.plan_items.contact_id is 'Who at the customer it concerns (optional); a contact of the same account.';
comment on column public.plan_items.taken_by is
  'The member who took an ''ours'' step for themselves (take_step). Nobody can put someone '
  'else''s name here; a step is never assigned.';
comment on column public.plan_items.source_interaction_id is
  'The entry where it was said (optional, same account). Not shown once that entry is retracted.';
comment on column public.plan_items.author_id is 'The member who wrote the item and owns its text.';
comment on column public.plan_items.created_at is 'When the item was added.';
comment on column public.plan_items.updated_at is 'When the item last changed (text, date, contact, taken or settled).';
comment on column public.plan_items.settled_at is 'When the item was settled; empty while it is open.';
comment on column public.plan_items.settled_by is 'The member who settled it (any member may: the customer''s answer reaches anyone).';
comment on column public.plan_items.outcome is 'How it was settled: done or dropped. Empty while open.';
comment on column public.plan_items.settled_note is 'An optional word on how it was settled, at most 500 characters.';
comment on column public.plan_items.settled_interaction_id is 'The entry that settled it, when there is one (same account).';

create table public.plan_item_revisions (
  id uuid primary key default gen_random_uuid(),
  plan_item_id uuid not null,
  org_id uuid not null,
  body text not null,
  due_on date,
  edited_by uuid references auth.users (id) on delete set null,
  edited_at timestamptz not null default now(),
  foreign key (org_id, plan_item_id) references public.plan_items (org_id, id) on delete cascade
);
comment on table public.plan_item_revisions is
  'Earlier versions of edited plan items: the body and due date as they were before an edit. '
  'Everyone who can see the item can see its history.';
comment on column public.plan_item_revisions.plan_item_id is 'The plan item this was an earlier version of.';
comment on column public.plan_item_revisions.body is 'The body before the edit.';
comment on column public.plan_item_revisions.due_on is 'The due date before the edit.';
comment on column public.plan_item_revisions.edited_by is 'Who made the edit (always the item''s author).';
comment on column public.plan_item_revisions.edited_at is 'When this version was replaced by the edit.';

-- The policies' column, the account's plan, what is due (per organization, and the caller's
-- own), the panel's open steps per account, and the foreign keys' other ends.
create index plan_items_org_id_idx on public.plan_items (org_id, created_at desc);
create index plan_items_account_id_idx on public.plan_items (account_id, settled_at desc, id);
create index plan_items_open_steps_org_idx on public.plan_items (org_id, due_on, id)
  where kind = 'step' and settled_at is null;
create index plan_items_open_steps_account_idx on public.plan_items (account_id, due_on, id)
  where kind = 'step' and settled_at is null;
create index plan_items_taken_by_idx on public.plan_items (taken_by, due_on) where taken_by is not null;
create index plan_items_author_id_idx on public.plan_items (author_id, created_at desc);
create index plan_items_contact_id_idx on public.plan_items (contact_id) where contact_id is not null;
create index plan_items_source_interaction_id_idx on public.plan_items (source_interaction_id)
  where source_interaction_id is not null;
create index plan_items_settled_interaction_id_idx on public.plan_items (settled_interaction_id)
  where settled_interaction_id is not null;
create index plan_item_revisions_plan_item_id_idx on public.plan_item_revisions (plan_item_id, edited_at);
create index plan_item_revisions_org_id_idx on public.plan_item_revisions (org_id);

alter table public.plan_items enable row level security;
alter table public.plan_item_revisions enable row level security;

revoke all on public.plan_items, public.plan_item_revisions from public, anon, authenticated;
grant select on public.plan_items, public.plan_item_revisions to authenticated;
grant all on public.plan_items, public.plan_item_revisions to service_role;

create policy "members read their organization's plan items"
  on public.plan_items for select to authenticated
  using (org_id in (select private.member_org_ids()));

create policy "members read the history of their organization's plan items"
  on public.plan_item_revisions for select to authenticated
  using (org_id in (select private.member_org_ids()));

-- Checks shared by add and edit. Refusals name the field, like every RPC.
create function private.clean_plan_text(field text, value text, required boolean)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  clean text := nullif(private.trim_text(value), '');
begin
  if clean is null then
    if required or value is not null then
      perform private.refuse(field, 'must not be blank');
    end if;
    return null;
  end if;
  if char_length(clean) > 500 then
    perform private.refuse(field, 'must be at most 500 characters');
  end if;
  return clean;
end;
$$;
comment on function private.clean_plan_text(text, text, boolean) is
  'A plan item''s body or settled note, trimmed; refused when blank (or missing and required) '
  'or over 500 characters, naming the field.';

create function private.check_plan_due_on(due date)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if due is not null and (due < current_date - interval '5 years' or due > current_date + interval '5 years') then
    perform private.refuse('due_on', 'must be within five years of today');
  end if;
end;
$$;
comment on function private.check_plan_due_on(date) is
  'Refuses a due date more than five years before or after today (a mistyped year).';

-- The item a caller may act on: it exists and the caller belongs to its organization. Locked
-- for the rest of the transaction, so two members settling at once act one after the other.
create function private.plan_item_for_caller(target uuid)
returns public.plan_items
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  item public.plan_items%rowtype;
begin
  if auth.uid() is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  if target is null then
    perform private.refuse('id', 'is required');
  end if;
  select * into item from public.plan_items p where p.id = target for update;
  if not found or not private.is_member(item.org_id) then
    raise exception 'id: not a plan item of your organization' using errcode = '42501';
  end if;
  return item;
end;
$$;
comment on function private.plan_item_for_caller(uuid) is
  'The plan item with this id, locked, after checking that the signed-in user is a member of '
  'its organization (42501 otherwise, naming id).';

-- A contact or entry of the item's account: followed through merges for contacts, live for entries.
create function private.plan_contact(target_org uuid, target_account uuid, contact uuid)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  current uuid;
begin
  if contact is null then
    return null;
  end if;
  current := private.current_contact_id(target_org, contact);
  if current is null then
    perform private.refuse('contact_id', 'no such contact in this organization');
  end if;
  if not exists (select 1 from public.contacts c where c.id = current and c.account_id = target_account) then
    perform private.refuse('contact_id', 'is not a contact of this account');
  end if;
  return current;
end;
$$;
comment on function private.plan_contact(uuid, uuid, uuid) is
  'The contact a plan item names (following merges), refused unless it belongs to the item''s account.';

create function private.plan_entry(field text, target_org uuid, target_account uuid, entry uuid)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if entry is not null and not exists (
    select 1 from public.interactions i
    where i.id = entry and i.org_id = target_org and i.account_id = target_account and i.retracted_at is null
  ) then
    perform private.refuse(field, 'is not a live entry of this account');
  end if;
  return entry;
end;
$$;
comment on function private.plan_entry(text, uuid, uuid, uuid) is
  'An entry a plan item points at (where it was said, or what settled it), refused unless it is '
  'a live entry of the item''s account.';

create function private.add_plan_item(
  target_org uuid, target_account uuid, item_kind text, item_body text, item_side text,
  item_due_on date, item_contact uuid, take boolean, source_entry uuid, item_id uuid
)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  existing record;
  account uuid;
  clean_body text;
  inserted uuid;
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

  -- Merges take this lock too: the account and contact resolved below cannot be merged away
  -- before the item lands on them.
  perform pg_advisory_xact_lock(hashtextextended('highcard.file_interaction:' || target_org::text, 0));

  -- A retried add (pact rule 7) finds what it made and changes nothing.
  if item_id is not null then
    select p.id, p.org_id, p.author_id into existing from public.plan_items p where p.id = item_id;
    if found then
      if existing.author_id <> caller or existing.org_id <> target_org then
        raise exception 'id: is already used by another plan item' using errcode = '23505';
      end if;
      return existing.id;
    end if;
  end if;

  if item_kind is null or item_kind not in ('goal', 'step', 'risk', 'question') then
    perform private.refuse('kind', 'must be goal, step, risk or question');
  end if;
  if item_kind = 'step' then
    if item_side is null then
      perform private.refuse('side', 'is required for a step: ours or theirs');
    end if;
    if item_side not in ('ours', 'theirs') then
      perform private.refuse('side', 'must be ours or theirs');
    end if;
  else
    if item_side is not null then
      perform private.refuse('side', 'only a step has a side');
    end if;
    if item_due_on is not null then
      perform private.refuse('due_on', 'only a step has a due date');
    end if;
  end if;
  if coalesce(take, false) and item_side is distinct from 'ours' then
    perform private.refuse('take', 'only a step of ours can be taken');
  end if;
  clean_body := private.clean_plan_text('body', item_body, true);
  perform private.check_plan_due_on(item_due_on);

  if target_account is null then
    perform private.refuse('account_id', 'is required');
  end if;
  -- An outbox may hold an account id that a colleague has merged since: it means the survivor.
  account := private.current_account_id(target_org, target_account);
  if account is null then
    perform private.refuse('account_id', 'no such account in this organization');
  end if;

  insert into public.plan_items (
    id, org_id, account_id, kind, side, body, due_on, contact_id, taken_by, source_interaction_id, author_id
  ) values (
    coalesce(item_id, gen_random_uuid()), target_org, account, item_kind, item_side, clean_body, item_due_on,
    private.plan_contact(target_org, account, item_contact),
    case when coalesce(take, false) then caller end,
    private.plan_entry('source_interaction_id', target_org, account, source_entry),
    caller
  )
  on conflict (id) do nothing
  returning id into inserted;
  if inserted is null then
    -- Only reachable when another organization's add used this id in the meantime.
    raise exception 'id: is already used by another plan item' using errcode = '23505';
  end if;
  return inserted;
end;
$$;
comment on function private.add_plan_item(uuid, uuid, text, text, text, date, uuid, boolean, uuid, uuid) is
  'Adds a plan item for a member after checking every field. Called by public.add_plan_item.';

create function public.add_plan_item(
  org_id uuid, account_id uuid, kind text, body text, side text default null,
  due_on date default null, contact_id uuid default null, take boolean default false,
  source_interaction_id uuid default null, id uuid default null
)
returns uuid
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.add_plan_item(
    add_plan_item.org_id, add_plan_item.account_id, add_plan_item.kind, add_plan_item.body,
    add_plan_item.side, add_plan_item.due_on, add_plan_item.contact_id, add_plan_item.take,
    add_plan_item.source_interaction_id, add_plan_item.id
  )
$$;
comment on function public.add_plan_item(uuid, uuid, text, text, text, date, uuid, boolean, uuid, uuid) is
  'Any member: adds a goal, step, risk or question to an account''s plan and returns its id. A '
  'step needs side (ours or theirs) and may have due_on (within five years of today); take puts '
  'the caller''s own name on a step of ours. contact_id and source_interaction_id must belong to '
  'the same account. id is the client''s idempotency key: the same id again returns the item '
  'and changes nothing; an id used by someone else is refused.';

create function private.edit_plan_item(target uuid, new_body text, new_due_on date, new_contact uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  item public.plan_items%rowtype;
  item_org uuid;
  clean_body text;
  contact uuid;
begin
  -- The organization's filing lock before the item's row lock, in the order merges take them,
  -- so an edit naming a contact and a merge of that contact wait for each other, never deadlock.
  select p.org_id into item_org from public.plan_items p where p.id = target;
  if item_org is not null and private.is_member(item_org) then
    perform pg_advisory_xact_lock(hashtextextended('highcard.file_interaction:' || item_org::text, 0));
  end if;
  item := private.plan_item_for_caller(target);
  if item.author_id <> auth.uid() then
    raise exception 'id: only its author edits a plan item' using errcode = '42501';
  end if;
  clean_body := coalesce(private.clean_plan_text('body', new_body, false), item.body);
  if new_due_on is not null and item.kind <> 'step' then
    perform private.refuse('due_on', 'only a step has a due date');
  end if;
  perform private.check_plan_due_on(new_due_on);
  contact := coalesce(private.plan_contact(item.org_id, item.account_id, new_contact), item.contact_id);

  if (clean_body, coalesce(new_due_on, item.due_on)) is distinct from (item.body, item.due_on) then
    insert into public.plan_item_revisions (plan_item_id, org_id, body, due_on, edited_by)
    values (item.id, item.org_id, item.body, item.due_on, auth.uid());
  end if;
  if (clean_body, coalesce(new_due_on, item.due_on), contact) is distinct from (item.body, item.due_on, item.contact_id) then
    update public.plan_items p set
      body = clean_body,
      due_on = coalesce(new_due_on, p.due_on),
      contact_id = contact,
      updated_at = now()
    where p.id = item.id;
  end if;
end;
$$;
comment on function private.edit_plan_item(uuid, text, date, uuid) is
  'Changes a plan item for its author, keeping the previous body and date. Called by public.edit_plan_item.';

create function public.edit_plan_item(id uuid, body text default null, due_on date default null, contact_id uuid default null)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.edit_plan_item(edit_plan_item.id, edit_plan_item.body, edit_plan_item.due_on, edit_plan_item.contact_id)
$$;
comment on function public.edit_plan_item(uuid, text, date, uuid) is
  'The author only: changes the body, the due date (steps) or the contact (of the same account) '
  'of a plan item; what is left out stays as it is. The previous body and date are kept in '
  'plan_item_revisions, which every member can read.';

create function private.take_step(target uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  item public.plan_items%rowtype;
begin
  item := private.plan_item_for_caller(target);
  if item.side is distinct from 'ours' then
    perform private.refuse('id', 'only a step of ours can be taken');
  end if;
  if item.settled_at is not null then
    perform private.refuse('id', 'this step is settled');
  end if;
  if item.taken_by = auth.uid() then
    return;
  end if;
  if item.taken_by is not null then
    perform private.refuse('id', 'a colleague has already taken this step');
  end if;
  update public.plan_items p set taken_by = auth.uid(), updated_at = now() where p.id = item.id;
end;
$$;
comment on function private.take_step(uuid) is
  'Puts the caller''s own name on an open, untaken step of ours. Called by public.take_step.';

create function public.take_step(id uuid)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.take_step(take_step.id)
$$;
comment on function public.take_step(uuid) is
  'Any member: takes an open step of ours that nobody has taken, for themselves. Taking a step '
  'you already hold changes nothing. There is no way to put someone else''s name on a step.';

create function private.release_step(target uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  item public.plan_items%rowtype;
begin
  item := private.plan_item_for_caller(target);
  if item.taken_by is null then
    return;
  end if;
  if item.taken_by <> auth.uid() then
    raise exception 'id: only whoever took this step can release it' using errcode = '42501';
  end if;
  update public.plan_items p set taken_by = null, updated_at = now() where p.id = item.id;
end;
$$;
comment on function private.release_step(uuid) is
  'Takes the caller''s name off a step they took. Called by public.release_step.';

create function public.release_step(id uuid)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.release_step(release_step.id)
$$;
comment on function public.release_step(uuid) is
  'Whoever took a step lets it go, so a colleague can take it. Nobody else can.';

create function private.settle_plan_item(target uuid, item_outcome text, note text, entry uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  item public.plan_items%rowtype;
  clean_note text;
begin
  item := private.plan_item_for_caller(target);
  if item_outcome is null or item_outcome not in ('done', 'dropped') then
    perform private.refuse('outcome', 'must be done or dropped');
  end if;
  clean_note := private.clean_plan_text('note', note, false);
  perform private.plan_entry('interaction_id', item.org_id, item.account_id, entry);
  if item.settled_at is not null then
    -- A retried settle changes nothing; a different answer needs the item reopened first.
    if item.outcome = item_outcome then
      return;
    end if;
    perform private.refuse('id', 'is already settled; reopen it first');
  end if;
  update public.plan_items p set
    settled_at = now(), settled_by = auth.uid(), outcome = item_outcome,
    settled_note = clean_note, settled_interaction_id = entry, updated_at = now()
  where p.id = item.id;
end;
$$;
comment on function private.settle_plan_item(uuid, text, text, uuid) is
  'Settles a plan item for any member of its organization. Called by public.settle_plan_item.';

create function public.settle_plan_item(id uuid, outcome text, note text default null, interaction_id uuid default null)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.settle_plan_item(
    settle_plan_item.id, settle_plan_item.outcome, settle_plan_item.note, settle_plan_item.interaction_id
  )
$$;
comment on function public.settle_plan_item(uuid, text, text, uuid) is
  'Any member (the customer''s answer may reach anyone): settles a plan item as done or dropped, '
  'with an optional note (at most 500 characters) and the entry of the same account that settled '
  'it. Settling again the same way changes nothing.';

create function private.reopen_plan_item(target uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  item public.plan_items%rowtype;
begin
  item := private.plan_item_for_caller(target);
  if item.settled_at is null then
    return;
  end if;
  if auth.uid() is distinct from item.settled_by and auth.uid() <> item.author_id then
    raise exception 'id: only whoever settled it or its author can reopen it' using errcode = '42501';
  end if;
  update public.plan_items p set
    settled_at = null, settled_by = null, outcome = null, settled_note = null,
    settled_interaction_id = null, updated_at = now()
  where p.id = item.id;
end;
$$;
comment on function private.reopen_plan_item(uuid) is
  'Reopens a settled plan item for whoever settled it or its author. Called by public.reopen_plan_item.';

create function public.reopen_plan_item(id uuid)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.reopen_plan_item(reopen_plan_item.id)
$$;
comment on function public.reopen_plan_item(uuid) is
  'Whoever settled a plan item, or its author: makes it open again. An open item stays as it is.';

create function private.withdraw_plan_item(target uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  item public.plan_items%rowtype;
begin
  if auth.uid() is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  -- Withdrawn already (a retry from the outbox): nothing left to do.
  if target is not null and not exists (select 1 from public.plan_items p where p.id = target) then
    return;
  end if;
  item := private.plan_item_for_caller(target);
  if item.author_id <> auth.uid() then
    raise exception 'id: only its author withdraws a plan item' using errcode = '42501';
  end if;
  if item.settled_at is not null then
    perform private.refuse('id', 'a settled item stays in the plan; reopen it to withdraw it');
  end if;
  delete from public.plan_items p where p.id = item.id;
end;
$$;
comment on function private.withdraw_plan_item(uuid) is
  'Removes an open plan item for its author. Called by public.withdraw_plan_item.';

create function public.withdraw_plan_item(id uuid)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.withdraw_plan_item(withdraw_plan_item.id)
$$;
comment on function public.withdraw_plan_item(uuid) is
  'The author, while the item is open: the item leaves the plan, with its history.';

-- Reads run as the caller, through row level security. An entry that was retracted is not
-- pointed at: the author's own retracted entries are readable to them, so this is checked here.
create function private.live_entry_id(entry uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select i.id from public.interactions i
  where i.id = entry and i.retracted_at is null and i.org_id in (select private.member_org_ids())
$$;
comment on function private.live_entry_id(uuid) is
  'The entry id when that entry is live and in one of the caller''s organizations, else null: '
  'plan answers never point at a retracted entry.';

create function public.account_plan(org_id uuid, account_id uuid)
returns table (
  id uuid, kind text, side text, body text, due_on date, contact_id uuid, contact_name text,
  taken_by_display_name text, author_id uuid, author_display_name text, source_interaction_id uuid,
  created_at timestamptz, settled_at timestamptz, outcome text, settled_note text,
  revision_count integer, taken_by uuid, settled_by uuid, settled_interaction_id uuid
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if not private.is_member(account_plan.org_id) then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  return query
  select p.id, p.kind, p.side, p.body, p.due_on, p.contact_id, c.full_name, tm.display_name,
    p.author_id, coalesce(am.display_name, 'A former colleague'),
    private.live_entry_id(p.source_interaction_id), p.created_at, p.settled_at, p.outcome, p.settled_note,
    (select count(*) from public.plan_item_revisions r where r.plan_item_id = p.id)::integer,
    p.taken_by, p.settled_by, private.live_entry_id(p.settled_interaction_id)
  from public.plan_items p
  left join public.contacts c on c.id = p.contact_id
  left join public.memberships tm on tm.org_id = p.org_id and tm.user_id = p.taken_by
  left join public.memberships am on am.org_id = p.org_id and am.user_id = p.author_id
  where p.org_id = account_plan.org_id and p.account_id = account_plan.account_id
  order by
    p.settled_at is not null,
    case when p.settled_at is null then p.due_on end nulls last,
    case when p.settled_at is null then p.created_at end,
    p.settled_at desc,
    p.id
  limit 500;
end;
$$;
comment on function public.account_plan(uuid, uuid) is
  'An account''s plan for members: open items first (by due date, undated last, then as added), '
  'then settled ones, latest settled first; at most 500. Each with its contact, who took it, its '
  'author, the entry where it was said (empty once that entry is retracted) and how many earlier '
  'versions its text has. Nothing is counted per person.';

create function public.due_steps(org_id uuid, until date, only_mine boolean default false, account_ids uuid[] default null)
returns table (
  id uuid, account_id uuid, account_name text, side text, body text, due_on date, contact_id uuid,
  contact_name text, taken_by uuid, taken_by_display_name text, author_id uuid, source_interaction_id uuid
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if not private.is_member(due_steps.org_id) then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  if due_steps.until is null then
    perform private.refuse('until', 'is required');
  end if;
  if cardinality(due_steps.account_ids) > 500 then
    perform private.refuse('account_ids', 'at most 500 accounts at a time');
  end if;
  return query
  select p.id, p.account_id, a.name, p.side, p.body, p.due_on, p.contact_id, c.full_name,
    p.taken_by, tm.display_name, p.author_id, private.live_entry_id(p.source_interaction_id)
  from public.plan_items p
  join public.accounts a on a.id = p.account_id
  left join public.contacts c on c.id = p.contact_id
  left join public.memberships tm on tm.org_id = p.org_id and tm.user_id = p.taken_by
  where p.org_id = due_steps.org_id
    and p.kind = 'step' and p.settled_at is null
    and p.due_on <= due_steps.until
    and (not coalesce(due_steps.only_mine, false) or p.taken_by = auth.uid() or p.author_id = auth.uid())
    and (due_steps.account_ids is null or p.account_id = any (due_steps.account_ids))
  order by p.due_on, p.id
  limit 500;
end;
$$;
comment on function public.due_steps(uuid, date, boolean, uuid[]) is
  'For members: open steps due on or before until (overdue ones included), both sides, by due '
  'date then id, at most 500. only_mine keeps the steps the caller took or wrote; account_ids '
  'keeps those of the given accounts (the ones the caller follows, which the browser keeps).';

revoke all on function
  private.clean_plan_text(text, text, boolean), private.check_plan_due_on(date),
  private.plan_item_for_caller(uuid), private.plan_contact(uuid, uuid, uuid),
  private.plan_entry(text, uuid, uuid, uuid), private.live_entry_id(uuid),
  private.add_plan_item(uuid, uuid, text, text, text, date, uuid, boolean, uuid, uuid),
  private.edit_plan_item(uuid, text, date, uuid), private.take_step(uuid), private.release_step(uuid),
  private.settle_plan_item(uuid, text, text, uuid), private.reopen_plan_item(uuid),
  private.withdraw_plan_item(uuid),
  public.add_plan_item(uuid, uuid, text, text, text, date, uuid, boolean, uuid, uuid),
  public.edit_plan_item(uuid, text, date, uuid), public.take_step(uuid), public.release_step(uuid),
  public.settle_plan_item(uuid, text, text, uuid), public.reopen_plan_item(uuid),
  public.withdraw_plan_item(uuid), public.account_plan(uuid, uuid),
  public.due_steps(uuid, date, boolean, uuid[])
  from public, anon, authenticated;
-- The public functions delegate to their private halves, which check the caller themselves;
-- the helpers behind those halves stay with the service role.
grant execute on function
  private.live_entry_id(uuid),
  private.add_plan_item(uuid, uuid, text, text, text, date, uuid, boolean, uuid, uuid),
  private.edit_plan_item(uuid, text, date, uuid), private.take_step(uuid), private.release_step(uuid),
  private.settle_plan_item(uuid, text, text, uuid), private.reopen_plan_item(uuid),
  private.withdraw_plan_item(uuid),
  public.add_plan_item(uuid, uuid, text, text, text, date, uuid, boolean, uuid, uuid),
  public.edit_plan_item(uuid, text, date, uuid), public.take_step(uuid), public.release_step(uuid),
  public.settle_plan_item(uuid, text, text, uuid), public.reopen_plan_item(uuid),
  public.withdraw_plan_item(uuid), public.account_plan(uuid, uuid),
  public.due_steps(uuid, date, boolean, uuid[])
  to authenticated, service_role;
grant execute on function
  private.clean_plan_text(text, text, boolean), private.check_plan_due_on(date),
  private.plan_item_for_caller(uuid), private.plan_contact(uuid, uuid, uuid),
  private.plan_entry(text, uuid, uuid, uuid)
  to service_role;

-- Merges move plan items with their account and contact (docs/design.md, "One customer, one
-- record"). A trigger on the merge's history line does it, whatever version of the merge
-- functions runs: when a line says merged_id became keep_id, the plan items still naming
-- merged_id move to keep_id. A merge that moves them itself first (to write down what it
-- moved, for undo) leaves the trigger nothing to do. The line is written after the merged
-- record is deleted, so the two foreign keys to them wait for the end of the transaction.

create function private.move_plan_items_with_merge()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_table_name = 'account_merges' then
    update public.plan_items p set account_id = new.keep_id
    where p.org_id = new.org_id and p.account_id = new.merged_id;
  else
    update public.plan_items p set contact_id = new.keep_id
    where p.org_id = new.org_id and p.contact_id = new.merged_id;
  end if;
  return null;
end;
$$;
comment on function private.move_plan_items_with_merge() is
  'After a merge''s line is written (account_merges or contact_merges), moves the plan items '
  'still on the merged account or contact to the kept one, open and settled alike, with their '
  'authors, takers and history.';

create trigger account_merges_move_plan_items after insert on public.account_merges
  for each row execute function private.move_plan_items_with_merge();
create trigger contact_merges_move_plan_items after insert on public.contact_merges
  for each row execute function private.move_plan_items_with_merge();

revoke all on function private.move_plan_items_with_merge() from public, anon, authenticated;

-- lookup_context answers open_steps too: replaces 20261129140200's version, unchanged otherwise
-- (same arguments, same keys). create or replace keeps its grants; restated so this reads whole.
create or replace function public.lookup_context(
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
    ), '[]'::jsonb),
    'open_steps', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', s.id, 'org_id', s.org_id, 'account_id', s.account_id, 'side', s.side, 'body', s.body,
        'due_on', s.due_on, 'contact_id', s.contact_id, 'contact_name', c.full_name,
        'taken_by', s.taken_by, 'taken_by_display_name', tm.display_name, 'author_id', s.author_id,
        'source_interaction_id', private.live_entry_id(s.source_interaction_id)
      ) order by s.due_on nulls last, s.id)
      from public.accounts a
      -- What is open with each account before the rep replies: its five soonest steps, both
      -- sides, straight from the open steps' index.
      cross join lateral (
        select p.* from public.plan_items p
        where p.account_id = a.id and p.kind = 'step' and p.settled_at is null
        order by p.due_on nulls last, p.id
        limit 5
      ) s
      left join public.contacts c on c.id = s.contact_id
      left join public.memberships tm on tm.org_id = s.org_id and tm.user_id = s.taken_by
      where a.id = any (account_ids)
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
  'about them, the colleagues who filed about them (with when they last did), the open steps '
  'of each matched account (at most 5 each, soonest due first, both sides), and, given '
  'full_name, up to 10 candidates: contacts of that name not matched otherwise (id, full_name, '
  'email, linkedin_url, account_id, account_name). Read-only: the question is not logged '
  'anywhere. Searches all the caller''s organizations unless org_id is given.';

revoke all on function public.lookup_context(text[], text, uuid, text) from public, anon, authenticated;
grant execute on function public.lookup_context(text[], text, uuid, text) to authenticated, service_role;
