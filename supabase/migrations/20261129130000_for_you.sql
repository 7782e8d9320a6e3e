-- "For you": a member brings an entry to a colleague or to a department, with a note, so
-- high cards travel attached to the record instead of by email. The entry itself stays where
-- it is, visible to the whole organization (pact rule 5); the route only points at it.
--
-- What someone reads is nobody's business (pact rule 8): there is no "read", "seen" or
-- "done" state the sender can see. A recipient dismisses a route for themselves; that is
-- kept in route_dismissals, which only that recipient can read, so the sender's view of the
-- route never changes. Nothing here counts anything per person (pact rule 3).
-- Following an account is not in the database at all: the extension keeps follows and
-- "last looked" in its own storage and asks account_timeline for what is new.

create table public.entry_routes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  interaction_id uuid not null,
  routed_by uuid not null references auth.users (id) on delete cascade,
  to_user uuid,
  to_department text check (to_department is null or (
    char_length(to_department) between 1 and 100 and private.trim_text(to_department) = to_department
  )),
  note text check (note is null or (char_length(note) between 1 and 500 and private.trim_text(note) = note)),
  created_at timestamptz not null default now(),
  check ((to_user is null) <> (to_department is null)),
  unique (org_id, id),
  foreign key (org_id, interaction_id) references public.interactions (org_id, id) on delete cascade,
  -- A person who leaves the organization no longer receives what was routed to them.
  foreign key (org_id, to_user) references public.memberships (org_id, user_id) on delete cascade
);
comment on table public.entry_routes is
  'An entry brought to a colleague or to a department, with a note ("For you"). Seen only by '
  'its sender and its recipients; the entry itself stays visible to the whole organization. '
  'There is no read or done state: recipients dismiss a route for themselves only. Made by '
  'route_entry, read through for_you.';
comment on column public.entry_routes.interaction_id is 'The entry being brought to someone''s attention.';
comment on column public.entry_routes.routed_by is 'The member who sent it.';
comment on column public.entry_routes.to_user is 'The colleague it was brought to (or empty when it went to a department).';
comment on column public.entry_routes.to_department is
  'The department it was brought to (or empty when it went to one person): every member whose '
  'department matches, ignoring case, sees it, including people who join that department later.';
comment on column public.entry_routes.note is 'Why the sender thought the recipient should see it; at most 500 characters.';
comment on column public.entry_routes.created_at is 'When it was sent (routed_at in for_you).';

create table public.route_dismissals (
  route_id uuid not null,
  org_id uuid not null,
  user_id uuid not null,
  primary key (route_id, user_id),
  foreign key (org_id, route_id) references public.entry_routes (org_id, id) on delete cascade,
  foreign key (org_id, user_id) references public.memberships (org_id, user_id) on delete cascade
);
comment on table public.route_dismissals is
  'Routes a recipient has put away. Each row is readable by that recipient only, never by the '
  'sender, so a department route can be dismissed person by person without telling anyone '
  'who read what. It deliberately has no time column. Written only by dismiss_route.';
comment on column public.route_dismissals.user_id is 'The recipient who dismissed the route for themselves.';

-- The recipient's reads (for_you), the department match, the sender's own routes, and the
-- cascade from entries.
create index entry_routes_to_user_idx on public.entry_routes (to_user, created_at desc)
  where to_user is not null;
create index entry_routes_org_id_department_idx on public.entry_routes (org_id, lower(to_department), created_at desc)
  where to_department is not null;
create index entry_routes_routed_by_idx on public.entry_routes (routed_by, created_at desc);
create index entry_routes_interaction_id_idx on public.entry_routes (interaction_id);
create index route_dismissals_user_id_idx on public.route_dismissals (user_id, route_id);
create index route_dismissals_org_id_idx on public.route_dismissals (org_id, user_id);

