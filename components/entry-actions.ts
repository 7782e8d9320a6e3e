import type { ComponentChildren } from 'preact';

/** The entry a row's controls act on, as plain data. */
export interface EntryRow {
  id: string;
  title: string;
  /** Null when the answer carries no author id: such a row gets no thanks control. */
  authorId: string | null;
  authorName: string | null;
  /** The row is the state of a filing, not the entry itself: it offers only "Bring to a
   * colleague". */
  filing?: boolean;
}

/** What the page puts under each entry row ("Bring to a colleague", "This helped me"). The
 * page builds it from its own hooks; a component that lists entries only calls it per row, so
 * no component here asks the background. Without it a row has no such controls. */
export type EntryActions = (entry: EntryRow) => ComponentChildren;
