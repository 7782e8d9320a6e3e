// What each site shows the sidebar: the page's readers turned into a SiteView. Pure, so the
// choices (who is the customer, what is asked in the lookup) are tested without a browser.
import type { LookupResult } from '../messages';
import { companyDomainOf } from '../free-mail';
import type { GmailPerson, GmailThread } from '../capture/gmail';
import type { LinkedInConversation, LinkedInProfile } from '../capture/linkedin';
import { excerpt, formatWhen, withOffset } from '../format';
import { LIMITS } from '../limits';
import type { ContactCandidate, DraftSeed } from '../preview';
import type { SiteView, SourceItem } from './types';

/** The lookup never asks about more people than this at once. */
export const MAX_LOOKUP_EMAILS = LIMITS.lookupEmails;

/** How much of a message or profile the sidebar shows before its button. */
const SOURCE_EXCERPT = 140;

const problem = (text: string) => ({ problem: text });

/** Shown next to a collapsed Gmail message: Highcard files what it can read, never a snippet. */
export const COLLAPSED_NOTICE = 'Open this message in Gmail first, so Highcard can read what it says.';

function uniqueByEmail(people: readonly GmailPerson[]): GmailPerson[] {
  const seen = new Set<string>();
  return people.filter((person) => {
    const email = person.email.toLowerCase();
    if (seen.has(email)) return false;
    seen.add(email);
    return true;
  });
}

/** Everyone in the thread but the mailbox's owner, senders first. */
export function threadPeople(thread: GmailThread, me: string | null): GmailPerson[] {
  const senders = thread.messages.flatMap((m) => (m.sender ? [m.sender] : []));
  const recipients = thread.messages.flatMap((m) => m.recipients);
  return uniqueByEmail([...senders, ...recipients]).filter((p) => p.email.toLowerCase() !== me);
}

function asContact(person: GmailPerson): ContactCandidate {
  return { full_name: person.name?.trim() || person.email.split('@')[0]!, email: person.email.toLowerCase() };
}

