// Which LinkedIn page a URL is, and the canonical form of a profile URL. Pure functions of
// the URL string; the example URLs that must and must not match are in
// tests/unit/utils/capture/linkedin.test.ts.

const ORIGIN = 'https://www.linkedin.com';

/**
 * linkedin.com, www., m. and the two-letter country hosts public profiles are served on
 * (de.linkedin.com). Compared whole, so linkedin.com.evil.example never passes.
 */
const LINKEDIN_HOST = /^(?:(?:www|m|[a-z]{2})\.)?linkedin\.com$/;

/** /in/<slug>, then nothing, a language version (/de/), or an overlay drawn over the profile. */
const PROFILE_PATH = /^\/in\/([^/]+)\/?(?:[a-z]{2}(?:[-_][a-z]{2})?\/?|overlay\/[^?#]*)?$/i;

/** /in/<slug> followed by anything: the shape canonicalProfileUrl accepts. */
const ANY_PROFILE_PATH = /^\/in\/([^/]+)(?:\/|$)/i;

/** /messaging/thread/<id>/; "new" is the compose screen, which has no conversation yet. */
const THREAD_PATH = /^\/messaging\/thread\/([^/]+)\/?$/;

const FEED_PATH = /^\/feed\/?$/;

/**
 * Opaque member ids (/in/ACoAAB…) are case-sensitive; vanity slugs are not, and LinkedIn
 * links the same person as /in/Mia-Schmidt and /in/mia-schmidt.
 */
const MEMBER_ID = /^ACo[A-Za-z0-9_-]{20,}$/;

/** A URL on a LinkedIn host, or null. Relative URLs (hrefs) resolve against www.linkedin.com. */
function parseLinkedInUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), ORIGIN);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (!LINKEDIN_HOST.test(parsed.hostname.toLowerCase())) return null;
  return parsed;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment).normalize('NFC');
  } catch {
    return null;
  }
}

/** The main profile page of someone, or an overlay (contact info) drawn over it. */
export function isProfilePage(url: string): boolean {
  const parsed = parseLinkedInUrl(url);
  return Boolean(parsed && PROFILE_PATH.test(parsed.pathname) && canonicalProfileUrl(url));
}

/** An open conversation in the messaging page. */
export function isMessagingThread(url: string): boolean {
  return messagingThreadId(url) !== null;
}

export function isFeed(url: string): boolean {
  const parsed = parseLinkedInUrl(url);
  return Boolean(parsed && FEED_PATH.test(parsed.pathname));
}

/** The thread id from /messaging/thread/<id>/, percent-decoded ("2-MTY…==" keeps its "="). */
export function messagingThreadId(url: string): string | null {
  const parsed = parseLinkedInUrl(url);
  const raw = parsed ? THREAD_PATH.exec(parsed.pathname)?.[1] : undefined;
  if (!raw) return null;
  const id = decodeSegment(raw);
  if (!id || id.toLowerCase() === 'new' || /[\s/?#]/.test(id)) return null;
  return id;
}

/**
 * https://www.linkedin.com/in/<slug> for any URL of a profile or one of its sub-pages
 * (/details/…, /overlay/…, /de/, ?locale=…), relative or absolute; null for anything else.
 * The slug is percent-decoded (NFC), so /in/j%C3%BCrgen and /in/jürgen are one person, and
 * lowercased unless it is an opaque member id. This is the form utils/messages/ accepts.
 */
export function canonicalProfileUrl(url: string): string | null {
  const parsed = parseLinkedInUrl(url);
  const raw = parsed ? ANY_PROFILE_PATH.exec(parsed.pathname)?.[1] : undefined;
  if (!raw) return null;
  const decoded = decodeSegment(raw);
  if (!decoded || /[\s/?#\\]/.test(decoded)) return null;
  const slug = MEMBER_ID.test(decoded) ? decoded : decoded.toLowerCase();
  return `${ORIGIN}/in/${slug}`;
}
