// What Gmail and Outlook share when they turn a thread into what the panel offers: the people
// in it (each once, the user left out), as the preview's customers, and how much of a message
// shows before its button. One place, so both mail sites choose customers the same way.
import { excerpt, formatWhen } from '../format';
import type { ContactCandidate } from '../preview';

/** How much of a message or profile the panel shows before its button. */
export const SOURCE_EXCERPT = 140;

export interface MailPerson {
  name: string | null;
  email: string;
}

/** Each address once, in order, leaving out `me` (the user's own address, when known). */
export function uniqueByEmail<Person extends MailPerson>(people: readonly Person[], me: string | null = null): Person[] {
  const seen = new Set<string>(me ? [me.toLowerCase()] : []);
  return people.filter((person) => {
    const email = person.email.toLowerCase();
    if (seen.has(email)) return false;
    seen.add(email);
    return true;
  });
}

/** A person in a mail thread as a customer the preview offers; no name: the address's name part. */
export function asContact(person: MailPerson): ContactCandidate {
  return { full_name: person.name?.trim() || person.email.split('@')[0]!, email: person.email.toLowerCase() };
}

/** "Mia Schmidt · Fri 20 Nov, 09:41": who wrote a message and when. */
export function messageLabel(who: string, date: string | null | undefined): string {
  return `${who}${date ? ` · ${formatWhen(date, true)}` : ''}`;
}

/** The first words of a message, as the panel lists it. */
export function messageExcerpt(body: string | null | undefined): string {
  return excerpt(body ?? '', SOURCE_EXCERPT).text;
}
