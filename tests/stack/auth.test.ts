import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import type { RunningStack } from '../../supabase/local/stack.ts';
import { api, clientFor, signedUpClient, uniqueEmail, startTestStack } from './helpers.ts';

let stack: RunningStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('password sign-up and sign-in', () => {
  it('signs up and returns a session at once, with Supabase-shaped claims', async () => {
    const client = clientFor(stack);
    const email = uniqueEmail('Signup');
    const { data, error } = await client.auth.signUp({ email, password: 'secret-1', options: { data: { full_name: 'Ada' } } });
    expect(error).toBeNull();
    expect(data.session?.token_type).toBe('bearer');
    expect(data.user?.email).toBe(email.toLowerCase());
    expect(data.user?.user_metadata.full_name).toBe('Ada');
    const claims = decodeJwt(data.session!.access_token);
    expect(claims).toMatchObject({
      sub: data.user!.id,
      role: 'authenticated',
      aud: 'authenticated',
      iss: `${stack.apiUrl}/auth/v1`,
      email: email.toLowerCase(),
      phone: '',
      aal: 'aal1',
      app_metadata: { provider: 'email', providers: ['email'] },
      is_anonymous: false,
    });
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(typeof claims.session_id).toBe('string');
    expect(claims.amr).toEqual([{ method: 'password', timestamp: claims.iat }]);
  });

  it('refuses a second sign-up with the same email and a short password', async () => {
    const { email } = await signedUpClient(stack, 'twice');
    const again = await clientFor(stack).auth.signUp({ email, password: 'secret-1' });
    expect(again.error?.status).toBe(422);
    expect(again.error?.code).toBe('user_already_exists');
    const weak = await clientFor(stack).auth.signUp({ email: uniqueEmail('weak'), password: '12345' });
    expect(weak.error?.code).toBe('weak_password');
  });

  it('signs in with the right password and refuses a wrong one', async () => {
    const { email, user } = await signedUpClient(stack, 'signin');
    const client = clientFor(stack);
    const ok = await client.auth.signInWithPassword({ email, password: 'correct horse 1' });
    expect(ok.error).toBeNull();
    expect(ok.data.user?.id).toBe(user.id);
    const wrong = await clientFor(stack).auth.signInWithPassword({ email, password: 'wrong horse 1' });
    expect(wrong.error?.status).toBe(400);
    expect(wrong.error?.message).toBe('Invalid login credentials');
    expect(wrong.error?.code).toBe('invalid_credentials');
    const nobody = await clientFor(stack).auth.signInWithPassword({ email: uniqueEmail('nobody'), password: 'whatever1' });
    expect(nobody.error?.message).toBe('Invalid login credentials');
  });
});

describe('sessions', () => {
  it('rotates refresh tokens and refuses a used one', async () => {
    const { client, session } = await signedUpClient(stack, 'refresh');
    const first = await client.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(first.error).toBeNull();
    expect(first.data.session?.refresh_token).not.toBe(session.refresh_token);
    expect(decodeJwt(first.data.session!.access_token).session_id).toBe(decodeJwt(session.access_token).session_id);

    const reused = await clientFor(stack).auth.refreshSession({ refresh_token: session.refresh_token });
    expect(reused.error?.status).toBe(400);
    expect(reused.error?.code).toBe('refresh_token_already_used');
    // Reuse ends the whole session: the newest token is gone too.
    const after = await clientFor(stack).auth.refreshSession({ refresh_token: first.data.session!.refresh_token });
    expect(after.error?.code).toBe('refresh_token_not_found');
  });

  it('returns and updates the signed-in user', async () => {
    const { client, user } = await signedUpClient(stack, 'getuser');
    const got = await client.auth.getUser();
    expect(got.error).toBeNull();
    expect(got.data.user?.id).toBe(user.id);
    const updated = await client.auth.updateUser({ data: { department: 'Sales' } });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toMatchObject({ full_name: 'getuser', department: 'Sales' });
    const changed = await client.auth.updateUser({ password: 'another secret' });
    expect(changed.error).toBeNull();
    const relogin = await clientFor(stack).auth.signInWithPassword({ email: user.email!, password: 'another secret' });
    expect(relogin.error).toBeNull();
  });

  it('signing out revokes the refresh token and the session', async () => {
    const { client, session } = await signedUpClient(stack, 'signout');
    const { error } = await client.auth.signOut();
    expect(error).toBeNull();
    const refreshed = await clientFor(stack).auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refreshed.error?.status).toBe(400);
    const user = await api(stack, '/auth/v1/user', { headers: { authorization: `Bearer ${session.access_token}` } });
    expect(user.status).toBe(403);
    expect((await user.json()).code).toBe('session_not_found');
  });

  it('signing out locally keeps the other sessions', async () => {
    const { email, session: other } = await signedUpClient(stack, 'local');
    const client = clientFor(stack);
    await client.auth.signInWithPassword({ email, password: 'correct horse 1' });
    expect((await client.auth.signOut({ scope: 'local' })).error).toBeNull();
    const still = await clientFor(stack).auth.refreshSession({ refresh_token: other.refresh_token });
    expect(still.error).toBeNull();
  });
});

