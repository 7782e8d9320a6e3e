// A small GoTrue-compatible auth service for the local stack (local use only): enough of
// Supabase Auth's /auth/v1 API for supabase-js — password and emailed-code sign-in,
// refresh-token rotation, the user, sign-out. It keeps nothing in memory but the mailbox:
// users, sessions and codes live in Postgres and are reached through PostgREST with a
// service_role token, never through a database connection of its own (docs/design.md).
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import { signJwt } from './keys.ts';
import type { Mailbox } from './mailbox.ts';

export interface AuthServiceOptions {
  /** PostgREST itself (not the gateway). */
  postgrestUrl: string;
  serviceRoleKey: string;
  jwtSecret: string;
  /** The JWT `iss`: the public API URL + '/auth/v1'. */
  issuer: string;
  mailbox: Mailbox;
  log: (line: string) => void;
}

const ACCESS_TOKEN_SECONDS = 3600;
const OTP_SECONDS = 3600;
const MIN_PASSWORD_LENGTH = 6;
export const MAX_BODY_BYTES = 1024 * 1024;
const API_VERSION = '2024-01-01';

/** A GoTrue error: `{ code, error_code, msg, message }` (+ OAuth fields on /token). */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const invalidGrant = (code: string, message: string): AuthError =>
  new AuthError(400, code, message, { error: 'invalid_grant', error_description: message });

type Json = Record<string, unknown>;

/** An auth.users row as auth_admin returns it (to_jsonb of the row). */
interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: string | null;
  confirmation_sent_at: string | null;
  last_sign_in_at: string | null;
  raw_app_meta_data: Json | null;
  raw_user_meta_data: Json | null;
  is_anonymous: boolean | null;
  created_at: string;
  updated_at: string;
}

interface SessionStart {
  session_id: string;
  amr_method: string;
  user: UserRow;
}

type Outcome<T> = T & { error?: undefined } | { error: string };

// --- passwords: scrypt, salted, self-describing so the cost can change later -------------

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, { N, r, p, maxmem: 128 * N * r * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keylen } = SCRYPT;
  const key = await scryptAsync(password, salt, N, r, p, keylen);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Same work as a real check, so a missing user is not faster than a wrong password.
    await scryptAsync(password, randomBytes(16), SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
    return false;
  }
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p), expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
const otpHash = (email: string, code: string): string => sha256(`${email.trim().toLowerCase()}:${code.trim()}`);

// --- request helpers -------------------------------------------------------------------

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) {
    req.resume();
    throw new AuthError(413, 'request_too_large', 'Request body is larger than 1 MB.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      req.resume();
      throw new AuthError(413, 'request_too_large', 'Request body is larger than 1 MB.');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson(req: IncomingMessage): Promise<Json> {
  const raw = await readBody(req);
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  const text = raw.toString('utf8');
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (type && !type.includes('json')) {
    throw new AuthError(400, 'bad_json', 'The request body must be JSON (Content-Type: application/json).');
  }
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AuthError(400, 'bad_json', 'The request body must be a JSON object.');
  }
  return parsed as Json;
}

const text = (body: Json, key: string): string | undefined => {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function requireEmail(body: Json): string {
  const email = text(body, 'email')?.trim().toLowerCase();
  if (!email) throw new AuthError(400, 'validation_failed', 'An email address is required.');
  if (!EMAIL.test(email) || email.length > 255) {
    throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format');
  }
  return email;
}

function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AuthError(422, 'weak_password', `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`, {
      weak_password: { reasons: ['length'] },
    });
  }
  if (password.length > 72) {
    throw new AuthError(422, 'weak_password', 'Password cannot be longer than 72 characters.', {
      weak_password: { reasons: ['length'] },
    });
  }
}

function metadataFrom(body: Json): Json {
  const data = body.data;
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new AuthError(400, 'validation_failed', '`data` must be a JSON object.');
  }
  return data as Json;
}

