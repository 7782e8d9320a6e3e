import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusNote } from '../../../components/StatusNote';
import { OUTLOOK_MATCHES } from '../../../utils/capture/outlook/detect';
import type { OutlookStatus } from '../../../utils/messages';
import { send } from '../../../utils/send';
import type { SectionProps } from './types';
import { useAction } from './use-action';

/** Opt-in: the browser is asked for Outlook's three hosts only when the user switches it on. */
export function OutlookSection(_props: SectionProps) {
  const [status, setStatus] = useState<OutlookStatus | null>(null);
  const { busy, note, run } = useAction();
  useEffect(() => {
    void send('outlook.status', {}).then((answer) => answer.ok && setStatus(answer.data));
  }, []);
  const on = Boolean(status?.granted && status.registered);

  const change = async (enable: boolean) => {
    if (enable) {
      // Asked in the click itself: the browser shows its prompt only for a user's gesture.
      const granted = await browser.permissions.request({ origins: OUTLOOK_MATCHES });
      if (!granted) {
        await run(async () => ({ ok: false as const, error: 'The browser did not allow Highcard on Outlook on the web; nothing changed.' }));
        return;
      }
    }
    const next = await run(() => send(enable ? 'outlook.enable' : 'outlook.disable', {}), enable ? 'Highcard is on in Outlook on the web. Reload Outlook to see the sidebar.' : 'Highcard is off in Outlook on the web, and no longer allowed there.');
    if (next) setStatus(next);
  };

  return (
    <>
      <label class="hc-inline">
        <input type="checkbox" checked={on} disabled={busy || status === null} onChange={(e) => void change(e.currentTarget.checked)} />
        Use Highcard in Outlook on the web
      </label>
      <StatusNote note={note} />
      <p class="hc-muted">
        Asks your browser for outlook.office.com, outlook.office365.com and outlook.live.com when you switch it on, and
        gives them back when you switch it off. Then Outlook gets the same sidebar as Gmail: it reads the open message
        or conversation only, never your mailbox.
      </p>
    </>
  );
}
