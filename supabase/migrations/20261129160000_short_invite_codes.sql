-- Invite codes short enough to read aloud or type from a phone: ten characters in groups,
-- K7QM-PX42-9T, from an alphabet without look-alikes (no 0/O, no 1/I). Still single use and
-- seven days. Joining accepts the code with or without dashes or spaces, in any case.
--
-- 10 characters of a 32-letter alphabet are 50 random bits: with a thousand live codes, a
-- guesser needs about 10^12 tries for one hit, within the seven days a code lives.

-- Codes made before this migration (64 hex characters) keep working until they expire.
alter table public.invites drop constraint invites_code_check;
alter table public.invites add constraint invites_code_shape check (
  code ~ '^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$'
  or char_length(code) between 24 and 128
);
comment on column public.invites.code is
  'What the invited person enters to join: ten random characters in groups (K7QM-PX42-9T), '
  'without look-alike letters. Typed with or without dashes, in any case.';

create function private.new_invite_code()
returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
  alphabet constant text := '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  -- The bytes of a random UUID that carry no version or variant bits. 256 is a multiple of
  -- 32, so taking each byte modulo 32 favours no letter.
  positions constant integer[] := array[0, 1, 2, 3, 4, 5, 9, 10, 11, 12];
  noise bytea := uuid_send(gen_random_uuid());
  letters text := '';
  pos integer;
begin
  foreach pos in array positions loop
    letters := letters || substr(alphabet, (get_byte(noise, pos) & 31) + 1, 1);
  end loop;
  return private.format_invite_code(letters);
end;
$$;
comment on function private.new_invite_code() is
  'Ten random characters from 23456789ABCDEFGHJKLMNPQRSTUVWXYZ, grouped 4-4-2 with dashes.';

create function private.format_invite_code(letters text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select substr(letters, 1, 4) || '-' || substr(letters, 5, 4) || '-' || substr(letters, 9)
$$;
comment on function private.format_invite_code(text) is
  'Groups ten code characters as they are stored and shown: XXXX-XXXX-XX.';

create function private.normalize_invite_code(typed text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  -- Dashes, spaces (any kind) and case are how people copy or dictate a code, not part of it.
  select upper(regexp_replace(coalesce(typed, ''), '[-[:space:]\u00a0\u2010-\u2015\u2212\u202f\u3000]', '', 'g'))
$$;
comment on function private.normalize_invite_code(text) is
  'An invite code as typed, without dashes or spaces and in capitals.';

create or replace function private.create_invite(target_org uuid, invite_role text)
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
  attempt integer := 0;
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

  -- A clash with a code that exists is rare (50 bits); draw again rather than fail.
  loop
    attempt := attempt + 1;
    new_code := private.new_invite_code();
    begin
      insert into public.invites (org_id, code, role, created_by)
      values (target_org, new_code, invite_role, caller);
      return new_code;
    exception when unique_violation then
      if attempt >= 5 then
        raise;
      end if;
    end;
  end loop;
end;
$$;

create or replace function private.join_organization(invite_code text)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  letters text := private.normalize_invite_code(invite_code);
  invite public.invites%rowtype;
begin
  if caller is null then
    raise exception 'you must be signed in' using errcode = '42501';
  end if;

  -- The row lock makes two people racing for one code take turns; the loser sees it used.
  -- A short code is looked up in its stored shape; an older long code as it was given.
  select * into invite
  from public.invites i
  where (char_length(letters) = 10 and i.code = private.format_invite_code(letters))
     or i.code = private.trim_text(invite_code)
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

comment on function public.create_invite(uuid, text) is
  'Admins create an invitation code for their organization (role member, manager or admin): '
  'ten characters in groups, such as K7QM-PX42-9T. It works once and expires after seven days.';
comment on function public.join_organization(text) is
  'Joins an organization with an invite code, typed with or without dashes or spaces and in '
  'any case, and returns its id. Someone who already belongs to it gets its id back and the '
  'code stays unused.';

-- Used only inside the security definer functions above.
revoke all on function
  private.new_invite_code(), private.format_invite_code(text), private.normalize_invite_code(text)
  from public, anon, authenticated;
