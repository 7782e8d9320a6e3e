-- Local stack only: where the embedded auth service keeps sessions, refresh tokens and
-- one-time codes, and the functions it calls through PostgREST with a service_role token
-- (Content-Profile: auth_admin). The auth service never opens a database connection of its
-- own: PGlite has one session, shared by every socket client (see docs/design.md).
-- Hosted Supabase has its own Auth; nothing in supabase/migrations may rely on this file.
-- Idempotent: it runs again on every start of an existing database.

create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  aal text not null default 'aal1',
  amr_method text not null default 'password',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  refreshed_at timestamptz
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);
comment on table auth.sessions is 'Local stack: one row per signed-in device; deleted on sign-out.';

create table if not exists auth.refresh_tokens (
  id bigint generated always as identity primary key,
  token_hash text not null unique,
  session_id uuid not null references auth.sessions (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  revoked boolean not null default false,
  parent_id bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists refresh_tokens_session_id_idx on auth.refresh_tokens (session_id);
comment on table auth.refresh_tokens is
  'Local stack: SHA-256 of each refresh token; a token is revoked when it is exchanged.';

create table if not exists auth.one_time_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  token_type text not null default 'email_otp',
  token_hash text not null,
  relates_to text not null,
  failed_attempts integer not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index if not exists one_time_tokens_user_id_idx on auth.one_time_tokens (user_id);
comment on table auth.one_time_tokens is 'Local stack: SHA-256 of emailed sign-in codes.';

revoke all on auth.sessions, auth.refresh_tokens, auth.one_time_tokens
  from public, anon, authenticated;
grant all on auth.sessions, auth.refresh_tokens, auth.one_time_tokens to service_role;

create schema if not exists auth_admin;
comment on schema auth_admin is
  'Local stack: the auth service''s storage API, reached through PostgREST by service_role only.';

-- Expected failures are returned as {"error": code} rather than raised: a raise would roll
-- back work that must stay done (revoking a reused refresh token's whole session).

create or replace function auth_admin.create_user(email text, password_hash text, data jsonb default '{}')
returns jsonb
language plpgsql
set search_path = ''
as $$
#variable_conflict use_variable
declare
  new_id uuid := gen_random_uuid();
  created auth.users;
begin
  if exists (select 1 from auth.users u where lower(u.email) = lower(email)) then
    return jsonb_build_object('error', 'user_already_exists');
  end if;
  insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at,
                          raw_user_meta_data)
  values (new_id, 'authenticated', 'authenticated', lower(email), password_hash, now(),
          coalesce(data, '{}'::jsonb) || jsonb_build_object(
            'sub', new_id, 'email', lower(email), 'email_verified', true, 'phone_verified', false))
  returning * into created;
  return jsonb_build_object('user', to_jsonb(created));
end
$$;

create or replace function auth_admin.find_user_by_email(email text)
returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object('user', (select to_jsonb(u) from auth.users u
                                     where lower(u.email) = lower(find_user_by_email.email)
                                       and u.deleted_at is null))
$$;

-- The user behind an access token, provided the token's session still exists.
create or replace function auth_admin.user_for_session(user_id uuid, session_id uuid)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
#variable_conflict use_variable
declare
  member auth.users;
begin
  if not exists (select 1 from auth.sessions s where s.id = session_id and s.user_id = user_id) then
    return jsonb_build_object('error', 'session_not_found');
  end if;
  select * into member from auth.users u where u.id = user_id and u.deleted_at is null;
  if not found then
    return jsonb_build_object('error', 'user_not_found');
  end if;
  return jsonb_build_object('user', to_jsonb(member));
end
$$;

create or replace function auth_admin.start_session(user_id uuid, method text, refresh_token_hash text)
returns jsonb
language plpgsql
set search_path = ''
as $$
#variable_conflict use_variable
declare
  new_session uuid;
  signed_in auth.users;
begin
  insert into auth.sessions (user_id, amr_method) values (user_id, method)
  returning id into new_session;
  insert into auth.refresh_tokens (token_hash, session_id, user_id)
  values (refresh_token_hash, new_session, user_id);
  update auth.users u
     set last_sign_in_at = now(),
         email_confirmed_at = coalesce(u.email_confirmed_at, now()),
         updated_at = now()
   where u.id = user_id
  returning * into signed_in;
  return jsonb_build_object('session_id', new_session, 'amr_method', method,
                            'user', to_jsonb(signed_in));
end
$$;

-- Exchanges a refresh token for a new one. A token that was already exchanged revokes its
-- whole session (it has leaked or been replayed), as Supabase Auth does.
create or replace function auth_admin.rotate_refresh_token(token_hash text, new_token_hash text)
returns jsonb
language plpgsql
set search_path = ''
as $$
#variable_conflict use_variable
declare
  presented auth.refresh_tokens;
  refreshed auth.sessions;
  holder auth.users;
begin
  select * into presented from auth.refresh_tokens t where t.token_hash = token_hash for update;
  if not found then
    return jsonb_build_object('error', 'refresh_token_not_found');
  end if;
  if presented.revoked then
    delete from auth.sessions s where s.id = presented.session_id;
    return jsonb_build_object('error', 'refresh_token_already_used');
  end if;
  update auth.refresh_tokens t set revoked = true, updated_at = now() where t.id = presented.id;
  insert into auth.refresh_tokens (token_hash, session_id, user_id, parent_id)
  values (new_token_hash, presented.session_id, presented.user_id, presented.id);
  update auth.sessions s set refreshed_at = now(), updated_at = now()
   where s.id = presented.session_id
  returning * into refreshed;
  select * into holder from auth.users u where u.id = presented.user_id and u.deleted_at is null;
  if not found then
    return jsonb_build_object('error', 'user_not_found');
  end if;
  return jsonb_build_object('session_id', refreshed.id, 'amr_method', refreshed.amr_method,
                            'user', to_jsonb(holder));
end
$$;

-- Sign-out: 'local' ends this session, 'global' every session of the user, 'others' every
-- other one. Refresh tokens go with their sessions.
create or replace function auth_admin.end_sessions(user_id uuid, session_id uuid, scope text)
returns jsonb
language plpgsql
set search_path = ''
as $$
#variable_conflict use_variable
declare
  ended integer;
begin
  delete from auth.sessions s
   where s.user_id = user_id
     and case scope
           when 'local' then s.id = session_id
           when 'others' then s.id <> session_id
           else true
         end;
  get diagnostics ended = row_count;
  return jsonb_build_object('ended', ended);
end
$$;

-- `data` keys are merged into user_metadata; a key given as null is removed.
create or replace function auth_admin.update_user(
  user_id uuid, email text default null, password_hash text default null, data jsonb default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
#variable_conflict use_variable
declare
  updated auth.users;
  removed text[];
begin
  if email is not null and exists (
    select 1 from auth.users u where lower(u.email) = lower(email) and u.id <> user_id) then
    return jsonb_build_object('error', 'email_exists');
  end if;
  select coalesce(array_agg(key), '{}') into removed
    from jsonb_each(coalesce(data, '{}'::jsonb)) where jsonb_typeof(value) = 'null';
  update auth.users u
     set email = coalesce(lower(email), u.email),
         encrypted_password = coalesce(password_hash, u.encrypted_password),
         raw_user_meta_data = (u.raw_user_meta_data || jsonb_strip_nulls(coalesce(data, '{}'::jsonb)))
                              - removed,
         updated_at = now()
   where u.id = user_id and u.deleted_at is null
  returning * into updated;
  if not found then
    return jsonb_build_object('error', 'user_not_found');
  end if;
  return jsonb_build_object('user', to_jsonb(updated));
end
$$;

-- Stores a new emailed code (replacing any earlier one), creating the user when asked.
create or replace function auth_admin.issue_otp(
  email text, token_hash text, create_user boolean default true, data jsonb default '{}',
  ttl_seconds integer default 3600)
returns jsonb
language plpgsql
set search_path = ''
as $$
#variable_conflict use_variable
declare
  recipient auth.users;
  new_id uuid;
  earlier_failures integer;
begin
  select * into recipient from auth.users u
   where lower(u.email) = lower(email) and u.deleted_at is null;
  if not found then
    if not create_user then
      return jsonb_build_object('error', 'otp_disabled');
    end if;
    new_id := gen_random_uuid();
    insert into auth.users (id, aud, role, email, raw_user_meta_data)
    values (new_id, 'authenticated', 'authenticated', lower(email),
            coalesce(data, '{}'::jsonb) || jsonb_build_object(
              'sub', new_id, 'email', lower(email), 'email_verified', false, 'phone_verified', false))
    returning * into recipient;
  end if;
  -- A new code does not buy new guesses: wrong guesses on the code it replaces (within its
  -- lifetime) carry over, so asking again and again cannot be used to try every code.
  select coalesce(max(o.failed_attempts), 0) into earlier_failures
    from auth.one_time_tokens o
   where o.user_id = recipient.id and o.token_type = 'email_otp' and o.expires_at > now();
  if earlier_failures >= 5 then
    return jsonb_build_object('error', 'over_email_send_rate_limit');
  end if;
  delete from auth.one_time_tokens o where o.user_id = recipient.id and o.token_type = 'email_otp';
  insert into auth.one_time_tokens (user_id, token_type, token_hash, relates_to, expires_at, failed_attempts)
  values (recipient.id, 'email_otp', token_hash, lower(email),
          now() + make_interval(secs => ttl_seconds), earlier_failures);
  update auth.users u set confirmation_sent_at = now() where u.id = recipient.id;
  return jsonb_build_object('user_id', recipient.id);
end
$$;

-- Checks an emailed code; on success it is used up and a session starts. Five wrong
-- guesses use the code up too.
create or replace function auth_admin.verify_otp(email text, token_hash text, refresh_token_hash text)
returns jsonb
language plpgsql
set search_path = ''
as $$
#variable_conflict use_variable
declare
  pending auth.one_time_tokens;
begin
  select o.* into pending
    from auth.one_time_tokens o
    join auth.users u on u.id = o.user_id
   where lower(u.email) = lower(email) and o.token_type = 'email_otp' and u.deleted_at is null
   for update of o;
  if not found or pending.expires_at < now() or pending.failed_attempts >= 5 then
    return jsonb_build_object('error', 'otp_expired');
  end if;
  if pending.token_hash <> token_hash then
    -- The fifth wrong guess spends the code; it stays on record until it expires so that a
    -- new code cannot reset the count (see issue_otp).
    update auth.one_time_tokens o set failed_attempts = o.failed_attempts + 1
     where o.id = pending.id;
    return jsonb_build_object('error', 'otp_expired');
  end if;
  delete from auth.one_time_tokens o where o.id = pending.id;
  update auth.users u
     set raw_user_meta_data = u.raw_user_meta_data || '{"email_verified": true}'
   where u.id = pending.user_id and u.raw_user_meta_data ? 'email_verified';
  return auth_admin.start_session(pending.user_id, 'otp', refresh_token_hash);
end
$$;

revoke all on schema auth_admin from public;
revoke all on all functions in schema auth_admin from public, anon, authenticated;
grant usage on schema auth_admin to service_role;
grant execute on all functions in schema auth_admin to service_role;
