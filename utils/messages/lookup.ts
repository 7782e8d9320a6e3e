// The team's context for a page (the panel's lookup) and the panel's tab context
// (handlers/lookup.ts).
import { z } from 'zod';
import { LIMITS } from '../limits';
import { KINDS, LINKEDIN_PROFILE_URL, PLAN_SIDES } from '../vocabulary';
import { email, message } from './shared';

const lookupEntrySchema = z.looseObject({
  id: z.string(),
  account_id: z.string().nullable().optional(),
  contact_id: z.string().nullable().optional(),
  kind: z.enum(KINDS),
  title: z.string(),
  body: z.string().optional(),
  signals: z.array(z.string()),
  occurred_at: z.string(),
  /** Lets the panel say "Filed by you" on the rep's own earlier entries. */
  author_id: z.string().nullable().optional(),
  author_display_name: z.string().nullable().optional(),
  author_department: z.string().nullable().optional(),
});

/** One customer, one record — "Is this Mia Schmidt (mia@acme-robotics.example ·
 * Acme Robotics)?": a contact of the same name, offered to the rep, never linked without them. */
export const candidateSchema = z.object({
  id: z.string(),
  full_name: z.string(),
  email: z.string().nullable(),
  linkedin_url: z.string().nullable(),
  account_id: z.string().nullable(),
  account_name: z.string().nullable(),
});
export type Candidate = z.infer<typeof candidateSchema>;

/** A step still open with a matched account (at most 5 per account, soonest due first). */
export const lookupOpenStepSchema = z.object({
  id: z.string(),
  account_id: z.string(),
  side: z.enum(PLAN_SIDES),
  body: z.string(),
  due_on: z.string().nullable(),
  contact_name: z.string().nullable().default(null),
  taken_by_display_name: z.string().nullable().default(null),
  source_interaction_id: z.string().nullable().default(null),
});
export type LookupOpenStep = z.infer<typeof lookupOpenStepSchema>;

export const lookupResultSchema = z.object({
  contacts: z.array(z.looseObject({ id: z.string(), full_name: z.string().nullable() })).default([]),
  accounts: z.array(z.looseObject({ id: z.string(), name: z.string() })).default([]),
  entries: z.array(lookupEntrySchema).default([]),
  people: z.array(z.looseObject({ display_name: z.string().nullable() })).default([]),
  /** Someone the team knows by this name whom the lookup did not match (only when asked with
   * a name; optional so that answers kept from before stay valid). */
  candidates: z.array(candidateSchema).optional(),
  /** What is open with them (pact rule 6); optional so that answers kept from before stay valid. */
  open_steps: z.array(lookupOpenStepSchema).optional(),
});
export type LookupResult = z.infer<typeof lookupResultSchema>;

/** The side panel's lookup: the team's answer, or nothing asked because automatic lookup is off. */
export const lookupAnswerSchema = z.discriminatedUnion('skipped', [
  z.object({ skipped: z.literal(true) }),
  z.object({ skipped: z.literal(false), result: lookupResultSchema, fetchedAt: z.number(), fromCache: z.boolean() }),
]);
export type LookupAnswer = z.infer<typeof lookupAnswerSchema>;

/** What the last lookup in a tab matched (session storage; see utils/storage.ts). Nothing
 * writes it since the side panel asks the tab itself; kept-ids.ts still maps it. */
export const tabContextSchema = z.object({
  orgId: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  url: z.string().nullable(),
  at: z.number(),
});
export type TabContext = z.infer<typeof tabContextSchema>;

export const lookupMessages = {
  lookup: message(
    z.object({
      emails: z.array(email).max(LIMITS.lookupEmails, { error: `must be at most ${LIMITS.lookupEmails} addresses` }),
      linkedinUrl: z.string().regex(LINKEDIN_PROFILE_URL).nullable(),
      prefer: z.enum(['cache', 'network']),
      /** The rep pressed "Look up": allowed even with automatic lookup switched off. */
      manual: z.boolean().optional(),
      /** The name in view: the answer then has `candidates` of that name. */
      fullName: z.string().trim().max(LIMITS.name).nullish(),
    }),
    lookupAnswerSchema,
  ),
} as const;
