import { describe, expect, it } from 'vitest';
import type { GmailThread } from '../../../../utils/capture/gmail';
import type { LinkedInConversation } from '../../../../utils/capture/linkedin';
import { conversationView, gmailView } from '../../../../utils/panel/site-views';

type GmailMessage = GmailThread['messages'][number];
const message = (messageId: string | null): GmailMessage => ({
  messageId,
  legacyMessageId: null,
  sender: { name: 'Mia', email: 'mia@acme.example' },
  recipients: [],
  date: null,
  collapsed: false,
  body: 'Hello',
  signature: null,
  snippet: null,
});
const URL_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm';

describe('a thread or conversation Highcard cannot read', () => {
  it('is said to be unreadable when Gmail shows a thread without messages Highcard can file', () => {
    const thread: GmailThread = { threadId: 'thread-f:1', legacyThreadId: null, subject: 'Pilot', messages: [] };
    expect(gmailView(thread, { url: URL_THREAD, me: null }).unreadable).toEqual({ pageKind: 'thread', parts: ['MESSAGE'] });
    const noIds: GmailThread = {
      ...thread,
      messages: [message(null)],
    };
    const view = gmailView(noIds, { url: URL_THREAD, me: null });
    expect(view.sources).toEqual([]);
    expect(view.unreadable).toEqual({ pageKind: 'thread', parts: ['MESSAGE_ID_ATTRIBUTE'] });
  });

  it('is not said of a thread that reads', () => {
    const thread: GmailThread = {
      threadId: 'thread-f:1',
      legacyThreadId: null,
      subject: 'Pilot',
      messages: [message('msg-f:1')],
    };
    expect(gmailView(thread, { url: URL_THREAD, me: null }).unreadable).toBeUndefined();
  });

  it('is said of a LinkedIn conversation with no message Highcard can file', () => {
    const conversation: LinkedInConversation = { threadId: '2-abc', title: 'Mia Schmidt', participants: [], messages: [] };
    const view = conversationView(conversation, { url: 'https://www.linkedin.com/messaging/thread/2-abc/', viewer: null });
    expect(view.unreadable).toEqual({ pageKind: 'conversation', parts: ['MESSAGE_ITEM'] });
  });
});

describe('a Gmail page that does not say whose mailbox it is', () => {
  it('asks the lookup to leave out the signed-in user’s domain', () => {
    const thread: GmailThread = { threadId: 'thread-f:1', legacyThreadId: null, subject: 'Pilot', messages: [message('msg-f:1')] };
    expect(gmailView(thread, { url: URL_THREAD, me: null }).lookup.ownAddressUnknown).toBe(true);
    expect(gmailView(thread, { url: URL_THREAD, me: 'ana@lumen.example' }).lookup.ownAddressUnknown).toBe(false);
  });
});
