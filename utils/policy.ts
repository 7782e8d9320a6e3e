// What IT sets for everyone by browser policy (managed storage; public/managed-schema.json,
// docs/policies.md): the team's connection, which addresses may sign in, and whether the
// panel looks people up by itself. Pure: the managed values in, what they mean out. A value
// that fails its check is ignored (and said so), never half-applied.
import { checkAnonKey, checkBackendUrl } from './invitation';

export const LOOKUP_MODES = ['auto', 'on_request'] as const;
export type LookupMode = (typeof LOOKUP_MODES)[number];

export interface Policy {
  connection: { url: string; anonKey: string } | null;
  /** Lowercase domains whose addresses may sign in; null = any address. */
  allowedEmailDomains: string[] | null;
  lookupMode: LookupMode | null;
  /** Managed values Highcard could not use, in words for Settings. */
  problems: string[];
}

export const NO_POLICY: Policy = { connection: null, allowedEmailDomains: null, lookupMode: null, problems: [] };

/** The names in the schema, exactly: tests/unit/utils/policy.test.ts keeps them equal. */
export const POLICY_KEYS = ['supabaseUrl', 'supabaseAnonKey', 'allowedEmailDomains', 'lookupMode'] as const;

export function readPolicyValues(managed: Record<string, unknown> | null | undefined): Policy {
  if (!managed) return NO_POLICY;
  const problems: string[] = [];
  let connection: Policy['connection'] = null;
  const { supabaseUrl, supabaseAnonKey, allowedEmailDomains, lookupMode } = managed;
  if (supabaseUrl !== undefined || supabaseAnonKey !== undefined) {
    const url = typeof supabaseUrl === 'string' ? checkBackendUrl(supabaseUrl) : null;
    const key = typeof supabaseAnonKey === 'string' ? checkAnonKey(supabaseAnonKey) : null;
    if (!url || !key) problems.push('The policy must set both supabaseUrl and supabaseAnonKey; the connection it sets is ignored.');
    else if (!url.ok) problems.push(`The policy’s supabaseUrl is ignored: ${url.error}`);
    else if (!key.ok) problems.push(`The policy’s supabaseAnonKey is ignored: ${key.error}`);
    else connection = { url: url.value, anonKey: key.value };
  }
  let domains: string[] | null = null;
  if (allowedEmailDomains !== undefined) {
    const list = Array.isArray(allowedEmailDomains)
      ? allowedEmailDomains.filter((d): d is string => typeof d === 'string').map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean)
      : [];
    if (list.length) domains = list;
    else problems.push('The policy’s allowedEmailDomains is not a list of domains; any address may sign in.');
  }
  let mode: LookupMode | null = null;
  if (lookupMode !== undefined) {
    if (LOOKUP_MODES.includes(lookupMode as LookupMode)) mode = lookupMode as LookupMode;
    else problems.push(`The policy’s lookupMode must be “auto” or “on_request”; it is ignored.`);
  }
  return { connection, allowedEmailDomains: domains, lookupMode: mode, problems };
}

/** Why this address may not sign in under the policy, or null when it may. */
export function emailRefusal(policy: Policy, email: string): string | null {
  const domains = policy.allowedEmailDomains;
  if (!domains) return null;
  const domain = email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();
  if (domains.includes(domain)) return null;
  const listed = domains.map((d) => `@${d}`).join(', ');
  return `Your organization allows sign-in only with ${domains.length === 1 ? 'an address' : 'addresses'} at ${listed}.`;
}
