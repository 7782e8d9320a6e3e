-- Coaching periods: the pact's one exception for a person's own activity (pact rule 9).
-- A manager or admin opens a period for one employee, for at most 90 days, with a purpose.
-- Both write text notes while it is open; nobody else sees anything of it (not other
-- managers, not admins, no view, no other function); 30 days after it ends the period and
-- its notes are deleted. Nothing here is a number, a flag or a count: only words and dates.
--
-- Days are UTC days (hosted Supabase runs in UTC): "today" is private.coaching_today().

create table public.coaching_periods (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  manager_id uuid not null,
  employee_id uuid not null,
  purpose text not null
    check (char_length(purpose) between 1 and 500 and private.trim_text(purpose) = purpose),
  starts_on date not null,
  ends_on date not null,
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  check (manager_id <> employee_id),
  check (ends_on >= starts_on),
  unique (org_id, id),
  -- Either person leaving the organization ends the period for good: it and its notes go.
  foreign key (org_id, manager_id) references public.memberships (org_id, user_id) on delete cascade,
  foreign key (org_id, employee_id) references public.memberships (org_id, user_id) on delete cascade
);
comment on table public.coaching_periods is
  'Coaching periods: a manager and one employee writing to each other for a limited time, '
  'for training. Only those two people can read a period and its notes - not other managers, '
  'not admins. Opened with open_coaching_period; deleted with its notes 30 days after it ends.';
comment on column public.coaching_periods.manager_id is 'The manager or admin who opened the period.';
comment on column public.coaching_periods.employee_id is 'The one person the period is for.';
comment on column public.coaching_periods.purpose is 'Why the period exists, in the manager''s words (1 to 500 characters).';
comment on column public.coaching_periods.starts_on is 'The UTC day the period was opened.';
comment on column public.coaching_periods.ends_on is
  'The last UTC day of the period (at most 90 days after it was opened). Notes can be written '
  'until the end of this day.';
comment on column public.coaching_periods.ended_at is
  'Set when the manager ends the period early; null while it runs to ends_on.';

create table public.coaching_notes (
  id uuid primary key default gen_random_uuid(),
  period_id uuid not null,
  org_id uuid not null,
  author_id uuid not null references auth.users (id) on delete cascade,
  body text not null
    check (char_length(body) between 1 and 4000 and private.trim_text(body) = body),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (org_id, period_id) references public.coaching_periods (org_id, id) on delete cascade
);
comment on table public.coaching_notes is
  'What the manager and the employee write during a coaching period: text only, readable by '
  'those two people alone, deleted with the period 30 days after it ends.';
comment on column public.coaching_notes.author_id is
  'The manager or the employee of the period; only they can edit the note, while the period is open.';
comment on column public.coaching_notes.body is 'Plain text, 1 to 4000 characters.';

-- The policies below look periods up by either person; notes are read per period, newest first.
create index coaching_periods_manager_id_idx on public.coaching_periods (manager_id, created_at desc);
create index coaching_periods_employee_id_idx on public.coaching_periods (employee_id, created_at desc);
create index coaching_periods_org_id_idx on public.coaching_periods (org_id);
-- purge_ended_coaching finds what is due by the end day.
create index coaching_periods_ends_on_idx on public.coaching_periods (ends_on);
create index coaching_notes_period_id_idx on public.coaching_notes (period_id, created_at desc);
create index coaching_notes_org_id_idx on public.coaching_notes (org_id);
create index coaching_notes_author_id_idx on public.coaching_notes (author_id);

-- An edit is stored trimmed, like a new note, and dated.
create function private.tidy_coaching_note_edit()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.body := private.trim_text(new.body);
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.tidy_coaching_note_edit() is
  'Before a note''s text changes: trims it the way add_coaching_note does and sets updated_at.';

create trigger coaching_notes_tidy_edit before update of body on public.coaching_notes
  for each row execute function private.tidy_coaching_note_edit();

-- "Today" and "open" in one place, so the RPCs, the policies and the purge agree.
create function private.coaching_today()
returns date
language sql
stable
set search_path = ''
as $$
  select (now() at time zone 'UTC')::date
$$;
comment on function private.coaching_today() is 'Today''s UTC day: coaching periods start and end on UTC days.';

create function private.coaching_period_is_open(starts_on date, ends_on date, ended_at timestamptz)
returns boolean
language sql
stable
set search_path = ''
as $$
  select coaching_period_is_open.ended_at is null
    and private.coaching_today() between coaching_period_is_open.starts_on and coaching_period_is_open.ends_on
$$;
comment on function private.coaching_period_is_open(date, date, timestamptz) is
  'True while notes can be written: today is between the first and last day and the manager '
  'has not ended the period early.';

create function private.coaching_delete_after(ends_on date, ended_at timestamptz)
returns timestamptz
language sql
immutable
set search_path = ''
as $$
  -- A period that runs its course ends when its last UTC day is over.
  select coalesce(
    coaching_delete_after.ended_at,
    (coaching_delete_after.ends_on + 1)::timestamp at time zone 'UTC'
  ) + interval '30 days'
