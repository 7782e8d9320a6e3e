import { describe, expect, it } from 'vitest';
import type { LookupResult, OutboxItem } from '../../../../utils/messages';
import { justFiled } from '../../../../utils/panel/just-filed';
import type { SiteView } from '../../../../utils/panel/types';

const view: SiteView = {
  site: 'gmail',
  id: 'gmail:thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/thread',
  heading: 'Pilot',
  lookup: { emails: ['mia@acme-robotics.example'], linkedinUrl: null },
  subject: 'acme-robotics.example',
  sources: [{ key: 'msg-f:1', label: 'Mia', detail: null, seed: { problem: '' } }],
};
const item = (id: string, capture: Partial<OutboxItem['capture']>, createdAt = 1): OutboxItem =>
  ({ id, status: 'pending', attempts: 0, nextAttemptAt: null, error: null, createdAt, updatedAt: createdAt, result: null, capture: { title: id, contact: null, ...capture } }) as OutboxItem;
const none: LookupResult = { contacts: [], accounts: [], entries: [], people: [], candidates: [] };

describe('what the rep just filed about the page in view', () => {
  it('holds items about its messages, its people, or filed from it, newest first', () => {
    const items = [
      item('by-source', { source_ref: 'msg-f:1' }, 1),
      item('by-email', { contact: { full_name: 'Mia', email: 'MIA@acme-robotics.example' } }, 2),
      item('by-page', {}, 3),
      item('elsewhere', { source_ref: 'msg-f:9', contact: { full_name: 'Li', email: 'li@beta.example' } }, 4),
    ];
    expect(justFiled(view, items, { 'note:x': ['by-page'] }, none).map((i) => i.id)).toEqual(['by-page', 'by-email', 'by-source']);
  });

  it('leaves out what the team’s answer already holds', () => {
    const items = [item('a', { source_ref: 'msg-f:1' })];
    const known = { ...none, entries: [{ id: 'a', kind: 'email', title: 'a', signals: [], occurred_at: '2026-11-20T09:41:00Z', source_ref: 'msg-f:1' }] } as LookupResult;
    expect(justFiled(view, items, {}, known)).toEqual([]);
  });
});
