import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isGmailUrl,
  isThreadView,
  parseGmailDate,
  readOpenThread,
  threadRefFromHash,
  threadRefFromUrl,
  type GmailThread,
  type TimeZoneOffset,
} from '../../../../utils/capture/gmail';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/gmail');

function fixtureHtml(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

function fixture(name: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
}

function page(markup: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${markup}</body></html>`, 'text/html');
}

/** Central Europe: +01:00 in winter, +02:00 from the last Sunday of March to that of October. */
const berlin: TimeZoneOffset = (wallClock) => {
  const month = wallClock.getMonth();
  return month > 2 && month < 9 ? 120 : 60;
};
const plusOne: TimeZoneOffset = () => 60;
const utc: TimeZoneOffset = () => 0;

const THREAD_TOKEN = 'FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm';
const BASE = 'https://mail.google.com/mail/u/0/';

describe('Gmail URLs', () => {
  it.each([
    `${BASE}#inbox`,
    `${BASE}#inbox/${THREAD_TOKEN}`,
    'https://mail.google.com/mail/u/1/#label/Customers',
    'https://mail.google.com/mail/?authuser=ana.ruiz@lumen-logistics.example#inbox',
    'https://mail.google.com/mail/ca/u/0/#inbox',
  ])('%s is Gmail', (url) => {
    expect(isGmailUrl(url)).toBe(true);
  });

  it.each([
    'http://mail.google.com/mail/u/0/#inbox',
    'https://calendar.google.com/calendar/u/0/r',
    'https://mail.google.com/chat/u/0/#chat/home',
    'https://mail.google.com.evil.example/mail/u/0/#inbox',
    'https://www.linkedin.com/in/mia-schmidt',
    'not a url',
    '',
  ])('%s is not Gmail', (url) => {
    expect(isGmailUrl(url)).toBe(false);
  });

  it.each([
    [`${BASE}#inbox/${THREAD_TOKEN}`, THREAD_TOKEN],
    [`${BASE}#search/foo/${THREAD_TOKEN}`, THREAD_TOKEN],
    [`${BASE}#search/acme+pilot/${THREAD_TOKEN}`, THREAD_TOKEN],
    [`${BASE}#label/Customers/${THREAD_TOKEN}`, THREAD_TOKEN],
    [`${BASE}#label/Customers%2FAcme/${THREAD_TOKEN}`, THREAD_TOKEN],
    [`${BASE}#category/promotions/${THREAD_TOKEN}`, THREAD_TOKEN],
    [`${BASE}#starred/${THREAD_TOKEN}`, THREAD_TOKEN],
    [`${BASE}#sent/KtbxLthZmXgWcDqPmWvHbTRLzqNpfBxGgq`, 'KtbxLthZmXgWcDqPmWvHbTRLzqNpfBxGgq'],
    [`${BASE}#inbox/${THREAD_TOKEN}?compose=new`, THREAD_TOKEN],
    [`${BASE}#inbox/19a9b6ffb9958e52`, '19a9b6ffb9958e52'],
    [`https://mail.google.com/mail/u/3/#all/${THREAD_TOKEN}`, THREAD_TOKEN],
  ])('%s shows a thread', (url, ref) => {
    expect(isThreadView(url)).toBe(true);
    expect(threadRefFromUrl(url)).toBe(ref);
    // What the content script reads from `location.hash` alone, on Gmail's own pages.
    expect(threadRefFromHash(new URL(url).hash)).toBe(ref);
  });

  it.each([
    `${BASE}#inbox`,
    `${BASE}`,
    `${BASE}#inbox/p2`,
    `${BASE}#search/foo`,
    `${BASE}#search/${THREAD_TOKEN}`,
    `${BASE}#search/whatsappbusinessverification`,
    `${BASE}#settings/general`,
    `${BASE}#settings/filters/${THREAD_TOKEN}`,
    `${BASE}#label/X`,
    `${BASE}#label/Customers`,
    `${BASE}#label/Customers/p3`,
    `${BASE}#inbox?compose=new`,
    `${BASE}#inbox?compose=CllgCJZbQrxKXwWvHBdgcdBkpGcFPjxhCdcvSkTnKmGmxKrNmNDCLfxnJRgVbHTWNRKlgvSjgBV`,
    `${BASE}#drafts`,
    `https://mail.google.com.evil.example/mail/u/0/#inbox/${THREAD_TOKEN}`,
    `https://calendar.google.com/#inbox/${THREAD_TOKEN}`,
    'not a url',
  ])('%s shows no thread', (url) => {
    expect(isThreadView(url)).toBe(false);
    expect(threadRefFromUrl(url)).toBeNull();
    if (isGmailUrl(url)) expect(threadRefFromHash(new URL(url).hash)).toBeNull();
  });
});

