// Every message between the extension's parts is a zod schema here. The capture is the
// one that leaves the browser: see DESIGN.md, "The capture".
//
// The capture: one filed item. The database re-checks
// every rule in file_interaction, so a capture this schema accepts is one the server
// accepts, and a refusal names the field the same way on both sides.
import { z } from 'zod';
import { KINDS, LIMITS, LINKEDIN_PROFILE_URL, ROLES, SIGNALS, type Kind, type Role, type Signal } from './vocabulary';

export { KINDS, LIMITS, LINKEDIN_PROFILE_URL, ROLES, SIGNAL_LABELS, SIGNALS } from './vocabulary';
export type { Kind, Role, Signal } from './vocabulary';

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

const uuid = z.guid({ error: 'must be a uuid' });

const optionalText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish();

const contactSchema = z
  .strictObject(
    {
      full_name: z
        .string({ error: 'is required' })
        .trim()
        .min(1, { error: 'is required' })
        .max(LIMITS.name, { error: `must be at most ${LIMITS.name} characters` }),
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
  .refine((contact) => Boolean(contact.email || contact.linkedin_url), {
    error: 'needs an email or a LinkedIn profile URL',
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

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`))
    .join('');
}

/** Every problem as "<field>: <reason>", the same shape the database uses. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${pathOf([...issue.path, key])}: unknown field`);
    }
    return [`${pathOf(issue.path) || 'capture'}: ${issue.message}`];
  });
}

export type CaptureResult = { ok: true; capture: Capture } | { ok: false; errors: string[] };

export function parseCapture(input: unknown): CaptureResult {
  const result = captureSchema.safeParse(input);
  return result.success ? { ok: true, capture: result.data } : { ok: false, errors: describeIssues(result.error) };
}

// ---------------------------------------------------------------------------------------
// Messages between the content scripts, popup and options and the background. Adding a
// message is one schema here and one handler in utils/background/handlers.ts.

