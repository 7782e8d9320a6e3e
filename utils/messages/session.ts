// Who is signed in, where, and with which settings (handlers/session.ts).
import { z } from 'zod';
import { LIMITS } from '../limits';
import { ROLES } from '../vocabulary';
import { email, message, none } from './shared';

export const membershipSchema = z.object({
  org_id: z.string(),
  org_name: z.string(),
  role: z.enum(ROLES),
  department: z.string().nullable(),
  display_name: z.string().nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const settingsSchema = z.object({
  /** Pact rule 1: the panel's lookup may be switched to "only when I ask". */
  autoLookup: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Who is signed in, where, and in which organizations: every message that changes any of
 * it answers with the new state, so a page never guesses. */
export const sessionStateSchema = z.object({
  connection: z.object({ url: z.string() }),
  user: z.object({ id: z.string(), email: z.string().nullable() }).nullable(),
  organizations: z.array(membershipSchema),
  activeOrgId: z.string().nullable(),
  settings: settingsSchema,
  /** Items filed in this browser and not yet on the server (the badge's number). */
  unsent: z.number().int().nonnegative(),
  /** What IT set by policy (docs/policies.md): Settings shows it as "Set by your
   * organization" and does not offer to change it. */
  managed: z
    .object({
      connection: z.boolean(),
      allowedEmailDomains: z.array(z.string()).nullable(),
      lookupMode: z.boolean(),
      problems: z.array(z.string()),
    })
    .optional(),
  /** How this browser's user last signed in: Settings offers that form first. */
  signInMethod: z.enum(['code', 'password']).nullable().optional(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

const connectionRequest = z.object({ url: z.url({ protocol: /^https?$/ }), anonKey: z.string().min(20).max(2000) });

export const sessionMessages = {
  'session.get': message(z.object({ fresh: z.boolean().optional() }), sessionStateSchema),
  'session.signInWithPassword': message(z.object({ email, password: z.string().min(1).max(1000) }), sessionStateSchema),
  'session.signUp': message(
    z.object({ email, password: z.string().min(6).max(1000), displayName: z.string().max(LIMITS.name).optional() }),
    sessionStateSchema,
  ),
  'session.sendCode': message(z.object({ email }), z.object({ sentTo: z.string() })),
  'session.verifyCode': message(
    z.object({ email, code: z.string().trim().regex(/^\d{6}$/, { error: 'is the 6-digit code from the email' }) }),
    sessionStateSchema,
  ),
  'session.signOut': message(none, sessionStateSchema),
  'connection.set': message(connectionRequest, sessionStateSchema),
  'connection.test': message(connectionRequest, z.object({ url: z.string() })),
  'settings.set': message(settingsSchema, sessionStateSchema),
} as const;
