import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FollowButton } from '../../../components/FollowButton';

afterEach(cleanup);

describe('Follow', () => {
  it('toggles, and says beside it that only this browser knows', () => {
    const onChange = vi.fn();
    const { rerender } = render(<FollowButton accountName="Acme Robotics" following={false} onChange={onChange} />);
    const button = screen.getByRole('button', { name: 'Follow' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('Only this browser knows what you follow.')).toBeTruthy();
    fireEvent.click(button);
    expect(onChange).toHaveBeenLastCalledWith(true);

    rerender(<FollowButton accountName="Acme Robotics" following onChange={onChange} />);
    expect(screen.getByRole('button', { name: 'Follow', pressed: true })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Follow' }));
    expect(onChange).toHaveBeenLastCalledWith(false);
  });
});
