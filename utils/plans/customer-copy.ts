// "Copy for the customer": the open promises of both sides as plain text the rep can paste
// into a reply ("What we will do:" / "What you will do:"), with their dates. Nothing about
// who inside the team took what, no links, nothing settled.
import { bySoonestDue } from '../due-dates';
import type { PlanKind, PlanSide } from '../vocabulary';

/** What the copy needs of a plan item (account_plan's rows have all of it). */
export interface CopyableItem {
  kind: PlanKind;
  side: PlanSide | null;
  body: string;
  /** YYYY-MM-DD, or null. */
  due_on: string | null;
  settled_at: string | null;
}

const HEADINGS = {
  en: { ours: 'What we will do:', theirs: 'What you will do:', by: 'by' },
  de: { ours: 'Was wir tun werden:', theirs: 'Was Sie tun werden:', by: 'bis' },
} as const;

// A link in a promise could lead into someone's mailbox; the copy carries words only.
const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;

function plainWords(body: string): string {
  return body.replace(LINK, '').replace(/\s+/gu, ' ').trim();
}

/** "Monday, 7 December 2026" in the given language; a due date is a calendar day, so it is
 * formatted as that day wherever the rep is. */
export function formatDueDay(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(new Date(Date.UTC(year!, month! - 1, date!)));
}

/**
 * The open steps of both sides, ours first, each side soonest due first (undated last), as
 * plain text. `locale` chooses the headings (German for "de…", else English) and how dates
 * read. An empty string when nothing is open.
 */
export function customerCopy(items: readonly CopyableItem[], locale = 'en'): string {
  const words = locale.toLowerCase().startsWith('de') ? HEADINGS.de : HEADINGS.en;
  const sections: string[] = [];
  for (const side of ['ours', 'theirs'] as const) {
    const lines = items
      .filter((item) => item.kind === 'step' && item.side === side && item.settled_at === null)
      .map((item) => ({ ...item, body: plainWords(item.body) }))
      .filter((item) => item.body !== '')
      .sort(bySoonestDue)
      .map((item) => `- ${item.body}${item.due_on ? ` (${words.by} ${formatDueDay(item.due_on, locale)})` : ''}`);
    if (lines.length) sections.push([words[side], ...lines].join('\n'));
  }
  return sections.join('\n\n');
}