describe('Gmail dates', () => {
  it.each([
    ['Fri, Nov 20, 2026, 9:41 AM', '2026-11-20T09:41:00+01:00'],
    ['Fri, Nov 20, 2026, 9:41\u202fAM', '2026-11-20T09:41:00+01:00'],
    ['Fri, Nov 20, 2026 at 9:41 AM', '2026-11-20T09:41:00+01:00'],
    ['Nov 20, 2026, 9:41 AM', '2026-11-20T09:41:00+01:00'],
    ['Nov 19, 2026, 4:02 PM (1 day ago)', '2026-11-19T16:02:00+01:00'],
    ['Fri, 20 Nov 2026, 09:41', '2026-11-20T09:41:00+01:00'],
    ['Friday, November 20, 2026 at 9:41:07 a.m.', '2026-11-20T09:41:07+01:00'],
    ['Tue, Sept 1, 2026, 12:05 AM', '2026-09-01T00:05:00+01:00'],
    ['Tue, Sep 1, 2026, 12:05 PM', '2026-09-01T12:05:00+01:00'],
    ['2026-11-20 09:41', '2026-11-20T09:41:00+01:00'],
    ['2026年11月20日(金) 9:41', '2026-11-20T09:41:00+01:00'],
  ])('reads "%s" as local time: %s', (text, iso) => {
    expect(parseGmailDate(text, plusOne)).toBe(iso);
  });

  it('writes the offset the zone has on that day, including daylight saving time', () => {
    expect(parseGmailDate('Tue, Jul 14, 2026, 9:00 AM', berlin)).toBe('2026-07-14T09:00:00+02:00');
    expect(parseGmailDate('Fri, Nov 20, 2026, 9:00 AM', berlin)).toBe('2026-11-20T09:00:00+01:00');
  });

  it('hands the offset function the wall-clock time as a local date', () => {
    const offset = vi.fn<TimeZoneOffset>(() => 0);
    parseGmailDate('Fri, Nov 20, 2026, 9:41 PM', offset);
    const wallClock = offset.mock.calls[0]?.[0];
    expect([wallClock?.getFullYear(), wallClock?.getMonth(), wallClock?.getDate()]).toEqual([2026, 10, 20]);
    expect([wallClock?.getHours(), wallClock?.getMinutes()]).toEqual([21, 41]);
  });

  it('writes UTC, negative and half-hour offsets as ±hh:mm', () => {
    expect(parseGmailDate('Fri, Nov 20, 2026, 9:41 AM', utc)).toBe('2026-11-20T09:41:00+00:00');
    expect(parseGmailDate('Fri, Nov 20, 2026, 9:41 AM', () => -300)).toBe('2026-11-20T09:41:00-05:00');
    expect(parseGmailDate('Fri, Nov 20, 2026, 9:41 AM', () => 330)).toBe('2026-11-20T09:41:00+05:30');
    expect(parseGmailDate('Fri, Nov 20, 2026, 9:41 AM', () => -210)).toBe('2026-11-20T09:41:00-03:30');
  });

  it("uses the browser's own offset by default", () => {
    const minutes = -new Date(2026, 10, 20, 9, 41).getTimezoneOffset();
    const sign = minutes < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
    const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
    expect(parseGmailDate('Fri, Nov 20, 2026, 9:41 AM')).toBe(`2026-11-20T09:41:00${sign}${hh}:${mm}`);
  });

  it.each([
    ['9:41 AM (2 hours ago)'],
    ['Yesterday'],
    ['Nov 20'],
    ['Nov 20, 9:41 AM'],
    ['Thu, Nov 20, 2026, 9:41 AM'],
    ['Feb 30, 2026, 9:41 AM'],
    ['Nov 20, 2026, 13:41 PM'],
    ['Nov 20, 2026, 0:41 AM'],
    ['Nov 20, 2026, 24:10'],
    ['Nov 20, 2026, 9:61'],
    ['Nov 20 21, 2026, 9:41 AM'],
    ['Fr., 20. Nov. 2026, 09:41'],
    ['20/11/2026 09:41'],
    ['<script>alert(3)</script>'],
    ['constructor 20 2026 9:41'],
    [''],
    [null],
    [undefined],
  ])('gives null, never a guess, for %j', (text) => {
    expect(parseGmailDate(text, plusOne)).toBeNull();
  });

  it('gives null when the offset function returns something that is not an offset', () => {
    expect(parseGmailDate('Fri, Nov 20, 2026, 9:41 AM', () => Number.NaN)).toBeNull();
    expect(parseGmailDate('Fri, Nov 20, 2026, 9:41 AM', () => 60.5)).toBeNull();
    expect(parseGmailDate('Fri, Nov 20, 2026, 9:41 AM', () => 24 * 60)).toBeNull();
  });
});

