import { describe, expect, it } from 'vitest';
import { parseCapture, type LookupResult } from '../../../utils/messages';
import {
  accountChoiceLabel,
  accountChoicesFor,
  buildCapture,
  composeBody,
  domainLabel,
  newDraft,
  previewAccountChoices,
  similarAccountQuery,
  type AccountChoice,
  type DraftSeed,
} from '../../../utils/preview';

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
    expect(choices).toEqual([{ mode: 'existing', id: ACME, name: 'Acme Robotics', domains: ['acme-robotics.example'] }]);
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
    expect(choices).toEqual([{ mode: 'existing', id: GMBH, name: 'Acme Robotics', domains: ['acme-robotics.de', 'acme-robotics.example'] }]);
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

describe('one account, one option with one label, whichever answer arrives first', () => {
  // LinkedIn after "Same person": the draft holds the known contact's account by id and name;
  // the page's lookup and the same-name search both name the team's one Acme account.
  const profile = { full_name: 'Mia Schmidt', linkedin_url: 'https://www.linkedin.com/in/mia-schmidt', company: 'Acme Robotics' };
  const chosen: AccountChoice = { mode: 'existing', id: ACME, name: 'Acme Robotics' };
  const fromLookup = lookup([{ id: ACME, name: 'Acme Robotics', domains: ['acme-robotics.example'] }]);
  const fromSearch = [{ account_id: ACME, name: 'Acme Robotics', domains: ['acme-robotics.example'], last_activity_at: null }];
  const acmeOptions = (choices: AccountChoice[]) =>
    choices.filter((choice) => choice.mode === 'existing' && choice.id === ACME).map(accountChoiceLabel);

  it('labels it by its domain when the lookup answers first, when the search does, and once both have', () => {
    const lookupFirst = [previewAccountChoices(profile, fromLookup, [], chosen), previewAccountChoices(profile, fromLookup, fromSearch, chosen)];
    const searchFirst = [previewAccountChoices(profile, null, fromSearch, chosen), previewAccountChoices(profile, fromLookup, fromSearch, chosen)];
    for (const choices of [...lookupFirst, ...searchFirst]) {
      expect(acmeOptions(choices)).toEqual(['Acme Robotics (acme-robotics.example)']);
    }
    expect(lookupFirst[1]).toEqual(searchFirst[1]);
  });

  it('gives the same option when the draft took the account from an earlier answer of either kind', () => {
    const tookFromLookup = previewAccountChoices(profile, fromLookup, [], chosen).find((c) => c.mode === 'existing')!;
    const tookFromSearch = previewAccountChoices(profile, null, fromSearch, chosen).find((c) => c.mode === 'existing')!;
    expect(previewAccountChoices(profile, fromLookup, fromSearch, tookFromLookup)).toEqual(
      previewAccountChoices(profile, fromLookup, fromSearch, tookFromSearch),
    );
  });

  it('says "on record" only while no answer knows a domain of the account', () => {
    expect(acmeOptions(previewAccountChoices(profile, null, [], chosen))).toEqual(['Acme Robotics (on record)']);
    const noDomain = lookup([{ id: ACME, name: 'Acme Robotics', domains: [] }]);
    expect(acmeOptions(previewAccountChoices(profile, noDomain, [], chosen))).toEqual(['Acme Robotics (on record)']);
  });

  it('keeps a name the draft lacks from the answers, and two accounts of one name apart by domain', () => {
    const unnamed: AccountChoice = { mode: 'existing', id: ACME, name: '' };
    const OTHER = '3c1d2b1e-3a4d-4c5e-8f90-1a2b3c4d5e69';
    const both = [...fromSearch, { account_id: OTHER, name: 'Acme Robotics', domains: ['acme-robotics.de'], last_activity_at: null }];
    const labels = previewAccountChoices(profile, null, both, unnamed).map(accountChoiceLabel);
    expect(labels).toEqual(['New account: Acme Robotics', 'Acme Robotics (acme-robotics.example)', 'Acme Robotics (acme-robotics.de)', 'No account']);
  });
});
