-- Invites: how people join an organization. Admins create a code; it works once and for
-- seven days.

create table public.invites (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  code text not null unique check (char_length(code) between 24 and 128),
  role text not null default 'member' check (role in ('member', 'manager', 'admin')),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  used_by uuid references auth.users (id) on delete set null,
  used_at timestamptz,
  check (used_by is null or used_at is not null)
);
comment on table public.invites is
  'Invitation codes created by admins. A code works once and expires seven days after it '
  'was created.';
comment on column public.invites.code is 'The secret the invited person enters to join. Long and random.';
comment on column public.invites.role is 'The role the invited person gets on joining.';
comment on column public.invites.used_by is 'Who joined with this code; empty while the code is unused.';
comment on column public.invites.used_at is 'When the code was used; a used code cannot be used again.';

create index invites_org_id_idx on public.invites (org_id, created_at desc);

alter table public.invites enable row level security;

revoke all on public.invites from public, anon, authenticated;
grant select, delete on public.invites to authenticated;
grant all on public.invites to service_role;

create policy "admins see their organization's invites"
  on public.invites for select to authenticated
  using (org_id in (select private.admin_org_ids()));

create policy "admins withdraw their organization's invites"
  on public.invites for delete to authenticated
  using (org_id in (select private.admin_org_ids()));

create function private.create_invite(target_org uuid, invite_role text)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  caller_role text;
  new_code text;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  if invite_role is null or invite_role not in ('member', 'manager', 'admin') then
    perform private.refuse('role', 'must be one of member, manager, admin');
  end if;

  select m.role into caller_role
  from public.memberships m
  where m.org_id = target_org and m.user_id = caller;
  if caller_role is null then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  if caller_role <> 'admin' then
    raise exception 'org_id: only admins of this organization create invites' using errcode = '42501';
  end if;

  -- Two random UUIDs (gen_random_uuid uses the operating system's secure random source):
  -- 244 random bits, far beyond guessing.
  new_code := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

  insert into public.invites (org_id, code, role, created_by)
  values (target_org, new_code, invite_role, caller);

  return new_code;
end;
$$;
comment on function private.create_invite(uuid, text) is
  'Creates an invite after checking that the caller is an admin. Called by public.create_invite.';

create function public.create_invite(org_id uuid, role text default 'member')
returns text
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.create_invite(create_invite.org_id, create_invite.role)
$$;
comment on function public.create_invite(uuid, text) is
  'Admins create an invitation code for their organization (role member, manager or admin). '
  'The code works once and expires after seven days.';

create function private.join_organization(invite_code text)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  invite public.invites%rowtype;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;

  -- The row lock makes two people racing for one code take turns; the loser sees it used.
  select * into invite
  from public.invites i
  where i.code = private.trim_text(invite_code)
  for update;
  if not found then
    perform private.refuse('code', 'this invite code is not valid');
  end if;

  -- Already a member: nothing to do, and the code stays available for someone else.
  if exists (
    select 1 from public.memberships m where m.org_id = invite.org_id and m.user_id = caller
  ) then
    return invite.org_id;
  end if;

  if invite.used_at is not null then
    perform private.refuse('code', 'this invite has already been used');
  end if;
  if invite.expires_at <= now() then
    perform private.refuse('code', 'this invite has expired');
  end if;

  update public.invites i set used_by = caller, used_at = now() where i.id = invite.id;

  insert into public.memberships (org_id, user_id, role, display_name)
  values (invite.org_id, caller, invite.role, coalesce(private.default_display_name(caller), 'Member'));

  return invite.org_id;
end;
$$;
comment on function private.join_organization(text) is
  'Joins the organization an invite code belongs to and uses up the code. Called by '
  'public.join_organization.';

create function public.join_organization(code text)
returns uuid
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.join_organization(join_organization.code)
$$;
comment on function public.join_organization(text) is
  'Joins an organization with an invite code and returns its id. Someone who already belongs '
  'to it gets its id back and the code stays unused.';

revoke all on function
  private.create_invite(uuid, text), private.join_organization(text),
  public.create_invite(uuid, text), public.join_organization(text)
  from public, anon, authenticated;
grant execute on function
  private.create_invite(uuid, text), private.join_organization(text),
  public.create_invite(uuid, text), public.join_organization(text)
  to authenticated, service_role;
