// The sidebar beside a page (handlers/sidebar.ts).
import { z } from 'zod';
import { LIMITS } from '../limits';
import { id, message, none } from './shared';

export const SIDEBAR_SITES = ['gmail', 'linkedin', 'outlook'] as const;
export type SidebarSite = (typeof SIDEBAR_SITES)[number];
/** Whether the rep hid the sidebar, per site (remembered across reloads). */
export const sidebarPrefsSchema = z.object({
  hidden: z.partialRecord(z.enum(SIDEBAR_SITES), z.boolean()),
});
export type SidebarPrefs = z.infer<typeof sidebarPrefsSchema>;

export const sidebarMessages = {
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
} as const;
