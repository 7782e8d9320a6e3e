// Gmail: everything the extension knows about Gmail's pages. See docs/design.md, "Readers".
export { isGmailUrl, isThreadView, threadRefFromHash, threadRefFromUrl } from './detect';
// Gmail writes its dates in English words: the shared reader in ../dates.ts reads them.
export { browserTimeZoneOffset, parseEnglishDate as parseGmailDate, type TimeZoneOffset } from '../dates';
export { readAccountEmail } from './account';
export { readOpenThread, type GmailMessage, type GmailPerson, type GmailThread, type ReadOptions } from './read';
