import { vi } from 'vitest';
import type { DueStep, OpenStep, PlanItem } from '../../../utils/messages';
import type { PlanActions } from '../../../utils/plan-actions';

export const TODAY = '2026-12-09';

let next = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;

export function planItem(fields: Partial<PlanItem>): PlanItem {
  return {
    id: uuid(),
    kind: 'step',
    side: 'ours',
    body: 'Send the security questionnaire',
    due_on: null,
    contact_id: null,
    contact_name: null,
    taken_by_display_name: null,
    author_id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    author_display_name: 'Ana Lima',
    source_interaction_id: null,
    source_excerpt: null,
    created_at: '2026-12-01T09:00:00Z',
    settled_at: null,
    outcome: null,
    settled_note: null,
    revision_count: 0,
    written_by_me: false,
    taken_by_me: false,
    settled_by_me: false,
    ...fields,
  };
}

export function openStep(fields: Partial<OpenStep>): OpenStep {
  return {
    id: uuid(),
    account_id: 'acc-1',
    side: 'theirs',
    body: 'Send the signed order form',
    due_on: null,
    contact_name: null,
    taken_by_display_name: null,
    source_excerpt: null,
    ...fields,
  };
}

export function dueStep(fields: Partial<DueStep>): DueStep {
  return {
    id: uuid(),
    account_id: 'acc-1',
    account_name: 'Acme Robotics',
    side: 'ours',
    body: 'Send the pricing sheet',
    due_on: TODAY,
    contact_name: null,
    taken_by_display_name: null,
    source_interaction_id: null,
    ...fields,
  };
}

const ok = async () => ({ ok: true as const, data: {} });

export function fakePlanActions(overrides: Partial<PlanActions> = {}): PlanActions {
  return {
    edit: vi.fn(ok),
    withdraw: vi.fn(ok),
    settle: vi.fn(ok),
    reopen: vi.fn(ok),
    take: vi.fn(ok),
    release: vi.fn(ok),
    revisions: vi.fn(async () => ({ ok: true as const, data: [] })),
    copyForCustomer: vi.fn(ok),
    ...overrides,
  };
}
