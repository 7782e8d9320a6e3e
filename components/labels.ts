// Words the extension's pages show for the record's fixed vocabularies. The kind and signal
// words themselves live once in utils/vocabulary.ts (the content scripts use them too).
import { clipLabel } from '../utils/capture/selection';
import type { OutboxStatus, PlanKind, PlanOutcome, PlanSide } from '../utils/messages';
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

/** Plans (pact rule 13): the words for an item's kind, a step's side and how it ended. */
export const PLAN_SECTION_LABELS = {
  goal: 'Goals',
  ours: 'What we promised',
  theirs: 'What they promised',
  risk: 'Risks',
  question: 'Open questions',
} as const;
export const PLAN_KIND_LABELS: Record<PlanKind, string> = { goal: 'Goal', step: 'Step', risk: 'Risk', question: 'Open question' };
export const PLAN_SIDE_LABELS: Record<PlanSide, string> = { ours: 'We promised', theirs: 'They promised' };
export const PLAN_OUTCOME_LABELS: Record<PlanOutcome, string> = { done: 'Done', dropped: 'Dropped' };
