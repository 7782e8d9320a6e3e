import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountSearchField } from '../../../entrypoints/sidepanel/AccountSearchField';
import { SEARCH_DEBOUNCE_MS } from '../../../utils/panel/use-account-search';
import { send } from '../../../utils/send';
import { answerWith, fail, hit, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

const acme = hit('Acme Robotics', ['acme-robotics.example'], '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d61');
const acorn = hit('Acorn Foods', ['acorn.example'], '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d62');

const wait = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
const settle = () => wait(0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.mocked(send).mockReset();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('account search', () => {
  it('waits until typing pauses and then asks once, for the latest text', async () => {
    const mock = answerWith(send, { 'accounts.search': () => ok([acme, acorn]) });
    render(<AccountSearchField onOpen={() => {}} />);
    const box = screen.getByRole('combobox', { name: 'Find an account' });

    fireEvent.input(box, { target: { value: 'a' } });
    await wait(100);
    fireEvent.input(box, { target: { value: 'ac' } });
    await wait(SEARCH_DEBOUNCE_MS - 1);
    expect(mock).not.toHaveBeenCalled();
    await wait(1);
    await settle();
    expect(mock).toHaveBeenCalledTimes(1);
    expect(mock).toHaveBeenCalledWith('accounts.search', { query: 'ac' });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      expect.stringContaining('Acme Robotics'),
      expect.stringContaining('Acorn Foods'),
    ]);
    expect(box.getAttribute('aria-expanded')).toBe('true');
  });

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    answerWith(send, { 'accounts.search': () => ok([acme, acorn]) });
    const onOpen = vi.fn();
    render(<AccountSearchField onOpen={onOpen} />);
    const box = screen.getByRole('combobox', { name: 'Find an account' });
    fireEvent.input(box, { target: { value: 'ac' } });
    await wait(SEARCH_DEBOUNCE_MS);
    await settle();

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const [first, second] = screen.getAllByRole('option');
    expect(first!.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(first!.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(second!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(first!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(second!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(acorn);
  });

  it('opens a result that is clicked', async () => {
    answerWith(send, { 'accounts.search': () => ok([acme]) });
    const onOpen = vi.fn();
    render(<AccountSearchField onOpen={onOpen} />);
    fireEvent.input(screen.getByRole('combobox'), { target: { value: 'acme' } });
    await wait(SEARCH_DEBOUNCE_MS);
    await settle();
    fireEvent.click(screen.getByRole('option', { name: /Acme Robotics/ }));
    expect(onOpen).toHaveBeenCalledWith(acme);
  });

  it('drops an answer that arrives after a newer query was typed', async () => {
    let release: (() => void) | null = null;
    answerWith(send, {
      'accounts.search': ({ query }) =>
        query === 'ac'
          ? new Promise((resolve) => {
              release = () => resolve(ok([acme, acorn]));
            })
          : ok([acorn]),
    });
    render(<AccountSearchField onOpen={() => {}} />);
    const box = screen.getByRole('combobox');
    fireEvent.input(box, { target: { value: 'ac' } });
    await wait(SEARCH_DEBOUNCE_MS);
    fireEvent.input(box, { target: { value: 'aco' } });
    await wait(SEARCH_DEBOUNCE_MS);
    await settle();
    release!();
    await settle();
    expect(screen.getAllByRole('option')).toHaveLength(1);
    expect(screen.getByRole('option').textContent).toContain('Acorn Foods');
  });

  it('says when nothing matches, and what makes an account appear', async () => {
    answerWith(send, { 'accounts.search': () => ok([]) });
    render(<AccountSearchField onOpen={() => {}} />);
    fireEvent.input(screen.getByRole('combobox'), { target: { value: 'zeta' } });
    await wait(SEARCH_DEBOUNCE_MS);
    await settle();
    expect(screen.getByRole('status').textContent).toBe(
      'No account in your organization starts with “zeta”. Accounts appear once someone files an entry about them.',
    );
    expect(screen.getByRole('combobox').getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the background’s error in words', async () => {
    answerWith(send, { 'accounts.search': () => fail('Could not reach the server (Failed to fetch).') });
    render(<AccountSearchField onOpen={() => {}} />);
    fireEvent.input(screen.getByRole('combobox'), { target: { value: 'acme' } });
    await wait(SEARCH_DEBOUNCE_MS);
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Could not reach the server (Failed to fetch).');
  });

  it('clears the search with Escape and asks nothing for an empty box', async () => {
    const mock = answerWith(send, { 'accounts.search': () => ok([acme]) });
    render(<AccountSearchField onOpen={() => {}} />);
    const box = screen.getByRole('combobox') as HTMLInputElement;
    fireEvent.input(box, { target: { value: 'acme' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    await wait(SEARCH_DEBOUNCE_MS * 2);
    expect(box.value).toBe('');
    expect(mock).not.toHaveBeenCalled();
  });
});
