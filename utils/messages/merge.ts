// One customer, one record: merging contacts and accounts (handlers/merge.ts).
import { z } from 'zod';
import { id, message } from './shared';

/** A person known at an account, with every address and profile that leads to them. */
export const accountContactSchema = z.object({
  id: z.string(),
  full_name: z.string(),
  email: z.string().nullable(),
  linkedin_url: z.string().nullable(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  further_emails: z.array(z.string()).default([]),
  further_linkedin_urls: z.array(z.string()).default([]),
  last_entry_at: z.string().nullable(),
});
export type AccountContact = z.infer<typeof accountContactSchema>;

/** One line of an account's history: "Ana merged Mia Schmidt (LinkedIn) into Mia Schmidt". */
export const mergeLineSchema = z.object({
  kind: z.enum(['contact', 'account']),
  keep_id: z.string(),
  merged_id: z.string(),
  merged_name: z.string(),
  merged_email: z.string().nullable(),
  merged_linkedin_url: z.string().nullable(),
  kept_name: z.string(),
  merged_by_display_name: z.string().nullable(),
  merged_at: z.string(),
  /** The merge's id, as merge.undo takes it (optional: answers kept from before have none). */
  id: z.string().optional(),
  /** Set once a member undid the merge: the line then reads "Ben undid the merge of …". */
  undone_at: z.string().nullable().optional(),
  undone_by_display_name: z.string().nullable().optional(),
  /** Until when merge.undo accepts this line's id; null once it no longer does. */
  undo_until: z.string().nullable().optional(),
  /** For an undone account merge: a domain of the account that exists again. */
  merged_domain: z.string().nullable().optional(),
});
export type MergeLine = z.infer<typeof mergeLineSchema>;

/** How large an account is when two are put side by side to merge: its entries (about the
 * customer, never anyone's share of them) and when it was first filed. */
export const accountSizeSchema = z.object({
  account_id: z.string(),
  entries: z.number().int().nonnegative(),
  created_at: z.string().nullable(),
});
export type AccountSize = z.infer<typeof accountSizeSchema>;

const mergeRequest = z.object({ keepId: id, mergeId: id }).refine((m) => m.keepId !== m.mergeId, {
  path: ['mergeId'],
  error: 'must be another record than the one kept',
});

export const mergeMessages = {
  /** The people known at an account of the active organization, for the panel's account view. */
  'merge.accountContacts': message(z.object({ accountId: id }), z.array(accountContactSchema)),
  /** The account's merges, newest first: lines in its timeline, never entries. */
  'merge.history': message(z.object({ accountId: id }), z.array(mergeLineSchema)),
  /** The two accounts of a merge dialog, sized by their entries: an account of another
   * organization, or one that no longer exists, is left out of the answer. */
  'merge.accountSizes': message(z.object({ accountIds: z.array(id).min(1).max(2) }), z.array(accountSizeSchema)),
  /** Any member: two contacts are one person; mergeId's entries and identities move to keepId. */
  'merge.contacts': message(mergeRequest, z.object({ keepId: z.string() })),
  /** Any member: two accounts are one company; domains, contacts and entries move. */
  'merge.accounts': message(mergeRequest, z.object({ keepId: z.string() })),
  /** Any member, within 30 days: the merged record exists again under its old id (restoredId)
   * and exactly what the merge moved goes back. Refused in words when it can no longer be. */
  'merge.undo': message(z.object({ mergeId: id }), z.object({ restoredId: z.string() })),
} as const;
