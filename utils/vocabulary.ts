// The product's fixed vocabulary, with no dependencies: the content scripts use
// these without pulling the schemas (and zod) into every Gmail and LinkedIn page.

export const KINDS = ['email', 'linkedin_message', 'linkedin_profile', 'note', 'clip'] as const;
export type Kind = (typeof KINDS)[number];

/** The one set of words for each kind (components/labels.ts kindLabel adds a clip's site). */
export const KIND_LABELS: Record<Kind, string> = {
  email: 'Email',
  linkedin_message: 'LinkedIn message',
  linkedin_profile: 'LinkedIn profile',
  note: 'Note',
  clip: 'Clip from a web page',
};

/** Customer signals: what the customer did or said, never what the rep did (pact rule 2). */
export const SIGNALS = [
  'buying_signal',
  'objection',
  'pricing',
  'feature_request',
  'churn_risk',
  'competitor',
  'support_issue',
  'praise',
  'job_change',
  'introduction',
] as const;
export type Signal = (typeof SIGNALS)[number];

export const SIGNAL_LABELS: Record<Signal, string> = {
  buying_signal: 'Buying signal',
  objection: 'Objection',
  pricing: 'Pricing',
  feature_request: 'Feature request',
  churn_risk: 'Churn risk',
  competitor: 'Competitor',
  support_issue: 'Support issue',
  praise: 'Praise',
  job_change: 'Job change',
  introduction: 'Introduction',
};

/** A signal's words; an unknown one (from a newer version) is shown as it is. */
export function signalLabel(signal: string): string {
  return SIGNAL_LABELS[signal as Signal] ?? signal;
}

/** The limits moved to utils/limits.ts; re-exported so that existing imports keep working. */
export { LIMITS } from './limits';

/** Canonical profile URL: https://www.linkedin.com/in/<slug>, no query, locale or slash. */
export const LINKEDIN_PROFILE_URL = /^https:\/\/www\.linkedin\.com\/in\/[^/?#\s]+$/;

export const ROLES = ['member', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Plans (pact rule 13): what an item is, whose promise a step is, and how it ended. */
export const PLAN_KINDS = ['goal', 'step', 'risk', 'question'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_SIDES = ['ours', 'theirs'] as const;
export type PlanSide = (typeof PLAN_SIDES)[number];
export const PLAN_OUTCOMES = ['done', 'dropped'] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];
