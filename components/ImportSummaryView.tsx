import type { ImportRow } from '../utils/import/rows';

/** A row the server skipped, by its line in the file (the header is line 1). */
export interface SkippedLine {
  line: number;
  reason: string;
}

interface Counts {
  accounts_new: number;
  accounts_matched: number;
  contacts_new: number;
  contacts_matched: number;
  skipped: SkippedLine[];
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What an import will do (its dry run, with the first rows) or did, every skipped row included. */
export function ImportSummaryView({
  heading,
  summary,
  lines,
  preview,
  dryRun = false,
  onImport,
}: {
  heading: string;
  summary: Counts;
  lines: number;
  preview?: readonly ImportRow[];
  dryRun?: boolean;
  onImport?: () => void;
}) {
  const verb = dryRun ? 'will be' : 'were';
  return (
    <section class="hc-stack" aria-label={heading}>
      <h3>{heading}</h3>
      <ul>
        <li>
          Companies: {plural(summary.accounts_new, 'new', 'new')}, {plural(summary.accounts_matched, 'already known', 'already known')}
        </li>
        <li>
          People: {plural(summary.contacts_new, 'new', 'new')}, {plural(summary.contacts_matched, 'already known', 'already known')}
        </li>
        <li>
          {plural(lines, 'row', 'rows')} read; {plural(summary.skipped.length, 'row', 'rows')} {verb} skipped
        </li>
      </ul>
      {preview?.length ? (
        <table>
          <caption>The first rows as Highcard reads them</caption>
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Domain</th>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Job title</th>
            </tr>
          </thead>
          <tbody>
            {preview.map((row, index) => (
              <tr key={index}>
                <td>{row.account_name ?? ''}</td>
                <td>{row.domain ?? ''}</td>
                <td>{row.full_name ?? ''}</td>
                <td>{row.email ?? ''}</td>
                <td>{row.title ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {summary.skipped.length ? (
        <>
          <h4>Skipped rows</h4>
          <ul aria-label="Skipped rows">
            {summary.skipped.map(({ line, reason }) => (
              <li key={line}>
                Line {line}: {reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {onImport ? (
        <div class="hc-row">
          <button type="button" onClick={onImport}>
            Import {plural(lines - summary.skipped.length, 'row', 'rows')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