export const membershipSchema = z.object({
  org_id: z.string(),
  org_name: z.string(),
  role: z.enum(ROLES),
  department: z.string().nullable(),
  display_name: z.string().nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

const lookupEntrySchema = z.looseObject({
  id: z.string(),
  account_id: z.string().nullable().optional(),
  contact_id: z.string().nullable().optional(),
  kind: z.enum(KINDS),
  title: z.string(),
  body: z.string().optional(),
  signals: z.array(z.string()),
  occurred_at: z.string(),
  author_display_name: z.string().nullable().optional(),
  author_department: z.string().nullable().optional(),
});

export const lookupResultSchema = z.object({
  contacts: z.array(z.looseObject({ id: z.string(), full_name: z.string().nullable() })).default([]),
  accounts: z.array(z.looseObject({ id: z.string(), name: z.string() })).default([]),
  entries: z.array(lookupEntrySchema).default([]),
  people: z.array(z.looseObject({ display_name: z.string().nullable() })).default([]),
});
export type LookupResult = z.infer<typeof lookupResultSchema>;

const email = z.email({ error: 'must be an email address' }).max(LIMITS.email);
const id = z.guid({ error: 'must be a uuid' });

// Reading the shared record from the popup and the options page: the rows the background
// answers with, checked here so that the UI's types come from one place.

export const accountHitSchema = z.object({
  account_id: z.string(),
  name: z.string(),
  domains: z.array(z.string()).default([]),
  last_activity_at: z.string().nullable().default(null),
});
export type AccountHit = z.infer<typeof accountHitSchema>;

export const accountOverviewSchema = z.object({
  account_id: z.string(),
  name: z.string(),
  domains: z.array(z.string()).default([]),
  last_activity_at: z.string().nullable(),
  contact_count: z.number(),
  /** { signal: number of entries in the last 90 days } — about the customer, never a person. */
  signals_90d: z.record(z.string(), z.number()).default({}),
});
export type AccountOverview = z.infer<typeof accountOverviewSchema>;

export const timelineEntrySchema = z.object({
  id: z.string(),
  account_id: z.string().nullable(),
  contact_id: z.string().nullable(),
  contact_name: z.string().nullable(),
  kind: z.enum(KINDS),
  title: z.string(),
  body: z.string(),
  signals: z.array(z.string()),
  occurred_at: z.string(),
  /** Only ever set on the reader's own entries (the view hides it from everyone else). */
  source_url: z.string().nullable(),
  author_id: z.string(),
  author_display_name: z.string().nullable(),
  author_department: z.string().nullable(),
  revision_count: z.number(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** Keyset cursor on account_timeline's order (occurred_at desc, id desc). */
export const timelineCursorSchema = z.object({ occurred_at: z.string().min(1).max(64), id });
export type TimelineCursor = z.infer<typeof timelineCursorSchema>;

export const timelinePageSchema = z.object({
  entries: z.array(timelineEntrySchema),
  next: timelineCursorSchema.nullable(),
});
export type TimelinePage = z.infer<typeof timelinePageSchema>;

export const revisionSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  signals: z.array(z.string()),
  edited_at: z.string(),
});
export type Revision = z.infer<typeof revisionSchema>;

export const memberSchema = z.object({
  user_id: z.string(),
  role: z.enum(ROLES),
  display_name: z.string(),
  department: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

/** One entry I filed, retracted ones included (they are visible to their author only). */
export const myEntrySchema = z.object({
  id: z.string(),
  org_id: z.string(),
  org_name: z.string(),
  account_name: z.string().nullable(),
  contact_name: z.string().nullable(),
  kind: z.enum(KINDS),
  title: z.string(),
  body: z.string(),
  signals: z.array(z.string()),
  occurred_at: z.string(),
  source_url: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  retracted_at: z.string().nullable(),
});
export type MyEntry = z.infer<typeof myEntrySchema>;

export const timelineQuerySchema = z.object({
  accountId: id,
  signal: z.enum(SIGNALS).nullish(),
  kind: z.enum(KINDS).nullish(),
  /** Start and end of the date range as times; the UI turns the reader's days into them. */
  from: z.iso.datetime({ offset: true }).nullish(),
  to: z.iso.datetime({ offset: true }).nullish(),
  after: timelineCursorSchema.nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type TimelineQuery = z.input<typeof timelineQuerySchema>;

const entryText = {
  title: z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(LIMITS.title, { error: `must be at most ${LIMITS.title} characters` }),
  body: z.string().max(LIMITS.body, { error: `must be at most ${LIMITS.body} characters` }),
  signals: z
    .array(z.enum(SIGNALS, { error: (issue) => `unknown signal ${JSON.stringify(issue.input)}` }))
    .refine((signals) => new Set(signals).size === signals.length, { error: 'must not repeat a signal' }),
};

export const messageSchemas = {
  'session.get': z.object({ fresh: z.boolean().optional() }),
  'session.signInWithPassword': z.object({ email, password: z.string().min(1).max(1000) }),
  'session.signUp': z.object({ email, password: z.string().min(6).max(1000), displayName: z.string().max(200).optional() }),
  'session.sendCode': z.object({ email }),
  'session.verifyCode': z.object({ email, code: z.string().trim().regex(/^\d{6}$/, { error: 'is the 6-digit code from the email' }) }),
  'session.signOut': z.object({}),
  'connection.set': z.object({ url: z.url({ protocol: /^https?$/ }), anonKey: z.string().min(20).max(2000) }),
  'connection.test': z.object({ url: z.url({ protocol: /^https?$/ }), anonKey: z.string().min(20).max(2000) }),
  'org.create': z.object({ name: z.string().trim().min(1).max(200) }),
  'org.join': z.object({ code: z.string().trim().min(6).max(200) }),
  'org.setActive': z.object({ orgId: id }),
  'org.invite': z.object({ orgId: id, role: z.enum(ROLES) }),
  'capture.file': z.object({ capture: z.unknown() }),
  'outbox.list': z.object({}),
  'outbox.retry': z.object({ id }),
  'outbox.discard': z.object({ id }),
  'outbox.update': z.object({ id, capture: z.unknown() }),
  lookup: z.object({
    emails: z.array(email).max(50),
    linkedinUrl: z.string().regex(LINKEDIN_PROFILE_URL).nullable(),
    prefer: z.enum(['cache', 'network']),
    /** The rep pressed "Look up": allowed even with automatic lookup switched off. */
    manual: z.boolean().optional(),
  }),
  'settings.set': z.object({ autoLookup: z.boolean() }),
  /** The popup asks which account the page in its tab is about (from that tab's last lookup). */
  'context.current': z.object({ tabId: z.number().int().nonnegative(), url: z.string().max(4096).nullish() }),
  'accounts.search': z.object({ query: z.string().trim().min(1).max(200) }),
  'account.overview': z.object({ accountId: id }),
  'account.timeline': timelineQuerySchema,
  'entry.revisions': z.object({ id }),
  'entry.update': z.object({ id, ...entryText }),
  'entry.retract': z.object({ id }),
  'mine.list': z.object({}),
  'org.members': z.object({ orgId: id }),
  'org.setRole': z.object({ orgId: id, userId: id, role: z.enum(ROLES) }),
  'profile.update': z.object({
    orgId: id,
    displayName: z.string().trim().min(1, { error: 'is required' }).max(200),
    department: z.string().trim().max(100).nullable(),
  }),
} as const;

export type MessageType = keyof typeof messageSchemas;
export type Payload<K extends MessageType> = z.input<(typeof messageSchemas)[K]>;
export type ParsedPayload<K extends MessageType> = z.output<(typeof messageSchemas)[K]>;

/** What a content script running inside Gmail or LinkedIn may ask for: reading the team's
 * context and filing. Signing in, settings and organizations belong to extension pages. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'session.get',
  'capture.file',
  'outbox.list',
  'lookup',
]);

export type Result<T> = { ok: true; data: T } | { ok: false; error: string };

export const envelopeSchema = z.object({ type: z.string(), payload: z.unknown() });

/** Parses a raw message into its type and payload, or says what is wrong with it. */
export function parseMessage(
  raw: unknown,
): { ok: true; type: MessageType; payload: unknown } | { ok: false; error: string } {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, error: 'Highcard received a message it does not understand.' };
  const { type } = envelope.data;
  if (!Object.hasOwn(messageSchemas, type)) return { ok: false, error: `Unknown message “${type}”.` };
  const schema = messageSchemas[type as MessageType];
  const payload = schema.safeParse(envelope.data.payload ?? {});
  if (!payload.success) return { ok: false, error: describeIssues(payload.error).join('\n') };
  return { ok: true, type: type as MessageType, payload: payload.data };
}
