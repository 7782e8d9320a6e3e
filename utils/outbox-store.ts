// The outbox in extension storage: one key per item, so filing writes one small value and
// a full or failing storage area refuses that one write loudly instead of corrupting a list.
import { storage } from 'wxt/utils/storage';
import type { OutboxItem, OutboxStore } from './outbox';
import { OUTBOX_KEY_PREFIX } from './storage';

const keyOf = (id: string) => `${OUTBOX_KEY_PREFIX}${id}` as const;

export const extensionOutboxStore: OutboxStore = {
  get: (id) => storage.getItem<OutboxItem>(keyOf(id)),
  put: (item) => storage.setItem(keyOf(item.id), item),
  remove: (id) => storage.removeItem(keyOf(id)),
  async all() {
    const snapshot = await storage.snapshot('local');
    const prefix = OUTBOX_KEY_PREFIX.slice('local:'.length);
    return Object.entries(snapshot)
      .filter(([key]) => key.startsWith(prefix))
      .map(([, value]) => value as OutboxItem);
  },
};
