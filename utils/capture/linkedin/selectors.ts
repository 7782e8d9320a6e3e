// Every LinkedIn selector Highcard uses, and nothing else. Each is a named constant with what
// it finds and the fixture (tests/fixtures/linkedin/) that proves it. Where LinkedIn serves
// two layouts, the candidates are an ordered array, newest layout first; readers take the
// first that matches. The newer layout's class names are generated per build ("_1a2b3c"),
// so its selectors lean on headings, aria-labels, data-* attributes and `componentkey`.
// Every fixture is written from public knowledge of LinkedIn's markup, not saved from a live
// page. "guess" marks candidates whose markup nobody has confirmed publicly: their fixture
// follows the reader, not LinkedIn, and they are the first to check against a live page.

// ---------------------------------------------------------------------------------------
// Profile (/in/<slug>/)

/** The card at the top of a profile: name, headline, location, "Current company" button. */
export const PROFILE_TOP_CARD = [
  // profile-generated-classes.html. LinkedIn 2025: the server-driven profile.
  '[data-view-name="profile-top-card"]',
  // guess: the same layout before data-view-name reached the top card.
  'section[componentkey*="Topcard"]',
  // profile-classic.html, profile-no-current-company.html
  'section.pv-top-card',
  'section[data-member-id]',
] as const;

/** The person's name inside the top card. h1 in both fixtures; h2 is a guess (seen in the wild). */
export const PROFILE_NAME = ['h1.text-heading-xlarge', 'h1', 'h2'] as const;

/** The headline under the name. profile-classic.html; the newer layout has no stable hook. */
export const PROFILE_HEADLINE = ['.text-body-medium.break-words'] as const;

/** "City, Region, Country" in the top card. profile-classic.html. */
export const PROFILE_LOCATION = ['span.text-body-small.inline.t-black--light.break-words'] as const;

/**
 * Elements in the top card whose aria-label names the current employer, e.g.
 * "Current company: Acme Robotics. Click to skip to experience card". Both profile fixtures;
 * profile-no-current-company.html proves the "Education: …" button beside it is left alone.
 */
export const PROFILE_LABELLED = '[aria-label]';
export const CURRENT_COMPANY_LABEL = /^\s*Current company:\s*(.+?)(?:\.?\s*Click to skip to .*)?\s*$/i;

/**
 * The Experience section. The classic layout marks it with an empty <div id="experience">
 * inside the <section>; readers climb to the section.
 */
export const EXPERIENCE_SECTION = [
  // profile-generated-classes.html
  'section[componentkey*="ExperienceTopLevelSection"]',
  // guess: seen in the wild as the newer layout's card wrapper.
  '[data-view-name="profile-card-experience"]',
  // profile-classic.html, profile-no-current-company.html
  '#experience',
] as const;

/**
 * One entry of the Experience list. A classic entry for a company with several roles nests
 * one entry per role inside it (profile-classic.html, Acme Robotics).
 */
export const EXPERIENCE_ENTRY = [
  // profile-generated-classes.html
  '[componentkey^="entity-collection-item"]',
  // profile-classic.html
  '[data-view-name="profile-component-entity"]',
] as const;

/**
 * The lines of an entry in reading order: title, "Company · Full-time", "Mar 2022 - Present",
 * place. Classic: a bold title and t-14 spans, each holding an aria-hidden copy for the eye and
 * a visually-hidden one for screen readers. Newer: plain <p> lines with generated classes.
 */
export const EXPERIENCE_LINE = ['div.t-bold, span.t-14.t-normal', 'p'] as const;

/** Long descriptions and skill lists under an entry; never a title or company line. */
export const EXPERIENCE_DESCRIPTION = [
  '[data-testid="expandable-text-box"]',
  '.pvs-entity__sub-components .inline-show-more-text',
] as const;

/** Structured data LinkedIn embeds: schema.org JSON-LD (profile-generated-classes.html). */
export const JSON_LD = 'script[type="application/ld+json"]';

/**
 * LinkedIn's hidden <code id="bpr-guid-…"> blocks holding API responses as JSON
 * (profile-generated-classes.html has one, plus one that is not JSON).
 */
export const EMBEDDED_JSON = 'code';

// ---------------------------------------------------------------------------------------
// Messaging (/messaging/thread/<id>/)

/**
 * The open conversation, not the list of conversations beside it nor the chat bubbles
 * docked at the bottom of other pages (they hold messages of other threads).
 */
export const THREAD_ROOT = [
  // messaging-thread-generated-classes.html (guess)
  'main [data-view-name="messaging-thread"]',
  // messaging-thread.html
  'main .msg-convo-wrapper',
  'main .msg-s-message-list-container',
] as const;

/** The conversation's title: a group's name, or the other person's name. */
export const THREAD_TITLE = [
  // messaging-thread-generated-classes.html (guess)
  '[data-view-name="messaging-thread-title"]',
  // messaging-thread.html
  'h2.msg-entity-lockup__entity-title',
  // guess: a one-to-one thread's header links the other person's name.
  '.msg-thread__link-to-profile',
] as const;

/** The header above the messages, where the participants' profile links are. */
export const THREAD_HEADER = [
  // messaging-thread-generated-classes.html (guess)
  '[data-view-name="messaging-thread-header"]',
  // messaging-thread.html (a group: its header names the group, links nobody)
  '.msg-title-bar',
  // guess: the profile card atop a one-to-one thread.
  '.msg-thread__topcard',
] as const;

/** A day heading ("Today", "Nov 18") that applies to every message after it. */
export const DAY_HEADING = [
  // messaging-thread-generated-classes.html (guess)
  '[data-view-name="messaging-day-heading"]',
  // messaging-thread.html
  'time.msg-s-message-list__time-heading',
] as const;

/**
 * One message. Both layouts put the message's id on it as data-event-urn,
 * "urn:li:msg_message:(urn:li:fsd_profile:ACoAA…,2-MTY…)".
 */
export const MESSAGE_ITEM = [
  // both messaging fixtures
  '[data-event-urn]',
  // messaging-thread.html: in case the urn is missing, the message still reads.
  '.msg-s-event-listitem',
] as const;

/** The sender's name, present only on the first message of a group from one sender. */
export const SENDER_NAME = [
  // messaging-thread-generated-classes.html (guess)
  '[data-view-name="messaging-sender-name"]',
  // messaging-thread.html
  '.msg-s-message-group__name',
] as const;

/** Links to a profile (sender, participants). Only outside the message text: see MESSAGE_BODY. */
export const PROFILE_LINK = 'a[href*="/in/"]';

/** The group's time ("9:41 AM"), or a machine-readable one in `datetime`. */
export const MESSAGE_TIME = [
  // messaging-thread-generated-classes.html (guess)
  'time[datetime]',
  // messaging-thread.html
  'time.msg-s-message-group__timestamp',
] as const;

/** The message text as written, with its links and line breaks. */
export const MESSAGE_BODY = [
  // messaging-thread-generated-classes.html (guess)
  '[data-view-name="messaging-message-body"]',
  // messaging-thread.html
  '.msg-s-event-listitem__body',
] as const;

/**
 * The signed-in member's photo in the global nav, whose alt text is their name: used only to
 * leave the rep out of a conversation's customers. Classic class, then the "Me" button of
 * the generated-class layout. feed.html, messaging-thread*.html, profile-*.html.
 */
export const VIEWER_PHOTO = ['img.global-nav__me-photo[alt]', 'button[aria-label="Me"] img[alt]'] as const;
