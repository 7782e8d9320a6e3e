// The open Gmail thread as data: a pure function of the Document, no side effects. Text is
// read as a person sees it (utils/capture/text.ts: visibleLine for one-line values,
// visibleText for bodies), never as markup; values we cannot find are null rather than guessed.
// Selectors live in ./selectors.ts.
import { allMatches as findAll, firstMatch as findFirst, matchesAny, type Accept } from '../select';
import { isHiddenWithin, visibleLine, visibleText } from '../text';
import { browserTimeZoneOffset, parseEnglishDate, type TimeZoneOffset } from '../dates';
import { readBody } from './body';
import {
  COLLAPSED_LIST_ITEM_CLASS,
  DATE,
  DATE_ATTRIBUTES,
  LEGACY_MESSAGE_ID_ATTRIBUTE,
  LEGACY_THREAD_ID_ATTRIBUTE,
  MAIN_PANE,
  MESSAGE,
  MESSAGE_BODY,
  MESSAGE_CONTENT,
  MESSAGE_ID_ATTRIBUTE,
  MESSAGE_LIST_ITEM,
  QUOTE,
  RECIPIENT,
  SENDER,
  SENDER_ADDRESS_TEXT,
  SENDER_NAME,
  SIGNATURE,
  SIGNATURE_PREFIX,
  SNIPPET,
  SUBJECT_HEADING,
  THREAD_PERM_ID_ATTRIBUTE,
  TRIMMED_CONTENT_AFTER_MARKER,
  TRIMMED_MARKER,
} from './selectors';

export interface GmailPerson {
  /** Display name as Gmail shows it; null when Gmail shows only the address or "me". */
  name: string | null;
  email: string;
}

export interface GmailMessage {
  /** Permanent id, "msg-f:1849…" (Gmail writes it with a leading "#", which we drop). */
  messageId: string | null;
  /** The same id in hex, as used in older Gmail URLs. */
  legacyMessageId: string | null;
  sender: GmailPerson | null;
  /** To and cc as shown on the expanded header; empty for a collapsed message. */
  recipients: GmailPerson[];
  /** ISO 8601 with the browser's offset, e.g. "2026-11-20T09:41:00+01:00". */
  date: string | null;
  /** Collapsed messages show a header and snippet but no body. */
  collapsed: boolean;
  /** What the sender wrote, without quoted history and without the signature. */
  body: string | null;
  signature: string | null;
  /** The one-line preview of a collapsed message. */
  snippet: string | null;
}

export interface GmailThread {
  /** Permanent id, "thread-f:1849…". */
  threadId: string | null;
  legacyThreadId: string | null;
  subject: string | null;
  /** In page order. Gmail may keep older messages out of the page ("3 older messages"). */
  messages: GmailMessage[];
}

export interface ReadOptions {
  /** Minutes east of UTC at a local wall-clock time; the browser's zone by default. */
  timeZoneOffset?: TimeZoneOffset;
}

const THREAD_ID = /^thread-[a-z]:[\w-]+$/;
const MESSAGE_ID = /^msg-[a-z]:[\w-]+$/;
const LEGACY_ID = /^[0-9a-f]{1,16}$/i;
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;


/** Gmail's label for the signed-in user on the "to" line; not a name. */
const SELF_LABELS = new Set(['me']);

const isVisible: Accept = (element) => !isHiddenWithin(element);

/** Gmail chrome, not something a sender wrote in their message. */
const isChrome: Accept = (element) => isVisible(element) && element.closest(MESSAGE_CONTENT) === null;

