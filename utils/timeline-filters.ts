// What an account's timeline is filtered by, and the query those filters make: shared by the
// panel's hook (utils/panel/use-timeline.ts) and the filters the timeline renders.
import { withOffset } from './format';
import type { TimelineCursor, TimelineQuery } from './messages';
import type { Kind, Signal } from './vocabulary';

export const TIMELINE_PAGE_SIZE = 20;

export interface TimelineFilters {
  signal: Signal | '';
  kind: Kind | '';
  /** Days from <input type="date">, both inclusive. */
  from: string;
  to: string;
}

export const NO_FILTERS: TimelineFilters = { signal: '', kind: '', from: '', to: '' };

/** The start of a calendar day in the reader's zone, as ISO 8601 with its offset. */
export function startOfDay(day: string, plusDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return withOffset(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays));
}

export function timelineQuery(accountId: string, filters: TimelineFilters, after: TimelineCursor | null): TimelineQuery {
  return {
    accountId,
    signal: filters.signal || null,
    kind: filters.kind || null,
    from: startOfDay(filters.from),
    // "To" is inclusive for people, exclusive for the query: the start of the next day.
    to: startOfDay(filters.to, 1),
    after,
    limit: TIMELINE_PAGE_SIZE,
  };
}

