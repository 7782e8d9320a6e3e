// One customer, one record: the merges of an account, shown as lines between its timeline's
// entries, with Undo while it is possible. A line names what tells the kept person apart
// ("into Mia Schmidt (m.schmidt@acme.example)"), so the account's people are read once
// there is a person's line to tell.
import { useEffect, useState } from 'preact/hooks';
import type { KeptIdentity } from '../merge-words';
import type { MergeLine } from '../messages';
import { send } from '../send';

export interface MergeLinesData {
  merges: MergeLine[];
  keptPeople: ReadonlyMap<string, KeptIdentity>;
  /** The merge being undone, if any. */
  undoing: string | null;
  undoError: string | null;
  undo: (line: MergeLine) => Promise<void>;
}

/** `onChanged` is called after an undo: the account view reloads. */
export function useMergeLines(accountId: string, onChanged?: () => void): MergeLinesData {
  const [merges, setMerges] = useState<MergeLine[]>([]);
  const [keptPeople, setKeptPeople] = useState<ReadonlyMap<string, KeptIdentity>>(new Map());
  const [undoing, setUndoing] = useState<string | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);

  const loadMerges = async (live: () => boolean = () => true) => {
    const result = await send('merge.history', { accountId });
    if (!live()) return;
    const lines = result.ok ? result.data : [];
    setMerges(lines);
    if (!lines.some((line) => line.kind === 'contact')) return;
    const people = await send('merge.accountContacts', { accountId });
    if (live() && people.ok) setKeptPeople(new Map(people.data.map((p) => [p.id, p])));
  };
  useEffect(() => {
    let live = true;
    void loadMerges(() => live);
    return () => {
      live = false;
    };
  }, [accountId]);

  const undo = async (line: MergeLine) => {
    if (!line.id) return;
    setUndoing(line.id);
    const result = await send('merge.undo', { mergeId: line.id });
    setUndoing(null);
    setUndoError(result.ok ? null : result.error);
    if (result.ok) {
      await loadMerges();
      onChanged?.();
    }
  };

  return { merges, keptPeople, undoing, undoError, undo };
}
