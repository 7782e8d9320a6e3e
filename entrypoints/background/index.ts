import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // The session, outbox and lookups arrive with the background issue; the worker already
  // exists so the manifest and message plumbing can be exercised end to end.
});
