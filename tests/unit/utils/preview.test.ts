import { describe, expect, it } from 'vitest';
import { parseCapture, type LookupResult } from '../../../utils/messages';
import { accountChoicesFor, buildCapture, composeBody, domainLabel, newDraft, similarAccountQuery, type DraftSeed } from '../../../utils/preview';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const ID = '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e6f';
const ACME = '3c1d2b1e-3a4d-4c5e-8f90-1a2b3c4d5e60';

const seed: DraftSeed = {
  kind: 'email',
  sourceRef: 'msg-f:1789012345678901234',
  sourceUrl: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvKsbLpTmZr',
  occurredAt: '2026-11-20T09:41:00+01:00',
  title: 'Re: Pricing for 40 seats',
  body: 'We need SSO before we sign.\n\nAlso: can you do quarterly billing?',
  contacts: [
    { full_name: 'Ana Rep', email: 'ana@highcard.example' },
    { full_name: 'Mia Schmidt', email: 'mia.schmidt@acme-robotics.example', company: 'Acme Robotics' },
  ],
  contactIndex: 1,
};

const lookup = (accounts: LookupResult['accounts']): LookupResult => ({ contacts: [], accounts, entries: [], people: [] });

describe('the preview', () => {
  it('files exactly the trimmed text the rep kept, with the chosen signals', () => {
    const draft = { ...newDraft(ID, ORG, seed, null), body: 'We need SSO before we sign.', signals: ['objection' as const] };
    const capture = buildCapture(draft);
    expect(capture).toEqual({
      id: ID,
      org_id: ORG,
      kind: 'email',
      source_ref: seed.sourceRef,
      source_url: seed.sourceUrl,
      occurred_at: seed.occurredAt,
      title: 'Re: Pricing for 40 seats',
      body: 'We need SSO before we sign.',
      signals: ['objection'],
      contact: { full_name: 'Mia Schmidt', email: 'mia.schmidt@acme-robotics.example', company: 'Acme Robotics' },
      account: { name: 'Acme Robotics', domain: 'acme-robotics.example' },
    });
    expect(parseCapture(capture).ok).toBe(true);
  });

  it('adds the rep’s note under the body, as the preview shows it', () => {
    expect(composeBody('They want SSO.', '  Call back Monday ')).toBe('They want SSO.\n\nNote: Call back Monday');
    expect(composeBody('', 'Met at the fair')).toBe('Note: Met at the fair');
    expect(composeBody('Unchanged  ', '   ')).toBe('Unchanged  ');
  });

  it('offers the team’s matching account first', () => {
    const choices = accountChoicesFor(seed.contacts[1], lookup([{ id: ACME, name: 'Acme Robotics', domains: ['acme-robotics.example'] }]));
    expect(choices).toEqual([{ mode: 'existing', id: ACME, name: 'Acme Robotics' }]);
  });

  it('never offers to make an account from a free-mail address', () => {
    const choices = accountChoicesFor({ full_name: 'Sam', email: 'sam.lee@gmail.com' }, null);
    expect(choices).toEqual([{ mode: 'none' }]);
  });

  it('names a new account after the company, else after the domain', () => {
    expect(accountChoicesFor({ full_name: 'Lu', email: 'lu@north-wind.example' }, null)).toEqual([
      { mode: 'new', name: 'North Wind', domain: 'north-wind.example' },
    ]);
    expect(domainLabel('acme-robotics.example')).toBe('Acme Robotics');
  });

  it('sends no source for a note and no account when none is chosen', () => {
    const note = newDraft(ID, ORG, { ...seed, kind: 'note', sourceRef: null, sourceUrl: null, contacts: [{ full_name: 'Sam', linkedin_url: 'https://www.linkedin.com/in/sam-lee' }], contactIndex: 0 }, null);
    const capture = buildCapture(note);
    expect(capture).not.toHaveProperty('source_ref');
    expect(capture).not.toHaveProperty('source_url');
    expect(capture.account).toBeNull();
    expect(parseCapture(capture).ok).toBe(true);
  });
});

describe('accounts of a similar name in the preview', () => {
  const GMBH = '3c1d2b1e-3a4d-4c5e-8f90-1a2b3c4d5e61';
  const hits = [{ account_id: GMBH, name: 'Acme Robotics', domains: ['acme-robotics.example'], last_activity_at: null }];

  it('offers them beside "New account", which stays the first choice for an unknown sender', () => {
    const choices = accountChoicesFor({ full_name: 'Jonas Weber', email: 'jonas@acme-robotics.de', company: 'Acme Robotics' }, null, hits);
    expect(choices).toEqual([
      { mode: 'new', name: 'Acme Robotics', domain: 'acme-robotics.de' },
      { mode: 'existing', id: GMBH, name: 'Acme Robotics', domains: ['acme-robotics.example'] },
    ]);
  });

  it('chooses the account of someone the team knows in the thread, and lists it once', () => {
    const known = lookup([{ id: GMBH, name: 'Acme Robotics', domains: ['acme-robotics.de'] }]);
    const choices = accountChoicesFor({ full_name: 'Jonas Weber', email: 'jonas@acme-robotics.de' }, known, hits);
    expect(choices).toEqual([{ mode: 'existing', id: GMBH, name: 'Acme Robotics' }]);
  });

  it('files on the chosen one by id, so the server adds the new domain to it', () => {
    const draft = newDraft(ID, ORG, { ...seed, contactIndex: 1 }, null);
    const chosen = { ...draft, account: { mode: 'existing' as const, id: GMBH, name: 'Acme Robotics', domains: ['acme-robotics.example'] } };
    expect(buildCapture(chosen).account).toEqual({ id: GMBH });
  });

  it('looks for the company, else a name made from the domain, never for free mail', () => {
    expect(similarAccountQuery({ full_name: 'Jonas', email: 'jonas@acme-robotics.de' })).toBe('Acme Robotics');
    expect(similarAccountQuery({ full_name: 'Jonas', email: 'jonas@gmail.com', company: 'Acme GmbH' })).toBe('Acme GmbH');
    expect(similarAccountQuery({ full_name: 'Sam', email: 'sam@gmail.com' })).toBeNull();
  });
});