const ANA = { name: 'Ana Ruiz', email: 'ana.ruiz@lumen-logistics.example' };
const MIA = { name: 'Mia Schmidt', email: 'mia.schmidt@acme-robotics.example' };
const JONAS = { name: 'Jonas Weber', email: 'jonas.weber@acme-robotics.example' };
const PRIYA = { name: 'Priya Nair', email: 'priya.nair@lumen-logistics.example' };

describe('reading a thread with expanded and collapsed messages', () => {
  const read = () => readOpenThread(fixture('thread-expanded-and-collapsed.html'), { timeZoneOffset: plusOne });

  it('reads the thread ids and the subject from the subject heading', () => {
    const thread = read();
    expect(thread?.threadId).toBe('thread-f:1849210331458801234');
    expect(thread?.legacyThreadId).toBe('19a9b6ffb9958e52');
    expect(thread?.subject).toBe('Acme Robotics — pilot rollout for the Hamburg warehouse');
  });

  it('returns every message in page order, each with its ids and the hash dropped', () => {
    const messages = read()?.messages ?? [];
    expect(messages.map((message) => [message.messageId, message.legacyMessageId])).toEqual([
      ['msg-f:1849210331458801234', '19a9b6ffb9958e52'],
      ['msg-f:1849298765432101234', '19aa076ddd261972'],
      ['msg-f:1849470318523456789', '19aaa374ae381d15'],
      ['msg-f:1849560000123456789', '19aaf5054e214d15'],
    ]);
  });

  it('keeps sender, date and snippet of collapsed messages but no body, signature or recipients', () => {
    const [first, second] = read()?.messages ?? [];
    expect(first).toEqual({
      messageId: 'msg-f:1849210331458801234',
      legacyMessageId: '19a9b6ffb9958e52',
      sender: ANA,
      recipients: [],
      date: '2026-11-16T14:15:00+01:00',
      collapsed: true,
      body: null,
      signature: null,
      snippet:
        'Hi Mia, great to meet you and Jonas at the demo. As promised, here is the pilot proposal for Hamburg: 40 robots, routing module, 90 days…',
    });
    expect(second).toMatchObject({ sender: MIA, date: '2026-11-18T11:27:00+01:00', collapsed: true });
  });

  it('does not read the body Gmail keeps hidden in a collapsed message', () => {
    const second = read()?.messages[1];
    expect(second?.body).toBeNull();
    expect(second?.snippet).toBe(
      'Thanks Ana! Before I take this to our CFO: does the routing module read SAP EWM exports, and is onboarding part of the price?',
    );
  });

  it('reads an expanded message: sender, to and cc recipients, date with offset, body and signature apart', () => {
    expect(read()?.messages[3]).toEqual({
      messageId: 'msg-f:1849560000123456789',
      legacyMessageId: '19aaf5054e214d15',
      sender: MIA,
      recipients: [ANA, JONAS, PRIYA],
      date: '2026-11-20T09:41:00+01:00',
      collapsed: false,
      body: [
        'Hi Ana,',
        '',
        'thanks for the quick answers. Two things from our side before we sign the pilot order:',
        '1. Jonas will send a sample EWM export on Monday; please confirm the mapping works with our custom fields.',
        '2. Pricing: 38 robots at the volume tier you mentioned (€41 per robot per month) works for us if onboarding stays included.',
        'If both are fine, we can start on December 1.',
        '',
        'Best,',
        'Mia',
      ].join('\n'),
      signature: ['Mia Schmidt', 'Head of Operations | Acme Robotics GmbH', 'Speicherstraße 12, 20457 Hamburg', '+49 40 555 010'].join('\n'),
      snippet: null,
    });
  });

  it('leaves out quoted history shown inline, with its "On … wrote:" line, and the older signature markup', () => {
    const third = read()?.messages[2];
    expect(third).toMatchObject({
      sender: ANA,
      recipients: [MIA, JONAS, PRIYA],
      date: '2026-11-19T16:02:00+01:00',
      collapsed: false,
      body: [
        'Hi Mia,',
        '',
        'good questions, both answered with a yes:',
        '- The routing module imports SAP EWM wave exports (CSV or IDoc). Priya, our solutions engineer, is on cc and can walk Jonas through the mapping.',
        '- Onboarding (two on-site days plus remote support for the 90 days) is included in the pilot price.',
        'Shall I send the order form for a December start?',
        '',
        'Best regards,',
        'Ana',
      ].join('\n'),
      signature: 'Ana Ruiz\nAccount Executive, Lumen Logistics\nlumen-logistics.example',
    });
    expect(third?.body).not.toContain('wrote:');
    expect(third?.body).not.toContain('CFO');
  });

  it('leaves out quoted history behind "…" (trimmed content)', () => {
    const body = read()?.messages[3]?.body ?? '';
    expect(body).not.toMatch(/wrote:|Shall I send|IDoc/);
  });

  it('never reads the hidden "Show details" card, so a bcc there stays out', () => {
    const emails = read()?.messages.flatMap((message) => message.recipients.map((person) => person.email));
    expect(emails).not.toContain('archive@acme-robotics.example');
  });

  it('reads recipients by their name, not by the "me" Gmail shows for the signed-in user', () => {
    expect(read()?.messages[3]?.recipients[0]).toEqual(ANA);
  });

  it('writes dates with the offset it is given, or UTC', () => {
    const thread = readOpenThread(fixture('thread-expanded-and-collapsed.html'), { timeZoneOffset: utc });
    expect(thread?.messages.map((message) => message.date)).toEqual([
      '2026-11-16T14:15:00+00:00',
      '2026-11-18T11:27:00+00:00',
      '2026-11-19T16:02:00+00:00',
      '2026-11-20T09:41:00+00:00',
    ]);
  });

  it('reads the same thread when loaded into the live document', () => {
    const html = fixtureHtml('thread-expanded-and-collapsed.html');
    document.documentElement.innerHTML = html.slice(html.indexOf('<head>'), html.lastIndexOf('</html>'));
    expect(readOpenThread(document, { timeZoneOffset: plusOne })).toEqual(read());
  });
});

