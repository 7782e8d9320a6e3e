import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ROUTE_NOTE_MAX, type RouteRecipients, type RouteTarget, type RoutingActions } from '../utils/for-you';
import { handled } from '../utils/handled';

export type { RoutingActions } from '../utils/for-you';

type Load = { kind: 'loading' } | { kind: 'ok'; recipients: RouteRecipients } | { kind: 'error'; message: string };

const DEPARTMENT = 'department:';
const PERSON = 'person:';

function targetOf(choice: string): RouteTarget | null {
  if (choice.startsWith(DEPARTMENT)) return { toDepartment: choice.slice(DEPARTMENT.length) };
  if (choice.startsWith(PERSON)) return { toUser: choice.slice(PERSON.length) };
  return null;
}

function nameOf(choice: string, recipients: RouteRecipients): string {
  const target = targetOf(choice);
  if (!target) return '';
  if ('toDepartment' in target) return target.toDepartment;
  return recipients.people.find((person) => person.user_id === target.toUser)?.display_name ?? 'your colleague';
}

/** "Bring to a colleague": choose a person or a department, add a note, send. The entry stays
 * where it is; the recipients find it in their For you. Nobody is told who read it. */
export function BringToColleague({ entryId, entryTitle, actions = null }: {
  entryId: string;
  entryTitle: string;
  /** The page's two handlers (utils/route-actions.ts; a fake in tests). Without them the
   * control is not shown. */
  actions?: RoutingActions | null;
}) {
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const ids = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open || !actions) return;
    let live = true;
    setLoad({ kind: 'loading' });
    void actions.recipients().then((result) => {
      if (!live) return;
      setLoad(result.ok ? { kind: 'ok', recipients: result.data } : { kind: 'error', message: result.error });
    });
    return () => {
      live = false;
    };
  }, [open, actions]);

  if (!actions) return null;

  const close = () => {
    setOpen(false);
    setError(null);
    toggle.current?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const target = targetOf(choice);
    if (!target || load.kind !== 'ok') {
      setError('Choose a colleague or a department.');
      return;
    }
    setSending(true);
    setError(null);
    const result = await actions.bring({ interactionId: entryId, target, note: note.trim() || null });
    setSending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setSent(nameOf(choice, load.recipients));
    setChoice('');
    setNote('');
    setOpen(false);
  };

  return (
    <div class="hc-route">
      <button
        ref={toggle}
        type="button"
        class="hc-link"
        aria-expanded={open}
        aria-controls={open ? `${ids}-form` : undefined}
        onClick={() => {
          setSent(null);
          if (open) close();
          else setOpen(true);
        }}
      >
        Bring to a colleague
      </button>
      {sent ? (
        <p role="status" class="hc-muted">
          Brought to {sent}. It waits in their For you; Highcard never tells anyone who read it.
        </p>
      ) : null}
      {open ? (
        <form id={`${ids}-form`} class="hc-route__form hc-stack" aria-label={`Bring “${entryTitle}” to a colleague`} onSubmit={handled(submit)}>
          {load.kind === 'loading' ? <p role="status">Loading your colleagues…</p> : null}
          {load.kind === 'error' ? (
            <p role="alert" class="hc-error">
              {load.message}
            </p>
          ) : null}
          {load.kind === 'ok' && !load.recipients.people.length ? (
            <p class="hc-muted">Nobody else is in your organization yet. Invite colleagues from Highcard’s settings.</p>
          ) : null}
          {load.kind === 'ok' && load.recipients.people.length ? (
            <>
              <label for={`${ids}-to`}>To</label>
              <select id={`${ids}-to`} value={choice} required onChange={(event) => setChoice(event.currentTarget.value)}>
                <option value="">Choose a colleague or a department</option>
                {load.recipients.departments.length ? (
                  <optgroup label="Departments">
                    {load.recipients.departments.map((department) => (
                      <option key={department} value={`${DEPARTMENT}${department}`}>
                        {department} (everyone in it)
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                <optgroup label="People">
                  {load.recipients.people.map((person) => (
                    <option key={person.user_id} value={`${PERSON}${person.user_id}`}>
                      {person.display_name}
                      {person.department ? ` (${person.department})` : ''}
                    </option>
                  ))}
                </optgroup>
              </select>
              <label for={`${ids}-note`}>Note (optional)</label>
              <textarea
                id={`${ids}-note`}
                rows={2}
                maxLength={ROUTE_NOTE_MAX}
                value={note}
                placeholder="Why they should see it"
                onInput={(event) => setNote(event.currentTarget.value)}
              />
              {error ? (
                <p role="alert" class="hc-error">
                  {error}
                </p>
              ) : null}
              <div class="hc-row">
                <button type="submit" disabled={sending}>
                  {sending ? 'Sending…' : 'Send'}
                </button>
                <button type="button" onClick={close}>
                  Cancel
                </button>
              </div>
            </>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
