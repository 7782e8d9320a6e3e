import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportProgress } from '../../../components/ImportProgress';

afterEach(cleanup);

describe('the import’s progress bar', () => {
  it('says how far the import has come, to the eye and to a screen reader', () => {
    render(<ImportProgress label="Importing" done={5000} total={12345} />);
    const bar = screen.getByRole('progressbar', { name: 'Importing' });
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuenow')).toBe('5000');
    expect(bar.getAttribute('aria-valuemax')).toBe('12345');
    expect(screen.getByText('5,000 of 12,345 rows')).toBeTruthy();
  });

  it('counts rows without a maximum while the length of the file is not known yet', () => {
    render(<ImportProgress label="Checking the file" done={5000} total={null} />);
    const bar = screen.getByRole('progressbar', { name: 'Checking the file' });
    expect(bar.getAttribute('aria-valuenow')).toBe('5000');
    expect(bar.hasAttribute('aria-valuemax')).toBe(false);
    expect(screen.getByText('5,000 rows so far')).toBeTruthy();
  });
});
