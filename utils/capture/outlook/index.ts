// Outlook on the web: everything the extension knows about its pages. See docs/design.md.
export { isOutlookMessageView, isOutlookUrl, OUTLOOK_HOSTS, OUTLOOK_MATCHES, outlookItemIdFromUrl } from './detect';
export { parseOutlookDate } from './date';
export {
  readOpenOutlookMessage,
  readOutlookAccountEmail,
  type OutlookConversation,
  type OutlookMessage,
  type OutlookPart,
  type OutlookPerson,
  type OutlookReadOptions,
} from './read';