describe('reading a thread with hostile content', () => {
  const read = () => readOpenThread(fixture('thread-hostile-content.html'), { timeZoneOffset: plusOne });

  it('returns tag-like subject, name and snippet text as plain text', () => {
    const thread = read();
    expect(thread?.subject).toBe('<img src=x onerror=alert(1)> Invoice 4471 overdue');
    expect(thread?.messages[1]?.sender).toEqual({ name: 'Mallory <b>Accounts</b>', email: 'mallory@invoices-4471.example' });
    expect(thread?.messages[0]?.snippet).toBe('<iframe src="//evil.example/frame"></iframe> Your invoice is attached');
  });

  it('returns the body as the text a person sees: escaped script as text, no markup, no hidden or inert content', () => {
    expect(read()?.messages[1]?.body).toBe(
      [
        'Hello,',
        '',
        'please paste this into your console: <script>window.__pwned=1</script>',
        'Tracking pixel below.',
        'View invoice',
        '',
        'Your CEO',
        '',
        'Jan 1, 2024',
        '',
        'Spoofed subject',
        '',
        'Spoofed message',
        'Regards,',
        'Mallory',
      ].join('\n'),
    );
  });

  it('does not let markup inside a body pose as the sender, date, subject, thread or another message', () => {
    const thread = read();
    expect(thread?.threadId).toBe('thread-f:1849700000000000005');
    expect(thread?.legacyThreadId).toBe('19ab7459910a4005');
    expect(thread?.messages.map((message) => message.messageId)).toEqual([
      'msg-f:1849700000000000005',
      'msg-f:1849710000000000006',
    ]);
    expect(thread?.messages[1]?.sender?.email).toBe('mallory@invoices-4471.example');
    expect(thread?.messages[1]?.date).toBe('2026-11-24T07:05:00+01:00');
  });

  it('gives a null date for "Yesterday" rather than a guess', () => {
    expect(read()?.messages[0]?.date).toBeNull();
  });

  it('skips a recipient whose email attribute is not an address', () => {
    expect(read()?.messages[1]?.recipients).toEqual([ANA]);
  });

  it('no value carries attribute text, style, script or hidden text from the page', () => {
    const json = JSON.stringify(read());
    for (const leak of ['onerror="', '__pwned=2', '__pwned=3', 'javascript:', 'color:red', 'PREHEADER', 'aria-hidden duplicate', 'ceo@']) {
      expect(json).not.toContain(leak);
    }
  });

  describe('in the live document', () => {
    afterEach(() => {
      vi.restoreAllMocks();
      delete (window as unknown as { __pwned?: unknown }).__pwned;
    });

    it('creates, changes and runs nothing while reading', () => {
      const html = fixtureHtml('thread-hostile-content.html');
      document.documentElement.innerHTML = html.slice(html.indexOf('<head>'), html.lastIndexOf('</html>'));
      delete (window as unknown as { __pwned?: unknown }).__pwned;
      const before = document.documentElement.outerHTML;
      const elementCount = document.getElementsByTagName('*').length;
      const spies = [
        vi.spyOn(Document.prototype, 'createElement'),
        vi.spyOn(Document.prototype, 'importNode'),
        vi.spyOn(Node.prototype, 'cloneNode'),
        vi.spyOn(Element.prototype, 'insertAdjacentHTML'),
        vi.spyOn(DOMParser.prototype, 'parseFromString'),
      ];
      const innerHtml = vi.spyOn(Element.prototype, 'innerHTML', 'set');
      const records: MutationRecord[] = [];
      const observer = new MutationObserver((list) => records.push(...list));
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

      const thread = readOpenThread(document, { timeZoneOffset: plusOne });

      records.push(...observer.takeRecords());
      observer.disconnect();
      expect(thread?.messages[1]?.body).toContain('<script>window.__pwned=1</script>');
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      expect(innerHtml).not.toHaveBeenCalled();
      expect(records).toEqual([]);
      expect(document.getElementsByTagName('*').length).toBe(elementCount);
      expect(document.documentElement.outerHTML).toBe(before);
      expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
    });
  });
});

