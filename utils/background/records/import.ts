// import_records: accounts and contacts from a CRM export, a batch at a time.
import { importSummarySchema, type ImportSummary } from '../../messages';
import type { ImportRow } from '../../import/rows';
import type { Client } from '../supabase';
import { answered } from './answer';

export async function importRecords(client: Client, orgId: string, rows: ImportRow[], dryRun: boolean): Promise<ImportSummary> {
  const answer = await client.rpc('import_records', { org_id: orgId, rows: rows as never, dry_run: dryRun });
  return importSummarySchema.parse(answered(answer));
}
