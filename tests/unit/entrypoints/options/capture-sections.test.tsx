import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OutlookSection } from '../../../../entrypoints/options/sections/OutlookSection';
import { PageReadingSection } from '../../../../entrypoints/options/sections/PageReadingSection';
import type { SectionProps } from '../../../../entrypoints/options/sections/types';
import { LatestAction } from '../../../../entrypoints/options/sections/use-action';
import { send } from '../../../../utils/send';
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { answerWith, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
});
afterEach(cleanup);

const props = {} as SectionProps;

/** The shell's "latest action" context, so that the section's notes show as in Settings. */
function Shell({ children }: { children: ComponentChildren }) {
  const [latest, claim] = useState<object | null>(null);
  return <LatestAction.Provider value={{ latest, claim }}>{children}</LatestAction.Provider>;
}
const FAILURE = {
  site: 'outlook' as const,
  pageKind: 'conversation' as const,
  parts: ['MESSAGE'],
  extensionVersion: '0.1.0',
  browser: 'Chrome/131',
  at: '2026-11-20T10:00:00.000Z',
};

describe('Settings → Page reading', () => {
  it('lists the failures kept in this browser and copies a report without page content', async () => {
    answerWith(send, { 'readFailures.list': () => ok([FAILURE]) });
    const write = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: write }, configurable: true });
    render(<Shell><PageReadingSection {...props} /></Shell>);
    const list = await screen.findByRole('list', { name: 'Pages Highcard could not read' });
    expect(list.textContent).toContain('Outlook on the web conversation · could not read MESSAGE');
    fireEvent.click(screen.getByRole('button', { name: 'Copy report' }));
    await waitFor(() => expect(write).toHaveBeenCalledOnce());
    expect(write.mock.calls[0]).toEqual([expect.stringContaining('could not read: MESSAGE · Highcard 0.1.0 · Chrome/131')]);
  });

  it('says when nothing has failed', async () => {
    answerWith(send, { 'readFailures.list': () => ok([]) });
    render(<Shell><PageReadingSection {...props} /></Shell>);
    expect(await screen.findByText('No page has failed to read.')).toBeTruthy();
  });
});

describe('Settings → Outlook on the web', () => {
  it('asks the browser for Outlook’s hosts when switched on, then has the script registered', async () => {
    const mock = answerWith(send, {
      'outlook.status': () => ok({ granted: false, registered: false }),
      'outlook.enable': () => ok({ granted: true, registered: true }),
    });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    render(<Shell><OutlookSection {...props} /></Shell>);
    const toggle = screen.getByRole('checkbox', { name: 'Use Highcard in Outlook on the web' }) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(request).toHaveBeenCalledWith({
      origins: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
    });
    expect(mock).toHaveBeenCalledWith('outlook.enable', {});
  });

  it('changes nothing when the browser refuses', async () => {
    const mock = answerWith(send, { 'outlook.status': () => ok({ granted: false, registered: false }) });
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    render(<Shell><OutlookSection {...props} /></Shell>);
    const toggle = screen.getByRole('checkbox', { name: 'Use Highcard in Outlook on the web' }) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    fireEvent.click(toggle);
    expect(await screen.findByText(/did not allow Highcard/)).toBeTruthy();
    expect(mock).not.toHaveBeenCalledWith('outlook.enable', {});
  });
});
