// The message or conversation open in Outlook on the web, as data: a pure function of the
// Document and URL, no side effects. Text is read as a person sees it
// (utils/capture/text.ts), never as markup, and never from aria-hidden or screen-reader-only
// copies; values we cannot find are null rather than guessed. Selectors live in ./selectors.ts.
import { browserTimeZoneOffset, type TimeZoneOffset } from '../dates';
import { allMatches, matchesAny, type Accept } from '../select';
import { isHiddenWithin, visibleLine, visibleText } from '../text';
import { parseOutlookDate } from './date';
import { outlookItemIdFromUrl } from './detect';
import {
  ACCOUNT_ADDRESS,
  DATE,
  DATE_ATTRIBUTES,
  MESSAGE,
  MESSAGE_BODY,
  MESSAGE_ID_ATTRIBUTE,
  MESSAGE_LIST,
  QUOTE,
  READING_PANE,
  RECIPIENT_LINE,
  RECIPIENT_PERSON,
  SENDER,
  SNIPPET,
  SUBJECT,
} from './selectors';

export interface OutlookPerson {
  /** Display name as Outlook shows it; null when it shows only the address. */
  name: string | null;
  email: string;
}

export interface OutlookMessage {
  /** Exchange item id when the page carries one, else null. */
  messageId: string | null;
  sender: OutlookPerson | null;
  /** The signed-in user sent it (known only when their address is on the page). */
  fromMe: boolean;
  /** To and cc of an expanded message, the signed-in user left out. */
  recipients: OutlookPerson[];
  /** ISO 8601 with the browser's offset. */
  date: string | null;
  collapsed: boolean;
  /** What the sender wrote, without quoted history. */
  body: string | null;
  snippet: string | null;
}

/** Names of the selectors in ./selectors.ts that found nothing where the page should show it. */
export type OutlookPart = 'SUBJECT' | 'MESSAGE' | 'SENDER' | 'DATE' | 'MESSAGE_BODY';

export interface OutlookConversation {
  /** The item or conversation id from the URL. */
  itemId: string | null;
  subject: string | null;
  /** The signed-in user's address, or null when the page does not show it. */
  me: string | null;
  /** In page order, oldest first as Outlook shows them. */
  messages: OutlookMessage[];
  /** What could not be read: selector names only, never page content. Empty when all went well. */
  unread: OutlookPart[];
}