describe('reading a thread with non-Latin names and text', () => {
  const read = () => readOpenThread(fixture('thread-non-latin.html'), { timeZoneOffset: plusOne });
  const YAMADA = { name: '山田 太郎', email: 'taro.yamada@sakura-seiki.example' };
  const DJORDJE = { name: 'Ђорђе Петровић', email: 'djordje.petrovic@dunav-tech.example' };
  const MOHAMMED = { name: 'محمد الأحمد', email: 'mohammed.alahmad@nakheel-trading.example' };

  it('reads the whole thread exactly', () => {
    const expected: GmailThread = {
      threadId: 'thread-f:1849300000000000001',
      legacyThreadId: '19aa088d4f214001',
      subject: '見積もりのご依頼：倉庫ロボット導入について',
      messages: [
        {
          messageId: 'msg-f:1849300000000000001',
          legacyMessageId: '19aa088d4f214001',
          sender: YAMADA,
          recipients: [],
          date: '2026-11-23T08:05:00+01:00',
          collapsed: true,
          body: null,
          signature: null,
          snippet: 'アナ様 先日はデモをありがとうございました。名古屋倉庫での試験導入について、お見積もりをお願いできますでしょうか。',
        },
        {
          messageId: 'msg-f:1849390000000000002',
          legacyMessageId: '19aa5a681128e002',
          sender: DJORDJE,
          recipients: [YAMADA, ANA, MOHAMMED],
          date: '2026-11-24T15:30:00+01:00',
          collapsed: false,
          body: [
            'Поштовани,',
            '',
            'као дистрибутер за Србију потврђујемо интересовање за 12 робота. Можемо ли добити понуду у еврима до петка?',
            '',
            'Срдачан поздрав,',
            'Ђорђе',
          ].join('\n'),
          signature: 'Ђорђе Петровић\nДиректор набавке, Дунав Тех д.о.о.\nБеоград',
          snippet: null,
        },
        {
          messageId: 'msg-f:1849560000000000004',
          legacyMessageId: '19aaf50546c58004',
          sender: MOHAMMED,
          recipients: [DJORDJE, ANA],
          date: '2026-11-25T23:12:00+01:00',
          collapsed: false,
          body: [
            'مرحباً آنا،',
            '',
            'نحن مهتمون أيضاً بالنظام لمستودعنا في جدة (٢٠ روبوتاً). هل يشمل السعر التدريب باللغة العربية؟',
            '',
            'مع التحية،',
            'محمد',
          ].join('\n'),
          signature: null,
          snippet: null,
        },
      ],
    };
    expect(read()).toEqual(expected);
  });

  it('takes full names from the name attribute, not the short names on the "to" line', () => {
    expect(read()?.messages[1]?.recipients.map((person) => person.name)).toEqual(['山田 太郎', 'Ana Ruiz', 'محمد الأحمد']);
  });

  it('leaves out a quote whose attribution is written in another language', () => {
    expect(read()?.messages[2]?.body).not.toMatch(/2026年|Поштовани/);
  });
});

