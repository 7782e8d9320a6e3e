import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../supabase/local/keys.ts';
import type { RunningStack } from '../../supabase/local/stack.ts';
import { api, startTestStack } from './helpers.ts';

let stack: RunningStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const tokenFor = (role: string): string =>
  signJwt({ role, sub: '00000000-0000-0000-0000-000000000001', exp: Math.floor(Date.now() / 1000) + 600 }, stack.jwtSecret);

describe('the JWT role guard', () => {
  it('refuses a validly signed JWT whose role is postgres instead of running as superuser', async () => {
    for (const path of ['/rest/v1/organizations?select=id', '/rest/v1/rpc/create_organization']) {
      const res = await api(stack, path, {
        method: path.includes('rpc') ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${tokenFor('postgres')}`, 'content-type': 'application/json' },
        body: path.includes('rpc') ? JSON.stringify({ name: 'Superuser Inc' }) : undefined,
      });
      expect(res.status).toBe(403);
      expect((await res.json()).message).toMatch(/does not accept the role postgres/);
    }
  });

  it('refuses other non-API roles too', async () => {
    const res = await api(stack, '/rest/v1/organizations?select=id', {
      headers: { authorization: `Bearer ${tokenFor('authenticator')}` },
    });
    // Refused as forbidden: a server error would also be "not ok" and prove nothing. The
    // authenticator may not even run the guard's check, which refuses it all the same.
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/does not accept the role authenticator|permission denied for schema api_guard/);
  });

  it('lets the API roles through', async () => {
    const res = await api(stack, '/rest/v1/organizations?select=id', {
      headers: { authorization: `Bearer ${tokenFor('authenticated')}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });
});

describe('the auth_admin schema', () => {
  it('is closed to anon', async () => {
    const call = await api(stack, '/rest/v1/rpc/find_user_by_email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-profile': 'auth_admin' },
      body: JSON.stringify({ email: 'someone@example.test' }),
    });
    expect(call.ok).toBe(false);
    expect([401, 403]).toContain(call.status);
    const read = await api(stack, '/rest/v1/rpc/find_user_by_email?email=someone@example.test', {
      headers: { 'accept-profile': 'auth_admin' },
    });
    // Refused for want of rights, not failed: a 500 here would be a broken gateway, not a closed schema.
    expect([401, 403]).toContain(read.status);
  });

  it('is closed to signed-in users', async () => {
    const res = await api(stack, '/rest/v1/rpc/create_user', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokenFor('authenticated')}`,
        'content-type': 'application/json',
        'content-profile': 'auth_admin',
      },
      body: JSON.stringify({ email: 'mallory@example.test', password_hash: 'x' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('CORS', () => {
  it('answers a preflight from the extension with the headers supabase-js sends', async () => {
    const res = await fetch(`${stack.apiUrl}/rest/v1/rpc/file_interaction`, {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,apikey,content-type,x-client-info,prefer,content-profile,x-supabase-api-version',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    const allowed = res.headers.get('access-control-allow-headers')!.split(/,\s*/);
    for (const header of ['authorization', 'apikey', 'content-type', 'x-client-info', 'prefer', 'range', 'accept-profile', 'content-profile', 'x-supabase-api-version']) {
      expect(allowed).toContain(header);
    }
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('exposes content-range on real responses and ignores foreign origins', async () => {
    const ok = await api(stack, '/rest/v1/organizations?select=id', { headers: { origin: 'moz-extension://1234abcd-0000-4000-8000-123456789abc', prefer: 'count=exact' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('moz-extension://1234abcd-0000-4000-8000-123456789abc');
    expect(ok.headers.get('access-control-expose-headers')).toContain('content-range');
    const foreign = await fetch(`${stack.apiUrl}/rest/v1/organizations`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const local = await api(stack, '/auth/v1/settings', { headers: { origin: 'http://localhost:3000' } });
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });
});
