// Settings → Import (handlers/import.ts): rows read from a CRM export in the page, sent in
// batches to import_records. The page parses; the background only relays.
import { z } from 'zod';
import { LIMITS } from '../limits';
import { id, message } from './shared';

const text = (max: number) => z.string().max(max).optional();

/** One row as import_records takes it; the database checks every value again. Lengths here
 * are generous (the file's own text): a too-long value is the database's reason to skip it. */
export const importRowSchema = z.object({
  account_name: text(LIMITS.sourceUrl),
  domain: text(LIMITS.sourceUrl),
  full_name: text(LIMITS.sourceUrl),
  email: text(LIMITS.sourceUrl),
  linkedin_url: text(LIMITS.sourceUrl),
  title: text(LIMITS.sourceUrl),
});

export const importSummarySchema = z.object({
  accounts_new: z.number().int().nonnegative(),
  accounts_matched: z.number().int().nonnegative(),
  contacts_new: z.number().int().nonnegative(),
  contacts_matched: z.number().int().nonnegative(),
  skipped: z.array(z.object({ row: z.number().int().nonnegative(), reason: z.string() })),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importMessages = {
  'import.records': message(
    z.object({ orgId: id, rows: z.array(importRowSchema).max(LIMITS.importRows), dryRun: z.boolean() }),
    importSummarySchema,
  ),
} as const;