$$;
comment on function private.coaching_delete_after(date, timestamptz) is
  'When a period and its notes are deleted: 30 days after it ended (early) or after its last '
  'day. The extension shows the same moment (utils/coaching.ts).';

-- Policy helpers: they read coaching_periods past row level security, only ever about the
-- signed-in user's own periods.
create function private.my_coaching_period_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.id from public.coaching_periods p
  where (p.manager_id = (select auth.uid()) or p.employee_id = (select auth.uid()))
    and p.org_id in (select private.member_org_ids())
$$;
comment on function private.my_coaching_period_ids() is
  'The coaching periods the signed-in user is the manager or the employee of.';

create function private.my_open_coaching_period_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.id from public.coaching_periods p
  where p.id in (select private.my_coaching_period_ids())
    and private.coaching_period_is_open(p.starts_on, p.ends_on, p.ended_at)
$$;
comment on function private.my_open_coaching_period_ids() is
  'The signed-in user''s coaching periods that are open today (notes can be written and edited).';

alter table public.coaching_periods enable row level security;
alter table public.coaching_notes enable row level security;

revoke all on public.coaching_periods, public.coaching_notes from public, anon, authenticated;
-- Periods are opened and ended through functions, notes are added through one; the only
-- direct write is an author editing the text of their own note while the period is open.
grant select on public.coaching_periods, public.coaching_notes to authenticated;
grant update (body) on public.coaching_notes to authenticated;
grant all on public.coaching_periods, public.coaching_notes to service_role;

create policy "the manager and the employee of a period read it, nobody else"
  on public.coaching_periods for select to authenticated
  using (id in (select private.my_coaching_period_ids()));

create policy "the manager and the employee of a period read its notes, nobody else"
  on public.coaching_notes for select to authenticated
  using (period_id in (select private.my_coaching_period_ids()));

create policy "authors edit their own notes while the period is open"
  on public.coaching_notes for update to authenticated
  using (author_id = (select auth.uid()) and period_id in (select private.my_open_coaching_period_ids()))
  with check (author_id = (select auth.uid()) and period_id in (select private.my_open_coaching_period_ids()));

-- open_coaching_period: a manager or admin, for someone else in the organization.
create function private.open_coaching_period(target_org uuid, target_employee uuid, period_purpose text, last_day date)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  caller_role text;
  clean_purpose text := private.trim_text(period_purpose);
  today date := private.coaching_today();
  new_id uuid;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;

  select m.role into caller_role
  from public.memberships m
  where m.org_id = target_org and m.user_id = caller;
  if caller_role is null then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  if caller_role not in ('manager', 'admin') then
    raise exception 'org_id: only managers and admins open coaching periods' using errcode = '42501';
  end if;
  if target_employee = caller then
    raise exception 'employee_id: nobody opens a coaching period for themself' using errcode = '42501';
  end if;
  if target_employee is null or not exists (
    select 1 from public.memberships m where m.org_id = target_org and m.user_id = target_employee
  ) then
    perform private.refuse('employee_id', 'is not a member of this organization');
  end if;
  if clean_purpose is null or char_length(clean_purpose) not between 1 and 500 then
    perform private.refuse('purpose', 'must be 1 to 500 characters');
  end if;
  if last_day is null or last_day <= today then
    perform private.refuse('ends_on', 'must be after today');
  end if;
  if last_day > today + 90 then
    perform private.refuse('ends_on', 'must be at most 90 days from today');
  end if;

  insert into public.coaching_periods (org_id, manager_id, employee_id, purpose, starts_on, ends_on)
  values (target_org, caller, target_employee, clean_purpose, today, last_day)
  returning id into new_id;
  return new_id;
end;
$$;
comment on function private.open_coaching_period(uuid, uuid, text, date) is
  'Opens a coaching period after checking the caller''s role and every argument. Called by '
  'public.open_coaching_period.';

create function public.open_coaching_period(org_id uuid, employee_id uuid, purpose text, ends_on date)
returns uuid
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.open_coaching_period(
    open_coaching_period.org_id, open_coaching_period.employee_id,
    open_coaching_period.purpose, open_coaching_period.ends_on
  )
$$;
comment on function public.open_coaching_period(uuid, uuid, text, date) is
  'A manager or admin opens a coaching period for one other member of the organization, with '
  'a purpose (1 to 500 characters) and a last day after today and at most 90 days ahead. '
  'Returns its id. Only the two of them will see it.';

-- The period as seen by one of its two people; anyone else is told the same thing whether
-- or not the period exists, so nothing leaks about other people's coaching.
create function private.coaching_period_of_caller(target_period uuid, field text)
returns public.coaching_periods
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  period public.coaching_periods;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  select p.* into period from public.coaching_periods p where p.id = target_period;
  if not found
    or caller not in (period.manager_id, period.employee_id)
    or not private.is_member(period.org_id) then
    raise exception '%: not a coaching period of yours', field using errcode = '42501';
  end if;
  return period;
