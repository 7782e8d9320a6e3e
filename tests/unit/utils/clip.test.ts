import { describe, expect, it } from 'vitest';
import { clipCapture, clipProblems, customerAddress, type ClipDraft } from '../../../utils/clip';

const draft: ClipDraft = {
  id: '00000000-0000-4000-8000-000000000001',
  orgId: '00000000-0000-4000-8000-000000000002',
  title: '  Ticket 4471  ',
  text: 'We need SSO.\n\nBefore March.',
  account: { mode: 'new', name: ' Acme Robotics ', domain: 'Acme-Robotics.example' },
  customer: { mode: 'new', name: ' Mia Schmidt ', address: 'linkedin.com/in/Mia-Schmidt/' },
  signals: ['feature_request'],
};
const handoff = { kind: 'clip' as const, sourceRef: 'b'.repeat(64), sourceUrl: 'https://support.acme.example/t/4471', selectedAt: '2026-11-20T09:41:00+01:00' };

describe('a clip as a capture', () => {
  it('files exactly the text shown, kind clip, keyed by the selection hash, with the source link', () => {
    expect(clipCapture(draft, handoff)).toEqual({
      id: draft.id,
      org_id: draft.orgId,
      kind: 'clip',
      source_ref: 'b'.repeat(64),
      source_url: 'https://support.acme.example/t/4471',
      occurred_at: '2026-11-20T09:41:00+01:00',
      title: 'Ticket 4471',
      body: 'We need SSO.\n\nBefore March.',
      signals: ['feature_request'],
      contact: { full_name: 'Mia Schmidt', linkedin_url: 'https://www.linkedin.com/in/mia-schmidt' },
      account: { name: 'Acme Robotics', domain: 'acme-robotics.example' },
    });
  });

  it('files on a known contact and an existing account, without a source link for http pages', () => {
    const capture = clipCapture(
      {
        ...draft,
        account: { mode: 'existing', id: 'acc-1', name: 'Acme' },
        customer: { mode: 'known', contact: { id: 'c-1', full_name: 'Mia', email: 'mia@acme.example', linkedin_url: null } },
      },
      { ...handoff, sourceUrl: null },
    );
    expect(capture).toMatchObject({ account: { id: 'acc-1' }, contact: { id: 'c-1' } });
    expect(capture).not.toHaveProperty('source_url');
  });

  it('reads a new customer’s address as an email or a LinkedIn profile, nothing else', () => {
    expect(customerAddress(' Mia@Acme.example ')).toEqual({ email: 'mia@acme.example' });
    expect(customerAddress('https://de.linkedin.com/in/mia-schmidt/?locale=de')).toEqual({ linkedin_url: 'https://www.linkedin.com/in/mia-schmidt' });
    expect(customerAddress('https://www.linkedin.com/company/acme')).toBeNull();
    expect(customerAddress('Mia Schmidt')).toBeNull();
  });

  it('names each problem for its field', () => {
    expect(clipProblems(draft)).toEqual([]);
    const fields = clipProblems({ ...draft, title: '', text: ' ', account: { mode: 'new', name: 'A', domain: 'not a domain' }, customer: null }).map((p) => p.field);
    expect(fields).toEqual(['title', 'text', 'account', 'customer']);
    expect(clipProblems({ ...draft, text: 'x'.repeat(20_001) })[0]?.field).toBe('text');
  });
});
