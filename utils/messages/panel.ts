// The side panel and the pages it reads (utils/background/handlers/page.ts): what a content
// script saw in its tab, kept by the background per tab, and asked for by the panel beside it.
// Everything here is plain data: a view crosses from the page to the background to the panel.
import { z } from 'zod';
import { KINDS, LIMITS, SIGNALS } from '../vocabulary';
import { message, none } from './shared';

export const PAGE_SITES = ['gmail', 'linkedin', 'outlook'] as const;
export type PageSite = (typeof PAGE_SITES)[number];
/** The sites whose content script runs its reader only once the page may show something. */
export const READER_SITES = ['gmail'] as const;
export type ReaderSite = (typeof READER_SITES)[number];

const text = (max: number) => z.string().max(max);
const tabId = z.number().int().min(0);

/** Someone a filed item can be about, as the page shows them (or a contact the team has). */
export const seedContactSchema = z.object({
  id: z.string().max(100).optional(),
  full_name: text(LIMITS.name * 4),
  email: text(LIMITS.name * 4).nullish(),
  linkedin_url: text(LIMITS.sourceUrl * 4).nullish(),
  title: text(LIMITS.name * 4).nullish(),
  company: text(LIMITS.name * 4).nullish(),
});

/** What "Add to customer record" opens the preview with: the page as it was read. */
export const draftSeedSchema = z.object({
  kind: z.enum(KINDS),
  sourceRef: text(LIMITS.sourceRef * 4).nullable(),
  sourceUrl: text(LIMITS.sourceUrl * 4).nullable(),
  occurredAt: text(100),
  title: text(LIMITS.title * 4),
  body: text(LIMITS.body * 10),
  contacts: z.array(seedContactSchema).max(500),
  contactIndex: z.number().int().min(0),
  suggestedSignals: z.array(z.enum(SIGNALS)).optional(),
});

/** One thing in view the rep can file: a message, a profile, a note about the person. */
export const pageSourceSchema = z.object({
  /** The capture's source_ref (also how "already filed" is recognised). */
  key: text(LIMITS.sourceRef * 4),
  label: text(2_000),
  detail: text(2_000).nullable(),
  /** The preview's starting point, or (in the rep's words) why this cannot be filed now. */
  seed: z.union([draftSeedSchema, z.object({ problem: text(500) })]),
  actionLabel: text(100).optional(),
  /** Why this item cannot be filed as it is now (a collapsed message), shown next to it. */
  notice: text(500).optional(),
  /** Filed again and again (notes): each filing is a new entry, the button stays. */
  repeatable: z.boolean().optional(),
  /** The user's own outgoing message: offered, but less prominently than the customer's. */
  mine: z.boolean().optional(),
});

/** The page in a tab, as its content script read it. */
export const pageViewSchema = z.object({
  site: z.enum(PAGE_SITES),
  /** The page's identity: a new one resets the panel (another thread or person). */
  id: text(2_000),
  heading: text(2_000),
  /** The page's address, for what is filed from it as a selection or a note. */
  url: text(LIMITS.sourceUrl * 4),
  /** Who is asked about in the lookup; fullName lets the team's namesakes be offered. */
  lookup: z.object({
    emails: z.array(text(LIMITS.name * 4)).max(LIMITS.lookupEmails),
    linkedinUrl: text(LIMITS.sourceUrl * 4).nullable(),
    fullName: text(LIMITS.name * 4).nullish(),
    /** The page does not show the user's own address: their whole domain is left out. */
    ownAddressUnknown: z.boolean().optional(),
  }),
  /** What the empty state names: "acme-robotics.example", "Mia Schmidt". */
  subject: text(2_000),
  sources: z.array(pageSourceSchema).max(500),
  contextHeading: text(200).optional(),
  extraSources: z.array(pageSourceSchema).max(10).optional(),
  /** Looks like a thread, profile or conversation but could not be read: `parts` names what
   * failed (selector names, never page content). */
  unreadable: z
    .object({ pageKind: z.enum(['thread', 'profile', 'conversation']), parts: z.array(text(100)).max(20) })
    .optional(),
});
export type PageView = z.infer<typeof pageViewSchema>;
export type PageSource = z.infer<typeof pageSourceSchema>;

/** The view of one tab: what its content script last reported, and when (null: nothing to file). */
export const tabViewSchema = z.object({ view: pageViewSchema.nullable(), reportedAt: z.number().nullable() });
export type TabView = z.infer<typeof tabViewSchema>;

export const panelMessages = {
  /** A content script says what its page shows now (null: nothing to file here). The
   * background keeps the latest per tab, in memory only (storage.session). */
  'page.report': message(z.object({ view: pageViewSchema.nullable() }), none),
  /** A content script's URL may now show something to read: the background runs the site's
   * reader in that page (main frame only) and answers once it runs (utils/panel/wait-for-reader.ts). */
  'page.reader': message(z.object({ site: z.enum(READER_SITES) }), none),
  /** The panel asks what a tab shows; `fresh` reads the page again first (the rep pressed
   * "Add to customer record", so the preview shows the page as it is now). */
  'page.get': message(z.object({ tabId, fresh: z.boolean().default(false) }), tabViewSchema),
  /** The text the rep selected in a tab Highcard reads ("Add selection"), read only now. */
  'page.selection': message(z.object({ tabId }), z.object({ text: text(LIMITS.body * 10) })),
  /** A selection filed from the context menu or Alt+Shift+F waits for the panel: its id. */
  'clip.pending': message(none, z.object({ clipId: z.string().nullable() })),
} as const;

