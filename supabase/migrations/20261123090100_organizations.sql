-- Organizations and the people in them. Everyone in an organization sees everything in it;
-- role decides who may invite and change roles, department is only a label (pact rule 5).

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 200 and private.trim_text(name) = name),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.organizations is
  'A team that shares one customer record. Every member sees every account, contact and '
  'entry in it, whatever their department.';
comment on column public.organizations.created_by is 'The person who created the organization (its first admin).';

create table public.memberships (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'member' check (role in ('member', 'manager', 'admin')),
  department text check (department is null or char_length(department) between 1 and 100),
  display_name text not null
    check (char_length(display_name) between 1 and 200 and private.trim_text(display_name) <> ''),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
comment on table public.memberships is
  'Who belongs to which organization. Members change their own display name and department; '
  'only admins change roles (set_member_role).';
comment on column public.memberships.role is
  'member, manager or admin. Admins invite people and change roles. No role lets anyone '
  'edit or retract someone else''s entries.';
comment on column public.memberships.department is
  'A label such as sales, support or marketing, shown next to entries so colleagues know '
  'whom to ask. It never limits what anyone sees.';
comment on column public.memberships.display_name is 'How colleagues see this person next to their entries.';

create index memberships_user_id_idx on public.memberships (user_id, org_id);

create trigger organizations_touch_updated_at before update on public.organizations
  for each row execute function private.touch_updated_at();
create trigger memberships_touch_updated_at before update on public.memberships
  for each row execute function private.touch_updated_at();

-- Helpers the policies call. They read memberships past row level security (a policy on
-- memberships cannot query memberships without recursing) and only ever answer about the
-- signed-in user.
create function private.member_org_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.org_id from public.memberships m where m.user_id = (select auth.uid())
$$;
comment on function private.member_org_ids() is
  'The organizations the signed-in user belongs to. Used by every row level security policy.';

create function private.admin_org_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.org_id from public.memberships m
  where m.user_id = (select auth.uid()) and m.role = 'admin'
$$;
comment on function private.admin_org_ids() is 'The organizations in which the signed-in user is an admin.';

create function private.is_member(target_org uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.org_id = target_org and m.user_id = (select auth.uid())
  )
$$;
comment on function private.is_member(uuid) is 'True when the signed-in user belongs to the organization.';

create function private.default_display_name(person uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select left(coalesce(
    nullif(private.trim_text(u.raw_user_meta_data ->> 'display_name'), ''),
    nullif(private.trim_text(u.raw_user_meta_data ->> 'full_name'), ''),
    nullif(split_part(u.email, '@', 1), ''),
    'Member'
  ), 200)
  from auth.users u
  where u.id = person
$$;
comment on function private.default_display_name(uuid) is
  'The name a new member starts with: their profile''s display or full name, else the part '
  'of their email before the @.';

alter table public.organizations enable row level security;
alter table public.memberships enable row level security;

revoke all on public.organizations, public.memberships from public, anon, authenticated;
grant select, update (name) on public.organizations to authenticated;
grant select, update (display_name, department) on public.memberships to authenticated;
grant all on public.organizations, public.memberships to service_role;

create policy "members read their organizations"
  on public.organizations for select to authenticated
  using (id in (select private.member_org_ids()));

create policy "admins rename their organizations"
  on public.organizations for update to authenticated
  using (id in (select private.admin_org_ids()))
  with check (id in (select private.admin_org_ids()));

create policy "members see everyone in their organizations"
  on public.memberships for select to authenticated
  using (org_id in (select private.member_org_ids()));

create policy "members update their own display name and department"
  on public.memberships for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

-- create_organization: the caller becomes the first admin.
create function private.create_organization(org_name text)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  clean_name text := private.trim_text(org_name);
  new_org uuid;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  if clean_name is null or char_length(clean_name) not between 1 and 200 then
    perform private.refuse('name', 'must be 1 to 200 characters');
  end if;

  insert into public.organizations (name, created_by)
  values (clean_name, caller)
  returning id into new_org;

  insert into public.memberships (org_id, user_id, role, display_name)
  values (new_org, caller, 'admin', coalesce(private.default_display_name(caller), 'Member'));

  return new_org;
end;
$$;
comment on function private.create_organization(text) is
  'Creates an organization with the signed-in user as its admin. Called by public.create_organization.';

create function public.create_organization(name text)
returns uuid
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.create_organization(create_organization.name)
$$;
comment on function public.create_organization(text) is
  'Creates an organization and makes the caller its admin. Returns the new organization''s id.';

-- set_member_role: admins change roles; nobody raises their own; there is always an admin.
create function private.set_member_role(target_org uuid, target_user uuid, new_role text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  caller_role text;
  target_role text;
  rank constant text[] := array['member', 'manager', 'admin'];
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  if new_role is null or not (new_role = any (rank)) then
    perform private.refuse('role', 'must be one of member, manager, admin');
  end if;

  -- One role change at a time per organization, so two admins demoting each other cannot
  -- leave it without an admin.
  perform 1 from public.organizations o where o.id = target_org for update;

  select m.role into caller_role
  from public.memberships m
  where m.org_id = target_org and m.user_id = caller;
  if caller_role is null then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;

  if target_user = caller and array_position(rank, new_role) > array_position(rank, caller_role) then
    raise exception 'role: nobody can raise their own role' using errcode = '42501';
  end if;
  if caller_role <> 'admin' then
    raise exception 'role: only admins change roles' using errcode = '42501';
  end if;

  select m.role into target_role
  from public.memberships m
  where m.org_id = target_org and m.user_id = target_user;
  if target_role is null then
    perform private.refuse('user_id', 'is not a member of this organization');
  end if;

  if target_role = 'admin' and new_role <> 'admin' and (
    select count(*) from public.memberships m where m.org_id = target_org and m.role = 'admin'
  ) = 1 then
    raise exception 'role: an organization needs at least one admin' using errcode = '42501';
  end if;

  if target_role <> new_role then
    update public.memberships m
    set role = new_role
    where m.org_id = target_org and m.user_id = target_user;
  end if;
end;
$$;
comment on function private.set_member_role(uuid, uuid, text) is
  'Changes a member''s role after checking that the caller is an admin of the organization. '
  'Called by public.set_member_role.';

create function public.set_member_role(org_id uuid, user_id uuid, role text)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.set_member_role(set_member_role.org_id, set_member_role.user_id, set_member_role.role)
$$;
comment on function public.set_member_role(uuid, uuid, text) is
  'Admins change a member''s role (member, manager or admin). Nobody can raise their own '
  'role, and the last admin cannot step down.';

revoke all on function
  private.member_org_ids(), private.admin_org_ids(), private.is_member(uuid),
  private.default_display_name(uuid), private.create_organization(text),
  private.set_member_role(uuid, uuid, text),
  public.create_organization(text), public.set_member_role(uuid, uuid, text)
  from public, anon, authenticated;
grant execute on function
  private.member_org_ids(), private.admin_org_ids(), private.is_member(uuid),
  private.create_organization(text), private.set_member_role(uuid, uuid, text),
  public.create_organization(text), public.set_member_role(uuid, uuid, text)
  to authenticated;
grant execute on function
  private.member_org_ids(), private.admin_org_ids(), private.is_member(uuid),
  private.default_display_name(uuid), private.create_organization(text),
  private.set_member_role(uuid, uuid, text),
  public.create_organization(text), public.set_member_role(uuid, uuid, text)
  to service_role;
