// A selection (or a note) waiting to be filed, in the panel: shown as plain text, filed through
// the outbox like every other item once the rep has chosen the account and the customer.
import { useEffect, useState } from 'preact/hooks';
import { AccountSearchField } from './AccountSearchField';
import { ClipForm, type ContactsLoad } from '../../components/ClipForm';
import { clipCapture, type ClipDraft } from '../../utils/clip';
import type { SessionState } from '../../utils/messages';
import type { PendingClip } from '../../utils/panel/use-pending-clip';
import { send } from '../../utils/send';

interface Props {
  session: SessionState;
  pending: PendingClip;
  onDismiss: () => void;
  onFiled: () => void;
}

export function PendingSelection({ session, pending, onDismiss, onFiled }: Props) {
  const { handoff, clipId } = pending;
  const [draft, setDraft] = useState<ClipDraft>(() => ({
    id: crypto.randomUUID(),
    orgId: session.activeOrgId!,
    title: handoff.title,
    text: handoff.text,
    account: null,
    customer: null,
    signals: [],
  }));
  const [contacts, setContacts] = useState<ContactsLoad>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [filed, setFiled] = useState<string | null>(null);

  // The team has an account for the page's domain (support.acme.example is Acme's,
  // acme.example): suggest it, the rep can change it.
  useEffect(() => {
    const host = handoff.site.replace(/^www\./, '');
    const labels = host.split('.');
    if (labels.length < 2) return;
    let live = true;
    void send('accounts.search', { query: labels.slice(-2).join('.') }).then((found) => {
      const ours = (domain: string) => host === domain || host.endsWith(`.${domain}`);
      const hit = found.ok ? found.data.find((account) => (account.domains ?? []).some(ours)) : undefined;
      if (live && hit) setDraft((now) => (now.account ? now : { ...now, account: { mode: 'existing', id: hit.account_id, name: hit.name } }));
    });
    return () => {
      live = false;
    };
  }, [handoff.site]);

  const accountId = draft.account?.mode === 'existing' ? draft.account.id : null;
  useEffect(() => {
    if (!accountId) return setContacts({ kind: 'idle' });
    let live = true;
    setContacts({ kind: 'loading' });
    void send('merge.accountContacts', { accountId }).then((result) => {
      if (live) setContacts(result.ok ? { kind: 'ok', contacts: result.data } : { kind: 'error', message: result.error });
    });
    return () => {
      live = false;
    };
  }, [accountId]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const result = await send('capture.file', { capture: clipCapture(draft, handoff) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    await send('clip.discard', { clipId });
    setFiled(draft.account?.name ?? 'the record');
  };

  if (filed) {
    return (
      <div class="hc-clip hc-clip--filed" role="status">
        <p>Filed on {filed}. Until it reaches your team it shows under “Not yet sent”.</p>
        <button type="button" onClick={onFiled}>
          Done
        </button>
      </div>
    );
  }
  return (
    <div class="hc-clip">
      <ClipForm
        handoff={handoff}
        draft={draft}
        contacts={contacts}
        accountSearch={<AccountSearchField onOpen={(hit) => setDraft({ ...draft, account: { mode: 'existing', id: hit.account_id, name: hit.name }, customer: null })} />}
        busy={busy}
        error={error}
        onChange={setDraft}
        onSubmit={() => void submit()}
        onCancel={onDismiss}
      />
    </div>
  );
}
