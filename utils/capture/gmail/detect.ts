// Which Gmail page a URL shows. Gmail is a single-page app that keeps its view in the hash:
// "#inbox" is a list, "#inbox/FMfcgz…" a thread in it, "#label/Customers/FMfcgz…" a thread
// reached from a label, "#inbox/p2" the list's second page, "#settings/general" settings.

const GMAIL_HOST = 'mail.google.com';

/**
 * Views whose hash has a free-text part (a label name, a search query) before the thread:
 * "#search/acme+pilot/FMfcgz…". For every other view the thread is the second segment.
 */
const VIEWS_WITH_ARGUMENT = new Set(['label', 'search', 'category', 'advanced-search', 'apps']);

/** Views that never show a thread, whatever follows them. */
const NON_THREAD_VIEWS = new Set(['settings', 'create-filter', 'contacts']);

/**
 * A thread token in the hash. Current tokens (Gmail 2018+) are 20+ letters from a
 * vowel-free alphabet ("FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm"), so label names, search words
 * and page markers ("p2") do not pass for one; older links use the 15–16 digit hex id.
 */
const THREAD_TOKEN = /^(?:[B-DF-HJ-NP-TV-XZb-df-hj-np-tv-xz]{20,}|[0-9a-f]{15,16})$/;

function parse(url: string | URL): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for Gmail's web app (any account, "/mail/u/1/", delegated "/mail/ca/…"). */
export function isGmailUrl(url: string | URL): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.hostname === GMAIL_HOST && parsed.pathname.startsWith('/mail/');
}

/** The thread token the URL opens ("FMfcgz…"), or null for lists, settings and other views. */
export function threadRefFromUrl(url: string | URL): string | null {
  const parsed = parse(url);
  if (!parsed || !isGmailUrl(parsed)) return null;
  return threadRefFromHash(parsed.hash);
}

/** The thread token a Gmail URL's hash ("#inbox/FMfcgz…") opens, or null: threadRefFromUrl for
 * a page already known to be Gmail's web app (its content script reads `location.hash`), with
 * no URL parsed. */
export function threadRefFromHash(hash: string): string | null {
  // The hash may carry its own query ("#inbox/FMfcgz…?compose=new"); it never names the thread.
  const route = hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = route.split('/').filter((segment) => segment !== '');
  const view = segments[0];
  if (view === undefined || NON_THREAD_VIEWS.has(view)) return null;
  const minimum = VIEWS_WITH_ARGUMENT.has(view) ? 3 : 2;
  const last = segments[segments.length - 1];
  if (segments.length < minimum || last === undefined) return null;
  return THREAD_TOKEN.test(last) ? last : null;
}

/** True when the URL shows one open thread (full page or reached from a label or search). */
export function isThreadView(url: string | URL): boolean {
  return threadRefFromUrl(url) !== null;
}
