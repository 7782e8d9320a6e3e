import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TimeZoneOffset } from '../../../../utils/capture/gmail';
import {
  isOutlookMessageView,
  isOutlookUrl,
  outlookItemIdFromUrl,
  parseOutlookDate,
  readOpenOutlookMessage,
  readOutlookAccountEmail,
} from '../../../../utils/capture/outlook';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/outlook');

function fixture(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, name), 'utf8'), 'text/html');
}

const plusOne: TimeZoneOffset = () => 60;
const CONVERSATION = 'AAQkADAwATM0MDAAMS1hYjEyLTRmZWYtMDACLTAwCgAQAJ3kZ';
const OPEN = `https://outlook.office.com/mail/inbox/id/${CONVERSATION}`;

describe('Outlook URLs', () => {
  it.each([
    'https://outlook.office.com/mail/',
    'https://outlook.office.com/mail/inbox',
    'https://outlook.office365.com/mail/inbox/id/AAQkAGI2TG93AAA%3D',
    'https://outlook.live.com/mail/0/inbox',
    'https://outlook.office.com/mail',
  ])('%s is Outlook mail', (url) => {
    expect(isOutlookUrl(url)).toBe(true);
  });

  it.each([
    'http://outlook.office.com/mail/inbox',
    'https://outlook.office.com/calendar/view/week',
    'https://outlook.office.com/mailbox',
    'https://outlook.office.com.evil.example/mail/inbox',
    'https://evil.example/outlook.office.com/mail/inbox',
    'https://mail.google.com/mail/u/0/#inbox',
    'not a url',
    '',
  ])('%s is not Outlook mail', (url) => {
    expect(isOutlookUrl(url)).toBe(false);
  });

  it.each([
    [OPEN, CONVERSATION],
    [`https://outlook.office.com/mail/id/${CONVERSATION}`, CONVERSATION],
    [`https://outlook.office.com/mail/sentitems/id/${CONVERSATION}`, CONVERSATION],
    ['https://outlook.office365.com/mail/inbox/id/AAMkAGI2TG93AAA%2FbC%3D%3D', 'AAMkAGI2TG93AAA/bC=='],
    [`https://outlook.live.com/mail/0/inbox/id/${CONVERSATION}`, CONVERSATION],
    [`https://outlook.office.com/mail/deeplink/read/${CONVERSATION}?ItemID=x`, CONVERSATION],
    [`https://outlook.office.com/mail/search/id/${CONVERSATION}`, CONVERSATION],
  ])('%s opens a message', (url, id) => {
    expect(isOutlookMessageView(url)).toBe(true);
    expect(outlookItemIdFromUrl(url)).toBe(id);
  });

  it.each([
    'https://outlook.office.com/mail/inbox',
    'https://outlook.office.com/mail/',
    'https://outlook.office.com/mail/deeplink/compose',
    'https://outlook.office.com/mail/options/general/appearance',
    'https://outlook.office.com/mail/inbox/id/',
    'https://outlook.office.com/mail/inbox/id/short',
    'https://outlook.office.com/mail/inbox/id/%E0%A4%A',
    `https://outlook.office.com/calendar/item/${CONVERSATION}`,
    `https://mail.google.com/mail/inbox/id/${CONVERSATION}`,
  ])('%s opens no message', (url) => {
    expect(isOutlookMessageView(url)).toBe(false);
  });
});

describe('Outlook dates', () => {
  it('reads the month first in US English and the day first elsewhere', () => {
    expect(parseOutlookDate('Fri 11/20/2026 9:41 AM', 'en-US', plusOne)).toBe('2026-11-20T09:41:00+01:00');
    expect(parseOutlookDate('Thu 19/11/2026 16:02', 'en-GB', plusOne)).toBe('2026-11-19T16:02:00+01:00');
    expect(parseOutlookDate('Do 19.11.2026 16:02', null, plusOne)).toBe('2026-11-19T16:02:00+01:00');
    expect(parseOutlookDate('Monday, November 23, 2026 7:12 PM', 'en-US', plusOne)).toBe('2026-11-23T19:12:00+01:00');
  });

  it('gives null rather than guess the order of day and month', () => {
    expect(parseOutlookDate('3/4/2026 10:00', null, plusOne)).toBeNull();
    expect(parseOutlookDate('13/4/2026 10:00', null, plusOne)).toBe('2026-04-13T10:00:00+01:00');
    expect(parseOutlookDate('Yesterday 10:00', 'en-US', plusOne)).toBeNull();
    expect(parseOutlookDate('2/30/2026 10:00 AM', 'en-US', plusOne)).toBeNull();
    expect(parseOutlookDate('11/20/2026 13:00 PM', 'en-US', plusOne)).toBeNull();
  });
});

