import { formatDay, isOpen } from '../utils/coaching';
import type { CoachingPeriod } from '../utils/messages';

/** The panel's quiet notice that a manager opened a coaching period with the user, so that
 * nobody is surprised (pact rule 9): who, why, until when, and a link to it. */
export function CoachingNotice({ userId, periods, now = new Date(), onOpen }: {
  userId: string;
  periods: readonly CoachingPeriod[];
  now?: Date;
  onOpen: (periodId: string) => void;
}) {
  const mine = periods.filter((period) => period.employee_id === userId && isOpen(period, now));
  if (!mine.length) return null;
  return (
    <aside class="hc-banner hc-coaching-notice" aria-label="Coaching">
      {mine.map((period) => (
        <p key={period.id}>
          {period.manager_name ?? 'A manager'} opened a coaching period with you until {formatDay(period.ends_on)}: “
          {period.purpose}”. Only the two of you see it.{' '}
          <button type="button" class="hc-link" onClick={() => onOpen(period.id)}>
            Open coaching
          </button>
        </p>
      ))}
    </aside>
  );
}