end;
$$;
comment on function private.coaching_period_of_caller(uuid, text) is
  'The period, when the signed-in user is its manager or employee; otherwise refuses naming the field.';

create function private.add_coaching_note(target_period uuid, note_body text)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  period public.coaching_periods := private.coaching_period_of_caller(target_period, 'period_id');
  clean_body text := private.trim_text(note_body);
  new_id uuid;
begin
  if not private.coaching_period_is_open(period.starts_on, period.ends_on, period.ended_at) then
    perform private.refuse('period_id', 'this coaching period has ended');
  end if;
  if clean_body is null or char_length(clean_body) not between 1 and 4000 then
    perform private.refuse('body', 'must be 1 to 4000 characters');
  end if;

  insert into public.coaching_notes (period_id, org_id, author_id, body)
  values (period.id, period.org_id, auth.uid(), clean_body)
  returning id into new_id;
  return new_id;
end;
$$;
comment on function private.add_coaching_note(uuid, text) is
  'Adds a note to an open period for its manager or employee. Called by public.add_coaching_note.';

create function public.add_coaching_note(period_id uuid, body text)
returns uuid
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.add_coaching_note(add_coaching_note.period_id, add_coaching_note.body)
$$;
comment on function public.add_coaching_note(uuid, text) is
  'The manager or the employee of an open coaching period writes a note (1 to 4000 characters '
  'of text). Returns its id.';

create function private.end_coaching_period(target_period uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  period public.coaching_periods := private.coaching_period_of_caller(target_period, 'id');
begin
  if period.manager_id <> auth.uid() then
    raise exception 'id: only the manager who opened a coaching period ends it early' using errcode = '42501';
  end if;
  -- Ending a period that has already ended changes nothing, so its deletion date never moves.
  if private.coaching_period_is_open(period.starts_on, period.ends_on, period.ended_at) then
    update public.coaching_periods p set ended_at = now() where p.id = period.id;
  end if;
end;
$$;
comment on function private.end_coaching_period(uuid) is
  'Ends an open period early for its manager. Called by public.end_coaching_period.';

create function public.end_coaching_period(id uuid)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.end_coaching_period(end_coaching_period.id)
$$;
comment on function public.end_coaching_period(uuid) is
  'The manager who opened a coaching period ends it before its last day. Its notes are deleted '
  '30 days later.';

create function private.purge_ended_coaching()
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  -- Notes go with their period (on delete cascade).
  delete from public.coaching_periods p
  where private.coaching_delete_after(p.ends_on, p.ended_at) <= now()
$$;
comment on function private.purge_ended_coaching() is
  'Deletes every coaching period, with its notes, that ended 30 days ago or more. Called by '
  'public.purge_ended_coaching.';

create function public.purge_ended_coaching()
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.purge_ended_coaching()
$$;
comment on function public.purge_ended_coaching() is
  'Deletes the coaching periods and notes that are due (30 days after a period ended) and '
  'nothing else. Safe to call at any time by anyone signed in; the extension calls it when '
  'Coaching opens, and pg_cron daily where it is installed.';

revoke all on function
  private.tidy_coaching_note_edit(), private.coaching_today(), private.coaching_period_is_open(date, date, timestamptz),
  private.coaching_delete_after(date, timestamptz), private.my_coaching_period_ids(),
  private.my_open_coaching_period_ids(),
  private.open_coaching_period(uuid, uuid, text, date), public.open_coaching_period(uuid, uuid, text, date),
  private.coaching_period_of_caller(uuid, text),
  private.add_coaching_note(uuid, text), public.add_coaching_note(uuid, text),
  private.end_coaching_period(uuid), public.end_coaching_period(uuid),
  private.purge_ended_coaching(), public.purge_ended_coaching()
  from public, anon, authenticated;
grant execute on function
  private.coaching_today(), private.coaching_period_is_open(date, date, timestamptz),
  private.my_coaching_period_ids(), private.my_open_coaching_period_ids(),
  private.open_coaching_period(uuid, uuid, text, date), public.open_coaching_period(uuid, uuid, text, date),
  private.add_coaching_note(uuid, text), public.add_coaching_note(uuid, text),
  private.end_coaching_period(uuid), public.end_coaching_period(uuid),
  private.purge_ended_coaching(), public.purge_ended_coaching()
  to authenticated;
grant execute on function
  private.coaching_today(), private.coaching_period_is_open(date, date, timestamptz),
  private.coaching_delete_after(date, timestamptz), private.my_coaching_period_ids(),
  private.my_open_coaching_period_ids(),
  private.open_coaching_period(uuid, uuid, text, date), public.open_coaching_period(uuid, uuid, text, date),
  private.coaching_period_of_caller(uuid, text),
  private.add_coaching_note(uuid, text), public.add_coaching_note(uuid, text),
  private.end_coaching_period(uuid), public.end_coaching_period(uuid),
  private.purge_ended_coaching(), public.purge_ended_coaching()
  to service_role;
