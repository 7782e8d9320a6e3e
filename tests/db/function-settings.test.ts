// Settings that functions carry in their own SET clauses. `create or replace function` drops
// any setting its new text does not repeat, so a later migration redefining one of these must
// keep it: a filing that waits without limit for its team's turn lets one busy team hold the
// server's connections, and a read planned once for every organization is slow for the largest.
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb, superuser } from './helpers.ts';

let db: PGlite;

beforeAll(async () => {
  db = await freshDb();
});

async function settingsOf(signature: string): Promise<string[]> {
  const [row] = await superuser<{ proconfig: string[] | null }>(db, `select proconfig from pg_proc where oid = $1::regprocedure`, [signature]);
  return row?.proconfig ?? [];
}

describe('function settings', () => {
  it('lets a filing wait only a moment for its organization’s turn', async () => {
    expect(await settingsOf('public.file_interaction(jsonb)')).toContain('lock_timeout=100ms');
  });

  it('plans the reads that depend most on their arguments for each call', async () => {
    for (const signature of [
      'public.lookup_context(text[], text, uuid, text)',
      'public.due_steps(uuid, date, boolean, uuid[])',
      'public.account_plan(uuid, uuid)',
      'private.search_account_ids(uuid, text, integer)',
      'private.search_accounts_for(uuid, text, integer)',
    ]) {
      expect(await settingsOf(signature), signature).toContain('plan_cache_mode=force_custom_plan');
    }
  });

  it('plans the lookup behind the panel once per connection, its reads being by key whatever the organization', async () => {
    // Planning its statements for each call was most of its time; none depends on the
    // organization's size (supabase/migrations/20261208100000_lookup_context_plans_once.sql).
    expect(await settingsOf('private.lookup_context_for(text[], text, uuid, text)')).toContain('plan_cache_mode=force_generic_plan');
  });

  it('plans the read of the account search’s rows once per connection, every part of it by the account’s key', async () => {
    // Planning it for each call was a quarter of the search at 10M entries
    // (supabase/migrations/20261208210000_search_plans_its_rows_once.sql).
    expect(await settingsOf('private.account_overview_rows(uuid, uuid[])')).toContain('plan_cache_mode=force_generic_plan');
  });
});
