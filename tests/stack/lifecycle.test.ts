// The stack as a process that stops and starts: data persists, one stack per data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStack, StackError, type RunningStack } from '../../supabase/local/stack.ts';
import { clientFor, signedUpClient } from './helpers.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'highcard-stack-'));
const running: RunningStack[] = [];
const start = async (options: Parameters<typeof startStack>[0] = {}) => {
  const stack = await startStack({ dataDir, apiPort: 0, dbPort: 0, ...options });
  running.push(stack);
  return stack;
};

afterAll(async () => {
  for (const stack of running) await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the local stack across restarts', () => {
  it('keeps users and rows across stop and start with the same data directory', async () => {
    const first = await start();
    expect(first.migrations.fresh).toBe(true);
    const { client, email } = await signedUpClient(first, 'Persist');
    const { data: orgId, error } = await client.rpc('create_organization', { name: 'Persisted Org' });
    expect(error).toBeNull();
    await first.stop();

    const second = await start();
    expect(second.migrations).toMatchObject({ fresh: false, applied: [] });
    const again = clientFor(second);
    const signIn = await again.auth.signInWithPassword({ email, password: 'correct horse 1' });
    expect(signIn.error).toBeNull();
    const orgs = await again.from('organizations').select('id, name');
    expect(orgs.data).toEqual([{ id: orgId, name: 'Persisted Org' }]);
  });

  it('refuses a second stack on a data directory in use, with a plain message', async () => {
    const error = await start().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StackError);
    expect((error as Error).message).toMatch(/already running with the data in/);
  });

  it('refuses an API port that is taken, with a plain message', async () => {
    const busy = running.at(-1)!;
    const port = Number(new URL(busy.apiUrl).port);
    const error = await startStack({ dataDir: null, apiPort: port, dbPort: 0 }).then(
      (s) => (running.push(s), null),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StackError);
    expect((error as Error).message).toMatch(new RegExp(`Port ${port} .* already in use`));
  });

  it('starts over with fresh, runs beforeServe on the migrated database, and ignores a stale lock', async () => {
    for (const stack of running.splice(0)) await stack.stop();
    // A lock left behind by a process that no longer exists (killed with SIGKILL, say).
    writeFileSync(join(dataDir, 'stack.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: new Date().toISOString() }));
    let migrationsSeen = -1;
    const fresh = await start({
      fresh: true,
      beforeServe: async (db) => {
        const { rows } = await db.query<{ n: number }>('select count(*)::int as n from supabase_migrations.schema_migrations');
        migrationsSeen = rows[0]!.n;
      },
    });
    expect(fresh.migrations.fresh).toBe(true);
    expect(migrationsSeen).toBe(fresh.migrations.applied.length);
    const orgs = await clientFor(fresh, fresh.serviceRoleKey).from('organizations').select('id');
    expect(orgs.data).toEqual([]);
  });
});

describe('npm run stack in a terminal', () => {
  it('stops cleanly on Ctrl-C, which signals the whole process group, even when a wrapper passes the signal on again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'highcard-ctrl-c-'));
    // As package.json runs it, in a process group of its own like a terminal's foreground job.
    const child = spawn(process.execPath, ['--import', 'tsx', 'supabase/local/cli.ts', '--data-dir', dir, '--port', '0', '--db-port', '0'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let waited = 0; !output.includes('Press Ctrl-C to stop') && waited < 90_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).toContain('Press Ctrl-C to stop');
      process.kill(-child.pid!, 'SIGINT');
      // tsx passes a signal on when its child has not acknowledged it within 30 ms.
      await new Promise((resolve) => setTimeout(resolve, 40));
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(0);
      expect(output).toContain('Stopped; data saved.');
      expect(output).not.toContain('Forced exit.');
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