describe('readOpenOutlookMessage', () => {
  it('reads the reading pane: subject, sender, recipients without the user, date, body', () => {
    const doc = fixture('reading-pane-light.html');
    const read = readOpenOutlookMessage(doc, OPEN, { timeZoneOffset: plusOne });
    expect(read).toEqual({
      itemId: CONVERSATION,
      subject: 'Pilot pricing for Q1',
      me: 'ana.ruiz@lumen-logistics.example',
      unread: [],
      messages: [
        {
          messageId: null,
          sender: { name: 'Mia Schmidt', email: 'mia.schmidt@acme-robotics.example' },
          fromMe: false,
          recipients: [
            { name: 'Jonas Weber', email: 'jonas.weber@acme-robotics.example' },
            { name: 'Priya Natarajan', email: 'priya.natarajan@acme-robotics.example' },
          ],
          date: '2026-11-20T09:41:00+01:00',
          collapsed: false,
          body: [
            'Hi Ana,',
            '',
            'thanks for the call. Before we sign, two points from our side:',
            '- the pilot price of EUR 4,800 per month only works for us if onboarding is included;',
            '- we need the SAP connector by March, otherwise finance will not approve.',
            'Could you confirm both by Friday?',
            '',
            'Best,',
            'Mia',
          ].join('\n'),
          snippet: null,
        },
      ],
    });
  });

  it('reads a dark-theme pane with a day-first date and leaves Outlook’s quoted history out', () => {
    const doc = fixture('reading-pane-dark.html');
    const read = readOpenOutlookMessage(doc, 'https://outlook.office365.com/mail/inbox/id/AAMkAGI2TG93AAA%3D', { timeZoneOffset: plusOne });
    expect(read?.me).toBeNull();
    expect(read?.subject).toBe('Re: Renewal');
    const [message] = read?.messages ?? [];
    expect(message?.date).toBe('2026-11-19T16:02:00+01:00');
    expect(message?.sender).toEqual({ name: 'Tom Becker', email: 'tom.becker@borealis-freight.example' });
    // The address of the user is not on the page, so the reader cannot leave it out: the lookup does.
    expect(message?.recipients.map((p) => p.email)).toEqual(['ana.ruiz@lumen-logistics.example']);
    expect(message?.body).toBe(
      'Hi Ana,\n\nwe will renew for another year, but our board wants the 12% discount in writing. Northwind has offered us the same volume for less.\n\nTom',
    );
    expect(message?.body).not.toMatch(/Preheader|From:|contract ends/);
  });

  it('reads a conversation in page order: collapsed messages keep only their preview', () => {
    const doc = fixture('conversation-light.html');
    const read = readOpenOutlookMessage(doc, OPEN, { timeZoneOffset: plusOne });
    expect(read?.unread).toEqual([]);
    expect(read?.messages.map((m) => [m.messageId, m.sender?.name, m.collapsed, m.date])).toEqual([
      ['AAMkADAwATM0MDAAMS1hYjEyAAA1=', 'Mia Schmidt', true, '2026-11-17T14:10:00+01:00'],
      ['AAMkADAwATM0MDAAMS1hYjEyAAA2=', 'Ana Ruiz', false, '2026-11-18T10:05:00+01:00'],
      ['AAMkADAwATM0MDAAMS1hYjEyAAA3=', 'Jonas Weber', false, '2026-11-19T08:30:00+01:00'],
    ]);
    const [first, second, third] = read!.messages;
    expect(first).toMatchObject({ body: null, recipients: [], snippet: 'Hi Ana, we would like to start a pilot in January with two warehouses…' });
    expect(second?.body).toBe(
      'Hi Mia,\nthe pilot price for two warehouses is EUR 4,800 per month. I have copied Ben, who runs onboarding.\nAna',
    );
    expect(third?.body).toBe(
      'Ana,\n\n4,800 is above what we budgeted. Siemens offered 3,900 for the same scope.\nIf you can match that we sign this month.\n\nJonas',
    );
    expect(third?.recipients.map((p) => p.name)).toEqual(['Ana Ruiz', 'Mia Schmidt', 'Ben Okafor']);
  });

  it('reads a dark conversation, knows the user by the account button and marks their message', () => {
    const doc = fixture('conversation-dark.html');
    const read = readOpenOutlookMessage(doc, 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATY3ZmYAZS1hMWQ', { timeZoneOffset: plusOne });
    expect(read?.me).toBe('sam.lee@outlook.example');
    expect(read?.messages.map((m) => [m.sender?.email, m.fromMe, m.messageId])).toEqual([
      ['carla@northwind-mills.example', false, null],
      ['sam.lee@outlook.example', true, null],
    ]);
    const [carla] = read!.messages;
    expect(carla?.recipients).toEqual([]);
    expect(carla?.date).toBe('2026-11-23T19:12:00+01:00');
    expect(carla?.body).toBe(
      'Sam,\n\nnext year we expect to double our order volume — about 40 pallets a week from March.\n\nCan your team handle weekend deliveries?',
    );
  });

  it('never reads names from aria-hidden avatars or screen-reader-only lines', () => {
    for (const name of ['reading-pane-light.html', 'conversation-light.html', 'conversation-dark.html']) {
      const read = readOpenOutlookMessage(fixture(name), OPEN, { timeZoneOffset: plusOne });
      const text = JSON.stringify(read);
      expect(text).not.toMatch(/Sender Mia Schmidt|sent this message|Conversation with 3|"MS"|"AR"/);
    }
  });

  it('keeps a hostile message as inert text and ignores header markup inside the body', () => {
    const doc = fixture('message-hostile.html');
    const read = readOpenOutlookMessage(doc, 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYjEyLTRmZWYtMDACLTAwCgAQAHst1', {
      timeZoneOffset: plusOne,
    });
    expect(read?.subject).toBe('<img src=x onerror=alert(1)> Invoice 4471 overdue');
    expect(read?.messages).toHaveLength(1);
    const [message] = read!.messages;
    expect(message?.sender).toEqual({ name: '<b>Billing Desk</b>', email: 'billing@invoices-4471.example' });
    expect(message?.date).toBe('2026-11-21T23:11:00+01:00');
    expect(message?.recipients).toEqual([]);
    expect(message?.body).toContain('Dear customer, <script>alert("owned")</script> your invoice is overdue.');
    expect(message?.body).not.toMatch(/HIDDEN PREHEADER|__hostile|evil\.example/);
    expect((doc.defaultView as unknown as Record<string, unknown> | null)?.__hostile).toBeUndefined();
  });

  it('returns null with no message open, and for the message list of another conversation', () => {
    expect(readOpenOutlookMessage(fixture('mail-list.html'), 'https://outlook.office.com/mail/inbox')).toBeNull();
    expect(readOpenOutlookMessage(fixture('mail-list.html'), OPEN)?.messages).toEqual([]);
    expect(readOpenOutlookMessage(fixture('reading-pane-light.html'), 'https://outlook.office.com/mail/inbox')).toBeNull();
    const noPane = new DOMParser().parseFromString('<html><body><div role="listbox" aria-label="Message list"></div></body></html>', 'text/html');
    expect(readOpenOutlookMessage(noPane, OPEN)).toBeNull();
  });

  it('names what it could not read when the layout changed, and guesses nothing', () => {
    const read = readOpenOutlookMessage(fixture('conversation-broken.html'), OPEN, { timeZoneOffset: plusOne });
    expect(read).toEqual({ itemId: CONVERSATION, subject: 'Pilot pricing for Q1', me: null, messages: [], unread: ['MESSAGE'] });
  });

  it('names a missing sender or date instead of filling them in', () => {
    const doc = fixture('reading-pane-light.html');
    doc.querySelector('[aria-label^="From:"]')?.remove();
    doc.querySelector('[data-testid="SentReceivedSavedTime"]')!.textContent = 'Friday';
    const read = readOpenOutlookMessage(doc, OPEN, { timeZoneOffset: plusOne });
    expect(read?.messages[0]?.sender).toBeNull();
    expect(read?.messages[0]?.date).toBeNull();
    expect(read?.unread).toEqual(['SENDER', 'DATE']);
  });

  it('reads the signed-in address only from the account manager', () => {
    expect(readOutlookAccountEmail(fixture('reading-pane-light.html'))).toBe('ana.ruiz@lumen-logistics.example');
    expect(readOutlookAccountEmail(fixture('conversation-dark.html'))).toBe('sam.lee@outlook.example');
    expect(readOutlookAccountEmail(fixture('conversation-light.html'))).toBeNull();
  });
});
