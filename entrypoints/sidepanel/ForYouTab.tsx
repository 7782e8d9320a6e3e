import { ForYouPanel } from '../../components/ForYouPanel';
import { KeptAge } from '../../components/KeptAge';
import { useForYouList } from '../../utils/panel/use-for-you-list';
import { DueSection } from './DueSection';
import type { PanelProps } from './types';

/** For you: what colleagues brought to me or my department, and what is new on the accounts
 * I follow. It paints at once from the list kept in this browser, with its age, then the
 * server's; seeing it on screen counts as looking (kept in this browser only). */
export function ForYouTab({ openAccount }: PanelProps) {
  const { state, reload, dismiss, clear, seenRef } = useForYouList();
  return (
    <>
      {state.kind === 'ok' ? <KeptAge cachedAt={state.cachedAt} offline={state.offline} /> : null}
      <div ref={(element) => void (seenRef.current = element)}>
        <ForYouPanel state={state} onOpen={openAccount} onDismiss={dismiss} onClear={clear} onRetry={reload} />
      </div>
      <DueSection openAccount={openAccount} />
    </>
  );
}
