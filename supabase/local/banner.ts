// What `npm run stack` and `npm run dev` print once the stack answers: everything a new
// developer needs to sign in (the API URL, the anon key the mailbox asks for, where codes go)
// and whether --seed did anything.
import { relative } from 'node:path';
import type { RunningStack } from './stack.ts';

/** The demo user in supabase/seed.sql. */
export const SEED_SIGN_IN = { email: 'ana@highcard.example', password: 'highcard-demo' };

export function seedLine(stack: Pick<RunningStack, 'migrations'>, seedAsked: boolean): string | null {
  if (!seedAsked) return null;
  if (stack.migrations.seeded) {
    return `Seed:             loaded supabase/seed.sql — sign in as ${SEED_SIGN_IN.email}, password ${SEED_SIGN_IN.password}`;
  }
  return stack.migrations.fresh
    ? 'Seed:             NOT loaded: supabase/seed.sql does not exist.'
    : 'Seed:             NOT loaded: the database already existed. Start over with --fresh --seed (this wipes it).';
}

export function stackBanner(stack: RunningStack, options: { seedAsked: boolean; serviceRole?: boolean }): string {
  const where = stack.dataDir ? relative(process.cwd(), stack.dataDir) || '.' : 'the --db-url database';
  const seed = seedLine(stack, options.seedAsked);
  return [
    `Highcard local stack is running (data: ${where}).`,
    '',
    `  API URL:          ${stack.apiUrl}`,
    `  REST:             ${stack.apiUrl}/rest/v1`,
    `  Auth:             ${stack.apiUrl}/auth/v1`,
    `  DB URL:           ${stack.dbUrl}`,
    `  anon key:         ${stack.anonKey}`,
    ...(options.serviceRole === false ? [] : [`  service_role key: ${stack.serviceRoleKey}`]),
    `  Mailbox:          sign-in codes are printed here as they are sent, and listed at`,
    `                    ${stack.apiUrl}/auth/v1/mailbox?apikey=${stack.anonKey}&email=<address>`,
    ...(seed ? [`  ${seed}`] : []),
  ].join('\n');
}
