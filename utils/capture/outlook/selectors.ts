// Every piece of Outlook on the web markup knowledge in the code base. Outlook's class names
// are generated per build ("OZZZK", "JdFsz") and change without notice, so each value is
// found by ARIA roles and labels first, by ids and data-* attributes next, and by class
// names last. Fallback lists are ordered newest layout first; a reader takes the first entry
// that finds something visible. Every fixture under tests/fixtures/outlook/ is written from
// public knowledge of Outlook's markup, not saved from a live page: "guess" marks candidates
// nobody has confirmed publicly, and they are the first to check against a live page.
//
// Fixtures: R = reading-pane-light.html, D = reading-pane-dark.html,
// C = conversation-light.html, K = conversation-dark.html, H = message-hostile.html,
// L = mail-list.html, B = conversation-broken.html (selectors removed on purpose).

/** The reading pane: the open message or conversation, never the message list beside it. R, D, C, K, H; absent in L. */
export const READING_PANE = [
  'div[role="region"][aria-label="Reading Pane"]',
  '#ReadingPaneContainerId',
  '[data-app-section="MailReadCompose"]',
] as const;

/** The message list beside the pane; its rows name other senders and must never be read. L, R. */
export const MESSAGE_LIST = ['div[role="listbox"][aria-label="Message list"]', '[data-app-section="MessageList"]'] as const;

/** The subject above the conversation. R, D, C, K, H. */
export const SUBJECT = [
  'div[role="heading"][aria-level="2"]',
  // guess: the older subject line container.
  '[data-app-section="SubjectLine"]',
  'span.JdFsz',
] as const;

/**
 * One message of the conversation in page order, expanded or collapsed. R, D, C, K, H.
 * Outlook labels each message region "Email message" in English; the data-* entry is a guess.
 */
export const MESSAGE = ['div[role="region"][aria-label="Email message"]', '[data-app-section="ConversationItem"]', 'div.aVla3'] as const;

/** guess: the message's Exchange item id. Absent, the panel keys the message by what it shows. C, K. */
export const MESSAGE_ID_ATTRIBUTE = 'data-item-id';

/**
 * The sender in the message header, labelled "From: <name>" (English UI); its title or the
 * visible "<address>" gives the address. R, D, C, K, H.
 */
export const SENDER = ['[aria-label^="From:"]', 'span.OZZZK'] as const;

/**
 * The "To:" and "Cc:" lines of an expanded message; each person is a span whose title is
 * the address. Collapsed messages have none. R, D, C, K.
 */
export const RECIPIENT_LINE = ['div[aria-label^="To:"], div[aria-label^="Cc:"]', 'div.pYtGr'] as const;
export const RECIPIENT_PERSON = ['span[title*="@"]'] as const;

/**
 * The date of a message: Outlook's test id holds the local time as text ("Fri 11/20/2026
 * 9:41 AM"); a title, when present, holds the long form. R, D, C, K, H.
 */
export const DATE = ['[data-testid="SentReceivedSavedTime"]', 'div.AL_OM'] as const;
export const DATE_ATTRIBUTES = ['title', 'aria-label'] as const;

/** The message body as Outlook renders the sender's HTML. Collapsed messages have none. R, D, C, K, H. */
export const MESSAGE_BODY = ['div[role="document"][aria-label="Message body"]', 'div[id^="UniqueMessageBody"]', 'div.XbIp4'] as const;

/** The one-line preview a collapsed message shows instead of its body. C, K. */
export const SNIPPET = ['[data-app-section="ConversationItemPreview"]', 'div.PXr1i'] as const;

/**
 * Quoted history inside a body: Outlook's reply header and everything after it, the
 * "appendonsend" marker, Outlook's reference-message container, and the quotes other mail
 * programs write (Gmail, Apple Mail, Thunderbird). C, K, and the cases in the unit tests.
 */
export const QUOTE = [
  '#divRplyFwdMsg',
  '#divRplyFwdMsg ~ *',
  '#appendonsend ~ *',
  '#mail-editor-reference-message-container',
  'div.gmail_quote',
  'blockquote[type="cite"]',
  '.moz-cite-prefix',
] as const;

/** Outlook's "Show original message" / "..." button for trimmed history: chrome, not text. C. */
export const TRIMMED_HISTORY_BUTTON = ['button[aria-label="Show message history"]', 'button[title="Show message history"]'] as const;

/**
 * The signed-in account. The account manager's panel holds the address once opened
 * (R, H); on personal accounts the "Account manager for <name> (<address>)" button names it
 * (K); elsewhere it names only the person (D, C), the address is unknown, and the lookup
 * leaves out every address at the domain of the user signed in to Highcard.
 */
export const ACCOUNT_ADDRESS = ['#mectrl_currentAccount_secondary', 'button[aria-label^="Account manager for"][aria-label*="@"]'] as const;