function stripHash(value: string | null): string {
  return (value ?? '').trim().replace(/^#/, '');
}

function idFrom(element: Element | null, attribute: string, pattern: RegExp): string | null {
  const value = stripHash(element?.getAttribute(attribute) ?? null);
  return pattern.test(value) ? value : null;
}

function emailFrom(value: string | null | undefined): string | null {
  const candidate = (value ?? '').trim().replace(/^<|>$/g, '').trim();
  return EMAIL.test(candidate) ? candidate : null;
}

function nameFrom(value: string | null | undefined, email: string): string | null {
  const name = (value ?? '').replace(/\s+/g, ' ').trim();
  if (name === '' || SELF_LABELS.has(name.toLowerCase())) return null;
  if (emailFrom(name) !== null) return null;
  // With no display name Gmail shows the address's local part, which is not a name.
  return name === email.slice(0, email.lastIndexOf('@')) ? null : name;
}

function personFrom(element: Element): GmailPerson | null {
  const email = emailFrom(element.getAttribute('email')) ?? emailFrom(element.getAttribute('data-hovercard-id'));
  if (!email) return null;
  const name = nameFrom(element.getAttribute('name'), email) ?? nameFrom(visibleLine(element), email);
  return { name, email };
}

function readSender(message: Element): GmailPerson | null {
  const tagged = findFirst(message, SENDER, isChrome);
  const person = tagged ? personFrom(tagged) : null;
  if (person) return person;
  // No address attribute: fall back to the "<mia@…>" text beside the name.
  const email = emailFrom(visibleLine(findFirst(message, SENDER_ADDRESS_TEXT, isChrome)));
  if (!email) return null;
  return { name: nameFrom(visibleLine(findFirst(message, SENDER_NAME, isChrome)), email), email };
}

function readRecipients(message: Element): GmailPerson[] {
  const senderElement = findFirst(message, SENDER, isChrome);
  const seen = new Set<string>();
  const people: GmailPerson[] = [];
  for (const element of findAll(message, RECIPIENT, (candidate) => isChrome(candidate) && candidate !== senderElement)) {
    const person = personFrom(element);
    if (!person || seen.has(person.email.toLowerCase())) continue;
    seen.add(person.email.toLowerCase());
    people.push(person);
  }
  return people;
}

function readDate(message: Element, timeZoneOffset: TimeZoneOffset): string | null {
  const cell = findFirst(message, DATE, isChrome);
  if (!cell) return null;
  for (const attribute of DATE_ATTRIBUTES) {
    const date = parseEnglishDate(cell.getAttribute(attribute), timeZoneOffset);
    if (date) return date;
  }
  return parseEnglishDate(visibleLine(cell), timeZoneOffset);
}

function readMessage(message: Element, timeZoneOffset: TimeZoneOffset): GmailMessage {
  const bodyElement = findFirst(message, MESSAGE_BODY, isVisible);
  const listItem = message.closest(MESSAGE_LIST_ITEM);
  const collapsed = bodyElement === null || (listItem?.classList.contains(COLLAPSED_LIST_ITEM_CLASS) ?? false);
  const sender = readSender(message);
  const content = !collapsed && bodyElement ? readBody(bodyElement) : null;
  return {
    messageId: idFrom(message, MESSAGE_ID_ATTRIBUTE, MESSAGE_ID),
    legacyMessageId: idFrom(message, LEGACY_MESSAGE_ID_ATTRIBUTE, LEGACY_ID),
    sender,
    recipients: collapsed ? [] : readRecipients(message),
    date: readDate(message, timeZoneOffset),
    collapsed,
    body: content?.body ?? null,
    signature: content?.signature ?? null,
    snippet: collapsed ? visibleLine(findFirst(message, SNIPPET, isChrome)) : null,
  };
}

/** Message elements in page order, leaving out any that sit inside another one or in a body. */
function findMessages(pane: Element): Element[] {
  const candidates = findAll(pane, MESSAGE, isChrome);
  const set = new Set(candidates);
  return candidates.filter((candidate) => {
    for (let node = candidate.parentElement; node && node !== pane; node = node.parentElement) {
      if (set.has(node)) return false;
    }
    return true;
  });
}

/**
 * The thread open in Gmail, or null when the page shows a list, settings or nothing.
 * Pure: reads the document, changes nothing, runs nothing it finds.
 */
export function readOpenThread(doc: Document, options: ReadOptions = {}): GmailThread | null {
  const timeZoneOffset = options.timeZoneOffset ?? browserTimeZoneOffset;
  const panes = findAll(doc, MAIN_PANE, isVisible);
  const roots = panes.length > 0 ? panes : doc.body ? [doc.body] : [];
  for (const pane of roots) {
    const heading = findFirst(pane, SUBJECT_HEADING, isChrome);
    const messages = findMessages(pane);
    if (!heading && messages.length === 0) continue;
    // Only headings: in split-pane mode the list beside the thread carries other threads' ids.
    const idHolder = (attribute: string) =>
      heading?.hasAttribute(attribute) ? heading : findFirst(pane, [`h2[${attribute}]`], isChrome);
    return {
      threadId: idFrom(idHolder(THREAD_PERM_ID_ATTRIBUTE), THREAD_PERM_ID_ATTRIBUTE, THREAD_ID),
      legacyThreadId: idFrom(idHolder(LEGACY_THREAD_ID_ATTRIBUTE), LEGACY_THREAD_ID_ATTRIBUTE, LEGACY_ID),
      subject: visibleLine(heading),
      messages: messages.map((message) => readMessage(message, timeZoneOffset)),
    };
  }
  return null;
}
