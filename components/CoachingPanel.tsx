import { useId, useState } from 'preact/hooks';
import { COACHING_LIMITS, endDayRange, formatDay, orderPeriods } from '../utils/coaching';
import type { CoachingPeriod, Member } from '../utils/messages';
import { type Act, CoachingPeriodCard } from './CoachingPeriodCard';
import { handled } from '../utils/handled';

export interface OpenPeriodInput {
  employeeId: string;
  purpose: string;
  endsOn: string;
}

interface Props {
  userId: string;
  /** Managers and admins open periods; everyone sees the periods that are theirs. */
  canOpen: boolean;
  /** The organization's members, to choose whom a period is for (the user is left out). */
  members: readonly Member[];
  /** The user's periods in this organization; null while loading. */
  periods: readonly CoachingPeriod[] | null;
  error: string | null;
  now?: Date;
  onRetry: () => void;
  onOpen: Act<[input: OpenPeriodInput]>;
  onAddNote: Act<[periodId: string, body: string]>;
  onEditNote: Act<[noteId: string, body: string]>;
  onEnd: Act<[periodId: string]>;
}

/** Settings → Coaching: the pact's one exception for a person's own activity (rule 9). A
 * manager opens a period for one employee; the two of them write to each other while it is
 * open; nobody else sees it; 30 days after it ends it is deleted. */
export function CoachingPanel(props: Props) {
  const { userId, canOpen, periods, error, now = new Date(), onRetry } = props;
  const ordered = orderPeriods(periods ?? [], now);
  const opened = ordered.filter((period) => period.manager_id === userId);
  const forMe = ordered.filter((period) => period.employee_id === userId);
  const card = (period: CoachingPeriod) => (
    <li key={period.id}>
      <CoachingPeriodCard period={period} userId={userId} now={now} onAddNote={props.onAddNote} onEditNote={props.onEditNote} onEnd={props.onEnd} />
    </li>
  );

  return (
    <div class="hc-stack">
      <p class="hc-muted">
        A coaching period is a private conversation in writing between a manager and one colleague, for a limited
        time (at most {COACHING_LIMITS.maxDays} days), for training. Only the two of you see it — not other managers, not
        admins. It is text only: nothing in it is counted or scored. {COACHING_LIMITS.keepDaysAfterEnd} days after it
        ends it is deleted with its notes.
      </p>
      {error ? (
        <div role="alert" class="hc-error">
          <p>{error}</p>
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : null}
      {canOpen ? <OpenPeriodForm members={props.members.filter((member) => member.user_id !== userId)} now={now} onOpen={props.onOpen} /> : null}
      {periods === null && !error ? <p>Loading your coaching periods…</p> : null}
      {periods !== null && !periods.length ? (
        <p class="hc-empty">
          {canOpen
            ? 'You have no coaching periods. Open one above when a colleague asks for help or needs it.'
            : 'Nobody has opened a coaching period with you. If a manager does, you will see it here and in the popup, with its purpose and end date.'}
        </p>
      ) : null}
      {opened.length ? (
        <section aria-label="Periods you opened">
          <h3>Periods you opened</h3>
          <ul class="hc-entries">{opened.map(card)}</ul>
        </section>
      ) : null}
      {forMe.length ? (
        <section aria-label="Periods for you">
          <h3>Periods for you</h3>
          <ul class="hc-entries">{forMe.map(card)}</ul>
        </section>
      ) : null}
    </div>
  );
}

function OpenPeriodForm({ members, now, onOpen }: { members: readonly Member[]; now: Date; onOpen: Act<[input: OpenPeriodInput]> }) {
  const range = endDayRange(now);
  const [employeeId, setEmployeeId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const ids = { member: useId(), purpose: useId(), ends: useId() };
  const chosen = members.find((member) => member.user_id === employeeId);

  return (
    <form
      class="hc-stack"
      aria-label="Open a coaching period"
      onSubmit={handled(async (event) => {
        event.preventDefault();
        setBusy(true);
        setOpened(null);
        const problem = await onOpen({ employeeId, purpose: purpose.trim(), endsOn });
        setBusy(false);
        setError(problem);
        if (problem === null) {
          setOpened(`Opened. ${chosen?.display_name ?? 'Your colleague'} sees it now, in Settings and in the popup.`);
          setEmployeeId('');
          setPurpose('');
          setEndsOn('');
        }
      })}
    >
      <h3>Open a coaching period</h3>
      <label for={ids.member}>With</label>
      <select id={ids.member} required value={employeeId} onChange={(event) => setEmployeeId(event.currentTarget.value)}>
        <option value="">Choose a colleague</option>
        {members.map((member) => (
          <option key={member.user_id} value={member.user_id}>
            {member.display_name}
            {member.department ? ` (${member.department})` : ''}
          </option>
        ))}
      </select>
      <label for={ids.purpose}>Purpose</label>
      <textarea
        id={ids.purpose}
        rows={2}
        required
        maxLength={COACHING_LIMITS.purpose}
        value={purpose}
        onInput={(event) => setPurpose(event.currentTarget.value)}
      />
      <label for={ids.ends}>Last day</label>
      <input id={ids.ends} type="date" required min={range.min} max={range.max} value={endsOn} onInput={(event) => setEndsOn(event.currentTarget.value)} />
      <p class="hc-muted">
        From tomorrow to {formatDay(range.max)}. {chosen ? `Only you and ${chosen.display_name} will see it.` : 'Only you and your colleague will see it.'}
      </p>
      <div class="hc-row">
        <button type="submit" disabled={busy || !employeeId || !purpose.trim() || !endsOn}>
          Open the period
        </button>
      </div>
      {error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
      {opened ? (
        <p role="status" class="hc-ok">
          {opened}
        </p>
      ) : null}
    </form>
  );
}
