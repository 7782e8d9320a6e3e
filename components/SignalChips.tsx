import { SIGNALS, SIGNAL_LABELS, type Signal } from '../utils/vocabulary';

interface Props {
  selected: readonly Signal[];
  onChange: (signals: Signal[]) => void;
  /** Suggested but not chosen (e.g. job change when the company differs). */
  suggested?: readonly Signal[];
}

/** The fixed vocabulary of customer signals as toggle buttons (aria-pressed). */
export function SignalChips({ selected, onChange, suggested = [] }: Props) {
  const toggle = (signal: Signal) =>
    onChange(selected.includes(signal) ? selected.filter((s) => s !== signal) : [...selected, signal]);
  return (
    <div class="hc-chips" role="group" aria-label="Customer signals">
      {SIGNALS.map((signal) => (
        <button
          key={signal}
          type="button"
          class={`hc-chip${suggested.includes(signal) && !selected.includes(signal) ? ' hc-chip--suggested' : ''}`}
          aria-pressed={selected.includes(signal)}
          onClick={() => toggle(signal)}
        >
          {SIGNAL_LABELS[signal]}
          {suggested.includes(signal) && !selected.includes(signal) ? ' (suggested)' : ''}
        </button>
      ))}
    </div>
  );
}
