-- Thanks: "This helped me" on a colleague's entry (pact rule 10). A thank-you is between two
-- people: the entry's author and the sender read it, nobody else. Nothing counts, sums or
-- ranks thanks - not a view, not a function, not a screen, not even for the author.

create table public.entry_thanks (
  interaction_id uuid not null,
  org_id uuid not null,
  from_user uuid not null,
  note text check (note is null or (char_length(note) between 1 and 280 and private.trim_text(note) = note)),
  created_at timestamptz not null default now(),
  primary key (interaction_id, from_user),
  foreign key (org_id, interaction_id) references public.interactions (org_id, id) on delete cascade,
  -- A sender who leaves the organization takes their thanks with them.
  foreign key (org_id, from_user) references public.memberships (org_id, user_id) on delete cascade
);
comment on table public.entry_thanks is
  'Thank-yous for entries ("This helped me"), one per sender and entry. Readable by the '
  'entry''s author and the sender only. Deliberately never counted, summed or ranked.';
comment on column public.entry_thanks.from_user is 'Who said thank you.';
comment on column public.entry_thanks.note is 'An optional short note to the author (at most 280 characters).';

-- The primary key serves "thanks on these entries"; these serve the sender and the org policy.
create index entry_thanks_from_user_idx on public.entry_thanks (from_user);
create index entry_thanks_org_id_idx on public.entry_thanks (org_id);

alter table public.entry_thanks enable row level security;

revoke all on public.entry_thanks from public, anon, authenticated;
-- Written only through thank_author and withdraw_thanks.
grant select on public.entry_thanks to authenticated;
grant all on public.entry_thanks to service_role;

-- The subquery reads interactions as the signed-in user: authors see their own entries,
-- retracted ones included.
create policy "the sender and the entry's author read a thank-you, nobody else"
  on public.entry_thanks for select to authenticated
  using (
    org_id in (select private.member_org_ids())
    and (
      from_user = (select auth.uid())
      or exists (
        select 1 from public.interactions i
        where i.id = entry_thanks.interaction_id and i.author_id = (select auth.uid())
      )
    )
  );

create function private.thank_author(target_entry uuid, thanks_note text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  entry record;
  clean_note text := nullif(private.trim_text(thanks_note), '');
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  select i.org_id, i.author_id, i.retracted_at into entry
  from public.interactions i
  where i.id = target_entry;
  -- Entries of other organizations and retracted entries are not there for the caller.
  if not found or entry.retracted_at is not null or not private.is_member(entry.org_id) then
    raise exception 'interaction_id: not an entry of your organization' using errcode = '42501';
  end if;
  if entry.author_id = caller then
    raise exception 'interaction_id: you cannot thank yourself for your own entry' using errcode = '42501';
  end if;
  if char_length(clean_note) > 280 then
    perform private.refuse('note', 'must be at most 280 characters');
  end if;

  -- Thanking twice keeps the first thank-you and changes nothing.
  insert into public.entry_thanks (interaction_id, org_id, from_user, note)
  values (target_entry, entry.org_id, caller, clean_note)
  on conflict (interaction_id, from_user) do nothing;
end;
$$;
comment on function private.thank_author(uuid, text) is
  'Records a thank-you after checking that the caller can see the entry and is not its author. '
  'Called by public.thank_author.';

create function public.thank_author(interaction_id uuid, note text default null)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.thank_author(thank_author.interaction_id, thank_author.note)
$$;
comment on function public.thank_author(uuid, text) is
  '"This helped me": thanks the author of a colleague''s entry, with an optional note of at '
  'most 280 characters. Never for your own entry; thanking twice keeps one. Only the author '
  'and the sender see it.';

create function private.withdraw_thanks(target_entry uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  entry_org uuid;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;
  select i.org_id into entry_org from public.interactions i where i.id = target_entry;
  if entry_org is null or not private.is_member(entry_org) then
    raise exception 'interaction_id: not an entry of your organization' using errcode = '42501';
  end if;
  -- Withdrawing what was never given changes nothing.
  delete from public.entry_thanks t where t.interaction_id = target_entry and t.from_user = caller;
end;
$$;
comment on function private.withdraw_thanks(uuid) is
  'Removes the caller''s own thank-you for an entry. Called by public.withdraw_thanks.';

create function public.withdraw_thanks(interaction_id uuid)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.withdraw_thanks(withdraw_thanks.interaction_id)
$$;
comment on function public.withdraw_thanks(uuid) is
  'Takes back your thank-you for an entry (pressing "This helped me" again). It is gone for '
  'the author too, and nothing keeps a trace of it.';

revoke all on function
  private.thank_author(uuid, text), public.thank_author(uuid, text),
  private.withdraw_thanks(uuid), public.withdraw_thanks(uuid)
  from public, anon, authenticated;
grant execute on function
  private.thank_author(uuid, text), public.thank_author(uuid, text),
  private.withdraw_thanks(uuid), public.withdraw_thanks(uuid)
  to authenticated, service_role;
