// The account merge dialog weighs two accounts by their entries: the background counts each
// account's timeline without reading a row, and leaves out an account the reader cannot see.
import { describe, expect, it } from 'vitest';
import { accountSizes } from '../../../../utils/background/records/merge';
import type { Client } from '../../../../utils/background/supabase';

const ACME = 'aaaaaaaa-0000-4000-8000-000000000001';
const GMBH = 'bbbbbbbb-0000-4000-8000-000000000002';
const HIDDEN = 'cccccccc-0000-4000-8000-000000000003';

function fakeClient(visible: Record<string, { created_at: string; entries: number }>) {
  const asked: Array<{ table: string; columns: string; options: unknown; filter: unknown }> = [];
  const client = {
    from: (table: string) => ({
      select: (columns: string, options?: unknown) => ({
        in: async (_column: string, ids: string[]) => {
          asked.push({ table, columns, options, filter: ids });
          return { data: ids.filter((id) => visible[id]).map((id) => ({ id, created_at: visible[id]!.created_at })), error: null, status: 200 };
        },
        eq: async (_column: string, id: string) => {
          asked.push({ table, columns, options, filter: id });
          return { data: null, count: visible[id]?.entries ?? 0, error: null, status: 200 };
        },
      }),
    }),
  };
  return { client: client as unknown as Client, asked };
}

describe('sizing two accounts for a merge', () => {
  it('counts each account’s visible entries with a head request, never reading the rows', async () => {
    const { client, asked } = fakeClient({
      [ACME]: { created_at: '2026-01-10T00:00:00Z', entries: 12 },
      [GMBH]: { created_at: '2026-11-02T00:00:00Z', entries: 2 },
    });
    expect(await accountSizes(client, [ACME, GMBH])).toEqual([
      { account_id: ACME, entries: 12, created_at: '2026-01-10T00:00:00Z' },
      { account_id: GMBH, entries: 2, created_at: '2026-11-02T00:00:00Z' },
    ]);
    const counts = asked.filter((ask) => ask.table === 'account_timeline');
    expect(counts).toEqual([
      { table: 'account_timeline', columns: 'id', options: { count: 'exact', head: true }, filter: ACME },
      { table: 'account_timeline', columns: 'id', options: { count: 'exact', head: true }, filter: GMBH },
    ]);
  });

  it('leaves out an account the reader cannot see (another organization’s, or merged away)', async () => {
    const { client } = fakeClient({ [ACME]: { created_at: '2026-01-10T00:00:00Z', entries: 3 } });
    expect(await accountSizes(client, [ACME, HIDDEN])).toEqual([{ account_id: ACME, entries: 3, created_at: '2026-01-10T00:00:00Z' }]);
  });
});
