import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOpenOutlookMessage, type OutlookConversation } from '../../../../utils/capture/outlook';
import { outlookMessageKey, outlookView } from '../../../../utils/panel/outlook-view';
import { customersFor, lookupEmailsFor, withoutOwnDomain } from '../../../../utils/panel/own-domain';
import type { DraftSeed } from '../../../../utils/preview';
import { seedOf } from '../../../../utils/panel/types';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/outlook');
const doc = (name: string) => new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, name), 'utf8'), 'text/html');
const URL_OPEN = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYjEyLTRmZWYtMDACLTAwCgAQAJ3kZ';

function viewOf(name: string, url = URL_OPEN) {
  const page = doc(name);
  const read = () => readOpenOutlookMessage(page, url, { timeZoneOffset: () => 60 });
  return outlookView(read()!, { url });
}

describe('the Outlook sidebar view', () => {
  it('offers each message, the customer first, and files the message the rep chose', () => {
    const view = viewOf('conversation-light.html');
    expect(view.heading).toBe('Pilot pricing for Q1');
    expect(view.sources.map((s) => s.key)).toEqual([
      'outlook:AAMkADAwATM0MDAAMS1hYjEyAAA1=',
      'outlook:AAMkADAwATM0MDAAMS1hYjEyAAA2=',
      'outlook:AAMkADAwATM0MDAAMS1hYjEyAAA3=',
    ]);
    expect(view.sources[0]?.notice).toMatch(/Open this message in Outlook first/);
    expect(view.unreadable).toBeUndefined();
    const seed = seedOf(view.sources[2]!, null) as DraftSeed;
    expect(seed).toMatchObject({
      kind: 'email',
      sourceRef: 'outlook:AAMkADAwATM0MDAAMS1hYjEyAAA3=',
      sourceUrl: URL_OPEN,
      occurredAt: '2026-11-19T08:30:00+01:00',
      title: 'Pilot pricing for Q1',
    });
    expect(seed.contacts[0]).toEqual({ full_name: 'Jonas Weber', email: 'jonas.weber@acme-robotics.example' });
  });

  it('asks the lookup about everyone but, without the user’s address on the page, leaves their domain out', () => {
    const view = viewOf('conversation-light.html');
    expect(view.lookup.ownAddressUnknown).toBe(true);
    expect(lookupEmailsFor(view.lookup, 'ana.ruiz@lumen-logistics.example')).toEqual([
      'mia.schmidt@acme-robotics.example',
      'jonas.weber@acme-robotics.example',
    ]);
    const known = viewOf('reading-pane-light.html');
    expect(known.lookup.ownAddressUnknown).toBe(false);
    expect(known.lookup.emails).not.toContain('ana.ruiz@lumen-logistics.example');
  });

  it('keys a message without an item id by what the page shows, and never by a guess', () => {
    const view = viewOf('conversation-dark.html', 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATY3ZmYAZS1hMWQ');
    expect(view.sources[0]?.key).toBe('outlook:AQQkADAwATY3ZmYAZS1hMWQ|carla@northwind-mills.example|2026-11-23T19:12:00+01:00');
    const conversation = { itemId: 'X'.repeat(20), subject: null, me: null, unread: [], messages: [] } as OutlookConversation;
    const message = { messageId: null, sender: null, fromMe: false, recipients: [], date: null, collapsed: false, body: 'x', snippet: null };
    expect(outlookMessageKey(conversation, message)).toBeNull();
  });

  it('says it could not read a page whose layout changed, and names what failed', () => {
    const view = viewOf('conversation-broken.html');
    expect(view.sources).toEqual([]);
    expect(view.unreadable).toEqual({ pageKind: 'conversation', parts: ['MESSAGE'] });
  });

  it('leaves out every address at the signed-in user’s domain, and nothing without one', () => {
    expect(withoutOwnDomain(['a@lumen.example', 'b@Lumen.Example', 'c@acme.example'], 'me@lumen.example')).toEqual(['c@acme.example']);
    expect(withoutOwnDomain(['a@lumen.example'], null)).toEqual(['a@lumen.example']);
  });

  it('offers no colleague as the customer when the page hides the user’s address, unless there is nobody else', () => {
    const people = [{ email: 'ana@lumen.example' }, { email: 'mia@acme.example' }, { email: 'ben@lumen.example' }];
    expect(customersFor(people, { ownAddressUnknown: true }, 'ana@lumen.example')).toEqual([{ email: 'mia@acme.example' }]);
    expect(customersFor(people, { ownAddressUnknown: false }, 'ana@lumen.example')).toEqual(people);
    const colleagues = [{ email: 'ben@lumen.example' }];
    expect(customersFor(colleagues, { ownAddressUnknown: true }, 'ana@lumen.example')).toEqual(colleagues);
  });
});
