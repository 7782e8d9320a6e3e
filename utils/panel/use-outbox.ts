// The items filed in this browser, kept current from storage events (no polling).
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { OutboxItem } from '../messages';
import { browser } from 'wxt/browser';
import { send } from '../send';
import { isUnder, OUTBOX_KEY_PREFIX } from '../storage-keys';

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

/** Calls back whenever an outbox item changes in storage (filed, sent, refused). */
export function subscribeOutbox(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => isUnder(OUTBOX_KEY_PREFIX, key))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
