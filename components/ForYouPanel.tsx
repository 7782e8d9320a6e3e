import { useState } from 'preact/hooks';
import { formatWhen } from '../utils/format';
import type { FollowedEntry, ForYou, ForYouRoute } from '../utils/messages';

type Outcome = { ok: true } | { ok: false; error: string };

interface Props {
  state: { kind: 'loading' } | { kind: 'ok'; data: ForYou } | { kind: 'error'; message: string };
  /** Opens the account's timeline at the entry; a route also hands over who sent it and why. */
  onOpen: (accountId: string, entryId: string, routed?: { from: string; note: string | null }) => void;
  /** Puts a route away for this reader only. */
  onDismiss: (routeId: string) => Promise<Outcome>;
  /** Clears entries on followed accounts from For you, in this browser only. */
  onClear: (entryIds: string[]) => Promise<Outcome>;
  onRetry: () => void;
}

/** For you: entries colleagues brought to me or my department, with who sent them and why,
 * and what was filed on the accounts I follow since I last looked; each list as it comes,
 * newest said first (the caller orders it). */
export function ForYouPanel({ state, onOpen, onDismiss, onClear, onRetry }: Props) {
  if (state.kind === 'loading') return <p role="status">Looking for what is waiting for you…</p>;
  if (state.kind === 'error') {
    return (
      <div role="alert" class="hc-state">
        <p>{state.message}</p>
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  const { routes, followed } = state.data;
  return (
    <section aria-labelledby="for-you-title" class="hc-for-you">
      <h2 id="for-you-title" class="hc-h2">
        For you
      </h2>
      {!routes.length && !followed.length ? (
        <p class="hc-empty">
          Nothing is waiting for you. When a colleague brings you an entry, or someone files on an account you follow, it shows here.
        </p>
      ) : null}
      {routes.length ? (
        <section aria-labelledby="for-you-routes">
          <h3 id="for-you-routes" class="hc-h3">
            Brought to you
          </h3>
          <ul class="hc-entries">
            {routes.map((route) => (
              <RouteItem key={route.route_id} route={route} onOpen={onOpen} onDismiss={onDismiss} />
            ))}
          </ul>
        </section>
      ) : null}
      {followed.length ? (
        <section aria-labelledby="for-you-followed">
          <h3 id="for-you-followed" class="hc-h3">
            New on accounts you follow
          </h3>
          <ClearAll ids={followed.map((entry) => entry.id)} onClear={onClear} />
          <ul class="hc-entries">
            {followed.map((entry) => (
              <FollowedItem key={entry.id} entry={entry} onOpen={onOpen} onClear={onClear} />
            ))}
          </ul>
        </section>
      ) : null}
      <p class="hc-muted">
        Only this browser knows what you follow, what you cleared and when you last looked. Dismissing tells nobody anything.
      </p>
    </section>
  );
}

function RouteItem({ route, onOpen, onDismiss }: { route: ForYouRoute; onOpen: Props['onOpen']; onDismiss: Props['onDismiss'] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dismiss = async () => {
    setBusy(true);
    setError(null);
    const result = await onDismiss(route.route_id);
    // On success the list no longer has this route; on failure it stays with the reason.
    setBusy(false);
    if (!result.ok) setError(result.error);
  };
  return (
    <li class="hc-entry">
      <article aria-label={route.title}>
        <h4 class="hc-entry__title">{route.title}</h4>
        <p class="hc-entry__meta">
          {route.account_name ?? 'No account'} · from {route.routed_by_display_name} · said{' '}
          <time dateTime={route.occurred_at ?? route.routed_at}>{formatWhen(route.occurred_at ?? route.routed_at, true)}</time>
        </p>
        {route.note ? <blockquote class="hc-entry__body">{route.note}</blockquote> : null}
        <div class="hc-row">
          {route.account_id ? (
            <button
              type="button"
              onClick={() => onOpen(route.account_id!, route.interaction_id, { from: route.routed_by_display_name, note: route.note })}
            >
              Open “{route.title}”
            </button>
          ) : null}
          <button type="button" class="hc-link" aria-label={`Dismiss “${route.title}”`} disabled={busy} onClick={() => void dismiss()}>
            Dismiss
          </button>
        </div>
        {error ? (
          <p role="alert" class="hc-error">
            {error}
          </p>
        ) : null}
      </article>
    </li>
  );
}

/** One action with its own busy state and the reason when it fails. */
function useOutcome() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<Outcome>) => {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) setError(result.error);
  };
  return { busy, error, run };
}

function Failure({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" class="hc-error">
      {error}
    </p>
  ) : null;
}

function ClearAll({ ids, onClear }: { ids: string[]; onClear: Props['onClear'] }) {
  const { busy, error, run } = useOutcome();
  return (
    <div class="hc-row">
      <button type="button" class="hc-link" disabled={busy} onClick={() => void run(() => onClear(ids))}>
        Clear all from accounts you follow
      </button>
      <Failure error={error} />
    </div>
  );
}

function FollowedItem({ entry, onOpen, onClear }: { entry: FollowedEntry; onOpen: Props['onOpen']; onClear: Props['onClear'] }) {
  const { busy, error, run } = useOutcome();
  return (
    <li class="hc-entry">
      <article aria-label={entry.title}>
        <h4 class="hc-entry__title">{entry.title}</h4>
        <p class="hc-entry__meta">
          {entry.account_name ?? 'An account you follow'} · filed by {entry.author_display_name ?? 'a former member'} · said{' '}
          <time dateTime={entry.occurred_at}>{formatWhen(entry.occurred_at, true)}</time>
        </p>
        <div class="hc-row">
          <button type="button" onClick={() => onOpen(entry.account_id, entry.id)}>
            Open “{entry.title}”
          </button>
          <button type="button" class="hc-link" aria-label={`Clear “${entry.title}”`} disabled={busy} onClick={() => void run(() => onClear([entry.id]))}>
            Clear
          </button>
        </div>
        <Failure error={error} />
      </article>
    </li>
  );
}
