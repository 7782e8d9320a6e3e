// Every length limit and cap, in one place. The zod schemas (utils/messages/), the forms
// (maxLength), the readers and the benchmarks take them from here; the database says the
// same numbers in its check constraints and functions, and tests/db/limits.test.ts fails
// when the two disagree. No dependencies: content scripts import it without zod.

export const LIMITS = {
  /** An entry's title (interactions.title). */
  title: 300,
  /** An entry's text, the rep's note included (interactions.body). */
  body: 20_000,
  /** The rep's own note in the preview; it is filed inside the body and counted with it. */
  note: 2_000,
  /** A source's stable id (interactions.source_ref). */
  sourceRef: 500,
  /** Any link kept: a source link, a LinkedIn profile URL. */
  sourceUrl: 2048,
  /** Names: organization, account, contact (and their title, company), display name. */
  name: 200,
  email: 320,
  domain: 253,
  /** A member's department, and the department an entry is brought to. */
  department: 100,
  /** Addresses asked about in one lookup (lookup_context). */
  lookupEmails: 100,
  /** Colleagues one lookup names as who to ask: those who filed most recently (lookup_context). */
  lookupPeople: 20,
  /** An invite code as typed or pasted (invites.code). */
  inviteCode: 128,
  /** Why a coaching period is open (coaching_periods.purpose). */
  coachingPurpose: 500,
  /** One coaching note (coaching_notes.body). */
  coachingNote: 4_000,
  /** The note with a thank-you (entry_thanks.note). */
  thanksNote: 280,
  /** The note with an entry brought to a colleague (entry_routes.note). */
  routeNote: 500,
  /** A plan item's text: a goal, a promise, a risk or a question (plan_items.body). */
  planBody: 500,
  /** How a plan item ended, in a few words (plan_items.settled_note). */
  planNote: 500,
  /** Rows sent to import_records in one call; a longer file goes in several. */
  importRows: 5_000,
  /** How far before or after today a step's due date may be, in years (plan_items.due_on). */
  planDueYears: 5,
  /** Accounts asked about in one due_steps call (the accounts a rep follows). */
  dueAccounts: 500,
  /** Ids of each kind in one resolve_ids question (account_ids, contact_ids). */
  resolveIds: 1_000,
  /** Clock skew tolerated between the rep's machine and the server. */
  futureMs: 24 * 60 * 60 * 1000,
} as const;

export type LimitName = keyof typeof LIMITS;