describe('reading a thread with a free-mail sender and a plain-text reply', () => {
  const read = () => readOpenThread(fixture('thread-free-mail.html'), { timeZoneOffset: plusOne });
  const LENA = { name: 'Lena Vogt', email: 'lena.vogt.1987@gmail.com' };

  it('reads the gmail.com sender like any other', () => {
    const messages = read()?.messages ?? [];
    expect(messages.map((message) => message.sender)).toEqual([LENA, ANA, LENA]);
  });

  it('reads a date from the tooltip attribute when there is no title', () => {
    expect(read()?.messages[1]?.date).toBe('2026-11-24T09:15:00+01:00');
  });

  it('splits a plain-text body at the "-- " line and drops the "> " quoted tail and its wrapped attribution', () => {
    expect(read()?.messages[2]).toEqual({
      messageId: 'msg-f:1849720000000000007',
      legacyMessageId: '19ab868a2def8007',
      sender: LENA,
      recipients: [ANA, { name: null, email: 'k.brandt.dispatch@gmail.com' }],
      date: '2026-11-24T21:52:00+01:00',
      collapsed: false,
      body: [
        'Hi Ana,',
        '',
        'January 21 works for us. Can you send an invoice to the co-op',
        '(Dispatch Kollektiv Nord eG) rather than to me personally? Kai from',
        'our board is in cc.',
        '',
        'Thanks,',
        'Lena',
      ].join('\n'),
      signature: 'Lena Vogt\nDispatch Kollektiv Nord\nSent from my phone',
      snippet: null,
    });
  });

  it('gives a null name, not the address, for a person Gmail shows only by address', () => {
    expect(read()?.messages[2]?.recipients[1]).toEqual({ name: null, email: 'k.brandt.dispatch@gmail.com' });
  });

  it('reads the thread ids and subject', () => {
    expect(read()).toMatchObject({
      threadId: 'thread-f:1849120000000000003',
      legacyThreadId: '19a964d7cb120003',
      subject: 'Workshop booking for 15 people',
    });
  });
});

describe('pages without an open thread', () => {
  it('returns null for the inbox list, even with a hidden thread view left in the page', () => {
    expect(readOpenThread(fixture('inbox.html'))).toBeNull();
  });

  it('returns null for an empty page and for a settings page', () => {
    expect(readOpenThread(page(''))).toBeNull();
    expect(readOpenThread(page('<div role="main"><h2 class="dt">Settings</h2><div role="tablist"><a>General</a></div></div>'))).toBeNull();
  });

  it('reads a thread shown beside the list (split pane) and takes no id from the list rows', () => {
    const doc = fixture('inbox.html');
    const hidden = doc.querySelector('div.nH.if[style]');
    hidden?.removeAttribute('style');
    const thread = readOpenThread(doc, { timeZoneOffset: plusOne });
    expect(thread?.threadId).toBe('thread-f:1849565656565656565');
    expect(thread?.messages).toHaveLength(1);
    expect(thread?.messages[0]).toMatchObject({ sender: PRIYA, body: 'Ana, here are my notes from the call with Jonas.' });

    hidden?.querySelector('h2')?.removeAttribute('data-thread-perm-id');
    hidden?.querySelector('h2')?.removeAttribute('data-legacy-thread-id');
    expect(readOpenThread(doc)).toMatchObject({ threadId: null, legacyThreadId: null });
  });
});

