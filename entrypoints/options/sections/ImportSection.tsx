import { useState } from 'preact/hooks';
import { ImportMapping } from '../../../components/ImportMapping';
import { ImportProgress } from '../../../components/ImportProgress';
import { ImportSummaryView, type SkippedLine } from '../../../components/ImportSummaryView';
import { StatusNote } from '../../../components/StatusNote';
import { isFullyRecognised, mappingProblems, recogniseColumns, type ColumnMapping } from '../../../utils/import/columns';
import { parseInBatches } from '../../../utils/import/parse';
import { toImportRow, type ImportRow } from '../../../utils/import/rows';
import type { ImportSummary } from '../../../utils/messages';
import { send } from '../../../utils/send';
import type { SectionProps } from './types';

/** What the whole file came to, batch by batch; skipped rows by their line in the file. */
export interface FileSummary extends Omit<ImportSummary, 'skipped'> {
  skipped: SkippedLine[];
}

type Step =
  | { kind: 'choose' }
  | { kind: 'map'; file: File; headers: string[]; mapping: ColumnMapping }
  | { kind: 'running'; file: File; headers: string[]; mapping: ColumnMapping; dryRun: boolean; done: number; total: number | null }
  | { kind: 'checked'; file: File; headers: string[]; mapping: ColumnMapping; summary: FileSummary; preview: ImportRow[]; lines: number }
  | { kind: 'imported'; summary: FileSummary; lines: number };

const PREVIEW_ROWS = 5;

/** Settings → Import (admins and managers): a CRM export, checked first, then imported in
 * batches. The file is read here, in the page, a piece at a time; only rows are sent. */
export function ImportSection({ session }: SectionProps) {
  const active = session.organizations.find((org) => org.org_id === session.activeOrgId);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  if (!active) return null;
  if (active.role === 'member') {
    return <p>Admins and managers of {active.org_name} import accounts and contacts; ask one of them.</p>;
  }
  const orgId = active.org_id;

  const choose = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    let headers: string[] = [];
    try {
      await parseInBatches(file, { onHeader: (found) => ((headers = found), false), onBatch: async () => false });
    } catch (failure) {
      setError((failure as Error).message);
      return;
    }
    setStep({ kind: 'map', file, headers, mapping: recogniseColumns(headers) });
  };

  /** Reads the whole file and sends it batch by batch, as a dry run or for real. */
  const runFile = async (file: File, headers: string[], mapping: ColumnMapping, dryRun: boolean, total: number | null) => {
    setError(null);
    const summary: FileSummary = { accounts_new: 0, accounts_matched: 0, contacts_new: 0, contacts_matched: 0, skipped: [] };
    const preview: ImportRow[] = [];
    let done = 0;
    setStep({ kind: 'running', file, headers, mapping, dryRun, done, total });
    let failed: string | null = null;
    try {
      const read = await parseInBatches(file, {
        onBatch: async ({ rows, firstLine }) => {
          const batch = rows.map((values) => toImportRow(values, mapping));
          for (const row of batch) if (preview.length < PREVIEW_ROWS) preview.push(row);
          const answer = await send('import.records', { orgId, rows: batch, dryRun });
          if (!answer.ok) {
            failed = done ? `${answer.error} The first ${done} rows were ${dryRun ? 'checked' : 'imported'}; the rest were not.` : answer.error;
            return false;
          }
          summary.accounts_new += answer.data.accounts_new;
          summary.accounts_matched += answer.data.accounts_matched;
          summary.contacts_new += answer.data.contacts_new;
          summary.contacts_matched += answer.data.contacts_matched;
          for (const { row, reason } of answer.data.skipped) summary.skipped.push({ line: firstLine + row, reason });
          done += rows.length;
          setStep({ kind: 'running', file, headers, mapping, dryRun, done, total });
        },
      });
      if (failed) throw new Error(failed);
      if (dryRun) setStep({ kind: 'checked', file, headers, mapping, summary, preview, lines: read.lines });
      else setStep({ kind: 'imported', summary, lines: read.lines });
    } catch (failure) {
      setError((failure as Error).message);
      setStep({ kind: 'map', file, headers, mapping });
    }
  };

  return (
    <div class="hc-stack">
      <p class="hc-muted">
        Bring in who your customers are from HubSpot, Salesforce or Pipedrive: export contacts or companies as CSV and choose
        the file. Companies are matched by domain, then by name; people by email, then LinkedIn profile. What Highcard already
        knows is never overwritten, no entry is created, and importing the same file again changes nothing.
      </p>
      {step.kind === 'choose' || step.kind === 'imported' ? (
        <label>
          CSV file
          <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        </label>
      ) : null}
      <StatusNote note={error ? { kind: 'error', text: error } : null} />

      {step.kind === 'map' || step.kind === 'checked' ? (
        <ImportMapping
          fileName={step.file.name}
          headers={step.headers}
          mapping={step.mapping}
          recognised={isFullyRecognised(recogniseColumns(step.headers))}
          problems={mappingProblems(step.mapping)}
          onChange={(mapping) => setStep({ kind: 'map', file: step.file, headers: step.headers, mapping })}
          onCheck={() => void runFile(step.file, step.headers, step.mapping, true, null)}
          onCancel={() => setStep({ kind: 'choose' })}
        />
      ) : null}

      {step.kind === 'running' ? (
        <ImportProgress label={step.dryRun ? 'Checking the file' : 'Importing'} done={step.done} total={step.total} />
      ) : null}

      {step.kind === 'checked' ? (
        <ImportSummaryView
          heading="What the import will do"
          summary={step.summary}
          lines={step.lines}
          preview={step.preview}
          dryRun
          onImport={() => void runFile(step.file, step.headers, step.mapping, false, step.lines)}
        />
      ) : null}

      {step.kind === 'imported' ? <ImportSummaryView heading="Imported" summary={step.summary} lines={step.lines} /> : null}
    </div>
  );
}
