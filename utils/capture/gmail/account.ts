// Whose mailbox this is. Used only to tell the rep's own messages from the customer's, so
// that the preview picks the customer and the lookup does not ask about the rep.
import { ACCOUNT_BUTTON } from './selectors';

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

export function readAccountEmail(doc: Document): string | null {
  for (const selector of ACCOUNT_BUTTON) {
    for (const element of Array.from(doc.querySelectorAll(selector))) {
      const match = EMAIL_IN_TEXT.exec(element.getAttribute('aria-label') ?? '');
      if (match) return match[0].toLowerCase();
    }
  }
  // Gmail 2024: the window title names the account ("Inbox (3) - ana@… - Gmail").
  const fromTitle = / - ([^\s]+@[^\s]+) - Gmail$/.exec(doc.title ?? '');
  if (fromTitle?.[1] && EMAIL_IN_TEXT.test(fromTitle[1])) return fromTitle[1].toLowerCase();
  return null;
}
