// One source for every limit: utils/limits.ts says each length limit and cap once, and the
// database must say the same — in its check constraints and in its functions. A limit
// changed on one side only, or a new one the extension does not know, fails here.
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, type LimitName } from '../../utils/limits';
import { createUser, freshDb, rpc, superuser } from './helpers';

/** Every column the schema limits in length, and the limit it must share with the extension. */
const COLUMN_LIMITS: Record<string, LimitName> = {
  'organizations.name': 'name',
  'memberships.display_name': 'name',
  'memberships.department': 'department',
  'invites.code': 'inviteCode',
  'accounts.name': 'name',
  'contacts.full_name': 'name',
  'contacts.title': 'name',
  'contacts.company': 'name',
  'interactions.source_ref': 'sourceRef',
  'interactions.title': 'title',
  'interactions.body': 'body',
  'coaching_periods.purpose': 'coachingPurpose',
  'coaching_notes.body': 'coachingNote',
  'entry_thanks.note': 'thanksNote',
  'entry_routes.note': 'routeNote',
  'entry_routes.to_department': 'department',
  'plan_items.body': 'planBody',
  'plan_items.settled_note': 'planNote',
};

/** Checks in functions that must be a specific limit: `function(expression)`. Any other
 * length check in a function must at least be one of the numbers in utils/limits.ts. */
const FUNCTION_LIMITS: Record<string, LimitName> = {
  'private.is_email(value)': 'email',
  'private.is_domain(value)': 'domain',
  'private.is_https_url(value)': 'sourceUrl',
  'private.is_linkedin_profile_url(value)': 'sourceUrl',
  'private.lookup_context_for(lookup_context_for.emails)': 'lookupEmails',
  'private.import_records(import_rows)': 'importRows',
  'public.due_steps(due_steps.account_ids)': 'dueAccounts',
  'private.resolve_ids(wanted_accounts)': 'resolveIds',
  'private.resolve_ids(wanted_contacts)': 'resolveIds',
  'private.clean_plan_text(clean)': 'planBody',
};

const LENGTH_BOUND = /char_length\(([^()]+)\)\s*(?:<=|>|(?:not\s+)?between\s+\d+\s+and)\s*(\d+)/gi;
const COUNT_BOUND = /(?:cardinality|jsonb_array_length)\(([^()]+)\)\s*>\s*(\d+)/gi;

let db: PGlite;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => db?.close());

describe('the limits the database and the extension share', () => {
  it('are the same in every check constraint, and every limited column is known to utils/limits.ts', async () => {
    const rows = await superuser<{ table_name: string; def: string }>(
      db,
      `select c.conrelid::regclass::text as table_name, pg_get_constraintdef(c.oid) as def
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'c' and n.nspname = 'public'`,
    );
    const found = new Map<string, number>();
    for (const { table_name, def } of rows) {
      const table = table_name.replace(/^public\./, '');
      for (const [, column, max] of def.matchAll(/char_length\((\w+)\) <= (\d+)/g)) found.set(`${table}.${column}`, Number(max));
    }
    // Both ways: nothing limited in SQL that the extension does not know, and no stale entry here.
    expect([...found.keys()].sort()).toEqual(Object.keys(COLUMN_LIMITS).sort());
    for (const [column, name] of Object.entries(COLUMN_LIMITS)) {
      expect({ column, limit: found.get(column) }).toEqual({ column, limit: LIMITS[name] });
    }
  });

  it('are the same in every function that checks a length or a count', async () => {
    const functions = await superuser<{ name: string; source: string }>(
      db,
      `select n.nspname || '.' || p.proname as name, p.prosrc as source
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         join pg_language l on l.oid = p.prolang
        where n.nspname in ('public', 'private') and l.lanname in ('sql', 'plpgsql')`,
    );
    const known = new Set<number>(Object.values(LIMITS));
    const bounds: Array<{ check: string; limit: number }> = [];
    for (const { name, source } of functions) {
      for (const pattern of [LENGTH_BOUND, COUNT_BOUND]) {
        for (const [, expression, max] of source.matchAll(pattern)) bounds.push({ check: `${name}(${expression!.trim()})`, limit: Number(max) });
      }
    }
    expect(bounds.length).toBeGreaterThan(10); // the patterns still find what they are for
    for (const bound of bounds) {
      const expected = FUNCTION_LIMITS[bound.check];
      if (expected) expect(bound).toEqual({ check: bound.check, limit: LIMITS[expected] });
      else expect(known.has(bound.limit), `${bound.check} is limited to ${bound.limit}, a number utils/limits.ts does not have`).toBe(true);
    }
    for (const check of Object.keys(FUNCTION_LIMITS)) expect(bounds.some((bound) => bound.check === check), check).toBe(true);
  });

  it('let a lookup ask about exactly as many addresses as the extension sends, and not one more', async () => {
    const rep = await createUser(db, 'rep@limits.example');
    const orgId = await rpc<string>(db, rep, 'create_organization', { name: 'Limits Ltd' });
    const emails = (count: number) => Array.from({ length: count }, (_, i) => `person${i}@customer.example`);
    await expect(rpc(db, rep, 'lookup_context', { emails: emails(LIMITS.lookupEmails), linkedin_url: null, org_id: orgId })).resolves.toBeTruthy();
    await expect(
      rpc(db, rep, 'lookup_context', { emails: emails(LIMITS.lookupEmails + 1), linkedin_url: null, org_id: orgId }),
    ).rejects.toThrow(/emails/);
  });
});
