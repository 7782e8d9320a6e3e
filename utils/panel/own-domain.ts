// When a page does not show whose mailbox it is, the lookup must still never ask about the
// rep or their colleagues as customers: it leaves out every address at the domain of the
// email the user signed in to Highcard with. Pure.

export function withoutOwnDomain(emails: readonly string[], signedInEmail: string | null | undefined): string[] {
  const domain = signedInEmail?.split('@')[1]?.toLowerCase();
  if (!domain) return [...emails];
  return emails.filter((email) => email.split('@')[1]?.toLowerCase() !== domain);
}

/** The addresses a view's lookup may send, given who is signed in. */
export function lookupEmailsFor(
  lookup: { emails: readonly string[]; ownAddressUnknown?: boolean },
  signedInEmail: string | null | undefined,
): string[] {
  return lookup.ownAddressUnknown ? withoutOwnDomain(lookup.emails, signedInEmail) : [...lookup.emails];
}

/**
 * The preview's customers for such a page, the signed-in user's colleagues left out, so that
 * neither the rep nor a colleague is filed as the customer. A message only among colleagues
 * keeps its people: the rep then chooses, rather than finding nobody to choose.
 */
export function customersFor<T extends { email?: string | null }>(
  contacts: readonly T[],
  lookup: { ownAddressUnknown?: boolean },
  signedInEmail: string | null | undefined,
): T[] {
  if (!lookup.ownAddressUnknown) return [...contacts];
  const domain = signedInEmail?.split('@')[1]?.toLowerCase();
  const outside = contacts.filter((contact) => !domain || contact.email?.split('@')[1]?.toLowerCase() !== domain);
  return outside.length > 0 ? outside : [...contacts];
}
