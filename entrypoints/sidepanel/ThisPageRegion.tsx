import { useEffect } from 'preact/hooks';
import { ThisPage } from '../../components/ThisPage';
import type { ErrorKind } from '../../utils/errors';
import type { SessionState } from '../../utils/messages';
import { tabViewProblem } from '../../utils/panel/states';
import { useOnline } from '../../utils/panel/use-online';
import { useFollowedTab } from '../../utils/panel/use-followed-tab';
import { usePendingClip } from '../../utils/panel/use-pending-clip';
import { useTabView } from '../../utils/panel/use-tab-view';
import { useThisPage } from '../../utils/panel/use-this-page';
import type { SiteView } from '../../utils/panel/types';
import { useAddPromise } from '../../utils/panel/use-add-promise';
import { useSettleByFiling } from '../../utils/panel/use-settle-by-filing';
import { entryControls } from './EntryControls';
import { OpenWithCustomerSlot } from './OpenWithCustomerSlot';
import { PendingSelection } from './PendingSelection';

/** The region "This page": the tab beside the panel (or the one `?tab=` pins), as its content
 * script reported it, and a selection waiting to be filed. */
export function ThisPageRegion({ session, onMatched }: { session: SessionState; onMatched: (accountId: string | null) => void }) {
  const followed = useFollowedTab();
  const tab = useTabView(followed.tabId, followed.navigations);
  const clip = usePendingClip();
  const view = tab.state.status === 'ready' ? tab.state.tab.view : null;
  const ready = Boolean(session.user && session.activeOrgId);

  return (
    <section class="hc-region hc-region--page" aria-labelledby="this-page-title">
      <h2 id="this-page-title">This page</h2>
      {clip.pending && ready ? (
        <PendingSelection key={clip.pending.clipId} session={session} pending={clip.pending} onDismiss={() => void clip.dismiss()} onFiled={clip.done} />
      ) : null}
      {followed.closed ? (
        <p class="hc-muted" role="status">
          The tab this panel showed was closed.
        </p>
      ) : tab.state.status === 'loading' && followed.tabId !== null ? (
        <p class="hc-muted" role="status">
          Reading the page…
        </p>
      ) : tab.state.status === 'error' ? (
        <TabProblem kind={tab.state.kind} message={tab.state.message} retry={tab.retry} />
      ) : view && followed.tabId !== null ? (
        <PageView
          key={`${followed.tabId}|${view.id}`}
          tabId={followed.tabId}
          view={view}
          session={session}
          reread={async () => (await tab.reread())?.view ?? null}
          onMatched={onMatched}
        />
      ) : (
        <p class="hc-muted">
          Nothing to file on this page. Open a thread in Gmail, or a profile or conversation on LinkedIn, and it shows here. On any
          other page, select what the customer said and choose “File selection to customer record” (Alt+Shift+F).
        </p>
      )}
    </section>
  );
}

/** The tab could not be asked about: words and the one thing to do, chosen by the failure's kind. */
function TabProblem({ kind, message, retry }: { kind: ErrorKind; message: string; retry: () => void }) {
  const problem = tabViewProblem(kind, message, useOnline());
  return (
    <div class="hc-state" role="alert">
      <p>{problem.text}</p>
      {problem.action === 'reload' ? (
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      ) : problem.action === 'retry' ? (
        <button type="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

interface PageViewProps {
  tabId: number;
  view: SiteView;
  session: SessionState;
  reread: () => Promise<SiteView | null>;
  /** The one account the team's answer matched (null: none, or several): the record opens on it. */
  onMatched: (accountId: string | null) => void;
}

function PageView({ onMatched, ...props }: PageViewProps) {
  const model = useThisPage(props);
  const known = model.context.status === 'ready' ? model.context.result : null;
  const matched = known?.accounts.length === 1 ? known.accounts[0]!.id : null;
  useEffect(() => {
    if (known) onMatched(matched);
  }, [matched, Boolean(known)]);
  const sources = [...model.view.sources, ...(model.view.extraSources ?? [])];
  const settle = useSettleByFiling({
    sources,
    known,
    outbox: model.outbox,
    filedHere: model.filedHere,
    previewing: model.draft !== null,
    open: model.onOpen,
    refresh: model.onLookup,
  });
  const promise = useAddPromise({
    tabId: props.tabId,
    sources,
    known,
    outbox: model.outbox,
    filedHere: model.filedHere,
    previewing: model.draft !== null,
    open: model.onOpen,
    refresh: model.onLookup,
  });
  const plans = <OpenWithCustomerSlot sources={sources} known={known} settle={settle} promise={promise} />;
  return <ThisPage {...model} openWithCustomer={plans} entryActions={entryControls(model.session?.user?.id ?? null)} />;
}
