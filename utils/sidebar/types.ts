// What a site tells the sidebar about the page in view. The site views (site-views.ts) build
// these from the page's readers; the sidebar's hooks and components only ever see these.
import type { LookupResult } from '../messages';
import type { DraftSeed } from '../preview';

/** Something in view the rep can file: a Gmail message, a LinkedIn message or profile, a note. */
export interface SourceItem {
  /** The capture's source_ref (also how "already filed" is recognised). */
  key: string;
  label: string;
  detail: string | null;
  /** Reads the page again when the rep asks, so the preview shows the page as it is now;
   * or says, for the rep, why it cannot. */
  read: (known: LookupResult | null) => DraftSeed | { problem: string };
  /** The button's text when it is not the default. */
  actionLabel?: string;
  /** Why this item cannot be filed as it is now (e.g. a collapsed Gmail message), shown
   * next to it; its button is then not offered as ready. */
  notice?: string;
  /** Filed again and again (notes): each filing is a new entry, the button stays. */
  repeatable?: boolean;
}

/** The page in view, as the sidebar sees it. */
export interface SiteView {
  /** The page's identity: a new one resets the sidebar (another thread or person). */
  id: string;
  heading: string;
  /** fullName: the name of the person in view, so the team's namesakes can be offered
   * ("Is this Mia Schmidt?", utils/sidebar/use-same-person.ts). */
  lookup: {
    emails: string[];
    linkedinUrl: string | null;
    fullName?: string | null;
    /** The page does not show the user's own address: every address at the signed-in user's
     * domain is left out of the lookup (utils/sidebar/own-domain.ts). */
    ownAddressUnknown?: boolean;
  };
  /** What the empty state names: "acme-robotics.example", "Mia Schmidt". */
  subject: string;
  sources: SourceItem[];
  /** The context section's heading, when the site asks a sharper question. */
  contextHeading?: string;
  /** An extra way to file, e.g. a free-text note about a LinkedIn profile. */
  extraSources?: SourceItem[];
  /** The page looks like a thread, profile or conversation but could not be read: the sidebar
   * says so and offers the ways that always work (file a selection, write a note). `parts`
   * names what failed (selector names, never page content) for the local failure record. */
  unreadable?: { pageKind: 'thread' | 'profile' | 'conversation'; parts: string[] };
}
