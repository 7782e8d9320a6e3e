import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PlanItem } from '../utils/messages';
import { planBodyProblem, type PlanContact, type PlanEdit } from '../utils/plan-actions';
import { PlanBodyField } from './PlanBodyField';

/** The author's edit of an item's text, date and person; the previous text and date stay in
 * its history, which everyone who sees the plan can read. */
export function PlanEditForm({
  item,
  contacts,
  busy,
  error,
  onSave,
  onCancel,
}: {
  item: PlanItem;
  contacts: readonly PlanContact[];
  busy: boolean;
  error: string | null;
  onSave: (change: PlanEdit) => void;
  onCancel: () => void;
}) {
  const ids = useId();
  const [body, setBody] = useState(item.body);
  const [dueOn, setDueOn] = useState(item.due_on ?? '');
  const [noDate, setNoDate] = useState(false);
  const [contactId, setContactId] = useState(item.contact_id ?? '');
  const [touched, setTouched] = useState(false);
  const text = useRef<HTMLTextAreaElement>(null);
  useEffect(() => text.current?.focus(), []);
  // The item's own contact stays choosable even when the thread beside it names others.
  const people =
    item.contact_id && !contacts.some((contact) => contact.id === item.contact_id)
      ? [{ id: item.contact_id, full_name: item.contact_name ?? 'Someone at the customer' }, ...contacts]
      : contacts;

  return (
    <form
      class="hc-plan-form hc-stack"
      aria-label="Edit the item"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (planBodyProblem(body)) {
          text.current?.focus();
          return;
        }
        // The form says how the item should be: no date, or nobody, takes it off.
        onSave({ body: body.trim(), due_on: noDate ? null : dueOn || null, contact_id: contactId || null });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <PlanBodyField
        id={`${ids}-body`}
        label="Text"
        value={body}
        showProblem={touched}
        inputRef={text}
        onInput={(value) => {
          setBody(value);
          setTouched(true);
        }}
      />
      {item.kind === 'step' ? (
        <>
          <label for={`${ids}-due`}>Due date</label>
          <input
            id={`${ids}-due`}
            type="date"
            value={noDate ? '' : dueOn}
            disabled={noDate}
            onInput={(event) => setDueOn(event.currentTarget.value)}
          />
          <label class="hc-inline">
            <input type="checkbox" checked={noDate} onChange={(event) => setNoDate(event.currentTarget.checked)} />
            No due date
          </label>
        </>
      ) : null}
      <label for={`${ids}-contact`}>Who at the customer</label>
      <select id={`${ids}-contact`} value={contactId} onChange={(event) => setContactId(event.currentTarget.value)}>
        <option value="">No contact (nobody in particular)</option>
        {people.map((contact) => (
          <option key={contact.id} value={contact.id}>
            {contact.full_name}
          </option>
        ))}
      </select>
      {error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
      <div class="hc-row">
        <button type="submit" class="hc-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