const iso = (value: string | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

// --- the service ------------------------------------------------------------------------

export interface AuthService {
  handle(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void>;
}

export function createAuthService(options: AuthServiceOptions): AuthService {
  const secretKey = new TextEncoder().encode(options.jwtSecret);

  async function admin<T>(fn: string, args: Json): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${options.postgrestUrl}/rpc/${fn}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.serviceRoleKey}`,
          'content-type': 'application/json',
          'content-profile': 'auth_admin',
          'accept-profile': 'auth_admin',
        },
        body: JSON.stringify(args),
      });
    } catch (error) {
      throw new AuthError(503, 'unexpected_failure', `The database API is not reachable: ${(error as Error).message}`);
    }
    const body = await res.text();
    if (!res.ok) {
      options.log(`auth: auth_admin.${fn} failed: ${res.status} ${body}`);
      throw new AuthError(500, 'unexpected_failure', 'The auth service could not reach its storage.');
    }
    return JSON.parse(body) as T;
  }

  function userJson(row: UserRow): Json {
    const meta = row.raw_user_meta_data ?? {};
    const confirmed = iso(row.email_confirmed_at);
    return {
      id: row.id,
      aud: row.aud ?? 'authenticated',
      role: row.role ?? 'authenticated',
      email: row.email ?? '',
      email_confirmed_at: confirmed ?? undefined,
      phone: '',
      confirmation_sent_at: iso(row.confirmation_sent_at) ?? undefined,
      confirmed_at: confirmed ?? undefined,
      last_sign_in_at: iso(row.last_sign_in_at) ?? undefined,
      app_metadata: row.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
      user_metadata: meta,
      identities: [
        {
          identity_id: row.id,
          id: row.id,
          user_id: row.id,
          identity_data: {
            email: row.email,
            email_verified: Boolean(confirmed),
            phone_verified: false,
            sub: row.id,
          },
          provider: 'email',
          last_sign_in_at: iso(row.last_sign_in_at) ?? iso(row.created_at),
          created_at: iso(row.created_at),
          updated_at: iso(row.updated_at),
          email: row.email,
        },
      ],
      created_at: iso(row.created_at),
      updated_at: iso(row.updated_at),
      is_anonymous: row.is_anonymous ?? false,
    };
  }

  function sessionJson(start: SessionStart, refreshToken: string): Json {
    const now = Math.floor(Date.now() / 1000);
    const user = start.user;
    const method = start.amr_method === 'otp' ? 'otp' : 'password';
    // Claims as Supabase Auth issues them, in its order.
    const accessToken = signJwt(
      {
        iss: options.issuer,
        sub: user.id,
        aud: 'authenticated',
        exp: now + ACCESS_TOKEN_SECONDS,
        iat: now,
        email: user.email ?? '',
        phone: '',
        app_metadata: user.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
        user_metadata: user.raw_user_meta_data ?? {},
        role: 'authenticated',
        aal: 'aal1',
        amr: [{ method, timestamp: now }],
        session_id: start.session_id,
        is_anonymous: false,
      },
      options.jwtSecret,
    );
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ACCESS_TOKEN_SECONDS,
      expires_at: now + ACCESS_TOKEN_SECONDS,
      refresh_token: refreshToken,
      user: userJson(user),
    };
  }

  async function startSession(user: UserRow, method: 'password' | 'otp'): Promise<Json> {
    const refreshToken = randomBytes(24).toString('base64url');
    const started = await admin<SessionStart>('start_session', {
      user_id: user.id,
      method,
      refresh_token_hash: sha256(refreshToken),
    });
    return sessionJson(started, refreshToken);
  }

  /** The signed-in caller: a valid user JWT whose session still exists. */
  async function caller(req: IncomingMessage): Promise<{ user: UserRow; sessionId: string }> {
    const header = String(req.headers.authorization ?? '');
    const match = /^bearer\s+(.+)$/i.exec(header);
    if (!match?.[1]) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
    let claims: Json;
    try {
      claims = (await jwtVerify(match[1], secretKey, { algorithms: ['HS256'] })).payload as Json;
    } catch (error) {
      throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${(error as Error).message}`);
    }
    const sub = typeof claims.sub === 'string' ? claims.sub : '';
    const sessionId = typeof claims.session_id === 'string' ? claims.session_id : '';
    if (!sub || !sessionId || claims.role !== 'authenticated') {
      throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
    }
    const found = await admin<Outcome<{ user: UserRow }>>('user_for_session', { user_id: sub, session_id: sessionId });
    if (found.error === 'session_not_found') {
      throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    if (found.error !== undefined) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    return { user: found.user, sessionId };
  }

  async function signup(body: Json): Promise<Json> {
    const email = requireEmail(body);
    const password = text(body, 'password');
    if (!password) throw new AuthError(422, 'validation_failed', 'Signup requires a valid password');
    checkPasswordStrength(password);
    const created = await admin<Outcome<{ user: UserRow }>>('create_user', {
      email,
      password_hash: await hashPassword(password),
      data: metadataFrom(body),
    });
    if (created.error !== undefined) throw new AuthError(422, 'user_already_exists', 'User already registered');
    return startSession(created.user, 'password');
  }

  async function passwordGrant(body: Json): Promise<Json> {
    const email = text(body, 'email')?.trim().toLowerCase();
    const password = text(body, 'password');
    if (!email || !password) {
      if (text(body, 'phone')) throw new AuthError(400, 'phone_provider_disabled', 'Phone logins are disabled');
      throw invalidGrant('validation_failed', 'missing email or phone');
    }
    const found = await admin<{ user: UserRow | null }>('find_user_by_email', { email });
    const ok = await verifyPassword(password, found.user?.encrypted_password ?? null);
    if (!found.user || !ok) throw invalidGrant('invalid_credentials', 'Invalid login credentials');
    return startSession(found.user, 'password');
  }

  async function refreshGrant(body: Json): Promise<Json> {
    const token = text(body, 'refresh_token');
    if (!token) throw invalidGrant('validation_failed', 'Refresh Token is missing');
    const next = randomBytes(24).toString('base64url');
    const rotated = await admin<Outcome<SessionStart>>('rotate_refresh_token', {
      token_hash: sha256(token),
      new_token_hash: sha256(next),
    });
    if (rotated.error === 'refresh_token_already_used') {
      throw invalidGrant('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
    if (rotated.error !== undefined) throw invalidGrant('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    return sessionJson(rotated, next);
  }

  async function otp(body: Json): Promise<Json> {
    if (text(body, 'phone')) throw new AuthError(400, 'sms_send_failed', 'Phone sign-in is not available locally');
    const email = requireEmail(body);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const createUser = body.create_user === undefined ? true : body.create_user !== false && body.create_user !== 'false';
    const issued = await admin<Outcome<{ user_id: string }>>('issue_otp', {
      email,
      token_hash: otpHash(email, code),
      create_user: createUser,
      data: metadataFrom(body),
      ttl_seconds: OTP_SECONDS,
    });
    if (issued.error === 'over_email_send_rate_limit') {
      throw new AuthError(429, 'over_email_send_rate_limit', 'Too many wrong codes: wait until the last code expires, then ask for a new one');
    }
    if (issued.error !== undefined) throw new AuthError(422, 'otp_disabled', 'Signups not allowed for otp');
    options.mailbox.deliver({
      to: email,
      subject: 'Your Highcard sign-in code',
      text: `Your sign-in code is ${code}. It expires in ${OTP_SECONDS / 60} minutes.`,
      code,
    });
    options.log(`mail: sign-in code for ${email}: ${code}`);
    return {};
  }

  async function verify(body: Json): Promise<Json> {
    const type = text(body, 'type') ?? '';
    if (!['email', 'magiclink', 'signup'].includes(type)) {
      throw new AuthError(400, 'validation_failed', `Verify type "${type}" is not supported by the local stack; use email.`);
    }
    const token = text(body, 'token')?.trim();
    if (!token) {
      throw new AuthError(400, 'validation_failed', 'The local stack verifies an email and a 6-digit token.');
    }
    const email = requireEmail(body);
    const refreshToken = randomBytes(24).toString('base64url');
    const verified = await admin<Outcome<SessionStart>>('verify_otp', {
      email,
      token_hash: otpHash(email, token),
      refresh_token_hash: sha256(refreshToken),
    });
    if (verified.error !== undefined) throw new AuthError(403, 'otp_expired', 'Token has expired or is invalid');
    return sessionJson(verified, refreshToken);
  }

  async function updateUser(req: IncomingMessage, body: Json): Promise<Json> {
    const { user } = await caller(req);
    const password = text(body, 'password');
    let passwordHash: string | null = null;
    if (password !== undefined) {
      checkPasswordStrength(password);
      if (await verifyPassword(password, user.encrypted_password)) {
        throw new AuthError(422, 'same_password', 'New password should be different from the old password.');
      }
      passwordHash = await hashPassword(password);
    }
    const email = body.email === undefined ? null : requireEmail(body);
    const updated = await admin<Outcome<{ user: UserRow }>>('update_user', {
      user_id: user.id,
      email,
      password_hash: passwordHash,
      data: body.data === undefined ? null : metadataFrom(body),
    });
    if (updated.error === 'email_exists') {
      throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
    }
    if (updated.error !== undefined) throw new AuthError(404, 'user_not_found', 'User not found');
    return userJson(updated.user);
  }

  async function logout(req: IncomingMessage, url: URL): Promise<void> {
    const scope = url.searchParams.get('scope') ?? 'global';
    if (!['global', 'local', 'others'].includes(scope)) {
      throw new AuthError(400, 'validation_failed', 'scope must be global, local or others');
    }
    let signedIn: { user: UserRow; sessionId: string };
    try {
      signedIn = await caller(req);
    } catch (error) {
      // Signing out of a session that is already gone succeeds, as in Supabase Auth.
      if (error instanceof AuthError && error.code === 'session_not_found') return;
      throw error;
    }
    await admin('end_sessions', { user_id: signedIn.user.id, session_id: signedIn.sessionId, scope });
  }

  function send(res: ServerResponse, status: number, body?: unknown): void {
    if (res.headersSent) return;
    res.setHeader('x-supabase-api-version', API_VERSION);
    if (body === undefined) {
      res.writeHead(status).end();
      return;
    }
    const payload = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const key = `${method} ${path.replace(/\/+$/, '') || '/'}`;
    switch (key) {
      case 'GET /health':
        return send(res, 200, { version: 'highcard-local', name: 'GoTrue', description: 'Highcard local auth (GoTrue-compatible)' });
      case 'GET /settings':
        return send(res, 200, {
          external: { email: true, phone: false, anonymous_users: false },
          disable_signup: false,
          mailer_autoconfirm: true,
          phone_autoconfirm: false,
          sms_provider: '',
          saml_enabled: false,
        });
      case 'POST /signup':
        return send(res, 200, await signup(await readJson(req)));
      case 'POST /token': {
        const body = await readJson(req);
        const grant = url.searchParams.get('grant_type') ?? text(body, 'grant_type');
        if (grant === 'password') return send(res, 200, await passwordGrant(body));
        if (grant === 'refresh_token') return send(res, 200, await refreshGrant(body));
        throw new AuthError(400, 'validation_failed', 'unsupported_grant_type', {
          error: 'unsupported_grant_type',
          error_description: 'grant_type must be password or refresh_token',
        });
      }
      case 'POST /otp':
      case 'POST /magiclink':
        return send(res, 200, await otp(await readJson(req)));
      case 'POST /verify':
        return send(res, 200, await verify(await readJson(req)));
      case 'GET /user':
        return send(res, 200, userJson((await caller(req)).user));
      case 'PUT /user':
        return send(res, 200, await updateUser(req, await readJson(req)));
      case 'POST /logout':
        await logout(req, url);
        return send(res, 204);
      case 'GET /mailbox': {
        const email = url.searchParams.get('email');
        const all = options.mailbox.all();
        const messages = email ? all.filter((m) => m.to === email.trim().toLowerCase()) : all;
        return send(res, 200, { messages: messages.reverse() });
      }
    }
    const known = ['/health', '/settings', '/signup', '/token', '/otp', '/magiclink', '/verify', '/user', '/logout', '/mailbox'];
    if (known.includes(path.replace(/\/+$/, ''))) {
      throw new AuthError(405, 'method_not_allowed', `${method} is not allowed on ${path}`);
    }
    throw new AuthError(404, 'not_found', `The local auth service has no ${path} endpoint`);
  }

  return {
    async handle(req, res, path, url) {
      try {
        await route(req, res, path, url);
      } catch (error) {
        if (error instanceof AuthError) {
          send(res, error.status, {
            code: error.code,
            error_code: error.code,
            msg: error.message,
            message: error.message,
            ...error.extra,
          });
          return;
        }
        options.log(`auth: unexpected error on ${req.method} ${path}: ${(error as Error).stack ?? String(error)}`);
        send(res, 500, { code: 'unexpected_failure', error_code: 'unexpected_failure', msg: 'Unexpected failure', message: 'Unexpected failure' });
      }
    },
  };
}
