-- Local stack only: PostgREST's db-pre-request check. Under PGlite every connection's
-- session user is the superuser `postgres`, so a JWT whose role claim names any other role
-- (postgres itself, authenticator, ...) would run as that role. Only the three API roles
-- may make requests. The schema is deliberately not in PostgREST's db-schemas.
-- Idempotent: it runs again on every start of an existing database.

create schema if not exists api_guard;
comment on schema api_guard is 'Local stack: checks run by PostgREST before every request.';

create or replace function api_guard.check_request()
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated', 'service_role') then
    raise exception using
      errcode = 'PT403',
      message = format('The API does not accept the role %s', current_user),
      hint = 'Use a JWT whose role is anon, authenticated or service_role.';
  end if;
end
$$;
comment on function api_guard.check_request() is
  'PostgREST db-pre-request: refuses any JWT role other than anon, authenticated and service_role.';

revoke all on schema api_guard from public;
revoke all on function api_guard.check_request() from public;
grant usage on schema api_guard to anon, authenticated, service_role;
grant execute on function api_guard.check_request() to anon, authenticated, service_role;
