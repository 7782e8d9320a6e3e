-- A coaching period is opened by a manager or admin in that role. When they step down to
-- member, or leave the organization, their open periods end at that moment (ended_at set, so
-- the employee sees that it ended, and the notes are deleted 30 days later as usual), and
-- they no longer read their periods or notes. Before this, only membership was checked: a
-- demoted manager kept reading and writing, and a manager's departure deleted the employee's
-- side of the conversation at once.

-- Leaving no longer deletes the manager's periods (the employee keeps them until the purge);
-- the trigger below ends them instead. The employee leaving still deletes them at once.
alter table public.coaching_periods drop constraint coaching_periods_org_id_manager_id_fkey;
comment on column public.coaching_periods.manager_id is
  'The manager or admin who opened the period. When they step down to member or leave the '
  'organization, the period ends (ended_at) and they no longer read it.';
comment on column public.coaching_periods.ended_at is
  'Set when the manager ends the period early, or when the manager steps down to member or '
  'leaves the organization; null while it runs to ends_on.';

create function private.end_coaching_of_former_manager()
returns trigger
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (old.role = 'member' or new.role <> 'member') then
    return null;
  end if;
  update public.coaching_periods p set ended_at = now()
  where p.org_id = old.org_id and p.manager_id = old.user_id
    and private.coaching_period_is_open(p.starts_on, p.ends_on, p.ended_at);
  return null;
end;
$$;
comment on function private.end_coaching_of_former_manager() is
  'Ends the open coaching periods of a manager or admin who becomes a member or leaves the organization.';

create trigger memberships_end_coaching_on_demotion after update of role on public.memberships
  for each row execute function private.end_coaching_of_former_manager();
create trigger memberships_end_coaching_on_leaving after delete on public.memberships
  for each row execute function private.end_coaching_of_former_manager();

-- Replaces 20261129120000's: the manager side needs the role as well as the membership.
create or replace function private.my_coaching_period_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.id from public.coaching_periods p
  where p.org_id in (select private.member_org_ids())
    and (
      p.employee_id = (select auth.uid())
      or (p.manager_id = (select auth.uid()) and exists (
        select 1 from public.memberships m
        where m.org_id = p.org_id and m.user_id = p.manager_id and m.role in ('manager', 'admin')
      ))
    )
$$;
comment on function private.my_coaching_period_ids() is
  'The coaching periods the signed-in user is the employee of, or the manager of while still a '
  'manager or admin of that organization.';

create or replace function private.coaching_period_of_caller(target_period uuid, field text)
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
    or not private.is_member(period.org_id)
    or not (
      caller = period.employee_id
      or (caller = period.manager_id and exists (
        select 1 from public.memberships m
        where m.org_id = period.org_id and m.user_id = caller and m.role in ('manager', 'admin')
      ))
    ) then
    raise exception '%: not a coaching period of yours', field using errcode = '42501';
  end if;
  return period;
end;
$$;
comment on function private.coaching_period_of_caller(uuid, text) is
  'The period, when the signed-in user is its employee, or its manager while still a manager or '
  'admin; otherwise refuses naming the field.';

revoke all on function private.end_coaching_of_former_manager() from public, anon, authenticated;
