import { describe, expect, it } from 'vitest';
import {
  checkAnonKey,
  checkBackendUrl,
  decodeInvitation,
  encodeInvitation,
  invitationText,
  isLoopbackUrl,
  readJoinInput,
  type Invitation,
} from '../../../utils/invitation';

/** An unsigned JWT with the given payload: the role is all these checks read. */
function jwt(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.c2lnbmF0dXJl`;
}
const ANON = jwt({ iss: 'supabase', ref: 'abcdefghij', role: 'anon' });
const SERVICE = jwt({ iss: 'supabase', ref: 'abcdefghij', role: 'service_role' });

const invitation: Invitation = {
  url: 'https://abcdefghij.supabase.co',
  anon_key: ANON,
  code: 'K7QM-PX42-9T',
  org_name: 'Müller & Söhne — Vertrieb',
};

describe('an invitation token', () => {
  it('is hc1_ followed by base64url of the JSON, and decodes to what was encoded', () => {
    const token = encodeInvitation(invitation);
    expect(token).toMatch(/^hc1_[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(token.slice(4), 'base64url').toString('utf8'))).toEqual(invitation);
    expect(decodeInvitation(token)).toEqual({ ok: true, value: invitation });
  });

  it('is found inside the whole text it was shared in', () => {
    const text = invitationText(invitation, 'Member');
    expect(text).toContain('Müller & Söhne — Vertrieb');
    expect(decodeInvitation(`Hi!\n\n${text}\n-- \nAna`)).toEqual({ ok: true, value: invitation });
  });

  it('that was cut short or damaged is refused with a sentence saying to copy it again', () => {
    const token = encodeInvitation(invitation);
    for (const damaged of [token.slice(0, 30), 'hc1_', 'hc1_!!!', `hc1_${Buffer.from('not json').toString('base64url')}`, `hc1_${Buffer.from('{"url":1}').toString('base64url')}`]) {
      const decoded = decodeInvitation(damaged);
      expect(decoded.ok, damaged).toBe(false);
      if (!decoded.ok) expect(decoded.error).toMatch(/incomplete or damaged: copy the whole text again/);
    }
  });

  it('to a server that is not https is refused, except on this computer’s loopback', () => {
    const over = (url: string) => decodeInvitation(encodeInvitation({ ...invitation, url }));
    const refused = over('http://team.example.com');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/only over https/);
    for (const local of ['http://127.0.0.1:54321', 'http://localhost:54321', 'http://[::1]:54321']) {
      expect(over(local)).toMatchObject({ ok: true, value: { url: local } });
    }
  });

  it('carrying a service_role key is refused, because that key would bypass row level security', () => {
    const decoded = decodeInvitation(encodeInvitation({ ...invitation, anon_key: SERVICE }));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(/service_role key: it would bypass row level security/);
  });
});

describe('the connection checks shared with Settings → Connection', () => {
  it.each([
    ['https://abcdefghij.supabase.co/', 'https://abcdefghij.supabase.co'],
    ['  https://api.team.example  ', 'https://api.team.example'],
    ['http://127.0.0.1:54321', 'http://127.0.0.1:54321'],
  ])('accept %s as %s', (input, url) => {
    expect(checkBackendUrl(input)).toEqual({ ok: true, value: url });
  });

  it.each(['http://abcdefghij.supabase.co', 'ftp://files.example', 'not a url', 'http://192.168.1.10:54321', 'https://user:pw@team.example'])(
    'refuse %s',
    (input) => {
      expect(checkBackendUrl(input).ok).toBe(false);
    },
  );

  it('accepts anon and publishable keys and refuses service_role, secret, other roles and garbage', () => {
    expect(checkAnonKey(ANON)).toEqual({ ok: true, value: ANON });
    expect(checkAnonKey(` ${ANON}\n`)).toEqual({ ok: true, value: ANON });
    expect(checkAnonKey('sb_publishable_abc123DEF')).toEqual({ ok: true, value: 'sb_publishable_abc123DEF' });
    expect(checkAnonKey(SERVICE)).toMatchObject({ ok: false, error: expect.stringMatching(/service_role/) });
    expect(checkAnonKey('sb_secret_abc123')).toMatchObject({ ok: false, error: expect.stringMatching(/secret key/) });
    expect(checkAnonKey(jwt({ role: 'authenticated' }))).toMatchObject({ ok: false, error: expect.stringMatching(/“authenticated”/) });
    expect(checkAnonKey('eyJ.not.a-jwt')).toMatchObject({ ok: false });
    expect(checkAnonKey('')).toMatchObject({ ok: false });
  });

  it('knows the loopback addresses', () => {
    expect(isLoopbackUrl('http://127.0.0.1:54321')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:1')).toBe(true);
    expect(isLoopbackUrl('https://team.example')).toBe(false);
    expect(isLoopbackUrl('nonsense')).toBe(false);
  });
});

describe('what “Join with an invitation” was given', () => {
  it('is an invitation, a bare code, or a sentence saying what is wrong', () => {
    expect(readJoinInput(encodeInvitation(invitation))).toEqual({ kind: 'invitation', invitation });
    expect(readJoinInput(' k7qm-px42-9t ')).toEqual({ kind: 'code', code: 'k7qm-px42-9t' });
    expect(readJoinInput('')).toMatchObject({ kind: 'error' });
    expect(readJoinInput('hc1_garbage!')).toMatchObject({ kind: 'error', error: expect.stringMatching(/damaged/) });
    expect(readJoinInput('Dear colleague,\nplease join us')).toMatchObject({ kind: 'error' });
  });
});
