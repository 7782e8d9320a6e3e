import { useEffect, useState } from 'preact/hooks';
import { CoachingNotice } from '../../components/CoachingNotice';
import type { CoachingPeriod } from '../../utils/messages';
import { openSettings } from '../../utils/open-page';
import { send } from '../../utils/send';

/** The popup's quiet coaching notice for the employee (pact rule 9: never a surprise). It asks
 * for the user's own periods; anything that fails simply shows no notice. */
export function CoachingNoticeSlot({ orgId, userId }: { orgId: string; userId: string }) {
  const [periods, setPeriods] = useState<CoachingPeriod[]>([]);
  useEffect(() => {
    let live = true;
    void send('coaching.list', { orgId }).then((result) => {
      if (live) setPeriods(result.ok ? result.data : []);
    });
    return () => {
      live = false;
    };
  }, [orgId]);
  return <CoachingNotice userId={userId} periods={periods} onOpen={() => void openSettings('coaching')} />;
}
