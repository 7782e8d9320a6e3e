import { ageText } from '../utils/insights';

const WORDS = {
  account: { kept: 'As of', offline: 'what Highcard saw' },
  entries: { kept: 'Entries as of', offline: 'the entries Highcard saw' },
};

/** How old a kept answer is, said once above it: "As of 12 minutes ago", or, when the server
 * could not be reached, "You're offline — showing what Highcard saw 12 minutes ago". Nothing
 * for a fresh answer. */
export function KeptAge({ cachedAt, offline, about = 'account' }: { cachedAt: string | null; offline: boolean; about?: keyof typeof WORDS }) {
  if (!cachedAt) return null;
  const age = ageText(cachedAt);
  const words = WORDS[about];
  return (
    <p role="status" class="hc-muted" data-state={offline ? 'offline' : 'kept'}>
      {offline ? `You're offline — showing ${words.offline} ${age}` : `${words.kept} ${age}`}
    </p>
  );
}
