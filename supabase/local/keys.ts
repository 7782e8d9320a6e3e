// The JWT secret and API keys of the embedded local stack. With the default secret these
// are byte for byte the well-known keys that `supabase start` prints, so tools configured
// for the Supabase CLI work against the local stack unchanged. Local use only.
import { createHmac } from 'node:crypto';

/** Supabase's well-known local JWT secret (public; never use it for a hosted project). */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** The secret the stack signs with: `HIGHCARD_JWT_SECRET` when set, else the well-known one. */
export function localJwtSecret(): string {
  return process.env.HIGHCARD_JWT_SECRET || DEFAULT_JWT_SECRET;
}

const base64url = (input: string | Buffer): string => Buffer.from(input).toString('base64url');

/** Signs a JWT with HS256. Claims keep their insertion order, which fixes the output. */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

// 2032-11-12, the expiry of Supabase's demo keys.
const DEMO_KEY_EXPIRY = 1983812996;

export type ApiKeyRole = 'anon' | 'service_role';

/** An API key as Supabase issues it: `{ iss: 'supabase-demo', role, exp }`. */
export function signApiKey(role: ApiKeyRole, secret: string = localJwtSecret()): string {
  return signJwt({ iss: 'supabase-demo', role, exp: DEMO_KEY_EXPIRY }, secret);
}

export const anonKey = (secret: string = localJwtSecret()): string => signApiKey('anon', secret);
export const serviceRoleKey = (secret: string = localJwtSecret()): string =>
  signApiKey('service_role', secret);
