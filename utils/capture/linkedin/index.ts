// LinkedIn capture: pure readers of a Document and its URL. Every LinkedIn selector lives in
// ./selectors.ts; URL predicates in ./detect.ts. See docs/design.md.
export { canonicalProfileUrl, isFeed, isMessagingThread, isProfilePage, messagingThreadId } from './detect';
export { readProfile } from './profile';
export { readViewerName } from './viewer';
export { readConversation, type ConversationOptions } from './conversation';
export type { ClockOptions } from './dates';
// The zod schemas in ./types describe the readers' output for tests; only the types are
// exported here so that zod stays out of the content script.
export type { LinkedInConversation, LinkedInMessage, LinkedInPerson, LinkedInProfile } from './types';
