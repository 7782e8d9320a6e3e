// What Gmail and LinkedIn show the panel: the page's readers turned into a view, plain data
// the content script reports. Pure, so the choices (who is the customer, what is asked in the
// lookup) are tested without a browser.
import { companyDomainOf } from '../free-mail';
import type { GmailThread } from '../capture/gmail';
import type { LinkedInConversation, LinkedInProfile } from '../capture/linkedin';
import { excerpt, withOffset } from '../format';
import { LIMITS } from '../limits';
import type { ContactCandidate, DraftSeed } from '../preview';
import { asContact, messageExcerpt, messageLabel, SOURCE_EXCERPT, uniqueByEmail } from './people';
import type { SiteView, SourceItem } from './types';

export { jobChanged, knownCompanyOf } from './job-change';

/** The lookup never asks about more people than this at once. */
export const MAX_LOOKUP_EMAILS = LIMITS.lookupEmails;

/** Shown next to a collapsed Gmail message: Highcard files what it can read, never a snippet. */
export const COLLAPSED_NOTICE = 'Open this message in Gmail first, so Highcard can read what it says.';

/** Everyone in the thread but the mailbox's owner, senders first. */
export function threadPeople(thread: GmailThread, me: string | null) {
  const senders = thread.messages.flatMap((m) => (m.sender ? [m.sender] : []));
  const recipients = thread.messages.flatMap((m) => m.recipients);
  return uniqueByEmail([...senders, ...recipients], me);
}

export function gmailView(thread: GmailThread, options: { url: string; me: string | null }): SiteView {
  const me = options.me?.toLowerCase() ?? null;
  const people = threadPeople(thread, me);
  const subjectDomain = people.map((p) => companyDomainOf(p.email)).find(Boolean);
  const title = (thread.subject ?? '').trim().slice(0, LIMITS.title) || '(no subject)';
  const sources: SourceItem[] = thread.messages.flatMap((message) => {
    const key = message.messageId ?? (message.legacyMessageId ? `legacy:${message.legacyMessageId}` : null);
    if (!key) return [];
    const collapsed = message.collapsed || message.body === null;
    const fromMe = message.sender?.email.toLowerCase() === me;
    const sender = message.sender && !fromMe ? [message.sender] : [];
    const seed: DraftSeed | { problem: string } = collapsed
      ? { problem: COLLAPSED_NOTICE }
      : {
          kind: 'email',
          sourceRef: key,
          sourceUrl: options.url,
          occurredAt: message.date ?? withOffset(new Date()),
          title,
          body: message.body ?? '',
          contacts: uniqueByEmail([...sender, ...message.recipients, ...people], me).map(asContact),
          contactIndex: 0,
        };
    return [
      {
        key,
        label: messageLabel(message.sender ? message.sender.name || message.sender.email : 'Unknown sender', message.date),
        detail: message.collapsed ? message.snippet : messageExcerpt(message.body ?? message.snippet),
        seed,
        ...(message.collapsed && { notice: COLLAPSED_NOTICE }),
        ...(fromMe && { mine: true }),
      },
    ];
  });
  return {
    site: 'gmail',
    id: `gmail:${thread.threadId ?? thread.legacyThreadId ?? options.url}`,
    heading: thread.subject ?? 'This conversation',
    url: options.url,
    lookup: {
      emails: people.map((p) => p.email.toLowerCase()).slice(0, MAX_LOOKUP_EMAILS),
      linkedinUrl: null,
      fullName: people[0]?.name?.trim() || null,
      // Gmail did not say whose mailbox this is: the user's whole domain is left out.
      ownAddressUnknown: me === null,
    },
    subject: subjectDomain ?? people[0]?.name ?? people[0]?.email ?? 'these people',
    sources,
    // An open thread with nothing Highcard can file: say so rather than show an empty list.
    ...(sources.length === 0 && {
      unreadable: { pageKind: 'thread' as const, parts: thread.messages.length === 0 ? ['MESSAGE'] : ['MESSAGE_ID_ATTRIBUTE'] },
    }),
  };
}

