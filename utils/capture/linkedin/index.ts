// LinkedIn capture: pure readers of a Document and its URL. Every LinkedIn selector lives in
// ./selectors.ts; URL predicates in ./detect.ts. See DESIGN.md, "Readers".
export { canonicalProfileUrl, isFeed, isMessagingThread, isProfilePage, messagingThreadId } from './detect';
export { readProfile } from './profile';
export { readConversation, type ConversationOptions } from './conversation';
export type { ClockOptions } from './dates';
export {
  linkedInConversationSchema,
  linkedInMessageSchema,
  linkedInPersonSchema,
  linkedInProfileSchema,
  type LinkedInConversation,
  type LinkedInMessage,
  type LinkedInPerson,
  type LinkedInProfile,
} from './types';
