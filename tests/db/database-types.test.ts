// supabase/database.types.ts is generated from the migrations and never edited by hand:
// after a migration, `npm run gen:types` and commit both.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDatabaseTypes, TYPES_FILE } from '../../scripts/gen-types.ts';

describe('the generated database types', () => {
  it('match the migrations (run `npm run gen:types` after changing one)', async () => {
    const expected = await generateDatabaseTypes();
    const committed = readFileSync(TYPES_FILE, 'utf8');
    expect(committed === expected, 'supabase/database.types.ts is out of date: run `npm run gen:types`').toBe(true);
  });

  it('describe every public table, view and function the extension calls', async () => {
    const types = readFileSync(TYPES_FILE, 'utf8');
    for (const name of ['interactions', 'account_timeline', 'account_overview', 'file_interaction', 'lookup_context']) {
      expect(types).toContain(`${name}: {`);
    }
  });
});