describe('emailed codes', () => {
  it('signs in with a code read from the local mailbox', async () => {
    const email = uniqueEmail('otp');
    const client = clientFor(stack);
    const sent = await client.auth.signInWithOtp({ email });
    expect(sent.error).toBeNull();
    const mail = stack.mailbox.latestFor(email);
    expect(mail?.code).toMatch(/^\d{6}$/);

    const wrong = await clientFor(stack).auth.verifyOtp({ email, token: mail!.code === '000000' ? '111111' : '000000', type: 'email' });
    expect(wrong.error?.code).toBe('otp_expired');

    const verified = await client.auth.verifyOtp({ email, token: mail!.code, type: 'email' });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.email).toBe(email.toLowerCase());
    expect(decodeJwt(verified.data.session!.access_token).amr).toEqual([expect.objectContaining({ method: 'otp' })]);
    const reused = await clientFor(stack).auth.verifyOtp({ email, token: mail!.code, type: 'email' });
    expect(reused.error?.code).toBe('otp_expired');
  });

  it('spends a code after five wrong guesses, and a new code does not buy new guesses', async () => {
    const email = uniqueEmail('guesser');
    await clientFor(stack).auth.signInWithOtp({ email });
    const code = stack.mailbox.latestFor(email)!.code;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let guess = 0; guess < 5; guess += 1) {
      const attempt = await clientFor(stack).auth.verifyOtp({ email, token: wrong, type: 'email' });
      expect(attempt.error?.code).toBe('otp_expired');
    }
    const spent = await clientFor(stack).auth.verifyOtp({ email, token: code, type: 'email' });
    expect(spent.error?.code).toBe('otp_expired');
    const again = await clientFor(stack).auth.signInWithOtp({ email });
    expect(again.error?.status).toBe(429);
    expect(again.error?.code).toBe('over_email_send_rate_limit');
  });

  it('serves the mailbox over HTTP and refuses codes for unknown users when asked not to create them', async () => {
    const email = uniqueEmail('mailbox');
    await clientFor(stack).auth.signInWithOtp({ email });
    const res = await api(stack, `/auth/v1/mailbox?email=${encodeURIComponent(email)}`);
    const body = (await res.json()) as { messages: Array<{ code: string }> };
    expect(body.messages[0]?.code).toBe(stack.mailbox.latestFor(email)?.code);

    const refused = await clientFor(stack).auth.signInWithOtp({ email: uniqueEmail('new'), options: { shouldCreateUser: false } });
    expect(refused.error?.status).toBe(422);
  });
});

describe('robustness', () => {
  it('answers bad JSON, wrong content types, huge bodies and unknown routes with JSON errors', async () => {
    const bad = await api(stack, '/auth/v1/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'bad_json' });

    const wrongType = await api(stack, '/auth/v1/signup', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(wrongType.status).toBe(400);

    const notObject = await api(stack, '/auth/v1/token?grant_type=password', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    expect(notObject.status).toBe(400);

    const huge = await api(stack, '/auth/v1/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@example.test', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);

    const unknown = await api(stack, '/auth/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'not_found' });

    const health = await fetch(`${stack.apiUrl}/auth/v1/health`);
    expect(health.status).toBe(200);
    const settings = await api(stack, '/auth/v1/settings');
    expect(await settings.json()).toMatchObject({ external: { email: true }, mailer_autoconfirm: true });
  });

  it('requires an API key, as Supabase does', async () => {
    const none = await fetch(`${stack.apiUrl}/auth/v1/settings`);
    expect(none.status).toBe(401);
    const wrong = await fetch(`${stack.apiUrl}/rest/v1/`, { headers: { apikey: 'not-a-key' } });
    expect(wrong.status).toBe(401);
  });
});
