import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clipFromTab, keepClip, latestClipId, NothingSelected, takeClip } from '../../../../utils/background/clip';
import { disableOutlook, enableOutlook, OUTLOOK_SCRIPT_ID, reconcileOutlook } from '../../../../utils/background/outlook';
import { pendingClipsItem } from '../../../../utils/storage';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const SELECTION = { text: 'We need SSO before the roll-out.', title: 'Ticket 4471', url: 'https://support.acme.example/t/4471#c3' };

describe('file selection: from the tab to the side panel', () => {
  it('keeps the cleaned selection for the panel, with the hash as source and the address as link', async () => {
    const clipId = await keepClip(SELECTION, Date.parse('2026-11-20T08:41:00Z'));
    const handoff = await takeClip(clipId);
    expect(handoff).toMatchObject({
      text: SELECTION.text,
      title: 'Ticket 4471',
      site: 'support.acme.example',
      sourceUrl: 'https://support.acme.example/t/4471',
      truncated: false,
    });
    expect(handoff.sourceRef).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(handoff.selectedAt)).toBe(Date.parse('2026-11-20T08:41:00Z'));
  });

  it('refuses an empty selection and forgets selections older than a day', async () => {
    await expect(keepClip({ ...SELECTION, text: '  ' })).rejects.toBeInstanceOf(NothingSelected);
    const old = await keepClip(SELECTION, Date.now() - 2 * 24 * 60 * 60 * 1000);
    await keepClip(SELECTION);
    expect(Object.keys(await pendingClipsItem.getValue())).not.toContain(old);
    await expect(takeClip(old)).rejects.toThrow(/no longer here/);
  });

  it('reads the tab the user acted in with one script and keeps what it read for the panel, newest first', async () => {
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: SELECTION }] as never);
    const earlier = await keepClip({ ...SELECTION, text: 'An earlier selection.' }, Date.now() - 60_000);
    await clipFromTab(7);
    expect(execute).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/selection.js'] });
    const latest = await latestClipId();
    expect(latest).not.toBe(earlier);
    expect((await takeClip(latest!)).text).toBe(SELECTION.text);
  });

  it('keeps nothing when nothing was selected or the page cannot be read', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: { ...SELECTION, text: '' } }] as never);
    await clipFromTab(7);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    await clipFromTab(8);
    expect(await pendingClipsItem.getValue()).toEqual({});
    expect(await latestClipId()).toBeNull();
  });
});

describe('Outlook on the web: permission and registration go together', () => {
  function fakeScripting(granted: boolean) {
    const registered = new Set<string>();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
    vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async () => {
      granted = false;
      return true;
    });
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async () =>
      [...registered].map((id) => ({ id })) as never,
    );
    const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
      for (const script of scripts) registered.add(script.id);
    });
    vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
      for (const id of filter?.ids ?? []) registered.delete(id);
    });
    return { register, registered };
  }

  it('registers the script, persisted, only once the browser granted the hosts', async () => {
    const { register } = fakeScripting(true);
    expect(await enableOutlook()).toEqual({ granted: true, registered: true });
    expect(register).toHaveBeenCalledWith([
      expect.objectContaining({
        id: OUTLOOK_SCRIPT_ID,
        matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
        persistAcrossSessions: true,
      }),
    ]);
  });

  it('registers a script file the build actually produces from the Outlook content entrypoint', async () => {
    const { register } = fakeScripting(true);
    await enableOutlook();
    // WXT lists every file the build emits in its generated paths; a renamed entrypoint drops out of it.
    const built = readFileSync(join(process.cwd(), '.wxt/types/paths.d.ts'), 'utf8');
    const files = register.mock.calls[0]![0].flatMap((script) => script.js ?? []);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(built, `${file} is not a file the build emits`).toContain(`"/${file}"`);
  });

  it('refuses to register without the permission', async () => {
    const { register } = fakeScripting(false);
    await expect(enableOutlook()).rejects.toThrow(/has not allowed Highcard/);
    expect(register).not.toHaveBeenCalled();
  });

  it('switching off removes both the script and the permission', async () => {
    const { registered } = fakeScripting(true);
    await enableOutlook();
    expect(await disableOutlook()).toEqual({ granted: false, registered: false });
    expect(registered.size).toBe(0);
  });

  it('follows a permission removed in the browser’s own settings', async () => {
    const scripting = fakeScripting(false);
    scripting.registered.add(OUTLOOK_SCRIPT_ID);
    await reconcileOutlook();
    expect(scripting.registered.size).toBe(0);
  });

  it('registers at start-up only what the user switched on, even where the browser allows more', async () => {
    const scripting = fakeScripting(true);
    await reconcileOutlook();
    expect(scripting.registered.size).toBe(0);
    await enableOutlook();
    scripting.registered.clear(); // a browser that keeps registrations for the session only
    await reconcileOutlook();
    expect([...scripting.registered]).toEqual([OUTLOOK_SCRIPT_ID]);
  });
});
