import { describe, expect, it } from 'vitest';
import type { LookupResult, OutboxItem, PageSource } from '../../../../utils/messages';
import { filedEntryId, filingProgress, settlingSource } from '../../../../utils/panel/settle-by-filing';

const seed = {
  kind: 'email' as const,
  sourceRef: null,
  sourceUrl: null,
  occurredAt: '2026-12-01T10:00:00Z',
  title: 'Re: order form',
  body: 'Signed, attached.',
  contacts: [],
  contactIndex: 0,
};
const source = (key: string, fields: Partial<PageSource> = {}): PageSource => ({ key, label: key, detail: null, seed: { ...seed, sourceRef: key }, ...fields });
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
  ...fields,
});

describe('This settles it', () => {
  it('settles with the latest message from the customer, never the rep’s own or one that cannot be filed', () => {
    const sources = [
      source('m1'),
      source('m2'),
      source('m3', { mine: true }),
      source('m4', { seed: { problem: 'Expand it first.' } }),
      source('m5', { notice: 'Collapsed' }),
    ];
    expect(settlingSource(sources)?.key).toBe('m2');
    expect(settlingSource([source('m3', { mine: true })])).toBeNull();
  });

  it('uses the team’s entry when the reply is filed already', () => {
    const known = { contacts: [], accounts: [], people: [], entries: [{ id: 'e1', kind: 'email', title: 't', signals: [], occurred_at: 'x', source_ref: 'm2' }] } as LookupResult;
    expect(filedEntryId(source('m2'), known)).toBe('e1');
    expect(filedEntryId(source('m1'), known)).toBeNull();
  });

  it('waits for the server’s entry, and says when the filing needs the rep', () => {
    expect(filingProgress(['old'], ['old'], [item('old', { status: 'sent', result: { id: 'e0', account_id: null, contact_id: null, created: true } })])).toEqual({ kind: 'waiting' });
    expect(filingProgress(['old', 'new'], ['old'], [item('new', { status: 'pending' })])).toEqual({ kind: 'waiting' });
    expect(filingProgress(['new'], [], [item('new', { status: 'sent', result: { id: 'e9', account_id: 'a', contact_id: 'c', created: true } })])).toEqual({
      kind: 'filed',
      entryId: 'e9',
    });
    expect(filingProgress(['new'], [], [item('new', { status: 'needs_attention', error: 'title: too long' })]).kind).toBe('stuck');
  });

  it('leaves a filing that carries the step to the outbox, and tells when the outbox settled or skipped it', () => {
    const result = { id: 'e9', account_id: 'a', contact_id: 'c', created: true };
    const carrying = (state: 'waiting' | 'settled' | 'skipped', status: OutboxItem['status'] = 'sent') =>
      filingProgress(['new'], [], [item('new', { status, result: status === 'sent' ? result : null, settles: { planItemId: 'p1', state } })]);
    expect(carrying('waiting')).toEqual({ kind: 'waiting' });
    expect(carrying('waiting', 'pending')).toEqual({ kind: 'waiting' });
    expect(carrying('settled')).toEqual({ kind: 'settled', skipped: false });
    expect(carrying('skipped')).toEqual({ kind: 'settled', skipped: true });
    const stuck = carrying('waiting', 'needs_attention');
    expect(stuck).toEqual({ kind: 'stuck', message: 'The reply could not be filed; correct it in the outbox, the step is settled once it is filed.' });
  });
});
