// What `npm run stack` and `npm run dev` tell a new developer once the stack answers.
import { describe, expect, it } from 'vitest';
import { seedLine, stackBanner } from '../../supabase/local/banner.ts';
import type { RunningStack } from '../../supabase/local/stack.ts';

function stack(migrations: RunningStack['migrations']): RunningStack {
  return {
    apiUrl: 'http://127.0.0.1:54321',
    dbUrl: 'postgresql://postgres:postgres@127.0.0.1:54322/postgres',
    anonKey: 'anon.jwt',
    serviceRoleKey: 'service.jwt',
    jwtSecret: 'x'.repeat(40),
    mailbox: { all: () => [], latestFor: () => undefined },
    dataDir: `${process.cwd()}/.highcard`,
    migrations,
    stop: async () => {},
  };
}

describe('the stack’s banner', () => {
  it('gives the API URL, the anon key and a mailbox address that works as printed', () => {
    const text = stackBanner(stack({ fresh: true, applied: [], seeded: false }), { seedAsked: false, serviceRole: false });
    expect(text).toContain('API URL:          http://127.0.0.1:54321');
    expect(text).toContain('anon key:         anon.jwt');
    expect(text).toContain('http://127.0.0.1:54321/auth/v1/mailbox?apikey=anon.jwt&email=<address>');
    expect(text).not.toContain('service.jwt');
    expect(text).not.toContain('Seed:');
  });

  it('says whether --seed loaded the demo data, and how to get it when it did not', () => {
    expect(seedLine(stack({ fresh: true, applied: [], seeded: true }), true)).toContain('loaded supabase/seed.sql — sign in as ana@highcard.example');
    expect(seedLine(stack({ fresh: false, applied: [], seeded: false }), true)).toBe(
      'Seed:             NOT loaded: the database already existed. Start over with --fresh --seed (this wipes it).',
    );
    expect(seedLine(stack({ fresh: false, applied: [], seeded: false }), false)).toBeNull();
  });
});
