// The capture: one filed item, and the outbox that keeps it until the server has it. The
// capture is the one message that leaves the browser: see docs/design.md, "The capture".
// The database re-checks every rule in file_interaction, so a capture this schema accepts is
// one the server accepts, and a refusal names the field the same way on both sides.
import { z } from 'zod';
import { ERROR_KINDS } from '../errors';
import { LIMITS } from '../limits';
import { KINDS, LINKEDIN_PROFILE_URL, SIGNALS } from '../vocabulary';
import { describeIssues } from './issues';
import { promiseToAddSchema } from './plans';
import { id, message, none } from './shared';

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

const uuid = z.guid({ error: 'must be a uuid' });

const optionalText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish();

// A capture's customer: a person found or created by email or LinkedIn profile, or (with `id`)
// a contact the team already has, which the rep confirmed ("Same person"): then no
// name, since the record keeps its own, and the rest only fills in what the record lacks.
const contactSchema = z
  .strictObject(
    {
      id: uuid.optional(),
      full_name: z
        .string({ error: 'is required' })
        .trim()
        .min(1, { error: 'is required' })
        .max(LIMITS.name, { error: `must be at most ${LIMITS.name} characters` })
        .optional(),
      email: z
        .email({ error: 'must be an email address' })
        .max(LIMITS.email, { error: `must be at most ${LIMITS.email} characters` })
        .transform((email) => email.toLowerCase())
        .nullish(),
      linkedin_url: z
        .string({ error: 'must be text' })
        .regex(LINKEDIN_PROFILE_URL, {
          error: 'must be a profile URL like https://www.linkedin.com/in/name',
        })
        .nullish(),
      title: optionalText(LIMITS.name),
      company: optionalText(LIMITS.name),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown field' : 'must be an object') },
  )
  .superRefine((contact, ctx) => {
    if (contact.id) {
      if (contact.full_name !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['full_name'], message: 'must not be given with contact.id' });
      }
    } else if (contact.full_name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['full_name'], message: 'is required' });
    } else if (!contact.email && !contact.linkedin_url) {
      ctx.addIssue({ code: 'custom', path: [], message: 'needs an email or a LinkedIn profile URL' });
    }
  });

const accountSchema = z.union(
  [
    z.strictObject({ id: uuid }),
    z.strictObject({
      name: z
        .string({ error: 'is required' })
        .trim()
        .min(1, { error: 'is required' })
        .max(LIMITS.name, { error: `must be at most ${LIMITS.name} characters` }),
      domain: z
        .string({ error: 'must be text' })
        .trim()
        .toLowerCase()
        .regex(HOSTNAME, { error: 'must be a domain like acme.example' })
        .nullish(),
    }),
  ],
  { error: 'must be { id } or { name, domain? }' },
);

