// What the tab beside the panel shows: a failure keeps its kind, so the view chooses its words
// by it, and asking again after a failure gets the answer.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REPORT_WAIT_MS, useTabView, type TabViewModel } from '../../../../utils/panel/use-tab-view';
import { send } from '../../../../utils/send';
import { tabViewsItem } from '../../../../utils/storage';
import type { PageView } from '../../../../utils/messages';
import { answerWith, fail, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

let model: TabViewModel | null = null;
function Probe({ tabId, navigations = 0 }: { tabId: number; navigations?: number }) {
  model = useTabView(tabId, navigations);
  const { state } = model;
  return <p>{state.status === 'error' ? `${state.kind}: ${state.message}` : state.status === 'ready' ? `ready: ${state.tab.view?.heading ?? 'nothing'}` : state.status}</p>;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
  model = null;
});
afterEach(cleanup);

describe('the tab view', () => {
  it('keeps the kind of a failure with its words', async () => {
    answerWith(send, { 'page.get': () => fail('Highcard was updated or restarted.', 'disconnected') });
    render(<Probe tabId={7} />);
    expect(await screen.findByText('disconnected: Highcard was updated or restarted.')).toBeTruthy();
    expect(model!.state).toEqual({ status: 'error', kind: 'disconnected', message: 'Highcard was updated or restarted.' });
  });

  it('asks again on retry and shows what the background answers then', async () => {
    let calls = 0;
    const mock = answerWith(send, {
      'page.get': () => (++calls === 1 ? fail('No tab with id: 7', 'not_found') : ok({ view: null, reportedAt: null })),
    });
    render(<Probe tabId={7} />);
    await screen.findByText('not_found: No tab with id: 7');
    model!.retry();
    expect(await screen.findByText('ready: nothing')).toBeTruthy();
    await waitFor(() => expect(mock.mock.calls.filter(([type]) => type === 'page.get')).toHaveLength(2));
    expect(mock).toHaveBeenLastCalledWith('page.get', { tabId: 7, fresh: false });
  });

  it('shows what a content script reported the moment the background keeps it, without asking the background again', async () => {
    const mock = answerWith(send, { 'page.get': () => ok({ view: null, reportedAt: null }) });
    render(<Probe tabId={7} />);
    await screen.findByText('ready: nothing');
    const asked = mock.mock.calls.length;
    const view: PageView = {
      site: 'gmail',
      id: 'gmail:pilot',
      heading: 'Pilot rollout',
      url: 'https://mail.google.com/mail/u/0/#inbox/abc',
      lookup: { emails: ['mia@acme-robotics.example'], linkedinUrl: null },
      subject: 'acme-robotics.example',
      sources: [],
    };
    await tabViewsItem.setValue({ 7: { view, reportedAt: 1 }, 8: { view: { ...view, heading: 'Another tab' }, reportedAt: 2 } });
    expect(await screen.findByText('ready: Pilot rollout')).toBeTruthy();
    expect(mock.mock.calls.length).toBe(asked);
  });

  it('asks the background when the view it kept for the tab goes away', async () => {
    const mock = answerWith(send, { 'page.get': () => ok({ view: null, reportedAt: null }) });
    await tabViewsItem.setValue({ 7: { view: null, reportedAt: 1 } });
    render(<Probe tabId={7} />);
    await screen.findByText('ready: nothing');
    const asked = mock.mock.calls.length;
    await tabViewsItem.setValue({});
    await waitFor(() => expect(mock.mock.calls.length).toBe(asked + 1));
    expect(mock).toHaveBeenLastCalledWith('page.get', { tabId: 7, fresh: false });
  });

  const thread: PageView = {
    site: 'gmail',
    id: 'gmail:pilot',
    heading: 'Pilot rollout',
    url: 'https://mail.google.com/mail/u/0/#inbox/abc',
    lookup: { emails: ['mia@acme-robotics.example'], linkedinUrl: null },
    subject: 'acme-robotics.example',
    sources: [],
  };
  const pageGets = (mock: ReturnType<typeof answerWith>) => mock.mock.calls.filter(([type]) => type === 'page.get').length;

  it('after a navigation inside the tab, shows what its content script reports and does not ask the background as well', async () => {
    const mock = answerWith(send, { 'page.get': () => ok({ view: null, reportedAt: null }) });
    const { rerender } = render(<Probe tabId={7} />);
    await screen.findByText('ready: nothing');
    const asked = pageGets(mock);
    // The browser tells the navigation in two steps; the report comes between them.
    rerender(<Probe tabId={7} navigations={1} />);
    await tabViewsItem.setValue({ 7: { view: thread, reportedAt: 1 } });
    rerender(<Probe tabId={7} navigations={2} />);
    expect(await screen.findByText('ready: Pilot rollout')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, REPORT_WAIT_MS + 100));
    expect(pageGets(mock)).toBe(asked);
    expect(screen.getByText('ready: Pilot rollout')).toBeTruthy();
  });

  it('after a navigation inside the tab that no report follows, asks the background once the wait is over', async () => {
    let answer: PageView | null = null;
    const mock = answerWith(send, { 'page.get': () => ok({ view: answer, reportedAt: 1 }) });
    const { rerender } = render(<Probe tabId={7} />);
    await screen.findByText('ready: nothing');
    const asked = pageGets(mock);
    answer = thread;
    rerender(<Probe tabId={7} navigations={1} />);
    expect(pageGets(mock)).toBe(asked);
    expect(await screen.findByText('ready: Pilot rollout', {}, { timeout: REPORT_WAIT_MS + 1000 })).toBeTruthy();
    expect(pageGets(mock)).toBe(asked + 1);
  });

  it('asks at once when the panel follows another tab', async () => {
    const mock = answerWith(send, { 'page.get': () => ok({ view: null, reportedAt: null }) });
    const { rerender } = render(<Probe tabId={7} navigations={3} />);
    await screen.findByText('ready: nothing');
    rerender(<Probe tabId={8} navigations={3} />);
    await waitFor(() => expect(mock).toHaveBeenLastCalledWith('page.get', { tabId: 8, fresh: false }));
  });
});
