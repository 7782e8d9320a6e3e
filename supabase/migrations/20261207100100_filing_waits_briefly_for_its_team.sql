-- A filing waits at most a moment for its own team's turn, so one busy team cannot hold the
-- server's connections.
--
-- Filings of one organization take turns (a transaction-scoped advisory lock per
-- organization, so matching people and companies never races). A filing that waits for its
-- turn waits inside its transaction, holding one of PostgREST's pooled connections. Measured
-- with bench:load on PostgreSQL (pool of 10): while 20 reps of one organization filed back to
-- back, on average 8.5 of the 10 connections sat waiting for that organization's lock, and a
-- quiet organization's filing p95 went from 36 ms to 522 ms waiting for a connection.
--
-- Now a filing that cannot take its team's turn within lock_timeout gives up at once with
-- lock_not_available (HTTP 500 through PostgREST), and the connection is free again. The
-- extension's outbox treats a 5xx as "try again later" and resends the same capture with the
-- same id after its backoff (seconds), which file_interaction answers exactly once (the
-- capture id and the source message are its idempotency keys): nothing is lost or doubled,
-- and the busy team's excess filings wait in their own browsers instead of in the server's
-- pool. A filing holds its turn for about 15 ms, so at most a handful of one team's filings
-- wait at any moment. The same limit covers a merge or an import holding the team's lock
-- for longer: filings retry after it instead of queueing behind it.
create or replace function public.file_interaction(capture jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
set lock_timeout = '100ms'
as $$
declare
  result jsonb;
begin
  begin
    result := private.file_interaction(file_interaction.capture);
  exception when lock_not_available then
    raise exception using
      errcode = 'lock_not_available',
      message = 'Your team is filing many items at this moment; this one will be sent again shortly.',
      hint = 'Send the same capture again after a moment: it is filed exactly once.';
  end;
  if (result ->> 'created')::boolean
    and file_interaction.capture ->> 'kind' = 'linkedin_profile'
    and result ->> 'contact_id' is not null then
    perform private.refresh_contact_from_profile((result ->> 'contact_id')::uuid, file_interaction.capture -> 'contact');
  end if;
  return result;
end;
$$;
comment on function public.file_interaction(jsonb) is
  'Files one entry from the extension: checks the capture, finds or creates the contact and '
  'account, and returns { id, account_id, contact_id, created }. Sending the same entry again '
  '(same id, or same source message) returns the existing entry with created = false and '
  'changes nothing. A filed LinkedIn profile brings the contact''s title and company up to '
  'date. The author is always the signed-in user. Waits at most lock_timeout (100 ms) for its '
  'organization''s turn, then fails with lock_not_available so the caller sends it again '
  'later (one busy organization cannot hold the server''s connections).';

revoke all on function public.file_interaction(jsonb) from public, anon, authenticated;
grant execute on function public.file_interaction(jsonb) to authenticated, service_role;
