// Gmail: everything the extension knows about Gmail's pages. See DESIGN.md, "Readers".
export { isGmailUrl, isThreadView, threadRefFromUrl } from './detect';
export { browserTimeZoneOffset, parseGmailDate, type TimeZoneOffset } from './date';
export { readAccountEmail } from './account';
export { readOpenThread, type GmailMessage, type GmailPerson, type GmailThread, type ReadOptions } from './read';
