import { DueList } from '../../components/DueList';
import { useDue } from '../../utils/panel/use-due';

/** For you → Due: the reader's steps and those on followed accounts, this week or overdue. */
export function DueSection({ openAccount }: { openAccount: (accountId: string) => void }) {
  const load = useDue();
  if (load.kind === 'loading') return <p role="status">Loading what is due…</p>;
  if (load.kind === 'error') {
    return (
      <p role="alert" class="hc-error">
        {load.message}
      </p>
    );
  }
  return <DueList steps={load.steps} today={load.today} onOpenAccount={openAccount} />;
}
