import { useState } from 'preact/hooks';
import { OpenWithCustomer } from '../../components/OpenWithCustomer';
import { PromiseForm } from '../../components/PromiseForm';
import { localDay } from '../../utils/due-dates';
import type { LookupResult, PageSource } from '../../utils/messages';
import type { PlanContact } from '../../utils/plan-actions';
import { sourceHolding } from '../../utils/panel/selection-source';
import { openStepsFrom } from '../../utils/panel/open-steps';
import { promiseSeed, type PromiseSeed } from '../../utils/panel/promise-seed';
import { filedEntryId, settlingSource } from '../../utils/panel/settle-by-filing';
import type { SettleNote } from '../../utils/panel/use-settle-by-filing';
import { send } from '../../utils/send';
import type { OpenStep } from '../../utils/messages';

interface Props {
  tabId: number;
  sources: readonly PageSource[];
  known: LookupResult | null;
  /** Asks the team's answer again (a promise was added: it shows in "Open with them"). */
  refresh: () => void;
  settle: { start: (step: OpenStep) => void; note: SettleNote; waiting: boolean };
}

interface Adding {
  id: string;
  seed: PromiseSeed;
  source: PageSource | null;
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
 * what the rep selected in one of the messages (or typed, with nothing selected). */
export function OpenWithCustomerSlot({ tabId, sources, known, refresh, settle }: Props) {
  const [adding, setAdding] = useState<Adding | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  if (!known) return null;
  const account = known.accounts.length === 1 ? known.accounts[0]! : null;
  const steps = openStepsFrom(known);

  const startAdding = async () => {
    setAdded(null);
    const selected = await send('page.selection', { tabId });
    const text = selected.ok ? selected.data.text : '';
    const source = text ? sourceHolding(sources, text, known) : null;
    const from = source && !('problem' in source.seed) ? { occurredAt: source.seed.occurredAt, mine: Boolean(source.mine) } : null;
    setAdding({ id: crypto.randomUUID(), seed: promiseSeed(text, from), source });
  };

  return (
    <section class="hc-section" aria-label="Plans and promises">
      <OpenWithCustomer steps={steps} today={localDay()} onSettle={settlingSource(sources) && !settle.waiting ? settle.start : undefined} />
      {settle.note ? (
        <p role={settle.note.kind === 'ok' ? 'status' : 'alert'} class={settle.note.kind === 'ok' ? 'hc-muted' : 'hc-error'}>
          {settle.note.text}
        </p>
      ) : null}
      {added ? (
        <p role="status" class="hc-muted">
          {added}
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
          onCancel={() => setAdding(null)}
          onSubmit={async (item) => {
            const result = await send('plan.add', {
              id: adding.id,
              accountId: account.id,
              kind: item.kind,
              side: item.side,
              body: item.body,
              dueOn: item.due_on,
              contactId: item.contact_id,
              take: item.take,
              sourceInteractionId: adding.source ? filedEntryId(adding.source, known) : null,
            });
            if (result.ok) {
              setAdding(null);
              setAdded(`Added to the plan with ${account.name}.`);
              refresh();
            }
            return result;
          }}
        />
      ) : null}
      {account && !adding ? (
        <button type="button" onClick={() => void startAdding()} title="Select a sentence in a message first, or write the promise yourself">
          Add as a promise
        </button>
      ) : null}
    </section>
  );
}
