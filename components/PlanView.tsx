import { bySoonestDue } from '../utils/due-dates';
import type { PlanItem } from '../utils/messages';
import type { PlanActions, PlanContact } from '../utils/plan-actions';
import { PLAN_SECTION_LABELS } from './labels';
import { PlanCopyButton } from './PlanCopyButton';
import { PlanItemRow } from './PlanItemRow';
import { PlanSettledRow } from './PlanSettledRow';

type Section = keyof typeof PLAN_SECTION_LABELS;

function sectionOf(item: PlanItem): Section {
  if (item.kind === 'step') return item.side === 'theirs' ? 'theirs' : 'ours';
  return item.kind;
}

const ORDER: readonly Section[] = ['goal', 'ours', 'theirs', 'risk', 'question'];

/** An account's plan (pact rule 13): what the customer wants, what each side promised and
 * when, what could go wrong and what is still open to ask, each beside the customer's words.
 * Settled items fold away below. Nothing here is counted, scored or listed per person. */
export function PlanView({
  accountName,
  items,
  contacts,
  today,
  actions,
}: {
  accountName: string;
  items: readonly PlanItem[];
  /** The account's people, for the author's edit of who at the customer. */
  contacts: readonly PlanContact[];
  /** YYYY-MM-DD in the reader's calendar. */
  today: string;
  actions: PlanActions;
}) {
  const open = items.filter((item) => !item.settled_at);
  const settled = items.filter((item) => item.settled_at).sort((a, b) => (a.settled_at! < b.settled_at! ? 1 : -1));
  const sections = ORDER.map((section) => ({
    section,
    items: open.filter((item) => sectionOf(item) === section).sort(bySoonestDue),
  })).filter(({ items }) => items.length);
  const hasOpenSteps = open.some((item) => item.kind === 'step');

  return (
    <section class="hc-plan hc-stack" aria-label={`Plan with ${accountName}`}>
      {!open.length ? <p class="hc-muted">Nothing is open in the plan with {accountName}.</p> : null}
      {sections.map(({ section, items }) => (
        <section key={section} class="hc-plan__section" aria-label={PLAN_SECTION_LABELS[section]}>
          <h4>{PLAN_SECTION_LABELS[section]}</h4>
          <ul class="hc-plan__items">
            {items.map((item) => (
              <PlanItemRow key={item.id} item={item} today={today} contacts={contacts} actions={actions} />
            ))}
          </ul>
        </section>
      ))}
      {hasOpenSteps ? <PlanCopyButton copy={actions.copyForCustomer} /> : null}
      {settled.length ? (
        <details class="hc-plan__settled">
          <summary>Settled</summary>
          <ul class="hc-plan__items">
            {settled.map((item) => (
              <PlanSettledRow key={item.id} item={item} actions={actions} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
