-- Deleting coaching notes on time does not depend on anyone opening Coaching: where pg_cron
-- is installed (hosted Supabase, `supabase start`), purge_ended_coaching runs every night.
-- Where it is not (PGlite, a plain Postgres without the extension) this migration does
-- nothing, and the extension's call on opening Coaching does the same work.
do $$
begin
  if not exists (select 1 from pg_extension where extname = 'pg_cron') then
    if not exists (select 1 from pg_available_extensions where name = 'pg_cron') then
      raise notice 'pg_cron is not available here: coaching notes are purged when Coaching opens';
      return;
    end if;
    begin
      -- Supabase installs pg_cron in pg_catalog; it needs shared_preload_libraries elsewhere.
      create extension if not exists pg_cron with schema pg_catalog;
    exception when others then
      raise notice 'pg_cron could not be installed (%): coaching notes are purged when Coaching opens', sqlerrm;
      return;
    end;
  end if;
  -- Scheduling under a name replaces an earlier job of that name, so this can run again.
  execute $sql$select cron.schedule('highcard-purge-ended-coaching', '17 3 * * *', 'select public.purge_ended_coaching()')$sql$;
end;
$$;