-- The signed-in user's department in each of their organizations, in the form routes are
-- matched by (trimmed, lower case). Used by the policy below and by dismiss_route.
create function private.my_department_keys()
returns table (org_id uuid, department text)
language sql
stable
security definer
set search_path = ''
as $$
  select m.org_id, lower(private.trim_text(m.department))
  from public.memberships m
  where m.user_id = (select auth.uid()) and nullif(private.trim_text(m.department), '') is not null
$$;
comment on function private.my_department_keys() is
  'The signed-in user''s department per organization, lower case, for matching department routes.';

alter table public.entry_routes enable row level security;
alter table public.route_dismissals enable row level security;

revoke all on public.entry_routes, public.route_dismissals from public, anon, authenticated;
-- Routes are sent with route_entry and dismissed with dismiss_route; nobody writes the
-- tables directly.
grant select on public.entry_routes, public.route_dismissals to authenticated;
grant all on public.entry_routes, public.route_dismissals to service_role;

create policy "senders and recipients read a route while its entry is live"
  on public.entry_routes for select to authenticated
  using (
    org_id in (select private.member_org_ids())
    and (
      routed_by = (select auth.uid())
      or to_user = (select auth.uid())
      or (org_id, lower(to_department)) in (select d.org_id, d.department from private.my_department_keys() d)
    )
    and exists (
      select 1 from public.interactions i
      where i.id = entry_routes.interaction_id and i.retracted_at is null
    )
  );

create policy "recipients read only their own dismissals"
  on public.route_dismissals for select to authenticated
  using (user_id = (select auth.uid()));

-- route_entry: anyone who can see the entry brings it to one colleague or one department.
create function private.route_entry(target_entry uuid, target_user uuid, target_department text, route_note text)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  entry_org uuid;
  clean_department text := nullif(private.trim_text(target_department), '');
  clean_note text := nullif(private.trim_text(route_note), '');
  new_route uuid;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;

  -- Entries of other organizations, retracted entries and ids that do not exist all look the
  -- same: an entry the caller cannot see cannot be routed.
  select i.org_id into entry_org
  from public.interactions i
  where i.id = target_entry and i.retracted_at is null;
  if entry_org is null or not private.is_member(entry_org) then
    raise exception 'interaction_id: you cannot see this entry, so you cannot bring it to anyone'
      using errcode = '42501';
  end if;

  if (target_user is null) = (clean_department is null) then
    perform private.refuse('to_user', 'choose exactly one: a colleague (to_user) or a department (to_department)');
  end if;
  if target_user is not null then
    if target_user = caller then
      perform private.refuse('to_user', 'choose a colleague, not yourself');
    end if;
    if not exists (
      select 1 from public.memberships m where m.org_id = entry_org and m.user_id = target_user
    ) then
      perform private.refuse('to_user', 'is not a member of this entry''s organization');
    end if;
  else
    if char_length(clean_department) > 100 then
      perform private.refuse('to_department', 'must be at most 100 characters');
    end if;
    if not exists (
      select 1 from public.memberships m
      where m.org_id = entry_org and lower(private.trim_text(m.department)) = lower(clean_department)
    ) then
      perform private.refuse('to_department', 'nobody in this entry''s organization is in that department');
    end if;
  end if;
  if char_length(clean_note) > 500 then
    perform private.refuse('note', 'must be at most 500 characters');
  end if;

  insert into public.entry_routes (org_id, interaction_id, routed_by, to_user, to_department, note)
  values (entry_org, target_entry, caller, target_user, clean_department, clean_note)
  returning id into new_route;
  return new_route;
end;
$$;
comment on function private.route_entry(uuid, uuid, text, text) is
  'Routes an entry after checking that the caller can see it and that the recipient belongs '
  'to its organization. Called by public.route_entry.';

create function public.route_entry(
  interaction_id uuid,
  to_user uuid default null,
  to_department text default null,
  note text default null
)
returns uuid
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.route_entry(route_entry.interaction_id, route_entry.to_user, route_entry.to_department, route_entry.note)
$$;
comment on function public.route_entry(uuid, uuid, text, text) is
  'Brings an entry to one colleague (to_user) or to everyone in a department (to_department, '
  'any case), with an optional note of at most 500 characters. Anyone who can see the entry can '
  'route it. Returns the route''s id. Only the sender and the recipients ever see the route.';

