// "What is open with them" from the panel's lookup answer: the open steps of the matched
// accounts, each with the words it came from when that entry is among the latest ones shown.
import { excerpt } from '../format';
import type { LookupResult, OpenStep } from '../messages';

const WORDS_MAX = 160;

export function openStepsFrom(result: LookupResult | null, accountId: string | null = null): OpenStep[] {
  if (!result?.open_steps) return [];
  const words = new Map(result.entries.map((entry) => [entry.id, (entry.body ?? '').trim() || entry.title]));
  return result.open_steps
    .filter((step) => accountId === null || step.account_id === accountId)
    .map((step) => {
      const said = step.source_interaction_id ? words.get(step.source_interaction_id) : undefined;
      return {
        id: step.id,
        account_id: step.account_id,
        side: step.side,
        body: step.body,
        due_on: step.due_on,
        contact_name: step.contact_name,
        taken_by_display_name: step.taken_by_display_name,
        source_excerpt: said ? excerpt(said, WORDS_MAX).text : null,
      };
    });
}
