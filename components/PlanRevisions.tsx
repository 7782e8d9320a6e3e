import { useEffect, useState } from 'preact/hooks';
import { formatDay } from '../utils/due-dates';
import { formatWhen } from '../utils/format';
import type { PlanRevision, Result } from '../utils/messages';

type State = { kind: 'loading' } | { kind: 'ok'; revisions: PlanRevision[] } | { kind: 'error'; message: string };

/** Earlier versions of a plan item's text and date, newest first: everyone who sees the plan
 * sees them, as with entries. */
export function PlanRevisions({ load }: { load: () => Promise<Result<PlanRevision[]>> }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    void load().then((result) => {
      if (live) setState(result.ok ? { kind: 'ok', revisions: result.data } : { kind: 'error', message: result.error });
    });
    return () => {
      live = false;
    };
    // Loaded once per opening; the item's row remounts this when it is opened again.
  }, []);

  if (state.kind === 'loading') return <p role="status">Loading the earlier versions…</p>;
  if (state.kind === 'error') {
    return (
      <p role="alert" class="hc-error">
        {state.message}
      </p>
    );
  }
  if (!state.revisions.length) return <p class="hc-muted">No earlier versions are kept for this item.</p>;
  return (
    <ol class="hc-revisions" aria-label="Earlier versions">
      {state.revisions.map((revision) => (
        <li key={revision.id}>
          <p class="hc-muted">Until {formatWhen(revision.edited_at, true)}</p>
          <p>{revision.body}</p>
          {revision.due_on ? <p class="hc-muted">Was due {formatDay(revision.due_on)}</p> : null}
        </li>
      ))}
    </ol>
  );
}
