// The outbox against the real local stack: whatever fails when, every filed item becomes
// exactly one row.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { fileInteraction } from '../../utils/background/records/capture';
import type { CaptureInput } from '../../utils/messages';
import { BACKOFF, memoryOutboxStore, Outbox } from '../../utils/outbox';

interface StackInfo {
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startStackProcess(dataDir: string, apiPort: number, dbPort: number): Promise<{ child: ChildProcess; info: StackInfo }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/stack/stack-process.ts', dataDir, String(apiPort), String(dbPort)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, info: JSON.parse(line) as StackInfo });
    });
    child.once('exit', (code) => reject(new Error(`the stack exited with ${code} before it was ready`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const client = (info: StackInfo, key = info.anonKey): SupabaseClient =>
  createClient(info.apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });

let dataDir: string;
let apiPort: number;
let dbPort: number;
let running: { child: ChildProcess; info: StackInfo };
let user: SupabaseClient;
let orgId: string;
const email = 'outbox-tester@acme-robotics.example';
const password = 'correct horse battery';

function capture(n: number, overrides: Partial<CaptureInput> = {}): CaptureInput {
  return {
    id: crypto.randomUUID(),
    org_id: orgId,
    kind: 'email',
    source_ref: `msg-f:${Date.now()}${n}`,
    occurred_at: new Date(Date.UTC(2026, 10, 20, 9, n % 60)).toISOString(),
    title: `Question ${n} about the rollout`,
    body: `Customer message ${n}: could we start with the support team first?`,
    signals: ['buying_signal'],
    contact: { full_name: 'Mia Schmidt', email: 'mia@acme-robotics.example' },
    ...overrides,
  };
}

async function rowsFor(ids: readonly string[]): Promise<string[]> {
  const admin = client(running.info, running.info.serviceRoleKey);
  const found: string[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const { data, error } = await admin.from('interactions').select('id').in('id', ids.slice(i, i + 100));
    if (error) throw new Error(error.message);
    found.push(...(data ?? []).map((row: { id: string }) => row.id));
  }
  return found;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'highcard-outbox-'));
  [apiPort, dbPort] = [await freePort(), await freePort()];
  running = await startStackProcess(dataDir, apiPort, dbPort);
  user = client(running.info);
  const { error } = await user.auth.signUp({ email, password });
  if (error) throw error;
  const created = await user.rpc('create_organization', { name: 'Outbox Test Co' });
  if (created.error) throw new Error(created.error.message);
  orgId = created.data as string;
});

afterAll(async () => {
  if (running) await kill(running.child);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the outbox against the local stack', () => {
  it('files 50 items exactly once while the stack is killed and restarted midway', async () => {
    let clock = Date.now();
    // The 21st send waits until the stack is down, so the plug is pulled midway by state, not by a race.
    let attempts = 0;
    let reachedMidway!: () => void;
    let stackDown!: () => void;
    const midwayReached = new Promise<void>((resolve) => (reachedMidway = resolve));
    const down = new Promise<void>((resolve) => (stackDown = resolve));
    const outbox = new Outbox({
      store: memoryOutboxStore(),
      send: async (c) => {
        attempts += 1;
        if (attempts === 21) {
          reachedMidway();
          await down;
        }
        return fileInteraction(user, c);
      },
      schedule: async () => {},
      now: () => clock,
    });
    const items = [];
    for (let n = 0; n < 50; n += 1) items.push(await outbox.file(capture(n)));

    // Send the first part, then pull the plug in the middle of the next drain.
    const sentBefore = async () => (await outbox.list()).filter((i) => i.status === 'sent').length;
    const draining = outbox.drain();
    await midwayReached;
    await kill(running.child);
    stackDown();
    await draining;
    const midway = await outbox.list();
    expect(midway.filter((i) => i.status === 'sent').length).toBe(20);
    expect(midway.filter((i) => i.status === 'pending').length).toBeGreaterThan(0);
    expect(midway.every((i) => i.status === 'sent' || i.status === 'pending')).toBe(true);

    running = await startStackProcess(dataDir, apiPort, dbPort);
    for (let round = 0; round < 10 && (await sentBefore()) < 50; round += 1) {
      clock += BACKOFF.capMs;
      await outbox.drain();
    }
    const after = await outbox.list();
    expect(after.map((i) => i.status)).toEqual(Array(50).fill('sent'));
    const rows = await rowsFor(items.map((i) => i.id));
    expect(rows.sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('waits for sign-in on a 401 in the middle of a sync and loses nothing', async () => {
    const session = (await user.auth.getSession()).data.session!;
    let expire = false;
    const expiredToken = [
      session.access_token.split('.')[0],
      Buffer.from(JSON.stringify({ sub: session.user.id, role: 'authenticated', exp: 1 })).toString('base64url'),
      'invalid-signature',
    ].join('.');
    // The same client, but after the third call its token is refused as a stale one would be.
    let calls = 0;
    const flaky = createClient(running.info.apiUrl, running.info.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
      global: {
        fetch: (input, init) => {
          if (String(input).includes('/rest/v1/rpc/file_interaction') && ++calls > 3) expire = true;
          const headers = new Headers(init?.headers);
          if (expire) headers.set('Authorization', `Bearer ${expiredToken}`);
          return fetch(input, { ...init, headers });
        },
      },
    });
    await flaky.auth.setSession({ access_token: session.access_token, refresh_token: session.refresh_token });
    const outbox = new Outbox({ store: memoryOutboxStore(), send: (c) => fileInteraction(flaky, c), schedule: async () => {} });
    const items = [];
    for (let n = 100; n < 110; n += 1) items.push(await outbox.file(capture(n)));
    await outbox.drain();

    const held = await outbox.list();
    expect(held.filter((i) => i.status === 'sent')).toHaveLength(3);
    expect(held.filter((i) => i.status === 'waiting_for_sign_in')).toHaveLength(7);
    expect(held.find((i) => i.status === 'waiting_for_sign_in')?.error).toContain('sign in');

    expire = false;
    calls = -Infinity; // signed in again: tokens are good from now on
    await outbox.resume();
    expect((await outbox.list()).map((i) => i.status)).toEqual(Array(10).fill('sent'));
    expect((await rowsFor(items.map((i) => i.id))).length).toBe(10);
  });

  it('puts a capture the server refuses in needs_attention with the server’s message', async () => {
    const outbox = new Outbox({ store: memoryOutboxStore(), send: (c) => fileInteraction(user, c), schedule: async () => {} });
    const item = await outbox.file(capture(200, { org_id: crypto.randomUUID() }));
    await outbox.drain();
    const [refused] = await outbox.list();
    expect(refused).toMatchObject({ id: item.id, status: 'needs_attention' });
    expect(refused?.error).toBe('org_id: you are not a member of this organization');
    expect(await rowsFor([item.id])).toEqual([]);
  });
});
