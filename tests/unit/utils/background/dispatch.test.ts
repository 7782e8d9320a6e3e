import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../../../utils/background/dispatch';
import { KINDS } from '../../../../utils/messages';

const extensionPage = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' };
const gmailTab = { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 } as never };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the background dispatcher', () => {
  it('refuses messages from another extension', async () => {
    const result = await dispatch({ type: 'outbox.list', payload: {} }, { id: 'someone-else' });
    expect(result).toEqual({ ok: false, error: 'Messages from outside Highcard are refused.', kind: 'refused' });
  });

  it('refuses a malformed message with a clear error', async () => {
    expect(await dispatch('file everything', extensionPage)).toEqual({
      ok: false,
      error: 'Highcard received a message it does not understand.',
      kind: 'bug',
    });
    expect(await dispatch({ type: 'tabs.readAll', payload: {} }, extensionPage)).toEqual({
      ok: false,
      error: 'Unknown message “tabs.readAll”.',
      kind: 'bug',
    });
  });

  it('names the field when a payload is wrong', async () => {
    const result = await dispatch({ type: 'outbox.retry', payload: { id: 'nope' } }, extensionPage);
    expect(result).toEqual({ ok: false, error: 'id: must be a uuid', kind: 'refused' });
  });

  it('lets a content script report what its page shows, and nothing else: not file, read, sign in or change the connection', async () => {
    expect(await dispatch({ type: 'page.report', payload: { view: null } }, gmailTab)).toEqual({ ok: true, data: {} });
    expect(await dispatch({ type: 'outbox.list', payload: {} }, gmailTab)).toEqual({
      ok: false,
      error: '“outbox.list” is only available from Highcard’s own pages.',
      kind: 'refused',
    });
    expect(await dispatch({ type: 'outbox.list', payload: {} }, extensionPage)).toEqual({ ok: true, data: [] });
    const signIn = await dispatch(
      { type: 'session.signInWithPassword', payload: { email: 'a@acme.example', password: 'x' } },
      gmailTab,
    );
    expect(signIn).toEqual({ ok: false, error: '“session.signInWithPassword” is only available from Highcard’s own pages.', kind: 'refused' });
    const connect = await dispatch(
      { type: 'connection.set', payload: { url: 'https://evil.example', anonKey: 'x'.repeat(40) } },
      gmailTab,
    );
    // Refused for who asks, before the address is even looked at.
    expect(connect).toEqual({ ok: false, error: '“connection.set” is only available from Highcard’s own pages.', kind: 'refused' });
  });

  it('lets a content script ask for its site’s reader to be run in its own page', async () => {
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    expect(await dispatch({ type: 'page.reader', payload: { site: 'gmail' } }, gmailTab)).toEqual({ ok: true, data: {} });
    expect(run).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/gmail-reader.js'] });
    expect((await dispatch({ type: 'page.reader', payload: { site: 'linkedin' } }, gmailTab)).ok).toBe(false);
  });

  it('files a capture into the outbox as the signed-in user, and refuses a bad one with the field named', async () => {
    const capture = {
      id: '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e6f',
      org_id: '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e',
      kind: 'email',
      source_ref: 'msg-f:1',
      occurred_at: '2026-11-20T09:41:00+01:00',
      title: 'Pricing',
      body: 'Too expensive.',
      contact: { full_name: 'Mia', email: 'mia@acme-robotics.example' },
    };
    const bad = await dispatch({ type: 'capture.file', payload: { capture: { ...capture, kind: 'fax' } } }, extensionPage);
    expect(bad).toEqual({ ok: false, error: `kind: must be one of ${KINDS.join(', ')}`, kind: 'refused' });

    // A page of Gmail may not file: refused for where it came from, before any handler runs.
    expect(await dispatch({ type: 'capture.file', payload: { capture } }, gmailTab)).toEqual({
      ok: false,
      error: '“capture.file” is only available from Highcard’s own pages.',
      kind: 'refused',
    });
    // Nobody signed in here yet: an item must have an author, so nothing is kept.
    expect(await dispatch({ type: 'capture.file', payload: { capture } }, extensionPage)).toMatchObject({ ok: false, kind: 'signed_out' });
    const { authStorage } = await import('../../../../utils/background/supabase');
    await authStorage.setItem('session', JSON.stringify({ access_token: 'expired', user: { id: 'a1a1a1a1-0000-4000-8000-000000000001', email: 'ana@acme.example' } }));
    const filed = await dispatch({ type: 'capture.file', payload: { capture } }, extensionPage);
    expect(filed).toMatchObject({
      ok: true,
      data: { id: capture.id, status: 'pending', filedBy: { userId: 'a1a1a1a1-0000-4000-8000-000000000001', email: 'ana@acme.example' } },
    });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
  });
});

