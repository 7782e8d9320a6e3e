// The product's fixed vocabulary and limits, with no dependencies: the content scripts use
// these without pulling the schemas (and zod) into every Gmail and LinkedIn page.

export const KINDS = ['email', 'linkedin_message', 'linkedin_profile', 'note', 'clip'] as const;
export type Kind = (typeof KINDS)[number];

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

export const LIMITS = {
  title: 300,
  body: 20_000,
  sourceRef: 500,
  sourceUrl: 2048,
  name: 200,
  email: 320,
  domain: 253,
  /** Clock skew tolerated between the rep's machine and the server. */
  futureMs: 24 * 60 * 60 * 1000,
} as const;

/** Canonical profile URL: https://www.linkedin.com/in/<slug>, no query, locale or slash. */
export const LINKEDIN_PROFILE_URL = /^https:\/\/www\.linkedin\.com\/in\/[^/?#\s]+$/;

export const ROLES = ['member', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
