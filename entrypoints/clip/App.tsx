// The clip window: the selection the rep chose on a page, shown as plain text, filed through
// the outbox like every other item once the rep has chosen the account and the customer.
import { useEffect, useState } from 'preact/hooks';
import { AccountSearch } from '../../components/AccountSearch';
import { ClipForm, type ContactsLoad } from '../../components/ClipForm';
import { ClipWindow, type ClipWindowState } from '../../components/ClipWindow';
import { clipCapture, type ClipDraft, type ClipHandoff } from '../../utils/clip';
import { openSettings } from '../../utils/open-page';
import { send } from '../../utils/send';

const params = new URLSearchParams(location.search);
const CLIP_ID = params.get('clip');
const SENT_POLL_MS = 1000;

export function App() {
  const [state, setState] = useState<ClipWindowState>({ kind: 'loading' });
  const [handoff, setHandoff] = useState<ClipHandoff | null>(null);
  const [draft, setDraft] = useState<ClipDraft | null>(null);
  const [contacts, setContacts] = useState<ContactsLoad>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    if (!CLIP_ID) {
      setState({ kind: 'error', message: 'Select the text you want to file first, then choose “File selection to customer record” again.' });
      return;
    }
    const [clip, session] = await Promise.all([send('clip.get', { clipId: CLIP_ID }), send('session.get', {})]);
    if (!clip.ok) return setState({ kind: 'gone' });
    if (!session.ok) return setState({ kind: 'error', message: session.error });
    if (!session.data.user) return setState({ kind: 'signed-out' });
    if (!session.data.activeOrgId) return setState({ kind: 'no-org' });
    setHandoff(clip.data);
    setDraft({
      id: crypto.randomUUID(),
      orgId: session.data.activeOrgId,
      title: clip.data.title,
      text: clip.data.text,
      account: null,
      customer: null,
      signals: [],
    });
    setState({ kind: 'ready' });
  };
  useEffect(() => void load(), []);
  // Signed in or joined in Settings meanwhile: the window picks it up when it is looked at again.
  useEffect(() => {
    const again = () => {
      if (document.visibilityState === 'visible') setState((now) => (now.kind === 'signed-out' || now.kind === 'no-org' ? (void load(), now) : now));
    };
    document.addEventListener('visibilitychange', again);
    return () => document.removeEventListener('visibilitychange', again);
  }, []);

  const accountId = draft?.account?.mode === 'existing' ? draft.account.id : null;
  useEffect(() => {
    if (!accountId) return setContacts({ kind: 'idle' });
    let current = true;
    setContacts({ kind: 'loading' });
    void send('merge.accountContacts', { accountId }).then((result) => {
      if (!current) return;
      setContacts(result.ok ? { kind: 'ok', contacts: result.data } : { kind: 'error', message: result.error });
    });
    return () => {
      current = false;
    };
  }, [accountId]);

  const submit = async () => {
    if (!draft || !handoff || !CLIP_ID) return;
    setBusy(true);
    setError(null);
    const filed = await send('capture.file', { capture: clipCapture(draft, handoff) });
    setBusy(false);
    if (!filed.ok) return setError(filed.error);
    const account = draft.account?.name ?? 'the record';
    setState({ kind: 'filed', sent: filed.data.status === 'sent', account });
    await send('clip.discard', { clipId: CLIP_ID });
    // "Filed · sending" until the outbox has it on the server (it keeps trying after the window closes).
    const timer = setInterval(async () => {
      const outbox = await send('outbox.list', {});
      const item = outbox.ok ? outbox.data.find((candidate) => candidate.id === draft.id) : undefined;
      if (!item || item.status === 'sent') {
        clearInterval(timer);
        setState({ kind: 'filed', sent: true, account });
      }
    }, SENT_POLL_MS);
  };

  const close = () => {
    if (CLIP_ID && state.kind !== 'filed') void send('clip.discard', { clipId: CLIP_ID });
    window.close();
  };

  return (
    <ClipWindow state={state} onOpenSettings={() => void openSettings('sign-in')} onClose={close}>
      {draft && handoff ? (
        <ClipForm
          handoff={handoff}
          draft={draft}
          contacts={contacts}
          accountSearch={
            <AccountSearch onOpen={(hit) => setDraft({ ...draft, account: { mode: 'existing', id: hit.account_id, name: hit.name }, customer: null })} />
          }
          busy={busy}
          error={error}
          onChange={setDraft}
          onSubmit={() => void submit()}
          onCancel={close}
        />
      ) : null}
    </ClipWindow>
  );
}