describe('fallbacks for other layouts', () => {
  const message = (header: string, body = '<div class="a3s">Hi</div>') =>
    `<div role="main"><h2 data-thread-perm-id="thread-f:42">Pilot</h2><div role="list"><div role="listitem">` +
    `<div data-message-id="#msg-f:43"><div class="gE">${header}</div><div class="ii gt">${body}</div></div></div></div></div>`;

  it('finds the subject, thread id and message without Gmail class names', () => {
    const thread = readOpenThread(page(message('<h3 class="iw"><span email="mia@acme.example" name="Mia">Mia</span></h3>')));
    expect(thread).toMatchObject({ threadId: 'thread-f:42', subject: 'Pilot', messages: [{ messageId: 'msg-f:43', body: 'Hi' }] });
    expect(thread?.messages[0]?.sender).toEqual({ name: 'Mia', email: 'mia@acme.example' });
  });

  it('reads the sender from the visible "<address>" text when no element carries an email attribute', () => {
    const thread = readOpenThread(
      page(message('<h3 class="iw"><span class="gD">Mia Schmidt</span> <span class="go">&lt;mia@acme.example&gt;</span></h3>')),
    );
    expect(thread?.messages[0]?.sender).toEqual({ name: 'Mia Schmidt', email: 'mia@acme.example' });
  });

  it('gives null ids and a null sender and date rather than wrong ones', () => {
    const doc = page(
      '<div role="main"><h2 class="hP" data-thread-perm-id="not-an-id">Pilot</h2>' +
        '<div class="adn" data-message-id="#12345" data-legacy-message-id="xyz"><span class="gD" email="not-an-address">Mia</span>' +
        '<span class="g3" title="Nov 20">Nov 20</span><div class="a3s">Hi</div></div></div>',
    );
    expect(readOpenThread(doc)).toEqual({
      threadId: null,
      legacyThreadId: null,
      subject: 'Pilot',
      messages: [
        { messageId: null, legacyMessageId: null, sender: null, recipients: [], date: null, collapsed: false, body: 'Hi', signature: null, snippet: null },
      ],
    });
  });

  it('reads the full date from the visible text when no attribute carries it', () => {
    const thread = readOpenThread(page(message('<span class="g3">Nov 19, 2026, 4:02 PM (1 day ago)</span>')), { timeZoneOffset: utc });
    expect(thread?.messages[0]?.date).toBe('2026-11-19T16:02:00+00:00');
  });

  it('treats a message in a collapsed list item as collapsed even if its body is in the page', () => {
    const doc = page(
      '<div role="main"><h2 class="hP">Pilot</h2><div role="listitem" class="kv"><div class="adf" data-message-id="#msg-f:1">' +
        '<span class="gD" email="mia@acme.example" name="Mia">Mia</span><div class="iA g6"><span>Short preview</span></div>' +
        '<div class="a3s aiL">Full body</div></div></div></div>',
    );
    expect(readOpenThread(doc)?.messages[0]).toMatchObject({ collapsed: true, body: null, snippet: 'Short preview' });
  });

  it.each([
    [
      'Apple Mail',
      '<div>Works for us.</div><div><br><blockquote type="cite"><div>On Nov 19, 2026, at 16:02, Ana Ruiz wrote:</div><div>Shall I send the order form?</div></blockquote></div>',
    ],
    [
      'Thunderbird',
      '<p>Works for us.</p><div class="moz-cite-prefix">On 11/19/26 4:02 PM, Ana Ruiz wrote:<br></div><blockquote type="cite">Shall I send the order form?</blockquote>',
    ],
    [
      'an unknown client',
      '<div>Works for us.</div><div>On Thu, Nov 19, 2026 at 4:02 PM Ana Ruiz wrote:</div><blockquote>Shall I send the order form?</blockquote>',
    ],
    [
      'Outlook',
      '<div>Works for us.</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Ana Ruiz<br><b>Sent:</b> Thursday</div><div>Shall I send the order form?</div>',
    ],
  ])('leaves out quoted history written by %s', (_client, body) => {
    const thread = readOpenThread(page(message('<span class="gD" email="mia@acme.example">Mia</span>', `<div class="a3s aiL">${body}</div>`)));
    expect(thread?.messages[0]?.body).toBe('Works for us.');
  });

  it('keeps a "--" line that is not the "-- " signature delimiter', () => {
    const thread = readOpenThread(
      page(message('<span class="gD" email="mia@acme.example">Mia</span>', '<div class="a3s aiL">Option A<br>--<br>Option B</div>')),
    );
    expect(thread?.messages[0]).toMatchObject({ body: 'Option A\n--\nOption B', signature: null });
  });
});
