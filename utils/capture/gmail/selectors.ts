// Every piece of Gmail markup knowledge in the code base. Gmail's class names are minified
// and change without notice, so each selector says what it finds and which fixture under
// tests/fixtures/gmail/ proves it; fallback lists are ordered newest layout first, and a
// reader takes the first entry that finds something visible.
//
// Fixtures: E = thread-expanded-and-collapsed.html, H = thread-hostile-content.html,
// N = thread-non-latin.html, F = thread-free-mail.html, I = inbox.html.

/** The application pane holding either the mail list or the open thread. E, I. */
export const MAIN_PANE = ['div[role="main"]'] as const;

/**
 * The open thread's subject heading; it also carries the thread ids. Absent in list views
 * (I), which is how the reader knows no thread is open. E, H, N, F.
 */
export const SUBJECT_HEADING = ['h2.hP', 'h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]'] as const;

/** Attributes on the subject heading: "thread-f:NNN" (the permanent id) and its hex form. E. */
export const THREAD_PERM_ID_ATTRIBUTE = 'data-thread-perm-id';
export const LEGACY_THREAD_ID_ATTRIBUTE = 'data-legacy-thread-id';

/**
 * One message of the open thread, expanded (div.adn) or collapsed (div.adf), in page order.
 * The attribute-only entries catch a re-styled layout. E, H, N, F.
 */
export const MESSAGE = [
  'div.adn[data-message-id], div.adf[data-message-id]',
  '[role="listitem"] [data-message-id]',
  '[data-message-id]',
] as const;

/** "#msg-f:NNN" on the message element, and the same id in hex. E. */
export const MESSAGE_ID_ATTRIBUTE = 'data-message-id';
export const LEGACY_MESSAGE_ID_ATTRIBUTE = 'data-legacy-message-id';

/**
 * The list item wrapping a message; class kv marks a collapsed one, h7 an expanded one.
 * A collapsed message whose body Gmail kept in the page still shows no body. E.
 */
export const MESSAGE_LIST_ITEM = '[role="listitem"]';
export const COLLAPSED_LIST_ITEM_CLASS = 'kv';

/**
 * The message body as rendered by Gmail (div.ii.gt > div.a3s.aiL). Only expanded messages
 * have one. Header lookups ignore anything inside it, so a sender's HTML cannot pose as a
 * header. E, H, N, F.
 */
export const MESSAGE_BODY = ['div.a3s.aiL', 'div.ii.gt div.a3s', 'div.a3s'] as const;
/** Everything that is message content rather than Gmail chrome. H. */
export const MESSAGE_CONTENT = '.a3s, .ii.gt';

/** The sender of a message: a span with email and name attributes in the header. E, N, F. */
export const SENDER = ['h3.iw span.gD[email]', 'span.gD[email]', 'h3.iw [email]', '.gE [email]'] as const;
/** The sender's name as visible text, when the name attribute is missing. E. */
export const SENDER_NAME = ['h3.iw span.gD', 'span.gD'] as const;
/** The sender's address as visible text "<mia@…>", when the email attribute is missing. E. */
export const SENDER_ADDRESS_TEXT = ['h3.iw span.go', 'span.go'] as const;

/**
 * The recipients on the expanded header's "to" line ("to me, Jonas, cc: Priya"); to and cc
 * share the line. Collapsed messages have no such line. E, N.
 */
export const RECIPIENT = ['span.hb span.g2[email]', 'span.g2[email]', '.hb [email]'] as const;

/**
 * The date cell: the title holds the full local time ("Fri, Nov 20, 2026, 9:41 AM"), the
 * visible text often only a relative one ("9:41 AM (2 hours ago)"). E, N, F.
 */
export const DATE = ['span.g3[title]', 'span.g3', '.gH [title]'] as const;
/** Where the full date may be written on the date cell, most reliable first. E, N. */
export const DATE_ATTRIBUTES = ['title', 'data-tooltip', 'alt', 'aria-label'] as const;

/** The one-line preview a collapsed message shows instead of its body. E, F. */
export const SNIPPET = ['div.iA.g6', 'span.y2'] as const;

/**
 * Quoted history inside a body: Gmail's own quote wrapper (which holds the "On … wrote:"
 * attribution as div.gmail_attr), the older gmail_extra wrapper, blockquotes from Gmail and
 * Apple Mail, Thunderbird's attribution line and Outlook's reply header. E, N, and the
 * per-client cases in the unit tests.
 */
export const QUOTE = [
  'div.gmail_quote',
  'blockquote.gmail_quote',
  'div.gmail_extra',
  '.gmail_attr',
  'blockquote[type="cite"]',
  '.moz-cite-prefix',
  // Outlook marks where the reply ends and the quoted mail begins; all that follows is quoted.
  '#appendonsend ~ *',
  '#divRplyFwdMsg',
  '#divRplyFwdMsg ~ *',
] as const;

/**
 * Gmail's "trimmed content" machinery: the empty marker div, the "…" button and its
 * container. The trimmed content itself follows the container as div.h5; "h5" alone is too
 * common a class in senders' HTML, so it only counts right after div.adm. E.
 */
export const TRIMMED_MARKER = ['div.yj6qo', 'div.adm', 'div.ajR'] as const;
export const TRIMMED_CONTENT_AFTER_MARKER = { marker: 'adm', content: 'h5' } as const;

/**
 * The sender's signature block as Gmail composes it, and the "-- " prefix Gmail 2023+ puts
 * before it (not part of the signature's text). E, N.
 */
export const SIGNATURE = ['[data-smartmail="gmail_signature"]', 'div.gmail_signature'] as const;
export const SIGNATURE_PREFIX = ['.gmail_signature_prefix'] as const;

/**
 * The signed-in Google account, for telling the rep's own messages from the customer's:
 * the account button's label "Google Account: Ana Ruiz (ana@…)" (English UI), else the
 * window title "Inbox - ana@… - Gmail". E, I.
 */
export const ACCOUNT_BUTTON = ['a[aria-label^="Google Account:"]', 'a[aria-label*="@"][href*="accounts.google.com"]'] as const;
