import { useEffect, useState } from 'preact/hooks';
import { CoachingPanel } from '../../../components/CoachingPanel';
import type { CoachingPeriod, Member } from '../../../utils/messages';
import { send } from '../../../utils/send';
import type { SectionProps } from './types';

/** Settings → Coaching (pact rule 9). Opening it first deletes whatever is due (periods that
 * ended 30 days ago), then shows the user's own periods in the active organization. */
export function CoachingSection({ session }: SectionProps) {
  const active = session.organizations.find((org) => org.org_id === session.activeOrgId);
  const userId = session.user?.id;
  const orgId = active?.org_id;
  const canOpen = active?.role === 'manager' || active?.role === 'admin';
  const [periods, setPeriods] = useState<CoachingPeriod[] | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    if (!orgId) return;
    setError(null);
    const listed = await send('coaching.list', { orgId });
    if (listed.ok) setPeriods(listed.data);
    else setError(listed.error);
  };

  useEffect(() => {
    if (!orgId) return;
    setPeriods(null);
    void (async () => {
      // Purging is housekeeping: if it fails the list still shows, and the next visit retries.
      await send('coaching.purge', {});
      await load();
    })();
    if (canOpen) void send('org.members', { orgId }).then((result) => setMembers(result.ok ? result.data : []));
  }, [orgId, canOpen]);

  if (!active || !userId || !orgId) return null;

  /** Runs an action, reloads the periods when it worked, and hands back the refusal if not. */
  const act = async (action: () => ReturnType<typeof send<'coaching.end'>>): Promise<string | null> => {
    const result = await action();
    if (!result.ok) return result.error;
    await load();
    return null;
  };

  return (
    <CoachingPanel
      userId={userId}
      canOpen={canOpen}
      members={members}
      periods={periods}
      error={error}
      onRetry={() => void load()}
      onOpen={(input) => act(() => send('coaching.open', { orgId, ...input }))}
      onAddNote={(periodId, body) => act(() => send('coaching.addNote', { periodId, body }))}
      onEditNote={(noteId, body) => act(() => send('coaching.editNote', { noteId, body }))}
      onEnd={(periodId) => act(() => send('coaching.end', { periodId }))}
    />
  );
}
