import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canonicalProfileUrl,
  isFeed,
  isMessagingThread,
  isProfilePage,
  messagingThreadId,
  readConversation,
  readProfile,
  type LinkedInConversation,
  type LinkedInMessage,
} from '../../../../utils/capture/linkedin';
import { linkedInConversationSchema, linkedInProfileSchema } from '../../../../utils/capture/linkedin/types';
import { parseClock, parseDayHeading, parseMachineDateTime, toLocalIso } from '../../../../utils/capture/linkedin/dates';
import { shownLine } from '../../../../utils/capture/linkedin/dom';
import { LINKEDIN_PROFILE_URL } from '../../../../utils/messages';

function fixture(name: string): Document {
  const path = resolve(process.cwd(), 'tests/fixtures/linkedin', name);
  return new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/html');
}

function page(markup: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${markup}</body></html>`, 'text/html');
}

const THREAD_ID = '2-ZTk4YjNmMmEtNGQ1Yy00ZTZmLWI3YTgtOWMwZDFlMmYzYTRiXzEwMA==';
const THREAD_URL = `https://www.linkedin.com/messaging/thread/${THREAD_ID}/`;
/** Thursday 2025-11-27, 15:00 in Berlin (UTC+1). */
const CLOCK = { now: new Date('2025-11-27T14:00:00Z'), timeZoneOffsetMinutes: 60 };

describe('LinkedIn URL predicates', () => {
  const profiles = [
    'https://www.linkedin.com/in/lena-brandt-7a3b21/',
    'https://www.linkedin.com/in/lena-brandt-7a3b21',
    'https://www.linkedin.com/in/lena-brandt-7a3b21/?originalSubdomain=de',
    'https://www.linkedin.com/in/lena-brandt-7a3b21/?locale=de_DE',
    'https://www.linkedin.com/in/lena-brandt-7a3b21/de/',
    'https://www.linkedin.com/in/lena-brandt-7a3b21/#experience',
    'https://de.linkedin.com/in/lena-brandt-7a3b21',
    'https://linkedin.com/in/lena-brandt-7a3b21/',
    'https://www.linkedin.com/in/marco-bellini/overlay/contact-info/',
    'https://www.linkedin.com/in/tom%C3%A1s-reyes-4b2/',
    'https://www.linkedin.com/in/ACoAAB9xYzQwErTyUiOpAsDfGhJkLzXcVbNm/',
  ];
  const notProfiles = [
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/acme-robotics/',
    'https://www.linkedin.com/school/isarvale-technical-university/',
    'https://www.linkedin.com/search/results/people/?keywords=lena%20brandt',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in',
    // Sub-pages have their own layout without the top card; the profile itself is one click away.
    'https://www.linkedin.com/in/lena-brandt-7a3b21/details/experience/',
    'https://www.linkedin.com/in/lena-brandt-7a3b21/recent-activity/all/',
    'https://www.linkedin.com/messaging/thread/2-abc/',
    'https://www.linkedin.com/sales/lead/ACwAAA1b2c3,NAME_SEARCH,x1/',
    'https://www.linkedin.com/pub/lena-brandt/1/2/3',
    'https://linkedin.com.evil.example/in/lena-brandt-7a3b21/',
    'https://www.linkedin.com.evil.example/in/lena-brandt-7a3b21/',
    'https://evil-linkedin.com/in/lena-brandt-7a3b21/',
    'https://evil.example/?next=https://www.linkedin.com/in/lena-brandt-7a3b21/',
    'ftp://www.linkedin.com/in/lena-brandt-7a3b21/',
    'https://www.linkedin.com/in/%E0%A4%A/',
    'https://www.linkedin.com/in/a%2Fb/',
  ];

  it.each(profiles)('%s is a profile page', (url) => {
    expect(isProfilePage(url)).toBe(true);
  });

  it.each(notProfiles)('%s is not a profile page', (url) => {
    expect(isProfilePage(url)).toBe(false);
  });

  const threads: Array<[string, string]> = [
    [THREAD_URL, THREAD_ID],
    [`https://www.linkedin.com/messaging/thread/${THREAD_ID}`, THREAD_ID],
    [`https://www.linkedin.com/messaging/thread/${THREAD_ID}/?trk=nav_msg`, THREAD_ID],
    ['https://www.linkedin.com/messaging/thread/2-ZTk4YjNm%3D%3D/', '2-ZTk4YjNm=='],
    ['https://linkedin.com/messaging/thread/2-ZTk4YjNm/', '2-ZTk4YjNm'],
  ];
  const notThreads = [
    'https://www.linkedin.com/messaging/',
    'https://www.linkedin.com/messaging/thread/',
    'https://www.linkedin.com/messaging/thread/new/',
    'https://www.linkedin.com/messaging/thread/2-ZTk4YjNm/attachments/',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/lena-brandt-7a3b21/',
    'https://linkedin.com.evil.example/messaging/thread/2-ZTk4YjNm/',
  ];

  it.each(threads)('%s is the messaging thread %s', (url, id) => {
    expect(isMessagingThread(url)).toBe(true);
    expect(messagingThreadId(url)).toBe(id);
  });

  it.each(notThreads)('%s is not a messaging thread', (url) => {
    expect(isMessagingThread(url)).toBe(false);
    expect(messagingThreadId(url)).toBeNull();
  });

  it.each(['https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed', 'https://www.linkedin.com/feed/?trk=nav'])(
    '%s is the feed',
    (url) => expect(isFeed(url)).toBe(true),
  );

  it.each([
    'https://www.linkedin.com/feed/update/urn:li:activity:7264001122334455667/',
    'https://www.linkedin.com/in/lena-brandt-7a3b21/',
    'https://linkedin.com.evil.example/feed/',
  ])('%s is not the feed', (url) => expect(isFeed(url)).toBe(false));
});

describe('canonical profile URL', () => {
  const lena = 'https://www.linkedin.com/in/lena-brandt-7a3b21';
  const tomas = 'https://www.linkedin.com/in/tomás-reyes-4b2';
  const cases: Array<[string, string | null]> = [
    ['https://www.linkedin.com/in/lena-brandt-7a3b21/', lena],
    ['https://WWW.LinkedIn.com/in/Lena-Brandt-7a3b21/?locale=de_DE', lena],
    ['https://de.linkedin.com/in/lena-brandt-7a3b21/de/', lena],
    ['http://linkedin.com/in/lena-brandt-7a3b21/details/experience/', lena],
    ['/in/lena-brandt-7a3b21/overlay/contact-info/', lena],
    ['https://www.linkedin.com/in/lena-brandt-7a3b21?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAA1b', lena],
    ['https://www.linkedin.com/in/lena-brandt-7a3b21/#experience', lena],
    ['https://www.linkedin.com/in/tom%C3%A1s-reyes-4b2/', tomas],
    ['https://www.linkedin.com/in/Tom%C3%81s-Reyes-4b2', tomas],
    ['https://www.linkedin.com/in/tomás-reyes-4b2/', tomas],
    // The same letter written decomposed (a + combining acute) is the same person.
    ['https://www.linkedin.com/in/toma%CC%81s-reyes-4b2/', tomas],
    // Opaque member ids are case-sensitive and keep their case.
    ['https://www.linkedin.com/in/ACoAAB9xYzQwErTyUiOpAsDfGhJkLzXcVbNm/', 'https://www.linkedin.com/in/ACoAAB9xYzQwErTyUiOpAsDfGhJkLzXcVbNm'],
    ['https://www.linkedin.com/feed/', null],
    ['https://www.linkedin.com/company/acme-robotics/', null],
    ['https://www.linkedin.com/in/', null],
    ['https://linkedin.com.evil.example/in/lena-brandt-7a3b21/', null],
    ['https://www.linkedin.com/in/a%2Fb/', null],
    ['https://www.linkedin.com/in/%20/', null],
    ['https://www.linkedin.com/in/%E0%A4%A/', null],
  ];

  it.each(cases)('%s -> %s', (url, expected) => {
    expect(canonicalProfileUrl(url)).toBe(expected);
    if (expected) expect(expected).toMatch(LINKEDIN_PROFILE_URL);
  });
});

describe('messaging day headings and times', () => {
  it('reads Today, Yesterday, weekdays and dates relative to the pinned now', () => {
    expect(parseDayHeading('Today', CLOCK)).toEqual({ year: 2025, month: 11, day: 27 });
    expect(parseDayHeading('Yesterday', CLOCK)).toEqual({ year: 2025, month: 11, day: 26 });
    expect(parseDayHeading('Monday', CLOCK)).toEqual({ year: 2025, month: 11, day: 24 });
    // "Thursday" on a Thursday is a week ago: today itself reads "Today".
    expect(parseDayHeading('Thursday', CLOCK)).toEqual({ year: 2025, month: 11, day: 20 });
    expect(parseDayHeading('Nov 18', CLOCK)).toEqual({ year: 2025, month: 11, day: 18 });
    expect(parseDayHeading('November 18', CLOCK)).toEqual({ year: 2025, month: 11, day: 18 });
    expect(parseDayHeading('Nov 18, 2024', CLOCK)).toEqual({ year: 2024, month: 11, day: 18 });
  });

  it('puts a date without a year in the last twelve months', () => {
    const january = { now: new Date('2026-01-05T10:00:00Z'), timeZoneOffsetMinutes: 60 };
    expect(parseDayHeading('Dec 30', january)).toEqual({ year: 2025, month: 12, day: 30 });
  });

  it('uses the viewer timezone to decide what "Today" is', () => {
    // 23:30 UTC on Nov 27 is already Nov 28 in Berlin, still Nov 27 in New York.
    const late = new Date('2025-11-27T23:30:00Z');
    expect(parseDayHeading('Today', { now: late, timeZoneOffsetMinutes: 60 })).toEqual({ year: 2025, month: 11, day: 28 });
    expect(parseDayHeading('Today', { now: late, timeZoneOffsetMinutes: -300 })).toEqual({ year: 2025, month: 11, day: 27 });
  });

  it.each(['18. Nov.', 'Hier', 'Feb 30', 'Nov 18, 20245', '', 'Sometime'])('does not guess a day for "%s"', (heading) => {
    expect(parseDayHeading(heading, CLOCK)).toBeNull();
  });

  it('reads 12- and 24-hour clock times', () => {
    expect(parseClock('9:41 AM')).toEqual({ hour: 9, minute: 41 });
    expect(parseClock('4:12 PM')).toEqual({ hour: 16, minute: 12 });
    expect(parseClock('12:05 AM')).toEqual({ hour: 0, minute: 5 });
    expect(parseClock('12:30 PM')).toEqual({ hour: 12, minute: 30 });
    expect(parseClock('9:41\u202fAM')).toEqual({ hour: 9, minute: 41 });
    expect(parseClock('21:41')).toEqual({ hour: 21, minute: 41 });
    expect(parseClock('13:00 PM')).toBeNull();
    expect(parseClock('9.41')).toBeNull();
  });

  it('writes ISO 8601 with the offset', () => {
    const day = { year: 2025, month: 11, day: 18 };
    expect(toLocalIso(day, 9, 41, { timeZoneOffsetMinutes: 60 })).toBe('2025-11-18T09:41:00+01:00');
    expect(toLocalIso(day, 9, 41, { timeZoneOffsetMinutes: -300 })).toBe('2025-11-18T09:41:00-05:00');
    expect(toLocalIso(day, 9, 41, { timeZoneOffsetMinutes: 330 })).toBe('2025-11-18T09:41:00+05:30');
    expect(toLocalIso(day, 9, 41)).toMatch(/^2025-11-18T09:41:00[+-]\d{2}:\d{2}$/);
    expect(parseMachineDateTime('2025-11-18T08:41:00.000Z', { timeZoneOffsetMinutes: 60 })).toBe('2025-11-18T09:41:00+01:00');
    expect(parseMachineDateTime('2025-11-18', { timeZoneOffsetMinutes: 60 })).toBeNull();
    expect(parseMachineDateTime('yesterday', { timeZoneOffsetMinutes: 60 })).toBeNull();
  });
});

describe('shown text of aria-hidden / screen-reader pairs', () => {
  const element = (markup: string) => page(`<div id="x">${markup}</div>`).getElementById('x');

  it('reads a value LinkedIn renders twice exactly once', () => {
    expect(shownLine(element('<span aria-hidden="true">Head of Operations</span><span class="visually-hidden">Head of Operations</span>'))).toBe(
      'Head of Operations',
    );
    expect(shownLine(element('<span aria-hidden="true">Priya Raman</span><span class="_c8e1f2a0">Priya Raman</span>'))).toBe('Priya Raman');
  });

  it('does not read decoration that is hidden on purpose', () => {
    expect(shownLine(element('<span aria-hidden="true">·</span>'))).toBeNull();
    expect(shownLine(element('<span class="visually-hidden">2nd degree connection</span>'))).toBeNull();
  });
});

describe('readProfile', () => {
  it('reads the classic layout, taking the current role inside a company with several roles', () => {
    const profile = readProfile(fixture('profile-classic.html'), 'https://www.linkedin.com/in/lena-brandt-7a3b21/');
    expect(profile).toEqual({
      fullName: 'Lena Brandt',
      headline: 'Head of Operations at Acme Robotics | Warehouse automation',
      currentTitle: 'Head of Operations',
      currentCompany: 'Acme Robotics',
      location: 'Munich, Bavaria, Germany',
      profileUrl: 'https://www.linkedin.com/in/lena-brandt-7a3b21',
    });
    expect(linkedInProfileSchema.parse(profile)).toEqual(profile);
  });

  it('reads the layout with generated class names from headings, aria-labels, componentkey and embedded data', () => {
    const profile = readProfile(
      fixture('profile-generated-classes.html'),
      'https://www.linkedin.com/in/Priya-Raman-4410/?locale=fr_FR',
    );
    expect(profile).toEqual({
      fullName: 'Priya Raman',
      headline: 'VP Engineering at Brightwater Analytics · Building sensor fusion teams',
      currentTitle: 'VP Engineering',
      currentCompany: 'Brightwater Analytics',
      location: 'Lyon, Auvergne-Rhône-Alpes, France',
      profileUrl: 'https://www.linkedin.com/in/priya-raman-4410',
    });
    expect(linkedInProfileSchema.parse(profile)).toEqual(profile);
  });

  it('leaves title and company empty for someone between jobs, never the school or a volunteer role', () => {
    const profile = readProfile(
      fixture('profile-no-current-company.html'),
      'https://www.linkedin.com/in/marco-bellini/overlay/contact-info/',
    );
    expect(profile).toEqual({
      fullName: 'Marco Bellini',
      headline: 'Supply chain leader · Open to new roles in procurement',
      currentTitle: null,
      currentCompany: null,
      location: 'Verona, Veneto, Italy',
      profileUrl: 'https://www.linkedin.com/in/marco-bellini',
    });
  });

  it('falls back to the embedded data when the page gives no hook for a value', () => {
    const doc = fixture('profile-generated-classes.html');
    doc.querySelector('[data-view-name="profile-top-card"]')?.remove();
    doc.querySelector('section[componentkey*="ExperienceTopLevelSection"]')?.remove();
    expect(readProfile(doc, 'https://www.linkedin.com/in/priya-raman-4410/')).toEqual({
      fullName: 'Priya Raman',
      headline: 'VP Engineering at Brightwater Analytics · Building sensor fusion teams',
      currentTitle: 'VP Engineering',
      currentCompany: 'Brightwater Analytics',
      location: 'Lyon, Auvergne-Rhône-Alpes, France',
      profileUrl: 'https://www.linkedin.com/in/priya-raman-4410',
    });
  });

  it('takes the company from the top card when the Experience section has not loaded', () => {
    const doc = fixture('profile-classic.html');
    doc.querySelector('#experience')?.closest('section')?.remove();
    const profile = readProfile(doc, 'https://www.linkedin.com/in/lena-brandt-7a3b21/');
    expect(profile?.currentCompany).toBe('Acme Robotics');
    expect(profile?.currentTitle).toBeNull();
  });

  it('prefers the current position the top card names when there are several', () => {
    const entry = (title: string, company: string, dates: string) =>
      `<div data-view-name="profile-component-entity"><div class="t-bold"><span aria-hidden="true">${title}</span><span class="visually-hidden">${title}</span></div>` +
      `<span class="t-14 t-normal"><span aria-hidden="true">${company}</span><span class="visually-hidden">${company}</span></span>` +
      `<span class="t-14 t-normal t-black--light"><span aria-hidden="true">${dates}</span><span class="visually-hidden">${dates}</span></span></div>`;
    const doc = page(
      '<main><section class="pv-top-card"><h1 class="text-heading-xlarge">Ana Costa</h1>' +
        '<button aria-label="Current company: Acme Robotics. Click to skip to experience card">Acme Robotics</button></section>' +
        `<section><div id="experience"></div><ul><li>${entry('Board Advisor', 'Umbra Components · Part-time', 'Jan 2024 - Present')}</li>` +
        `<li>${entry('CFO', 'Acme Robotics · Full-time', 'Feb 2022 - Present · 3 yrs')}</li></ul></section></main>`,
    );
    const profile = readProfile(doc, 'https://www.linkedin.com/in/ana-costa/');
    expect(profile?.currentTitle).toBe('CFO');
    expect(profile?.currentCompany).toBe('Acme Robotics');
    expect(profile?.headline).toBeNull();
    expect(profile?.location).toBeNull();
  });

  it('ignores embedded data about other people and blocks that are not JSON', () => {
    const doc = page(
      '<script type="application/ld+json">{"@type":"Person","name":"Hugo Lefèvre","url":"https://fr.linkedin.com/in/hugo-lefevre-globex","worksFor":{"@type":"Organization","name":"Globex Conveyors"}}</script>' +
        '<script type="application/ld+json">{not json</script><code style="display:none">{"included": 5}</code><code>[1,2</code>' +
        '<main><section class="pv-top-card"><h1>Ana Costa</h1></section></main>',
    );
    expect(readProfile(doc, 'https://www.linkedin.com/in/ana-costa/')).toEqual({
      fullName: 'Ana Costa',
      headline: null,
      currentTitle: null,
      currentCompany: null,
      location: null,
      profileUrl: 'https://www.linkedin.com/in/ana-costa',
    });
  });

  it('returns null off a profile, on a profile sub-page, and before the profile has rendered', () => {
    const profileDoc = fixture('profile-classic.html');
    const feed = fixture('feed.html');
    expect(readProfile(feed, 'https://www.linkedin.com/feed/')).toBeNull();
    expect(readProfile(profileDoc, 'https://www.linkedin.com/feed/')).toBeNull();
    expect(readProfile(profileDoc, 'https://www.linkedin.com/in/lena-brandt-7a3b21/details/experience/')).toBeNull();
    expect(readProfile(profileDoc, 'https://www.linkedin.com/company/acme-robotics/')).toBeNull();
    // SPA navigation: the address already says profile, the DOM is still the feed.
    expect(readProfile(feed, 'https://www.linkedin.com/in/lena-brandt-7a3b21/')).toBeNull();
  });
});

describe('readConversation', () => {
  const lena = { name: 'Lena Brandt', profileUrl: 'https://www.linkedin.com/in/lena-brandt-7a3b21' };
  const dana = { name: 'Dana Whitfield', profileUrl: 'https://www.linkedin.com/in/dana-whitfield-highcard' };
  const jonas = { name: 'Jonas Weber', profileUrl: 'https://www.linkedin.com/in/ACoAAB9xYzQwErTyUiOpAsDfGhJkLzXcVbNm' };
  const tomas = { name: 'Tomás Reyes', profileUrl: 'https://www.linkedin.com/in/tomás-reyes-4b2' };
  const urn = (id: string) => `urn:li:msg_message:(urn:li:fsd_profile:ACoAAD4n4WhItF1eLd0V1eW3rQ,${id})`;

  const messages: LinkedInMessage[] = [
    {
      eventUrn: urn('2-MTczMTkyMzI2MDAwMGIxMjM0NQ=='),
      sender: lena,
      time: '2025-11-18T09:41:00+01:00',
      text: 'Hi Dana, hi Jonas — thanks for the demo yesterday.',
    },
    {
      eventUrn: urn('2-MTczMTkyMzI4NTAwMGIxMjM0Ng=='),
      sender: lena,
      time: '2025-11-18T09:41:00+01:00',
      text: 'Could you send the pricing for 40 sites?\nWe need it before the budget meeting on Friday.',
    },
    {
      eventUrn: urn('2-MTczMTkyNDcwMDAwMGIxMjM0Nw=='),
      sender: dana,
      time: '2025-11-18T10:05:00+01:00',
      text: 'Sure — here is the pilot plan: https://acme-pilot.example/plan',
    },
    {
      eventUrn: urn('2-MTczMjQ2MTEyMDAwMGIxMjM0OA=='),
      sender: jonas,
      time: '2025-11-24T16:12:00+01:00',
      text: 'Adding Tomás from procurement.',
    },
    {
      eventUrn: urn('2-MTczMjQ2MjIwMDAwMGIxMjM1MA=='),
      sender: tomas,
      time: '2025-11-24T16:30:00+01:00',
      text: 'Hi all. Budget is approved for 12 sites in Q1; 40 is a 2026 discussion.',
    },
    {
      eventUrn: urn('2-MTczMjQ2MjI2MDAwMGIxMjM1MQ=='),
      sender: tomas,
      time: '2025-11-24T16:30:00+01:00',
      text: 'One question: does the price include on-site training?',
    },
    {
      eventUrn: urn('2-MTczMjY5NDUyMDAwMGIxMjM1Mg=='),
      sender: lena,
      time: '2025-11-27T09:02:00+01:00',
      text: 'Great news. Dana, can we meet Thursday at 10?',
    },
    {
      // The profile link inside the text is what Lena wrote, not a new sender.
      eventUrn: urn('2-MTczMjY5NDU4MDAwMGIxMjM1Mw=='),
      sender: lena,
      time: '2025-11-27T09:02:00+01:00',
      text: 'Also looping in Priya Raman for the sensor side.',
    },
  ];

  it('reads a group conversation in the classic layout', () => {
    const conversation = readConversation(fixture('messaging-thread.html'), THREAD_URL, CLOCK);
    const expected: LinkedInConversation = {
      threadId: THREAD_ID,
      title: 'Acme Robotics pilot',
      participants: [lena, dana, jonas, tomas],
      messages,
    };
    expect(conversation).toEqual(expected);
    expect(linkedInConversationSchema.parse(conversation)).toEqual(expected);
  });

  it('reads the same conversation in the layout with generated class names', () => {
    const conversation = readConversation(fixture('messaging-thread-generated-classes.html'), THREAD_URL, CLOCK);
    expect(conversation).toEqual({
      threadId: THREAD_ID,
      title: 'Acme Robotics pilot',
      // The header names the others first; the viewer appears as a sender.
      participants: [lena, jonas, tomas, dana],
      messages,
    });
  });

  it('never returns the screen-reader copy of a name or the "sent the following messages" heading', () => {
    for (const name of ['messaging-thread.html', 'messaging-thread-generated-classes.html']) {
      const conversation = readConversation(fixture(name), THREAD_URL, CLOCK);
      const values = JSON.stringify(conversation);
      expect(values).not.toContain('sent the following messages');
      expect(values).not.toContain('Tomás ReyesTomás Reyes');
      expect(values).not.toContain('Tomás Reyes Tomás Reyes');
      expect(values).not.toContain('is typing');
      expect(values).not.toContain('Giulia');
    }
  });

  it('leaves sender and time empty rather than guessing when the group start is not loaded', () => {
    const doc = fixture('messaging-thread.html');
    // Scrolled so the first loaded message continues Lena's group; its heading and name are gone.
    doc.querySelector('#ember512')?.remove();
    const conversation = readConversation(doc, THREAD_URL, CLOCK);
    expect(conversation?.messages[0]).toEqual({ ...messages[1], sender: null, time: null });
    // Dana's time is shown, but the day it belongs to is not: no time rather than a wrong one.
    expect(conversation?.messages[1]).toEqual({ ...messages[2], time: null });
    expect(conversation?.messages[2]).toEqual(messages[3]);
  });

  it('gives no time for a day heading it cannot read', () => {
    const doc = fixture('messaging-thread.html');
    const heading = doc.querySelector('time.msg-s-message-list__time-heading');
    if (heading) heading.textContent = '18. November';
    const times = readConversation(doc, THREAD_URL, CLOCK)?.messages.map((message) => message.time);
    expect(times).toEqual([null, null, null, ...messages.slice(3).map((message) => message.time)]);
  });

  it('uses the browser timezone when none is given', () => {
    const conversation = readConversation(fixture('messaging-thread.html'), THREAD_URL);
    for (const message of conversation?.messages ?? []) {
      // "Nov 18" is read relative to the real today, so only the shape is certain.
      if (message.time !== null) expect(message.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
    }
    expect(conversation?.messages.at(-1)?.time).toMatch(/T09:02:00[+-]\d{2}:\d{2}$/);
  });

  it('returns null off a thread, and for chat bubbles docked on other pages', () => {
    const feed = fixture('feed.html');
    expect(readConversation(feed, 'https://www.linkedin.com/feed/', CLOCK)).toBeNull();
    expect(readConversation(feed, THREAD_URL, CLOCK)).toBeNull();
    expect(readConversation(fixture('messaging-thread.html'), 'https://www.linkedin.com/messaging/', CLOCK)).toBeNull();
    expect(readConversation(fixture('profile-classic.html'), THREAD_URL, CLOCK)).toBeNull();
  });
});
