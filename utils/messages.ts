// Every message between the extension's parts is a zod schema here. The capture is the
// one that leaves the browser: see DESIGN.md, "The capture".
//
// The capture: one filed item. The database re-checks
// every rule in file_interaction, so a capture this schema accepts is one the server
// accepts, and a refusal names the field the same way on both sides.
import { z } from 'zod';
import { KINDS, LIMITS, LINKEDIN_PROFILE_URL, ROLES, SIGNALS, type Kind, type Role, type Signal } from './vocabulary';
import { COACHING_LIMITS, THANKS_NOTE_MAX } from './coaching';
import { ROUTE_NOTE_MAX } from './for-you';

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

// A capture's customer: a person found or created by email or LinkedIn profile, or (with `id`)
// a contact the team already has, which the rep confirmed ("Same person", helper M): then no
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

/** Problems as the one sentence a user sees: the first, naming its field, and how many more. */
export function oneSentence(problems: readonly string[]): string {
  const [first = 'something is not right'] = problems;
  const more = problems.length - 1;
  return more > 0 ? `${first} (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : first;
}

export type CaptureResult = { ok: true; capture: Capture } | { ok: false; errors: string[] };

export function parseCapture(input: unknown): CaptureResult {
  const result = captureSchema.safeParse(input);
  return result.success ? { ok: true, capture: result.data } : { ok: false, errors: describeIssues(result.error) };
}

// ---------------------------------------------------------------------------------------
// The answers: every row and state the background sends back, checked by zod in the
// background before it leaves (utils/background/dispatch.ts), so a page's types and the
// data it receives come from one place.

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
  /** Lets the sidebar say "Filed by you" on the rep's own earlier entries. */
  author_id: z.string().nullable().optional(),
  author_display_name: z.string().nullable().optional(),
  author_department: z.string().nullable().optional(),
});

/** One customer, one record (helper M) — "Is this Mia Schmidt (mia@acme-robotics.example ·
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

export const lookupResultSchema = z.object({
  contacts: z.array(z.looseObject({ id: z.string(), full_name: z.string().nullable() })).default([]),
  accounts: z.array(z.looseObject({ id: z.string(), name: z.string() })).default([]),
  entries: z.array(lookupEntrySchema).default([]),
  people: z.array(z.looseObject({ display_name: z.string().nullable() })).default([]),
  /** Someone the team knows by this name whom the lookup did not match (only when asked with
   * a name; optional so that answers kept from before stay valid). */
  candidates: z.array(candidateSchema).optional(),
});
export type LookupResult = z.infer<typeof lookupResultSchema>;

/** The sidebar's lookup: the team's answer, or nothing asked because automatic lookup is off. */
export const lookupAnswerSchema = z.discriminatedUnion('skipped', [
  z.object({ skipped: z.literal(true) }),
  z.object({ skipped: z.literal(false), result: lookupResultSchema, fetchedAt: z.number(), fromCache: z.boolean() }),
]);
export type LookupAnswer = z.infer<typeof lookupAnswerSchema>;

export const settingsSchema = z.object({
  /** Pact rule 1: the sidebar's lookup may be switched to "only when I ask". */
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
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** What the last lookup in a tab matched (session storage; see utils/storage.ts). */
export const tabContextSchema = z.object({
  orgId: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  url: z.string().nullable(),
  at: z.number(),
});
export type TabContext = z.infer<typeof tabContextSchema>;

export const fileResultSchema = z.object({
  id: z.string(),
  account_id: z.string().nullable(),
  contact_id: z.string().nullable(),
  created: z.boolean(),
});
export type FileResult = z.infer<typeof fileResultSchema>;

export const OUTBOX_STATUSES = ['pending', 'sent', 'needs_attention', 'waiting_for_sign_in'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const outboxItemSchema = z.object({
  id: z.string(),
  // Checked by captureSchema when it was filed. Not re-checked on the way out: a kept item
  // must stay visible (and correctable) even if a rule changed since (pact rule 7).
  capture: z.custom<Capture>((value) => typeof value === 'object' && value !== null),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  /** When the next automatic attempt is due (epoch ms); null when it waits for the user. */
  nextAttemptAt: z.number().nullable(),
  /** The server's or the network's words, kept for the user. */
  error: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  result: fileResultSchema.nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

/** What last failed behind the user's back in the background (storage, the alarm), in words. */
export const backgroundProblemSchema = z.object({ message: z.string(), at: z.number() });
export type BackgroundProblem = z.infer<typeof backgroundProblemSchema>;

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

const id = z.guid({ error: 'must be a uuid' });
const email = z.email({ error: 'must be an email address' }).max(LIMITS.email);

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

const connectionRequest = z.object({ url: z.url({ protocol: /^https?$/ }), anonKey: z.string().min(20).max(2000) });
const entryRef = z.object({ id: z.string() });
const none = z.object({});

// -- coaching and thanks (issue 13) -----------------------------------------------------

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
  .max(COACHING_LIMITS.note, { error: `must be at most ${COACHING_LIMITS.note} characters` });

// -- insights (helper I): the team's signals week by week, about customers only ---------
/** One week of one signal (public.signal_series): live entries and the distinct accounts. */
export const signalWeekSchema = z.object({
  /** The Monday (UTC) starting the week, YYYY-MM-DD. */
  week: z.string(),
  signal: z.string(),
  entries: z.number(),
  accounts: z.number(),
});
export type SignalWeek = z.infer<typeof signalWeekSchema>;

/** A change beyond noise (public.signal_changes). */
export const signalChangeSchema = z.object({
  signal: z.string(),
  recent: z.number(),
  baseline: z.number(),
  expected: z.coerce.number(),
  direction: z.enum(['up', 'down']),
  accounts: z.number(),
});
export type SignalChange = z.infer<typeof signalChangeSchema>;

export const insightsOverviewSchema = z.object({
  orgId: z.string(),
  weeks: z.number(),
  series: z.array(signalWeekSchema),
  changes: z.array(signalChangeSchema),
  /** When the server gave this answer. */
  fetchedAt: z.string(),
  /** True when the server could not be reached and this is the last answer kept. */
  cached: z.boolean(),
  /** Why the server could not answer, when `cached`. */
  problem: z.string().nullable(),
});
export type InsightsOverview = z.infer<typeof insightsOverviewSchema>;

/** A drill-down entry: a timeline entry with the account it is about. */
export const insightEntrySchema = timelineEntrySchema.extend({ account_name: z.string().nullable() });
export type InsightEntry = z.infer<typeof insightEntrySchema>;

export const insightEntriesPageSchema = z.object({
  entries: z.array(insightEntrySchema),
  next: timelineCursorSchema.nullable(),
});
export type InsightEntriesPage = z.infer<typeof insightEntriesPageSchema>;

// -- For you: routes and follows (helper F) ---------------------------------------------
// Follows and "last looked" stay in this browser (pact rule 8); the server only answers
// for_you and account_timeline.

/** Who "Bring to a colleague" offers: everyone else, and each department with someone in it. */
export const routeRecipientsSchema = z.object({
  people: z.array(z.object({ user_id: z.string(), display_name: z.string(), department: z.string().nullable() })),
  departments: z.array(z.string()),
});

/** A route waiting for the reader, with the entry's title and account to open it by. */
export const forYouRouteSchema = z.object({
  route_id: z.string(),
  interaction_id: z.string(),
  routed_by_display_name: z.string(),
  note: z.string().nullable(),
  routed_at: z.string(),
  title: z.string(),
  account_id: z.string().nullable(),
  account_name: z.string().nullable(),
});
export type ForYouRoute = z.infer<typeof forYouRouteSchema>;

/** An entry a colleague filed on a followed account after the reader last looked. */
export const followedEntrySchema = z.object({
  id: z.string(),
  account_id: z.string(),
  account_name: z.string().nullable(),
  title: z.string(),
  author_display_name: z.string().nullable(),
  occurred_at: z.string(),
  created_at: z.string(),
});
export type FollowedEntry = z.infer<typeof followedEntrySchema>;

export const forYouSchema = z.object({
  routes: z.array(forYouRouteSchema),
  followed: z.array(followedEntrySchema),
  /** When this browser's user last looked, before this answer (null: never). */
  lastLooked: z.string().nullable(),
  /** Something came after that: the dot on the popup's For you tab. */
  hasNew: z.boolean(),
});
export type ForYou = z.infer<typeof forYouSchema>;

/** The last check's outcome, kept in this browser, so the popup can show its dot and open on
 * For you at once. */
export const forYouStatusSchema = z.object({ waiting: z.boolean(), hasNew: z.boolean() });
export type ForYouStatus = z.infer<typeof forYouStatusSchema>;

const routeRequest = z
  .object({
    interactionId: id,
    toUser: id.nullish(),
    toDepartment: z.string().trim().max(100, { error: 'must be at most 100 characters' }).nullish(),
    note: z.string().trim().max(ROUTE_NOTE_MAX, { error: `must be at most ${ROUTE_NOTE_MAX} characters` }).nullish(),
  })
  .refine((route) => Boolean(route.toUser) !== Boolean(route.toDepartment), {
    error: 'choose exactly one: a colleague or a department',
    path: ['toUser'],
  });

// ---------------------------------------------------------------------------------------
// -- one customer, one record (helper M; handlers/merge.ts) ---------------------------
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
});
export type MergeLine = z.infer<typeof mergeLineSchema>;

const mergeRequest = z.object({ keepId: id, mergeId: id }).refine((m) => m.keepId !== m.mergeId, {
  path: ['mergeId'],
  error: 'must be another record than the one kept',
});

// -- the sidebar in the page (helper S) ------------------------------------------------
export const SIDEBAR_SITES = ['gmail', 'linkedin', 'outlook'] as const;
export type SidebarSite = (typeof SIDEBAR_SITES)[number];
/** Whether the rep hid the sidebar, per site (remembered across reloads). */
export const sidebarPrefsSchema = z.object({
  hidden: z.partialRecord(z.enum(SIDEBAR_SITES), z.boolean()),
});
export type SidebarPrefs = z.infer<typeof sidebarPrefsSchema>;

// -- capture anywhere: clips, Outlook on the web, read failures (helper X) -------------
/** What the page hands over for "File selection": read only after the rep asked. */
export const pageSelectionSchema = z.object({
  text: z.string().max(LIMITS.body * 10),
  title: z.string().max(10_000),
  url: z.string().max(LIMITS.sourceUrl * 4),
});
export type PageSelection = z.infer<typeof pageSelectionSchema>;

/** A selection made ready for the clip window (utils/capture/selection.ts cleanClip). */
export const clipHandoffSchema = z.object({
  /** A selection (clip), or a note the rep writes when a page could not be read. */
  kind: z.enum(['clip', 'note']),
  text: z.string(),
  title: z.string(),
  site: z.string(),
  sourceUrl: z.string().nullable(),
  sourceRef: z.string(),
  truncated: z.boolean(),
  selectedAt: z.string(),
});
export type ClipHandoff = z.infer<typeof clipHandoffSchema>;

export const READ_FAILURE_SITES = ['gmail', 'linkedin', 'outlook'] as const;
export const READ_FAILURE_PAGE_KINDS = ['thread', 'profile', 'conversation'] as const;
/** What was read of a page that could not be read: names of selectors, never page content. */
const readFailurePart = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,60}$/, { error: 'must be a selector name' });
export const readFailureSchema = z.object({
  site: z.enum(READ_FAILURE_SITES),
  pageKind: z.enum(READ_FAILURE_PAGE_KINDS),
  parts: z.array(z.string()),
  extensionVersion: z.string(),
  /** The browser's user agent: which browser and version. */
  browser: z.string(),
  at: z.string(),
});
export type ReadFailure = z.infer<typeof readFailureSchema>;

/** Outlook on the web: the optional host permission granted, and the content script registered. */
export const outlookStatusSchema = z.object({ granted: z.boolean(), registered: z.boolean() });
export type OutlookStatus = z.infer<typeof outlookStatusSchema>;

// -- the popup's kept answers (handlers/record.ts, helper P) --------------------------
// The popup paints an account at once from the answer kept in this browser, then asks the
// server. `prefer: 'cache'` answers with the kept one if there is one; a kept answer carries
// `cachedAt` (also when the server could not be reached, in place of an error).
const preferKept = { prefer: z.enum(['cache', 'network']).optional() };
const keptAt = { cachedAt: z.iso.datetime().optional() };

// The messages. Adding one = one entry here (request and response schema) + one handler in
// utils/background/handlers/<topic>.ts + (only if a content script may send it) the
// CONTENT_SCRIPT_MESSAGES list below. Recipe: .scratch/LAYOUT_READY / README "Architecture".

/** One message: what the page sends and what the background answers. */
function message<Request extends z.ZodType, Response extends z.ZodType>(request: Request, response: Response) {
  return { request, response };
}

export const messages = {
  // -- session, connection, settings (handlers/session.ts) ------------------------------
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

  // -- organizations and people (handlers/organization.ts) ------------------------------
  'org.create': message(z.object({ name: z.string().trim().min(1).max(LIMITS.name) }), sessionStateSchema),
  'org.join': message(z.object({ code: z.string().trim().min(6).max(LIMITS.inviteCode) }), sessionStateSchema),
  'org.setActive': message(z.object({ orgId: id }), sessionStateSchema),
  'org.invite': message(z.object({ orgId: id, role: z.enum(ROLES) }), z.object({ code: z.string() })),
  'org.members': message(z.object({ orgId: id }), z.array(memberSchema)),
  'org.setRole': message(z.object({ orgId: id, userId: id, role: z.enum(ROLES) }), z.array(memberSchema)),
  'profile.update': message(
    z.object({
      orgId: id,
      displayName: z.string().trim().min(1, { error: 'is required' }).max(LIMITS.name),
      department: z.string().trim().max(LIMITS.department).nullable(),
    }),
    sessionStateSchema,
  ),

  // -- filing and the outbox (handlers/capture.ts) --------------------------------------
  'capture.file': message(z.object({ capture: captureSchema }), outboxItemSchema),
  'outbox.list': message(none, z.array(outboxItemSchema)),
  'outbox.retry': message(z.object({ id }), outboxItemSchema),
  'outbox.discard': message(z.object({ id }), z.array(outboxItemSchema)),
  'outbox.update': message(z.object({ id, capture: captureSchema }), outboxItemSchema),
  /** What last failed behind the user's back (null: nothing since the outbox last ran cleanly). */
  'outbox.problem': message(none, backgroundProblemSchema.nullable()),

  // -- the sidebar's lookup and the popup's tab context (handlers/lookup.ts) ------------
  lookup: message(
    z.object({
      emails: z.array(email).max(LIMITS.lookupEmails, { error: `must be at most ${LIMITS.lookupEmails} addresses` }),
      linkedinUrl: z.string().regex(LINKEDIN_PROFILE_URL).nullable(),
      prefer: z.enum(['cache', 'network']),
      /** The rep pressed "Look up": allowed even with automatic lookup switched off. */
      manual: z.boolean().optional(),
      /** The name in view: the answer then has `candidates` of that name (helper M). */
      fullName: z.string().trim().max(LIMITS.name).nullish(),
    }),
    lookupAnswerSchema,
  ),
  /** The popup asks which account the page in its tab is about (from that tab's last lookup). */
  'context.current': message(
    z.object({ tabId: z.number().int().nonnegative(), url: z.string().max(4096).nullish() }),
    z.object({ accountId: z.string().nullable(), accountName: z.string().nullable() }),
  ),

  // -- reading and editing the shared record (handlers/record.ts) -----------------------
  'accounts.search': message(z.object({ query: z.string().trim().min(1).max(LIMITS.name) }), z.array(accountHitSchema)),
  'account.overview': message(z.object({ accountId: id, ...preferKept }), accountOverviewSchema.extend(keptAt)),
  'account.timeline': message(timelineQuerySchema.extend(preferKept), timelinePageSchema.extend(keptAt)),
  'entry.revisions': message(z.object({ id }), z.array(revisionSchema)),
  'entry.update': message(z.object({ id, ...entryText }), entryRef),
  'entry.retract': message(z.object({ id }), entryRef),
  'mine.list': message(none, z.array(myEntrySchema)),

  // -- new topics: add your block below, headed by a comment naming the topic -----------

  // -- one customer, one record (handlers/merge.ts, helper M) ----------------------------
  /** The people known at an account of the active organization, for the popup's account view. */
  'merge.accountContacts': message(z.object({ accountId: id }), z.array(accountContactSchema)),
  /** The account's merges, newest first: lines in its timeline, never entries. */
  'merge.history': message(z.object({ accountId: id }), z.array(mergeLineSchema)),
  /** Any member: two contacts are one person; mergeId's entries and identities move to keepId. */
  'merge.contacts': message(mergeRequest, z.object({ keepId: z.string() })),
  /** Any member: two accounts are one company; domains, contacts and entries move. */
  'merge.accounts': message(mergeRequest, z.object({ keepId: z.string() })),

  // -- coaching and thanks (issue 13; handlers/coaching.ts, handlers/thanks.ts) ---------
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
        .max(COACHING_LIMITS.purpose, { error: `must be at most ${COACHING_LIMITS.purpose} characters` }),
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
      note: z.string().trim().max(THANKS_NOTE_MAX, { error: `must be at most ${THANKS_NOTE_MAX} characters` }).nullable(),
    }),
    entryRef,
  ),
  'thanks.withdraw': message(z.object({ interactionId: id }), entryRef),
  // -- insights (handlers/insights.ts, helper I) ------------------------------------------
  /** The active organization's weekly series and what changed; the last answer when offline. */
  'insights.overview': message(z.object({ weeks: z.number().int().min(1).max(104).default(26) }), insightsOverviewSchema),
  /** One account's series (the popup's sparklines). */
  'insights.account': message(
    z.object({ accountId: id, weeks: z.number().int().min(1).max(104).default(26) }),
    z.array(signalWeekSchema),
  ),
  /** The entries of one signal in one week, newest first, a page at a time (keyset). */
  'insights.entries': message(
    z.object({
      signal: z.enum(SIGNALS),
      week: z.iso.date(),
      after: timelineCursorSchema.nullish(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    insightEntriesPageSchema,
  ),

  // -- For you: routes and follows (handlers/for-you.ts, helper F) ----------------------
  /** Bring an entry to a colleague or a department (route_entry). */
  'route.recipients': message(none, routeRecipientsSchema),
  'route.send': message(routeRequest, z.object({ routeId: z.string() })),
  /** Put a route away for the reader only (dismiss_route); the sender is told nothing. */
  'route.dismiss': message(z.object({ routeId: id }), none),
  /** What is waiting: routes to me or my department, new entries on followed accounts. */
  'forYou.list': message(z.object(preferKept), forYouSchema.extend(keptAt)),
  /** The reader looked: what is there now is no longer new (kept in this browser only). */
  'forYou.looked': message(none, none),
  /** The last check's outcome, from this browser, without asking the server. */
  'forYou.status': message(none, forYouStatusSchema),
  /** The popup or a sidebar opened: check for new items unless the last check is younger
   * than maxAgeMs (a sidebar: a minute; the popup: 0, always). */
  'forYou.check': message(z.object({ maxAgeMs: z.number().int().min(0).max(900_000).default(60_000) }), forYouStatusSchema),
  /** Follows live in this browser only; the server never learns them. */
  'follow.get': message(z.object({ accountId: id }), z.object({ following: z.boolean() })),
  'follow.set': message(z.object({ accountId: id, follow: z.boolean() }), z.object({ following: z.boolean() })),

  // -- the sidebar in the page (handlers/sidebar.ts, helper S) --------------------------
  /** The sidebar tells which account the page in its tab is about (none: null), so the popup
   * opens on it. Said explicitly after a lookup the rep allowed; a lookup alone says nothing. */
  'sidebar.inView': message(
    z.object({ accountId: id.nullable(), accountName: z.string().max(LIMITS.name).nullable() }),
    none,
  ),
  /** Signed out, the sidebar's "Sign in" opens Settings at sign-in (a page cannot open it). */
  'sidebar.openSignIn': message(none, none),
  /** Whether the rep hid the sidebar, per site. */
  'sidebar.prefs': message(none, sidebarPrefsSchema),
  'sidebar.setHidden': message(z.object({ site: z.enum(SIDEBAR_SITES), hidden: z.boolean() }), sidebarPrefsSchema),

  // -- capture anywhere (handlers/clip.ts, helper X) -------------------------------------
  /** A selection read from a tab (or handed in by a test): kept in memory, the clip window opens on it. */
  'clip.open': message(
    z.object({ selection: pageSelectionSchema, mode: z.enum(['clip', 'note']).default('clip') }),
    // null: nothing was selected, and the window says so.
    z.object({ clipId: z.string().nullable() }),
  ),
  /** The clip window asks for its selection; it is gone once filed or the browser closed. */
  'clip.get': message(z.object({ clipId: z.string().min(1).max(100) }), clipHandoffSchema),
  'clip.discard': message(z.object({ clipId: z.string().min(1).max(100) }), none),
  /** A sidebar that could not read its page says which parts failed; kept in this browser only. */
  'readFailure.record': message(
    z.object({ site: z.enum(READ_FAILURE_SITES), pageKind: z.enum(READ_FAILURE_PAGE_KINDS), parts: z.array(readFailurePart).max(20) }),
    none,
  ),
  'readFailures.list': message(none, z.array(readFailureSchema)),
  /** Settings → "Use Highcard in Outlook on the web": the page asks the permission, the
   * background registers (enable) or removes (disable) the content script. */
  'outlook.status': message(none, outlookStatusSchema),
  'outlook.enable': message(none, outlookStatusSchema),
  'outlook.disable': message(none, outlookStatusSchema),
} as const;

export type MessageType = keyof typeof messages;
/** What a page passes to send(type, payload). */
export type Payload<K extends MessageType> = z.input<(typeof messages)[K]['request']>;
/** What a handler receives (defaults applied, text trimmed). */
export type ParsedPayload<K extends MessageType> = z.output<(typeof messages)[K]['request']>;
/** What a handler returns (before the background checks it). */
export type Answer<K extends MessageType> = z.input<(typeof messages)[K]['response']>;
/** What a page receives in `{ ok: true, data }`. */
export type Response<K extends MessageType> = z.output<(typeof messages)[K]['response']>;
export type Responses = { [K in MessageType]: Response<K> };

/** What a content script running inside Gmail or LinkedIn may ask for: reading the team's
 * context and filing. Signing in, settings and organizations belong to extension pages. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  // Thanks (helper C): "This helped me" on the sidebar's entries, the thank-yous on one's own.
  'thanks.list',
  'thanks.give',
  'thanks.withdraw',
  'session.get',
  'capture.file',
  'outbox.list',
  'lookup',
  'sidebar.inView',
  'sidebar.openSignIn',
  'sidebar.prefs',
  'sidebar.setHidden',
  // For you: bring an entry to a colleague from the sidebar, follow its account, check for news.
  'route.recipients',
  'route.send',
  'forYou.check',
  'follow.get',
  'follow.set',
  // Capture anywhere: a page the sidebar could not read is recorded (selector names only);
  // "Add selection" / "Write a note" open the clip window on what the rep selected.
  'readFailure.record',
  'clip.open',
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
  if (!Object.hasOwn(messages, type)) return { ok: false, error: `Unknown message “${type}”.` };
  const payload = messages[type as MessageType].request.safeParse(envelope.data.payload ?? {});
  if (!payload.success) {
    // A capture's fields are named as the database names them ("kind", not "capture.kind").
    for (const issue of payload.error.issues) if (issue.path[0] === 'capture') issue.path.shift();
    return { ok: false, error: oneSentence(describeIssues(payload.error)) };
  }
  return { ok: true, type: type as MessageType, payload: payload.data };
}

/** Checks a handler's answer against its response schema: what leaves the background is
 * exactly what the page's types promise. */
export function parseAnswer(type: MessageType, data: unknown): Result<unknown> {
  const parsed = messages[type].response.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, error: `Highcard’s background answered “${type}” in an unexpected shape (${oneSentence(describeIssues(parsed.error))}).` };
}
