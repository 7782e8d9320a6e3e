// supabase-js as a signed-in user through the gateway: the RPCs and views of docs/design.md,
// and the isolation claim of "PGlite is one session" under a concurrent burst.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStack } from '../../supabase/local/stack.ts';
import { clientFor, signedUpClient, startTestStack } from './helpers.ts';

let stack: RunningStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** Files as the extension's outbox does: a filing its team is too busy to take right now
 * (lock_not_available, on a server with a pool of connections) is sent again after a moment. */
async function fileAsTheOutbox(client: SupabaseClient, item: ReturnType<typeof capture>) {
  for (let attempt = 1; ; attempt += 1) {
    const res = await client.rpc('file_interaction', { capture: item });
    if (res.error?.code !== '55P03' || attempt >= 100) return res;
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
  }
}

function capture(orgId: string, label: string) {
  const ref = randomUUID();
  return {
    id: randomUUID(),
    org_id: orgId,
    kind: 'email' as const,
    source_ref: `msg-${ref}`,
    occurred_at: '2026-11-20T09:30:00Z',
    title: `${label}: pricing question`,
    body: `${label} asked about the price of the team plan.`,
    signals: ['pricing'],
    contact: { full_name: `${label} Customer`, email: `buyer-${ref.slice(0, 8)}@${label.toLowerCase()}-corp.example` },
  };
}

async function newOrg(client: SupabaseClient, name: string): Promise<string> {
  const { data, error } = await client.rpc('create_organization', { name });
  if (error) throw new Error(`create_organization: ${error.message}`);
  return data as string;
}

describe('a signed-in user through the API', () => {
  it('creates an organization, files an interaction and reads it in the account timeline', async () => {
    const { client } = await signedUpClient(stack, 'Filer');
    const orgId = await newOrg(client, 'Filer Org');
    const item = capture(orgId, 'Filer');
    const filed = await client.rpc('file_interaction', { capture: item });
    expect(filed.error).toBeNull();
    expect(filed.data).toMatchObject({ id: item.id, created: true });

    const again = await client.rpc('file_interaction', { capture: item });
    expect(again.data).toMatchObject({ id: item.id, created: false });

    const timeline = await client.from('account_timeline').select('id, org_id, account_id, title, revision_count').eq('org_id', orgId);
    expect(timeline.error).toBeNull();
    expect(timeline.data).toEqual([expect.objectContaining({ id: item.id, org_id: orgId, title: item.title, revision_count: 0 })]);

    const anon = await clientFor(stack).from('account_timeline').select('id');
    expect(anon.data ?? []).toEqual([]);
  });

  it('keeps two organizations apart under a burst of ~200 concurrent mixed requests', async () => {
    const alice = await signedUpClient(stack, 'Alice');
    const bob = await signedUpClient(stack, 'Bob');
    const orgA = await newOrg(alice.client, 'Alpha');
    const orgB = await newOrg(bob.client, 'Bravo');

    type Check = () => Promise<void>;
    const checks: Check[] = [];
    const sides = [
      { who: alice, org: orgA, other: orgB, label: 'Alpha' },
      { who: bob, org: orgB, other: orgA, label: 'Bravo' },
    ];
    for (let i = 0; i < 100; i++) {
      for (const side of sides) {
        const { client } = side.who;
        switch (i % 4) {
          case 0:
            checks.push(async () => {
              const res = await fileAsTheOutbox(client, capture(side.org, side.label));
              expect(res.error).toBeNull();
            });
            break;
          case 1:
            checks.push(async () => {
              const res = await client.from('account_timeline').select('org_id, title');
              expect(res.error).toBeNull();
              for (const row of res.data!) {
                expect(row.org_id).toBe(side.org);
                expect(row.title.startsWith(side.label)).toBe(true);
              }
            });
            break;
          case 2:
            checks.push(async () => {
              const res = await client.from('organizations').select('id');
              expect(res.error).toBeNull();
              expect(res.data!.map((row) => row.id)).toEqual([side.org]);
            });
            break;
          default:
            checks.push(async () => {
              // Filing into the other organization must fail and store nothing.
              const res = await fileAsTheOutbox(client, capture(side.other, side.label));
              expect(res.error?.code).toBe('42501');
              const contacts = await client.from('contacts').select('org_id');
              expect(contacts.error).toBeNull();
              for (const row of contacts.data!) expect(row.org_id).toBe(side.org);
            });
        }
      }
    }
    const results = await Promise.allSettled(checks.map((check) => check()));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures.map((f) => String(f.reason))).toEqual([]);

    for (const side of sides) {
      const { data } = await side.who.client.from('account_timeline').select('org_id, title');
      expect(data!.length).toBe(25);
      expect(new Set(data!.map((row) => row.org_id))).toEqual(new Set([side.org]));
    }
  });
});
