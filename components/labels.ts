// Words the extension's pages show for the record's fixed vocabularies. The kind and signal
// words themselves live once in utils/vocabulary.ts (the content scripts use them too).
import { clipLabel } from '../utils/capture/selection';
import type { OutboxStatus } from '../utils/messages';
import { KIND_LABELS, type Kind, type Role } from '../utils/vocabulary';

export { excerpt } from '../utils/format';
export { KIND_LABELS, signalLabel } from '../utils/vocabulary';

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

/** A link is shown only when it is https: anything else (javascript:, data:) is not a link. */
export function safeHttpsUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
