import { useEffect, useState } from 'preact/hooks';
import { StatusNote } from '../../../components/StatusNote';
import { formatWhen } from '../../../utils/format';
import type { ReadFailure } from '../../../utils/messages';
import { failureReport, siteName } from '../../../utils/read-failures';
import { send } from '../../../utils/send';
import type { SectionProps } from './types';
import { useAction } from './use-action';

/** The last pages Highcard could not read, kept in this browser only, for a bug report. */
export function PageReadingSection(_props: SectionProps) {
  const [failures, setFailures] = useState<ReadFailure[] | null>(null);
  const { note, run } = useAction();
  useEffect(() => {
    void send('readFailures.list', {}).then((answer) => setFailures(answer.ok ? answer.data : []));
  }, []);

  const copy = () =>
    run(async () => {
      try {
        await navigator.clipboard.writeText(failureReport(failures ?? []));
        return { ok: true as const, data: null };
      } catch {
        return { ok: false as const, error: 'The browser did not let Highcard copy; select the list and copy it by hand.' };
      }
    }, 'Report copied. Paste it into your bug report.');

  return (
    <>
      <p class="hc-muted">
        When a page looks like a thread, profile or conversation but Highcard cannot read it, it notes which parts failed —
        never what the page says — here in this browser. Nothing of it is sent anywhere.
      </p>
      {failures === null ? <p role="status">Loading…</p> : null}
      {failures?.length === 0 ? <p>No page has failed to read.</p> : null}
      {failures && failures.length > 0 ? (
        <ul aria-label="Pages Highcard could not read">
          {failures.map((failure) => (
            <li key={`${failure.at}-${failure.site}`}>
              {formatWhen(failure.at, true)} · {siteName(failure.site)} {failure.pageKind} · could not read {failure.parts.join(', ')} ·
              Highcard {failure.extensionVersion}
            </li>
          ))}
        </ul>
      ) : null}
      <div class="row">
        <button type="button" disabled={!failures} onClick={() => void copy()}>
          Copy report
        </button>
      </div>
      <StatusNote note={note} />
    </>
  );
}
