import { describe, expect, it } from 'vitest';
import { parseCapture, type Candidate } from '../../../../utils/messages';
import { buildCapture, newDraft, type DraftSeed } from '../../../../utils/preview';
import { fileOnCandidate } from '../../../../utils/panel/use-same-person';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const ID = '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e6f';
const MIA = '3c1d2b1e-3a4d-4c5e-8f90-1a2b3c4d5e60';
const ACME = '9a1d2b1e-3a4d-4c5e-8f90-1a2b3c4d5e61';

const profile: DraftSeed = {
  kind: 'linkedin_profile',
  sourceRef: 'https://www.linkedin.com/in/mia-schmidt|Acme Robotics|CTO',
  sourceUrl: 'https://www.linkedin.com/in/mia-schmidt',
  occurredAt: '2026-11-20T09:41:00+01:00',
  title: 'Mia Schmidt — LinkedIn profile',
  body: 'CTO at Acme Robotics',
  contacts: [{ full_name: 'Mia Schmidt', linkedin_url: 'https://www.linkedin.com/in/mia-schmidt', title: 'CTO', company: 'Acme Robotics' }],
  contactIndex: 0,
};

const known: Candidate = {
  id: MIA,
  full_name: 'Mía Schmidt',
  email: 'mia@acme-robotics.example',
  linkedin_url: null,
  account_id: ACME,
  account_name: 'Acme Robotics',
};

describe('“Same person” in the preview', () => {
  it('files the profile on the known contact, linking the profile, under that contact’s account', () => {
    const draft = fileOnCandidate(newDraft(ID, ORG, profile, null), known);
    const capture = buildCapture(draft);
    expect(capture.contact).toEqual({ id: MIA, linkedin_url: 'https://www.linkedin.com/in/mia-schmidt', title: 'CTO', company: 'Acme Robotics' });
    expect(capture.account).toEqual({ id: ACME });
    // What the extension builds is what the server accepts.
    expect(parseCapture(capture).ok).toBe(true);
  });

  it('leaves people of other names as they are', () => {
    const other = { ...profile, contacts: [{ full_name: 'Rob Stone', linkedin_url: 'https://www.linkedin.com/in/rob' }] };
    const draft = fileOnCandidate(newDraft(ID, ORG, other, null), known);
    expect(buildCapture(draft).contact).toEqual({ full_name: 'Rob Stone', linkedin_url: 'https://www.linkedin.com/in/rob' });
  });

  it('refuses a known contact sent with a name, as the server does', () => {
    const capture = { ...buildCapture(newDraft(ID, ORG, profile, null)), contact: { id: MIA, full_name: 'Mia' } };
    expect(parseCapture(capture)).toEqual({ ok: false, errors: ['contact.full_name: must not be given with contact.id'] });
  });
});
