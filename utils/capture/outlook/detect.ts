// Which Outlook on the web page a URL shows. Outlook is a single-page app that keeps the open
// item in the path: "/mail/inbox" is a list, "/mail/inbox/id/AAQkAD…" a message or
// conversation open in the reading pane, "/mail/0/inbox/id/…" the same on outlook.live.com's
// first account, "/mail/deeplink/read/…" a message opened in its own window. The example URLs
// that must and must not match are in tests/unit/utils/capture/outlook.test.ts.

/** The hosts Highcard may be allowed on (optional host permissions, asked in Settings). */
export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'] as const;

/** The same hosts as match patterns, for permissions.request and registerContentScripts. */
export const OUTLOOK_MATCHES = OUTLOOK_HOSTS.map((host) => `https://${host}/*`);

/** Exchange item and conversation ids: base64 ("AAQkADAw…=", or "-"/"_" URL-safe), percent-encoded in the path. */
const ITEM_ID = /^[A-Za-z0-9+/=_-]{16,}$/;

function parse(url: string | URL): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for Outlook's web mail on one of its three hosts. */
export function isOutlookUrl(url: string | URL): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    (OUTLOOK_HOSTS as readonly string[]).includes(parsed.hostname) &&
    /^\/mail(?:\/|$)/.test(parsed.pathname)
  );
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The item id the URL opens ("AAQkAD…"), from ".../id/<id>" or "/deeplink/read/<id>", or null
 * for lists, settings, compose and other views.
 */
export function outlookItemIdFromUrl(url: string | URL): string | null {
  const parsed = parse(url);
  if (!parsed || !isOutlookUrl(parsed)) return null;
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
  if (segments.includes('options') || segments.includes('compose')) return null;
  let raw: string | undefined;
  const idIndex = segments.lastIndexOf('id');
  if (idIndex > 0) raw = segments[idIndex + 1];
  else if (segments[1] === 'deeplink' && segments[2] === 'read') raw = segments[3];
  if (raw === undefined) return null;
  const id = decode(raw);
  return id !== null && ITEM_ID.test(id) ? id : null;
}

/** True when a message or conversation is open (reading pane or its own window). */
export function isOutlookMessageView(url: string | URL): boolean {
  return outlookItemIdFromUrl(url) !== null;
}
