// What Outlook on the web shows the sidebar: the open message or conversation as a SiteView,
// the same sidebar, lookup and preview as Gmail. Pure. When the page looks like an open
// conversation but the reader cannot read it, the view says so (`unreadable`) instead of
// showing an empty list or a guessed value.
import type { OutlookConversation, OutlookMessage, OutlookPerson } from '../capture/outlook';
import { companyDomainOf } from '../free-mail';
import { excerpt, formatWhen, withOffset } from '../format';
import { LIMITS } from '../limits';
import type { ContactCandidate } from '../preview';
import type { SiteView, SourceItem } from './types';

export const OUTLOOK_COLLAPSED_NOTICE = 'Open this message in Outlook first, so Highcard can read what it says.';

function uniquePeople(people: readonly OutlookPerson[], me: string | null): OutlookPerson[] {
  const seen = new Set<string>(me ? [me] : []);
  return people.filter((person) => {
    const email = person.email.toLowerCase();
    if (seen.has(email)) return false;
    seen.add(email);
    return true;
  });
}

/** Everyone in the conversation but the signed-in user (when the page names them), senders first. */
export function outlookPeople(conversation: OutlookConversation): OutlookPerson[] {
  const senders = conversation.messages.flatMap((m) => (m.sender && !m.fromMe ? [m.sender] : []));
  return uniquePeople([...senders, ...conversation.messages.flatMap((m) => m.recipients)], conversation.me);
}

const asContact = (person: OutlookPerson): ContactCandidate => ({
  full_name: person.name?.trim() || person.email.split('@')[0]!,
  email: person.email,
});

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

export function outlookView(
  conversation: OutlookConversation,
  options: { url: string; reread: () => OutlookConversation | null },
): SiteView {
  const people = outlookPeople(conversation);
  const sources: SourceItem[] = conversation.messages.flatMap((message) => {
    const key = outlookMessageKey(conversation, message);
    if (!key || !message.sender) return [];
    return [
      {
        key,
        label: `${message.sender.name || message.sender.email}${message.date ? ` · ${formatWhen(message.date, true)}` : ''}`,
        detail: message.collapsed ? message.snippet : excerpt(message.body ?? '', 140).text,
        ...(message.collapsed && { notice: OUTLOOK_COLLAPSED_NOTICE }),
        read: () => {
          const now = options.reread();
          const current = now?.messages.find((m) => now && outlookMessageKey(now, m) === key);
          if (!now || !current) return { problem: 'This message is no longer on the page. Open the conversation again and retry.' };
          if (current.collapsed || current.body === null) return { problem: OUTLOOK_COLLAPSED_NOTICE };
          const sender = current.sender && !current.fromMe ? [current.sender] : [];
          const contacts = uniquePeople([...sender, ...current.recipients, ...outlookPeople(now)], now.me).map(asContact);
          return {
            kind: 'email' as const,
            sourceRef: key,
            sourceUrl: options.url,
            occurredAt: current.date ?? withOffset(new Date()),
            title: (now.subject ?? '').trim().slice(0, LIMITS.title) || '(no subject)',
            body: current.body,
            contacts,
            contactIndex: 0,
          };
        },
      },
    ];
  });
  return {
    id: `outlook:${conversation.itemId ?? options.url}`,
    heading: conversation.subject ?? 'This conversation',
    lookup: {
      emails: people.map((p) => p.email).slice(0, LIMITS.lookupEmails),
      linkedinUrl: null,
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
