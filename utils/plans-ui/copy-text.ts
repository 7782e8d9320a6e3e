// "Copy for the customer": the open promises both ways, as plain text the rep pastes into a
// reply and edits. Written to the customer, so "we" is the rep's team and "you" the customer.
import { formatDay } from '../due-dates';
import type { PlanItem } from '../messages';

export function promisesForCustomer(items: readonly PlanItem[]): string {
  const open = items.filter((item) => item.kind === 'step' && !item.settled_at);
  const line = (item: PlanItem) => `- ${item.body}${item.due_on ? ` (by ${formatDay(item.due_on)})` : ''}`;
  const ours = open.filter((item) => item.side === 'ours').map(line);
  const theirs = open.filter((item) => item.side === 'theirs').map(line);
  return [
    ...(ours.length ? ['What we will do:', ...ours] : []),
    ...(ours.length && theirs.length ? [''] : []),
    ...(theirs.length ? ['What you said you would do:', ...theirs] : []),
  ].join('\n');
}
