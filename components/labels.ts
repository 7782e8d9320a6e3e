// Words the popup and options page show for the record's fixed vocabularies.
import { clipLabel } from '../utils/capture/selection';
import type { OutboxStatus } from '../utils/messages';
import { SIGNAL_LABELS, type Kind, type Role, type Signal } from '../utils/vocabulary';

export const KIND_LABELS: Record<Kind, string> = {
  email: 'Email',
  linkedin_message: 'LinkedIn message',
  linkedin_profile: 'LinkedIn profile',
  note: 'Note',
  clip: 'Clip from a web page',
};

/** The kind as shown on an entry: a clip names its site where its author sees the source link. */
export function kindLabel(kind: Kind, sourceUrl?: string | null): string {
  return kind === 'clip' ? clipLabel(sourceUrl) : KIND_LABELS[kind];
}

/** Role names, spelled this one way wherever a role is shown or chosen. */
export const ROLE_LABELS: Record<Role, string> = { member: 'Member', manager: 'Manager', admin: 'Admin' };

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: 'Waiting to be sent',
  waiting_for_sign_in: 'Waiting for you to sign in',
  needs_attention: 'Needs your attention',
  sent: 'Filed',
};

export function signalLabel(signal: string): string {
  return SIGNAL_LABELS[signal as Signal] ?? signal;
}

/** A link is shown only when it is https: anything else (javascript:, data:) is not a link. */
export function safeHttpsUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function excerpt(text: string, max = 200): { text: string; cut: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? { text: `${flat.slice(0, max - 1)}…`, cut: true } : { text: flat, cut: false };
}
