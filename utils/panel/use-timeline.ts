// An account's timeline for the panel: its filters, its pages (the first one painted at once
// from the answer kept in this browser, then the server's), and, when opened from For you,
// the further pages needed to bring the routed entry into view.
import { useEffect, useRef, useState } from 'preact/hooks';
import { keptThenFresh } from '../kept-answer';
import { useKeysetPages, type KeysetPages, type PageSource } from '../keyset-pages';
import type { Responses, TimelineCursor, TimelineEntry } from '../messages';
import { send } from '../send';
import { NO_FILTERS, timelineQuery, type TimelineFilters } from '../timeline-filters';

/** For you opens the timeline at an entry: at most this many further pages are read to find it. */
const FOCUS_PAGES = 5;

export type TimelineData = KeysetPages<TimelineEntry, TimelineCursor> & {
  filters: TimelineFilters;
  setFilters: (filters: TimelineFilters) => void;
};

type Page = Responses['account.timeline'];

export function useTimeline(accountId: string, focusEntryId: string | null): TimelineData {
  const [filters, setFilters] = useState<TimelineFilters>(NO_FILTERS);
  // Further pages come from the server only; the first may come from this browser first.
  const source: PageSource<TimelineEntry, TimelineCursor> = (after, show, live) => {
    const query = timelineQuery(accountId, filters, after);
    if (after) return keptThenFresh<Page>(() => send('account.timeline', query), show, live);
    return keptThenFresh<Page>((prefer) => send('account.timeline', { ...query, prefer }), show, live);
  };
  const pages = useKeysetPages(source, [accountId, filters]);

  const pagesForFocus = useRef(0);
  useEffect(() => {
    if (!focusEntryId || pages.load.kind !== 'idle' || pages.entries.some((entry) => entry.id === focusEntryId)) return;
    if (pages.next && pagesForFocus.current < FOCUS_PAGES) {
      pagesForFocus.current += 1;
      void pages.more();
    }
  }, [focusEntryId, pages.entries, pages.load.kind]);

  return { ...pages, filters, setFilters };
}
