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