export interface OutlookReadOptions {
  timeZoneOffset?: TimeZoneOffset;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const WHOLE_EMAIL = new RegExp(`^${EMAIL.source}$`);

/** Every visible match of the first selector that finds one (fallbacks in order). */
function findAll(root: ParentNode, selectors: readonly string[], accept: Accept = () => true): Element[] {
  return allMatches(root, selectors, (element) => !isHiddenWithin(element) && accept(element));
}

function findFirst(root: ParentNode, selectors: readonly string[], accept?: Accept): Element | null {
  return findAll(root, selectors, accept)[0] ?? null;
}

/** Header chrome, not text inside a message body (a sender's HTML cannot pose as a header). */
function outsideBody(element: Element): boolean {
  return !MESSAGE_BODY.some((selector) => element.closest(selector) !== null);
}

function emailIn(value: string | null | undefined): string | null {
  const match = EMAIL.exec(value ?? '');
  return match ? match[0].toLowerCase() : null;
}

/** The signed-in user's address when the page shows it (the account manager's panel). */
export function readOutlookAccountEmail(doc: Document): string | null {
  for (const selector of ACCOUNT_ADDRESS) {
    for (const element of Array.from(doc.querySelectorAll(selector))) {
      // The panel is hidden until opened; the address is data about the account, not page text.
      const email = emailIn(element.textContent) ?? emailIn(element.getAttribute('aria-label'));
      if (email) return email;
    }
  }
  return null;
}

function cleanName(value: string | null | undefined, email: string): string | null {
  const name = (value ?? '')
    .replace(/<[^<>\s@]+@[^<>\s]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^["'\s]+|["'\s]+$/g, '')
    .trim();
  if (name === '' || WHOLE_EMAIL.test(name) || name.toLowerCase() === email) return null;
  return name;
}

function readSender(message: Element): OutlookPerson | null {
  const element = findFirst(message, SENDER, outsideBody);
  if (!element) return null;
  const titled = element.matches('[title*="@"]') ? element : element.querySelector('[title*="@"]');
  const shown = visibleLine(element);
  const email = emailIn(titled?.getAttribute('title')) ?? emailIn(/<([^<>]+)>/.exec(shown ?? '')?.[1]);
  if (!email) return null;
  const label = (element.getAttribute('aria-label') ?? '').replace(/^From:\s*/i, '');
  return { email, name: cleanName(label, email) ?? cleanName(shown, email) };
}

function readRecipients(message: Element, me: string | null): OutlookPerson[] {
  const seen = new Set<string>();
  const people: OutlookPerson[] = [];
  for (const line of findAll(message, RECIPIENT_LINE, outsideBody)) {
    for (const person of findAll(line, RECIPIENT_PERSON)) {
      const email = emailIn(person.getAttribute('title'));
      if (!email || email === me || seen.has(email)) continue;
      seen.add(email);
      people.push({ email, name: cleanName(visibleLine(person), email) });
    }
  }
  return people;
}

function readDate(message: Element, language: string | null, timeZoneOffset: TimeZoneOffset): string | null {
  const cell = findFirst(message, DATE, outsideBody);
  if (!cell) return null;
  for (const attribute of DATE_ATTRIBUTES) {
    const date = parseOutlookDate(cell.getAttribute(attribute), language, timeZoneOffset);
    if (date) return date;
  }
  return parseOutlookDate(visibleLine(cell), language, timeZoneOffset);
}

/**
 * The quote wrappers as Outlook renders them: it prefixes the ids and classes of a sender's
 * HTML with "x_" (so Outlook's own "divRplyFwdMsg" arrives as "x_divRplyFwdMsg").
 */
const QUOTE_IN_PAGE = QUOTE.flatMap((selector) => [selector, selector.replace(/([#.])([A-Za-z])/g, '$1x_$2')]);

/** Plain-text mail marks the quoted mail with this line (Outlook desktop, older clients). */
const ORIGINAL_MESSAGE = /^-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}$/i;
const ATTRIBUTION = /^On\b.*\bwrote:?$/i;

function readBody(body: Element): string {
  let lines = visibleText(body, { skip: (element) => matchesAny(element, QUOTE_IN_PAGE) }).split('\n');
  const original = lines.findIndex((line) => ORIGINAL_MESSAGE.test(line.trim()));
  if (original >= 0) lines = lines.slice(0, original);
  // Plain-text replies quote with "> " lines after the new text, often after "On … wrote:".
  let end = lines.length;
  while (end > 0 && /^(>|$)/.test(lines[end - 1] ?? '')) end -= 1;
  if (lines.slice(end).some((line) => line.startsWith('>'))) {
    lines = lines.slice(0, end);
    if (ATTRIBUTION.test((lines[lines.length - 1] ?? '').trim())) lines = lines.slice(0, -1);
  }
  return lines.join('\n').trim();
}

function readMessage(message: Element, me: string | null, language: string | null, timeZoneOffset: TimeZoneOffset): OutlookMessage {
  const bodyElement = findFirst(message, MESSAGE_BODY);
  const snippetElement = bodyElement ? null : findFirst(message, SNIPPET, outsideBody);
  const collapsed = bodyElement === null && (snippetElement !== null || message.getAttribute('aria-expanded') === 'false');
  const sender = readSender(message);
  const id = (message.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? '').trim();
  return {
    messageId: id === '' ? null : id,
    sender,
    fromMe: me !== null && sender?.email === me,
    recipients: collapsed ? [] : readRecipients(message, me),
    date: readDate(message, language, timeZoneOffset),
    collapsed,
    body: bodyElement ? readBody(bodyElement) : null,
    snippet: visibleLine(snippetElement),
  };
}

/** Message regions in page order, leaving out any nested in another one or in a body. */
function findMessages(pane: Element): Element[] {
  const candidates = findAll(pane, MESSAGE, outsideBody);
  const set = new Set(candidates);
  return candidates.filter((candidate) => {
    for (let node = candidate.parentElement; node && node !== pane; node = node.parentElement) {
      if (set.has(node)) return false;
    }
    return true;
  });
}

function unreadParts(subject: string | null, messages: OutlookMessage[]): OutlookPart[] {
  const parts: OutlookPart[] = [];
  if (subject === null) parts.push('SUBJECT');
  if (messages.length === 0) parts.push('MESSAGE');
  if (messages.some((message) => message.sender === null)) parts.push('SENDER');
  if (messages.some((message) => message.date === null)) parts.push('DATE');
  if (messages.length > 0 && messages.every((message) => message.body === null)) parts.push('MESSAGE_BODY');
  return parts;
}

/**
 * The message or conversation open at `url` in Outlook on the web, or null when the URL
 * opens none or the reading pane has not rendered. A pane that is there but cannot be read
 * comes back with `unread` naming what failed, so the panel can say so instead of guessing.
 */
export function readOpenOutlookMessage(doc: Document, url: string, options: OutlookReadOptions = {}): OutlookConversation | null {
  const itemId = outlookItemIdFromUrl(url);
  if (!itemId) return null;
  const pane = findFirst(doc, READING_PANE, (element) => !MESSAGE_LIST.some((selector) => element.closest(selector)));
  if (!pane) return null;
  const timeZoneOffset = options.timeZoneOffset ?? browserTimeZoneOffset;
  const language = doc.documentElement.getAttribute('lang');
  const me = readOutlookAccountEmail(doc);
  const subject = visibleLine(findFirst(pane, SUBJECT, outsideBody));
  const messages = findMessages(pane).map((message) => readMessage(message, me, language, timeZoneOffset));
  return { itemId, subject, me, messages, unread: unreadParts(subject, messages) };
}
