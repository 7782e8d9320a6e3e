import { useEffect, useState } from 'preact/hooks';
import { formatWhen } from '../utils/format';
import type { Result, Revision } from '../utils/messages';
import { signalLabel } from './labels';

/** Earlier versions of an edited entry, newest first: everyone who sees the entry sees them. */
export function RevisionHistory({ entryId, loadRevisions }: { entryId: string; loadRevisions: (entryId: string) => Promise<Result<Revision[]>> }) {
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'ok'; revisions: Revision[] } | { kind: 'error'; message: string }>(
    { kind: 'loading' },
  );
  useEffect(() => {
    let live = true;
    void loadRevisions(entryId).then((result) => {
      if (live) setState(result.ok ? { kind: 'ok', revisions: result.data } : { kind: 'error', message: result.error });
    });
    return () => {
      live = false;
    };
  }, [entryId, loadRevisions]);

  if (state.kind === 'loading') return <p role="status">Loading the earlier versions…</p>;
  if (state.kind === 'error') {
    return (
      <p role="alert" class="hc-error">
        {state.message}
      </p>
    );
  }
  if (!state.revisions.length) return <p class="hc-muted">No earlier versions are kept for this entry.</p>;
  return (
    <ol class="hc-revisions" aria-label="Earlier versions">
      {state.revisions.map((revision) => (
        <li key={revision.id}>
          <p class="hc-muted">Until {formatWhen(revision.edited_at, true)}</p>
          <p class="hc-entry__title">{revision.title}</p>
          {revision.body ? <p class="hc-entry__body">{revision.body}</p> : null}
          {revision.signals.length ? <p class="hc-muted">{revision.signals.map(signalLabel).join(' · ')}</p> : null}
        </li>
      ))}
    </ol>
  );
}
