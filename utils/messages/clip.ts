// Capture anywhere: clips of a selection, Outlook on the web, and the pages a panel could
// not read (handlers/clip.ts).
import { z } from 'zod';
import { LIMITS } from '../limits';
import { message, none } from './shared';

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

export const clipMessages = {
  /** A selection read from a tab (or handed in by a test): kept in memory, the clip window opens on it. */
  'clip.open': message(
    z.object({ selection: pageSelectionSchema, mode: z.enum(['clip', 'note']).default('clip') }),
    // null: nothing was selected, and the window says so.
    z.object({ clipId: z.string().nullable() }),
  ),
  /** The clip window asks for its selection; it is gone once filed or the browser closed. */
  'clip.get': message(z.object({ clipId: z.string().min(1).max(100) }), clipHandoffSchema),
  'clip.discard': message(z.object({ clipId: z.string().min(1).max(100) }), none),
  /** A panel that could not read its page says which parts failed; kept in this browser only. */
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
