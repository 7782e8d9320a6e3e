// readConversation: the open LinkedIn messaging thread. LinkedIn shows a day heading before
// the first message of each day and a sender name and time only on the first message of
// each group by one sender; the reader walks the thread in page order and carries them on.
import { parseClock, parseDayHeading, parseMachineDate, parseMachineDateTime, toLocalIso, type ClockOptions, type LocalDate } from './dates';
import { canonicalProfileUrl, messagingThreadId } from './detect';
import { firstMatch, firstWithText, isInside, shownLine } from './dom';
import {
  DAY_HEADING,
  MESSAGE_BODY,
  MESSAGE_ITEM,
  MESSAGE_TIME,
  PROFILE_LINK,
  SENDER_NAME,
  THREAD_HEADER,
  THREAD_ROOT,
  THREAD_TITLE,
} from './selectors';
import { isHiddenWithin, visibleText } from '../text';
import type { LinkedInConversation, LinkedInMessage, LinkedInPerson } from './types';

export type ConversationOptions = ClockOptions;

/**
 * The conversation open at `url` (/messaging/thread/<id>/), or null when none is open or
 * it has not rendered. Times are read in the viewer's timezone; tests pin `now` and
 * `timeZoneOffsetMinutes`.
 */
export function readConversation(doc: Document, url: string, options: ConversationOptions = {}): LinkedInConversation | null {
  const threadId = messagingThreadId(url);
  if (!threadId) return null;
  const root = firstMatch(doc, THREAD_ROOT);
  if (!root) return null;

  const headingSelector = DAY_HEADING.join(', ');
  const itemSelector = MESSAGE_ITEM.join(', ');
  const messages: LinkedInMessage[] = [];
  let day: LocalDate | null = null;
  let sender: LinkedInPerson | null = null;
  let groupTime: string | null = null;

  for (const marker of Array.from(root.querySelectorAll(`${headingSelector}, ${itemSelector}`))) {
    if (isHiddenWithin(marker, root)) continue;
    if (marker.matches(headingSelector)) {
      if (isInside(marker, root, MESSAGE_ITEM)) continue;
      day = readDay(marker, options);
      // A new day starts new groups; a time from the day before would be wrong.
      groupTime = null;
      continue;
    }
    if (isInside(marker, root, MESSAGE_ITEM)) continue;

    const body = firstMatch(marker, MESSAGE_BODY);
    const groupSender = readSender(marker, body);
    if (groupSender) {
      sender = groupSender;
      groupTime = null;
    }
    const time = readTime(marker, body, day, options);
    if (time) groupTime = time;

    const text = visibleText(body);
    // System lines ("Mia added Jonas") and attachments without text have no body to file.
    if (!text) continue;
    messages.push({ eventUrn: readEventUrn(marker), sender, time: groupTime, text });
  }

  return {
    threadId,
    title: shownLine(firstWithText(root, THREAD_TITLE)),
    participants: readParticipants(root, messages),
    messages,
  };
}

function readDay(heading: Element, options: ClockOptions): LocalDate | null {
  const machine = heading.matches('time[datetime]') ? heading : heading.querySelector('time[datetime]');
  const fromAttribute = parseMachineDate(machine?.getAttribute('datetime'));
  if (fromAttribute) return fromAttribute;
  const text = shownLine(heading);
  return text ? parseDayHeading(text, options) : null;
}

function readEventUrn(item: Element): string | null {
  const holder = item.hasAttribute('data-event-urn') ? item : item.querySelector('[data-event-urn]');
  return holder?.getAttribute('data-event-urn')?.trim() || null;
}

/** A profile link of the item that is not part of what the message says. */
function senderLinks(item: Element, body: Element | null): Element[] {
  return Array.from(item.querySelectorAll(PROFILE_LINK)).filter(
    (link) => !(body && body.contains(link)) && !isHiddenWithin(link, item),
  );
}

/** The group's sender when this item starts a group (shows a name), else null. */
function readSender(item: Element, body: Element | null): LinkedInPerson | null {
  const outsideBody = (element: Element | null) => (element && !(body && body.contains(element)) ? element : null);
  const nameElement =
    outsideBody(firstWithText(item, SENDER_NAME)) ?? senderLinks(item, body).find((link) => shownLine(link)) ?? null;
  const name = shownLine(nameElement);
  if (!nameElement || !name) return null;
  const link = nameElement.closest(PROFILE_LINK) ?? senderLinks(item, body)[0] ?? null;
  const href = link?.getAttribute('href');
  return { name, profileUrl: href ? canonicalProfileUrl(href) : null };
}

function readTime(item: Element, body: Element | null, day: LocalDate | null, options: ClockOptions): string | null {
  for (const selector of MESSAGE_TIME) {
    const element = Array.from(item.querySelectorAll(selector)).find((candidate) => !(body && body.contains(candidate)));
    if (!element) continue;
    const exact = parseMachineDateTime(element.getAttribute('datetime'), options);
    if (exact) return exact;
    const clock = parseClock(shownLine(element) ?? '');
    if (clock && day) return toLocalIso(day, clock.hour, clock.minute, options);
    return null;
  }
  return null;
}

/** Header participants first, then senders in order of first message; one entry per person. */
function readParticipants(root: Element, messages: readonly LinkedInMessage[]): LinkedInPerson[] {
  const header = firstMatch(root, THREAD_HEADER);
  const fromHeader: LinkedInPerson[] = header
    ? Array.from(header.querySelectorAll(PROFILE_LINK)).flatMap((link) => {
        const name = isHiddenWithin(link, header) ? null : shownLine(link);
        const href = link.getAttribute('href');
        return name ? [{ name, profileUrl: href ? canonicalProfileUrl(href) : null }] : [];
      })
    : [];
  const senders = messages.flatMap((message) => (message.sender ? [message.sender] : []));

  const people: LinkedInPerson[] = [];
  for (const person of [...fromHeader, ...senders]) {
    const same = people.find((known) =>
      person.profileUrl && known.profileUrl ? known.profileUrl === person.profileUrl : known.name === person.name,
    );
    if (!same) people.push({ ...person });
    else if (!same.profileUrl && person.profileUrl) same.profileUrl = person.profileUrl;
  }
  return people;
}
