// The last read failures, kept in this browser only and never sent: when a page looks like a
// thread, profile or conversation but a reader cannot read it, the panel records which
// parts failed (selector names, never page content) so that the user can paste a bug report
// from Settings → Page reading. Pure: the background stamps and stores a failure
// (handlers/clip.ts, readFailuresItem in utils/storage.ts).
import { browser } from 'wxt/browser';
import type { ReadFailure } from './messages';

export type { ReadFailure } from './messages';

export const MAX_READ_FAILURES = 20;

export type FailureSite = ReadFailure['site'];
export type FailurePageKind = ReadFailure['pageKind'];

/** Only names like "MESSAGE_BODY" or "profile.name" pass, so no page text can slip into a record. */
const PART_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,60}$/;

/** The same failure again within this time is one record, so a page that re-renders does not fill the list. */
const SAME_FAILURE_MS = 10 * 60 * 1000;

/** The list with `failure` added, newest first, at most MAX_READ_FAILURES. Pure. */
export function withFailure(list: readonly ReadFailure[], failure: ReadFailure): ReadFailure[] {
  const clean: ReadFailure = { ...failure, parts: [...new Set(failure.parts.filter((part) => PART_NAME.test(part)))].slice(0, 20) };
  const newest = list[0];
  if (
    newest &&
    newest.site === clean.site &&
    newest.pageKind === clean.pageKind &&
    newest.parts.join() === clean.parts.join() &&
    Math.abs(Date.parse(clean.at) - Date.parse(newest.at)) < SAME_FAILURE_MS
  ) {
    return [...list];
  }
  return [clean, ...list].slice(0, MAX_READ_FAILURES);
}

/** A failure as the background records it: this extension's version, this browser, now. */
export function stampFailure(failure: Pick<ReadFailure, 'site' | 'pageKind' | 'parts'>, now: Date = new Date()): ReadFailure {
  let extensionVersion = 'unknown';
  try {
    extensionVersion = browser.runtime.getManifest().version;
  } catch {
    // Outside the extension (a plain test DOM): the version stays unknown.
  }
  return {
    ...failure,
    extensionVersion,
    browser: typeof navigator === 'undefined' ? 'unknown' : navigator.userAgent,
    at: now.toISOString(),
  };
}

const SITE_NAMES: Record<FailureSite, string> = { gmail: 'Gmail', linkedin: 'LinkedIn', outlook: 'Outlook on the web' };

/** The text "Copy report" puts on the clipboard: no page content, nothing about people. */
export function failureReport(list: readonly ReadFailure[]): string {
  if (list.length === 0) return 'Highcard page reading: no failures recorded.';
  const lines = list.map(
    (failure) =>
      `- ${failure.at} · ${SITE_NAMES[failure.site]} ${failure.pageKind} · could not read: ${failure.parts.join(', ') || 'the page'} · Highcard ${failure.extensionVersion} · ${failure.browser}`,
  );
  return [`Highcard page reading: the last ${list.length} failure${list.length === 1 ? '' : 's'}`, ...lines].join('\n');
}

export function siteName(site: FailureSite): string {
  return SITE_NAMES[site];
}
