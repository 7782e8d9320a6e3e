// "What I have shared" for Settings: the user's own entries, and their edits and retractions,
// each followed by a fresh read. The MyEntries component only draws them.
import { useEffect, useState } from 'preact/hooks';
import type { MyEntriesData } from '../../../components/MyEntries';
import type { MyEntry } from '../../../utils/messages';
import { send } from '../../../utils/send';

export function useMyEntries(): MyEntriesData {
  const [entries, setEntries] = useState<MyEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const result = await send('mine.list', {});
    if (result.ok) {
      setEntries(result.data);
      setError(null);
    } else setError(result.error);
  };
  useEffect(() => void load(), []);

  return {
    entries,
    error,
    reload: load,
    update: async (id, text) => {
      const result = await send('entry.update', { id, ...text });
      if (!result.ok) return result.error;
      await load();
      return null;
    },
    retract: async (id) => {
      const result = await send('entry.retract', { id });
      if (!result.ok) return result.error;
      await load();
      return null;
    },
  };
}
