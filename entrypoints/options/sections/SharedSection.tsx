import { MyEntries } from '../../../components/MyEntries';
import type { SectionProps } from './types';
import { useMyEntries } from './use-my-entries';

/** "What I have shared": every entry the user filed, to edit, retract or take away. */
export function SharedSection(_props: SectionProps) {
  return <MyEntries {...useMyEntries()} />;
}