export function profileView(profile: LinkedInProfile, options: { url: string }): SiteView {
  const contact: ContactCandidate = {
    full_name: profile.fullName,
    linkedin_url: profile.profileUrl,
    ...(profile.currentTitle && { title: profile.currentTitle }),
    ...(profile.currentCompany && { company: profile.currentCompany }),
  };
  const summary = [
    profile.headline,
    profile.currentTitle && profile.currentCompany ? `${profile.currentTitle} at ${profile.currentCompany}` : null,
    profile.location,
  ]
    .filter(Boolean)
    .join('\n');
  const seedFor = (kind: 'linkedin_profile' | 'note'): DraftSeed => ({
    kind,
    sourceRef: kind === 'linkedin_profile' ? profileSourceRef(profile) : null,
    sourceUrl: kind === 'linkedin_profile' ? profile.profileUrl : null,
    occurredAt: withOffset(new Date()),
    title: kind === 'linkedin_profile' ? `${profile.fullName} — LinkedIn profile` : `Note about ${profile.fullName}`,
    body: kind === 'linkedin_profile' ? summary : '',
    contacts: [contact],
    contactIndex: 0,
  });
  return {
    site: 'linkedin',
    id: `linkedin:${profile.profileUrl}`,
    heading: profile.fullName,
    url: options.url,
    contextHeading: 'Known to your team?',
    lookup: { emails: [], linkedinUrl: profile.profileUrl, fullName: profile.fullName },
    subject: profile.fullName,
    sources: [
      {
        key: profileSourceRef(profile),
        label: profile.headline ?? profile.fullName,
        detail: [profile.currentCompany, profile.location].filter(Boolean).join(' · ') || null,
        seed: seedFor('linkedin_profile'),
      },
    ],
    extraSources: [
      {
        key: `note:${profile.profileUrl}`,
        label: 'A note about this person',
        detail: 'Something they told you, in your words.',
        seed: seedFor('note'),
        actionLabel: 'Write a note',
        repeatable: true,
      },
    ],
  };
}

/**
 * A profile is filed as it was on the day: its URL plus the job it showed. Filing the same
 * profile again is a no-op; after a job change it is a new entry (and updates the contact).
 */
export function profileSourceRef(profile: LinkedInProfile): string {
  return [profile.profileUrl, profile.currentCompany ?? '', profile.currentTitle ?? ''].join('|').slice(0, LIMITS.sourceRef);
}

export function conversationView(
  conversation: LinkedInConversation,
  options: { url: string; viewer: string | null },
): SiteView {
  const isViewer = (name: string | undefined) => Boolean(options.viewer && name === options.viewer);
  const others = conversation.participants.filter((p) => p.profileUrl && !isViewer(p.name));
  const sources: SourceItem[] = conversation.messages.flatMap((message) => {
    if (!message.eventUrn) return [];
    const people = [
      ...(message.sender?.profileUrl && !isViewer(message.sender.name) ? [message.sender] : []),
      ...conversation.participants.filter(
        (p) => p.profileUrl && p.profileUrl !== message.sender?.profileUrl && !isViewer(p.name),
      ),
    ];
    return [
      {
        key: message.eventUrn,
        label: messageLabel(message.sender?.name ?? 'Someone', message.time),
        detail: excerpt(message.text, SOURCE_EXCERPT).text,
        ...(isViewer(message.sender?.name) && { mine: true }),
        seed: {
          kind: 'linkedin_message' as const,
          sourceRef: message.eventUrn,
          sourceUrl: options.url.split('?')[0]!,
          occurredAt: message.time ?? withOffset(new Date()),
          title: `LinkedIn message from ${message.sender?.name ?? 'a contact'}`,
          body: message.text,
          contacts: people.map((p) => ({ full_name: p.name, linkedin_url: p.profileUrl })),
          contactIndex: 0,
        },
      },
    ];
  });
  return {
    site: 'linkedin',
    id: `linkedin:${conversation.threadId}`,
    heading: conversation.title ?? (others.map((p) => p.name).join(', ') || 'LinkedIn conversation'),
    url: options.url,
    lookup: { emails: [], linkedinUrl: others[0]?.profileUrl ?? null, fullName: others[0]?.name ?? null },
    subject: others[0]?.name ?? 'this person',
    sources,
    ...(sources.length === 0 && { unreadable: { pageKind: 'conversation' as const, parts: ['MESSAGE_ITEM'] } }),
  };
}