describe('the lookup with automatic lookup switched off', () => {
  it('asks nothing of the backend unless the rep asked', async () => {
    const { settingsItem, activeOrgItem } = await import('../../../../utils/storage');
    await settingsItem.setValue({ autoLookup: false });
    await activeOrgItem.setValue('0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const result = await dispatch(
      { type: 'lookup', payload: { emails: ['mia@acme-robotics.example'], linkedinUrl: null, prefer: 'network' } },
      extensionPage,
    );
    expect(result).toEqual({ ok: true, data: { skipped: true } });
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});

describe('the handler map', () => {
  it('has exactly one handler for every message, none handled by two topics', async () => {
    const { topics } = await import('../../../../utils/background/dispatch');
    const { messages } = await import('../../../../utils/messages');
    const handled = topics.flatMap((topic) => Object.keys(topic));
    expect(handled.length).toBe(new Set(handled).size);
    expect(new Set(handled)).toEqual(new Set(Object.keys(messages)));
  });

  it('never lets an answer out that breaks its response schema', async () => {
    const { handlers } = await import('../../../../utils/background/dispatch');
    const invite = { type: 'org.invite', payload: { orgId: '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e', role: 'member' } };
    const handler = vi.spyOn(handlers, 'org.invite');
    handler.mockResolvedValueOnce({ code: 'ABC123' });
    expect(await dispatch(invite, extensionPage)).toEqual({ ok: true, data: { code: 'ABC123' } });
    handler.mockResolvedValueOnce({ code: 42 } as never);
    expect(await dispatch(invite, extensionPage)).toEqual({
      ok: false,
      error: 'Highcard’s background answered “org.invite” in an unexpected shape (code: Invalid input: expected string, received number).',
      kind: 'bug',
    });
    handler.mockRestore();
  });
});

describe('a failure, as the user reads it', () => {
  it('is one sentence naming the field when a server answer fails its schema, not a dump of issues', async () => {
    const { userMessage } = await import('../../../../utils/background/dispatch');
    const { membershipSchema } = await import('../../../../utils/messages');
    const { z } = await import('zod');
    const parsed = z.array(membershipSchema).safeParse([{ org_id: 'o', org_name: 'Acme', role: 'boss', department: null, display_name: null }, {}]);
    const message = userMessage(parsed.error);
    expect(message).toMatch(/^Highcard could not read the server’s answer \(\[0\]\.role: .+ \(and \d+ more problems\)\); /);
    expect(message).not.toMatch(/[{}\n]/);
  });

  it('names the first field of a refused request on one line, with how many more', async () => {
    const result = await dispatch({ type: 'outbox.retry', payload: { id: 'nope', extra: 1 } }, extensionPage);
    expect(result).toEqual({ ok: false, error: 'id: must be a uuid', kind: 'refused' });
    const many = await dispatch({ type: 'org.setRole', payload: { orgId: 'a', userId: 'b', role: 'boss' } }, extensionPage);
    expect(many).toEqual({ ok: false, error: 'orgId: must be a uuid (and 2 more problems)', kind: 'refused' });
  });
});
