// One invitation carries everything a colleague needs to join: where the team's backend is,
// its public key, the invite code and the organization's name, as one token to paste
// (`hc1_` + base64url of JSON). The same checks guard a connection typed into Settings →
// Connection: only https (or http on this computer's loopback), and only a key that names
// the anon role — a service_role key would bypass row level security and is never kept.

export const INVITATION_PREFIX = 'hc1_';

export interface Invitation {
  url: string;
  anon_key: string;
  code: string;
  org_name: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Generous bounds, so a token pasted from anywhere cannot carry a novel. */
const MAX_TOKEN_LENGTH = 8_000;
const MAX_CODE_LENGTH = 128;
const MAX_ORG_NAME_LENGTH = 200;

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(encoded: string): string {
  const padded = encoded.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(encoded.length / 4) * 4, '=');
  const binary = atob(padded);
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** Whether a URL is this computer's own (the local stack), where plain http is fine. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The backend's address without a trailing slash, or why it cannot be used. */
export function checkBackendUrl(input: string): Checked<string> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: 'That is not a web address; it should look like https://your-project.supabase.co.' };
  }
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, value: url.origin };
  if (url.protocol !== 'https:') {
    return {
      ok: false,
      error: `Highcard connects only over https (plain http only to this computer’s own local stack); ${url.origin} is not https.`,
    };
  }
  if (url.username || url.password) return { ok: false, error: 'The address must not carry a user name or password.' };
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

function jwtRole(key: string): string | null | undefined {
  const parts = key.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(fromBase64url(parts[1]!)) as unknown;
    if (!payload || typeof payload !== 'object') return undefined;
    const role = (payload as { role?: unknown }).role;
    return typeof role === 'string' ? role : null;
  } catch {
    return undefined;
  }
}

/** The project's public key, or why it must not be used. Accepts a legacy anon JWT or a
 * publishable key (sb_publishable_…); refuses service-role and secret keys outright. */
export function checkAnonKey(input: string): Checked<string> {
  const key = input.trim();
  if (!key) return { ok: false, error: 'Enter the project’s anon key (Project settings → API).' };
  if (key.startsWith('sb_secret_')) {
    return {
      ok: false,
      error: 'That is a secret key: it would bypass row level security, so Highcard never keeps it. Use the publishable (anon) key.',
    };
  }
  if (key.startsWith('sb_publishable_')) return { ok: true, value: key };
  const role = jwtRole(key);
  if (role === undefined) return { ok: false, error: 'That does not look like an anon key (a long text starting with eyJ).' };
  if (role === 'service_role') {
    return {
      ok: false,
      error: 'That is the service_role key: it would bypass row level security, so Highcard never keeps it. Use the anon key.',
    };
  }
  if (role !== 'anon') return { ok: false, error: `That key is for the role “${role ?? 'none'}”; Highcard needs the anon key.` };
  return { ok: true, value: key };
}

export function encodeInvitation(invitation: Invitation): string {
  const { url, anon_key, code, org_name } = invitation;
  return INVITATION_PREFIX + base64url(JSON.stringify({ url, anon_key, code, org_name }));
}

const TOKEN_PATTERN = /hc1_[A-Za-z0-9_-]+/;

/** Reads an invitation token, also from the middle of the text it was shared in, and checks
 * what it would connect to. */
export function decodeInvitation(text: string): Checked<Invitation> {
  const token = TOKEN_PATTERN.exec(text)?.[0];
  const broken: Checked<Invitation> = {
    ok: false,
    error: 'That invitation is incomplete or damaged: copy the whole text again, from “hc1_” to its end.',
  };
  if (!token || token.length > MAX_TOKEN_LENGTH) return broken;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64url(token.slice(INVITATION_PREFIX.length)));
  } catch {
    return broken;
  }
  if (!parsed || typeof parsed !== 'object') return broken;
  const { url, anon_key, code, org_name } = parsed as Record<string, unknown>;
  if (typeof url !== 'string' || typeof anon_key !== 'string' || typeof code !== 'string' || typeof org_name !== 'string') return broken;
  if (!code.trim() || code.length > MAX_CODE_LENGTH || org_name.length > MAX_ORG_NAME_LENGTH) return broken;
  const checkedUrl = checkBackendUrl(url);
  if (!checkedUrl.ok) return checkedUrl;
  const checkedKey = checkAnonKey(anon_key);
  if (!checkedKey.ok) return checkedKey;
  return { ok: true, value: { url: checkedUrl.value, anon_key: checkedKey.value, code: code.trim(), org_name } };
}

/** What "Join with an invitation" was given: a whole invitation, or a bare invite code. */
export type JoinInput = { kind: 'invitation'; invitation: Invitation } | { kind: 'code'; code: string } | { kind: 'error'; error: string };

export function readJoinInput(text: string): JoinInput {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'error', error: 'Paste the invitation you were sent.' };
  if (trimmed.includes(INVITATION_PREFIX)) {
    const decoded = decodeInvitation(trimmed);
    return decoded.ok ? { kind: 'invitation', invitation: decoded.value } : { kind: 'error', error: decoded.error };
  }
  if (trimmed.length > MAX_CODE_LENGTH || /\s{2,}|\n/.test(trimmed)) {
    return { kind: 'error', error: 'That is neither an invitation (it starts with “hc1_”) nor an invite code such as K7QM-PX42-9T.' };
  }
  return { kind: 'code', code: trimmed };
}

/** The text an admin pastes into chat or mail: what to do, then the token. */
export function invitationText(invitation: Invitation, role: string): string {
  return [
    `You are invited to join ${invitation.org_name} on Highcard as ${role}.`,
    'Install Highcard, open its Settings → “Join with an invitation”, and paste this whole message (or just the line below).',
    'It works once, for 7 days.',
    '',
    encodeInvitation(invitation),
  ].join('\n');
}
