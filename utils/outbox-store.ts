// The outbox in extension storage: one key per item, so filing writes one small value and
// a full or failing storage area refuses that one write loudly instead of corrupting a list.
import { storage } from 'wxt/utils/storage';
import type { OutboxItem, OutboxStore } from './outbox';
import { entriesUnder, OUTBOX_KEY_PREFIX } from './storage';

const keyOf = (id: string) => `${OUTBOX_KEY_PREFIX}${id}` as const;

export const extensionOutboxStore: OutboxStore = {
  get: (id) => storage.getItem<OutboxItem>(keyOf(id)),
  put: (item) => storage.setItem(keyOf(item.id), item),
  remove: (id) => storage.removeItem(keyOf(id)),
  all: async () => (await entriesUnder<OutboxItem>(OUTBOX_KEY_PREFIX)).map(([, item]) => item),
};
