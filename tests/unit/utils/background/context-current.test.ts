import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../../../utils/background/dispatch';
import { lookupCache } from '../../../../utils/background/services';
import { lookupKey } from '../../../../utils/lookup-cache';
import { activeOrgItem, tabContextItem } from '../../../../utils/storage';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const ACCOUNT = '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e6f';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgz';
const popup = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
const gmailTab = { id: 'test-extension-id', url: THREAD, tab: { id: 7 } as never };
const emails = ['mia@acme-robotics.example'];

beforeEach(async () => {
  fakeBrowser.reset();
  await activeOrgItem.setValue(ORG);
  await lookupCache.set(
    lookupKey(ORG, emails, null),
    { contacts: [], accounts: [{ id: ACCOUNT, name: 'Acme Robotics' }], entries: [], people: [], candidates: [] },
    Date.now(),
  );
});

const lookUp = () => dispatch({ type: 'lookup', payload: { emails, linkedinUrl: null, prefer: 'cache' } }, gmailTab);
/** What the sidebar says once its lookup matched an account. */
const tell = (accountId: string | null = ACCOUNT, accountName: string | null = 'Acme Robotics') =>
  dispatch({ type: 'sidebar.inView', payload: { accountId, accountName } }, gmailTab);
const current = (payload: unknown, sender: object = popup) => dispatch({ type: 'context.current', payload }, sender as never);

describe('which account the popup opens on', () => {
  it('is the account the tab’s sidebar said is in view', async () => {
    expect(await current({ tabId: 7 })).toEqual({ ok: true, data: { accountId: null, accountName: null } });
    expect((await tell()).ok).toBe(true);
    expect(await current({ tabId: 7, url: THREAD })).toEqual({ ok: true, data: { accountId: ACCOUNT, accountName: 'Acme Robotics' } });
    expect(await current({ tabId: 8 })).toEqual({ ok: true, data: { accountId: null, accountName: null } });
  });

  it('is not learnt from a lookup alone', async () => {
    expect((await lookUp()).ok).toBe(true);
    expect(await current({ tabId: 7, url: THREAD })).toEqual({ ok: true, data: { accountId: null, accountName: null } });
  });

  it('is none once the sidebar says no account is in view', async () => {
    await tell();
    await tell(null, null);
    expect(await current({ tabId: 7, url: THREAD })).toEqual({ ok: true, data: { accountId: null, accountName: null } });
  });

  it('is none once the tab has moved to another page, or another organization is active', async () => {
    await tell();
    expect(await current({ tabId: 7, url: 'https://mail.google.com/mail/u/0/#inbox' })).toEqual({
      ok: true,
      data: { accountId: null, accountName: null },
    });
    await activeOrgItem.setValue('11111111-2222-4333-8444-555555555555');
    expect(await current({ tabId: 7 })).toEqual({ ok: true, data: { accountId: null, accountName: null } });
  });

  it('is kept in session storage only, never in local storage', async () => {
    await tell();
    expect(Object.keys(await tabContextItem.getValue())).toEqual(['7']);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).not.toContain('tabContext');
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toContain('tabContext');
  });

  it('cannot be asked by a content script', async () => {
    expect(await current({ tabId: 7 }, gmailTab)).toEqual({
      ok: false,
      error: '“context.current” is only available from Highcard’s own pages.',
      kind: 'refused',
    });
  });
});