export const captureSchema = z
  .strictObject(
    {
      id: uuid,
      org_id: uuid,
      kind: z.enum(KINDS, { error: `must be one of ${KINDS.join(', ')}` }),
      source_ref: z
        .string({ error: 'must be text' })
        .trim()
        .min(1, { error: 'must not be empty' })
        .max(LIMITS.sourceRef, { error: `must be at most ${LIMITS.sourceRef} characters` })
        .nullish(),
      source_url: z
        .url({ protocol: /^https$/, error: 'must be an https:// link' })
        .max(LIMITS.sourceUrl, { error: `must be at most ${LIMITS.sourceUrl} characters` })
        .nullish(),
      occurred_at: z.iso
        .datetime({ offset: true, error: 'must be an ISO 8601 time with an offset' })
        .refine((value) => Date.parse(value) <= Date.now() + LIMITS.futureMs, {
          error: 'must not be in the future',
        }),
      title: z
        .string({ error: 'is required' })
        .trim()
        .min(1, { error: 'is required' })
        .max(LIMITS.title, { error: `must be at most ${LIMITS.title} characters` }),
      body: z
        .string({ error: 'must be text' })
        .max(LIMITS.body, { error: `must be at most ${LIMITS.body} characters` }),
      signals: z
        .array(z.enum(SIGNALS, { error: (issue) => `unknown signal ${JSON.stringify(issue.input)}` }), {
          error: 'must be a list of signals',
        })
        .refine((signals) => new Set(signals).size === signals.length, {
          error: 'must not repeat a signal',
        })
        .default([]),
      contact: contactSchema.nullish(),
      account: accountSchema.nullish(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown field' : 'must be an object') },
  )
  .superRefine((capture, ctx) => {
    if (capture.kind !== 'note' && !capture.source_ref) {
      ctx.addIssue({ code: 'custom', path: ['source_ref'], message: `is required for ${capture.kind}` });
    }
    // A clip is keyed by the hash of its address and text only: colleagues read source_ref.
    if (capture.kind === 'clip' && capture.source_ref && !/^[0-9a-f]{64}$/.test(capture.source_ref)) {
      ctx.addIssue({ code: 'custom', path: ['source_ref'], message: 'must be the SHA-256 of the address and the text for a clip' });
    }
    if (!capture.contact && !(capture.kind === 'note' && capture.account)) {
      ctx.addIssue({
        code: 'custom',
        path: ['contact'],
        message: capture.kind === 'note' ? 'is required unless the note is filed on an account' : 'is required',
      });
    }
  });

export type Capture = z.infer<typeof captureSchema>;
/** What the extension builds before validation (signals may be left out). */
export type CaptureInput = z.input<typeof captureSchema>;

export type CaptureResult = { ok: true; capture: Capture } | { ok: false; errors: string[] };

export function parseCapture(input: unknown): CaptureResult {
  const result = captureSchema.safeParse(input);
  return result.success ? { ok: true, capture: result.data } : { ok: false, errors: describeIssues(result.error) };
}

export const fileResultSchema = z.object({
  id: z.string(),
  account_id: z.string().nullable(),
  contact_id: z.string().nullable(),
  created: z.boolean(),
});
export type FileResult = z.infer<typeof fileResultSchema>;

export const OUTBOX_STATUSES = ['pending', 'sent', 'needs_attention', 'waiting_for_sign_in'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** The plan step a filed reply settles ("This settles it"), and how far that has got:
 * waiting for the reply to reach the server, settled, or skipped (the step was settled
 * another way or withdrawn meanwhile). */
export const settleAfterFilingSchema = z.object({
  planItemId: z.string(),
  state: z.enum(['waiting', 'settled', 'skipped']),
});
export type SettleAfterFiling = z.infer<typeof settleAfterFilingSchema>;

/** The promise a filed message carries ("Add as a promise" on a message not filed yet), and
 * how far that has got: waiting for the message to reach the server, added, or refused by the
 * server (its words in `error`; the promise's text stays here, never dropped). */
export const promiseAfterFilingSchema = z.object({
  item: promiseToAddSchema,
  state: z.enum(['waiting', 'added', 'refused']),
  error: z.string().nullish(),
});
export type PromiseAfterFiling = z.infer<typeof promiseAfterFilingSchema>;

/** Who filed an item, recorded when it was filed: only they send it (pact rule 4), and the
 * organization it goes to is the one in its capture (`capture.org_id`), as filed. */
export const filedBySchema = z.object({ userId: z.string(), email: z.string().nullable() });
export type FiledBy = z.infer<typeof filedBySchema>;

/** Unsent items in this browser filed by someone other than the person it is for now: only
 * how many and whose (never their text). `email` null: filed before Highcard recorded who. */
export const othersWaitingSchema = z.array(z.object({ email: z.string().nullable(), count: z.number() }));
export type OthersWaiting = z.infer<typeof othersWaitingSchema>;

export const outboxItemSchema = z.object({
  id: z.string(),
  /** Absent on items kept before Highcard recorded who filed them (utils/outbox/owners.ts). */
  filedBy: filedBySchema.nullish(),
  // Checked by captureSchema when it was filed. Not re-checked on the way out: a kept item
  // must stay visible (and correctable) even if a rule changed since (pact rule 7).
  capture: z.custom<Capture>((value) => typeof value === 'object' && value !== null),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  /** When the next automatic attempt is due (epoch ms); null when it waits for the user. */
  nextAttemptAt: z.number().nullable(),
  /** The server's or the network's words, kept for the user. */
  error: z.string().nullable(),
  /** What kind of failure `error` is (absent on items kept before kinds were recorded). */
  errorKind: z.enum(ERROR_KINDS).nullish(),
  createdAt: z.number(),
  updatedAt: z.number(),
  result: fileResultSchema.nullable(),
  settles: settleAfterFilingSchema.nullish(),
  promise: promiseAfterFilingSchema.nullish(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

/** What last failed behind the user's back in the background (storage, the alarm), in words. */
export const backgroundProblemSchema = z.object({ message: z.string(), at: z.number() });
export type BackgroundProblem = z.infer<typeof backgroundProblemSchema>;

export const captureMessages = {
  /** `settles`: the plan step this reply settles once it is on the server ("This settles it");
   * `promise`: the promise read from this message, added once the message is on the server. */
  'capture.file': message(z.object({ capture: captureSchema, settles: id.nullish(), promise: promiseToAddSchema.nullish() }), outboxItemSchema),
  /** The items of the person this browser is for now (signed in, or the last one who was). */
  'outbox.list': message(none, z.array(outboxItemSchema)),
  /** How many of someone else's unsent items wait here, and whose: counts only. */
  'outbox.others': message(none, othersWaitingSchema),
  /** Items kept before Highcard recorded who filed them, filed to one of the signed-in person's
   * organizations and not sent: how many (never their text), for the question put to them. */
  'outbox.unowned': message(none, z.object({ count: z.number() })),
  /** Their answer: send those items as theirs, or discard them; how many it concerned. */
  'outbox.decideUnowned': message(z.object({ choice: z.enum(['send', 'discard']) }), z.object({ count: z.number() })),
  'outbox.retry': message(z.object({ id }), outboxItemSchema),
  'outbox.discard': message(z.object({ id }), z.array(outboxItemSchema)),
  'outbox.update': message(z.object({ id, capture: captureSchema }), outboxItemSchema),
  /** What last failed behind the user's back (null: nothing since the outbox last ran cleanly). */
  'outbox.problem': message(none, backgroundProblemSchema.nullable()),
} as const;
