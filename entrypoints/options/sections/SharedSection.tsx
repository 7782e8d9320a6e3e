import { MyEntries } from '../../../components/MyEntries';
import { ThanksReceived } from '../../../components/ThanksReceived';
import { useEntryThanks } from '../../../utils/thanks';
import type { SectionProps } from './types';
import { useMyEntries } from './use-my-entries';

/** On an entry in "What I have shared": the thank-yous it received, each with its sender. */
export function OwnEntryThanks({ entryId }: { entryId: string }) {
  const { rows } = useEntryThanks(entryId);
  return rows ? <ThanksReceived thanks={rows} /> : null;
}

/** "What I have shared": every entry the user filed, to edit, retract or take away. */
export function SharedSection(_props: SectionProps) {
  return <MyEntries {...useMyEntries()} entryActions={(entry) => <OwnEntryThanks entryId={entry.id} />} />;
}
