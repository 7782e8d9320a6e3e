// What Outlook on the web shows the panel: the open message or conversation as a view, the
// same panel, lookup and preview as Gmail (the people helpers are Gmail's, utils/panel/people.ts).
// Pure. When the page looks like an open conversation but the reader cannot read it, the view
// says so (`unreadable`) instead of showing an empty list or a guessed value.
import type { OutlookConversation, OutlookMessage } from '../capture/outlook';
import { companyDomainOf } from '../free-mail';
import { withOffset } from '../format';
import { LIMITS } from '../limits';
import { asContact, messageExcerpt, messageLabel, uniqueByEmail } from './people';
import type { SiteView, SourceItem } from './types';

export const OUTLOOK_COLLAPSED_NOTICE = 'Open this message in Outlook first, so Highcard can read what it says.';

/** Everyone in the conversation but the signed-in user (when the page names them), senders first. */
export function outlookPeople(conversation: OutlookConversation) {
  const senders = conversation.messages.flatMap((m) => (m.sender && !m.fromMe ? [m.sender] : []));
  return uniqueByEmail([...senders, ...conversation.messages.flatMap((m) => m.recipients)], conversation.me);
}

/**
 * The message's source reference: Outlook's item id when the page carries one, else what the
 * page shows of it (conversation, sender, time), so filing it twice is one entry. Null when
 * even that is missing: a message is never keyed by a guess.
 */
export function outlookMessageKey(conversation: OutlookConversation, message: OutlookMessage): string | null {
  if (message.messageId) return `outlook:${message.messageId}`.slice(0, LIMITS.sourceRef);
  if (!conversation.itemId || !message.sender || !message.date) return null;
  return `outlook:${conversation.itemId}|${message.sender.email}|${message.date}`.slice(0, LIMITS.sourceRef);
}

export function outlookView(conversation: OutlookConversation, options: { url: string }): SiteView {
  const people = outlookPeople(conversation);
  const title = (conversation.subject ?? '').trim().slice(0, LIMITS.title) || '(no subject)';
  const sources: SourceItem[] = conversation.messages.flatMap((message) => {
    const key = outlookMessageKey(conversation, message);
    if (!key || !message.sender) return [];
    const sender = !message.fromMe ? [message.sender] : [];
    return [
      {
        key,
        label: messageLabel(message.sender.name || message.sender.email, message.date),
        detail: message.collapsed ? message.snippet : messageExcerpt(message.body),
        seed:
          message.collapsed || message.body === null
            ? { problem: OUTLOOK_COLLAPSED_NOTICE }
            : {
                kind: 'email' as const,
                sourceRef: key,
                sourceUrl: options.url,
                occurredAt: message.date ?? withOffset(new Date()),
                title,
                body: message.body,
                contacts: uniqueByEmail([...sender, ...message.recipients, ...people], conversation.me).map(asContact),
                contactIndex: 0,
              },
        ...(message.collapsed && { notice: OUTLOOK_COLLAPSED_NOTICE }),
        ...(message.fromMe && { mine: true }),
      },
    ];
  });
  return {
    site: 'outlook',
    id: `outlook:${conversation.itemId ?? options.url}`,
    heading: conversation.subject ?? 'This conversation',
    url: options.url,
    lookup: {
      emails: people.map((p) => p.email.toLowerCase()).slice(0, LIMITS.lookupEmails),
      linkedinUrl: null,
      fullName: people[0]?.name?.trim() || null,
      // Without the user's own address on the page, their whole domain is left out.
      ownAddressUnknown: conversation.me === null,
    },
    subject: people.map((p) => companyDomainOf(p.email)).find(Boolean) ?? people[0]?.name ?? people[0]?.email ?? 'these people',
    sources,
    // Never an empty list: a conversation with nothing Highcard can file says it could not read it.
    ...(sources.length === 0 && {
      unreadable: { pageKind: 'conversation' as const, parts: conversation.unread.length > 0 ? conversation.unread : ['MESSAGE'] },
    }),
  };
}
