import { describe, expect, it } from 'vitest';
import type { LookupResult, OutboxItem, PageSource } from '../../../../utils/messages';
import { promiseForAccount, promiseProgress, promiseSource } from '../../../../utils/panel/promise-by-filing';

const seed = {
  kind: 'email' as const,
  sourceRef: null,
  sourceUrl: null,
  occurredAt: '2026-12-01T10:00:00Z',
  title: 'Re: sample export',
  body: 'Jonas will send a sample export on Monday.',
  contacts: [],
  contactIndex: 0,
};
const source = (key: string, fields: Partial<PageSource> = {}): PageSource => ({ key, label: key, detail: null, seed: { ...seed, sourceRef: key }, ...fields });
const known = (refs: Record<string, string>) => ({ entries: Object.entries(refs).map(([source_ref, id]) => ({ id, source_ref })) }) as unknown as LookupResult;
const PROMISE = { id: 'p1', accountId: 'a1', kind: 'step' as const, side: 'theirs' as const, body: 'Jonas sends the export', take: false };
const item = (id: string, fields: Partial<OutboxItem>): OutboxItem => ({
  id,
  capture: {} as OutboxItem['capture'],
  status: 'pending',
  attempts: 0,
  nextAttemptAt: null,
  error: null,
  createdAt: 0,
  updatedAt: 0,
  result: null,
  promise: { item: PROMISE, state: 'waiting' },
  ...fields,
});

describe('Add as a promise from a message', () => {
  it('links the team’s entry at once when the message is filed, files it first when not, and adds without a source otherwise', () => {
    expect(promiseSource(source('m1'), known({ m1: 'e1' }))).toEqual({ kind: 'filed', entryId: 'e1' });
    expect(promiseSource(source('m2'), known({ m1: 'e1' }))).toMatchObject({ kind: 'file-first', source: { key: 'm2' } });
    expect(promiseSource(source('m3', { seed: { problem: 'Expand it first.' } }), known({}))).toEqual({ kind: 'none' });
    expect(promiseSource(null, known({}))).toEqual({ kind: 'none' });
  });

  it('waits while the preview is open, and says nothing was added when the rep closed it without filing', () => {
    const before = { before: ['old'], opened: false };
    expect(promiseProgress(before, true, ['old'], [])).toEqual({ kind: 'waiting' });
    expect(promiseProgress({ ...before, opened: true }, true, ['old'], [])).toEqual({ kind: 'waiting' });
    expect(promiseProgress({ ...before, opened: true }, false, ['old'], [])).toEqual({ kind: 'not-filed' });
  });

  it('follows the filing that carries the promise until the promise is added', () => {
    const filing = { before: [], opened: true };
    expect(promiseProgress(filing, false, ['c1'], [])).toEqual({ kind: 'waiting' });
    expect(promiseProgress(filing, false, ['c1'], [item('c1', {})])).toEqual({ kind: 'waiting' });
    expect(promiseProgress(filing, false, ['c1'], [item('c1', { status: 'sent', promise: { item: PROMISE, state: 'added' } })])).toEqual({ kind: 'added' });
  });

  it('says when the message needs correcting, and the server’s words when the promise was refused', () => {
    const filing = { before: [], opened: true };
    expect(promiseProgress(filing, false, ['c1'], [item('c1', { status: 'needs_attention' })])).toMatchObject({
      kind: 'stuck',
      message: expect.stringContaining('correct it in the outbox'),
    });
    const refused = item('c1', { status: 'sent', promise: { item: PROMISE, state: 'refused', error: 'contact_id: not at this account' } });
    expect(promiseProgress(filing, false, ['c1'], [refused])).toEqual({
      kind: 'stuck',
      message: 'The message is filed, but the promise was not added: contact_id: not at this account',
    });
  });
});

describe('a promise filed with its message to the account chosen in the preview', () => {
  const withMia = { ...PROMISE, contactId: 'c1' };
  const lookup = { contacts: [{ id: 'c1', full_name: 'Mia Schmidt' }], accounts: [{ id: 'a1', name: 'Acme Robotics' }] } as unknown as LookupResult;

  it('keeps its person on the promise’s own account, on no account, and when it has no person', () => {
    expect(promiseForAccount(withMia, { mode: 'existing', id: 'a1', name: 'Acme Robotics' }, lookup)).toEqual({ promise: withMia, note: null });
    expect(promiseForAccount(withMia, { mode: 'none' }, lookup)).toEqual({ promise: withMia, note: null });
    expect(promiseForAccount(PROMISE, { mode: 'new', name: 'Acme GmbH', domain: 'acme.example' }, lookup)).toEqual({ promise: PROMISE, note: null });
    expect(promiseForAccount(null, { mode: 'new', name: 'Acme GmbH', domain: 'acme.example' }, lookup)).toEqual({ promise: null, note: null });
  });

  it('goes without its person to another account or a new one, and says whose contact they are', () => {
    const elsewhere = promiseForAccount(withMia, { mode: 'existing', id: 'a2', name: 'Beta Freight' }, lookup);
    expect(elsewhere.promise).toEqual({ ...withMia, contactId: null });
    expect(elsewhere.note).toContain('The promise goes to Beta Freight with this message. Mia Schmidt is a contact of Acme Robotics');
    const created = promiseForAccount(withMia, { mode: 'new', name: 'Acme GmbH', domain: 'acme.example' }, null);
    expect(created.promise?.contactId).toBeNull();
    expect(created.note).toContain('The promise goes to Acme GmbH with this message. The person you chose is a contact of another account');
  });
});
