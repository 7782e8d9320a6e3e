// Component tests answer the UI's messages here instead of a background: `send` from
// utils/send.ts is replaced with vi.mock in each test file and routed to these answers.
import { act } from '@testing-library/preact';
import { vi } from 'vitest';
import type { Responses } from '../../../utils/messages';
import type { AccountHit, ErrorKind, Failure, MessageType, MyEntry, Payload, Result, TimelineEntry } from '../../../utils/messages';
import type { send } from '../../../utils/send';

export type Answers = {
  [K in MessageType]?: (payload: Payload<K>) => Result<Responses[K]> | Promise<Result<Responses[K]>>;
};

/** Routes every call of the mocked `send` to `answers`; an unexpected message fails loudly. */
export function answerWith(mocked: typeof send, answers: Answers): ReturnType<typeof vi.mocked<typeof send>> {
  const fn = vi.mocked(mocked);
  fn.mockImplementation((async (type: MessageType, payload: unknown) => {
    const answer = answers[type] as ((payload: unknown) => unknown) | undefined;
    if (!answer) return { ok: false, error: `The test did not expect “${type}”.`, kind: 'bug' };
    return answer(payload);
  }) as typeof send);
  return fn;
}

/** Resolves once every `type` message asked so far has been answered and the page has
 * rendered what followed: the sign that the work finished, before a test says what did not
 * appear (a sleep cannot tell "not shown" from "not shown yet"). */
export async function answered(mocked: typeof send, type: MessageType): Promise<void> {
  const fn = vi.mocked(mocked);
  const answers = fn.mock.calls.flatMap(([asked], index) => (asked === type ? [fn.mock.results[index]?.value] : []));
  if (answers.length === 0) throw new Error(`No “${type}” was asked.`);
  await act(async () => {
    await Promise.all(answers);
  });
}

export const ok = <T>(data: T): { ok: true; data: T } => ({ ok: true, data });
export const fail = (error: string, kind: ErrorKind = 'refused'): Failure => ({ ok: false, error, kind });

export const ACCOUNT_ID = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
export const ME = '11111111-2222-4333-8444-555555555555';
export const COLLEAGUE = '66666666-7777-4888-9999-aaaaaaaaaaaa';

export function hit(name: string, domains: string[] = [], id = ACCOUNT_ID): AccountHit {
  return { account_id: id, name, domains, last_activity_at: null };
}

let counter = 0;
/** A timeline entry; ids are uuids that count up so keyset cursors are easy to read. */
export function entry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    account_id: ACCOUNT_ID,
    contact_id: null,
    contact_name: 'Mia Schmidt',
    kind: 'email',
    title: `Entry ${counter}`,
    body: 'The customer said something.',
    signals: [],
    occurred_at: new Date(Date.UTC(2026, 10, 20, 12) - counter * 60_000).toISOString(),
    source_url: null,
    author_id: COLLEAGUE,
    author_display_name: 'Ana Ruiz',
    author_department: 'Sales',
    revision_count: 0,
    ...overrides,
  };
}

export function myEntry(overrides: Partial<MyEntry> = {}): MyEntry {
  counter += 1;
  return {
    id: `00000000-0000-4000-9000-${String(counter).padStart(12, '0')}`,
    org_id: '22222222-3333-4444-8555-666666666666',
    org_name: 'Lumen Logistics',
    account_name: 'Acme Robotics',
    contact_name: 'Mia Schmidt',
    kind: 'email',
    title: `My entry ${counter}`,
    body: 'What the customer said.',
    signals: [],
    occurred_at: '2026-11-20T09:41:00+00:00',
    source_url: null,
    created_at: '2026-11-20T10:00:00+00:00',
    updated_at: '2026-11-20T10:00:00+00:00',
    retracted_at: null,
    ...overrides,
  };
}
