// The outbox: every filed item is kept in this browser first, then sent (pact rule 7).
// decisions.ts is what happens after each attempt (pure); store.ts is where items are kept;
// outbox.ts is what the extension asks of it; drain.ts drives the sending; tally.ts keeps the
// badge's count and the next wake-up in step with the items.
export type { FiledBy, FileResult, OthersWaiting, OutboxItem, OutboxStatus } from '../messages';
export { afterAttempt, BACKOFF, backoffDelay, isDue, isUnsent, KEEP_SENT_MS, nextWakeUp, type SendOutcome } from './decisions';
export { Outbox, OutboxError, type OutboxDeps } from './outbox';
export { settleFiledSteps, waitingToSettle, type SettleOutcome, type SettleStep } from './settle-after';
export { claimUnowned, isMine, othersWaiting, type RecordedUser, type Viewer } from './owners';
export { memoryOutboxStore, type OutboxStore } from './store';
export { addFiledPromises, waitingToAdd, type AddOutcome, type AddPromise, type PromisePlace } from './promise-after';
