// Insights in the background: the series and the changes for the active organization, the
// last answer kept for when the server cannot be reached, and the entries behind a week asked
// for with the timeline's keyset.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../../../utils/background/dispatch';
import { activeOrgItem, insightsCacheItem } from '../../../../utils/storage';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const ACME = '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e6f';
const ENTRY = '00000000-0000-4000-8000-000000000001';

type Call = { kind: 'rpc'; name: string; args: unknown } | { kind: 'select'; table: string; filters: string[] };
let calls: Call[] = [];
let offline = false;

const SERIES = [{ week: '2026-11-23', signal: 'pricing', entries: 3, accounts: 2 }];
const CHANGES = [{ signal: 'pricing', recent: 14, baseline: 12, expected: 4, direction: 'up', accounts: 9 }];

function fakeClient() {
  const from = (table: string) => {
    const filters: string[] = [];
    const builder = {
      select: (columns: string) => (filters.push(`select:${columns}`), builder),
      eq: (column: string, value: unknown) => (filters.push(`eq:${column}=${String(value)}`), builder),
      contains: (column: string, value: unknown[]) => (filters.push(`contains:${column}=${value.join(',')}`), builder),
      gte: (column: string, value: unknown) => (filters.push(`gte:${column}=${String(value)}`), builder),
      lt: (column: string, value: unknown) => (filters.push(`lt:${column}=${String(value)}`), builder),
      or: (value: string) => (filters.push(`or:${value}`), builder),
      order: (column: string, options: { ascending: boolean }) => (filters.push(`order:${column}.${options.ascending ? 'asc' : 'desc'}`), builder),
      limit: (n: number) => (filters.push(`limit:${n}`), builder),
      then: (resolve: (value: unknown) => void) => {
        calls.push({ kind: 'select', table, filters });
        resolve({
          data: [
            {
              id: ENTRY,
              account_id: ACME,
              account_name: 'Acme Robotics',
              contact_id: null,
              contact_name: 'Mia',
              kind: 'email',
              title: 'Asked for volume pricing',
              body: '',
              signals: ['pricing'],
              occurred_at: '2026-11-24T10:00:00+00:00',
              source_url: null,
              author_id: ENTRY,
              author_display_name: 'Ana',
              author_department: null,
              revision_count: 0,
            },
          ],
          error: null,
          status: 200,
        });
      },
    };
    return builder;
  };
  return {
    auth: { getSession: async () => ({ data: { session: { user: { id: ENTRY } } } }) },
    from,
    rpc: async (name: string, args: unknown) => {
      calls.push({ kind: 'rpc', name, args });
      if (offline) return { data: null, error: { message: 'Failed to fetch' }, status: 0 };
      if (name === 'signal_series') return { data: SERIES, error: null, status: 200 };
      if (name === 'signal_changes') return { data: CHANGES, error: null, status: 200 };
      return { data: null, error: { message: `unexpected ${name}` }, status: 400 };
    },
  };
}

vi.mock('../../../../utils/background/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../utils/background/services')>()),
  client: async () => fakeClient(),
}));

const page = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/insights.html' };
const ask = (type: string, payload: unknown = {}) => dispatch({ type, payload }, page as never);

beforeEach(async () => {
  fakeBrowser.reset();
  calls = [];
  offline = false;
  await activeOrgItem.setValue(ORG);
});

describe('the Insights overview', () => {
  it('asks for the active organization’s series and changes, and keeps the answer', async () => {
    const result = await ask('insights.overview', { weeks: 13 });
    expect(result).toMatchObject({ ok: true, data: { orgId: ORG, weeks: 13, series: SERIES, changes: CHANGES, cached: false, problem: null } });
    expect(calls).toEqual([
      { kind: 'rpc', name: 'signal_series', args: { org_id: ORG, weeks: 13 } },
      { kind: 'rpc', name: 'signal_changes', args: { org_id: ORG, recent_weeks: 4 } },
    ]);
    expect(Object.keys(await insightsCacheItem.getValue())).toEqual([`${ORG}:13`]);
  });

  it('answers with the kept answer, marked and explained, when the server cannot be reached', async () => {
    const first = await ask('insights.overview', { weeks: 26 });
    offline = true;
    const later = await ask('insights.overview', { weeks: 26 });
    expect(later).toMatchObject({ ok: true, data: { series: SERIES, cached: true } });
    expect(later.ok && (later.data as { fetchedAt: string }).fetchedAt).toBe(first.ok && (first.data as { fetchedAt: string }).fetchedAt);
    expect(later.ok && (later.data as { problem: string }).problem).toMatch(/can't reach your team's server/);
    // Another window was never kept: that is an error for the user, not an empty chart.
    expect(await ask('insights.overview', { weeks: 52 })).toMatchObject({ ok: false, error: expect.stringMatching(/can't reach your team's server/) });
  });
});

describe('the entries behind a week', () => {
  it('reads account_timeline for the organization, signal and week, newest first, after the cursor', async () => {
    const after = { occurred_at: '2026-11-25T09:00:00+00:00', id: ENTRY };
    const result = await ask('insights.entries', { signal: 'pricing', week: '2026-11-23', after, limit: 20 });
    expect(result).toMatchObject({ ok: true, data: { entries: [{ id: ENTRY, account_name: 'Acme Robotics' }], next: null } });
    const [call] = calls as Array<{ kind: 'select'; table: string; filters: string[] }>;
    expect(call!.table).toBe('account_timeline');
    expect(call!.filters.slice(1)).toEqual([
      `eq:org_id=${ORG}`,
      'contains:signals=pricing',
      'gte:occurred_at=2026-11-23T00:00:00.000Z',
      'lt:occurred_at=2026-11-30T00:00:00.000Z',
      `or:occurred_at.lt."${after.occurred_at}",and(occurred_at.eq."${after.occurred_at}",id.lt.${ENTRY})`,
      'order:occurred_at.desc',
      'order:id.desc',
      'limit:21',
    ]);
  });

  it('refuses a signal outside the vocabulary, naming the field', async () => {
    expect(await ask('insights.entries', { signal: 'calls_made', week: '2026-11-23' })).toMatchObject({ ok: false, error: expect.stringMatching(/signal/) });
  });
});
