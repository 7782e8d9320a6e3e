// Coaching periods and thank-yous (handlers/coaching.ts, handlers/thanks.ts). Private
// between two people (pact rules 9 and 10): nothing here is counted.
import { z } from 'zod';
import { LIMITS } from '../limits';
import { entryRef, id, message, none } from './shared';

/** A note of a coaching period; its author is the period's manager or employee. */
export const coachingNoteSchema = z.object({
  id: z.string(),
  author_id: z.string(),
  body: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** A coaching period as its manager or employee reads it, with its notes (pact rule 9). */
export const coachingPeriodSchema = z.object({
  id: z.string(),
  org_id: z.string(),
  manager_id: z.string(),
  manager_name: z.string().nullable(),
  employee_id: z.string(),
  employee_name: z.string().nullable(),
  purpose: z.string(),
  starts_on: z.string(),
  ends_on: z.string(),
  ended_at: z.string().nullable(),
  created_at: z.string(),
  notes: z.array(coachingNoteSchema),
});
export type CoachingPeriod = z.infer<typeof coachingPeriodSchema>;

/** One thank-you the reader may see: their own, or one sent to them as the entry's author. */
export const entryThanksSchema = z.object({
  interaction_id: z.string(),
  from_user: z.string(),
  from_name: z.string().nullable(),
  note: z.string().nullable(),
  created_at: z.string(),
});
export type ThankYou = z.infer<typeof entryThanksSchema>;

const coachingNoteBody = z
  .string()
  .trim()
  .min(1, { error: 'is required' })
  .max(LIMITS.coachingNote, { error: `must be at most ${LIMITS.coachingNote} characters` });

export const coachingMessages = {
  // Private between two people (pact rules 9 and 10): nothing here is counted.
  'coaching.purge': message(none, z.object({})),
  'coaching.list': message(z.object({ orgId: id }), z.array(coachingPeriodSchema)),
  'coaching.open': message(
    z.object({
      orgId: id,
      employeeId: id,
      purpose: z
        .string()
        .trim()
        .min(1, { error: 'is required' })
        .max(LIMITS.coachingPurpose, { error: `must be at most ${LIMITS.coachingPurpose} characters` }),
      endsOn: z.iso.date({ error: 'must be a day (YYYY-MM-DD)' }),
    }),
    entryRef,
  ),
  'coaching.addNote': message(z.object({ periodId: id, body: coachingNoteBody }), entryRef),
  'coaching.editNote': message(z.object({ noteId: id, body: coachingNoteBody }), entryRef),
  'coaching.end': message(z.object({ periodId: id }), entryRef),
  'thanks.list': message(z.object({ interactionIds: z.array(id).max(200) }), z.array(entryThanksSchema)),
  'thanks.give': message(
    z.object({
      interactionId: id,
      note: z.string().trim().max(LIMITS.thanksNote, { error: `must be at most ${LIMITS.thanksNote} characters` }).nullable(),
    }),
    entryRef,
  ),
  'thanks.withdraw': message(z.object({ interactionId: id }), entryRef),
} as const;