-- for_you: what was brought to the caller or to the caller's department.
create function private.for_you(target_org uuid, since timestamptz)
returns table (route_id uuid, interaction_id uuid, routed_by_display_name text, note text, routed_at timestamptz)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  my_department text;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  select lower(nullif(private.trim_text(m.department), '')) into my_department
  from public.memberships m
  where m.org_id = target_org and m.user_id = caller;
  if not found then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;

  -- Live entries only: a retracted entry's routes leave every For you. A department route
  -- does not come back to the person who sent it.
  return query
  select r.id, r.interaction_id, coalesce(s.display_name, 'A former colleague'), r.note, r.created_at
  from public.entry_routes r
  join public.interactions i on i.id = r.interaction_id and i.retracted_at is null
  left join public.memberships s on s.org_id = r.org_id and s.user_id = r.routed_by
  where r.org_id = target_org
    and r.routed_by <> caller
    and (r.to_user = caller or (my_department is not null and lower(r.to_department) = my_department))
    and (since is null or r.created_at > since)
    and not exists (
      select 1 from public.route_dismissals d where d.route_id = r.id and d.user_id = caller
    )
  order by r.created_at desc, r.id desc;
end;
$$;
comment on function private.for_you(uuid, timestamptz) is
  'The routes waiting for the signed-in member in one organization, after checking membership. '
  'Called by public.for_you.';

create function public.for_you(org_id uuid, since timestamptz default null)
returns table (route_id uuid, interaction_id uuid, routed_by_display_name text, note text, routed_at timestamptz)
language sql
stable
security invoker
set search_path = ''
as $$
  select * from private.for_you(for_you.org_id, for_you.since)
$$;
comment on function public.for_you(uuid, timestamptz) is
  'For you: live entries brought to me or to my department, with who sent them and their note, '
  'newest first; only those sent after since when it is given. Dismissed routes are left out. '
  'Nothing about who read what is recorded or returned.';

-- dismiss_route: a recipient puts a route away, for themselves only.
create function private.dismiss_route(target_route uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  route record;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;

  select r.org_id, r.to_user, r.to_department, r.routed_by into route
  from public.entry_routes r
  where r.id = target_route;
  if not found
    or not private.is_member(route.org_id)
    or route.routed_by = caller
    or not coalesce(
      route.to_user = caller
      or (route.org_id, lower(route.to_department)) in (select d.org_id, d.department from private.my_department_keys() d),
      false
    ) then
    raise exception 'route_id: nothing with this id was brought to you' using errcode = '42501';
  end if;

  insert into public.route_dismissals (route_id, org_id, user_id)
  values (target_route, route.org_id, caller)
  on conflict do nothing;
end;
$$;
comment on function private.dismiss_route(uuid) is
  'Records that the signed-in recipient put a route away, after checking it was brought to '
  'them. Called by public.dismiss_route.';

create function public.dismiss_route(route_id uuid)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.dismiss_route(dismiss_route.route_id)
$$;
comment on function public.dismiss_route(uuid) is
  'Removes a route from my For you. Only mine: other recipients of a department route still '
  'see it, and the sender is told nothing. Dismissing twice changes nothing.';

revoke all on function
  private.my_department_keys(), private.route_entry(uuid, uuid, text, text),
  public.route_entry(uuid, uuid, text, text), private.for_you(uuid, timestamptz),
  public.for_you(uuid, timestamptz), private.dismiss_route(uuid), public.dismiss_route(uuid)
  from public, anon, authenticated;
grant execute on function
  private.my_department_keys(), private.route_entry(uuid, uuid, text, text),
  public.route_entry(uuid, uuid, text, text), private.for_you(uuid, timestamptz),
  public.for_you(uuid, timestamptz), private.dismiss_route(uuid), public.dismiss_route(uuid)
  to authenticated, service_role;
