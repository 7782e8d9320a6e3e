import { useId, useState } from 'preact/hooks';
import { formatWhen } from '../utils/format';
import { contactMoves, contactRows, likelyDuplicates } from '../utils/merge';
import { mergeQuestion, type MergeSide } from '../utils/merge-words';
import type { AccountContact } from '../utils/messages';
import { MergeDialog } from './MergeDialog';

interface Props {
  people: readonly AccountContact[];
  /** The account's domains: the same address at two of them is a likely duplicate. */
  domains: readonly string[];
  busy?: boolean;
  error?: string | null;
  onMerge: (keepId: string, mergeId: string) => void;
}

const personSide = (person: AccountContact): MergeSide => ({
  id: person.id,
  name: person.full_name,
  email: person.email,
  linkedin_url: person.linkedin_url,
  title: person.title,
});

type Step = { kind: 'none' } | { kind: 'choose'; mergeId: string } | { kind: 'confirm'; mergeId: string; keepId: string };

/** The people known at an account: name, email, LinkedIn, latest entry; likely duplicates
 * flagged; "Merge into…" shows both side by side and what will move before merging. */
export function AccountPeople({ people, domains, busy = false, error = null, onMerge }: Props) {
  const headingId = useId();
  const [step, setStep] = useState<Step>({ kind: 'none' });
  const duplicates = likelyDuplicates(people, domains);
  const byId = new Map(people.map((person) => [person.id, person]));
  const name = (id: string) => byId.get(id)?.full_name ?? '';

  const chooser = (merged: AccountContact) => {
    const twins = duplicates.get(merged.id) ?? [];
    const others = people.filter((p) => p.id !== merged.id).sort((a, b) => Number(twins.includes(b.id)) - Number(twins.includes(a.id)));
    return (
      <form
        class="hc-row"
        onSubmit={(event) => {
          event.preventDefault();
          const keepId = new FormData(event.currentTarget).get('keep');
          if (typeof keepId === 'string' && keepId) setStep({ kind: 'confirm', mergeId: merged.id, keepId });
        }}
      >
        <label>
          Merge {merged.full_name} into{' '}
          <select name="keep">
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.full_name}
                {p.email ? ` · ${p.email}` : p.linkedin_url ? ' · LinkedIn' : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Continue</button>
        <button type="button" onClick={() => setStep({ kind: 'none' })}>
          Cancel
        </button>
      </form>
    );
  };

  const keep = step.kind === 'confirm' ? byId.get(step.keepId) : undefined;
  const merged = step.kind === 'confirm' ? byId.get(step.mergeId) : undefined;

  return (
    <section aria-labelledby={headingId} class="hc-people">
      <h3 id={headingId} class="hc-h3">
        People
      </h3>
      {people.length === 0 ? <p class="hc-muted">Nobody is known at this account yet.</p> : null}
      <ul class="hc-people__list">
        {people.map((person) => {
          const twins = duplicates.get(person.id) ?? [];
          return (
            <li key={person.id} class="hc-people__person">
              <p>
                <strong>{person.full_name}</strong>
                {person.title ? `, ${person.title}` : ''}
              </p>
              <p class="hc-muted">
                {[person.email, ...person.further_emails].filter(Boolean).join(', ') || 'No email'}
                {' · '}
                {person.linkedin_url || person.further_linkedin_urls.length ? 'LinkedIn' : 'No LinkedIn'}
                {' · '}
                {person.last_entry_at ? `Latest entry ${formatWhen(person.last_entry_at)}` : 'No entries yet'}
              </p>
              {twins.length ? (
                <p class="hc-notice">Possibly the same person as {twins.map(name).join(', ')}</p>
              ) : null}
              {people.length > 1 ? (
                step.kind === 'choose' && step.mergeId === person.id ? (
                  chooser(person)
                ) : (
                  <button
                    type="button"
                    aria-label={`Merge ${person.full_name} into…`}
                    onClick={() => setStep({ kind: 'choose', mergeId: person.id })}
                  >
                    Merge into…
                  </button>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
      {keep && merged ? (
        <MergeDialog
          noun="person"
          keep={{ name: keep.full_name, rows: contactRows(keep) }}
          merge={{ name: merged.full_name, rows: contactRows(merged) }}
          question={mergeQuestion(personSide(keep), personSide(merged))}
          moves={contactMoves(merged)}
          busy={busy}
          error={error}
          onCancel={() => setStep({ kind: 'none' })}
          onConfirm={() => onMerge(keep.id, merged.id)}
        />
      ) : error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