export function gmailView(
  thread: GmailThread,
  options: { url: string; me: string | null; reread: () => GmailThread | null },
): SiteView {
  const me = options.me?.toLowerCase() ?? null;
  const people = threadPeople(thread, me);
  const subjectDomain = people.map((p) => companyDomainOf(p.email)).find(Boolean);
  const sources: SourceItem[] = thread.messages.flatMap((message) => {
    const key = message.messageId ?? (message.legacyMessageId ? `legacy:${message.legacyMessageId}` : null);
    if (!key) return [];
    const who = message.sender ? message.sender.name || message.sender.email : 'Unknown sender';
    return [
      {
        key,
        label: `${who}${message.date ? ` · ${formatWhen(message.date, true)}` : ''}`,
        detail: message.collapsed ? message.snippet : excerpt(message.body ?? message.snippet ?? '', SOURCE_EXCERPT).text,
        ...(message.collapsed && { notice: COLLAPSED_NOTICE }),
        read: () => {
          const now = options.reread();
          const current = now?.messages.find(
            (m) => m.messageId === message.messageId && m.legacyMessageId === message.legacyMessageId,
          );
          if (!now || !current) return problem('This message is no longer on the page. Open the thread again and retry.');
          if (current.collapsed || current.body === null) {
            return problem(COLLAPSED_NOTICE);
          }
          const fromMe = current.sender?.email.toLowerCase() === me;
          const others = threadPeople(now, me);
          const sender = current.sender && !fromMe ? [current.sender] : [];
          const contacts = uniqueByEmail([...sender, ...current.recipients, ...others])
            .filter((p) => p.email.toLowerCase() !== me)
            .map(asContact);
          const seed: DraftSeed = {
            kind: 'email',
            sourceRef: key,
            sourceUrl: options.url,
            occurredAt: current.date ?? withOffset(new Date()),
            title: (now.subject ?? '').trim().slice(0, LIMITS.title) || '(no subject)',
            body: current.body,
            contacts,
            contactIndex: 0,
          };
          return seed;
        },
      },
    ];
  });
  return {
    id: `gmail:${thread.threadId ?? thread.legacyThreadId ?? options.url}`,
    heading: thread.subject ?? 'This conversation',
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

export function profileView(
  profile: LinkedInProfile,
  options: { url: string; reread: () => LinkedInProfile | null },
): SiteView {
  const contactOf = (p: LinkedInProfile): ContactCandidate => ({
    full_name: p.fullName,
    linkedin_url: p.profileUrl,
    ...(p.currentTitle && { title: p.currentTitle }),
    ...(p.currentCompany && { company: p.currentCompany }),
  });
  const seedFor = (kind: 'linkedin_profile' | 'note', known: LookupResult | null): DraftSeed | { problem: string } => {
    const now = options.reread();
    if (!now) return problem('This profile is no longer on the page. Open it again and retry.');
    const summary = [now.headline, now.currentTitle && now.currentCompany ? `${now.currentTitle} at ${now.currentCompany}` : null, now.location]
      .filter(Boolean)
      .join('\n');
    return {
      kind,
      sourceRef: kind === 'linkedin_profile' ? profileSourceRef(now) : null,
      sourceUrl: kind === 'linkedin_profile' ? now.profileUrl : null,
      occurredAt: withOffset(new Date()),
      title: kind === 'linkedin_profile' ? `${now.fullName} — LinkedIn profile` : `Note about ${now.fullName}`,
      body: kind === 'linkedin_profile' ? summary : '',
      contacts: [contactOf(now)],
      contactIndex: 0,
      suggestedSignals: jobChanged(knownCompanyOf(known, now.profileUrl), now.currentCompany) ? ['job_change'] : [],
    };
  };
  return {
    id: `linkedin:${profile.profileUrl}`,
    heading: profile.fullName,
    contextHeading: 'Known to your team?',
    lookup: { emails: [], linkedinUrl: profile.profileUrl, fullName: profile.fullName },
    subject: profile.fullName,
    sources: [
      {
        key: profileSourceRef(profile),
        label: profile.headline ?? profile.fullName,
        detail: [profile.currentCompany, profile.location].filter(Boolean).join(' · ') || null,
        read: (known) => seedFor('linkedin_profile', known),
      },
    ],
    extraSources: [
      {
        key: `note:${profile.profileUrl}`,
        label: 'A note about this person',
        detail: 'Something they told you, in your words.',
        read: (known) => seedFor('note', known),
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

/** The company the team has on record for this profile, if any. */
export function knownCompanyOf(known: LookupResult | null, profileUrl: string): string | null {
  const contact = known?.contacts.find(
    (c) => typeof c.linkedin_url === 'string' && c.linkedin_url.toLowerCase() === profileUrl.toLowerCase(),
  );
  return typeof contact?.company === 'string' ? contact.company : null;
}

/** A different current company than the one the team has on record. */
export function jobChanged(known: string | null | undefined, current: string | null): boolean {
  if (!known || !current) return false;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(known) !== norm(current);
}

export function conversationView(
  conversation: LinkedInConversation,
  options: { url: string; viewer: string | null; reread: () => LinkedInConversation | null },
): SiteView {
  const isViewer = (name: string | undefined) => Boolean(options.viewer && name === options.viewer);
  const others = conversation.participants.filter((p) => p.profileUrl && !isViewer(p.name));
  const sources: SourceItem[] = conversation.messages.flatMap((message) => {
    if (!message.eventUrn) return [];
    const urn = message.eventUrn;
    return [
      {
        key: urn,
        label: `${message.sender?.name ?? 'Someone'}${message.time ? ` · ${formatWhen(message.time, true)}` : ''}`,
        detail: excerpt(message.text, SOURCE_EXCERPT).text,
        read: () => {
          const now = options.reread();
          const current = now?.messages.find((m) => m.eventUrn === urn);
          if (!now || !current) return problem('This message is no longer on the page. Open the conversation again and retry.');
          const people = [
            ...(current.sender?.profileUrl && !isViewer(current.sender.name) ? [current.sender] : []),
            ...now.participants.filter(
              (p) => p.profileUrl && p.profileUrl !== current.sender?.profileUrl && !isViewer(p.name),
            ),
          ];
          return {
            kind: 'linkedin_message',
            sourceRef: urn,
            sourceUrl: options.url.split('?')[0]!,
            occurredAt: current.time ?? withOffset(new Date()),
            title: `LinkedIn message from ${current.sender?.name ?? 'a contact'}`,
            body: current.text,
            contacts: people.map((p) => ({ full_name: p.name, linkedin_url: p.profileUrl })),
            contactIndex: 0,
          };
        },
      },
    ];
  });
  return {
    id: `linkedin:${conversation.threadId}`,
    heading: conversation.title ?? (others.map((p) => p.name).join(', ') || 'LinkedIn conversation'),
    lookup: { emails: [], linkedinUrl: others[0]?.profileUrl ?? null, fullName: others[0]?.name ?? null },
    subject: others[0]?.name ?? 'this person',
    sources,
    ...(sources.length === 0 && { unreadable: { pageKind: 'conversation' as const, parts: ['MESSAGE_ITEM'] } }),
  };
}
