// The earlier versions of an edited entry, asked of the background: the one way the side
// panel and Insights read them, handed to TimelineItem as a prop.
import type { Result, Revision } from './messages';
import { send } from './send';

export function loadEntryRevisions(entryId: string): Promise<Result<Revision[]>> {
  return send('entry.revisions', { id: entryId });
}
