import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../../entrypoints/insights/App';
import { weekOf } from '../../../../utils/insights';
import type { InsightsOverview, SessionState, SignalWeek } from '../../../../utils/messages';
import { send } from '../../../../utils/send';
import { answerWith, type Answers, entry, fail, ME, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '22222222-3333-4444-8555-666666666666';

function session(overrides: Partial<SessionState> = {}): SessionState {
  return {
    connection: { url: 'http://127.0.0.1:54321' },
    user: { id: ME, email: 'ana@lumen.example' },
    organizations: [{ org_id: ORG, org_name: 'Lumen Logistics', role: 'member', department: null, display_name: 'Ana' }],
    activeOrgId: ORG,
    settings: { autoLookup: true },
    unsent: 0,
    ...overrides,
  };
}

const week = (w: string, signal: string, entries: number, accounts = entries): SignalWeek => ({ week: w, signal, entries, accounts });

const SERIES: SignalWeek[] = [
  week('2026-11-09', 'pricing', 1),
  week('2026-11-16', 'pricing', 5, 3),
  week('2026-11-23', 'pricing', 2, 2),
  week('2026-11-09', 'praise', 0),
  week('2026-11-16', 'praise', 1),
  week('2026-11-23', 'praise', 0),
];

function overview(overrides: Partial<InsightsOverview> = {}): InsightsOverview {
  return {
    orgId: ORG,
    weeks: 26,
    series: SERIES,
    changes: [{ signal: 'pricing', recent: 14, baseline: 12, expected: 4, direction: 'up', accounts: 9 }],
    fetchedAt: new Date().toISOString(),
    cached: false,
    problem: null,
    ...overrides,
  };
}

const answers = (more: Answers = {}): Answers => ({
  'session.get': () => ok(session()),
  'insights.overview': () => ok(overview()),
  'plan.overdueAccounts': () => ok({ ours: [], theirs: [], capped: false }),
  ...more,
});

let blobs: Blob[] = [];
beforeEach(() => {
  vi.mocked(send).mockReset();
  blobs = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

describe('the Insights page', () => {
  it('shows what changed as sentences with their direction, and a chart per signal', async () => {
    answerWith(send, answers());
    render(<App />);
    const changes = await screen.findByRole('list', { name: 'Changes beyond the usual' });
    expect(within(changes).getByRole('listitem').textContent).toBe(
      '▲Up. Pricing: 14 entries in the last 4 weeks from 9 accounts; about 4 expected',
    );
    const charts = screen.getAllByRole('slider');
    expect(charts.map((chart) => chart.getAttribute('aria-label'))).toEqual(['Pricing, entries per week', 'Praise, entries per week']);
    // The keyboard starts on the latest week and tells its distinct accounts.
    expect(charts[0]!.getAttribute('aria-valuetext')).toMatch(/^Week of .*: 2 entries from 2 accounts$/);
  });

  it('says it is loading until the first answer comes', async () => {
    answerWith(send, answers({ 'insights.overview': () => new Promise(() => undefined) }));
    render(<App />);
    expect((await screen.findByText('Loading insights…')).getAttribute('role')).toBe('status');
  });

  it('says “Nothing unusual in the last 4 weeks.” when no change is beyond noise', async () => {
    answerWith(send, answers({ 'insights.overview': () => ok(overview({ changes: [] })) }));
    render(<App />);
    expect(await screen.findByText('Nothing unusual in the last 4 weeks.')).toBeTruthy();
  });

  it('explains what will appear before anything with a signal was filed', async () => {
    answerWith(send, answers({ 'insights.overview': () => ok(overview({ series: [], changes: [] })) }));
    render(<App />);
    expect((await screen.findByText(/Nothing with a customer signal in the last 26 weeks yet/)).textContent).toMatch(
      /each signal gets a weekly chart here/,
    );
    expect(screen.getByRole('button', { name: 'Export CSV: a column per signal' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows the last answer with its age when the server cannot be reached', async () => {
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    answerWith(send, answers({ 'insights.overview': () => ok(overview({ cached: true, fetchedAt: tenMinutesAgo, problem: 'Could not reach the server.' })) }));
    render(<App />);
    const status = await screen.findByText(/Showing the last answer/);
    expect(status.textContent).toMatch(/10 minutes ago/);
    expect(screen.getAllByRole('slider')).toHaveLength(2);
  });

  it('says what went wrong and tries again', async () => {
    let calls = 0;
    answerWith(send, answers({ 'insights.overview': () => (++calls === 1 ? fail('Could not reach the server.') : ok(overview())) }));
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('Could not reach the server.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Changes beyond the usual' })).toBeTruthy();
  });

  it('asks to sign in, or to join an organization, first', async () => {
    answerWith(send, { 'session.get': () => ok(session({ user: null, activeOrgId: null })) });
    render(<App />);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    cleanup();
    answerWith(send, { 'session.get': () => ok(session({ activeOrgId: null })) });
    render(<App />);
    expect(await screen.findByText(/you are not in one yet/)).toBeTruthy();
  });

  it('asks for 13, 26 or 52 weeks', async () => {
    const mock = answerWith(send, answers());
    render(<App />);
    const select = await screen.findByLabelText('Weeks');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Last 13 weeks', 'Last 26 weeks', 'Last 52 weeks']);
    fireEvent.change(select, { target: { value: '13' } });
    await waitFor(() => expect(mock).toHaveBeenCalledWith('insights.overview', { weeks: 13 }));
  });

  it('shows the same numbers as tables and lists a week’s entries, a page at a time', async () => {
    const first = [entry({ title: 'Wants volume pricing' }), entry({ title: 'Budget question' })];
    const more = [entry({ title: 'Older pricing note' })];
    const mock = answerWith(
      send,
      answers({
        'insights.entries': (payload) =>
          payload.after
            ? ok({ entries: more.map((e) => ({ ...e, account_name: 'Globex' })), next: null })
            : ok({ entries: first.map((e) => ({ ...e, account_name: 'Acme Robotics' })), next: { occurred_at: first[1]!.occurred_at, id: first[1]!.id } }),
      }),
    );
    render(<App />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'Pricing: 8 entries' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 2).map((c) => c.textContent))).toEqual([['2', '2'], ['5', '3'], ['1', '1']]);

    fireEvent.click(within(rows[1]!).getByRole('button', { name: /^Show the 5 entries about Pricing in the week of/ }));
    await waitFor(() => expect(mock).toHaveBeenCalledWith('insights.entries', { signal: 'pricing', week: '2026-11-16', after: null, limit: 20 }));
    const list = await screen.findByRole('list', { name: /^Entries: Pricing in the week of .*, newest first$/ });
    expect(within(list).getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual(['Wants volume pricing', 'Budget question']);
    expect(within(list).getAllByRole('article')[0]!.textContent).toContain('Acme Robotics');
    expect(within(list).getAllByRole('article')[0]!.textContent).toContain('Filed by Ana Ruiz');
    // Everything an entry offers on the timeline it offers here, bound by the page.
    expect(within(list).getAllByRole('button', { name: 'Bring to a colleague' })).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(list).getAllByRole('article')).toHaveLength(3));
    expect(mock).toHaveBeenLastCalledWith('insights.entries', {
      signal: 'pricing',
      week: '2026-11-16',
      after: { occurred_at: first[1]!.occurred_at, id: first[1]!.id },
      limit: 20,
    });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('chooses a week on a chart with the keyboard', async () => {
    const mock = answerWith(send, answers({ 'insights.entries': () => ok({ entries: [], next: null }) }));
    render(<App />);
    const [pricing] = await screen.findAllByRole('slider');
    pricing!.focus();
    fireEvent.keyDown(pricing!, { key: 'ArrowLeft' });
    expect(pricing!.getAttribute('aria-valuetext')).toMatch(/: 5 entries from 3 accounts$/);
    fireEvent.keyDown(pricing!, { key: 'Enter' });
    await waitFor(() => expect(mock).toHaveBeenCalledWith('insights.entries', expect.objectContaining({ signal: 'pricing', week: '2026-11-16' })));
    expect(await screen.findByText(/No live entries that week any more/)).toBeTruthy();
    fireEvent.keyDown(pricing!, { key: 'Home' });
    fireEvent.keyDown(pricing!, { key: ' ' });
    await waitFor(() => expect(mock).toHaveBeenCalledWith('insights.entries', expect.objectContaining({ week: '2026-11-09' })));
  });

  it('exports the series as CSV with the screen’s names: a column per signal, or a row per signal and week', async () => {
    answerWith(send, answers());
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV: a column per signal' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV: a row per signal and week' }));
    click.mockRestore();
    expect((await blobs[0]!.text()).split('\r\n')).toEqual(['Week of,Pricing,Praise', '2026-11-09,1,0', '2026-11-16,5,1', '2026-11-23,2,0', '']);
    expect((await blobs[1]!.text()).split('\r\n').slice(0, 3)).toEqual(['Week of,Signal,Entries,Accounts', '2026-11-09,Pricing,1,1', '2026-11-16,Pricing,5,3']);
  });

  it('shows no table, chart or CSV column for a signal without entries in the window', async () => {
    const retracted = [week('2026-11-09', 'churn_risk', 0), week('2026-11-16', 'churn_risk', 0), week('2026-11-23', 'churn_risk', 0)];
    answerWith(send, answers({ 'insights.overview': () => ok(overview({ series: [...SERIES, ...retracted] })) }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<App />);
    expect((await screen.findAllByRole('slider')).map((chart) => chart.getAttribute('aria-label'))).toEqual([
      'Pricing, entries per week',
      'Praise, entries per week',
    ]);
    fireEvent.click(screen.getByRole('switch', { name: 'Show as table' }));
    expect(screen.getAllByRole('table').map((table) => table.querySelector('caption')?.textContent)).toEqual(['Pricing: 8 entries', 'Praise: 1 entry']);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV: a column per signal' }));
    click.mockRestore();
    expect((await blobs[0]!.text()).split('\r\n')[0]).toBe('Week of,Pricing,Praise');
  });

  it('says that the current week is not over yet', async () => {
    const now = weekOf(new Date());
    const series = [week('2026-11-09', 'pricing', 1), week(now, 'pricing', 2, 1)];
    answerWith(send, answers({ 'insights.overview': () => ok(overview({ series })) }));
    render(<App />);
    const [pricing] = await screen.findAllByRole('slider');
    expect(pricing!.getAttribute('aria-valuetext')).toMatch(/^This week so far \(week of .*\): 2 entries from 1 account$/);
    expect(screen.getByText(/The last, lighter bar is this week so far\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: 'Show as table' }));
    const rows = within(screen.getByRole('table', { name: 'Pricing: 3 entries' })).getAllByRole('rowheader');
    expect(rows.map((row) => row.textContent?.endsWith(' (so far)'))).toEqual([true, false]);
  });

  it('never shows who filed what as a number', async () => {
    answerWith(send, answers());
    render(<App />);
    await screen.findAllByRole('slider');
    expect(document.body.textContent).not.toMatch(/Ana|author|member|leaderboard/i);
  });

  it('lists the accounts waiting on us and those whose promises are overdue, by account with no one named', async () => {
    const fn = answerWith(
      send,
      answers({
        'plan.overdueAccounts': () =>
          ok({
            ours: [
              { account_id: 'a1', account_name: 'Acme', overdue_steps: 2, oldest_due_on: '2026-11-20' },
              { account_id: 'a2', account_name: 'Globex', overdue_steps: 1, oldest_due_on: '2026-12-01' },
            ],
            theirs: [],
            capped: false,
          }),
      }),
    );
    render(<App />);
    const waiting = await screen.findByRole('table', { name: 'Accounts waiting on us' });
    const rows = within(waiting)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole(/cell|rowheader/).map((cell) => cell.textContent));
    expect(rows.map(([name, overdue]) => [name, overdue])).toEqual([
      ['Acme', '2 steps of ours'],
      ['Globex', '1 step of ours'],
    ]);
    expect(within(waiting).getAllByRole('row')[1]!.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-20');
    expect(screen.getByText('Nothing overdue — no customer’s promise to us is past its date.')).toBeTruthy();
    const asked = fn.mock.calls.find(([type]) => type === 'plan.overdueAccounts');
    expect(asked?.[1]).toEqual({ today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('says nothing is overdue on both lists when no promise is past its date', async () => {
    answerWith(send, answers());
    render(<App />);
    expect(await screen.findByText('Nothing overdue — no account waits on us.')).toBeTruthy();
    expect(screen.getByText('Nothing overdue — no customer’s promise to us is past its date.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Accounts waiting on us' })).toBeNull();
  });
});
