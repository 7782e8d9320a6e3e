// Nothing is cut silently: the preview counts every field against its limit, says what is
// over, and refuses to file until it fits. The same limits the zod schemas and SQL use.
import { LIMITS } from '../limits';
import { composeBody, type Draft } from '../preview';

/** The rep's note is filed inside the text, so it is counted with it; on its own it is
 * kept short enough to stay a note. */
export const NOTE_LIMIT = LIMITS.note;

export type CheckedField = 'title' | 'body' | 'note';

export interface FieldCount {
  field: CheckedField;
  used: number;
  limit: number;
}

export interface DraftCheck {
  counts: Record<CheckedField, FieldCount>;
  /** One sentence per problem, in the order of the form; empty when the draft may be filed. */
  problems: { field: CheckedField; message: string }[];
}

const over = (count: FieldCount) => count.used - count.limit;
const characters = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'character' : 'characters'}`;

export function checkDraft(draft: Draft): DraftCheck {
  const filedBody = composeBody(draft.body, draft.note);
  const counts: Record<CheckedField, FieldCount> = {
    title: { field: 'title', used: draft.title.trim().length, limit: LIMITS.title },
    // What is counted is what is sent: the text with the note under it.
    body: { field: 'body', used: filedBody.length, limit: LIMITS.body },
    note: { field: 'note', used: draft.note.trim().length, limit: NOTE_LIMIT },
  };
  const problems: DraftCheck['problems'] = [];
  if (!draft.title.trim()) problems.push({ field: 'title', message: 'The title is empty.' });
  else if (over(counts.title) > 0)
    problems.push({ field: 'title', message: `The title is ${characters(over(counts.title))} too long.` });
  if (!filedBody.trim()) {
    problems.push({
      field: 'body',
      message: draft.body.length ? 'The text is only spaces: write what the customer said.' : 'The text is empty: write what the customer said.',
    });
  } else if (over(counts.body) > 0) {
    const withNote = draft.note.trim() ? ' (with your note)' : '';
    problems.push({ field: 'body', message: `The text${withNote} is ${characters(over(counts.body))} too long.` });
  }
  if (over(counts.note) > 0)
    problems.push({ field: 'note', message: `Your note is ${characters(over(counts.note))} too long.` });
  return { counts, problems };
}
