import { OpenWithCustomer } from '../../components/OpenWithCustomer';
import { PromiseForm } from '../../components/PromiseForm';
import { localDay } from '../../utils/due-dates';
import type { LookupResult, OpenStep, PageSource } from '../../utils/messages';
import type { PlanContact } from '../../utils/plan-actions';
import { openStepsFrom } from '../../utils/panel/open-steps';
import { settlingSource } from '../../utils/panel/settle-by-filing';
import type { AddPromiseModel } from '../../utils/panel/use-add-promise';
import type { SettleNote } from '../../utils/panel/use-settle-by-filing';

interface Props {
  sources: readonly PageSource[];
  known: LookupResult | null;
  settle: { start: (step: OpenStep) => void; note: SettleNote; waiting: boolean };
  /** "Add as a promise" (use-add-promise.ts: its state outlives this part while the preview is open). */
  promise: AddPromiseModel;
}

function contactsOf(known: LookupResult, accountId: string): PlanContact[] {
  return known.contacts
    .filter((contact) => contact.account_id === accountId && contact.full_name)
    .map((contact) => ({ id: contact.id, full_name: contact.full_name! }));
}

/** The person a message is from, when the team knows them by that address. */
function contactOf(source: PageSource | null, known: LookupResult): string | null {
  if (!source || 'problem' in source.seed) return null;
  const email = source.seed.contacts[source.seed.contactIndex]?.email?.toLowerCase();
  return (email && known.contacts.find((contact) => String(contact.email ?? '').toLowerCase() === email)?.id) || null;
}

/** "This page" → what is open with this customer (pact rule 6), and "Add as a promise" for
 * what the rep selected in one of the messages (or typed, with nothing selected). A message
 * the team has not filed yet is filed first, through the usual preview, and carries the promise. */
export function OpenWithCustomerSlot({ sources, known, settle, promise }: Props) {
  if (!known) return null;
  const account = known.accounts.length === 1 ? known.accounts[0]! : null;
  const steps = openStepsFrom(known);
  const { adding, note } = promise;

  return (
    <section class="hc-section" aria-label="Plans and promises">
      <OpenWithCustomer steps={steps} today={localDay()} onSettle={settlingSource(sources) && !settle.waiting ? settle.start : undefined} />
      {settle.note ? (
        <p role={settle.note.kind === 'ok' ? 'status' : 'alert'} class={settle.note.kind === 'ok' ? 'hc-muted' : 'hc-error'}>
          {settle.note.text}
        </p>
      ) : null}
      {note ? (
        <p role={note.kind === 'ok' ? 'status' : 'alert'} class={note.kind === 'ok' ? 'hc-muted' : 'hc-error'}>
          {note.text}
        </p>
      ) : null}
      {account && adding ? (
        <PromiseForm
          key={adding.id}
          sentence={adding.seed.sentence}
          sideGuess={adding.seed.sideGuess}
          dueGuess={adding.seed.dueGuess}
          contacts={contactsOf(known, account.id)}
          contactGuess={contactOf(adding.source, known)}
          confirmed={adding.confirmed}
          onCancel={promise.cancel}
          onSubmit={(item) => promise.submit(account, item)}
        />
      ) : null}
      {account && !adding ? (
        <button type="button" onClick={() => void promise.start()} title="Select a sentence in a message first, or write the promise yourself">
          Add as a promise
        </button>
      ) : null}
    </section>
  );
}
