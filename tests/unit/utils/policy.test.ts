// What IT sets by policy: the schema Chrome reads (public/managed-schema.json) and the values
// Highcard takes from managed storage, applied in the background.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../../utils/background/dispatch';
import { currentConnection, forgetPolicy } from '../../../utils/background/policy';
import { client } from '../../../utils/background/services';
import { emailRefusal, LOOKUP_MODES, POLICY_KEYS, readPolicyValues } from '../../../utils/policy';
import { connectionItem, LOCAL_STACK, settingsItem } from '../../../utils/storage';

const schema = JSON.parse(readFileSync(join(process.cwd(), 'public/managed-schema.json'), 'utf8')) as {
  type: string;
  properties: Record<string, { type: string; enum?: string[]; items?: { type: string } }>;
};

function jwt(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.c2ln`;
}
const TEAM = { supabaseUrl: 'https://abcdefghij.supabase.co', supabaseAnonKey: jwt({ role: 'anon', ref: 'abcdefghij' }) };
const fromPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };

beforeEach(() => {
  fakeBrowser.reset();
  forgetPolicy();
});

describe('the managed-storage schema', () => {
  it('names exactly the values Highcard reads, with their types', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    expect(schema.properties.supabaseUrl!.type).toBe('string');
    expect(schema.properties.supabaseAnonKey!.type).toBe('string');
    expect(schema.properties.allowedEmailDomains).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(schema.properties.lookupMode!.enum).toEqual([...LOOKUP_MODES]);
  });
});

describe('reading a policy', () => {
  it('takes a connection only when both values pass the checks an invitation passes', () => {
    expect(readPolicyValues(TEAM).connection).toEqual({ url: TEAM.supabaseUrl, anonKey: TEAM.supabaseAnonKey });
    const service = readPolicyValues({ ...TEAM, supabaseAnonKey: jwt({ role: 'service_role' }) });
    expect(service.connection).toBeNull();
    expect(service.problems).toEqual([expect.stringMatching(/supabaseAnonKey is ignored: .*service_role/)]);
    expect(readPolicyValues({ ...TEAM, supabaseUrl: 'http://crm.example' }).connection).toBeNull();
    expect(readPolicyValues({ supabaseUrl: TEAM.supabaseUrl }).problems).toEqual([expect.stringMatching(/both supabaseUrl and supabaseAnonKey/)]);
  });

  it('refuses sign-in with an address outside the allowed domains, in a sentence', () => {
    const policy = readPolicyValues({ allowedEmailDomains: ['Example.com', '@team.example'] });
    expect(policy.allowedEmailDomains).toEqual(['example.com', 'team.example']);
    expect(emailRefusal(policy, 'ana@example.com')).toBeNull();
    expect(emailRefusal(policy, 'ana@TEAM.example')).toBeNull();
    expect(emailRefusal(policy, 'ana@gmail.com')).toBe('Your organization allows sign-in only with addresses at @example.com, @team.example.');
    expect(emailRefusal(readPolicyValues({}), 'anyone@anywhere.example')).toBeNull();
  });

  it('ignores a lookup mode it does not know', () => {
    expect(readPolicyValues({ lookupMode: 'on_request' }).lookupMode).toBe('on_request');
    expect(readPolicyValues({ lookupMode: 'sometimes' })).toMatchObject({ lookupMode: null, problems: [expect.stringMatching(/lookupMode/)] });
  });
});

describe('a policy in managed storage, applied by the background', () => {
  it('without one, the user’s own connection is used', async () => {
    expect(await currentConnection()).toEqual({ ...LOCAL_STACK });
  });

  it('connects to the managed backend, shows it as set by the organization, and refuses to change it', async () => {
    await fakeBrowser.storage.managed.set({ ...TEAM, lookupMode: 'on_request', allowedEmailDomains: ['team.example'] });
    await connectionItem.setValue({ url: 'https://other.supabase.co', anonKey: TEAM.supabaseAnonKey });
    await settingsItem.setValue({ autoLookup: true });

    expect(await currentConnection()).toEqual({ url: TEAM.supabaseUrl, anonKey: TEAM.supabaseAnonKey });
    expect((await client()).auth).toBeTruthy();

    const session = await dispatch({ type: 'session.get', payload: {} }, fromPage);
    expect(session).toMatchObject({
      ok: true,
      data: {
        connection: { url: TEAM.supabaseUrl },
        settings: { autoLookup: false },
        managed: { connection: true, lookupMode: true, allowedEmailDomains: ['team.example'] },
      },
    });

    const change = await dispatch({ type: 'connection.set', payload: { url: 'https://mine.supabase.co', anonKey: TEAM.supabaseAnonKey } }, fromPage);
    expect(change).toEqual({ ok: false, error: 'Your organization sets the connection by policy; it cannot be changed here.', kind: 'refused' });

    const signIn = await dispatch({ type: 'session.signInWithPassword', payload: { email: 'ana@gmail.com', password: 'x' } }, fromPage);
    expect(signIn).toEqual({ ok: false, error: 'Your organization allows sign-in only with an address at @team.example.', kind: 'refused' });
    const code = await dispatch({ type: 'session.sendCode', payload: { email: 'ana@gmail.com' } }, fromPage);
    expect(code).toMatchObject({ ok: false, error: expect.stringMatching(/only with an address at @team\.example/) });

    // The user's own choice stays underneath, and comes back if IT removes the policy.
    await dispatch({ type: 'settings.set', payload: { autoLookup: false } }, fromPage);
    expect(await settingsItem.getValue()).toEqual({ autoLookup: true });
  });

  it('refuses a service_role key typed into Settings → Connection before trying it', async () => {
    const answer = await dispatch(
      { type: 'connection.set', payload: { url: 'https://abcdefghij.supabase.co', anonKey: jwt({ role: 'service_role' }) } },
      fromPage,
    );
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/service_role key: it would bypass row level security/) });
    const http = await dispatch({ type: 'connection.set', payload: { url: 'http://crm.example', anonKey: TEAM.supabaseAnonKey } }, fromPage);
    expect(http).toMatchObject({ ok: false, error: expect.stringMatching(/only over https/) });
    expect(await connectionItem.getValue()).toEqual({ ...LOCAL_STACK });
  });
});
