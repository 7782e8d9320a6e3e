// Where the outbox keeps its items: the interface the extension's storage implements
// (utils/background/storage-areas.ts), and one in memory for Node-side tests and benchmarks.
import type { OutboxItem } from '../messages';

export interface OutboxStore {
  get(id: string): Promise<OutboxItem | null>;
  put(item: OutboxItem): Promise<void>;
  remove(id: string): Promise<void>;
  all(): Promise<OutboxItem[]>;
}

/** An outbox kept in memory, copied in and out as extension storage would: for Node-side
 * tests and benchmarks that drive the real outbox against the local stack. */
export function memoryOutboxStore(): OutboxStore {
  const items = new Map<string, OutboxItem>();
  return {
    get: async (id) => structuredClone(items.get(id) ?? null),
    put: async (item) => void items.set(item.id, structuredClone(item)),
    remove: async (id) => void items.delete(id),
    all: async () => [...items.values()].map((item) => structuredClone(item)),
  };
}
