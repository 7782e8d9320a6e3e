// What the background asks a content script directly (tabs.sendMessage), never through the
// dispatcher: no zod here, so content scripts stay small.
export const PAGE_ASKS = {
  /** Read the page now and answer `{ view }`. */
  read: 'highcard:page.read',
  /** Answer `{ text }`: what the rep selected, read only because they asked. */
  selection: 'highcard:page.selection',
} as const;
