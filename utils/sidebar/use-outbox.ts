// The items filed in this browser, kept current from storage events (no polling).
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { OutboxItem } from '../messages';
import { send } from '../send';

export function useOutbox(subscribe: (onChange: () => void) => () => void): {
  items: OutboxItem[];
  refresh: () => Promise<void>;
} {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const refresh = useCallback(async () => {
    const answer = await send('outbox.list', {});
    if (answer.ok) setItems(answer.data);
  }, []);
  useEffect(() => {
    void refresh();
    return subscribe(() => void refresh());
  }, [subscribe, refresh]);
  return { items, refresh };
}
